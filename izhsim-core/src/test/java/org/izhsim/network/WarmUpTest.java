package org.izhsim.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.izhsim.integrate.Scheme;
import org.junit.jupiter.api.Test;

/** The JIT warm-up of {@link Simulation.Builder#warmUp} runs a throwaway sample and changes no result. */
class WarmUpTest {

    private static SpikeRecording run(Izhikevich2003Network.Builder nb, long warmUpSteps, int threads, double[][] vOut) {
        Izhikevich2003Network.Built b = nb.build();
        Simulation.Builder sb = Simulation.builder(b.network()).threads(threads).minNeuronsPerThread(1);
        if (warmUpSteps > 0) sb.warmUp(nb.warmUpSample(), warmUpSteps);
        try (Simulation sim = sb.build()) {
            sim.run(200);
            vOut[0] = sim.v(b.exc());
            vOut[1] = sim.v(b.inh());
            return sim.recording(b.spikes());
        }
    }

    @Test
    void spikesAndStateAreTheSameWithAndWithoutWarmUp() {
        Izhikevich2003Network.Builder[] nets = {
            Izhikevich2003Network.builder().scheme(Scheme.NETM).seed(3),
            Izhikevich2003Network.builder().ne(2400).ni(600).sparse(100).scheme(Scheme.EULER).seed(4),
        };
        for (Izhikevich2003Network.Builder nb : nets) {
            double[][] v0 = new double[2][], v1 = new double[2][];
            SpikeRecording cold = run(nb, 0, 2, v0);
            SpikeRecording warm = run(nb, 150, 2, v1);
            assertTrue(cold.count() > 500, "network is active: " + cold.count());
            assertArrayEquals(cold.steps(), warm.steps());
            assertArrayEquals(cold.neurons(), warm.neurons());
            assertArrayEquals(v0[0], v1[0], 0.0);
            assertArrayEquals(v0[1], v1[1], 0.0);
        }
    }

    @Test
    void sampleIsASmallNetworkOfTheSameKind() {
        Izhikevich2003Network.Builder nb = Izhikevich2003Network.builder().ne(80_000).ni(20_000).sparse(1000)
                .scheme(Scheme.EULER).dt(0.5).traceNeuron(7);
        Network real = nb.build().network(), sample = nb.warmUpSample();
        assertEquals(5000, sample.neuronCount());
        assertEquals(real.scheme(), sample.scheme());
        assertEquals(real.dt(), sample.dt());
        assertEquals(real.synapses().size(), sample.synapses().size());
        assertEquals(real.inputs().size(), sample.inputs().size());
        assertEquals(real.monitors().size(), sample.monitors().size());
        for (int i = 0; i < real.synapses().size(); i++) {
            // the sample keeps the real storage (CSR; the sample is sparse too)
            assertEquals(Storage.CSR, real.synapses().get(i).resolvedStorage());
            assertEquals(Storage.CSR, sample.synapses().get(i).resolvedStorage());
        }
        // K = 4000 of 10,000 is stored dense; AUTO would store the sample's K = 200 of 5000 as CSR
        Izhikevich2003Network.Builder dense4000 = Izhikevich2003Network.builder().ne(8000).ni(2000).sparse(4000);
        assertEquals(Storage.DENSE, dense4000.build().synapses().get(0).resolvedStorage());
        assertEquals(Storage.DENSE, dense4000.warmUpSample().synapses().get(0).resolvedStorage());
        Izhikevich2003Network.Builder dense = Izhikevich2003Network.builder();
        Network denseSample = dense.warmUpSample();
        assertEquals(1000, denseSample.neuronCount());
        assertEquals(Storage.DENSE, denseSample.synapses().get(0).resolvedStorage());
    }

    @Test
    void negativeWarmUpIsRefused() {
        Network net = Izhikevich2003Network.builder().build().network();
        assertThrows(IllegalArgumentException.class, () -> Simulation.builder(net).warmUp(net, -1));
    }
}
