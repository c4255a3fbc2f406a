package org.izhsim.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

    /**
     * One post spike at 2 ms (the kick, sent at 1 ms, lands at 1.5 ms and the post fires in the
     * next step), then one pre arrival at 9.5 ms (sent at 9 ms), which depresses w by
     * aPost·exp(−7.5/20): delivering after the update ({@code deliverAfterUpdate}, PyNN's order)
     * jumps v by the depressed weight, before it by the old one. The weights learned are the
     * same; v is the same through the arrival step and lower in the next (euler: the jump acts
     * in the next step), by less than the depression δ once the step's integration has damped
     * it (the recovering neuron's dv/dt falls with v).
     */
    @Test
    void deliveringAfterTheUpdateJumpsByTheUpdatedWeight() {
        double[][] before = kickThenArrival(false), after = kickThenArrival(true);
        double depression = -0.5 * Math.exp(-7.5 / 20);
        int arrival = 19; // 9.5 ms at dt 0.5
        for (int k = 0; k <= arrival; k++) assertEquals(before[k][0], after[k][0], 0.0, "v of step " + k);
        assertEquals(before[before.length - 1][1], after[after.length - 1][1], 0.0, "the same learned weight");
        assertEquals(2 + depression, after[after.length - 1][1], 1e-6, "w after the depression");
        double dv = after[arrival + 1][0] - before[arrival + 1][0];
        assertTrue(dv < 0 && dv > depression, "the jump differs by the depression: " + dv);
    }

    /** Per step: {v of the post after the step, the plastic weight}. */
    private static double[][] kickThenArrival(boolean deliverAfterUpdate) {
        NeuronGroup kick = NeuronGroup.spikeGenerator("kick", 1, new int[] {0}, new double[] {1});
        NeuronGroup pre = NeuronGroup.spikeGenerator("pre", 1, new int[] {0}, new double[] {9});
        NeuronGroup post = NeuronGroup.builder("post", 1).build();
        SynapseGroup k = SynapseGroup.builder("kick", kick, post).connect(Connectivity.allToAll()).weight(200).delay(1)
                .target("v").build();
        SynapseGroup s = SynapseGroup.builder("stdp", pre, post).connect(Connectivity.allToAll()).weight(2).delay(1).target("v")
                .plasticity(new Plasticity.Stdp(20, 20, 0.3, -0.5, 10, Plasticity.WeightDependence.ADDITIVE,
                        Plasticity.Pairing.ALL_TO_ALL, deliverAfterUpdate)).build();
        Network net = Network.builder().seed(3).dt(0.5).scheme(Scheme.EULER).add(kick).add(pre).add(post).add(k).add(s).build();
        double[][] out = new double[60][];
        try (Simulation sim = Simulation.builder(net).threads(1).build()) {
            for (int i = 0; i < out.length; i++) {
                sim.runSteps(1);
                out[i] = new double[] {sim.v(post)[0], sim.synapses(s).weight(0, 0)};
            }
            assertEquals(3, sim.timing().spikes(), "the post fires once (the kick), the sources once each");
        }
        return out;
    }
}
