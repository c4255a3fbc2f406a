package org.izhsim.analysis.polychronous;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolychronousSearchTest {
    private static final SearchParams P = SearchParams.SPNET;

    /** The chain of {@link TestNetworks#chain} with a few distractors around it. */
    private static SynapseSnapshot chainNetwork(int length, boolean onlyOnce) {
        TestNetworks.Builder b = new TestNetworks.Builder();
        TestNetworks.chain(b, 0, length, onlyOnce, 10);
        int z = length + 3, inh = 18;
        // weak exc→exc synapses that would fire Z 2 ms after their coincidence were they not zeroed (3 × 9.4 mV)
        b.add(0, z, 5, 9.4).add(1, z, 4, 9.4).add(2, z, 3, 9.4);
        // an exc→inh PSP (kept: only exc→exc weights are zeroed) too small to fire, and an inhibitory synapse
        b.add(3, inh, 2, 6).add(inh, 7, 1, -5);
        return b.build(20, 16, 10);
    }

    @Test
    void findsTheHandBuiltChainAsExactlyOneGroup() throws Exception {
        int length = 8;
        PolychronousSearch.Result r = PolychronousSearch.find(chainNetwork(length, false), P, 1, null);
        assertEquals(1, r.groups().size(), r.groups().toString());
        PolychronousGroup g = r.groups().getFirst();
        assertEquals(3, g.mother());
        assertArrayEquals(new int[] {0, 1, 2}, g.anchors());
        int[] neurons = new int[length + 3];
        for (int i = 0; i < neurons.length; i++) neurons[i] = i;
        assertArrayEquals(neurons, g.spikeNeuron());
        assertArrayEquals(TestNetworks.chainTimes(length), g.spikeTimeMs());
        int[] layers = new int[length + 3];
        for (int k = 1; k <= length; k++) layers[k + 2] = k;
        assertArrayEquals(layers, g.spikeLayer());
        assertEquals(length, g.longestPath());
        assertEquals(3 * length, g.linkCount());
        assertEquals(7 + 3 * (length - 1), g.timeSpanMs());
        assertEquals(length + 3, g.size());
        for (int a = 0; a < 3; a++) assertEquals(2, g.anchorUse(a), "anchor " + a);
        // X2's links: from A0, A1 and X1, with the delays of the chain
        int[] into = java.util.stream.IntStream.range(0, g.linkCount()).filter(i -> g.linkPost()[i] == 4).toArray();
        assertArrayEquals(new int[] {0, 1, 3}, Arrays.stream(into).map(i -> g.linkPre()[i]).toArray());
        assertArrayEquals(new int[] {8, 7, 1}, Arrays.stream(into).map(i -> g.linkDelayMs()[i]).toArray());
    }

    @Test
    void aChainShorterThanTheMinimumPathIsNotAGroup() throws Exception {
        assertEquals(0, PolychronousSearch.find(chainNetwork(6, false), P, 1, null).groups().size());
        assertEquals(1, PolychronousSearch.find(chainNetwork(6, false), P.withMinPath(6), 1, null).groups().size());
    }

    @Test
    void weakWeightsGiveNoGroups() throws Exception {
        TestNetworks.Builder b = new TestNetworks.Builder();
        TestNetworks.chain(b, 0, 10, false, 9.5); // 0.95 sm exactly: not strong
        SynapseSnapshot s = b.build(20, 16, 10);
        PolychronousSearch.Result r = PolychronousSearch.find(s, P, 1, null);
        assertEquals(0, r.groups().size());
        assertEquals(0, r.combinations());
        // the same chain is a group once its weights count as strong
        assertEquals(1, PolychronousSearch.find(new SynapseSnapshot(20, 16, 9.9, s.pre(), s.post(), s.delayMs(), s.w()),
                P, 1, null).groups().size());
    }

    @Test
    void aGroupWithAnAnchorLinkedOnlyOnceIsRejected() throws Exception {
        SynapseSnapshot s = chainNetwork(8, true);
        assertEquals(0, PolychronousSearch.find(s, P, 1, null).groups().size());
        // the chain still runs its full length from these anchors: the rejection is A0's single use
        SearchNetwork net = new SearchNetwork(s, P);
        GroupSimulator sim = new GroupSimulator(net, P);
        sim.run(3, new int[] {0, 1, 2});
        PolychronousGroup g = sim.group();
        assertEquals(8, g.longestPath());
        assertEquals(1, g.anchorUse(0));
        assertEquals(2, g.anchorUse(1));
        assertEquals(3, g.anchorUse(2));
    }

    /** Several chains in a random network of weak and strong synapses. */
    static SynapseSnapshot structured(long seed, double strongMax) {
        TestNetworks.Builder b = new TestNetworks.Builder();
        for (int c = 0; c < 8; c++) TestNetworks.chain(b, c * 12, 9, false, 10);
        TestNetworks.random(b, 150, 120, 10, 0.15, strongMax, seed);
        return b.build(150, 120, 10);
    }

    @Test
    void resultsDoNotDependOnTheThreadCount() throws Exception {
        SynapseSnapshot s = structured(7, 14);
        SearchParams p = P.withMinPath(3);
        List<PolychronousGroup> one = PolychronousSearch.find(s, p, 1, null).groups();
        List<PolychronousGroup> four = PolychronousSearch.find(s, p, 4, null).groups();
        assertTrue(one.size() > 8, "groups: " + one.size());
        System.out.println("threads test: " + one.size() + " groups");
        assertEquals(one, four);
    }

    @Test
    void shufflingTheExcExcWeightsDestroysGroups() throws Exception {
        SynapseSnapshot s = structured(11, 10);
        int real = PolychronousSearch.find(s, P, 2, null).groups().size();
        SynapseSnapshot shuffled = s.withShuffledExcExcWeights(1);
        int control = PolychronousSearch.find(shuffled, P, 2, null).groups().size();
        assertTrue(real >= 8, "the eight chains: " + real);
        assertTrue(control < real / 2, "control " + control + " against " + real);
        // a permutation: the same weights, the same synapses, only exc→exc weights moved
        double[] a = s.w().clone(), c = shuffled.w().clone();
        Arrays.sort(a);
        Arrays.sort(c);
        assertArrayEquals(a, c);
        for (int k = 0; k < s.synapseCount(); k++) {
            if (s.pre()[k] >= s.ne() || s.post()[k] >= s.ne()) assertEquals(s.w()[k], shuffled.w()[k]);
        }
        assertArrayEquals(shuffled.w(), s.withShuffledExcExcWeights(1).w(), "seeded: the same permutation again");
    }

    @Test
    void progressReachesTheTotal() throws Exception {
        SynapseSnapshot s = structured(3, 10);
        long[] last = new long[2];
        PolychronousSearch.Result r = PolychronousSearch.find(s, P, 2, (done, total, groups) -> {
            synchronized (last) {
                last[0] = Math.max(last[0], done);
                last[1] = total;
            }
        });
        assertEquals(PolychronousSearch.combinations(s, P), r.combinations());
        assertEquals(r.combinations(), last[0]);
        assertEquals(r.combinations(), last[1]);
    }

    @Test
    void combinationsAreRankedLexicographically() {
        int n = 7;
        int[] walk = {0, 1, 2}, ranked = new int[3];
        long rank = 0;
        do {
            PolychronousSearch.unrank(rank++, n, ranked);
            assertArrayEquals(walk, ranked, "rank " + (rank - 1));
        } while (PolychronousSearch.nextCombination(walk, n));
        assertEquals(PolychronousSearch.choose(n, 3), rank);
        assertEquals(35, PolychronousSearch.choose(7, 3));
        assertEquals(0, PolychronousSearch.choose(2, 3));
    }

    @Test
    void badSnapshotsAreRefusedNamingTheCulprit() {
        int[] one = {0};
        var e = assertThrows(IllegalArgumentException.class,
                () -> new SynapseSnapshot(10, 8, 10, one, new int[] {3}, new int[] {0}, new double[] {1}));
        assertTrue(e.getMessage().startsWith("delay_ms[0] = 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new SynapseSnapshot(10, 8, 10, one, new int[] {10}, new int[] {1}, new double[] {1}));
        assertTrue(e.getMessage().startsWith("post[0] = 10"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new SynapseSnapshot(10, 8, 10, one, new int[] {1, 2}, new int[] {1}, new double[] {1}));
        assertTrue(e.getMessage().contains("differ in length"), e.getMessage());
    }
}
