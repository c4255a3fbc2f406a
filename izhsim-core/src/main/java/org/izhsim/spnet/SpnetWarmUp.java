package org.izhsim.spnet;

import org.izhsim.run.JitQuiet;

/**
 * The JIT warm-up of {@code izhsim spnet}, as {@code engine.JitWarmUp} is the network engine's:
 * before the network's build, a sample network of the same kind runs on as many workers until
 * the JIT has compiled nothing for {@link JitQuiet#IDLE_NS}, then is discarded, so that the step loop
 * is compiled before the timed run. With two workers on two cores, the compiler thread
 * otherwise takes a core from a worker during the run's first second, and the other worker
 * waits at every step's barrier: 0.45 s more per run than one worker (BENCHMARKS.md §6).
 * Counted in {@code build_s}; results do not change (the sample shares no state).
 */
public final class SpnetWarmUp {
    private SpnetWarmUp() {}

    /** Wall-time limit. */
    private static final long LIMIT_NS = 1_500_000_000L;
    /** Model seconds run at least (the once-per-second weight update needs some calls too). */
    private static final int LEAST_SECONDS = 3;
    /** A network larger than this warms up on spnet's default size: the same loops, quicker. */
    private static final int MAX_SAMPLE_NEURONS = 2000;

    /** Runs the sample for {@code cfg} on {@code threads} workers; returns its model seconds. */
    public static int run(SpnetConfig cfg, int threads) {
        SpnetConfig sample = cfg.n() <= MAX_SAMPLE_NEURONS ? cfg
                : new SpnetConfig(800, 200, 100, 20, cfg.sm(), cfg.uniformDelays(), cfg.seed()).validate();
        JitQuiet quiet = new JitQuiet();
        long start = System.nanoTime();
        int seconds = 0;
        try (SpnetNetwork net = new SpnetNetwork(sample, threads)) {
            while (true) {
                net.runSecond(false);
                seconds++;
                if (seconds < LEAST_SECONDS) continue;
                if (!quiet.available() || quiet.idle() || System.nanoTime() - start >= LIMIT_NS) break;
            }
        }
        return seconds;
    }
}
