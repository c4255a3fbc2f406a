package org.izhsim.network;

import org.izhsim.model.TimeGrid;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.izhsim.network.engine.Engine;
import org.izhsim.network.engine.EngineOptions;
import org.izhsim.synapse.SynapseMatrix;

/**
 * Runs a {@link Network}: builds its state and synapse matrices (the build phase, timed), then
 * advances it step by step in the order of {@link Phase}, on a fixed pool of worker threads,
 * exchanging spikes through a {@link Communicator}.
 *
 * <pre>{@code
 * Izhikevich2003Network.Built net = Izhikevich2003Network.builder().seed(7).build();
 * try (Simulation sim = Simulation.builder(net.network()).threads(2).build()) {
 *     sim.run(1000);                                  // ms
 *     SpikeRecording s = sim.recording(net.spikes());   // (step, neuron) sorted
 *     System.out.println(sim.timing());               // build_s, run_s, events/s, ...
 * }
 * }</pre>
 *
 * <p>Not thread-safe: one thread drives a simulation (its workers are internal). Spikes are
 * bit-identical for any thread count (and for any rank count with the same seed); see
 * {@link Phase}. This class is the public face; the engine behind it lives in
 * {@code org.izhsim.network.engine}.
 */
public final class Simulation implements AutoCloseable {
    private final Engine engine;
    private final Network net;
    private final TimeGrid grid;
    private final double buildSeconds;
    /** The description's hash, computed when a snapshot or a resume needs it (its record printing costs a build milliseconds). */
    private Long networkHash;
    private Long synapseHash;
    private ProgressListener progress;

    /** Builds a simulation with default options (all cores, one rank). */
    public static Simulation of(Network network) {
        return builder(network).build();
    }

    public static Builder builder(Network network) {
        return new Builder(network);
    }

    /** Options of a simulation. */
    public static final class Builder {
        private final Network network;
        private int threads = Runtime.getRuntime().availableProcessors();
        private Communicator communicator = Communicator.local();
        private EngineOptions options = EngineOptions.defaults();
        private Network warmUp;
        private long warmUpSteps;
        private Snapshot resume;

        private Builder(Network network) {
            this.network = Objects.requireNonNull(network);
        }

        /** Worker threads (default: all cores); 1 runs inline on the caller. */
        public Builder threads(int n) {
            if (n < 1) throw new IllegalArgumentException("threads must be >= 1, got " + n);
            this.threads = n;
            return this;
        }

        public Builder communicator(Communicator c) {
            this.communicator = Objects.requireNonNull(c);
            return this;
        }

        /**
         * Use at most one worker per this many neurons (default 2048; 1 = always all threads): a
         * step of a small network takes microseconds, less than what a barrier costs once another
         * process competes for the cores. Results do not depend on the number of workers.
         */
        public Builder minNeuronsPerThread(int n) {
            this.options = options.withMinNeuronsPerThread(n);
            return this;
        }

        /** Accounts wall time per phase and worker ({@link Simulation#phaseSeconds()}); costs ~3 clock reads per step. */
        public Builder profile(boolean on) {
            this.options = options.withProfile(on);
            return this;
        }

        /**
         * Use {@code StandardKernels}' auto-vectorisable loops for the standard model under euler
         * and netm (default true), and with {@link #simd} their Vector API versions; false runs
         * {@code IzhikevichKernel} everywhere. Results are bit-identical either way.
         */
        public Builder vectorize(boolean on) {
            this.options = options.withVectorize(on);
            return this;
        }

        /**
         * Use the Vector API kernels ({@code VectorKernels}, {@link org.izhsim.random.CounterRandom#gaussiansSimd})
         * for the euler and netm fast path where {@link org.izhsim.random.CounterRandom#vectorApi()} allows; the
         * default is the system property {@code izhsim.simd} (false). Results are bit-identical
         * either way. Off by default: the JIT needs seconds of CPU to compile Vector API code,
         * more than it saves in a run of less than about 10^9 neuron-steps.
         */
        public Builder simd(boolean on) {
            this.options = options.withSimd(on);
            return this;
        }

        /**
         * Keep the posts of static CSR groups in 2 bytes (6 bytes per synapse instead of 8) when
         * every such group's posts on this rank span at most 65,536 (default: true unless the
         * system property {@code izhsim.narrowPosts} is false). Results are bit-identical either way.
         */
        public Builder narrowPosts(boolean on) {
            this.options = options.withNarrowPosts(on);
            return this;
        }

        /**
         * Before building, runs {@code sample} for {@code steps} steps, and on while the JIT is
         * still compiling (at most 10 × steps, and 1 s of wall time in all), on as many workers
         * as this simulation will use, then discards it. {@code sample} should be a small network of the
         * same kind (same models, scheme, inputs, synapse storage and monitors): the JIT then
         * compiles the step loops on it, before the timed run, instead of during the run's
         * first few hundred steps (most of a short run's time). The warm-up is part of the
         * build and counted in {@link TimingReport#buildSeconds()}; it shares no state with
         * this simulation, so results do not change. 0 steps (the default) skips it.
         */
        public Builder warmUp(Network sample, long steps) {
            if (steps < 0) throw new IllegalArgumentException("warm-up steps must be >= 0, got " + steps);
            this.warmUp = steps == 0 ? null : Objects.requireNonNull(sample);
            this.warmUpSteps = steps;
            return this;
        }

        /**
         * Starts from {@code snapshot} (taken of this same network, by this izhsim version)
         * instead of the initial state: the simulation's next step is the snapshot's, and
         * running on gives the spikes and state the snapshotted simulation would have (any
         * thread count). Refused, naming the mismatch, if the network's description or its
         * built synapses differ from the snapshot's.
         */
        public Builder resumeFrom(Snapshot snapshot) {
            this.resume = Objects.requireNonNull(snapshot);
            return this;
        }

        /** Builds the network (timed as build_s). */
        public Simulation build() {
            return new Simulation(this);
        }
    }

    private Simulation(Builder bd) {
        long t0 = System.nanoTime();
        this.net = bd.network;
        this.grid = net.grid();
        if (bd.resume != null && bd.resume.networkHash() != networkHash()) {
            throw new IllegalArgumentException(String.format("the snapshot was taken of another network (description hash "
                    + "%016x; this network's is %016x): resume it on the network it was taken of", bd.resume.networkHash(), networkHash()));
        }
        this.engine = new Engine(net, bd.threads, bd.communicator, bd.options, bd.warmUp, bd.warmUpSteps);
        if (bd.resume != null) {
            try {
                if (synapseHash() != bd.resume.synapseHash()) {
                    throw new IllegalArgumentException("the snapshot was taken of a network whose synapses were built otherwise "
                            + "(the same description, other weights or delays): resume it on the network it was taken of");
                }
                engine.restore(bd.resume.state());
            } catch (RuntimeException e) {
                engine.close();
                throw e;
            }
        }
        buildSeconds = (System.nanoTime() - t0) * 1e-9;
    }

    /**
     * Collective, for a distributed run: every rank calls it after every rank's build and
     * before the run. Runs the builder's {@link Builder#warmUp warm-up sample} once more, now
     * exchanging spikes with the other ranks through this simulation's communicator, so that
     * the JIT compiles the step loop with the run's communicator before the run. Changes no
     * state of this simulation; does nothing without a warm-up sample or with one rank.
     */
    public void warmUpAcrossRanks() {
        engine.warmUpAcrossRanks();
    }

    /** The description's hash, computed once (the description does not change). */
    private long networkHash() {
        if (networkHash == null) networkHash = Fingerprint.description(net);
        return networkHash;
    }

    /** The synapses' checksum, computed once (they do not change during a run). */
    private long synapseHash() {
        if (synapseHash == null) synapseHash = Fingerprint.synapses(this);
        return synapseHash;
    }

    /**
     * The state between the last step run and the next (immutable; see {@link Snapshot}), to
     * write to a file or to resume from with {@link Builder#resumeFrom}. The first snapshot also
     * computes a checksum of the synapses (one pass over them).
     *
     * @throws IllegalStateException after a step failed
     */
    public Snapshot snapshot() {
        return new Snapshot(org.izhsim.Version.version(), networkHash(), synapseHash(), engine.state());
    }

    // ------------------------------------------------------------------------------------------
    // public API

    public Network network() {
        return net;
    }

    /** Steps completed (the index of the next step). */
    public long step() {
        return engine.step();
    }

    /** t = step·dt [ms] of the next step. */
    public double timeMs() {
        return grid.timeMs(engine.step());
    }

    /** Worker threads in use: the requested count, limited by {@link Builder#minNeuronsPerThread}. */
    public int threads() {
        return engine.threads();
    }

    /** Whether the auto-vectorisable loops are in use (see {@link Builder#vectorize}). */
    public boolean vectorized() {
        return engine.vectorized();
    }

    /** Whether the Vector API kernels are in use (see {@link Builder#simd}). */
    public boolean simd() {
        return engine.simd();
    }

    /** Synapses built on this rank. */
    public long synapseCount() {
        return engine.synapseCount();
    }

    /** Min-delay exchange interval in steps. */
    public int exchangeInterval() {
        return engine.exchangeInterval();
    }

    public void setProgressListener(ProgressListener listener) {
        this.progress = listener;
    }

    /** Runs for {@code durationMs} (a whole number of steps). */
    public void run(double durationMs) {
        runSteps(grid.positiveSteps(durationMs, "duration"));
    }

    /** Runs {@code n} steps. */
    public void runSteps(long n) {
        engine.runSteps(n, progress);
    }

    /**
     * Runs {@code durationMs} in {@code blocks} nearly equal blocks and times each (SORNSim's
     * measure_block_time); the spikes equal one {@link #run} of the same duration.
     */
    public List<BlockTiming> runBlocks(double durationMs, int blocks) {
        if (blocks < 1) throw new IllegalArgumentException("blocks must be >= 1");
        long n = grid.positiveSteps(durationMs, "duration");
        List<BlockTiming> out = new ArrayList<>();
        long done = 0;
        for (int b = 0; b < blocks; b++) {
            long len = n * (b + 1) / blocks - done;
            long s0 = engine.spikesTotal(), e0 = engine.events();
            long t0 = System.nanoTime();
            runSteps(len);
            out.add(new BlockTiming(b, len, (System.nanoTime() - t0) * 1e-9, engine.spikesTotal() - s0, engine.events() - e0));
            done += len;
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * Queues a parameter change to take effect from step {@code atStep} (≥ the next step): it is
     * validated and copied now, committed between steps atStep − 1 and atStep, and logged.
     */
    public void schedule(long atStep, ParameterChange change) {
        engine.schedule(atStep, Objects.requireNonNull(change));
    }

    /** Queues a change for t = timeMs (a whole number of steps). */
    public void scheduleAt(double timeMs, ParameterChange change) {
        long k = grid.wholeSteps(timeMs);
        if (k == Long.MIN_VALUE) throw new IllegalArgumentException(timeMs + " ms is not a whole number of steps");
        schedule(k, change);
    }

    /** Queues a change for the next step. */
    public void change(ParameterChange change) {
        schedule(engine.step(), change);
    }

    /** Every committed change, in order. */
    public List<AppliedChange> changeLog() {
        return engine.changeLog();
    }

    /** The recording of a monitor of this network so far (immutable). */
    @SuppressWarnings("unchecked")
    public <R extends Recording> R recording(Monitor<R> monitor) {
        Monitor.Session<?> s = engine.session(monitor);
        if (s == null) throw new IllegalArgumentException("monitor '" + monitor.name() + "' is not part of this network");
        return (R) s.finish();
    }

    /**
     * A copy of the group's vector {@code name}: a state variable or parameter of its model (v,
     * u, a, b, c, d of the 2003 model; v, u of the 2007 model; an equation model's own names),
     * {@code I} (the input of the last step) or {@code I_syn} (its synaptic part).
     *
     * @throws IllegalArgumentException naming the group's vectors if it has none of that name
     */
    public double[] vector(NeuronGroup g, String name) {
        return engine.vector(g, name).clone();
    }

    /** The names {@link #vector} knows for the group, in a fixed order. */
    public List<String> vectorNames(NeuronGroup g) {
        return engine.vectorNames(g);
    }

    /** A copy of the group's membrane potentials [mV]. */
    public double[] v(NeuronGroup g) {
        return vector(g, "v");
    }

    /** A copy of the group's recovery variables. */
    public double[] u(NeuronGroup g) {
        return vector(g, "u");
    }

    /** A copy of the group's parameter a (b, c, d likewise). */
    public double[] a(NeuronGroup g) {
        return vector(g, "a");
    }

    public double[] b(NeuronGroup g) {
        return vector(g, "b");
    }

    public double[] c(NeuronGroup g) {
        return vector(g, "c");
    }

    public double[] d(NeuronGroup g) {
        return vector(g, "d");
    }

    /** A read-only view of a built synapse group. */
    public SynapseView synapses(SynapseGroup s) {
        SynapseMatrix m = engine.matrix(s);
        if (m == null) throw new IllegalArgumentException("synapse group '" + s.name() + "' is not part of this network");
        return new SynapseView(m);
    }

    /** Costs so far. */
    public TimingReport timing() {
        return new TimingReport(buildSeconds, engine.runSeconds(), engine.stepsRun(), engine.ownedTo() - engine.ownedFrom(),
                engine.synapseCount(), engine.spikesTotal(), engine.events(), engine.threads());
    }

    /**
     * With {@link Builder#profile(boolean)}: seconds each worker spent so far in
     * update (noise, deliver, integrate, state monitors), propagate, barrier (waiting, incl. the
     * serial part) and cut-off (netm); one row per worker.
     */
    public double[][] phaseSeconds() {
        return engine.phaseSeconds();
    }

    @Override
    public void close() {
        engine.close();
    }
}
