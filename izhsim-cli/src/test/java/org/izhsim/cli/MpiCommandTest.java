package org.izhsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.izhsim.io.NpzReader;
import org.izhsim.mpi.MpiJob;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line under mpirun: the outputs equal one process's (plastic networks' weights
 * too), bad input is one line from
 * one rank and exit code 2, and a rank failing mid-run ends the job with its message once.
 * Skipped where Open MPI is not installed.
 */
class MpiCommandTest {
    @TempDir
    Path dir;

    /** Per test, not per class, so that each skipped test is counted and shows the reason. */
    @BeforeEach
    void requireOpenMpi() {
        Optional<String> missing = MpiJob.unavailable();
        assumeTrue(missing.isEmpty(), () -> missing.get());
    }

    @Test
    void net2003OnTwoRanksWritesOneProcessesSpikesOnceWithRanksAndThreads() throws Exception {
        Path one = dir.resolve("one"), two = dir.resolve("two");
        String[] args = {"net2003", "--duration", "150", "--quiet", "--figures", "none", "--threads", "1"};
        CliRunner local = CliRunner.run(concat(args, "--out", one.toString()));
        assertEquals(0, local.code(), local.err());
        MpiJob job = mpirun(2, concat(args, "--out", two.toString(), "--json"));
        assertEquals(0, job.exitCode(), job.output());
        assertEquals(spikes(one), spikes(two));
        assertEquals(1, job.output().split("\"mean_rate_hz\"", -1).length - 1, "one summary: " + job.output());
        String run = Files.readString(two.resolve("run.json"));
        assertTrue(run.contains("\"ranks\":2") && run.contains("\"threads\":1"), run);
        assertTrue(job.output().contains("\"ranks\":2"), job.output());
        // each rank built only the synapses onto its own neurons: net2003 is all-to-all, 500 posts each
        assertTrue(run.contains("\"synapses_per_rank\":[500000,500000]"), run);
    }

    @Test
    void aModelFileOnThreeRanksGivesOneProcessesSpikes() throws Exception {
        Path model = Path.of("..", "examples", "models", "net2003.yaml").toAbsolutePath().normalize();
        Path one = dir.resolve("one"), three = dir.resolve("three");
        String[] args = {"run", model.toString(), "--duration", "100", "--quiet", "--figures", "none"};
        CliRunner local = CliRunner.run(concat(args, "--out", one.toString()));
        assertEquals(0, local.code(), local.err());
        MpiJob job = mpirun(3, concat(args, "--out", three.toString(), "--threads", "2"));
        assertEquals(0, job.exitCode(), job.output());
        assertEquals(spikes(one), spikes(three));
    }

    /** Pair STDP (all-to-all, additive) and spnet's rule as built-in rules, delays of 2..6 ms. */
    private static final String PLASTIC_MODEL = """
            izhsim: 1
            simulation: {duration_ms: 1100, seed: 4}
            groups:
              exc: {size: 90}
              inh: {size: 23, params: {a: 0.1, d: 2}}
            synapses:
              - {name: ee, from: exc, to: exc, connectivity: {rule: fixed_indegree, k: 12}, weight: 2, delay_ms: [2, 6],
                 plasticity: {rule: stdp, a_pre: 0.05, w_max: 4}}
              - {name: ei, from: exc, to: inh, connectivity: {rule: fixed_indegree, k: 20}, weight: 2, delay_ms: [2, 4],
                 plasticity: {rule: spnet, w_max: 4}}
              - {name: ie, from: inh, to: exc, connectivity: {rule: fixed_indegree, k: 6}, weight: -3, delay_ms: 2}
            inputs:
              - {type: noise, group: exc, sigma: 5}
              - {type: noise, group: inh, sigma: 4}
            """;

    /**
     * Plastic groups across ranks: spnet as a model file (its STDP as synapse equations) on 2
     * ranks, and the built-in pair and spnet rules on 3 ranks, give one process's spikes,
     * weights.npz and weight statistics.
     */
    @Test
    void plasticModelFilesOnRanksGiveOneProcesssSpikesAndWeights() throws Exception {
        Path spnet = Path.of("..", MpiRun.SPNET_MODEL).toAbsolutePath().normalize(), builtIn = dir.resolve("plastic.yaml");
        Files.writeString(builtIn, PLASTIC_MODEL);
        int ranks = 2;
        for (Path model : List.of(spnet, builtIn)) {
            Path one = dir.resolve("one-" + ranks), many = dir.resolve("ranks-" + ranks);
            String[] args = {"run", model.toString(), "--duration", "1100", "--quiet", "--figures", "none", "--data", "npz,csv"};
            CliRunner local = CliRunner.run(concat(args, "--out", one.toString()));
            assertEquals(0, local.code(), local.err());
            MpiJob job = mpirun(ranks, concat(args, "--out", many.toString(), "--threads", "2"));
            assertEquals(0, job.exitCode(), job.output());
            String what = model.getFileName() + " on " + ranks + " ranks";
            assertEquals(spikes(one), spikes(many), what + ": spikes");
            try (NpzReader a = NpzReader.open(one.resolve("weights.npz")); NpzReader b = NpzReader.open(many.resolve("weights.npz"))) {
                for (String key : List.of("pre", "post", "delay_ms", "w", "group")) {
                    assertArrayEquals(a.doubles(key), b.doubles(key), what + ": weights.npz " + key);
                }
            }
            com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
            com.fasterxml.jackson.databind.JsonNode stats = json.readTree(one.resolve("run.json").toFile()).get("plastic_weights");
            assertTrue(stats != null && stats.size() >= 2, "the plastic groups' statistics: " + stats);
            assertEquals(stats, json.readTree(many.resolve("run.json").toFile()).get("plastic_weights"), what + ": statistics");
            ranks++;
        }
    }

    @Test
    void spnetUnderMpirunPointsToItsModelFile() throws Exception {
        Path out = dir.resolve("never");
        MpiJob job = mpirun(2, "spnet", "--seconds", "1", "--quiet", "--out", out.toString());
        assertEquals(Main.EXIT_USAGE, job.exitCode(), job.output());
        assertEquals(1, count(job.output(), "izhsim: 'spnet' runs in one process (spnet.cpp's own loop); across ranks run its model"
                + " file: mpirun -np N ./izhsim run examples/models/spnet-equations.yaml"), job.output());
        assertFalse(Files.exists(out));
    }

    @Test
    void moreRanksThanNeuronsIsOneLineAndNothingWritten() throws Exception {
        Path out = dir.resolve("never");
        MpiJob job = mpirun(3, "net2003", "--ne", "1", "--ni", "1", "--quiet", "--out", out.toString());
        assertEquals(Main.EXIT_USAGE, job.exitCode(), job.output());
        assertEquals(1, count(job.output(), "3 ranks for 2 neurons"), job.output());
        assertFalse(Files.exists(out));
    }

    @Test
    void theExplorerIsRefusedUnderMpirun() throws Exception {
        MpiJob job = mpirun(2, "ui", "--port", "0");
        assertEquals(Main.EXIT_USAGE, job.exitCode(), job.output());
        assertEquals(1, count(job.output(), "'ui' cannot run under mpirun"), job.output());
    }

    /** Neurons of the last group get log(100 - t): not finite at t = 100 ms, on the last rank only. */
    @Test
    void aRankBlowingUpMidRunEndsTheJobWithItsMessageOnce() throws Exception {
        Path model = dir.resolve("blowup.yaml"), out = dir.resolve("never");
        Files.writeString(model, """
                izhsim: 1
                name: blowup
                simulation: {duration_ms: 300, dt_ms: 1, scheme: euler, seed: 1}
                groups:
                  ok: {size: 40, model: izh2003, params: {a: 0.02, b: 0.2, c: -65, d: 8}, initial: {v: -65}}
                  bad: {size: 10, model: izh2003, params: {a: 0.02, b: 0.2, c: -65, d: 8}, initial: {v: -65}}
                synapses:
                  - {from: ok, to: bad, connectivity: {rule: all_to_all}, weight: 0.5, delay_ms: 1}
                  - {from: bad, to: ok, connectivity: {rule: all_to_all}, weight: 0.5, delay_ms: 1}
                inputs:
                  - {type: noise, group: ok, sigma: 5, period_ms: 1}
                  - {type: current, group: bad, expression: "log(100-t)"}
                outputs: {figures: [], data: [npz, json], trace: {group: ok, neuron: 0}}
                """);
        MpiJob job = mpirun(2, "run", model.toString(), "--quiet", "--out", out.toString());
        assertEquals(Main.EXIT_BLOW_UP, job.exitCode(), job.output());
        assertEquals(1, count(job.output(), "group 'bad' neuron 0 is not finite after step 100"), job.output());
        assertTrue(job.output().contains("[rank 1]"), "names the rank: " + job.output());
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void noMpiLibraryUnderMpirunIsOneLine() throws Exception {
        Path out = dir.resolve("never");
        List<String> cmd = new ArrayList<>(MpiJob.java(System.getProperty("java.class.path"), Main.class.getName()));
        cmd.add(1, "-Dizhsim.mpi.library=libmpi-not-installed.so.40");
        cmd.addAll(List.of("net2003", "--quiet", "--out", out.toString()));
        MpiJob job = MpiJob.run(2, cmd, MpiJob.TEST_TIMEOUT_S, Files.createTempFile(dir, "mpirun", ".log"));
        assertEquals(Main.EXIT_FAILURE, job.exitCode(), job.output());
        assertEquals(1, count(job.output(), "izhsim: running under mpirun but libmpi-not-installed.so.40 cannot be loaded: install openmpi-bin libopenmpi3"),
                job.output());
        assertFalse(Files.exists(out));
    }

    /** The spike lines of spikes.csv (the header's metadata differs: time, ranks). */
    private static List<String> spikes(Path dir) throws IOException {
        List<String> lines = Files.readAllLines(dir.resolve("spikes.csv"));
        lines.removeIf(l -> l.startsWith("#"));
        assertTrue(lines.size() > 100, "spikes: " + lines.size());
        return lines;
    }

    private static int count(String text, String what) {
        return text.split(java.util.regex.Pattern.quote(what), -1).length - 1;
    }

    private static String[] concat(String[] a, String... b) {
        List<String> l = new ArrayList<>(List.of(a));
        l.addAll(List.of(b));
        return l.toArray(new String[0]);
    }

    private MpiJob mpirun(int ranks, String... args) throws IOException, InterruptedException {
        return MpiJob.runMain(ranks, System.getProperty("java.class.path"), Main.class.getName(), List.of(args), dir);
    }
}
