package org.izhsim.network;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether the JIT is still at work, for {@link Simulation}'s warm-up. Two signs, because
 * either alone misses cases:
 * <ul>
 *   <li>the JVM's total compilation time, which grows only when a compilation <em>ends</em>:
 *   a long C2 compilation (the step loop takes 80 ms and more on two busy cores) looks like
 *   silence while it runs;</li>
 *   <li>the CPU time of the compiler threads (Linux: {@code /proc/self/task/<tid>/stat} of the
 *   threads named {@code C1/C2 CompilerThread…}, in clock ticks), which grows while they
 *   compile. The threads are looked up once (the JVM sizes their number at start-up) and their
 *   files kept open and re-read from the start: reading them through the usual file API would
 *   itself keep the JIT busy compiling that API's many small methods.</li>
 * </ul>
 * Where neither is available, {@link #observable()} is false.
 */
final class JitActivity implements AutoCloseable {
    private final CompilationMXBean jit;
    private final List<RandomAccessFile> compilerStats;
    private final byte[] buf = new byte[1024];
    private long lastMs, quietTicks, quietFrom = Long.MIN_VALUE;

    JitActivity() {
        CompilationMXBean bean = ManagementFactory.getCompilationMXBean();
        this.jit = bean != null && bean.isCompilationTimeMonitoringSupported() ? bean : null;
        this.compilerStats = new ArrayList<>();
        for (Path p : compilerThreadStats()) {
            try {
                compilerStats.add(new RandomAccessFile(p.toFile(), "r"));
            } catch (IOException gone) {
                // the thread ended meanwhile
            }
        }
    }

    @Override
    public void close() {
        for (RandomAccessFile f : compilerStats) {
            try {
                f.close();
            } catch (IOException ignored) {
                // read-only /proc file
            }
        }
    }

    /** How many compiler threads are watched (0 where there is no /proc). */
    int compilerThreads() {
        return compilerStats.size();
    }

    /** Whether {@link #quietFor} can tell anything. */
    boolean observable() {
        return jit != null || !compilerStats.isEmpty();
    }

    /**
     * Call repeatedly: true once no compilation has ended for {@code windowNs} and the compiler
     * threads have used less than two clock ticks (20 ms at the usual 100 Hz) meanwhile. A
     * compilation that runs on throughout the window uses more, so it counts as activity
     * although it has not ended yet; the odd tick of a compiler thread waking up does not.
     */
    boolean quietFor(long windowNs) {
        long now = System.nanoTime();
        long ms = jit != null ? jit.getTotalCompilationTime() : 0;
        long ticks = compilerTicks();
        if (quietFrom == Long.MIN_VALUE || ms != lastMs || ticks - quietTicks >= 2) {
            quietFrom = now;
            quietTicks = ticks;
            lastMs = ms;
            return false;
        }
        return now - quietFrom >= windowNs;
    }

    private long compilerTicks() {
        long ticks = 0;
        for (RandomAccessFile f : compilerStats) ticks += cpuTicks(f, buf);
        return ticks;
    }

    /** The {@code stat} files of this process's compiler threads (empty where there is no /proc). */
    private static List<Path> compilerThreadStats() {
        List<Path> out = new ArrayList<>();
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) return out;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(tasks)) {
            for (Path task : ds) {
                Path stat = task.resolve("stat");
                try {
                    // comm, in parentheses after the tid, is cut to 15 characters: "C2 CompilerThre"
                    String head = new String(Files.readAllBytes(stat), StandardCharsets.US_ASCII);
                    int open = head.indexOf('(');
                    if (open >= 0 && head.startsWith("CompilerThre", open + 4)) out.add(stat);
                } catch (IOException gone) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException | RuntimeException e) {
            out.clear();
        }
        return out;
    }

    /** utime + stime (fields 14 and 15) of one thread's open stat file; 0 once the thread is gone. */
    static long cpuTicks(RandomAccessFile stat, byte[] buf) {
        int n;
        try {
            stat.seek(0);
            n = stat.read(buf); // procfs renders the whole line for a read at offset 0
        } catch (IOException gone) {
            return 0;
        }
        // fields after the comm's closing parenthesis, which may itself contain spaces
        int i = n - 1;
        while (i >= 0 && buf[i] != ')') i--;
        if (i < 0) return 0;
        int field = 2; // the comm
        long utime = 0, stime = 0;
        for (i += 1; i < n; i++) {
            if (buf[i] == ' ') {
                field++;
                continue;
            }
            if (field == 14) utime = utime * 10 + (buf[i] - '0');
            else if (field == 15) stime = stime * 10 + (buf[i] - '0');
            else if (field > 15) break;
        }
        return utime + stime;
    }
}
