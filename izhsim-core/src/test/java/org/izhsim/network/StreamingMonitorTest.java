package org.izhsim.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.izhsim.integrate.Scheme;
import org.junit.jupiter.api.Test;

/** Streaming monitors hand the sink exactly what the in-memory monitors keep, in bounded chunks. */
class StreamingMonitorTest {
    private static final StateMonitor.Variable V = StateMonitor.Variable.V, U = StateMonitor.Variable.U,
            I = StateMonitor.Variable.I;

    /** Collects what a streaming sink receives, checking chunk order and size. */
    static final class Collected {
        final List<Integer> steps = new ArrayList<>(), neurons = new ArrayList<>();
        final List<Double> v = new ArrayList<>(), u = new ArrayList<>(), i = new ArrayList<>();
        long nextSample;
        int maxChunkSamples;
    }

    @Test
    void streamedSpikesAndStatesEqualTheInMemoryRecording() {
        for (Scheme scheme : new Scheme[] {Scheme.NETM, Scheme.EULER}) {
            Izhikevich2003Network.Built b = Izhikevich2003Network.builder().ne(80).ni(20).seed(4).scheme(scheme).dt(0.5).build();
            int[] cols = {17, 0, 5};
            StateMonitor mem = StateMonitor.of(b.exc(), cols, 3, V, U, I).named("mem");
            Collected c = new Collected();
            int chunkSteps = 7;
            SpikeMonitor sSpikes = SpikeMonitor.all().named("streamed").streaming((st, ns, n) -> {
                for (int j = 0; j < n; j++) {
                    c.steps.add(st[j]);
                    c.neurons.add(ns[j]);
                }
            }, chunkSteps);
            StateMonitor sState = StateMonitor.of(b.exc(), cols, 3, V, U, I).named("streamedState").streaming((first, n, v, u, i) -> {
                assertEquals(c.nextSample, first, "chunks arrive in order without gaps");
                c.nextSample += n;
                c.maxChunkSamples = Math.max(c.maxChunkSamples, n);
                for (int k = 0; k < n * cols.length; k++) {
                    c.v.add(v[k]);
                    c.u.add(u[k]);
                    c.i.add(i[k]);
                }
            }, chunkSteps);
            Network net = b.network().withMonitors(List.of(mem, sSpikes, sState));
            try (Simulation sim = Simulation.builder(net).threads(2).minNeuronsPerThread(1).build()) {
                sim.runBlocks(400, 3);
                SpikeRecording ref = sim.recording(b.spikes());
                StateRecording refState = sim.recording(mem);
                assertEquals(0, sim.recording(sSpikes).count(), "a streaming monitor keeps nothing");
                assertEquals(0, sim.recording(sState).samples());
                assertTrue(ref.count() > 100, "the network fires");
                assertArrayEquals(ref.steps(), c.steps.stream().mapToInt(Integer::intValue).toArray(), scheme + " steps");
                assertArrayEquals(ref.neurons(), c.neurons.stream().mapToInt(Integer::intValue).toArray(), scheme + " neurons");
                assertEquals(refState.samples(), c.nextSample);
                assertTrue(c.maxChunkSamples <= chunkSteps / 3 + 2, "a chunk holds at most chunkSteps/every + 2 samples");
                for (int j = 0; j < cols.length; j++) {
                    for (StateMonitor.Variable var : StateMonitor.Variable.values()) {
                        List<Double> got = var == V ? c.v : var == U ? c.u : c.i;
                        double[] want = refState.trace(var, j);
                        for (int s = 0; s < want.length; s++) {
                            assertEquals(want[s], got.get(s * cols.length + j), 0.0, scheme + " " + var + " col " + j + " sample " + s);
                        }
                    }
                }
            }
        }
    }

    /**
     * Records v, u and I of 200 neurons every step for 60,000 steps (288 MB as doubles) in a JVM
     * with a 48 MB heap: the in-memory monitor could not hold it, the streaming one completes.
     */
    @Test
    void aStreamingRunRecordsMoreThanTheHeapHolds() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx48m", "--add-modules", "jdk.incubator.vector",
                "-cp", System.getProperty("java.class.path"), BigRecording.class.getName()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        boolean done = p.waitFor(120, TimeUnit.SECONDS);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!done) p.destroyForcibly();
        assertTrue(done, "child finished in time");
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("samples 60000 values 36000000"), out);
    }

    /** The child of {@link #aStreamingRunRecordsMoreThanTheHeapHolds}. */
    public static final class BigRecording {
        public static void main(String[] args) throws IOException {
            NeuronGroup g = NeuronGroup.builder("g", 200).build();
            int[] all = new int[200];
            for (int i = 0; i < all.length; i++) all[i] = i;
            long[] samples = {0};
            long[] values = {0};
            StateMonitor st = StateMonitor.of(g, all, 1, V, U, I).streaming((first, n, v, u, i) -> {
                if (first != samples[0]) throw new AssertionError("gap at " + first);
                samples[0] += n;
                values[0] += 3L * n * all.length;
            }, 500);
            Network net = Network.builder().scheme(Scheme.EULER).add(g).add(Input.noise(g, PerNeuron.constant(5), 1)).add(st).build();
            try (Simulation sim = Simulation.builder(net).threads(1).build()) {
                sim.runSteps(60_000);
                sim.recording(st);
            }
            System.out.println("samples " + samples[0] + " values " + values[0]);
        }
    }
}
