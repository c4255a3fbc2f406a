package org.izhsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.jhdf.HdfFile;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --data} and {@code --record}: every format written by a real run, read back in Java
 * (npz by hand, CSV, run.json, NWB through jhdf) and by the real consumers (h5py, numpy); and
 * interrupted runs (SIGTERM, SIGKILL) leave a readable run.nwb.partial marked incomplete.
 */
class DataOutputTest {
    static final Path CHECK = Path.of("../izhsim-io/src/test/python/check_outputs.py").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void everyFormatHoldsTheSameSpikesAndTheMetadata() throws Exception {
        Path out = dir.resolve("o");
        CliRunner r = CliRunner.run("run", "--duration", "300", "--seed", "7", "--data", "all", "--record", "v,u,I",
                "--record-neurons", "0,798-799,800", "--record-every", "2", "--chunk-steps", "64", "--figures", "none", "--quiet",
                "--json", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = CommandLineTest.JSON.readTree(r.out());
        int count = j.get("spikes").asInt();
        assertTrue(count > 500, "the network fires: " + count);
        JsonNode run = CommandLineTest.JSON.readTree(Files.readString(out.resolve("run.json")));
        for (String k : List.of("izhsim_version", "izhsim_commit", "seed", "scheme", "dt_ms", "model_sha256", "run_s", "wall_s")) {
            assertTrue(run.has(k), "run.json " + k);
        }
        assertEquals(64, run.get("model_sha256").asText().length());
        assertFalse(Files.exists(out.resolve("run.nwb.partial")));

        // npz: t_ms, i and the metadata string
        Map<String, byte[]> npz = new HashMap<>();
        try (ZipInputStream z = new ZipInputStream(Files.newInputStream(out.resolve("spikes.npz")))) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) npz.put(e.getName(), z.readAllBytes());
        }
        double[] tMs = doubles(npz.get("t_ms.npy"));
        int[] neurons = ints(npz.get("i.npy"));
        assertEquals(count, tMs.length);
        String meta = unicode(npz.get("metadata.npy"));
        JsonNode m = CommandLineTest.JSON.readTree(meta);
        assertEquals(7, m.get("seed").asInt());
        assertEquals(run.get("izhsim_commit").asText(), m.get("izhsim_commit").asText());
        assertEquals(run.get("model_sha256").asText(), m.get("model_sha256").asText());

        // CSV: metadata lines, then the same spikes
        List<String> lines = Files.readAllLines(out.resolve("spikes.csv"));
        assertTrue(lines.contains("# model_sha256: " + run.get("model_sha256").asText()));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("# run_s: ")));
        List<String> rows = lines.stream().filter(l -> !l.startsWith("#")).toList();
        assertEquals("t_ms,i", rows.get(0));
        assertEquals(count, rows.size() - 1);
        for (int k = 0; k < count; k++) assertEquals(tMs[k] + "," + neurons[k], rows.get(k + 1));

        // NWB through an independent reader
        try (HdfFile h = new HdfFile(out.resolve("run.nwb"))) {
            assertEquals("complete", h.getAttribute("izhsim_status").getData());
            var general = h.getByPath("/general");
            assertEquals(7L, general.getAttribute("seed").getData());
            assertEquals("netm", general.getAttribute("scheme").getData());
            assertEquals(1.0, general.getAttribute("dt_ms").getData());
            assertEquals(run.get("model_sha256").asText(), general.getAttribute("model_sha256").getData());
            assertEquals(run.get("izhsim_commit").asText(), general.getAttribute("izhsim_commit").getData());
            assertTrue(general.getAttributes().containsKey("run_s"));
            double[] st = (double[]) h.getDatasetByPath("/units/spike_times").getData();
            long[] idx = Arrays.stream((BigInteger[]) h.getDatasetByPath("/units/spike_times_index").getData())
                    .mapToLong(BigInteger::longValueExact).toArray();
            assertEquals(1000, idx.length);
            assertEquals(count, st.length);
            List<List<Double>> perUnit = new ArrayList<>();
            for (int u = 0; u < 1000; u++) perUnit.add(new ArrayList<>());
            for (int k = 0; k < count; k++) perUnit.get(neurons[k]).add(tMs[k] / 1000);
            long from = 0;
            for (int u = 0; u < 1000; u++) {
                double[] got = Arrays.copyOfRange(st, (int) from, (int) idx[u]);
                assertArrayEquals(perUnit.get(u).stream().mapToDouble(Double::doubleValue).toArray(), got, 0.0, "unit " + u);
                from = idx[u];
            }
            // neurons 0, 798 and 799 are excitatory, 800 the first inhibitory one; 150 samples each
            assertArrayEquals(new int[] {150, 3}, h.getDatasetByPath("/acquisition/exc_v/data").getDimensions());
            assertArrayEquals(new int[] {150, 1}, h.getDatasetByPath("/acquisition/inh_I/data").getDimensions());
            assertEquals(500.0, h.getDatasetByPath("/acquisition/exc_v/starting_time").getAttribute("rate").getData());
        }
        h5py("", out.toString());
    }

    @Test
    void dataNoneWritesOnlyRunJson() throws Exception {
        Path out = dir.resolve("o");
        CliRunner r = CliRunner.run("run", "--duration", "50", "--data", "none", "--figures", "none", "--quiet", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        try (var files = Files.list(out)) {
            assertEquals(List.of("run.json"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void badDataOptionsAreUsageErrorsThatNameTheCulprit() {
        Path out = dir.resolve("o");
        String[][] cases = {
            {"--data", "npz,xml", "unknown data format 'xml' in --data; known: npz, csv, nwb, all, none"},
            {"--record", "v", "--record writes states into run.nwb; add nwb to --data"},
            {"--data", "nwb", "--record", "w", "unknown state 'w' in --record; known: v, u, I, none"},
            {"--data", "nwb", "--record", "v", "--record-neurons", "1000", "--record-neurons: neuron 1000 is not in 0..999"},
            {"--data", "nwb", "--chunk-steps", "0", "--chunk-steps must be at least 1"},
            {"--data", "nwb", "--record", "v", "--record-neurons", "5-2", "--record-neurons: range '5-2' runs backwards"},
            {"--data", "nwb", "--record", "v", "--record-neurons", "x", "--record-neurons: 'x' is not a neuron index"},
        };
        for (String[] c : cases) {
            List<String> args = new ArrayList<>(List.of("run", "--duration", "10", "--quiet", "--out", out.toString()));
            args.addAll(Arrays.asList(c).subList(0, c.length - 1));
            CliRunner r = CliRunner.run(args.toArray(new String[0]));
            assertEquals(2, r.code(), String.join(" ", c));
            assertTrue(r.err().contains(c[c.length - 1]), r.err());
            assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
            assertFalse(Files.exists(out), "nothing written for " + String.join(" ", c));
        }
    }

    /** A network refused by the memory estimate is a usage error and leaves no NWB file. */
    @Test
    void aRefusedRunLeavesNoNwbFile() {
        Path out = dir.resolve("o");
        CliRunner r = CliRunner.run("run", "--ne", "200000", "--ni", "100000", "--connectivity", "sparse", "--k", "100000",
                "--data", "nwb", "--record", "v", "--quiet", "--out", out.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("-Xmx"), r.err());
        assertFalse(Files.exists(out.resolve("run.nwb.partial")));
        assertFalse(Files.exists(out.resolve("run.nwb")));
    }

    /**
     * Without npz, CSV or figures the spike list is not kept: the summary comes from counts
     * taken as the spikes stream by and equals the summary of a run that keeps the list.
     */
    @Test
    void withoutSpikeFilesTheSummaryComesFromTheStream() throws Exception {
        JsonNode kept = null, streamed = null;
        for (String data : List.of("npz", "nwb")) {
            CliRunner r = CliRunner.run("run", "--duration", "500", "--seed", "3", "--data", data, "--figures", "none", "--quiet",
                    "--json", "--out", dir.resolve(data).toString());
            assertEquals(0, r.code(), r.err());
            if (data.equals("npz")) kept = CommandLineTest.JSON.readTree(r.out());
            else streamed = CommandLineTest.JSON.readTree(r.out());
        }
        for (String k : List.of("spikes", "mean_rate_hz", "exc_rate_hz", "inh_rate_hz", "alpha_peak_hz", "gamma_peak_hz")) {
            assertEquals(kept.get(k).asDouble(), streamed.get(k).asDouble(), k);
        }
        try (HdfFile h = new HdfFile(dir.resolve("nwb").resolve("run.nwb"))) {
            assertEquals(streamed.get("spikes").asInt(), h.getDatasetByPath("/units/spike_times").getDimensions()[0]);
        }
    }

    /**
     * A run whose spikes alone outgrow the heap completes when they go to run.nwb only: 10,000
     * neurons for 90 s give about 14 M spikes (over 100 MiB as (step, neuron) ints) under
     * -Xmx64m. The same run with --data npz dies of OutOfMemoryError (checked by hand when this
     * test was written: the in-memory list fails to grow).
     */
    @Test
    void spikesThatOutgrowTheHeapStreamToNwb() throws Exception {
        Path out = dir.resolve("big");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = List.of(java, "-Xmx64m", "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run",
                "--ne", "8000", "--ni", "2000", "--connectivity", "sparse", "--k", "100", "--duration", "90000", "--threads", "2",
                "--data", "nwb", "--figures", "none", "--quiet", "--json", "--out", out.toString());
        Path log = dir.resolve("big.log");
        Process p = new ProcessBuilder(cmd).redirectError(dir.resolve("big.err").toFile()).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "the run ends");
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("big.err")));
        JsonNode j = CommandLineTest.JSON.readTree(Files.readString(log));
        long spikes = j.get("spikes").asLong();
        assertTrue(spikes * 8 > 64L << 20, "the spikes alone exceed the heap: " + spikes);
        try (HdfFile h = new HdfFile(out.resolve("run.nwb"))) {
            assertEquals("complete", h.getAttribute("izhsim_status").getData());
            assertEquals(spikes, h.getDatasetByPath("/units/spike_times").getDimensions()[0]);
        }
    }

    /** SIGTERM (as Ctrl-C) and SIGKILL mid-run: run.nwb.partial opens, marked incomplete, with whole chunks. */
    @Test
    void anInterruptedRunLeavesItsCompletedChunksMarkedIncomplete() throws Exception {
        for (boolean hard : new boolean[] {false, true}) {
            Path out = dir.resolve(hard ? "killed" : "terminated");
            String java = ProcessHandle.current().info().command().orElse("java");
            List<String> cmd = List.of(java, "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
                    "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run",
                    "--duration", "10000000", "--ne", "80", "--ni", "20", "--threads", "1", "--data", "nwb", "--record", "v",
                    "--record-neurons", "0,50,99", "--chunk-steps", "500", "--figures", "none", "--quiet", "--out", out.toString());
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
            Path partial = out.resolve("run.nwb.partial");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (samples(partial) < 2000 && System.nanoTime() < deadline && p.isAlive()) Thread.sleep(100);
            assertTrue(p.isAlive(), "the long run is still going: " + Files.readString(dir.resolve("child.log")));
            if (hard) p.destroyForcibly();
            else p.destroy();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertFalse(Files.exists(out.resolve("run.nwb")));
            try (HdfFile h = new HdfFile(partial)) {
                assertEquals("incomplete", h.getAttribute("izhsim_status").getData());
                int n = h.getDatasetByPath("/acquisition/exc_v/data").getDimensions()[0];
                assertTrue(n >= 2000 && n % 500 == 0, "whole chunks of 500 samples: " + n);
                int[] dims = h.getDatasetByPath("/analysis/izhsim_spike_stream").getDimensions();
                assertTrue(dims[0] > 0, "spikes of the completed chunks");
                int[][] stream = (int[][]) h.getDatasetByPath("/analysis/izhsim_spike_stream").getData();
                // the spike and state sinks flush one after the other: spikes may be one chunk ahead
                assertTrue(stream[stream.length - 1][0] < n + 500, "no spike beyond the completed chunks");
            }
            h5py("--partial", partial.toString());
        }
    }

    /** Samples of exc_v in a partial file, 0 while it cannot be read yet. */
    private static int samples(Path partial) {
        if (!Files.exists(partial)) return 0;
        try (HdfFile h = new HdfFile(partial)) {
            return h.getDatasetByPath("/acquisition/exc_v/data").getDimensions()[0];
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** Runs check_outputs.py with h5py; skipped without Debian's python3-h5py, except in CI. */
    static void h5py(String mode, String path) throws IOException, InterruptedException {
        Path python = Path.of("/usr/bin/python3");
        boolean ok = Files.isExecutable(python)
                && new ProcessBuilder(python.toString(), "-c", "import h5py, numpy").start().waitFor() == 0;
        if (!ok && "true".equals(System.getenv("CI"))) throw new AssertionError("CI needs /usr/bin/python3 with h5py and numpy");
        assumeTrue(ok, "Debian python3-h5py is not installed");
        List<String> cmd = new ArrayList<>(List.of(python.toString(), CHECK.toString()));
        if (!mode.isEmpty()) cmd.add(mode);
        cmd.add(path);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), text);
        assertTrue(text.contains("check_outputs: ok"), text);
    }

    private static ByteBuffer payload(byte[] npy) {
        int headerLen = (npy[8] & 0xff) | (npy[9] & 0xff) << 8;
        return ByteBuffer.wrap(npy, 10 + headerLen, npy.length - 10 - headerLen).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static double[] doubles(byte[] npy) {
        ByteBuffer b = payload(npy);
        double[] a = new double[b.remaining() / 8];
        for (int k = 0; k < a.length; k++) a[k] = b.getDouble();
        return a;
    }

    private static int[] ints(byte[] npy) {
        ByteBuffer b = payload(npy);
        int[] a = new int[b.remaining() / 4];
        for (int k = 0; k < a.length; k++) a[k] = b.getInt();
        return a;
    }

    private static String unicode(byte[] npy) {
        ByteBuffer b = payload(npy);
        StringBuilder sb = new StringBuilder();
        while (b.remaining() >= 4) {
            int cp = b.getInt();
            if (cp != 0) sb.appendCodePoint(cp);
        }
        return sb.toString();
    }
}
