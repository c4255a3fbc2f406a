package org.izhsim.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.izhsim.integrate.Scheme;
import org.junit.jupiter.api.Test;

/** Every spike is identical for 1, 2 and 4 threads and for 1, 2 and 3 in-process ranks. */
class DeterminismTest {

    private record Run(SpikeRecording spikes, List<double[]> v) {}

    private static Run run(Network net, SpikeMonitor m, int threads, double ms) {
        try (Simulation sim = Simulation.builder(net).threads(threads).minNeuronsPerThread(1).build()) {
            sim.run(ms);
            List<double[]> v = new ArrayList<>();
            for (NeuronGroup g : net.groups()) v.add(sim.v(g));
            return new Run(sim.recording(m), v);
        }
    }

    private static void sameForThreads(Network net, SpikeMonitor m, double ms, int minSpikes) {
        Run one = run(net, m, 1, ms);
        assertTrue(one.spikes().count() >= minSpikes, "network is active: " + one.spikes().count() + " spikes");
        for (int threads : new int[] {2, 4}) {
            Run r = run(net, m, threads, ms);
            assertArrayEquals(one.spikes().steps(), r.spikes().steps(), "steps, threads " + threads);
            assertArrayEquals(one.spikes().neurons(), r.spikes().neurons(), "neurons, threads " + threads);
            for (int g = 0; g < one.v().size(); g++) assertArrayEquals(one.v().get(g), r.v().get(g), 0.0, "v, threads " + threads);
        }
    }

    @Test
    void dense1000NetmAndEulerAreIdenticalForAnyThreadCount() {
        for (Scheme s : new Scheme[] {Scheme.NETM, Scheme.EULER}) {
            Izhikevich2003Network.Built b = Izhikevich2003Network.builder().scheme(s).seed(11).build();
            sameForThreads(b.network(), b.spikes(), 300, 1000);
        }
    }

    @Test
    void sparse5000K100IsIdenticalForAnyThreadCount() {
        Izhikevich2003Network.Built b = Izhikevich2003Network.builder().ne(4000).ni(1000).sparse(100)
                .scheme(Scheme.EULER).seed(5).build();
        sameForThreads(b.network(), b.spikes(), 300, 5000);
    }

    /** A network with per-synapse delays 1..4, Poisson input and two groups of odd sizes. */
    static Izhikevich2003Network.Built delayed(Scheme scheme) {
        NeuronGroup e = NeuronGroup.builder("e", 301).c(PerNeuron.ofUniform(r -> -65 + 15 * r * r)).build();
        NeuronGroup i = NeuronGroup.builder("i", 77).a(0.1).d(2).build();
        Network.Builder nb = Network.builder().seed(9).scheme(scheme).dt(0.5).add(e).add(i)
                .add(SynapseGroup.builder("ee", e, e).connect(Connectivity.probability(0.1))
                        .weights(Weights.uniform(0, 1.2)).delays(Delays.uniform(2, 8)).build())
                .add(SynapseGroup.builder("ei", e, i).connect(Connectivity.fixedInDegree(40))
                        .weights(Weights.uniform(0, 1)).delays(Delays.uniform(2, 5)).build())
                .add(SynapseGroup.builder("ie", i, e).tag("GABA").connect(Connectivity.fixedInDegree(20))
                        .weights(Weights.ofUniform(r -> -2 * r)).delay(2).build())
                .add(Input.noise(e, PerNeuron.constant(5), 1.0))
                .add(Input.poisson(i, 10, 20, 1.5));
        SpikeMonitor m = SpikeMonitor.all();
        nb.add(m);
        return new Izhikevich2003Network.Built(nb.build(), e, i, List.of(), m, null, 1, 0);
    }

    @Test
    void delayedNetworkIsIdenticalForAnyThreadCount() {
        for (Scheme s : new Scheme[] {Scheme.NETM, Scheme.EULER}) {
            Izhikevich2003Network.Built b = delayed(s);
            sameForThreads(b.network(), b.spikes(), 400, 250);
        }
    }

    private static SpikeRecording ranks(Network net, SpikeMonitor m, int ranks, int threadsPerRank, double ms) throws Exception {
        InProcessRanks world = new InProcessRanks(ranks);
        ExecutorService ex = Executors.newFixedThreadPool(ranks);
        try {
            List<Future<SpikeRecording>> parts = new ArrayList<>();
            for (int r = 0; r < ranks; r++) {
                Communicator c = world.communicator(r);
                parts.add(ex.submit(() -> {
                    try (Simulation sim = Simulation.builder(net).threads(threadsPerRank).minNeuronsPerThread(1).communicator(c).build()) {
                        sim.run(ms);
                        return sim.recording(m);
                    }
                }));
            }
            List<SpikeRecording> rec = new ArrayList<>();
            for (Future<SpikeRecording> f : parts) rec.add(f.get());
            return SpikeRecording.merge(rec);
        } finally {
            ex.shutdownNow();
        }
    }

    private static void sameForRanks(Izhikevich2003Network.Built b, double ms) throws Exception {
        SpikeRecording one = run(b.network(), b.spikes(), 1, ms).spikes();
        for (int[] rt : new int[][] {{2, 1}, {3, 2}}) {
            SpikeRecording r = ranks(b.network(), b.spikes(), rt[0], rt[1], ms);
            assertEquals(one.count(), r.count(), rt[0] + " ranks");
            assertArrayEquals(one.steps(), r.steps(), rt[0] + " ranks");
            assertArrayEquals(one.neurons(), r.neurons(), rt[0] + " ranks");
        }
    }

    @Test
    void fakeRanksGiveTheSameSpikes() throws Exception {
        sameForRanks(Izhikevich2003Network.builder().seed(4).build(), 200);
        sameForRanks(Izhikevich2003Network.builder().ne(1600).ni(400).sparse(100).scheme(Scheme.EULER).seed(4).build(), 200);
        sameForRanks(delayed(Scheme.NETM), 200);
        sameForRanks(delayed(Scheme.EULER), 200);
    }

    @Test
    void smallNetworksUseFewerWorkers() {
        Izhikevich2003Network.Built b = Izhikevich2003Network.builder().build();
        try (Simulation sim = Simulation.builder(b.network()).threads(4).build()) {
            assertEquals(1, sim.threads(), "1000 neurons: one worker per 2048 neurons");
        }
        try (Simulation sim = Simulation.builder(b.network()).threads(4).minNeuronsPerThread(250).build()) {
            assertEquals(4, sim.threads());
        }
    }

    @Test
    void exchangeIntervalIsTheMinimumLatency() {
        try (Simulation sim = Simulation.builder(delayed(Scheme.EULER).network()).threads(1)
                .communicator(new InProcessRanks(1).communicator(0)).build()) {
            assertEquals(1, sim.exchangeInterval(), "one rank needs no interval");
        }
        InProcessRanks two = new InProcessRanks(2);
        try (Simulation sim = Simulation.builder(delayed(Scheme.EULER).network()).threads(1).communicator(two.communicator(0)).build()) {
            assertEquals(3, sim.exchangeInterval(), "euler: 1 + min delay 2");
        }
        try (Simulation sim = Simulation.builder(delayed(Scheme.NETM).network()).threads(1).communicator(two.communicator(0)).build()) {
            assertEquals(2, sim.exchangeInterval(), "netm: min delay 2");
        }
    }
}
