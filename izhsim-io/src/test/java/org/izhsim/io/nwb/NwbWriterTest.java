package org.izhsim.io.nwb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.izhsim.integrate.Scheme;
import org.izhsim.network.Izhikevich2003Network;
import org.izhsim.network.Network;
import org.izhsim.network.Simulation;
import org.izhsim.network.SpikeMonitor;
import org.izhsim.network.SpikeRecording;
import org.izhsim.network.StateMonitor;
import org.izhsim.network.StateRecording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A simulation streamed into NWB and read back by an independent reader (jhdf). */
class NwbWriterTest {
    private static final StateMonitor.Variable V = StateMonitor.Variable.V, U = StateMonitor.Variable.U,
            I = StateMonitor.Variable.I;

    @TempDir
    Path dir;

    static Map<String, Object> meta() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("izhsim_version", "test");
        m.put("seed", 3L);
        m.put("scheme", "euler");
        m.put("dt_ms", 0.5);
        m.put("model_sha256", "ab12");
        return m;
    }

    @Test
    void aStreamedRunReadsBackWithTheSameSpikesAndStates() throws Exception {
        for (int buffer : new int[] {1 << 20, 40}) { // one reorder pass; many (some neurons fire more than 40 times)
            Izhikevich2003Network.Built b = Izhikevich2003Network.builder().ne(80).ni(20).seed(3).scheme(Scheme.EULER).dt(0.5).build();
            Path target = dir.resolve("run" + buffer + ".nwb");
            NwbWriter w = NwbWriter.create(target, 100, 0.5, "test run", meta());
            w.reorderBuffer(buffer);
            int[] cols = {3, 0};
            StateMonitor mem = StateMonitor.of(b.exc(), cols, 2, V, U, I).named("mem");
            StateMonitor st = StateMonitor.of(b.exc(), cols, 2, V, U, I).named("st");
            StateMonitor streamed = st.streaming(w.stateSink(st, "exc_", 400 / 2), 37);
            SpikeMonitor sp = SpikeMonitor.all().named("nwb").streaming(w.spikeSink(), 37);
            Network net = b.network().withMonitors(List.of(mem, streamed, sp));
            SpikeRecording ref;
            StateRecording refState;
            try (Simulation sim = Simulation.builder(net).threads(2).minNeuronsPerThread(1).build()) {
                sim.runSteps(400);
                ref = sim.recording(b.spikes());
                refState = sim.recording(mem);
                sim.recording(sp);
                sim.recording(streamed);
            }
            assertTrue(Files.exists(w.partialPath()), "written in place under the partial name");
            assertEquals(ref.count(), w.spikeCount());
            Path done = w.finish(Map.of("run_s", 1.25));
            assertEquals(target, done);
            assertFalse(Files.exists(w.partialPath()));
            try (HdfFile h = new HdfFile(done)) {
                assertEquals("2.7.0", h.getAttribute("nwb_version").getData());
                assertEquals("NWBFile", h.getAttribute("neurodata_type").getData());
                assertEquals("complete", h.getAttribute("izhsim_status").getData());
                var general = h.getByPath("/general");
                assertEquals(3L, general.getAttribute("seed").getData());
                assertEquals("ab12", general.getAttribute("model_sha256").getData());
                assertEquals(1.25, general.getAttribute("run_s").getData());
                assertFalse(h.getByPath("/analysis") instanceof io.jhdf.api.Group g && g.getChildren().containsKey("izhsim_spike_stream"),
                        "the stream is unlinked once the units table exists");
                double[] times = (double[]) h.getDatasetByPath("/units/spike_times").getData();
                // uint64 comes back as BigInteger
                long[] index = java.util.Arrays.stream((java.math.BigInteger[]) h.getDatasetByPath("/units/spike_times_index").getData())
                        .mapToLong(java.math.BigInteger::longValueExact).toArray();
                long[] ids = (long[]) h.getDatasetByPath("/units/id").getData();
                assertEquals(100, index.length);
                assertEquals(ref.count(), times.length);
                assertEquals(times.length, index[99]);
                long from = 0;
                for (int u = 0; u < 100; u++) {
                    assertEquals(u, ids[u]);
                    int k = 0;
                    for (int j = 0; j < ref.count(); j++) {
                        if (ref.neuron(j) != u) continue;
                        assertEquals(ref.step(j) * 0.5 / 1000, times[(int) (from + k)], 0.0, "unit " + u + " spike " + k);
                        k++;
                    }
                    assertEquals(k, index[u] - from, "unit " + u + " count");
                    from = index[u];
                }
                for (String var : List.of("v", "u", "I")) {
                    Dataset data = h.getDatasetByPath("/acquisition/exc_" + var + "/data");
                    double[][] got = (double[][]) data.getData();
                    assertEquals(refState.samples(), got.length);
                    StateMonitor.Variable sv = var.equals("v") ? V : var.equals("u") ? U : I;
                    for (int c = 0; c < cols.length; c++) {
                        double[] want = refState.trace(sv, c);
                        for (int s = 0; s < want.length; s++) assertEquals(want[s], got[s][c], 0.0, var + " col " + c + " sample " + s);
                    }
                    assertEquals(var.equals("v") ? "volts" : "mV/ms", data.getAttribute("unit").getData());
                    Attribute rate = h.getDatasetByPath("/acquisition/exc_" + var + "/starting_time").getAttribute("rate");
                    assertEquals(1000.0, rate.getData()); // every 2 steps of 0.5 ms
                }
            }
        }
    }

    @Test
    void anAbortedFileIsMarkedIncompleteAndHoldsTheCompletedChunks() throws Exception {
        Path target = dir.resolve("a.nwb");
        NwbWriter w = NwbWriter.create(target, 10, 1.0, "aborted", meta());
        w.spikes(new int[] {0, 1, 1}, new int[] {4, 2, 9}, 3);
        w.spikes(new int[] {5}, new int[] {4}, 1);
        w.abort();
        assertFalse(Files.exists(target));
        try (HdfFile h = new HdfFile(w.partialPath())) {
            assertEquals("incomplete", h.getAttribute("izhsim_status").getData());
            int[][] stream = (int[][]) h.getDatasetByPath("/analysis/izhsim_spike_stream").getData();
            assertArrayEquals(new int[][] {{0, 4}, {1, 2}, {1, 9}, {5, 4}}, stream);
            assertFalse(h.getChildren().containsKey("units"));
        }
    }
}
