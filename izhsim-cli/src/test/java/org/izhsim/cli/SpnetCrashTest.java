package org.izhsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.izhsim.spnet.SpnetCheckpoint;
import org.izhsim.spnet.SpnetState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A spnet run killed with SIGKILL while it writes checkpoints every second leaves only complete
 * checkpoints (a temporary file at most), and the newest one resumes to the same seconds as a
 * run that was never killed.
 */
class SpnetCrashTest {
    @TempDir
    Path dir;

    static final String[] NET = {"--ne", "400", "--ni", "100", "--m", "50", "--d", "10", "--seed", "21"};

    @Test
    void killMinusNineLosesAtMostOneIntervalAndResumesBitIdentically() throws Exception {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        Path ck = dir.resolve("ck");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), "-XX:TieredStopAtLevel=1",
                Main.class.getName(), "spnet", "--seconds", "100000", "--checkpoint-every", "1", "--keep", "2", "--checkpoint-dir", ck.toString(),
                "--figures", "none", "--data", "none", "--threads", "1", "--quiet", "--out", dir.resolve("out").toString()));
        cmd.addAll(List.of(NET));
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(dir.resolve("err.log").toFile()).start();
        try {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (SpnetCheckpoint.list(ck).size() < 2 && System.nanoTime() < until && p.isAlive()) Thread.sleep(20);
            assertTrue(p.isAlive(), "the run ended early: " + Files.readString(dir.resolve("err.log")));
            Thread.sleep(random.nextInt(400));
        } finally {
            p.destroyForcibly();
            p.waitFor(60, TimeUnit.SECONDS);
        }
        String when = "seed " + seed;
        List<Path> left = SpnetCheckpoint.list(ck);
        // --keep 2, plus one when the kill falls between a new checkpoint's rename and the
        // oldest one's deletion (never fewer: the rotation deletes only after the new one is in place)
        assertTrue(left.size() >= 1 && left.size() <= 3, when + ": " + left);
        try (var s = Files.list(ck)) {
            for (Path f : s.toList()) {
                String name = f.getFileName().toString();
                assertTrue(left.contains(f) || name.endsWith(".ckpt.tmp"), when + ": debris " + name);
            }
        }
        for (Path f : left) SpnetCheckpoint.read(f);
        SpnetState newest = SpnetCheckpoint.read(SpnetCheckpoint.latest(ck));
        long s0 = newest.second(), to = s0 + 2;
        JsonNode resumed = SpnetCommandTest.json(CliRunner.run("spnet", "--resume", ck.toString(), "--seconds", Long.toString(to), "--json",
                "--quiet", "--figures", "none", "--data", "none", "--out", dir.resolve("resumed").toString()));
        List<String> straightArgs = new java.util.ArrayList<>(List.of("spnet", "--seconds", Long.toString(to), "--json", "--quiet", "--figures",
                "none", "--data", "none", "--out", dir.resolve("straight").toString(), "--threads", "2"));
        straightArgs.addAll(List.of(NET));
        JsonNode straight = SpnetCommandTest.json(CliRunner.run(straightArgs.toArray(String[]::new)));
        assertEquals(2, resumed.get("per_second").size(), when);
        for (int k = 0; k < 2; k++) {
            assertEquals(straight.get("per_second").get((int) s0 + k), resumed.get("per_second").get(k), when + ", second " + (s0 + k + 1));
        }
    }
}
