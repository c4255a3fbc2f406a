package org.izhsim.synapse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.izhsim.network.Connectivity;
import org.izhsim.network.Delays;
import org.izhsim.network.NeuronGroup;
import org.izhsim.network.SynapseGroup;
import org.izhsim.network.Weights;
import org.izhsim.random.CounterRandom;
import org.izhsim.network.engine.WorkerPool;
import org.junit.jupiter.api.Test;

/**
 * {@link Csr#buildRandom} gives bit-identical matrices for every thread count:
 * the same rows (sorted by post), posts, weight bits and delays as a one-thread reference
 * written here the obvious way (every post in ascending order appends its synapses to its
 * partners' rows), and as the build of commit 0b082be (checksums below), so that a faster
 * build can be checked against both.
 *
 * <p>Provenance of the checksums: computed by {@link #checksum} over the matrices of the
 * two-pass build of commit 0b082be (pass 2 writes every synapse straight into its CSR slot),
 * with 1 thread; that build and the reference agreed there for 1, 2 and 3 threads.
 */
class SynapseBuildEquivalenceTest {
    private static final long SEED = 2003;

    /** One case: the members of one draw and the posts [q0, q1) a rank owns. */
    private record Case(String name, List<SynapseGroup> members, int q0, int q1, long[] checksums) {}

    private static List<Case> cases() {
        List<Case> cs = new ArrayList<>();
        // the net2003 shape: one draw of K from exc + inh split over two groups, plus a population
        // group ("x") with no synapse group here, whose partners are dropped; per-synapse delays
        // in a byte (exc) and in a short (inh)
        NeuronGroup exc = NeuronGroup.builder("exc", 1600).build(), inh = NeuronGroup.builder("inh", 400).build();
        NeuronGroup x = NeuronGroup.builder("x", 300).build(), post = NeuronGroup.builder("post", 2500).build();
        Connectivity joint = Connectivity.fixedInDegreeFrom(300, "joint", List.of(exc, x, inh));
        cs.add(new Case("fixedInDegreeFrom joint", List.of(
                SynapseGroup.builder("e", exc, post).connect(joint).weights(Weights.ofUniform(r -> 0.5 * r))
                        .delays(Delays.uniform(0, 20)).build(),
                SynapseGroup.builder("i", inh, post).connect(joint).weights(Weights.uniform(-1, 0))
                        .delays(Delays.uniform(1, 400)).build()),
                0, 2500, new long[] {6900531187302898037L, -3387940767734803202L}));
        // the same draw for the posts [700, 1900) of one rank, uniform delay
        Connectivity joint2 = Connectivity.fixedInDegreeFrom(150, "joint2", List.of(exc, inh));
        cs.add(new Case("fixedInDegreeFrom rank slice", List.of(
                SynapseGroup.builder("e2", exc, post).connect(joint2).weights(Weights.uniform(0, 0.5)).build(),
                SynapseGroup.builder("i2", inh, post).connect(joint2).weights(Weights.constant(-1)).build()),
                700, 1900, new long[] {7243568218067095431L, -1231092335799454557L}));
        // a single group, many synapses per row (several bucket flushes per row), per-synapse delays
        NeuronGroup pre = NeuronGroup.builder("pre", 3000).build(), post2 = NeuronGroup.builder("post2", 4001).build();
        cs.add(new Case("fixedInDegree", List.of(
                SynapseGroup.builder("k", pre, post2).connect(Connectivity.fixedInDegree(400))
                        .weights(Weights.uniform(-2, 3)).delays(Delays.uniform(0, 9)).build()),
                0, 4001, new long[] {-8329880001245998179L}));
        cs.add(new Case("probability", List.of(
                SynapseGroup.builder("p", pre, post2).connect(Connectivity.probability(0.05))
                        .weights(Weights.uniform(0, 1)).build()),
                0, 4001, new long[] {1125703605945720926L}));
        // tiny: fewer posts than threads, rows of zero to three synapses
        NeuronGroup a = NeuronGroup.builder("a", 5).build(), b = NeuronGroup.builder("b", 2).build();
        cs.add(new Case("tiny", List.of(
                SynapseGroup.builder("t", a, b).connect(Connectivity.fixedInDegree(3)).weights(Weights.uniform(0, 1))
                        .delays(Delays.uniform(0, 2)).build()),
                0, 2, new long[] {-3840325858297726655L}));
        return cs;
    }

    @Test
    void everyThreadCountGivesTheReferenceMatrices() {
        for (Case c : cases()) {
            Ref[] ref = reference(c);
            for (int m = 0; m < ref.length; m++) {
                assertEquals(c.checksums()[m], checksum(ref[m].rowStart, ref[m].entries, ref[m].delays),
                        c.name() + " member " + m + ": reference checksum");
            }
            for (int threads = 1; threads <= 3; threads++) {
                for (boolean narrow : new boolean[] {false, true}) {
                    Csr[] got = Csr.buildRandom(c.members(), SEED, c.q0(), c.q1(), Threads.of(threads), narrow);
                    for (int m = 0; m < ref.length; m++) {
                        String what = c.name() + " member " + m + ", " + threads + " threads" + (narrow ? ", narrow posts" : "");
                        Csr g = got[m];
                        assertEquals(narrow, g.narrowPosts(), what + ": post width"); // every case spans ≤ 65,536 posts
                        assertArrayEquals(ref[m].rowStart, g.rowStart, what + ": row starts");
                        assertArrayEquals(ref[m].entries, entries(g), what + ": posts and weight bits");
                        assertArrayEquals(ref[m].delays, delays(g), what + ": delays");
                        assertEquals(c.checksums()[m], checksum(g.rowStart, entries(g), delays(g)), what + ": checksum");
                    }
                }
            }
        }
    }

    /** The (post, weight bits) pairs of {@code g} read through its accessors, whatever its post width. */
    private static int[] entries(Csr g) {
        int[] e = new int[2 * g.count()];
        for (int j = 0; j < g.count(); j++) {
            e[2 * j] = g.post(j);
            e[2 * j + 1] = Float.floatToRawIntBits(g.weight(j));
        }
        return e;
    }

    private record Ref(int[] rowStart, int[] entries, int[] delays) {}

    /** Every post in ascending order appends (post, weight, delay) to the rows of its partners. */
    private static Ref[] reference(Case c) {
        List<SynapseGroup> ms = c.members();
        SynapseGroup first = ms.get(0);
        Partners partners = new Partners(first, SEED);
        boolean shared = first.connectivity() instanceof Connectivity.FixedInDegreeFrom;
        Partners.Scratch sc = new Partners.Scratch(partners.universe(), Partners.capacity(first.connectivity()));
        List<List<List<int[]>>> rows = new ArrayList<>(); // [member][pre] -> (post, weight bits, delay)
        for (SynapseGroup s : ms) {
            List<List<int[]>> r = new ArrayList<>();
            for (int p = 0; p < s.pre().size(); p++) r.add(new ArrayList<>());
            rows.add(r);
        }
        for (int q = c.q0(); q < c.q1(); q++) {
            int n = partners.of(q, sc);
            for (int m = 0; m < ms.size(); m++) {
                SynapseGroup s = ms.get(m);
                Values v = new Values(s, SEED);
                int lo = shared ? ((Connectivity.FixedInDegreeFrom) s.connectivity()).offsetOf(s.pre()) : 0;
                for (int i = 0; i < n; i++) {
                    int p = sc.out[i] - lo;
                    if (p < 0 || p >= s.pre().size()) continue;
                    int d = s.uniformDelay() ? -1 : v.delay(q, p, -1);
                    rows.get(m).get(p).add(new int[] {q, Float.floatToRawIntBits(v.weight(v.postKey(q), p, -1)), d});
                }
            }
        }
        Ref[] out = new Ref[ms.size()];
        for (int m = 0; m < ms.size(); m++) {
            List<List<int[]>> r = rows.get(m);
            int[] rowStart = new int[r.size() + 1];
            for (int p = 0; p < r.size(); p++) rowStart[p + 1] = rowStart[p] + r.get(p).size();
            int nnz = rowStart[r.size()];
            int[] entries = new int[2 * nnz];
            int[] delays = ms.get(m).uniformDelay() ? null : new int[nnz];
            int j = 0;
            for (List<int[]> row : r) {
                for (int[] e : row) {
                    entries[2 * j] = e[0];
                    entries[2 * j + 1] = e[1];
                    if (delays != null) delays[j] = e[2];
                    j++;
                }
            }
            out[m] = new Ref(rowStart, entries, delays);
        }
        return out;
    }

    private static int[] delays(Csr g) {
        if (g.delay8 == null && g.delay16 == null) return null;
        int[] d = new int[g.nnz];
        for (int j = 0; j < g.nnz; j++) d[j] = g.delay8 != null ? g.delay8[j] & 0xFF : g.delay16[j];
        return d;
    }

    /** A SplitMix64 chain over the row starts, entries and delays (−1 marks "no delay array"). */
    static long checksum(int[] rowStart, int[] entries, int[] delays) {
        long h = 0;
        for (int x : rowStart) h = CounterRandom.mix64(h ^ x);
        for (int x : entries) h = CounterRandom.mix64(h ^ x);
        if (delays == null) h = CounterRandom.mix64(h ^ -1);
        else for (int x : delays) h = CounterRandom.mix64(h ^ (x + 0x100000000L));
        return h;
    }
}
