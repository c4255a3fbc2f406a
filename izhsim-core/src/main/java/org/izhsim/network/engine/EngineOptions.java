package org.izhsim.network.engine;

/**
 * The engine's tuning knobs: none changes a result (spikes are bit-identical for every value).
 *
 * @param minNeuronsPerThread at most one worker per this many neurons: a step of a small
 *                            network takes microseconds, less than a barrier costs once another
 *                            process competes for the cores
 * @param vectorize           the standard model under euler and netm runs {@link StandardKernels}'
 *                            auto-vectorisable loops instead of its {@code IzhikevichKernel}
 * @param simd                with vectorize, the Vector API versions ({@link VectorKernels}) where
 *                            {@code CounterRandom.vectorApi()} allows (the JIT needs seconds to
 *                            compile them, so only long runs gain)
 * @param profile             account wall time per stage kind and worker ({@link Profiling})
 */
public record EngineOptions(int minNeuronsPerThread, boolean vectorize, boolean simd, boolean profile) {
    public EngineOptions {
        if (minNeuronsPerThread < 1) throw new IllegalArgumentException("minNeuronsPerThread must be >= 1");
    }

    /** The defaults: one worker per 2048 neurons, vectorised, simd as the system property {@code izhsim.simd} says. */
    public static EngineOptions defaults() {
        return new EngineOptions(2048, true, Boolean.getBoolean("izhsim.simd"), false);
    }

    public EngineOptions withMinNeuronsPerThread(int n) {
        return new EngineOptions(n, vectorize, simd, profile);
    }

    public EngineOptions withVectorize(boolean on) {
        return new EngineOptions(minNeuronsPerThread, on, simd, profile);
    }

    public EngineOptions withSimd(boolean on) {
        return new EngineOptions(minNeuronsPerThread, vectorize, on, profile);
    }

    public EngineOptions withProfile(boolean on) {
        return new EngineOptions(minNeuronsPerThread, vectorize, simd, on);
    }
}
