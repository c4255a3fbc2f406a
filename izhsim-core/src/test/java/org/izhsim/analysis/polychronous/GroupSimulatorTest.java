package org.izhsim.analysis.polychronous;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GroupSimulatorTest {
    /**
     * The lazy simulation (quiet neurons left alone, early stop) gives exactly the spikes and
     * links of integrating every neuron every millisecond, on random networks dense enough for
     * cascades, inhibition and neurons that fire more than once.
     */
    @Test
    void matchesTheDenseSimulationBitForBit() {
        int compared = 0, withCascade = 0, maxSpikes = 0;
        for (long seed = 1; seed <= 3; seed++) {
            TestNetworks.Builder b = new TestNetworks.Builder();
            TestNetworks.random(b, 120, 96, 25, 0.35, 18, seed);
            SynapseSnapshot s = b.build(120, 96, 10);
            SearchParams p = SearchParams.SPNET.withMinPath(1);
            SearchNetwork net = new SearchNetwork(s, p);
            GroupSimulator sim = new GroupSimulator(net, p);
            for (int mother = 0; mother < 96; mother += 7) {
                int k = net.candidates(mother);
                if (k < 3) continue;
                int[] comb = {0, 1, 2};
                int tried = 0;
                do {
                    sim.run(mother, comb);
                    PolychronousGroup lazy = sim.group();
                    int[] syn = new int[3];
                    for (int j = 0; j < 3; j++) syn[j] = net.candSynapse[net.candStart[mother] + comb[j]];
                    PolychronousGroup dense = DenseReference.run(s, p, mother, syn);
                    assertEquals(dense, lazy, "seed " + seed + ", mother " + mother);
                    compared++;
                    if (lazy.spikeCount() > 10) withCascade++;
                    maxSpikes = Math.max(maxSpikes, lazy.spikeCount());
                } while (++tried < 6 && PolychronousSearch.nextCombination(comb, k));
            }
        }
        System.out.println("dense: compared " + compared + ", cascades " + withCascade + ", max spikes " + maxSpikes);
        assertTrue(compared > 30, "compared " + compared);
        assertTrue(withCascade > 5, "cascades " + withCascade);
    }

    @Test
    void theQuietBoxHoldsForSpnetsNeuronsOnly() {
        assertTrue(GroupSimulator.boxHolds(0.02, 0.2));
        assertTrue(GroupSimulator.boxHolds(0.1, 0.2));
        assertFalse(GroupSimulator.boxHolds(0.02, 0.25)); // b·v_max = −15.25 > u_max? no: b·v_min = −20.1 < u_min
    }
}
