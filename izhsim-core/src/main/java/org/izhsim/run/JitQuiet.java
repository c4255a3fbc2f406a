package org.izhsim.run;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * How long HotSpot's JIT has compiled nothing: the stopping rule of every warm-up (the
 * engine's, spnet's, the MPI exchange's). On few cores a compilation during a timed run takes
 * a core from a worker or a rank, and the others wait for it at the next barrier or exchange;
 * a warm-up goes on until the JIT has been idle for a while. Without a compilation timer
 * ({@link #available()} false) the rule cannot be applied and callers run a fixed amount.
 */
public final class JitQuiet {
    /** How long the JIT must have compiled nothing for a warm-up to end [ns]. */
    public static final long IDLE_NS = 50_000_000L;
    private final CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    private final boolean available = jit != null && jit.isCompilationTimeMonitoringSupported();
    private long compiledMs = available ? jit.getTotalCompilationTime() : 0, quietFrom = System.nanoTime();

    public boolean available() {
        return available;
    }

    /** Whether the JIT has compiled nothing for {@link #IDLE_NS}. */
    public boolean idle() {
        return quietNanos() >= IDLE_NS;
    }

    /** Nanoseconds since the JIT last finished a compilation that this watch saw, as of now. */
    public long quietNanos() {
        long now = System.nanoTime();
        if (!available) return 0;
        long ms = jit.getTotalCompilationTime();
        if (ms != compiledMs) {
            compiledMs = ms;
            quietFrom = now;
        }
        return now - quietFrom;
    }
}
