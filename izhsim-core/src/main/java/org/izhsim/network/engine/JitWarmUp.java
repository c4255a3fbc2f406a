package org.izhsim.network.engine;

import org.izhsim.network.Communicator;
import org.izhsim.network.Network;
import org.izhsim.run.JitQuiet;

/**
 * Everything the engine does for HotSpot's JIT, in one place. None of it changes a result; all
 * of it was measured (BENCHMARKS.md, git log):
 *
 * <ul>
 *   <li>The warm-up ({@link #run}): before the network's own build, a small sample network of
 *       the same kind runs on as many workers, so that the step loops are compiled (and the
 *       compilations they set off finish during the build) before the timed run. A rank of a
 *       distributed run warms up as that rank ({@link LoneRank}): its block, its exchanges.</li>
 *   <li>Small static loop methods ({@link GroupUpdate}, {@link StandardKernels},
 *       {@link VectorKernels}): C2 compiles each soon and quickly, instead of one long
 *       compilation of the whole update that holds up the others during a short run.</li>
 *   <li>No branch that a warm-up leaves uncompiled: {@link Propagation#propagate} has no early
 *       return for a step without spikes (the first silent step would otherwise throw the
 *       compiled method away), and the synapse build writes one post per call.</li>
 *   <li>Monomorphic call sites in the per-neuron and per-synapse loops; calls through
 *       interfaces ({@code NeuronKernel}, {@link StepLoop.Stage}) are per block of neurons or
 *       per step, never per neuron.</li>
 *   <li>Final fields for everything the hot loops read.</li>
 *   <li>A network without behaviours or profiling steps through {@code StepLoop.chunkDirect}, its
 *       stages called by name, not through the stage array's megamorphic call site
 *       (BENCHMARKS.md §7: 8 % of a 10,000 × K = 1000 run).</li>
 * </ul>
 */
final class JitWarmUp {
    private JitWarmUp() {}

    /** Wall-time limit of the warm-up. */
    private static final long WARM_UP_LIMIT_NS = 1_000_000_000L;
    /**
     * A rank of a distributed run warms up this many times longer: a rank's hiccup (its C2
     * compiling a method of the step while the run goes on) stalls every rank at the next
     * exchange, and the per-step methods (merge, exchange, spike recording) reach C2 only after
     * about 5,000 calls (HotSpot's Tier4InvocationThreshold; 300 × 20 = 6,000 steps). A rank's
     * block of the sample is small: this adds 0.1-0.2 s to a rank's build here (BENCHMARKS.md §9).
     */
    private static final int RANK_FACTOR = 20;

    /** Steps of {@link #acrossRanks}: the same on every rank, so that their exchanges match. */
    static final long ACROSS_RANKS_STEPS = 1000;

    /**
     * Collective: runs {@code sample} for {@link #ACROSS_RANKS_STEPS} steps on {@code comm}
     * itself, exchanging with the other ranks, after every rank's build (never before: a rank
     * whose build failed must not leave the others inside a collective). The warm-up before
     * the build ran on a {@link LoneRank}, so the compiled step barrier called the exchange
     * of that class only; the run's first exchange, of another class, threw the compiled
     * barrier away, and C2 compiled it again during the run while the other rank waited
     * (BENCHMARKS.md §9). Here that happens before the run.
     */
    static void acrossRanks(Network sample, int threads, Communicator comm, EngineOptions options) {
        try (Engine w = new Engine(sample, threads, comm, sampleOptions(options), null, 0)) {
            w.runSteps(ACROSS_RANKS_STEPS, null);
        }
    }

    /**
     * Runs {@code sample} for at least {@code steps} steps ({@link #RANK_FACTOR} times as many on
     * a rank of several) and then on, until the JIT has
     * compiled nothing for {@link JitQuiet#IDLE_NS} (its compilations run in the background
     * and, on few cores, would otherwise compete with the timed run), but never beyond
     * 10 × as many steps or {@link #WARM_UP_LIMIT_NS}: a busy machine makes each step
     * slow, as the barrier then waits for a core. With several ranks, {@code sample} runs as
     * this rank of {@code comm} without calling it ({@link LoneRank}).
     */
    static void run(Network sample, long steps, int threads, Communicator comm, EngineOptions options) {
        Communicator rehearsal = comm.size() > 1 ? new LoneRank(comm.rank(), comm.size(), sample.neuronCount()) : Communicator.local();
        try (Engine w = new Engine(sample, threads, rehearsal, sampleOptions(options), null, 0)) {
            JitQuiet quiet = new JitQuiet();
            boolean timed = quiet.available();
            long deadline = System.nanoTime() + WARM_UP_LIMIT_NS;
            long least = comm.size() > 1 ? RANK_FACTOR * steps : steps;
            long done = 0, most = timed ? 10 * least : least;
            while (done < most && System.nanoTime() < deadline) {
                long chunk = Math.min(25, most - done);
                w.runSteps(chunk, null);
                done += chunk;
                if (done < least || !timed) continue; // without a compilation timer: just the steps
                if (quiet.idle()) break;
            }
        }
    }

    /**
     * The run's kernels and post width (the engine has resolved both for the run) on a sample
     * small enough for one neuron per worker, without profiling.
     */
    private static EngineOptions sampleOptions(EngineOptions options) {
        return new EngineOptions(1, options.vectorize(), options.simd(), false, options.narrowPosts());
    }
}
