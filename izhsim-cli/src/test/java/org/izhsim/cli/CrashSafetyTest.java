package org.izhsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety of outputs (issue #19, defects 11 and 12, deliverable 4): the command line runs
 * in its own JVM on a small network and is stopped with SIGINT or SIGKILL at random moments,
 * from start-up to the writing of its files. Whatever the moment, --out holds only complete
 * files (of this run or the one before), never a partial one; SIGINT leaves no staging
 * directory of its run, and the staging left by SIGKILL, which runs no hook, is removed by the
 * next run that stages (at the latest the complete run at the end).
 */
class CrashSafetyTest {
    @TempDir
    Path dir;

    private static final int KILLS = 8;

    private Process start(Path out) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "-XX:TieredStopAtLevel=1",
                Main.class.getName(), "net2003", "--ne", "400", "--ni", "100", "--duration", "1000", "--threads", "1",
                "--quiet", "--out", out.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(dir.resolve("err.log").toFile()).start();
    }

    private void complete(Path out) throws Exception {
        Process p = start(out);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "run did not end");
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("err.log")));
    }

    @Test
    void killedRunsLeaveCompleteFilesOrNoneAndNoDebris() throws Exception {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        Path out = dir.resolve("out");
        complete(out);
        List<String> expected = List.of("raster.png", "raster.svg", "run.json", "spikes.csv", "spikes.npz");
        assertEquals(expected, HostileInputTest.listing(out));
        for (int k = 0; k < KILLS; k++) {
            boolean hard = k % 2 == 1;
            Process p = start(out);
            // the JVM starts in about half a second, the run and its files take one to three
            Thread.sleep(300 + random.nextInt(3000));
            String when = "seed " + seed + ", kill " + k + (hard ? " (SIGKILL)" : " (SIGINT)");
            if (hard) {
                p.destroyForcibly();
            } else {
                new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
            }
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), when + ": did not end");
            List<String> left = HostileInputTest.listing(out);
            for (String name : left) {
                if (name.startsWith(OutputStage.PREFIX)) {
                    // an earlier SIGKILL's may still be there if this run was stopped before it staged
                    assertTrue(hard || !name.startsWith(OutputStage.PREFIX + p.pid() + "-"), when + ": SIGINT left " + name);
                    continue;
                }
                assertTrue(expected.contains(name), when + ": unexpected file " + name + " in " + left);
                assertComplete(out.resolve(name), when);
            }
            assertTrue(left.containsAll(expected), when + ": a file of the earlier run went missing: " + left);
        }
        complete(out);
        assertEquals(expected, HostileInputTest.listing(out), "after a complete run, no debris (seed " + seed + ")");
        for (String name : expected) assertComplete(out.resolve(name), "last run");
    }

    /**
     * The moment that matters most, hit on purpose: the signal comes as soon as the run starts
     * writing into its staging directory.
     */
    @Test
    void aSignalWhileWritingLeavesNoStaging() throws Exception {
        Path out = dir.resolve("out");
        for (boolean hard : new boolean[] {false, true}) {
            Process p = start(out);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (p.isAlive() && System.nanoTime() < deadline
                    && HostileInputTest.listing(out).stream().noneMatch(n -> n.startsWith(OutputStage.PREFIX))) {
                Thread.sleep(2);
            }
            assertTrue(p.isAlive(), "the run ended before it was signalled; " + Files.readString(dir.resolve("err.log")));
            if (hard) p.destroyForcibly();
            else new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
            assertTrue(p.waitFor(120, TimeUnit.SECONDS));
            List<String> left = HostileInputTest.listing(out);
            for (String name : left) {
                if (!name.startsWith(OutputStage.PREFIX)) assertComplete(out.resolve(name), hard ? "SIGKILL" : "SIGINT");
            }
            if (!hard) assertTrue(left.stream().noneMatch(n -> n.startsWith(OutputStage.PREFIX)), "SIGINT left " + left);
        }
        complete(out);
        assertTrue(HostileInputTest.listing(out).stream().noneMatch(n -> n.startsWith(OutputStage.PREFIX)),
                "the run after a SIGKILL removes its staging: " + HostileInputTest.listing(out));
    }

    /** Two runs into one --out at once: each stages apart, neither removes the other's staging. */
    @Test
    void twoRunsAtOnceLeaveCompleteFiles() throws Exception {
        Path out = dir.resolve("out");
        Process a = start(out);
        Process b = start(out);
        assertTrue(a.waitFor(300, TimeUnit.SECONDS) && b.waitFor(300, TimeUnit.SECONDS));
        assertEquals(0, a.exitValue());
        assertEquals(0, b.exitValue());
        List<String> expected = List.of("raster.png", "raster.svg", "run.json", "spikes.csv", "spikes.npz");
        assertEquals(expected, HostileInputTest.listing(out));
        for (String name : expected) assertComplete(out.resolve(name), "two runs at once");
    }

    private static void assertComplete(Path file, String when) throws IOException {
        String name = file.getFileName().toString();
        String what = when + ": " + name + " is not complete";
        switch (name.substring(name.lastIndexOf('.') + 1)) {
            case "json" -> {
                JsonNode run = CommandLineTest.JSON.readTree(file.toFile());
                assertTrue(run.has("spikes") && run.has("parameters"), what);
            }
            case "npz" -> {
                try (ZipFile zip = new ZipFile(file.toFile())) {
                    List<String> entries = new ArrayList<>();
                    zip.stream().forEach(e -> entries.add(e.getName()));
                    assertTrue(entries.contains("t_ms.npy") && entries.contains("i.npy"), what + ": " + entries);
                    for (var e : entries) zip.getInputStream(zip.getEntry(e)).readAllBytes();
                }
            }
            case "csv" -> {
                String text = Files.readString(file);
                assertTrue(text.endsWith("\n") && text.contains("t_ms,i"), what);
            }
            case "png" -> assertTrue(ImageIO.read(file.toFile()) != null, what);
            case "svg" -> assertTrue(Files.readString(file).strip().endsWith("</svg>"), what);
            default -> assertFalse(true, what + ": unknown kind");
        }
    }
}
