package org.izhsim.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.izhsim.integrate.Scheme;
import org.junit.jupiter.api.Test;

/**
 * A plastic synapse group delivers where its {@link SynapseGroup#target} says, as a static one
 * does: with learning rates 0 the two give the same v at every step, for a jump onto v and for
 * the pulse current, with delays.
 */
class PlasticTargetTest {

    private static double[][] run(Scheme scheme, String target, boolean plastic) {
        int n = 40;
        int[] idx = new int[200];
        double[] t = new double[200];
        for (int s = 0; s < idx.length; s++) {
            idx[s] = (s * 7) % n;
            t[s] = 2 + s * 0.75;
        }
        NeuronGroup gen = NeuronGroup.spikeGenerator("gen", n, idx, t);
        NeuronGroup post = NeuronGroup.builder("post", 5).build();
        SynapseGroup.Builder sb = SynapseGroup.builder("in", gen, post).connect(Connectivity.fixedInDegree(8))
                .weights(Weights.uniform(0.5, 3)).delays(Delays.uniform(1, 4)).target(target);
        if (plastic) sb.plasticity(new Plasticity.Stdp(20, 20, 0, 0, 10, Plasticity.WeightDependence.ADDITIVE, Plasticity.Pairing.ALL_TO_ALL));
        Network net = Network.builder().seed(3).dt(0.5).scheme(scheme).add(gen).add(post).add(sb.build()).build();
        double[][] v = new double[300][];
        try (Simulation sim = Simulation.builder(net).threads(1).build()) {
            for (int k = 0; k < v.length; k++) {
                sim.runSteps(1);
                v[k] = sim.v(post);
            }
        }
        return v;
    }

    @Test
    void plasticGroupJumpsTheTargetAsAStaticOne() {
        for (Scheme scheme : new Scheme[] {Scheme.EULER, Scheme.NETM}) {
            for (String target : new String[] {"v", "I"}) {
                double[][] fixed = run(scheme, target, false), learning = run(scheme, target, true);
                for (int k = 0; k < fixed.length; k++) {
                    assertArrayEquals(fixed[k], learning[k], 0.0, scheme.id() + " target " + target + " step " + k);
                }
                double spread = 0;
                for (double[] row : fixed) spread = Math.max(spread, Math.abs(row[0] - fixed[0][0]));
                assertTrue(spread > 1, "the input moves v: " + spread);
            }
        }
    }
}
