package org.izhsim.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.izhsim.codegen.SynapseKernelCompiler;
import org.izhsim.equations.SynapseModel;
import org.izhsim.network.Connectivity;
import org.izhsim.network.Delays;
import org.izhsim.network.InProcessRanks;
import org.izhsim.network.Input;
import org.izhsim.network.Network;
import org.izhsim.network.NeuronGroup;
import org.izhsim.network.Plasticity;
import org.izhsim.network.Simulation;
import org.izhsim.network.SpikeMonitor;
import org.izhsim.network.SpikeRecording;
import org.izhsim.network.SynapseEquations;
import org.izhsim.network.SynapseGroup;
import org.izhsim.network.Weights;
import org.junit.jupiter.api.Test;

/**
 * weights.npz across in-process ranks: a network with all three kinds of rule (pair STDP,
 * additive all-to-all; spnet's; a synapse-equations rule with clock- and event-driven variables
 * and a periodic block) gives, for 1, 2 and 4 ranks × 1 and 2 threads, one process's spikes,
 * and rank 0 gathers one process's weight table (same order, same bits) and statistics, in one
 * gather or in many rounds.
 */
class PlasticWeightsRanksTest {
    private static Network network(SpikeMonitor m) {
        NeuronGroup e = NeuronGroup.builder("e", 160).build(), i = NeuronGroup.builder("i", 40).a(0.1).d(2).build();
        SynapseModel model = SynapseModel.parse("""
                w : 1
                dx/dt = -x/(10*ms) : 1 (clock-driven)
                dy/dt = -y/(30*ms) : 1 (event-driven)
                """, "x += 0.1; w = clip(w + 0.02*y, -6, 0)", "y += 0.2; w = clip(w - 0.03*x, -6, 0)", Map.of(),
                Map.of("50*ms", "x *= 0.5"), SynapseEquations.variables(i), SynapseEquations.variables(e));
        return Network.builder().seed(8).add(e).add(i)
                .add(SynapseGroup.builder("ee", e, e).connect(Connectivity.fixedInDegree(25)).weights(Weights.uniform(0, 2))
                        .delays(Delays.uniform(2, 10)).plasticity(Plasticity.stdp(0.05, 4)).build())
                .add(SynapseGroup.builder("ei", e, i).connect(Connectivity.probability(0.2)).weight(2).delays(Delays.uniform(2, 6))
                        .plasticity(Plasticity.spnet(4)).build())
                .add(SynapseGroup.builder("ie", i, e).connect(Connectivity.fixedInDegree(10)).weight(-3).delays(Delays.uniform(2, 4))
                        .plasticity(new Plasticity.Equations(model, SynapseKernelCompiler.INSTANCE)).build())
                .add(Input.noise(e, 5)).add(Input.noise(i, 4)).add(m).build();
    }

    /** {@code inRounds}: gathered in rounds of at most 7 synapses per rank. */
    private record Part(SpikeRecording spikes, PlasticWeights.Table weights, PlasticWeights.Table inRounds) {}

    private static List<Part> run(int ranks, int threads, double ms) throws InterruptedException {
        SpikeMonitor m = SpikeMonitor.all();
        Network net = network(m);
        return new InProcessRanks(ranks).run(c -> {
            try (Simulation sim = Simulation.builder(net).threads(threads).minNeuronsPerThread(1).communicator(c).build()) {
                sim.run(ms);
                return new Part(sim.recording(m), PlasticWeights.of(sim, c), PlasticWeights.of(sim, c, 7));
            }
        });
    }

    private static void sameTable(PlasticWeights.Table a, PlasticWeights.Table b, String what) {
        assertEquals(a.groups(), b.groups(), what + ": groups");
        assertArrayEquals(a.group(), b.group(), what + ": group");
        assertArrayEquals(a.pre(), b.pre(), what + ": pre");
        assertArrayEquals(a.post(), b.post(), what + ": post");
        assertArrayEquals(a.delayMs(), b.delayMs(), what + ": delay_ms");
        assertArrayEquals(a.w(), b.w(), what + ": w");
        assertEquals(a.statistics(), b.statistics(), what + ": statistics");
    }

    @Test
    void rankZeroGathersOneProcesssWeightsFor124RanksAnd12Threads() throws InterruptedException {
        Part one = run(1, 1, 1100).get(0); // past the spnet rule's first once-per-second pass
        assertTrue(one.spikes().count() > 500, "active: " + one.spikes().count() + " spikes");
        PlasticWeights.Table initial = run(1, 1, 1).get(0).weights();
        assertEquals(List.of("ee", "ei", "ie"), one.weights().groups());
        for (int g = 0; g < 3; g++) {
            assertNotEquals(sum(initial, g), sum(one.weights(), g), "group " + initial.groups().get(g) + " learned");
        }
        for (int ranks : new int[] {1, 2, 4}) {
            for (int threads : new int[] {1, 2}) {
                String what = ranks + " ranks x " + threads + " threads";
                List<Part> parts = run(ranks, threads, 1100);
                List<SpikeRecording> spikes = new ArrayList<>();
                for (Part p : parts) spikes.add(p.spikes());
                SpikeRecording all = SpikeRecording.merge(spikes);
                assertArrayEquals(one.spikes().steps(), all.steps(), what + ": spike steps");
                assertArrayEquals(one.spikes().neurons(), all.neurons(), what + ": spike neurons");
                sameTable(one.weights(), parts.get(0).weights(), what);
                sameTable(one.weights(), parts.get(0).inRounds(), what + ", gathered 7 synapses at a time");
                for (int r = 1; r < ranks; r++) assertNull(parts.get(r).weights(), what + ": rank " + r + " gets nothing");
            }
        }
    }

    private static double sum(PlasticWeights.Table t, int group) {
        double s = 0;
        for (int k = 0; k < t.w().length; k++) if (t.group()[k] == group) s += t.w()[k];
        return s;
    }

    /** Ranks own ascending blocks of posts: rank 0's synapses of a (pre, delay) precede rank 1's, whatever the posts' rows hold. */
    @Test
    void mergeInterleavesTheRanksSegmentsAsOneProcessOrdersThem() {
        List<String> g = List.of("a", "b");
        PlasticWeights.Table r0 = new PlasticWeights.Table(g, new int[] {0, 0, 0, 1}, new int[] {0, 0, 1, 0},
                new int[] {1, 2, 0, 2}, new double[] {1, 2, 1, 1}, new float[] {1, 2, 3, 4});
        PlasticWeights.Table r1 = new PlasticWeights.Table(g, new int[] {0, 0, 0, 1}, new int[] {0, 1, 1, 0},
                new int[] {5, 4, 6, 3}, new double[] {1, 1, 1, 1}, new float[] {5, 6, 7, 8});
        PlasticWeights.Table m = PlasticWeights.merge(List.of(r0, r1));
        assertArrayEquals(new int[] {1, 5, 2, 0, 4, 6, 2, 3}, m.post(), "(group, pre, delay) ascending, rank 0 first within each");
        assertArrayEquals(new float[] {1, 5, 2, 3, 6, 7, 4, 8}, m.w());
        assertEquals(List.of(Map.of("group", "a", "synapses", 6, "mean_w", 4.0, "min_w", 1.0, "max_w", 7.0),
                Map.of("group", "b", "synapses", 2, "mean_w", 6.0, "min_w", 4.0, "max_w", 8.0)), m.statistics());
    }
}
