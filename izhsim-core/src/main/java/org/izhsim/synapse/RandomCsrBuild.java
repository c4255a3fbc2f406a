package org.izhsim.synapse;

import java.util.Arrays;
import java.util.List;
import org.izhsim.network.Connectivity;
import org.izhsim.network.SynapseGroup;

/**
 * Builds the CSR rows of random-rule groups without copying the synapse arrays: pass 1 counts
 * the synapses of each pre per worker's post range, pass 2 draws the same partners again (they
 * are a pure function of (seed, name, post), {@link Partners}) and writes each synapse straight
 * into its CSR slot. Each worker's posts are ascending and its cursors start after the lower
 * workers' synapses of that row, so rows come out sorted by post for any worker count.
 *
 * <p>Rewrites that promised to be faster lost against this direct write (blocked transposes
 * through per-worker buckets, keeping pass 1's draws bit-packed, one shared loop over the draw
 * in pass 2): the rows' partly written cache lines stay in L3, so the scattered writes are cheap;
 * BENCHMARKS.md §1 has the measurements. Most of what remains is page faults and TLB misses on
 * the rows, which is why the launcher turns on transparent huge pages.
 */
final class RandomCsrBuild {
    private RandomCsrBuild() {}

    /**
     * Pass 2 for one worker, one post per call. A call per post, not one loop over the worker's
     * share, so that a deoptimisation here (a branch or class that the warm-up sample's build
     * never met) costs the rest of one post in the interpreter instead of the rest of the share.
     */
    private static final class RowWriter {
        private final Partners partners;
        private final Csr[] out;
        private final Values[] vals;
        private final int[][] cursors;
        private final boolean shared;
        private final int[] lo, np;
        private final Partners.Scratch sc;
        private int[] kept;

        RowWriter(Partners partners, Csr[] out, Values[] vals, int[][] cursors, boolean shared, int[] lo, int[] np,
                  Partners.Scratch sc, int cap) {
            this.partners = partners;
            this.out = out;
            this.vals = vals;
            this.cursors = cursors;
            this.shared = shared;
            this.lo = lo;
            this.np = np;
            this.sc = sc;
            this.kept = new int[Math.max(16, cap)];
        }

        /** Writes post q's synapses into each member's rows at the worker's cursors. */
        void post(int q) {
            int n = partners.of(q, sc);
            for (int m = 0; m < out.length; m++) {
                Csr mat = out[m];
                Values v = vals[m];
                int[] cur = cursors[m];
                int[] sel = sc.out;
                int k = n;
                if (shared) {
                    if (kept.length < n) kept = new int[n];
                    k = Partners.keep(sc.out, n, lo[m], np[m], kept);
                    sel = kept;
                }
                final boolean perSynapseDelay = mat.uniformDelay < 0;
                long key = v.postKey(q);
                for (int i = 0; i < k; i++) {
                    int p = sel[i];
                    int j = cur[p]++;
                    mat.set(j, q, v.weight(key, p, -1));
                    if (perSynapseDelay) mat.setDelay(j, v.delay(q, p, -1));
                }
            }
        }
    }

    /**
     * The CSR matrices of {@code members} for posts [q0, q1), not yet prepared for workers, in
     * narrow posts if {@code narrowPosts} and the span allow; {@code members} share one partner
     * draw (several groups of a {@link Connectivity.FixedInDegreeFrom} population) or is a
     * single group.
     */
    static Csr[] build(List<SynapseGroup> members, long seed, int q0, int q1, Parallel par, boolean narrowPosts) {
        final int nm = members.size();
        final SynapseGroup first = members.get(0);
        final Partners partners = new Partners(first, seed);
        final boolean shared = first.connectivity() instanceof Connectivity.FixedInDegreeFrom;
        final int[] lo = new int[nm], np = new int[nm];
        final Values[] vals = new Values[nm];
        for (int m = 0; m < nm; m++) {
            SynapseGroup s = members.get(m);
            np[m] = s.pre().size();
            lo[m] = shared ? ((Connectivity.FixedInDegreeFrom) s.connectivity()).offsetOf(s.pre()) : 0;
            vals[m] = new Values(s, seed);
        }
        final int threads = par.size();
        final int[] tb = SynapseMatrix.split(q0, q1, threads);
        final int cap = Partners.capacity(first.connectivity());
        final int[][][] counts = new int[threads][nm][];
        final Partners.Scratch[] scratch = new Partners.Scratch[threads];
        // pass 1: count per pre in each thread's post range, per drawn index (a population
        // index for a shared draw), then cut out each member's block: one increment per
        // partner instead of a keep per member
        par.run(w -> {
            Partners.Scratch sc = new Partners.Scratch(partners.universe(), cap);
            int[] c = new int[partners.universe()];
            for (int q = tb[w]; q < tb[w + 1]; q++) {
                int n = partners.of(q, sc);
                int[] drawn = sc.out;
                for (int i = 0; i < n; i++) c[drawn[i]]++;
            }
            for (int m = 0; m < nm; m++) counts[w][m] = nm == 1 && lo[m] == 0 && np[m] == c.length ? c : Arrays.copyOfRange(c, lo[m], lo[m] + np[m]);
            scratch[w] = sc;
        });
        Csr[] out = new Csr[nm];
        for (int m = 0; m < nm; m++) {
            SynapseGroup s = members.get(m);
            int nPre = np[m];
            int[] rowStart = new int[nPre + 1];
            long total = 0;
            for (int p = 0; p < nPre; p++) {
                rowStart[p] = (int) Math.min(total, Integer.MAX_VALUE);
                for (int t = 0; t < threads; t++) {
                    int c = counts[t][m][p];
                    counts[t][m][p] = (int) Math.min(total, Integer.MAX_VALUE); // thread t's cursor in row p
                    total += c;
                }
            }
            Csr.checkNnz(s, total);
            rowStart[nPre] = (int) total;
            out[m] = new Csr(s, q0, q1, rowStart, (int) total, narrowPosts);
        }
        // pass 2: regenerate and write into the slots
        par.run(w -> {
            RowWriter writer = new RowWriter(partners, out, vals, counts[w], shared, lo, np, scratch[w], cap);
            for (int q = tb[w]; q < tb[w + 1]; q++) writer.post(q);
            counts[w] = null;
        });
        return out;
    }
}
