package org.izhsim.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.izhsim.integrate.NumericalBlowUpException;
import org.izhsim.integrate.Scheme;
import org.izhsim.random.CounterRandom;
import org.izhsim.random.Streams;
import org.junit.jupiter.api.Test;

/** Inputs, parameter changes, monitors, progress, blocks, blow-ups and the memory estimate. */
class SimulationApiTest {

    @Test
    void noiseIsTheDocumentedStreamWhateverTheThreadCount() {
        NeuronGroup g = NeuronGroup.builder("g", 37).build();
        Input.Noise noise = Input.noise(g, PerNeuron.constant(3), 2.0); // redrawn every 2 ms = 4 steps
        int[] all = new int[37];
        for (int i = 0; i < 37; i++) all[i] = i;
        StateMonitor st = StateMonitor.of(g, all, 1, StateMonitor.Variable.I);
        Network net = Network.builder().seed(5).dt(0.5).scheme(Scheme.EULER).add(g).add(noise).add(st).build();
        long sk = Streams.key(5, "noise/noise:g");
        for (int threads : new int[] {1, 3}) {
            try (Simulation sim = Simulation.builder(net).threads(threads).minNeuronsPerThread(1).build()) {
                sim.runSteps(20);
                StateRecording r = sim.recording(st);
                assertEquals(20, r.samples());
                for (int i = 0; i < 37; i++) {
                    double[] tr = r.trace(StateMonitor.Variable.I, i);
                    for (int k = 0; k < 20; k++) {
                        int m = k / 4;
                        assertEquals(3 * CounterRandom.gaussian(CounterRandom.key(sk, m), i), tr[k], 0.0,
                                "neuron " + i + " step " + k + " threads " + threads);
                    }
                }
            }
        }
    }

    private static Network driven(NeuronGroup g, StateMonitor st, SpikeMonitor sm, RateMonitor rm) {
        return Network.builder().seed(3).scheme(Scheme.EULER).add(g)
                .add(Input.constant(g, 0).named("drive"))
                .add(Input.noise(g, PerNeuron.constant(0), 1).named("noise"))
                .add(Input.current(g, t -> t >= 80 ? 1.0 : 0.0))
                .add(st).add(sm).add(rm).build();
    }

    @Test
    void parameterChangesApplyBetweenStepsAndAreLogged() {
        NeuronGroup g = NeuronGroup.builder("g", 4).build();
        StateMonitor st = StateMonitor.of(g, new int[] {0, 3}, 1, StateMonitor.Variable.I);
        SpikeMonitor sm = SpikeMonitor.of(g);
        RateMonitor rm = RateMonitor.of(g, 10);
        Network net = driven(g, st, sm, rm);
        try (Simulation sim = Simulation.builder(net).threads(2).minNeuronsPerThread(1).build()) {
            sim.schedule(50, ParameterChange.constantCurrent("drive", 10));
            sim.scheduleAt(60.0, ParameterChange.noiseSigma("noise", 2));
            sim.run(100);
            double[] i0 = sim.recording(st).trace(StateMonitor.Variable.I, 0);
            for (int k = 0; k < 50; k++) assertEquals(0.0, i0[k], "no input before step 50");
            for (int k = 50; k < 60; k++) assertEquals(10.0, i0[k], "constant 10 from step 50");
            for (int k = 60; k < 80; k++) assertTrue(i0[k] != 10.0, "noise from step 60");
            SpikeRecording s = sim.recording(sm);
            assertTrue(s.count() > 0);
            assertTrue(s.step(0) >= 50, "first spike after the drive starts: " + s.step(0));
            List<AppliedChange> log = sim.changeLog();
            assertEquals(2, log.size());
            assertEquals(50, log.get(0).step());
            assertEquals(60.0, log.get(1).timeMs());
            assertTrue(log.get(1).description().contains("sigma"));
            long[] counts = sim.recording(rm).counts();
            assertEquals(10, counts.length);
            long total = 0;
            for (long c : counts) total += c;
            assertEquals(s.count(), total, "rate monitor counts every spike");
            // invalid changes are refused when queued
            assertThrows(IllegalArgumentException.class, () -> sim.change(ParameterChange.noiseSigma("noise", -1)));
            assertThrows(IllegalArgumentException.class, () -> sim.change(ParameterChange.noiseSigma("drive", 1)));
            assertThrows(IllegalArgumentException.class, () -> sim.change(ParameterChange.constantCurrent("nope", 1)));
            assertThrows(IllegalArgumentException.class, () -> sim.schedule(10, ParameterChange.constantCurrent("drive", 1)));
        }
    }

    @Test
    void stateMonitorSamplesEveryNthStepAfterTheUpdate() {
        NeuronGroup g = NeuronGroup.builder("g", 3).build();
        StateMonitor st = StateMonitor.of(g, new int[] {2, 0}, 5);
        Network net = Network.builder().scheme(Scheme.NETM).add(g).add(Input.constant(g, 4)).add(st).build();
        try (Simulation sim = Simulation.builder(net).threads(2).minNeuronsPerThread(1).build()) {
            sim.runSteps(26);
            StateRecording r = sim.recording(st);
            assertEquals(6, r.samples()); // steps 0, 5, ..., 25
            assertEquals(25, r.step(5));
            assertArrayEquals(new double[] {0, 5, 10, 15, 20, 25}, r.timesMs(), 0.0);
            double[] v = sim.v(g), u = sim.u(g);
            assertEquals(v[2], r.trace(StateMonitor.Variable.V, 0)[5], 0.0, "last sample = state after step 25");
            assertEquals(u[0], r.trace(StateMonitor.Variable.U, 1)[5], 0.0);
            assertEquals(4.0, r.trace(StateMonitor.Variable.I, 1)[3], 0.0);
        }
    }

    @Test
    void progressAndBlocks() {
        Izhikevich2003Network.Built b = Izhikevich2003Network.builder().seed(8).build();
        List<double[]> calls = new ArrayList<>();
        SpikeRecording whole;
        try (Simulation sim = Simulation.builder(b.network()).threads(2).minNeuronsPerThread(1).build()) {
            sim.setProgressListener((f, s) -> calls.add(new double[] {f, s}));
            sim.run(500);
            whole = sim.recording(b.spikes());
            assertEquals(whole.count(), sim.timing().spikes());
            TimingReport t = sim.timing();
            assertEquals(500, t.steps());
            assertEquals(1_000_000, t.synapses());
            assertEquals((long) whole.count() * 1000, t.events(), "every spike reaches 1000 targets");
        }
        assertEquals(100, calls.size());
        assertEquals(1.0, calls.get(calls.size() - 1)[0]);
        for (int i = 1; i < calls.size(); i++) assertTrue(calls.get(i)[0] > calls.get(i - 1)[0] && calls.get(i)[1] >= calls.get(i - 1)[1]);
        try (Simulation sim = Simulation.builder(b.network()).threads(1).build()) {
            List<BlockTiming> blocks = sim.runBlocks(500, 3);
            assertEquals(3, blocks.size());
            assertEquals(500, blocks.stream().mapToLong(BlockTiming::steps).sum());
            assertEquals(whole.count(), blocks.stream().mapToLong(BlockTiming::spikes).sum());
            assertEquals(whole, sim.recording(b.spikes()), "blocks give the spikes of one run");
        }
    }

    @Test
    void blowUpNamesGroupNeuronAndStep() {
        NeuronGroup quiet = NeuronGroup.builder("quiet", 3).build();
        NeuronGroup hot = NeuronGroup.builder("hot", 5).build();
        Network net = Network.builder().scheme(Scheme.EULER).add(quiet).add(hot)
                .add(Input.current(hot, t -> t >= 3 ? -1e300 : 0)).build();
        try (Simulation sim = Simulation.builder(net).threads(2).minNeuronsPerThread(1).build()) {
            NumericalBlowUpException e = assertThrows(NumericalBlowUpException.class, () -> sim.run(10));
            assertTrue(e.getMessage().contains("'hot'"), e.getMessage());
            assertEquals(0, e.neuron());
            assertTrue(e.step() >= 3 && e.step() <= 5, "step " + e.step());
            assertThrows(IllegalStateException.class, () -> sim.run(1));
        }
        Network netm = Network.builder().scheme(Scheme.NETM).add(hot).add(Input.current(hot, t -> t >= 3 ? -1e300 : 0)).build();
        try (Simulation sim = Simulation.builder(netm).threads(1).build()) {
            NumericalBlowUpException e = assertThrows(NumericalBlowUpException.class, () -> sim.run(10));
            assertEquals(3, e.step(), "netm: the step whose update overflowed");
        }
    }

    @Test
    void memoryEstimateRefusesAnImpossibleNetwork() {
        NeuronGroup big = NeuronGroup.builder("big", 2_000_000).build();
        SynapseGroup s = SynapseGroup.builder("huge", big, big).connect(Connectivity.fixedInDegree(20_000)).build();
        Network net = Network.builder().add(big).add(s).build();
        assertTrue(net.estimateBytes(2) > 250L * 1024 * 1024 * 1024, "40e9 synapses need > 250 GB");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Simulation.builder(net).threads(2).minNeuronsPerThread(1).build());
        assertTrue(e.getMessage().contains("-Xmx") || e.getMessage().contains("no -Xmx"), e.getMessage());
        assertTrue(e.getMessage().contains("'huge'"), e.getMessage());
        // a moderate network that cannot fit in this JVM names the -Xmx to use
        long max = Runtime.getRuntime().maxMemory();
        int k = (int) Math.min(50_000, max / 8 / 60_000 * 2);
        NeuronGroup g = NeuronGroup.builder("g", 60_000).build();
        Network n2 = Network.builder().add(g).add(SynapseGroup.builder("s", g, g).connect(Connectivity.fixedInDegree(k)).build()).build();
        IllegalStateException e2 = assertThrows(IllegalStateException.class, () -> Simulation.builder(n2).threads(2).minNeuronsPerThread(1).build());
        assertTrue(e2.getMessage().matches("(?s).*run java with -Xmx\\d+[mg].*"), e2.getMessage());
    }

    @Test
    void eachRankIsRefusedOnlyForItsOwnShareOfTheSynapses() {
        Izhikevich2003Network.Built b = Izhikevich2003Network.builder().ne(80_000).ni(20_000).sparse(1000).build();
        long one = b.network().estimateBytes(2), two = b.network().estimateBytes(2, 2);
        // 10^8 synapses of 8 bytes split over two ranks; every rank keeps all neurons' state
        assertTrue(two < 0.55 * one && two > 0.45 * one, one + " bytes on one rank, " + two + " on each of two");
        NeuronGroup big = NeuronGroup.builder("big", 2_000_000).build();
        Network net = Network.builder().add(big)
                .add(SynapseGroup.builder("huge", big, big).connect(Connectivity.fixedInDegree(20_000)).build()).build();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> net.checkMemory(2, 0, "", 3, 4));
        assertTrue(e.getMessage().contains("more ranks than 4 (mpirun"), e.getMessage());
        assertTrue(e.getMessage().startsWith("rank 3's share of this network (of 4 ranks) needs about"), e.getMessage());
        // the group's 4e10 synapses, of which this rank holds a quarter (10^10 x 8 bytes, plus every pre's row indices)
        assertTrue(e.getMessage().matches("(?s).*'huge' holds 4\\.00e\\+10 synapses \\(763\\d\\d MB of them on this rank\\).*"), e.getMessage());
    }

    @Test
    void aNetworkThatFitsOnlyWhenSplitIsRefusedOnOneRankAndAcceptedOnFour() {
        // 1.5x this JVM's heap of synapses in all: each of 4 ranks holds about 0.375x of it
        int n = 100_000;
        int k = (int) (1.5 * Runtime.getRuntime().maxMemory() / 8 / n);
        NeuronGroup g = NeuronGroup.builder("g", n).build();
        Network net = Network.builder().add(g).add(SynapseGroup.builder("s", g, g).connect(Connectivity.fixedInDegree(k)).build()).build();
        assertThrows(IllegalStateException.class, () -> net.checkMemory(1, 0, "", 0, 1));
        for (int r = 0; r < 4; r++) net.checkMemory(1, 0, "", r, 4);
    }

    @Test
    void aRanksEstimateFollowsTheSynapsesOntoItsOwnNeurons() {
        // 'a' (4000 neurons) gets 400 inputs each, 'b' (4000) 20: on two ranks, rank 0 owns a,
        // rank 1 owns b, so rank 0 holds 20x rank 1's synapses, not half of them each
        NeuronGroup a = NeuronGroup.builder("a", 4000).build(), b = NeuronGroup.builder("b", 4000).build();
        Network net = Network.builder().add(a).add(b)
                .add(SynapseGroup.builder("toA", b, a).connect(Connectivity.fixedInDegree(400)).build())
                .add(SynapseGroup.builder("toB", a, b).connect(Connectivity.fixedInDegree(20)).build())
                .add(SynapseGroup.builder("pairs", a, b).connect(Connectivity.explicit(new int[] {0, 1, 2}, new int[] {0, 0, 3999})).build())
                .build();
        double fixed = net.estimateBytes(1, 0, 2) - Network.synapseBytes(net.synapses().get(0), 1, 0, 4000)
                - Network.synapseBytes(net.synapses().get(1), 1, 0, 0) - Network.synapseBytes(net.synapses().get(2), 1, 0, 0);
        double rows = 4001 * 4 + 2 * 4000 * 4 * 2; // row indices of every pre, on every rank
        // 400 * 4000 synapses of 8 bytes onto rank 0, 20 * 4000 + the 3 pairs onto rank 1
        assertEquals(1_600_000 * 8, Network.synapseBytes(net.synapses().get(0), 1, 0, 4000) - rows, 0.1);
        assertEquals(3 * 8, Network.synapseBytes(net.synapses().get(2), 1, 0, 4000) - rows, 0.1);
        assertEquals(2 * 8, Network.synapseBytes(net.synapses().get(2), 1, 0, 2000) - rows, 0.1);
        long r1 = net.estimateBytes(1, 1, 2);
        assertEquals(fixed + 3 * rows + 80_000 * 8 + 3 * 8, r1, 1.0);
        assertEquals(net.estimateBytes(1, 0, 2), net.estimateBytes(1, 2), "the most loaded rank");
        assertEquals(net.estimateBytes(1), net.estimateBytes(1, 0, 1), "one rank holds everything");
    }

    @Test
    void estimateOfTheLargestBenchmarkIsAbout800MB() {
        Izhikevich2003Network.Built b = Izhikevich2003Network.builder().ne(80_000).ni(20_000).sparse(1000).build();
        long bytes = b.network().estimateBytes(2);
        assertTrue(bytes > 800_000_000L && bytes < 900_000_000L, "estimate " + bytes);
    }

    @Test
    void poissonInputRaisesTheMeanCurrent() {
        NeuronGroup g = NeuronGroup.builder("g", 2000).v0(-70).build();
        RateMonitor rm = RateMonitor.of(g, 1);
        int[] sel = new int[2000];
        for (int i = 0; i < sel.length; i++) sel[i] = i;
        StateMonitor st = StateMonitor.of(g, sel, 1, StateMonitor.Variable.I);
        // 50 sources × 20 Hz × 1 ms = mean 1 event per step, weight 0.5, pulse 1 step
        Network net = Network.builder().scheme(Scheme.EULER).add(g).add(Input.poisson(g, 50, 20, 0.5)).add(rm).add(st).build();
        try (Simulation sim = Simulation.builder(net).threads(2).minNeuronsPerThread(1).build()) {
            sim.runSteps(50);
            StateRecording r = sim.recording(st);
            double sum = 0, sum2 = 0;
            int n = 0;
            for (int i = 0; i < 2000; i++) {
                for (double x : r.trace(StateMonitor.Variable.I, i)) {
                    sum += x;
                    sum2 += x * x;
                    n++;
                }
            }
            double mean = sum / n, var = sum2 / n - mean * mean;
            assertEquals(0.5, mean, 0.01, "mean current = rate·weight");
            assertEquals(0.25, var, 0.01, "Poisson: variance = mean·w²");
        }
    }

    /** Mean input current per step of steps [k0, k1) over all neurons of a trace recording. */
    private static double meanCurrent(StateRecording r, int neurons, int k0, int k1) {
        double sum = 0;
        for (int i = 0; i < neurons; i++) {
            double[] tr = r.trace(StateMonitor.Variable.I, i);
            for (int k = k0; k < k1; k++) sum += tr[k];
        }
        return sum / ((double) neurons * (k1 - k0));
    }

    @Test
    void poissonRateChangesBetweenStepsAndIsCheckedWhenQueued() {
        NeuronGroup g = NeuronGroup.builder("g", 2000).v0(-70).build();
        int[] sel = new int[2000];
        for (int i = 0; i < sel.length; i++) sel[i] = i;
        StateMonitor st = StateMonitor.of(g, sel, 1, StateMonitor.Variable.I);
        // 50 sources × 20 Hz × 1 ms: mean 1 event per step of weight 0.5; 40 Hz doubles it
        Network net = Network.builder().scheme(Scheme.EULER).add(g).add(Input.poisson(g, 50, 20, 0.5).named("drive"))
                .add(Input.constant(g, 0).named("flat")).add(st).build();
        try (Simulation sim = Simulation.builder(net).threads(2).minNeuronsPerThread(1).build()) {
            sim.schedule(40, ParameterChange.poissonRate("drive", 40));
            sim.schedule(80, ParameterChange.poissonRate("drive", 0));
            // refused when queued, not when applied in the middle of a run
            IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
                    () -> sim.schedule(60, ParameterChange.poissonRate("drive", 1e7)));
            assertTrue(tooMany.getMessage().contains("'drive'"), tooMany.getMessage());
            assertThrows(IllegalArgumentException.class, () -> sim.schedule(60, ParameterChange.poissonRate("flat", 10)));
            assertThrows(IllegalArgumentException.class, () -> ParameterChange.poissonRate("drive", -1));
            assertThrows(IllegalArgumentException.class, () -> sim.scheduleAt(Double.NaN, ParameterChange.poissonRate("drive", 1)));
            assertThrows(IllegalArgumentException.class, () -> sim.scheduleAt(12.5, ParameterChange.poissonRate("drive", 1)));
            sim.runSteps(100);
            StateRecording r = sim.recording(st);
            assertEquals(0.5, meanCurrent(r, 2000, 0, 40), 0.01, "20 Hz before step 40");
            assertEquals(1.0, meanCurrent(r, 2000, 40, 80), 0.015, "40 Hz from step 40");
            assertEquals(0.0, meanCurrent(r, 2000, 80, 100), 0.0, "silent from step 80");
            List<AppliedChange> log = sim.changeLog();
            assertEquals(2, log.size());
            assertEquals(40, log.get(0).step());
            assertTrue(log.get(0).description().contains("rate = 40.0 Hz"), log.get(0).description());
        }
    }
}
