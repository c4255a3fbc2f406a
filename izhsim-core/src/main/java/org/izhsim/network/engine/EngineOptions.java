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
 * @param narrowPosts         static CSR groups keep their posts in 2 bytes (6 bytes per synapse
 *                            instead of 8) when every such group's posts on this rank span at
 *                            most {@code Csr.NARROW_SPAN}; all or none, so that the warm-up
 *                            sample compiles the delivery loop the run takes
 */
public record EngineOptions(int minNeuronsPerThread, boolean vectorize, boolean simd, boolean profile, boolean narrowPosts) {
    public EngineOptions {
        if (minNeuronsPerThread < 1) throw new IllegalArgumentException("minNeuronsPerThread must be >= 1");
    }

    /**
     * The defaults: one worker per 2048 neurons, vectorised, simd as the system property
     * {@code izhsim.simd} says, narrow posts unless {@code izhsim.narrowPosts} is false.
     */
    public static EngineOptions defaults() {
        return new EngineOptions(2048, true, Boolean.getBoolean("izhsim.simd"), false,
                Boolean.parseBoolean(System.getProperty("izhsim.narrowPosts", "true")));
    }

    public EngineOptions withMinNeuronsPerThread(int n) {
        return new EngineOptions(n, vectorize, simd, profile, narrowPosts);
    }

    public EngineOptions withVectorize(boolean on) {
        return new EngineOptions(minNeuronsPerThread, on, simd, profile, narrowPosts);
    }

    public EngineOptions withSimd(boolean on) {
        return new EngineOptions(minNeuronsPerThread, vectorize, on, profile, narrowPosts);
    }

    public EngineOptions withProfile(boolean on) {
        return new EngineOptions(minNeuronsPerThread, vectorize, simd, on, narrowPosts);
    }

    public EngineOptions withNarrowPosts(boolean on) {
        return new EngineOptions(minNeuronsPerThread, vectorize, simd, profile, on);
    }
}
