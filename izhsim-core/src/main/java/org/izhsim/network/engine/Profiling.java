package org.izhsim.network.engine;

/**
 * The profiling decorator ({@code Simulation.Builder.profile}): wraps a stage of the step so
 * that its wall time adds to the worker's column of that stage's kind (about two clock reads per
 * stage and step). Without profiling the step loop holds the bare stages: the profiled and the
 * plain step are the same code.
 */
final class Profiling {
    private Profiling() {}

    static StepLoop.Stage timed(StepLoop.Stage inner, int column) {
        return (wk, k) -> {
            long t0 = System.nanoTime();
            try {
                inner.run(wk, k);
            } finally {
                wk.phaseNanos[column] += System.nanoTime() - t0;
            }
        };
    }
}
