package org.izhsim.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.izhsim.integrate.Scheme;
import org.junit.jupiter.api.Test;

/** {@link WarmUpSample}: a small network of the same kind, and a warm-up with it changes no result. */
class WarmUpSampleTest {

    private record Plastic(Network net, SynapseGroup ee, SynapseGroup ei, SpikeMonitor spikes) {}

    /** The STDP benchmark's shape (izhsim-bench/models/stdp100k-builtin.yaml) at {@code n} neurons. */
    private static Plastic plastic(int ne, int ni, int k) {
        NeuronGroup exc = NeuronGroup.builder("exc", ne).build();
        NeuronGroup inh = NeuronGroup.builder("inh", ni).a(0.1).d(2).build();
        List<NeuronGroup> pop = List.of(exc, inh);
        Plasticity rule = Plasticity.stdp(20, 20, 0.05, -0.0525, 5, Plasticity.WeightDependence.ADDITIVE, Plasticity.Pairing.ALL_TO_ALL);
        SynapseGroup ee = SynapseGroup.builder("ee", exc, exc).connect(Connectivity.fixedInDegreeFrom(k, "in->exc", pop))
                .weights(Weights.uniform(0, 5)).delays(Delays.uniform(1, 20)).plasticity(rule).build();
        SynapseGroup ei = SynapseGroup.builder("ei", exc, inh).connect(Connectivity.fixedInDegreeFrom(k, "in->inh", pop))
                .weights(Weights.uniform(0, 5)).delays(Delays.uniform(1, 20)).plasticity(rule).build();
        SynapseGroup ie = SynapseGroup.builder("ie", inh, exc).connect(Connectivity.fixedInDegreeFrom(k, "in->exc", pop))
                .weights(Weights.uniform(-10, 0)).build();
        SynapseGroup ii = SynapseGroup.builder("ii", inh, inh).connect(Connectivity.fixedInDegreeFrom(k, "in->inh", pop))
                .weights(Weights.uniform(-10, 0)).build();
        SpikeMonitor spikes = SpikeMonitor.of(exc);
        Network net = Network.builder().seed(5).scheme(Scheme.EULER).add(exc).add(inh).add(ee).add(ei).add(ie).add(ii)
                .add(Input.noise(exc, 5)).add(Input.noise(inh, 2)).add(spikes).build();
        return new Plastic(net, ee, ei, spikes);
    }

    @Test
    void sampleKeepsTheKindAndCutsTheSizes() {
        Plastic p = plastic(16_000, 4_000, 500);
        Network s = WarmUpSample.of(p.net(), 2000);
        assertEquals(2000, s.neuronCount());
        assertEquals(1600, s.group("exc").size());
        assertEquals(400, s.group("inh").size());
        assertEquals(p.net().seed(), s.seed());
        assertEquals(p.net().scheme(), s.scheme());
        assertEquals(p.net().dt(), s.dt());
        assertEquals(0, s.monitors().size());
        assertEquals(p.net().inputs().size(), s.inputs().size());
        assertEquals(4, s.synapses().size());
        for (int i = 0; i < 4; i++) {
            SynapseGroup real = p.net().synapses().get(i), small = s.synapses().get(i);
            assertEquals(real.name(), small.name());
            assertSame(real.plasticity(), small.plasticity());
            assertEquals(real.resolvedStorage(), small.resolvedStorage());
            assertEquals(real.delays(), small.delays());
            assertEquals(500, ((Connectivity.FixedInDegreeFrom) small.connectivity()).k());
            assertSame(s.group(real.pre().name()), small.pre());
        }
        // a network within the limit keeps its sizes; an in-degree above the sample's population is cut to it
        assertEquals(20_000, WarmUpSample.of(p.net(), 50_000).neuronCount());
        Network tiny = WarmUpSample.of(plastic(800, 200, 300).net(), 100);
        assertEquals(100, tiny.neuronCount());
        assertEquals(100, ((Connectivity.FixedInDegreeFrom) tiny.synapses().get(0).connectivity()).k());
        assertThrows(IllegalArgumentException.class, () -> WarmUpSample.of(p.net(), 0));
    }

    @Test
    void listsAreCutToTheSampleNeurons() {
        NeuronGroup gen = NeuronGroup.spikeGenerator("gen", 100, new int[] {3, 60, 99, 10}, new double[] {1, 2, 3, 4});
        NeuronGroup post = NeuronGroup.builder("post", 100).a(PerNeuron.array(new double[100])).build();
        SynapseGroup s = SynapseGroup.builder("s", gen, post)
                .connect(Connectivity.explicit(new int[] {3, 60, 10, 5}, new int[] {4, 1, 70, 9}))
                .weights(Weights.array(new double[] {1, 2, 3, 4})).delays(Delays.array(new int[] {1, 2, 3, 4})).build();
        Network net = Network.builder().add(gen).add(post).add(s).add(Input.noise(post, PerNeuron.array(new double[100]), 1)).build();
        Network small = WarmUpSample.of(net, 100);
        assertEquals(50, small.group("gen").size());
        SpikeSource.Generator g = (SpikeSource.Generator) small.group("gen").source();
        assertArrayEquals(new int[] {3, 10}, g.indices());
        assertArrayEquals(new double[] {1, 4}, g.timesMs());
        Connectivity.Explicit e = (Connectivity.Explicit) small.synapses().get(0).connectivity();
        assertArrayEquals(new int[] {3, 5}, e.pre());
        assertArrayEquals(new int[] {4, 9}, e.post());
        assertArrayEquals(new double[] {1, 4}, ((Weights.Array) small.synapses().get(0).weights()).w());
        assertArrayEquals(new int[] {1, 4}, ((Delays.Array) small.synapses().get(0).delays()).steps());
        try (Simulation sim = Simulation.of(small)) {
            sim.run(10);
        }
    }

    @Test
    void networksASampleCannotStandForGetNone() {
        NeuronGroup g = NeuronGroup.builder("g", 10).behaviour(35, (n, from, to) -> {}).build();
        assertNull(WarmUpSample.of(Network.builder().add(g).build(), 5));
        NeuronGroup a = NeuronGroup.builder("a", 10).build();
        SynapseGroup drawn = SynapseGroup.builder("s", a, a).connect(Connectivity.allToAll())
                .weights(Weights.array(new double[100])).build();
        assertNull(WarmUpSample.of(Network.builder().add(a).add(drawn).build(), 5));
    }

    @Test
    void warmUpWithTheSampleChangesNoSpikeOrWeight() {
        Plastic p = plastic(2400, 600, 100);
        int[][] steps = new int[2][], neurons = new int[2][];
        float[][] w = new float[2][];
        for (int run = 0; run < 2; run++) {
            Simulation.Builder sb = Simulation.builder(p.net()).threads(2).minNeuronsPerThread(1);
            if (run == 1) sb.warmUp(WarmUpSample.of(p.net(), 500), 100);
            try (Simulation sim = sb.build()) {
                sim.run(300);
                steps[run] = sim.recording(p.spikes()).steps();
                neurons[run] = sim.recording(p.spikes()).neurons();
                SynapseView v = sim.synapses(p.ee());
                w[run] = new float[(int) v.size()];
                for (int pre = 0, i = 0; pre < v.preCount(); pre++) {
                    for (int j = 0; j < v.rowLength(pre); j++) w[run][i++] = v.weight(pre, j);
                }
            }
        }
        assertTrue(steps[0].length > 1000, "network is active: " + steps[0].length);
        assertArrayEquals(steps[0], steps[1]);
        assertArrayEquals(neurons[0], neurons[1]);
        assertArrayEquals(w[0], w[1]);
    }
}
