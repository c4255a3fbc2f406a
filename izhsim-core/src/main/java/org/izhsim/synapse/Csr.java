package org.izhsim.synapse;

import java.util.List;
import org.izhsim.network.SynapseGroup;

/**
 * {@link Rows} with posts ascending within each row, and the delays (if not uniform) in a byte
 * or short per synapse: the layout of static groups. Worker w's part of row {@code pre} is
 * [cut[w][pre], cut[w+1][pre]), found once by {@link #prepare}.
 *
 * <p>The delivery loops are shaped for the JIT: one loop per delay kind, no test inside them
 * that a warm-up could leave uncompiled, and {@link #deliverBatch} gathers the row bounds and
 * touches the rows' first cache lines before adding, so that the rows' cache misses overlap.
 */
public final class Csr extends Rows {
    final byte[] delay8;
    final short[] delay16;
    int[][] cut; // cut[w][pre]: first index of row pre for worker w (w = 0..workers)

    Csr(SynapseGroup g, int q0, int q1, int[] rowStart, int nnz) {
        super(g, q0, q1, rowStart, entries(g, nnz), nnz);
        boolean perSynapse = uniformDelay < 0;
        this.delay8 = perSynapse && g.delays().max() <= 255 ? new byte[nnz] : null;
        this.delay16 = perSynapse && delay8 == null ? new short[nnz] : null;
    }

    private static int[] entries(SynapseGroup g, long nnz) {
        checkNnz(g, nnz);
        return new int[(int) (2 * nnz)];
    }

    static void checkNnz(SynapseGroup s, long nnz) {
        if (nnz > (Integer.MAX_VALUE - 16) / 2) {
            throw new IllegalArgumentException("synapse group '" + s.name() + "' has " + nnz
                    + " synapses; one CSR group holds at most 2^30 - 8 (split it into several groups)");
        }
    }

    /**
     * Builds the CSR matrices of random-rule synapse groups in two passes over the posts (see
     * {@link RandomCsrBuild}); {@code members} share one partner draw or are a single group.
     * Not yet prepared for workers.
     */
    public static Csr[] buildRandom(List<SynapseGroup> members, long seed, int q0, int q1, Parallel par) {
        return RandomCsrBuild.build(members, seed, q0, q1, par);
    }

    void setDelay(int j, int d) {
        if (delay8 != null) delay8[j] = (byte) d;
        else if (delay16 != null) delay16[j] = (short) d;
    }

    void set(int j, int post, float weight) {
        entries[2 * j] = post;
        entries[2 * j + 1] = Float.floatToRawIntBits(weight);
    }

    @Override
    public int delay(int index) {
        if (delay8 != null) return delay8[index] & 0xFF;
        if (delay16 != null) return delay16[index];
        return uniformDelay;
    }

    @Override
    void rowDelays(int pre, int[] out) {
        for (int j = rowStart[pre], end = rowStart[pre + 1]; j < end; j++) out[j - rowStart[pre]] = delay(j);
    }

    @Override
    public long bytes() {
        long cuts = 0;
        if (cut != null) for (int w = 1; w < cut.length; w++) if (cut[w] != null) cuts += 4L * cut[w].length;
        return rowBytes() + (delay8 != null ? nnz : 0) + (delay16 != null ? 2L * nnz : 0) + cuts;
    }

    @Override
    public void prepare(int[] b) {
        int workers = b.length - 1;
        bounds = b;
        cut = new int[workers + 1][];
        cut[0] = rowStart;
        for (int w = 1; w < workers; w++) {
            int[] c = new int[nPre];
            int key = b[w];
            for (int pre = 0; pre < nPre; pre++) c[pre] = lowerBound(entries, rowStart[pre], rowStart[pre + 1], key);
            cut[w] = c;
        }
        // cut[workers][pre] = rowStart[pre + 1]: handled in deliver
    }

    @Override
    public long deliver(int pre, int w, double[][] ring, int slot0) {
        int from = cut[w][pre];
        int to = w + 1 == cut.length - 1 ? rowStart[pre + 1] : cut[w + 1][pre];
        if (from >= to) return 0;
        final int[] e = this.entries;
        int depth = ring.length;
        if (uniformDelay >= 0) {
            int slot = slot0 + uniformDelay;
            if (slot >= depth) slot -= depth;
            final double[] acc = ring[slot];
            for (int j = 2 * from, end = 2 * to; j < end; j += 2) acc[e[j]] += Float.intBitsToFloat(e[j + 1]);
        } else {
            int b0 = slot0;
            for (int j = from; j < to; j++) {
                int d = delay8 != null ? delay8[j] & 0xFF : delay16[j];
                int slot = b0 + d;
                if (slot >= depth) slot -= depth;
                ring[slot][e[2 * j]] += Float.intBitsToFloat(e[2 * j + 1]);
            }
        }
        return to - from;
    }

    @Override
    public long deliverBatch(int[] neurons, int from, int to, int off, int w, double[][] ring, int slot0, int[] fs, int[] ts) {
        if (uniformDelay < 0) return super.deliverBatch(neurons, from, to, off, w, ring, slot0, fs, ts);
        int slot = slot0 + uniformDelay;
        if (slot >= ring.length) slot -= ring.length;
        final double[] acc = ring[slot];
        final int[] e = this.entries, cf = cut[w], ct = w + 1 == cut.length - 1 ? null : cut[w + 1], rs = rowStart;
        long ev = 0;
        for (int c0 = from; c0 < to; c0 += BATCH) {
            final int c1 = Math.min(to, c0 + BATCH);
            // gather the row bounds first: independent loads, so their cache misses overlap
            int m = 0;
            if (ct == null) {
                for (int i = c0; i < c1; i++, m++) {
                    int pre = neurons[i] - off;
                    fs[m] = cf[pre];
                    ts[m] = rs[pre + 1];
                }
            } else {
                for (int i = c0; i < c1; i++, m++) {
                    int pre = neurons[i] - off;
                    fs[m] = cf[pre];
                    ts[m] = ct[pre];
                }
            }
            // touch the first cache lines of every row: independent loads whose misses
            // overlap, so the rows are in cache when the additions below reach them
            int touch = 0;
            for (int q = 0; q < m; q++) {
                final int end = 2 * Math.min(ts[q], fs[q] + TOUCH);
                for (int j = 2 * fs[q]; j < end; j += 16) touch += e[j];
            }
            fs[BATCH] = touch; // keeps the loads
            for (int q = 0; q < m; q++) {
                final int f = fs[q], t = ts[q];
                for (int j = 2 * f, end = 2 * t; j < end; j += 2) acc[e[j]] += Float.intBitsToFloat(e[j + 1]);
                // branch-free: a warm-up that never met an empty row segment would leave a
                // branch for it uncompiled, and the run's first one would deoptimise this
                ev += Math.max(0, t - f);
            }
        }
        return ev;
    }
}
