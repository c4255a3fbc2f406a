package org.izhsim.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.izhsim.integrate.Scheme;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Snapshot and resume: N steps straight give the same spikes and the same v, u (to the bit) as
 * k steps, a snapshot written to bytes and read back, and N − k steps in a new simulation of the
 * same network — with delays, a pulse longer than a step, noise redrawn every step and every
 * other step (its held draw), Poisson input, a change committed before the snapshot (in the log)
 * and changes still queued in it, on 1 and 2 threads either side.
 */
class SnapshotTest {
    private static final int N = 400, K = 173;

    private record Net(Network network, NeuronGroup exc, NeuronGroup inh, SpikeMonitor spikes) {}

    private static Net net(Scheme scheme) {
        double dt = scheme == Scheme.NETM ? 1 : 0.5;
        NeuronGroup exc = NeuronGroup.builder("exc", 240).c(PerNeuron.ofUniform(r -> -65 + 15 * r * r)).build();
        NeuronGroup inh = NeuronGroup.builder("inh", 60).a(PerNeuron.ofUniform(r -> 0.02 + 0.08 * r)).build();
        SynapseGroup ee = SynapseGroup.builder("ee", exc, exc).connect(Connectivity.fixedInDegree(20))
                .weights(Weights.uniform(0, 0.8)).delays(Delays.uniform(1, 6)).build();
        SynapseGroup ei = SynapseGroup.builder("ei", exc, inh).connect(Connectivity.probability(0.2)).weight(0.5).delay(2).build();
        SynapseGroup ie = SynapseGroup.builder("ie", inh, exc).connect(Connectivity.fixedInDegree(10)).weight(-1.2).build();
        SpikeMonitor spikes = SpikeMonitor.all();
        Network n = Network.builder().dt(dt).scheme(scheme).seed(11).pulseMs(2 * dt)
                .add(exc).add(inh).add(ee).add(ei).add(ie)
                .add(Input.noise(exc, 5)).add(Input.noise(inh, PerNeuron.constant(4), 2 * dt))
                .add(Input.poisson(exc, 20, 40, 0.7)).add(Input.constant(inh, 1.5))
                .add(spikes).build();
        return new Net(n, exc, inh, spikes);
    }

    private static void changes(Simulation sim) {
        sim.schedule(60, ParameterChange.noiseSigma("noise:exc", 4));
        sim.schedule(K + 20, ParameterChange.poissonRate("poisson:exc", 80));
        sim.schedule(K + 41, ParameterChange.constantCurrent("constant:inh", PerNeuron.ofUniform(r -> 2 * r)));
    }

    private record End(int[] steps, int[] neurons, double[] v, double[] u, List<AppliedChange> log) {}

    private static End end(Simulation sim, Net n, SpikeRecording before) {
        SpikeRecording s = sim.recording(n.spikes());
        int[] steps = concat(before == null ? new int[0] : before.steps(), s.steps());
        int[] neurons = concat(before == null ? new int[0] : before.neurons(), s.neurons());
        double[] v = concat(sim.v(n.exc()), sim.v(n.inh())), u = concat(sim.u(n.exc()), sim.u(n.inh()));
        return new End(steps, neurons, v, u, sim.changeLog());
    }

    private static int[] concat(int[] x, int[] y) {
        int[] z = Arrays.copyOf(x, x.length + y.length);
        System.arraycopy(y, 0, z, x.length, y.length);
        return z;
    }

    private static double[] concat(double[] x, double[] y) {
        double[] z = Arrays.copyOf(x, x.length + y.length);
        System.arraycopy(y, 0, z, x.length, y.length);
        return z;
    }

    @ParameterizedTest(name = "{0}, {1} then {2} threads")
    @CsvSource({"netm, 1, 2", "netm, 2, 1", "euler, 1, 2", "euler, 2, 2"})
    void resumingGivesTheStraightRun(String schemeId, int before, int after) throws IOException {
        Scheme scheme = Scheme.byId(schemeId);
        Net n = net(scheme);
        End straight;
        try (Simulation sim = Simulation.builder(n.network()).threads(2).minNeuronsPerThread(1).build()) {
            changes(sim);
            sim.runSteps(N);
            straight = end(sim, n, null);
        }
        byte[] bytes;
        SpikeRecording first;
        try (Simulation sim = Simulation.builder(n.network()).threads(before).minNeuronsPerThread(1).build()) {
            changes(sim);
            sim.runSteps(K);
            first = sim.recording(n.spikes());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            sim.snapshot().write(out);
            bytes = out.toByteArray();
            sim.runSteps(50); // the snapshot is a copy: running on does not change it
        }
        Snapshot read = Snapshot.read(new ByteArrayInputStream(bytes));
        assertEquals(K, read.step());
        assertEquals(1, read.changeLog().size(), "the change at step 60 was committed before the snapshot");
        Net again = net(scheme); // a new description of the same network
        End resumed;
        try (Simulation sim = Simulation.builder(again.network()).threads(after).minNeuronsPerThread(1).resumeFrom(read).build()) {
            assertEquals(K, sim.step());
            sim.runSteps(N - K);
            resumed = end(sim, again, first);
        }
        assertTrue(straight.steps().length > 300, "the network fires: " + straight.steps().length);
        assertTrue(first.count() > 0 && first.count() < straight.steps().length);
        assertArrayEquals(straight.steps(), resumed.steps(), "spike steps");
        assertArrayEquals(straight.neurons(), resumed.neurons(), "spike neurons");
        assertArrayEquals(straight.v(), resumed.v(), "v, bit for bit");
        assertArrayEquals(straight.u(), resumed.u(), "u, bit for bit");
        assertEquals(straight.log(), resumed.log(), "change log");
        assertEquals(3, resumed.log().size());
    }

    @Test
    void foreignCorruptAndTruncatedSnapshotsAreRefusedWithTheReason() throws IOException {
        Net n = net(Scheme.EULER);
        byte[] bytes;
        try (Simulation sim = Simulation.builder(n.network()).threads(1).build()) {
            sim.runSteps(20);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            sim.snapshot().write(out);
            bytes = out.toByteArray();
        }
        IOException magic = assertThrows(IOException.class, () -> Snapshot.read(new ByteArrayInputStream("hello, world".getBytes())));
        assertEquals("not an izhsim snapshot (no IZSN magic at its start)", magic.getMessage());
        byte[] flipped = bytes.clone();
        flipped[flipped.length / 2] ^= 0x10;
        IOException corrupt = assertThrows(IOException.class, () -> Snapshot.read(new ByteArrayInputStream(flipped)));
        assertTrue(corrupt.getMessage().startsWith("corrupt snapshot") || corrupt.getMessage().startsWith("truncated snapshot"),
                corrupt.getMessage());
        IOException truncated = assertThrows(IOException.class,
                () -> Snapshot.read(new ByteArrayInputStream(Arrays.copyOf(bytes, bytes.length - 9))));
        assertEquals("truncated snapshot: it ends before its contents do", truncated.getMessage());

        Snapshot good = Snapshot.read(new ByteArrayInputStream(bytes));
        Net other = net(Scheme.NETM);
        IllegalArgumentException foreign = assertThrows(IllegalArgumentException.class,
                () -> Simulation.builder(other.network()).resumeFrom(good).build());
        assertTrue(foreign.getMessage().startsWith("the snapshot was taken of another network"), foreign.getMessage());
        // the same description with other weights: caught by the synapses' checksum
        NeuronGroup exc = NeuronGroup.builder("exc", 240).build(), inh = NeuronGroup.builder("inh", 60).build();
        List<SynapseGroup> syn = new ArrayList<>();
        for (SynapseGroup y : n.network().synapses()) {
            NeuronGroup pre = y.pre().name().equals("exc") ? exc : inh, post = y.post().name().equals("exc") ? exc : inh;
            syn.add(SynapseGroup.builder(y.name(), pre, post).connect(y.connectivity()).weight(0.1).delays(y.delays()).build());
        }
        Network.Builder b = Network.builder().dt(0.5).scheme(Scheme.EULER).seed(11).pulseMs(1).add(exc).add(inh);
        syn.forEach(b::add);
        b.add(Input.noise(exc, 5)).add(Input.noise(inh, PerNeuron.constant(4), 1)).add(Input.poisson(exc, 20, 40, 0.7))
                .add(Input.constant(inh, 1.5));
        Network reweighted = b.build();
        IllegalArgumentException weights = assertThrows(IllegalArgumentException.class,
                () -> Simulation.builder(reweighted).resumeFrom(good).build());
        assertTrue(weights.getMessage().contains("synapses were built otherwise"), weights.getMessage());
    }
}
