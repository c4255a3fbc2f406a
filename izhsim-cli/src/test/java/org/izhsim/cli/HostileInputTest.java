package org.izhsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line against hostile input and outputs (issue #19): each test names the defect
 * it pins down. Every refusal is one line on stderr with exit code 2, and leaves no output.
 */
class HostileInputTest {
    @TempDir
    Path dir;

    static void refused(CliRunner r, String... phrases) {
        assertEquals(Main.EXIT_USAGE, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
        for (String p : phrases) assertTrue(r.err().contains(p), "'" + p + "' in: " + r.err());
    }

    static List<String> listing(Path d) throws IOException {
        if (!Files.exists(d)) return List.of();
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Defect 5: a failed write to stdout (--json > /dev/full) fails the command. */
    @Test
    void aFailedWriteToStandardOutputFailsTheCommand() {
        PrintStream old = System.out, oldErr = System.err;
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    throw new IOException("No space left on device");
                }
            }, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            code = Main.run("neuron", "--preset", "RS", "--duration", "50", "--json", "--quiet", "--figures", "none",
                    "--out", dir.toString());
        } finally {
            System.setOut(old);
            System.setErr(oldErr);
        }
        assertEquals(Main.EXIT_FAILURE, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("could not write to standard output"), err.toString());
    }

    /** Defect 6: two monitors whose names map to one file are refused, both named. */
    @Test
    void monitorsThatWouldWriteOneFileAreRefused() throws Exception {
        String yaml = Files.readString(RunModelFileTest.EXAMPLES.resolve("sornsim.yaml"))
                .replace("name: exc0,", "name: 'a:b',").replace("name: inh0,", "name: 'a>b',");
        Path file = dir.resolve("collide.yaml");
        Files.writeString(file, yaml);
        Path out = dir.resolve("out");
        refused(CliRunner.run("run", file.toString(), "--duration", "20", "--quiet", "--figures", "none", "--out", out.toString()),
                "'a:b'", "'a>b'", "a_b.npz");
        assertEquals(List.of(), listing(out));
        String spikes = yaml.replace("name: 'a:b',", "name: Spikes,");
        Files.writeString(file, spikes);
        refused(CliRunner.run("run", file.toString(), "--duration", "20", "--quiet", "--figures", "none", "--out", out.toString()),
                "'Spikes'", "Spikes.npz");
    }

    /** Defect 7: --csv naming a directory is refused before the run writes anything. */
    @Test
    void csvIntoADirectoryIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path out = dir.resolve("out");
        Path csvDir = Files.createDirectory(dir.resolve("csvdir"));
        refused(CliRunner.run("neuron", "--preset", "RS", "--duration", "50", "--quiet", "--out", out.toString(),
                "--csv", csvDir.toString()), "--csv", "is a directory");
        assertEquals(List.of(), listing(out));
        assertEquals(List.of(), listing(csvDir));
    }

    /** Defect 19: --out '' would write into the current directory. */
    @Test
    void anEmptyOutIsRefused() {
        refused(CliRunner.run("neuron", "--preset", "RS", "--duration", "50", "--quiet", "--out", ""), "--out is empty");
        refused(CliRunner.run("net2003", "--ne", "8", "--ni", "2", "--duration", "20", "--quiet", "--out", ""), "--out is empty");
        assertFalse(Files.exists(Path.of("neuron-RS.json")));
    }

    /** Defect 16: a run that fails leaves the user's own empty --out, and removes one it made. */
    @Test
    void aFailedStageRemovesOnlyTheDirectoryItCreated() throws Exception {
        Path mine = Files.createDirectory(dir.resolve("mine"));
        try (OutputStage stage = new OutputStage(mine)) {
            Files.writeString(stage.file("half.json"), "{");
        }
        assertTrue(Files.isDirectory(mine), "the user's directory stays");
        assertEquals(List.of(), listing(mine));
        Path made = dir.resolve("made").resolve("deeper");
        try (OutputStage stage = new OutputStage(made)) {
            Files.writeString(stage.file("half.json"), "{");
        }
        assertFalse(Files.exists(made), "the directory the run made for nothing goes");
    }

    /**
     * Defect 12: a staging directory whose process died (kill -9 runs no hook) is removed by the
     * next run into the same --out; one of a live process stays, and so does a name we did not make.
     */
    @Test
    void staleStagingOfADeadProcessIsRemovedByTheNextRun() throws Exception {
        Path out = Files.createDirectory(dir.resolve("out"));
        Process dead = new ProcessBuilder("true").start();
        long start = dead.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L);
        dead.waitFor();
        Path stale = Files.createDirectory(out.resolve(OutputStage.PREFIX + dead.pid() + "-" + start + "-42"));
        Files.writeString(stale.resolve("spikes.npz"), "half");
        Process live = new ProcessBuilder("sleep", "60").start();
        try {
            long liveStart = live.info().startInstant().map(java.time.Instant::toEpochMilli).orElse(0L);
            Path busy = Files.createDirectory(out.resolve(OutputStage.PREFIX + live.pid() + "-" + liveStart + "-7"));
            Path foreign = Files.createDirectory(out.resolve(OutputStage.PREFIX + "notes"));
            CliRunner r = CliRunner.run("neuron", "--preset", "RS", "--duration", "50", "--quiet", "--figures", "none",
                    "--out", out.toString());
            assertEquals(0, r.code(), r.err());
            assertFalse(Files.exists(stale), "stale staging of a dead process is removed");
            assertTrue(Files.exists(busy), "a live process's staging stays");
            assertTrue(Files.exists(foreign), "a directory we did not name stays");
            assertEquals(List.of(OutputStage.PREFIX + live.pid() + "-" + liveStart + "-7", OutputStage.PREFIX + "notes",
                    "neuron-RS.json"), listing(out));
        } finally {
            live.destroy();
        }
    }

    /** Defect 17: spike and sample times print as k·dt, not with float noise (23.700000000000003). */
    @Test
    void timesPrintAsStepsTimesDtWithoutFloatNoise() throws Exception {
        Path csv = dir.resolve("trace.csv");
        CliRunner r = CliRunner.run("neuron", "--preset", "RS", "--dt", "0.1", "--duration", "300", "--json", "--quiet",
                "--figures", "none", "--out", dir.resolve("out").toString(), "--csv", csv.toString());
        assertEquals(0, r.code(), r.err());
        Pattern noise = Pattern.compile("\\d\\.\\d{6,}");
        String times = r.out().substring(r.out().indexOf("\"spike_times_ms\""));
        times = times.substring(0, times.indexOf(']'));
        assertTrue(times.contains("."), times);
        Matcher m = noise.matcher(times);
        assertFalse(m.find(), "noise in " + times);
        for (String row : RunModelFileTest.dataRows(csv)) {
            String t = row.substring(0, row.indexOf(','));
            assertFalse(noise.matcher(t).find(), "noise in t_ms " + t);
        }
    }

    /** Defect 23: an overflowing --set value names the parameter, not a blow-up later. */
    @Test
    void anInfiniteSetValueNamesTheParameter() {
        refused(CliRunner.run("neuron", "--equations", "../examples/equations/izhikevich2003.eqs", "--set", "a=1e400",
                "--set", "b=0.2", "--set", "c=-65", "--set", "d=8", "--quiet", "--figures", "none", "--out",
                dir.resolve("out").toString()), "'a' is not finite");
    }

    /** Defects 15 and 24: endless, non-UTF-8 and unreadable inputs get one line naming file and problem. */
    @Test
    void endlessAndBrokenInputFilesAreRefusedInOneLine() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/dev/zero")));
        String out = dir.resolve("out").toString();
        refused(CliRunner.run("neuron", "--equations", "/dev/zero", "--quiet", "--out", out), "/dev/zero", "larger than");
        refused(CliRunner.run("run", "/dev/zero", "--quiet", "--out", out), "/dev/zero", "larger than");
        Path latin1 = dir.resolve("latin1.eqs");
        Files.write(latin1, "dv/dt = -v/ms : 1\n# caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        refused(CliRunner.run("neuron", "--equations", latin1.toString(), "--quiet", "--out", out),
                latin1.toString(), "not UTF-8", "byte 23", "line 2");
        refused(CliRunner.run("neuron", "--equations", dir.resolve("missing.eqs").toString(), "--quiet", "--out", out),
                "missing.eqs", "does not exist");
        Path yaml = dir.resolve("latin1.yaml");
        Files.write(yaml, "network:\n  name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        refused(CliRunner.run("run", yaml.toString(), "--quiet", "--out", out), "not UTF-8");
        assertFalse(Files.exists(Path.of(out)));
    }

    @Test
    void anUnreadableEquationFileSaysSo() throws Exception {
        Path locked = dir.resolve("locked.eqs");
        Files.writeString(locked, "dv/dt = -v/ms : 1\n");
        Files.setPosixFilePermissions(locked, java.nio.file.attribute.PosixFilePermissions.fromString("---------"));
        assumeTrue(!Files.isReadable(locked), "root reads any file");
        refused(CliRunner.run("neuron", "--equations", locked.toString(), "--quiet", "--out", dir.resolve("out").toString()),
                "locked.eqs", "is not readable");
    }
}
