package org.izhsim.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The options {@code izhsim spnet} and {@code izhsim dastdp} share (both run
 * {@link org.izhsim.spnet.SpnetNetwork} second by second): threads, checkpoints, resume, and
 * the checks of the run's length.
 */
final class SpnetRunOptions {
    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores). Results are identical for every count.")
    Integer threads;

    @Option(names = "--checkpoint-every", paramLabel = "S", description = "Write a checkpoint every S model seconds (and at the end).")
    Long checkpointEvery;

    @Option(names = "--resume", paramLabel = "DIR", description = "Continue the run whose newest checkpoint is in DIR, up to --seconds in total.")
    Path resume;

    /** Refuses a run shorter than a model second and a checkpoint period below one. */
    void check(long seconds) {
        if (seconds < 1) throw new IllegalArgumentException("--seconds must be at least 1 model second, got " + seconds);
        if (checkpointEvery != null && checkpointEvery < 1) {
            throw new IllegalArgumentException("--checkpoint-every must be at least 1 model second, got " + checkpointEvery);
        }
    }

    /** Whether a checkpoint is due after model second {@code tS} of a run to {@code seconds}. */
    boolean checkpointDue(long tS, long seconds) {
        return checkpointEvery != null && (tS % checkpointEvery == 0 || tS == seconds);
    }
}
