package org.izhsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkCommandTest {
    @TempDir
    Path dir;

    static final List<String> SUMMARY_KEYS = List.of("scheme", "dt_ms", "duration_ms", "ne", "ni", "synapses", "seed",
            "threads", "spikes", "mean_rate_hz", "exc_rate_hz", "inh_rate_hz", "alpha_peak_hz", "gamma_peak_hz", "build_s",
            "run_s", "wall_s", "events_per_s", "peak_heap_mb");

    JsonNode run(String... args) throws Exception {
        CliRunner r = CliRunner.run(args);
        assertEquals(0, r.code(), r.err());
        return CommandLineTest.JSON.readTree(r.out());
    }

    @Test
    void net2003JsonSummaryAndFiles() throws Exception {
        Path out = dir.resolve("o");
        JsonNode j = run("net2003", "--duration", "300", "--seed", "5", "--json", "--quiet", "--out", out.toString());
        for (String k : SUMMARY_KEYS) assertTrue(j.has(k), k);
        assertEquals("netm", j.get("scheme").asText());
        assertEquals(1_000_000, j.get("synapses").asLong());
        assertEquals(800, j.get("ne").asInt());
        double rate = j.get("mean_rate_hz").asDouble();
        assertTrue(rate > 4 && rate < 14, "rate " + rate);
        for (String f : List.of("raster.png", "raster.svg", "spikes.npz", "spikes.csv", "run.json")) {
            assertTrue(Files.exists(out.resolve(f)), f);
        }
        JsonNode runJson = CommandLineTest.JSON.readTree(Files.readString(out.resolve("run.json")));
        assertEquals(5, runJson.get("seed").asInt());
        assertEquals("dense", runJson.get("parameters").get("connectivity").asText());
        assertTrue(runJson.has("izhsim_commit"));
        long csvRows = Files.readAllLines(out.resolve("spikes.csv")).stream().filter(l -> !l.startsWith("#")).count() - 1;
        assertEquals(j.get("spikes").asLong(), csvRows);
    }

    /** numpy reads spikes.npz as is and finds the same spikes the run reported. */
    @Test
    void numpyReadsSpikesNpz() throws Exception {
        Path python = Path.of("/usr/bin/python3");
        assumeTrue(Files.isExecutable(python) && new ProcessBuilder(python.toString(), "-c", "import numpy").start().waitFor() == 0,
                "Debian python3-numpy is not installed");
        Path out = dir.resolve("o");
        JsonNode j = run("net2003", "--duration", "200", "--json", "--quiet", "--figures", "none", "--out", out.toString());
        Process p = new ProcessBuilder(python.toString(), "-c",
                "import numpy as np,sys; d=np.load(sys.argv[1]); t=d['t_ms']; i=d['i'];"
                        + "assert (np.diff(t) >= 0).all(); print(len(t), len(i), i.min() >= 0, i.max() < 1000, str(d['scheme']), int(d['seed']))",
                out.resolve("spikes.npz").toString()).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, p.waitFor(), text);
        long n = j.get("spikes").asLong();
        assertEquals(n + " " + n + " True True netm 1", text);
    }

    @Test
    void sameSpikesForOneTwoAndFourThreads() throws Exception {
        byte[][] npz = new byte[3][];
        int[] threads = {1, 2, 4};
        for (int k = 0; k < 3; k++) {
            Path out = dir.resolve("t" + threads[k]);
            run("net2003", "--ne", "400", "--ni", "100", "--connectivity", "sparse", "--k", "100", "--scheme", "euler",
                    "--dt", "0.5", "--duration", "200", "--threads", Integer.toString(threads[k]), "--json", "--quiet",
                    "--figures", "none", "--out", out.toString());
            npz[k] = Files.readAllBytes(out.resolve("spikes.csv"));
        }
        String one = strip(npz[0]);
        assertEquals(one, strip(npz[1]));
        assertEquals(one, strip(npz[2]));
        assertTrue(one.lines().count() > 50, "the network fired");
    }

    /** The data rows only: metadata lines differ in timing and thread count. */
    private static String strip(byte[] csv) {
        return new String(csv, StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("#"))
                .reduce("", (a, b) -> a + b + "\n");
    }

    @Test
    void runWithoutModelFileIsTheNet2003Default() throws Exception {
        Path out = dir.resolve("o");
        JsonNode a = run("run", "--duration", "100", "--json", "--quiet", "--figures", "none", "--out", out.toString());
        JsonNode b = run("net2003", "--duration", "100", "--json", "--quiet", "--figures", "none", "--out", out.toString());
        assertEquals(a.get("spikes").asLong(), b.get("spikes").asLong());
        assertEquals(a.get("mean_rate_hz").asDouble(), b.get("mean_rate_hz").asDouble());
    }

    @Test
    void blocksReportTimingWithoutChangingTheSpikes() throws Exception {
        Path out = dir.resolve("o");
        JsonNode one = run("net2003", "--duration", "200", "--json", "--quiet", "--figures", "none", "--out", out.toString());
        JsonNode four = run("net2003", "--duration", "200", "--blocks", "4", "--json", "--quiet", "--figures", "none", "--out",
                out.toString());
        assertEquals(one.get("spikes").asLong(), four.get("spikes").asLong());
        assertEquals(4, four.get("blocks").size());
        long sum = 0;
        for (JsonNode b : four.get("blocks")) {
            assertEquals(50, b.get("steps").asInt());
            sum += b.get("spikes").asLong();
        }
        assertEquals(four.get("spikes").asLong(), sum);
    }

    @Test
    void badNetworkInputs() {
        Object[][] cases = {
                {new String[] {"net2003", "--connectivity", "ring"}, "unknown connectivity 'ring'; known: dense, sparse"},
                {new String[] {"net2003", "--connectivity", "sparse", "--k", "5000"}, "--k must be in 1..1000"},
                {new String[] {"net2003", "--threads", "0"}, "--threads must be at least 1"},
                {new String[] {"net2003", "--blocks", "0"}, "--blocks must be in 1..1000"},
                {new String[] {"net2003", "--dt", "0.3"}, "not a whole number of steps"},
                {new String[] {"net2003", "--scheme", "heun"}, "unknown scheme 'heun'"},
                {new String[] {"net2003", "--ne", "0"}, "--ne and --ni must each be at least 1"},
                {new String[] {"run", "model.yaml"}, "model file model.yaml does not exist"},
                {new String[] {"net2003", "--ne", "200000", "--ni", "100000", "--connectivity", "sparse", "--k", "100000"},
                        "-Xmx"},
                // issue #19: 8 and 18 (an overflowing estimate ran out of memory), 9, 20, 22
                {new String[] {"net2003", "--ne", "2000000000", "--ni", "1", "--connectivity", "dense"},
                        "no -Xmx on one machine holds this; use fewer neurons or synapses per neuron"},
                {new String[] {"net2003", "--duration", "1e12"}, "a run takes at most 2147483647 steps"},
                {new String[] {"net2003", "--duration", "1e9", "--figures", "none"}, "a shorter --duration needs less"},
                {new String[] {"net2003", "--k", "100"}, "--k applies to sparse connectivity only"},
                {new String[] {"net2003", "--threads", "2000000000"}, "--threads must be at least 1 and at most 4096, got 2000000000"},
        };
        for (Object[] c : cases) {
            String[] args = (String[]) c[0];
            Path out = dir.resolve("bad");
            String[] full = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of("--out", out.toString()))
                    .toArray(String[]::new);
            CliRunner r = CliRunner.run(full);
            assertEquals(2, r.code(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().contains((String) c[1]), r.err());
            assertFalse(r.err().contains("\tat "), r.err());
            assertFalse(Files.exists(out), "nothing written for " + String.join(" ", args));
        }
    }

    @Test
    void helpForNetworkCommands() {
        for (String cmd : List.of("net2003", "run")) {
            CliRunner r = CliRunner.run(cmd, "--help");
            assertEquals(0, r.code());
            assertTrue(r.out().contains("--threads") && r.out().contains("--seed") && r.out().contains("--json"), r.out());
        }
        assertArrayEquals(new int[] {0}, new int[] {CliRunner.run("--help").code()});
    }

    /** Issue #19 defect 22: run.json recorded the threads asked for, not the workers that ran. */
    @Test
    void threadsRecordedAreTheWorkersUsed() throws Exception {
        Path out = dir.resolve("o");
        JsonNode j = run("net2003", "--duration", "50", "--threads", "3", "--json", "--quiet", "--figures", "none", "--out", out.toString());
        assertEquals(1, j.get("threads").asInt(), "1000 neurons: one worker per 2048");
        assertEquals(1, CommandLineTest.JSON.readTree(Files.readString(out.resolve("run.json"))).get("threads").asInt());
    }
}
