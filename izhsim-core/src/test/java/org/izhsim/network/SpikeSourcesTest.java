package org.izhsim.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.izhsim.integrate.Scheme;
import org.izhsim.model.TimeGrid;
import org.junit.jupiter.api.Test;

/**
 * Spike generator groups (given times) and Poisson groups: their spikes land on the steps the
 * spec says, reach spike monitors and synapses like a neuron's, do not depend on threads or
 * ranks, and bad input is one line naming the culprit.
 */
class SpikeSourcesTest {

    private static SpikeRecording spikes(Network net, int threads) {
        SpikeMonitor m = net.monitors().stream().filter(x -> x instanceof SpikeMonitor).map(x -> (SpikeMonitor) x).findFirst()
                .orElseThrow();
        try (Simulation sim = Simulation.builder(net).threads(threads).minNeuronsPerThread(1).build()) {
            sim.runSteps(20);
            return sim.recording(m);
        }
    }

    @Test
    void generatorFiresOnItsStepsUnderEveryScheme() {
        // dt 0.5: 0.5 ms → step 1, 1.0 → 2, 2.0 → 4, 3.25 (between 6 and 7) → 6 as Brian2 bins it
        for (Scheme scheme : new Scheme[] {Scheme.EULER, Scheme.NETM, Scheme.RK4, Scheme.FIGURE1}) {
            NeuronGroup gen = NeuronGroup.spikeGenerator("gen", 3, new int[] {2, 0, 1, 0}, new double[] {1.0, 0.5, 3.25, 2.0});
            SpikeMonitor m = SpikeMonitor.of(gen);
            Network net = Network.builder().dt(0.5).scheme(scheme).add(gen).add(m).build();
            SpikeRecording r = spikes(net, 1);
            assertArrayEquals(new int[] {1, 2, 4, 6}, r.steps(), scheme.id());
            assertArrayEquals(new int[] {0, 2, 0, 1}, r.neurons(), scheme.id());
            assertArrayEquals(new double[] {0.5, 1.0, 2.0, 3.0}, r.timesMs(), 0.0, scheme.id());
        }
    }

    @Test
    void brian2BinningKeepsGridTimesOnTheirStep() {
        TimeGrid grid = new TimeGrid(0.1);
        // 0.3 / 0.1 = 2.9999999999999996 in doubles: still step 3, as in Brian2
        assertEquals(3, SpikeSource.Generator.stepOf(0.3, grid));
        assertEquals(2, SpikeSource.Generator.stepOf(0.29, grid));
        assertEquals(0, SpikeSource.Generator.stepOf(0.0, grid));
    }

    /** A generator's spike acts through a synapse exactly as a neuron's spike of the same step (TinyNetworkTest). */
    @Test
    void generatorDrivesSynapsesLikeANeuron() {
        for (Scheme scheme : new Scheme[] {Scheme.EULER, Scheme.NETM}) {
            double[][] viaNeuron = currents(scheme, NeuronGroup.builder("src", 1).v0(35).build());
            double[][] viaGenerator = currents(scheme, NeuronGroup.spikeGenerator("src", 1, new int[] {0}, new double[] {0}));
            for (int j = 0; j < 3; j++) assertArrayEquals(viaNeuron[j], viaGenerator[j], 0.0, scheme.id() + " target " + j);
            assertEquals(2.0, viaGenerator[1][(scheme == Scheme.NETM ? 0 : 1) + 1], "delay 1 after latency");
        }
    }

    private static double[][] currents(Scheme scheme, NeuronGroup src) {
        NeuronGroup dst = NeuronGroup.builder("dst", 3).v0(-70).build();
        SynapseGroup syn = SynapseGroup.builder("s", src, dst).connect(Connectivity.explicit(new int[] {0, 0, 0}, new int[] {0, 1, 2}))
                .weight(2.0).delays(Delays.array(new int[] {0, 1, 3})).build();
        StateMonitor st = StateMonitor.of(dst, new int[] {0, 1, 2}, 1, StateMonitor.Variable.I);
        Network net = Network.builder().dt(1.0).scheme(scheme).add(src).add(dst).add(syn).add(st).build();
        try (Simulation sim = Simulation.builder(net).threads(1).build()) {
            sim.runSteps(8);
            StateRecording r = sim.recording(st);
            return new double[][] {r.trace(StateMonitor.Variable.I, 0), r.trace(StateMonitor.Variable.I, 1),
                    r.trace(StateMonitor.Variable.I, 2)};
        }
    }

    @Test
    void badGeneratorInputIsOneClearLine() {
        assertMessage("index 3 at position 1 is outside 0..2",
                () -> NeuronGroup.spikeGenerator("g", 3, new int[] {0, 3}, new double[] {1, 2}));
        assertMessage("time [0] must be a finite number >= 0 ms, got -1.0",
                () -> NeuronGroup.spikeGenerator("g", 3, new int[] {0}, new double[] {-1}));
        assertMessage("got NaN", () -> NeuronGroup.spikeGenerator("g", 3, new int[] {0}, new double[] {Double.NaN}));
        assertMessage("2 indices but 1 times", () -> NeuronGroup.spikeGenerator("g", 3, new int[] {0, 1}, new double[] {1}));
        NeuronGroup twice = NeuronGroup.spikeGenerator("g", 3, new int[] {1, 1}, new double[] {1.0, 1.2});
        assertMessage("neuron 1 spikes twice in step 1", () -> Network.builder().dt(1).add(twice).build());
        // the same times are fine at a smaller dt
        Network.builder().dt(0.1).add(twice).build();
    }

    @Test
    void sourcesReceiveNeitherSynapsesNorInputs() {
        NeuronGroup gen = NeuronGroup.spikeGenerator("gen", 2, new int[0], new double[0]);
        NeuronGroup p = NeuronGroup.poisson("p", 2, 5.0);
        assertMessage("group 'gen' is a spike source and receives no synapses", () -> SynapseGroup.builder("s", p, gen).build());
        assertMessage("group 'p' is a spike source and takes no inputs",
                () -> Network.builder().add(p).add(Input.constant(p, 3)).build());
    }

    @Test
    void poissonCountIsWithinTheBinomialBound() {
        int n = 200, steps = 2000;
        double rate = 40, dt = 0.5, prob = rate * dt * 1e-3;
        NeuronGroup p = NeuronGroup.poisson("p", n, PerNeuron.ofUniform(r -> r < 0.5 ? 0.0 : rate));
        SpikeMonitor m = SpikeMonitor.of(p);
        Network net = Network.builder().seed(7).dt(dt).add(p).add(m).build();
        try (Simulation sim = Simulation.builder(net).threads(2).minNeuronsPerThread(1).build()) {
            sim.runSteps(steps);
            SpikeRecording r = sim.recording(m);
            double[] rates = sim.vector(p, "rate_hz");
            int active = 0;
            for (double x : rates) if (x > 0) active++;
            int[] perNeuron = new int[n];
            for (int i = 0; i < r.count(); i++) perNeuron[r.neuron(i)]++;
            for (int i = 0; i < n; i++) if (rates[i] == 0) assertEquals(0, perNeuron[i], "neuron " + i + " at 0 Hz");
            double trials = (double) active * steps, mean = trials * prob, sd = Math.sqrt(trials * prob * (1 - prob));
            assertTrue(active > 50 && active < 150, "about half the neurons at " + rate + " Hz: " + active);
            assertTrue(Math.abs(r.count() - mean) < 5 * sd, r.count() + " spikes, expected " + mean + " ± 5·" + sd);
        }
    }

    @Test
    void poissonSpikesDoNotDependOnThreadsOrRanks() throws Exception {
        NeuronGroup p = NeuronGroup.poisson("p", 101, 80.0);
        NeuronGroup q = NeuronGroup.builder("q", 40).build();
        SynapseGroup s = SynapseGroup.builder("pq", p, q).connect(Connectivity.probability(0.3)).weight(4.0).build();
        SpikeMonitor m = SpikeMonitor.all();
        Network net = Network.builder().seed(3).dt(0.5).add(p).add(q).add(s).add(m).build();
        SpikeRecording one = run(net, m, 1, null), three = run(net, m, 3, null);
        assertTrue(one.countNeurons(101, 141) > 0, "the Poisson group drives q");
        assertEquals(one, three);
        InProcessRanks world = new InProcessRanks(2);
        java.util.concurrent.ExecutorService ex = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var r0 = ex.submit(() -> run(net, m, 2, world.communicator(0)));
            var r1 = ex.submit(() -> run(net, m, 1, world.communicator(1)));
            assertEquals(one, SpikeRecording.merge(java.util.List.of(r0.get(), r1.get())));
        } finally {
            ex.shutdownNow();
        }
    }

    private static SpikeRecording run(Network net, SpikeMonitor m, int threads, Communicator comm) {
        Simulation.Builder b = Simulation.builder(net).threads(threads).minNeuronsPerThread(1);
        if (comm != null) b.communicator(comm);
        try (Simulation sim = b.build()) {
            sim.runSteps(200);
            return sim.recording(m);
        }
    }

    /**
     * A window keeps exactly the spikes of the whole-run group (same name, same seed: the same
     * draws) whose step k has start ≤ k·dt ≤ stop, bounds included; an infinite stop never ends.
     */
    @Test
    void poissonWindowKeepsTheSameDrawsInsideStartAndStop() {
        int n = 4, steps = 400;
        double dt = 0.1;
        double[] start = {0, 5, 12.3, 30}, stop = {Double.POSITIVE_INFINITY, 20, 12.3, 39.9};
        SpikeRecording all = poissonRun(NeuronGroup.poisson("p", n, PerNeuron.constant(5000.0)), dt, steps);
        SpikeRecording windowed = poissonRun(NeuronGroup.poisson("p", n, PerNeuron.constant(5000.0), start, stop), dt, steps);
        int kept = 0;
        for (int i = 0; i < all.count(); i++) {
            long k = all.step(i);
            int q = all.neuron(i);
            if (k >= Math.round(start[q] / dt) && k <= (Double.isInfinite(stop[q]) ? Long.MAX_VALUE : Math.round(stop[q] / dt))) {
                assertEquals(k, windowed.step(kept), "spike " + kept);
                assertEquals(q, windowed.neuron(kept), "spike " + kept);
                kept++;
            }
        }
        assertEquals(kept, windowed.count());
        assertTrue(kept > 200 && kept < all.count() / 2, kept + " of " + all.count() + " spikes in the windows");
        assertMessage("Poisson window of neuron 1: start 5.0 ms, stop 4.0 ms",
                () -> NeuronGroup.poisson("p", 2, PerNeuron.constant(1.0), new double[] {0, 5}, new double[] {1, 4}));
        assertMessage("Poisson window: 1 starts for 2 neurons",
                () -> NeuronGroup.poisson("p", 2, PerNeuron.constant(1.0), new double[] {0}, new double[] {1}));
    }

    private static SpikeRecording poissonRun(NeuronGroup p, double dt, int steps) {
        SpikeMonitor m = SpikeMonitor.of(p);
        try (Simulation sim = Simulation.builder(Network.builder().seed(5).dt(dt).add(p).add(m).build()).threads(1).build()) {
            sim.runSteps(steps);
            return sim.recording(m);
        }
    }

    @Test
    void poissonRateAboveOneSpikePerStepIsRefused() {
        NeuronGroup p = NeuronGroup.poisson("p", 2, PerNeuron.array(new double[] {10, 3000}));
        assertMessage("Poisson group 'p': rate 3000.0 Hz of neuron 1 exceeds one spike per step of dt 0.5 ms (at most 2000.0 Hz)",
                () -> Network.builder().dt(0.5).add(p).build());
        assertMessage("Poisson rate must be a finite number >= 0 Hz, got -1.0", () -> NeuronGroup.poisson("p", 2, -1));
    }

    static void assertMessage(String part, org.junit.jupiter.api.function.Executable e) {
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
        assertTrue(x.getMessage().contains(part), x.getMessage());
    }
}
