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

/**
 * Static CSR groups in narrow posts (2-byte post − q0, 6 bytes per synapse) give the same
 * spikes and potentials as in 4-byte posts, for uniform and per-synapse delays, 1 and 2 threads
 * and fake ranks; they are used only where every static CSR group's posts on the rank span at
 * most 65,536, so a larger group narrows once two ranks share it.
 */
class NarrowPostsTest {

    private record Run(SpikeRecording spikes, List<double[]> v, long synapseBytes, long synapses) {}

    private static Run run(Network net, SpikeMonitor m, int threads, boolean narrow, Communicator comm, double ms) {
        try (Simulation sim = Simulation.builder(net).threads(threads).minNeuronsPerThread(1).narrowPosts(narrow).communicator(comm).build()) {
            sim.run(ms);
            List<double[]> v = new ArrayList<>();
            for (NeuronGroup g : net.groups()) v.add(sim.v(g));
            long bytes = 0, n = 0;
            for (SynapseGroup s : net.synapses()) {
                SynapseView view = sim.synapses(s);
                if (view.storage() == Storage.CSR && s.delays().max() == s.delays().min()) {
                    bytes += view.bytes();
                    n += view.size();
                }
            }
            return new Run(sim.recording(m), v, bytes, n);
        }
    }

    private static void assertSame(Run want, Run got, String what) {
        assertArrayEquals(want.spikes().steps(), got.spikes().steps(), what + ": spike steps");
        assertArrayEquals(want.spikes().neurons(), got.spikes().neurons(), what + ": spike neurons");
        for (int g = 0; g < want.v().size(); g++) assertArrayEquals(want.v().get(g), got.v().get(g), 0.0, what + ": v");
    }

    @Test
    void narrowPostsGiveTheSameRunForEveryDelayKindAndThreadCount() {
        for (Scheme s : new Scheme[] {Scheme.NETM, Scheme.EULER}) {
            Izhikevich2003Network.Built b = DeterminismTest.delayed(s);
            Run wide = run(b.network(), b.spikes(), 1, false, Communicator.local(), 300);
            assertTrue(wide.spikes().count() > 200, "the network is active: " + wide.spikes().count());
            for (int threads : new int[] {1, 2}) {
                Run narrow = run(b.network(), b.spikes(), threads, true, Communicator.local(), 300);
                assertSame(wide, narrow, s + ", " + threads + " threads");
                // the uniform-delay CSR group: 2 bytes less per synapse (row cuts as many as in 4-byte posts)
                Run wideHere = run(b.network(), b.spikes(), threads, false, Communicator.local(), 300);
                assertEquals(wideHere.synapseBytes() - 2 * wide.synapses(), narrow.synapseBytes(), s + ": bytes of the uniform-delay group");
            }
        }
        Izhikevich2003Network.Built sparse = Izhikevich2003Network.builder().ne(1600).ni(400).sparse(100).scheme(Scheme.EULER).seed(4).build();
        Run wide = run(sparse.network(), sparse.spikes(), 2, false, Communicator.local(), 200);
        Run narrow = run(sparse.network(), sparse.spikes(), 2, true, Communicator.local(), 200);
        assertSame(wide, narrow, "sparse net2003");
        assertEquals(6 * wide.synapses() + (wide.synapseBytes() - 8 * wide.synapses()), narrow.synapseBytes(), "6 bytes per synapse");
    }

    @Test
    void aGroupOfMoreThan65536PostsNarrowsOnlyWhenRanksShareIt() throws Exception {
        NeuronGroup big = NeuronGroup.builder("big", 70_000).build();
        SpikeMonitor m = SpikeMonitor.all();
        Network net = Network.builder().seed(3).scheme(Scheme.EULER).add(big)
                .add(SynapseGroup.builder("bb", big, big).connect(Connectivity.fixedInDegree(3))
                        .weights(Weights.uniform(0, 6)).delay(1).build())
                .add(Input.noise(big, PerNeuron.constant(5), 1.0)).add(m).build();
        Run one = run(net, m, 1, true, Communicator.local(), 30);
        assertTrue(one.spikes().count() > 100, "active: " + one.spikes().count());
        assertEquals(8 * one.synapses(), one.synapseBytes() - 4L * (70_000 + 1), "one rank: 70,000 posts, 4-byte posts");

        InProcessRanks world = new InProcessRanks(2);
        ExecutorService ex = Executors.newFixedThreadPool(2);
        try {
            List<Future<Run>> parts = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                Communicator c = world.communicator(r);
                parts.add(ex.submit(() -> run(net, m, 1, true, c, 30)));
            }
            List<SpikeRecording> rec = new ArrayList<>();
            for (Future<Run> f : parts) {
                Run part = f.get();
                rec.add(part.spikes());
                assertEquals(6 * part.synapses(), part.synapseBytes() - 4L * (70_000 + 1), "a rank's 35,000 posts: narrow posts");
            }
            SpikeRecording two = SpikeRecording.merge(rec);
            assertArrayEquals(one.spikes().steps(), two.steps(), "2 ranks: spike steps");
            assertArrayEquals(one.spikes().neurons(), two.neurons(), "2 ranks: spike neurons");
        } finally {
            ex.shutdownNow();
        }
    }
}
