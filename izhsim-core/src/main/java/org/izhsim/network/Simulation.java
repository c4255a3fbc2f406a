package org.izhsim.network;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.DoubleUnaryOperator;
import org.izhsim.equations.EquationKernel;
import org.izhsim.integrate.IzhikevichKernel;
import org.izhsim.integrate.NumericalBlowUpException;
import org.izhsim.integrate.Scheme;
import org.izhsim.integrate.SpikeList;
import org.izhsim.model.Checks;
import org.izhsim.model.IzhikevichModel;
import org.izhsim.model.Recovery;
import org.izhsim.random.CounterRandom;
import org.izhsim.random.Streams;
import org.izhsim.synapse.Csr;
import org.izhsim.synapse.Parallel;
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
 * {@link Phase}.
 */
public final class Simulation implements AutoCloseable {
    private final Network net;
    private final double dt;
    private final Scheme scheme;
    private final boolean netm;
    private final int pulse, depth, latency, interval;
    private final long seed;
    private final Communicator comm;
    private final boolean distributed;
    private final int lo, hi, threads;
    private final WorkerPool pool;
    private final G[] groups;
    private final Map<NeuronGroup, G> byGroup = new IdentityHashMap<>();
    private final Map<SynapseGroup, SynapseMatrix> matrices = new IdentityHashMap<>();
    private final Out[][] outgoing; // per pre group
    private final boolean[] distinctTargets; // per pre group: its matrices all target different post groups
    private final Worker[] workers;
    private final Map<String, Object> inputsByName = new java.util.HashMap<>();
    private final Map<Monitor<?>, Monitor.Session<?>> sessions = new IdentityHashMap<>();
    private final Monitor.Session<?>[] sessionArray;
    private final Monitor.Session<?>[] stateSessions;
    private final TreeMap<Long, List<Pending>> pending = new TreeMap<>();
    private final List<AppliedChange> log = new ArrayList<>();
    private final double buildSeconds;
    private final long synapseCount;
    private ProgressListener progress;
    private final boolean profile;
    private final boolean vectorize;
    /** Whether the fast path uses {@link VectorKernels} (vectorize and {@link CounterRandom#vectorApi()}). */
    private final boolean simd;

    // run state
    private long step;            // next step to run
    private long curStep;         // step of the current barrier action
    private boolean stop;         // written only by serial actions
    private volatile Throwable failure;
    private boolean broken;
    private final int[] stepSpikes;
    private int stepCount;
    private final SpikeBuffer localBuf = new SpikeBuffer(), globalBuf = new SpikeBuffer();
    private int globalCount;      // entries of globalBuf to propagate in this step (0 if none)
    private long spikesTotal, runNanos, stepsRun;
    private final Runnable serialAction = this::serialStep;
    private final Runnable finalAction = this::finalCheck;
    private long chunkFrom, chunkTo;
    private final WorkerPool.Job chunkJob = this::chunk;

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
        private boolean profile;
        private boolean vectorize = true;
        private boolean simd = Boolean.getBoolean("izhsim.simd");
        private int minNeuronsPerThread = 2048;
        private Network warmUp;
        private long warmUpSteps;

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
            if (n < 1) throw new IllegalArgumentException("minNeuronsPerThread must be >= 1");
            this.minNeuronsPerThread = n;
            return this;
        }

        /** Accounts wall time per phase and worker ({@link Simulation#phaseSeconds()}); costs ~3 clock reads per step. */
        public Builder profile(boolean on) {
            this.profile = on;
            return this;
        }

        /**
         * Use {@link StandardKernels}' auto-vectorisable loops for the standard model under euler
         * and netm (default true), and with {@link #simd} their Vector API versions; false runs
         * {@code IzhikevichKernel} everywhere. Results are bit-identical either way.
         */
        public Builder vectorize(boolean on) {
            this.vectorize = on;
            return this;
        }

        /**
         * Use the Vector API kernels ({@link VectorKernels}, {@link CounterRandom#gaussiansSimd})
         * for the euler and netm fast path where {@link CounterRandom#vectorApi()} allows; the
         * default is the system property {@code izhsim.simd} (false). Results are bit-identical
         * either way. Off by default: the JIT needs seconds of CPU to compile Vector API code,
         * more than it saves in a run of less than about 10^9 neuron-steps.
         */
        public Builder simd(boolean on) {
            this.simd = on;
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

        /** Builds the network (timed as build_s). */
        public Simulation build() {
            return new Simulation(this);
        }
    }

    // ------------------------------------------------------------------------------------------
    // internal state

    /** One neuron group's state. */
    private static final class G {
        final NeuronGroup group;
        final int index, off, n;
        final double[] v, u, a, b, c, d, current, syn;
        double[] iMid, iEnd;
        double[][] ring;
        final IzhikevichKernel kernel;
        /** The compiled kernel of an equation-model group (then used instead of {@link #kernel}), or null. */
        final EquationKernel eq;
        /** Whether {@link StandardKernels} update this group (standard recovery, euler or netm). */
        boolean fast;
        /** a and b of every neuron when they are the same for all (then the kernels skip the arrays), else NaN. */
        final double aUniform, bUniform;
        /** Lowest non-finite neuron seen by {@link StandardKernels}, or −1. */
        private int nonFiniteFast = -1;
        double[] r;
        int[] wFrom, wTo; // per worker local ranges
        int from, to;     // owned local range
        NoiseIn[] noises = new NoiseIn[0];
        ConstIn[] constants = new ConstIn[0];
        double extScalar;
        double[] extArray;
        DoubleUnaryOperator[] currents = new DoubleUnaryOperator[0];
        PoissonIn[] poissons = new PoissonIn[0];

        G(NeuronGroup g, int index, int off, long seed, Scheme scheme) {
            this.group = g;
            this.index = index;
            this.off = off;
            this.n = g.size();
            if (g.needsUniform()) r = g.uniforms(seed);
            a = g.a().resolve("group '" + g.name() + "' a", n, r);
            b = g.b().resolve("group '" + g.name() + "' b", n, r);
            c = g.c().resolve("group '" + g.name() + "' c", n, r);
            d = g.d().resolve("group '" + g.name() + "' d", n, r);
            v = g.v0().resolve("group '" + g.name() + "' v0", n, r);
            if (g.u0() == null) {
                u = new double[n];
                for (int i = 0; i < n; i++) u[i] = b[i] * v[i];
            } else {
                u = g.u0().resolve("group '" + g.name() + "' u0", n, r);
            }
            current = new double[n];
            syn = new double[n];
            boolean same = true;
            for (int i = 1; i < n && same; i++) same = a[i] == a[0] && b[i] == b[0];
            aUniform = same && n > 0 ? a[0] : Double.NaN;
            bUniform = same && n > 0 ? b[0] : Double.NaN;
            kernel = new IzhikevichKernel(g.model(), scheme, v, u, a, b, c, d);
            eq = g.equations() == null ? null : EquationGroups.kernel(g, scheme, v, u, a, b, c, d, r);
        }

        synchronized void nonFinite(int neuron) {
            if (nonFiniteFast < 0 || neuron < nonFiniteFast) nonFiniteFast = neuron;
        }

        synchronized int firstNonFinite() {
            int k = eq != null ? eq.firstNonFinite() : kernel.firstNonFinite();
            if (nonFiniteFast >= 0 && (k < 0 || nonFiniteFast < k)) k = nonFiniteFast;
            return k;
        }

        double[] r(long seed) {
            if (r == null) r = group.uniforms(seed);
            return r;
        }

        void recomputeExt() {
            double s = 0;
            double[] arr = null;
            for (ConstIn ci : constants) {
                if (ci.array == null) {
                    s += ci.scalar;
                } else {
                    if (arr == null) arr = new double[n];
                    for (int i = 0; i < n; i++) arr[i] += ci.array[i];
                }
            }
            extScalar = s;
            extArray = arr;
        }
    }

    private static final class NoiseIn {
        final Input.Noise spec;
        final G g;
        final int period;
        final long streamKey;
        final double[] held;
        double sigma;
        double[] sigmaArr;

        NoiseIn(Input.Noise spec, G g, int period, long seed) {
            this.spec = spec;
            this.g = g;
            this.period = period;
            this.streamKey = Streams.key(seed, "noise/" + spec.name());
            this.held = period > 1 ? new double[g.n] : null;
        }
    }

    private static final class ConstIn {
        double scalar;
        double[] array;
    }

    private static final double MAX_POISSON_MEAN = 500;

    /** Events per neuron and step of {@code spec} at {@code rateHz}; refuses more than {@link #MAX_POISSON_MEAN}. */
    private static double meanEvents(Input.Poisson spec, double rateHz, double dt) {
        double mu = spec.sources() * rateHz * dt * 1e-3;
        if (mu > MAX_POISSON_MEAN) {
            throw new IllegalArgumentException("Poisson input '" + spec.name() + "': " + mu + " events per neuron and step; "
                    + "at most " + MAX_POISSON_MEAN + " are supported (use fewer sources, a lower rate or a smaller dt)");
        }
        return mu;
    }

    private static final class PoissonIn {
        final Input.Poisson spec;
        final long streamKey;
        final float weight;
        double[] cdf;

        PoissonIn(Input.Poisson spec, long seed, double dt) {
            this.spec = spec;
            this.streamKey = Streams.key(seed, "poisson/" + spec.name());
            this.weight = (float) spec.weight();
            setRate(spec.rateHz(), dt);
        }

        void setRate(double rateHz, double dt) {
            double mu = meanEvents(spec, rateHz, dt);
            double p = Math.exp(-mu), acc = p;
            double[] c = new double[16];
            int n = 0;
            c[n++] = acc;
            for (int k = 1; acc < 1 - 1e-15 && k < 100_000; k++) {
                p = p * mu / k;
                acc += p;
                if (n == c.length) c = Arrays.copyOf(c, n * 2);
                c[n++] = acc;
            }
            cdf = Arrays.copyOf(c, n);
        }

        int count(double u) {
            double[] c = cdf;
            int k = 0;
            while (k < c.length && u >= c[k]) k++;
            return k;
        }
    }

    /** An outgoing synapse matrix of a pre group. */
    private static final class Out {
        final SynapseMatrix m;
        final G target;
        final boolean[] active; // per worker: owns posts of the target

        Out(SynapseMatrix m, G target, boolean[] active) {
            this.m = m;
            this.target = target;
            this.active = active;
        }
    }

    /** Per-worker buffers, padded against false sharing. */
    private static final class Worker {
        final int id;
        final SpikeList tmp;
        final int[] spikes;
        final double[] noise = new double[BLOCK], noise2 = new double[BLOCK];
        final long[] phaseNanos = new long[4];
        final int[] local = new int[BLOCK], nonFinite = {-1}, rejected = new int[BLOCK];
        final int[] batchFrom = new int[SynapseMatrix.BATCH + 1], batchTo = new int[SynapseMatrix.BATCH + 1];
        int count;
        long events;
        @SuppressWarnings("unused")
        long p0, p1, p2, p3, p4, p5, p6, p7;

        /** Spike count after each group (the worker's spikes are grouped by group, ascending). */
        final int[] groupEnd;

        Worker(int id, int capacity, int groups) {
            this.id = id;
            this.groupEnd = new int[groups];
            this.tmp = new SpikeList(Math.max(16, capacity));
            this.spikes = new int[Math.max(1, capacity)];
        }
    }

    private record Pending(ParameterChange change, Object payload) {}

    // ------------------------------------------------------------------------------------------
    // build

    private Simulation(Builder bd) {
        long t0 = System.nanoTime();
        this.net = bd.network;
        this.comm = bd.communicator;
        this.distributed = comm.size() > 1;
        int owned = bd.communicator.ownedTo(net.neuronCount()) - bd.communicator.ownedFrom(net.neuronCount());
        this.threads = (int) Math.max(1, Math.min(bd.threads, (long) owned / bd.minNeuronsPerThread));
        this.profile = bd.profile;
        this.vectorize = bd.vectorize;
        this.simd = bd.vectorize && bd.simd && CounterRandom.vectorApi();
        net.checkMemory(threads);
        // first, before this network's own build: the JIT's compilations of the step loops
        // that the warm-up sets off then finish while the build runs, not in the timed run
        // (started last, a long one such as update()'s still ran into the run's first 100-200
        // steps), and the sample's build warms up the build's loops too
        if (bd.warmUp != null) warmUp(bd.warmUp, bd.warmUpSteps, threads, vectorize, simd);
        this.dt = net.dt();
        this.scheme = net.scheme();
        this.netm = scheme.cutoffBeforeUpdate();
        this.pulse = net.pulseSteps();
        this.latency = netm ? 0 : 1;
        // live slots at step k: A[k − P .. k] for the running sum (only A[k] when P = 1) and
        // A[k + 1 .. k + L + maxDelay] for arrivals still to come
        this.depth = (pulse == 1 ? 1 : pulse + 1) + latency + net.maxDelay();
        int dmin = Integer.MAX_VALUE;
        for (SynapseGroup s : net.synapses()) dmin = Math.min(dmin, s.delays().min());
        this.interval = distributed && dmin != Integer.MAX_VALUE ? Math.max(1, latency + dmin) : 1;
        this.seed = net.seed();
        int nAll = net.neuronCount();
        this.lo = comm.ownedFrom(nAll);
        this.hi = comm.ownedTo(nAll);

        // groups
        List<NeuronGroup> gs = net.groups();
        groups = new G[gs.size()];
        for (int i = 0; i < groups.length; i++) {
            NeuronGroup ng = gs.get(i);
            G g = new G(ng, i, net.offset(ng), seed, scheme);
            g.from = clamp(lo - g.off, 0, g.n);
            g.to = clamp(hi - g.off, 0, g.n);
            // every worker owns a contiguous block of every group (boundaries on multiples of 16
            // neurons against false sharing), so that work and synapse-row segments stay balanced
            g.wFrom = new int[threads];
            g.wTo = new int[threads];
            for (int t = 0; t < threads; t++) {
                int x = (int) (g.from + (long) (g.to - g.from) * t / threads);
                if (t > 0) x = Math.max(g.from, x & ~15);
                g.wFrom[t] = Math.max(x, t > 0 ? g.wFrom[t - 1] : g.from);
            }
            for (int t = 0; t < threads; t++) g.wTo[t] = t + 1 < threads ? g.wFrom[t + 1] : g.to;
            groups[i] = g;
            byGroup.put(ng, g);
        }
        // inputs
        for (Input in : net.inputs()) {
            G g = byGroup.get(in.group());
            switch (in) {
                case Input.Noise n -> {
                    NoiseIn ni = new NoiseIn(n, g, net.stepsOf("noise '" + n.name() + "' period", n.periodMs()), seed);
                    setSigma(ni, resolveNonNegative(n.sigma(), g, "noise '" + n.name() + "' sigma"));
                    g.noises = append(g.noises, ni);
                    inputsByName.put(n.name(), ni);
                }
                case Input.Constant c -> {
                    ConstIn ci = new ConstIn();
                    if (c.amplitude().isConstant()) setConst(ci, c.amplitude().constantValue());
                    else setConst(ci, c.amplitude().resolve("constant '" + c.name() + "'", g.n,
                            c.amplitude().needsUniform() ? g.r(seed) : null));
                    g.constants = append(g.constants, ci);
                    inputsByName.put(c.name(), ci);
                }
                case Input.TimeCurrent tc -> {
                    g.currents = append(g.currents, tc.f());
                    inputsByName.put(tc.name(), tc);
                }
                case Input.Poisson p -> {
                    PoissonIn pi = new PoissonIn(p, seed, dt);
                    g.poissons = append(g.poissons, pi);
                    inputsByName.put(p.name(), pi);
                }
            }
        }
        for (G g : groups) {
            g.fast = vectorize && g.eq == null && g.group.model().recovery() == Recovery.STANDARD && (scheme == Scheme.EULER || scheme == Scheme.NETM);
            g.recomputeExt();
            if (scheme.usesStageCurrents() && g.currents.length > 0) {
                g.iMid = new double[g.n];
                g.iEnd = new double[g.n];
            }
            boolean receives = g.poissons.length > 0;
            for (SynapseGroup s : net.synapses()) receives |= s.post() == g.group;
            if (receives) g.ring = new double[depth][g.n];
        }

        pool = new WorkerPool(threads, "izhsim");
        // synapses, built in declaration order
        long syn = 0;
        outgoing = new Out[groups.length][0];
        try {
            Parallel buildPar = Parallel.of(pool.size(), job -> pool.run(job::accept));
            List<SynapseGroup> all = net.synapses();
            for (int si = 0; si < all.size(); si++) {
                SynapseGroup s = all.get(si);
                if (matrices.containsKey(s)) continue;
                G post = byGroup.get(s.post());
                int[] bounds = postBounds(post);
                List<SynapseGroup> joint = jointDraw(s, all.subList(si, all.size()));
                if (joint.size() > 1) {
                    Csr[] ms = Csr.buildRandom(joint, seed, post.from, post.to, buildPar);
                    for (int m = 0; m < ms.length; m++) {
                        ms[m].prepare(bounds);
                        matrices.put(joint.get(m), ms[m]);
                    }
                } else {
                    matrices.put(s, SynapseMatrix.build(s, seed, post.from, post.to, buildPar, bounds));
                }
            }
            for (SynapseGroup s : all) {
                G pre = byGroup.get(s.pre()), post = byGroup.get(s.post());
                SynapseMatrix m = matrices.get(s);
                syn += m.size();
                int[] bounds = postBounds(post);
                boolean[] active = new boolean[threads];
                for (int t = 0; t < threads; t++) active[t] = bounds[t] < bounds[t + 1];
                outgoing[pre.index] = append(outgoing[pre.index], new Out(m, post, active));
            }
        } catch (RuntimeException | Error e) {
            pool.close();
            throw e;
        }
        distinctTargets = new boolean[groups.length];
        for (int gi = 0; gi < groups.length; gi++) {
            boolean distinct = true;
            Out[] outs = outgoing[gi];
            for (int i = 0; i < outs.length; i++) for (int j = 0; j < i; j++) if (outs[i].target == outs[j].target) distinct = false;
            distinctTargets[gi] = distinct;
        }
        this.synapseCount = syn;
        workers = new Worker[threads];
        for (int t = 0; t < threads; t++) {
            int own = 0;
            for (G g : groups) own += g.wTo[t] - g.wFrom[t];
            workers[t] = new Worker(t, Math.max(1, own), groups.length);
        }
        stepSpikes = new int[Math.max(1, hi - lo)];

        // monitors
        Context ctx = new Context();
        List<Monitor.Session<?>> all = new ArrayList<>(), state = new ArrayList<>();
        for (Monitor<?> m : net.monitors()) {
            Monitor.Session<?> s = m.start(ctx);
            sessions.put(m, s);
            all.add(s);
            if (!(m instanceof SpikeMonitor) && !(m instanceof RateMonitor)) state.add(s);
        }
        sessionArray = all.toArray(new Monitor.Session<?>[0]);
        stateSessions = state.toArray(new Monitor.Session<?>[0]);
        buildSeconds = (System.nanoTime() - t0) * 1e-9;
    }

    /** Worker boundaries in the post group's local indices, clamped to this rank's posts. */
    private int[] postBounds(G post) {
        int[] bounds = new int[threads + 1];
        for (int t = 0; t < threads; t++) bounds[t] = post.wFrom[t];
        bounds[threads] = post.to;
        return bounds;
    }

    /**
     * The synapse groups (s first) that share s's partner draw and can be built in one pass:
     * same {@link Connectivity.FixedInDegreeFrom} draw, population, k and post group, CSR.
     */
    private static List<SynapseGroup> jointDraw(SynapseGroup s, List<SynapseGroup> rest) {
        if (!(s.connectivity() instanceof Connectivity.FixedInDegreeFrom f) || s.resolvedStorage() != Storage.CSR) {
            return List.of(s);
        }
        List<SynapseGroup> out = new ArrayList<>();
        for (SynapseGroup x : rest) {
            if (x.post() == s.post() && x.resolvedStorage() == Storage.CSR
                    && x.connectivity() instanceof Connectivity.FixedInDegreeFrom g
                    && g.draw().equals(f.draw()) && g.k() == f.k() && g.population().equals(f.population())) {
                boolean dupPre = false;
                for (SynapseGroup y : out) dupPre |= y.pre() == x.pre();
                if (!dupPre) out.add(x);
            }
        }
        return out;
    }

    private static int clamp(int x, int lo, int hi) {
        return Math.max(lo, Math.min(hi, x));
    }

    @SuppressWarnings("unchecked")
    private static <T> T[] append(T[] a, T x) {
        T[] b = Arrays.copyOf(a, a.length + 1);
        b[a.length] = x;
        return b;
    }

    private double[] resolveNonNegative(PerNeuron p, G g, String what) {
        if (p.isConstant()) {
            double s = p.constantValue();
            if (s < 0) throw new IllegalArgumentException(what + " must be >= 0, got " + s);
            return new double[] {s};
        }
        double[] x = p.resolve(what, g.n, p.needsUniform() ? g.r(seed) : null);
        for (int i = 0; i < x.length; i++) {
            if (x[i] < 0) throw new IllegalArgumentException(what + " of neuron " + i + " must be >= 0, got " + x[i]);
        }
        return x;
    }

    private static void setSigma(NoiseIn ni, double[] s) {
        if (s.length == 1 && ni.g.n != 1) {
            ni.sigma = s[0];
            ni.sigmaArr = null;
        } else {
            ni.sigmaArr = s;
        }
    }

    private static void setConst(ConstIn ci, double scalar) {
        ci.scalar = scalar;
        ci.array = null;
    }

    private static void setConst(ConstIn ci, double[] array) {
        ci.array = array;
        ci.scalar = 0;
    }

    // ------------------------------------------------------------------------------------------
    // public API

    public Network network() {
        return net;
    }

    /** Steps completed (the index of the next step). */
    public long step() {
        return step;
    }

    /** t = step·dt [ms] of the next step. */
    public double timeMs() {
        return step * dt;
    }

    /** Worker threads in use: the requested count, limited by {@link Builder#minNeuronsPerThread}. */
    public int threads() {
        return threads;
    }

    /** Whether the auto-vectorisable loops are in use (see {@link Builder#vectorize}). */
    public boolean vectorized() {
        return vectorize;
    }

    /** Whether the Vector API kernels are in use (see {@link Builder#simd}). */
    public boolean simd() {
        return simd;
    }

    /** Synapses built on this rank. */
    public long synapseCount() {
        return synapseCount;
    }

    /** Min-delay exchange interval in steps. */
    public int exchangeInterval() {
        return interval;
    }

    public void setProgressListener(ProgressListener listener) {
        this.progress = listener;
    }

    /** Runs for {@code durationMs} (a whole number of steps). */
    public void run(double durationMs) {
        runSteps(Checks.steps(durationMs, dt));
    }

    /** Runs {@code n} steps. */
    public void runSteps(long n) {
        if (n < 0) throw new IllegalArgumentException("steps must be >= 0");
        if (broken) throw new IllegalStateException("the simulation stopped after an error and cannot continue");
        if (n == 0) return;
        long end = step + n;
        for (Monitor.Session<?> s : sessionArray) s.reserve(step, end);
        long every = progress == null ? Long.MAX_VALUE : Math.max(1, n / 100);
        long start = step;
        while (step < end) {
            applyChanges(step);
            long to = end;
            Long next = pending.ceilingKey(step + 1);
            if (next != null) to = Math.min(to, next);
            if (every != Long.MAX_VALUE) to = Math.min(to, step + every);
            runChunk(step, to);
            if (progress != null) progress.progress((double) (step - start) / n, spikesTotal);
        }
    }

    /**
     * Runs {@code durationMs} in {@code blocks} nearly equal blocks and times each (SORNSim's
     * measure_block_time); the spikes equal one {@link #run} of the same duration.
     */
    public List<BlockTiming> runBlocks(double durationMs, int blocks) {
        if (blocks < 1) throw new IllegalArgumentException("blocks must be >= 1");
        long n = Checks.steps(durationMs, dt);
        List<BlockTiming> out = new ArrayList<>();
        long done = 0;
        for (int b = 0; b < blocks; b++) {
            long len = n * (b + 1) / blocks - done;
            long s0 = spikesTotal, e0 = events();
            long t0 = System.nanoTime();
            runSteps(len);
            out.add(new BlockTiming(b, len, (System.nanoTime() - t0) * 1e-9, spikesTotal - s0, events() - e0));
            done += len;
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * Queues a parameter change to take effect from step {@code atStep} (≥ the next step): it is
     * validated and copied now, committed between steps atStep − 1 and atStep, and logged.
     */
    public void schedule(long atStep, ParameterChange change) {
        Objects.requireNonNull(change);
        if (atStep < step) throw new IllegalArgumentException("step " + atStep + " has already been simulated (next step is " + step + ")");
        Object payload = validate(change);
        pending.computeIfAbsent(atStep, k -> new ArrayList<>()).add(new Pending(change, payload));
    }

    /** Queues a change for t = timeMs (a whole number of steps). */
    public void scheduleAt(double timeMs, ParameterChange change) {
        long k = Checks.wholeSteps(timeMs, dt);
        if (k == Long.MIN_VALUE) throw new IllegalArgumentException(timeMs + " ms is not a whole number of steps");
        schedule(k, change);
    }

    /** Queues a change for the next step. */
    public void change(ParameterChange change) {
        schedule(step, change);
    }

    /** Every committed change, in order. */
    public List<AppliedChange> changeLog() {
        return List.copyOf(log);
    }

    /** The recording of a monitor of this network so far (immutable). */
    @SuppressWarnings("unchecked")
    public <R extends Recording> R recording(Monitor<R> monitor) {
        Monitor.Session<?> s = sessions.get(monitor);
        if (s == null) throw new IllegalArgumentException("monitor '" + monitor.name() + "' is not part of this network");
        return (R) s.finish();
    }

    /** A copy of the group's membrane potentials [mV]. */
    public double[] v(NeuronGroup g) {
        return state(g).v.clone();
    }

    /** A copy of the group's recovery variables. */
    public double[] u(NeuronGroup g) {
        return state(g).u.clone();
    }

    /** A copy of the group's parameter a (b, c, d likewise). */
    public double[] a(NeuronGroup g) {
        return state(g).a.clone();
    }

    public double[] b(NeuronGroup g) {
        return state(g).b.clone();
    }

    public double[] c(NeuronGroup g) {
        return state(g).c.clone();
    }

    public double[] d(NeuronGroup g) {
        return state(g).d.clone();
    }

    /** A read-only view of a built synapse group. */
    public SynapseView synapses(SynapseGroup s) {
        SynapseMatrix m = matrices.get(s);
        if (m == null) throw new IllegalArgumentException("synapse group '" + s.name() + "' is not part of this network");
        return new SynapseView(m);
    }

    /** Costs so far. */
    public TimingReport timing() {
        return new TimingReport(buildSeconds, runNanos * 1e-9, stepsRun, hi - lo, synapseCount, spikesTotal, events(), threads);
    }

    private long events() {
        long e = 0;
        for (Worker w : workers) e += w.events;
        return e;
    }

    private G state(NeuronGroup g) {
        G s = byGroup.get(g);
        if (s == null) throw new IllegalArgumentException("group '" + g.name() + "' is not part of this network");
        return s;
    }

    @Override
    public void close() {
        pool.close();
    }

    // ------------------------------------------------------------------------------------------
    // parameter changes

    private Object validate(ParameterChange change) {
        Input in = net.input(change.input());
        G g = byGroup.get(in.group());
        String who = change.describe();
        return switch (change) {
            case ParameterChange.NoiseSigma ns -> {
                if (!(in instanceof Input.Noise)) throw new IllegalArgumentException(who + ": '" + in.name() + "' is not a noise input");
                yield resolveNonNegative(ns.sigma(), g, who).clone();
            }
            case ParameterChange.ConstantCurrent cc -> {
                if (!(in instanceof Input.Constant)) throw new IllegalArgumentException(who + ": '" + in.name() + "' is not a constant input");
                yield cc.amplitude().isConstant() ? (Object) cc.amplitude().constantValue()
                        : cc.amplitude().resolve(who, g.n, cc.amplitude().needsUniform() ? g.r(seed) : null);
            }
            case ParameterChange.PoissonRate pr -> {
                if (!(in instanceof Input.Poisson po)) throw new IllegalArgumentException(who + ": '" + in.name() + "' is not a Poisson input");
                meanEvents(po, pr.rateHz(), dt); // refused now rather than when it is applied, mid-run
                yield pr.rateHz();
            }
        };
    }

    private void applyChanges(long k) {
        List<Pending> due = pending.remove(k);
        if (due == null) return;
        for (Pending p : due) {
            Object target = inputsByName.get(p.change().input());
            switch (p.change()) {
                case ParameterChange.NoiseSigma ns -> setSigma((NoiseIn) target, (double[]) p.payload());
                case ParameterChange.ConstantCurrent cc -> {
                    ConstIn ci = (ConstIn) target;
                    if (p.payload() instanceof Double x) setConst(ci, x);
                    else setConst(ci, (double[]) p.payload());
                    for (G g : groups) g.recomputeExt();
                }
                case ParameterChange.PoissonRate pr -> ((PoissonIn) target).setRate(pr.rateHz(), dt);
            }
            log.add(new AppliedChange(k, k * dt, p.change().describe()));
        }
    }

    // ------------------------------------------------------------------------------------------
    // the step loop

    private void runChunk(long from, long to) {
        chunkFrom = from;
        chunkTo = to;
        curStep = from;
        stop = false;
        failure = null;
        long t0 = System.nanoTime();
        try {
            pool.run(chunkJob);
        } finally {
            runNanos += System.nanoTime() - t0;
        }
        long done = curStep - from; // steps whose serial action ran
        if (failure != null) {
            broken = true;
            step = from + done;
            stepsRun += done;
            Throwable f = failure;
            if (f instanceof RuntimeException re) throw re;
            if (f instanceof Error e) throw e;
            throw new RuntimeException(f);
        }
        step = to;
        stepsRun += to - from;
    }

    private void chunk(int w) {
        if (profile) {
            chunkProfiled(w);
            return;
        }
        Worker wk = workers[w];
        for (long k = chunkFrom; k < chunkTo; k++) {
            try {
                wk.count = 0;
                if (netm) detect(wk, k);
                else update(wk, k);
            } catch (Throwable t) {
                fail(t);
            }
            pool.await(w, serialAction);
            if (stop) break;
            try {
                propagate(wk, k);
                if (netm) update(wk, k);
            } catch (Throwable t) {
                fail(t);
            }
        }
        pool.await(w, finalAction);
    }

    /** {@link #chunk} with per-phase wall-clock accounting (see {@link Builder#profile}). */
    private void chunkProfiled(int w) {
        Worker wk = workers[w];
        long[] ph = wk.phaseNanos;
        for (long k = chunkFrom; k < chunkTo; k++) {
            long t0 = System.nanoTime();
            try {
                wk.count = 0;
                if (netm) detect(wk, k);
                else update(wk, k);
            } catch (Throwable t) {
                fail(t);
            }
            long t1 = System.nanoTime();
            ph[netm ? 3 : 0] += t1 - t0;
            pool.await(w, serialAction);
            long t2 = System.nanoTime();
            ph[2] += t2 - t1;
            if (stop) break;
            try {
                propagate(wk, k);
                long t3 = System.nanoTime();
                ph[1] += t3 - t2;
                if (netm) update(wk, k);
                ph[0] += System.nanoTime() - t3;
            } catch (Throwable t) {
                fail(t);
            }
        }
        pool.await(w, finalAction);
    }

    /**
     * With {@link Builder#profile(boolean)}: seconds each worker spent so far in
     * update (noise, deliver, integrate), propagate, barrier (waiting, incl. the serial part)
     * and cut-off (netm); one row per worker.
     */
    public double[][] phaseSeconds() {
        double[][] out = new double[workers.length][4];
        for (int w = 0; w < workers.length; w++) for (int i = 0; i < 4; i++) out[w][i] = workers[w].phaseNanos[i] * 1e-9;
        return out;
    }

    private void fail(Throwable t) {
        synchronized (this) {
            if (failure == null) failure = t;
        }
    }

    /** Phase 1 (netm): the start-of-step cut-off. */
    private void detect(Worker wk, long k) {
        SpikeList tmp = wk.tmp;
        for (G g : groups) {
            int from = g.wFrom[wk.id], to = g.wTo[wk.id];
            if (from >= to) {
                wk.groupEnd[g.index] = wk.count;
                continue;
            }
            if (g.fast) {
                for (int b = from; b < to; b += BLOCK) {
                    int n = StandardKernels.detect(b, Math.min(to, b + BLOCK), g.group.model().vPeak(), g.v, g.u, g.c, g.d, wk.local, 0);
                    collectLocal(wk, n, g.off);
                }
            } else {
                tmp.clear();
                if (g.eq != null) g.eq.detectAndReset(from, to, k, tmp);
                else g.kernel.detectAndReset(from, to, tmp);
                collect(wk, tmp, g.off);
            }
            wk.groupEnd[g.index] = wk.count;
        }
    }

    private static void collectLocal(Worker wk, int n, int off) {
        int[] src = wk.local, dst = wk.spikes;
        int c = wk.count;
        for (int i = 0; i < n; i++) dst[c + i] = src[i] + off;
        wk.count = c + n;
    }

    private static void collect(Worker wk, SpikeList tmp, int off) {
        int n = tmp.size();
        if (n == 0) return;
        int[] src = tmp.array(), dst = wk.spikes;
        int c = wk.count;
        for (int i = 0; i < n; i++) dst[c + i] = src[i] + off;
        wk.count = c + n;
    }

    /** Wall-time limit of the warm-up of {@link Builder#warmUp}. */
    private static final long WARM_UP_LIMIT_NS = 1_000_000_000L;
    /** The warm-up goes on past its steps until the JIT has been idle this long. */
    private static final long WARM_UP_QUIET_NS = 50_000_000L;

    /**
     * Runs {@code sample} for at least {@code steps} steps and then on, until the JIT has
     * compiled nothing for {@link #WARM_UP_QUIET_NS} (its compilations run in the background
     * and, on few cores, would otherwise compete with the timed run), but never beyond
     * 10 × {@code steps} steps or {@link #WARM_UP_LIMIT_NS}: a busy machine makes each step
     * slow, as the barrier then waits for a core.
     */
    private static void warmUp(Network sample, long steps, int threads, boolean vectorize, boolean simd) {
        try (Simulation w = builder(sample).threads(threads).minNeuronsPerThread(1).vectorize(vectorize).simd(simd).build()) {
            CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
            boolean timed = jit != null && jit.isCompilationTimeMonitoringSupported();
            long start = System.nanoTime(), deadline = start + WARM_UP_LIMIT_NS;
            long jitMs = timed ? jit.getTotalCompilationTime() : 0, quietFrom = start;
            long done = 0, most = timed ? 10 * steps : steps;
            while (done < most && System.nanoTime() < deadline) {
                long chunk = Math.min(25, most - done);
                w.runSteps(chunk);
                done += chunk;
                if (done < steps || !timed) continue; // without a compilation timer: just the steps
                long now = System.nanoTime(), ms = jit.getTotalCompilationTime();
                if (ms != jitMs) {
                    jitMs = ms;
                    quietFrom = now;
                } else if (now - quietFrom >= WARM_UP_QUIET_NS) {
                    break;
                }
            }
        }
    }

    /** Neurons per cache block of {@link #update}: the block's arrays stay in L1 across the sub-phases. */
    private static final int BLOCK = 256;

    /**
     * Phases 0, 3 and 4 for the worker's neurons, block by block (so that each state array is
     * read from memory once per step): noise, Poisson arrivals into A[k], deliver, integrate;
     * then the state monitors. Values depend only on (step, neuron), not on the blocking.
     */
    private void update(Worker wk, long k) {
        final SpikeList tmp = wk.tmp;
        final double t = k * dt;
        final double[] nb = wk.noise;
        for (G g : groups) {
            final int from = g.wFrom[wk.id], to = g.wTo[wk.id];
            if (from >= to) {
                if (!netm) wk.groupEnd[g.index] = wk.count;
                continue;
            }
            double ext = g.extScalar;
            for (DoubleUnaryOperator f : g.currents) ext += f.applyAsDouble(t);
            double eMid = 0, eEnd = 0;
            if (g.iMid != null) {
                eMid = g.extScalar;
                eEnd = g.extScalar;
                for (DoubleUnaryOperator f : g.currents) {
                    eMid += f.applyAsDouble(t + 0.5 * dt);
                    eEnd += f.applyAsDouble((k + 1) * dt);
                }
            }
            final double[][] ring = g.ring;
            final double[] now = ring == null ? null : ring[(int) (k % depth)];
            final double[] old = ring == null || pulse == 1 ? null : ring[(int) Math.floorMod(k - pulse, (long) depth)];
            final double[] cur = g.current, syn = g.syn, extA = g.extArray;
            for (int b = from; b < to; b += BLOCK) {
                final int e = Math.min(to, b + BLOCK);
                // phase 0: noise of this block (noise(i) = na[i - noff]) and Poisson arrivals
                double[] na = null;
                int noff = 0;
                NoiseIn[] noises = g.noises;
                for (int q = 0; q < noises.length; q++) {
                    NoiseIn ni = noises[q];
                    double[] target;
                    int toff;
                    if (ni.period == 1) {
                        // the first noise goes straight into the current array (overwritten
                        // by the deliver below, which reads it first), so that the deliver
                        // indexes all its arrays alike; RK4's stage currents read it afterwards
                        boolean inPlace = q == 0 && g.iMid == null;
                        target = inPlace ? cur : q == 0 ? nb : wk.noise2;
                        toff = inPlace ? 0 : b;
                        drawNoise(wk, ni, k, b, e, target, toff);
                    } else {
                        if (k % ni.period == 0) drawNoise(wk, ni, k / ni.period, b, e, ni.held, 0);
                        target = ni.held;
                        toff = 0;
                    }
                    if (q == 0) {
                        na = target;
                        noff = toff;
                    } else {
                        if (na != nb) {
                            copyNoise(na, noff, nb, b, e);
                            na = nb;
                            noff = b;
                        }
                        addNoise(target, toff, nb, b, e);
                    }
                }
                for (PoissonIn pi : g.poissons) poissonArrivals(pi, k, b, e, now);
                // phase 3: deliver
                final boolean pulse1 = now != null && old == null && na != null && extA == null && g.iMid == null;
                final boolean fused = pulse1 && g.fast && !netm;
                if (fused) {
                    // done by StandardKernels.eulerDeliver below
                } else if (pulse1) {
                    // P = 1: I_syn = (I_syn − A[k−1]) + A[k] = A[k] exactly
                    if (na == cur) StandardKernels.deliverPulse1InPlace(b, e, now, ext, cur);
                    else deliverPulse1(now, cur, na, noff, ext, b, e);
                } else {
                    deliverGeneral(now, old, syn, cur, na, noff, ext, extA, b, e);
                }
                double[] iMid = cur, iEnd = cur;
                if (g.iMid != null) {
                    iMid = g.iMid;
                    iEnd = g.iEnd;
                    stageCurrents(iMid, iEnd, na, noff, extA, now == null ? null : syn, eMid, eEnd, b, e);
                }
                // phase 4: integrate (and, except for netm, cut-off and reset)
                if (g.fast) {
                    IzhikevichModel md = g.group.model();
                    if (netm) {
                        if (simd) VectorKernels.netm(b, e, dt, md.k2(), md.k1(), md.k0(), g.v, g.u, g.a, g.b, cur, wk.nonFinite);
                        else StandardKernels.netm(b, e, dt, md.k2(), md.k1(), md.k0(), g.v, g.u, g.a, g.b, cur, wk.nonFinite);
                    } else if (fused && na == cur && !simd) {
                        boolean uniform = !Double.isNaN(g.aUniform);
                        int n = StandardKernels.eulerDeliverInPlace(b, e, dt, md.k2(), md.k1(), md.k0(), md.vPeak(), g.v, g.u,
                                uniform ? null : g.a, uniform ? null : g.b, g.aUniform, g.bUniform, g.c, g.d, now, ext, cur,
                                wk.local, 0, wk.nonFinite);
                        collectLocal(wk, n, g.off);
                    } else if (fused) {
                        int n = simd
                                ? VectorKernels.eulerDeliver(b, e, dt, md.k2(), md.k1(), md.k0(), md.vPeak(), g.v, g.u, g.a, g.b,
                                        g.c, g.d, now, na, noff, ext, cur, wk.local, 0, wk.nonFinite)
                                : StandardKernels.eulerDeliver(b, e, dt, md.k2(), md.k1(), md.k0(), md.vPeak(), g.v, g.u, g.a, g.b,
                                        g.c, g.d, now, na, noff, ext, cur, wk.local, 0, wk.nonFinite);
                        collectLocal(wk, n, g.off);
                    } else {
                        int n = StandardKernels.euler(b, e, dt, md.k2(), md.k1(), md.k0(), md.vPeak(), g.v, g.u, g.a, g.b,
                                g.c, g.d, cur, wk.local, 0, wk.nonFinite);
                        collectLocal(wk, n, g.off);
                    }
                    if (wk.nonFinite[0] >= 0) {
                        g.nonFinite(wk.nonFinite[0]);
                        wk.nonFinite[0] = -1;
                    }
                } else {
                    tmp.clear();
                    if (g.eq != null) g.eq.step(b, e, k, dt, cur, iMid, iEnd, tmp);
                    else g.kernel.step(b, e, dt, cur, iMid, iEnd, tmp);
                    if (!netm) collect(wk, tmp, g.off);
                }
            }
            if (!netm) wk.groupEnd[g.index] = wk.count;
        }
        if (stateSessions.length > 0) {
            for (Monitor.Session<?> s : stateSessions) {
                if (!s.wantsState(k)) continue;
                for (G g : groups) {
                    int from = g.wFrom[wk.id], to = g.wTo[wk.id];
                    if (from < to) s.observeState(k, g.off + from, g.off + to);
                }
            }
        }
    }

    // The loops of update() live in small methods of their own: the JIT then compiles each
    // soon and quickly, instead of one long compilation of update() that would hold up the
    // others during a short run.

    private static void copyNoise(double[] na, int noff, double[] nb, int b, int e) {
        for (int i = b; i < e; i++) nb[i - b] = na[i - noff];
    }

    private static void addNoise(double[] target, int toff, double[] nb, int b, int e) {
        for (int i = b; i < e; i++) nb[i - b] += target[i - toff];
    }

    private static void poissonArrivals(PoissonIn pi, long k, int b, int e, double[] now) {
        long key = CounterRandom.key(pi.streamKey, k);
        double p0 = pi.cdf[0];
        double w = pi.weight;
        for (int i = b; i < e; i++) {
            double uu = CounterRandom.uniform(key, i);
            if (uu >= p0) now[i] += pi.count(uu) * w;
        }
    }

    /** Deliver for P = 1 with noise, no array input, no stage currents: I = (noise + ext) + A[k]; A[k] ← 0. */
    private static void deliverPulse1(double[] now, double[] cur, double[] na, int noff, double ext, int b, int e) {
        for (int i = b; i < e; i++) {
            double sy = now[i];
            now[i] = 0.0;
            cur[i] = (na[i - noff] + ext) + sy;
        }
    }

    private static void deliverGeneral(double[] now, double[] old, double[] syn, double[] cur, double[] na, int noff,
                                       double ext, double[] extA, int b, int e) {
        for (int i = b; i < e; i++) {
            double sy = 0.0;
            if (now != null) {
                if (old == null) {
                    sy = now[i];
                    now[i] = 0.0;
                } else {
                    sy = (syn[i] - old[i]) + now[i];
                    old[i] = 0.0;
                }
                syn[i] = sy;
            }
            double base = (na == null ? 0.0 : na[i - noff]) + ext;
            if (extA != null) base += extA[i];
            cur[i] = now == null ? base : base + sy;
        }
    }

    /** RK4's currents at t + dt/2 and t + dt; {@code syn} is null without synaptic input. */
    private static void stageCurrents(double[] iMid, double[] iEnd, double[] na, int noff, double[] extA, double[] syn,
                                      double eMid, double eEnd, int b, int e) {
        for (int i = b; i < e; i++) {
            double base = na == null ? 0.0 : na[i - noff];
            double arr = extA != null ? extA[i] : 0.0;
            double sy = syn == null ? 0.0 : syn[i];
            iMid[i] = ((base + eMid) + arr) + sy;
            iEnd[i] = ((base + eEnd) + arr) + sy;
        }
    }

    /** σ_i·N(0,1) of draw m for neurons [b, e) into out[i − off]. */
    private void drawNoise(Worker wk, NoiseIn ni, long m, int b, int e, double[] out, int off) {
        long key = CounterRandom.key(ni.streamKey, m);
        if (simd) CounterRandom.gaussiansSimd(key, b, e, ni.sigma, ni.sigmaArr, out, off, wk.rejected);
        else CounterRandom.gaussians(key, b, e, ni.sigma, ni.sigmaArr, out, off, wk.rejected);
    }

    /** Phase 2 / 5: the spikes to propagate land in A[s + L + d] of the worker's posts. */
    private void propagate(Worker wk, long k) {
        if (!distributed) {
            propagateStep(wk, k, stepSpikes, 0, stepCount);
            return;
        }
        int n = globalCount;
        int i = 0;
        SpikeBuffer buf = globalBuf;
        while (i < n) {
            long s = buf.step(i);
            int j = i;
            while (j < n && buf.step(j) == s) j++;
            propagateStep(wk, s, buf.neuronArray(), i, j);
            i = j;
        }
    }

    private void propagateStep(Worker wk, long s, int[] neurons, int from, int to) {
        // no early return for a step without spikes: a warm-up whose every step had spikes
        // would leave that branch uncompiled, and the first silent step of the run would
        // then throw the compiled method away (the loop below simply does nothing)
        final int slot0 = (int) ((s + latency) % depth);
        final int w = wk.id;
        long events = 0;
        int gi = 0;
        int idx = from;
        while (idx < to) {
            // the spikes [idx, end) of one pre group (spikes are in ascending global order)
            while (neurons[idx] >= groups[gi].off + groups[gi].n) gi++;
            final G g = groups[gi];
            final int limit = g.off + g.n;
            int end = idx + 1;
            while (end < to && neurons[end] < limit) end++;
            final Out[] outs = outgoing[gi];
            if (distinctTargets[gi]) {
                // every post group gets at most one matrix from this pre group: matrix by matrix
                // adds the same values to each post in the same (ascending source) order
                for (Out o : outs) {
                    if (o.active[w]) events += o.m.deliverBatch(neurons, idx, end, g.off, w, o.target.ring, slot0, wk.batchFrom, wk.batchTo);
                }
            } else {
                for (int i = idx; i < end; i++) {
                    int pre = neurons[i] - g.off;
                    for (Out o : outs) {
                        if (o.active[w]) events += o.m.deliver(pre, w, o.target.ring, slot0);
                    }
                }
            }
            idx = end;
        }
        wk.events += events;
    }

    /** The serial part of step curStep: merge spikes, check finiteness, record, exchange. */
    private void serialStep() {
        long k = curStep;
        try {
            // merge: group by group, worker by worker (each worker's block of a group precedes
            // the next worker's), which is ascending global neuron order
            int c = 0;
            for (int gi = 0; gi < groups.length; gi++) {
                for (Worker w : workers) {
                    int from = gi == 0 ? 0 : w.groupEnd[gi - 1], n = w.groupEnd[gi] - from;
                    System.arraycopy(w.spikes, from, stepSpikes, c, n);
                    c += n;
                }
            }
            stepCount = c;
            spikesTotal += c;
            checkFinite(netm ? k - 1 : k);
            if (failure == null) {
                for (Monitor.Session<?> s : sessionArray) s.observeSpikes(k, stepSpikes, c);
                if (distributed) {
                    localBuf.addAll(k, stepSpikes, c);
                    if ((k + 1) % interval == 0) {
                        comm.exchange(localBuf, globalBuf);
                        localBuf.clear();
                        globalCount = globalBuf.size();
                    } else {
                        globalCount = 0;
                    }
                }
            }
        } catch (Throwable t) {
            fail(t);
        }
        curStep = k + 1;
        if (failure != null) stop = true;
    }

    private void finalCheck() {
        try {
            if (!stop) checkFinite(curStep - 1);
        } catch (Throwable t) {
            fail(t);
        }
    }

    private void checkFinite(long integratedStep) {
        if (integratedStep < 0) return;
        for (G g : groups) {
            int bad = g.firstNonFinite();
            if (bad >= 0) {
                fail(new NumericalBlowUpException("group '" + g.group.name() + "'", integratedStep, integratedStep * dt, bad));
                return;
            }
        }
    }

    // ------------------------------------------------------------------------------------------

    /** What monitors see. */
    private final class Context implements MonitorContext {
        @Override
        public Network network() {
            return net;
        }

        @Override
        public double dt() {
            return dt;
        }

        @Override
        public int offset(NeuronGroup group) {
            return net.offset(group);
        }

        @Override
        public int ownedFrom() {
            return lo;
        }

        @Override
        public int ownedTo() {
            return hi;
        }

        @Override
        public double[] v(NeuronGroup group) {
            return state(group).v;
        }

        @Override
        public double[] u(NeuronGroup group) {
            return state(group).u;
        }

        @Override
        public double[] current(NeuronGroup group) {
            return state(group).current;
        }

        @Override
        public long stepsDone() {
            return step;
        }
    }
}
