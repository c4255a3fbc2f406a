package org.izhsim.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The warm-up's test of whether the JIT is still compiling (see {@link JitActivity}). */
class JitActivityTest {

    /** The layout of proc(5)'s /proc/[pid]/task/[tid]/stat; the comm may hold spaces and parentheses. */
    @Test
    void readsUserAndSystemTicksAfterTheComm(@TempDir Path dir) throws Exception {
        Path stat = dir.resolve("stat");
        Files.writeString(stat, "4242 (C2 Co) (mp x) S 4200 4200 4200 0 -1 4194368 12 0 0 0 1234 56 0 0 20 0 1 0 99 0 0\n");
        byte[] buf = new byte[1024];
        try (RandomAccessFile f = new RandomAccessFile(stat.toFile(), "r")) {
            assertEquals(1234 + 56, JitActivity.cpuTicks(f, buf));
            // read again from the start, as the warm-up does on every check
            assertEquals(1234 + 56, JitActivity.cpuTicks(f, buf));
        }
        Files.writeString(stat, "no parenthesis here\n");
        try (RandomAccessFile f = new RandomAccessFile(stat.toFile(), "r")) {
            assertEquals(0, JitActivity.cpuTicks(f, buf));
        }
    }

    /**
     * On Linux with HotSpot's JIT the compiler threads are found; the JIT of a JVM that only
     * sleeps goes quiet, and a check is never quiet before its window has passed.
     */
    @Test
    void findsTheCompilerThreadsAndSeesQuiet() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "needs Linux /proc");
        try (JitActivity jit = new JitActivity()) {
            assertTrue(jit.observable());
            // HotSpot names them "C1 CompilerThread0", "C2 CompilerThread0", … (cut to 15 characters)
            assertTrue(jit.compilerThreads() >= 1, "no compiler thread found");
            assertFalse(jit.quietFor(TimeUnit.SECONDS.toNanos(60)), "the first check only starts the window");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            boolean quiet = false;
            while (!quiet && System.nanoTime() < deadline) {
                Thread.sleep(10);
                quiet = jit.quietFor(TimeUnit.MILLISECONDS.toNanos(50));
            }
            assertTrue(quiet, "the JIT never went quiet for 50 ms within 20 s of sleeping");
        }
    }
}
