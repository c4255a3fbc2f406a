package org.izhsim.network.engine;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.izhsim.integrate.Scheme;
import org.izhsim.model.Recovery;
import org.izhsim.network.AppliedChange;
import org.izhsim.network.Communicator;
import org.izhsim.network.Monitor;
import org.izhsim.network.MonitorContext;
import org.izhsim.network.Network;
import org.izhsim.network.NeuronGroup;
import org.izhsim.network.ParameterChange;
import org.izhsim.network.ProgressListener;
import org.izhsim.network.RateMonitor;
import org.izhsim.network.SpikeMonitor;
import org.izhsim.network.SynapseGroup;
import org.izhsim.synapse.SynapseMatrix;
import org.izhsim.random.CounterRandom;

/**
 * The built engine of one {@code Simulation}: group state, inputs, synapses, workers, monitors
 * and the step loop. Its constructor is the build (timed by the caller); {@link #runSteps} the
 * run. Not thread-safe: one thread drives it.
 */
public final class Engine implements AutoCloseable {
    private final Network net;
    private final double dt;
    private final boolean netm;
    private final int pulse, depth, latency, interval;
    private final long seed;
    private final int lo, hi, threads;
    private final boolean vectorize, simd;
    private final WorkerPool pool;
    private final GroupState[] groups;
    private final Map<NeuronGroup, GroupState> byGroup = new IdentityHashMap<>();
    private final InputState inputs;
    private final ChangeQueue changes;
    private final Wiring wiring;
    private final Worker[] workers;
    private final Map<Monitor<?>, Monitor.Session<?>> sessions = new IdentityHashMap<>();
    private final Monitor.Session<?>[] sessionArray;
    private final StepLoop loop;
    private final Propagation propagation;
    /** The plastic synapse groups' rules, or null in a network without any. */
    private final Learning learning;
    /** The groups' behaviours, or null in a network without any. */
    private final Behaviours behaviours;
    /** {@link #warmUpAcrossRanks}'s work, or null (no warm-up sample, or one rank). */
    private final Runnable rehearsal;

    /**
     * Builds {@code net} for this rank of {@code comm} on at most {@code threads} workers; first
     * runs the JIT warm-up on {@code warmUp} for {@code warmUpSteps} steps if it is not null.
     */
    public Engine(Network net, int threads, Communicator comm, EngineOptions options, Network warmUp, long warmUpSteps) {
        this.net = net;
        int owned = comm.ownedTo(net.neuronCount()) - comm.ownedFrom(net.neuronCount());
        this.threads = (int) Math.max(1, Math.min(threads, (long) owned / options.minNeuronsPerThread()));
        this.vectorize = options.vectorize();
        this.simd = options.vectorize() && options.simd() && CounterRandom.vectorApi();
        net.checkMemory(this.threads, 0, "", comm.rank(), comm.size());
        this.lo = comm.ownedFrom(net.neuronCount());
        this.hi = comm.ownedTo(net.neuronCount());
        boolean narrowPosts = options.narrowPosts() && Wiring.narrowPostsFit(net, lo, hi);
        EngineOptions resolved = options.withSimd(simd).withNarrowPosts(narrowPosts);
        // first, before this network's own build: the JIT's compilations of the step loops
        // that the warm-up sets off then finish while the build runs, not in the timed run
        // (started last, a long one such as update()'s still ran into the run's first 100-200
        // steps), and the sample's build warms up the build's loops too
        if (warmUp != null) JitWarmUp.run(warmUp, warmUpSteps, this.threads, comm, resolved);
        this.rehearsal = warmUp == null || comm.size() < 2 ? null
                : () -> JitWarmUp.acrossRanks(warmUp, this.threads, comm, resolved);
        this.dt = net.dt();
        Scheme scheme = net.scheme();
        this.netm = scheme.cutoffBeforeUpdate();
        this.pulse = net.pulseSteps();
        this.latency = netm ? 0 : 1;
        // live slots at step k: A[k − P .. k] for the running sum (only A[k] when P = 1) and
        // A[k + 1 .. k + L + maxDelay] for arrivals still to come. Plastic groups deliver at
        // arrival, into A[k + L] (Learning), so only static delays count: a ring as deep as the
        // largest plastic delay would leave each step's slot cold in the cache (BENCHMARKS.md §8)
        int staticDelay = 0, dmin = Integer.MAX_VALUE;
        for (SynapseGroup s : net.synapses()) {
            if (s.plasticity() == null) staticDelay = Math.max(staticDelay, s.delays().max());
            dmin = Math.min(dmin, s.delays().min());
        }
        this.depth = (pulse == 1 ? 1 : pulse + 1) + latency + staticDelay;
        this.interval = comm.size() > 1 && dmin != Integer.MAX_VALUE ? Math.max(1, latency + dmin) : 1;
        this.seed = net.seed();

        List<NeuronGroup> gs = net.groups();
        boolean withBehaviours = false;
        for (NeuronGroup ng : gs) withBehaviours |= !ng.behaviours().isEmpty();
        groups = new GroupState[gs.size()];
        for (int i = 0; i < groups.length; i++) {
            NeuronGroup ng = gs.get(i);
            GroupState g = new GroupState(ng, i, net.offset(ng), seed, scheme, net.grid(), withBehaviours);
            Partition.assign(g, lo, hi, this.threads);
            groups[i] = g;
            byGroup.put(ng, g);
        }
        inputs = new InputState(net, byGroup, seed, dt);
        changes = new ChangeQueue(net, byGroup, groups, inputs);
        for (GroupState g : groups) {
            g.fast = vectorize && !g.custom() && g.group.source() == null && g.group.equations() == null && g.group.model2007() == null
                    && g.group.model().recovery() == Recovery.STANDARD && (scheme == Scheme.EULER || scheme == Scheme.NETM);
            g.recomputeExt();
            if (scheme.usesStageCurrents() && g.currents.length > 0) {
                g.iMid = new double[g.n];
                g.iEnd = new double[g.n];
            }
            boolean receives = g.poissons.length > 0;
            for (SynapseGroup s : net.synapses()) receives |= s.post() == g.group && s.targetsCurrent();
            if (receives && !g.custom()) g.ring = new double[depth][g.n];
        }
        Jumps.attach(net, byGroup, depth);
        behaviours = withBehaviours ? new Behaviours(net, groups) : null;

        pool = new WorkerPool(this.threads, "izhsim");
        try {
            wiring = new Wiring(net.synapses(), behaviours == null ? net.synapses() : behaviours.described(net.synapses()),
                    byGroup, groups, seed, this.threads, pool, narrowPosts);
        } catch (RuntimeException | Error e) {
            pool.close();
            throw e;
        }
        if (behaviours != null) behaviours.built(wiring);
        try {
            learning = Learning.of(wiring, byGroup, this.threads, pool.parallel(), comm.size(), interval,
                    latency, depth, dt);
        } catch (RuntimeException | Error e) {
            pool.close();
            throw e;
        }
        workers = new Worker[this.threads];
        for (int t = 0; t < this.threads; t++) {
            int own = 0;
            for (GroupState g : groups) own += g.wTo[t] - g.wFrom[t];
            workers[t] = new Worker(t, Math.max(1, own), groups.length);
        }
        propagation = new Propagation(groups, wiring, latency, depth, interval, comm, hi - lo);

        MonitorContext ctx = new EngineContext(this);
        List<Monitor.Session<?>> all = new ArrayList<>(), state = new ArrayList<>();
        for (Monitor<?> m : net.monitors()) {
            Monitor.Session<?> s = m.start(ctx);
            sessions.put(m, s);
            all.add(s);
            if (!(m instanceof SpikeMonitor) && !(m instanceof RateMonitor)) state.add(s);
        }
        sessionArray = all.toArray(new Monitor.Session<?>[0]);
        GroupUpdate update = new GroupUpdate(groups, net.grid(), netm, simd, pulse, depth, state.toArray(new Monitor.Session<?>[0]));
        loop = new StepLoop(pool, workers, groups, update, propagation, learning, behaviours, sessionArray, netm, net.grid(), options.profile());
    }

    public Network network() { return net; }

    /** Steps completed (the index of the next step). */
    public long step() { return loop.step; }

    public int threads() { return threads; }

    public boolean vectorized() { return vectorize; }

    public boolean simd() { return simd; }

    public long synapseCount() { return wiring.synapseCount; }

    public int exchangeInterval() { return interval; }

    /** This rank's global neuron range [ownedFrom, ownedTo). */
    public int ownedFrom() { return lo; }

    public int ownedTo() { return hi; }

    public long spikesTotal() { return loop.spikesTotal; }

    public long stepsRun() { return loop.stepsRun; }

    public double runSeconds() { return loop.runNanos * 1e-9; }

    public long events() {
        long e = 0;
        for (Worker w : workers) e += w.events;
        return e;
    }

    /**
     * Collective, with several ranks: {@link JitWarmUp#acrossRanks}, after every rank's build.
     * Changes nothing of this engine; without a warm-up sample or with one rank it does nothing.
     */
    public void warmUpAcrossRanks() {
        if (rehearsal != null) rehearsal.run();
    }

    /**
     * Runs {@code n} steps: changes due are committed before each step, the steps between two
     * changes run as one chunk on the workers; {@code progress} (or null) hears after every
     * hundredth.
     */
    public void runSteps(long n, ProgressListener progress) {
        if (n < 0) throw new IllegalArgumentException("steps must be >= 0");
        if (loop.broken) throw new IllegalStateException("the simulation stopped after an error and cannot continue");
        if (n == 0) return;
        long end = loop.step + n;
        for (Monitor.Session<?> s : sessionArray) s.reserve(loop.step, end);
        long every = progress == null ? Long.MAX_VALUE : Math.max(1, n / 100);
        long start = loop.step;
        while (loop.step < end) {
            changes.apply(loop.step);
            long to = end;
            Long next = changes.nextAfter(loop.step);
            if (next != null) to = Math.min(to, next);
            if (every != Long.MAX_VALUE) to = Math.min(to, loop.step + every);
            loop.runChunk(loop.step, to);
            if (progress != null) progress.progress((double) (loop.step - start) / n, loop.spikesTotal);
        }
    }

    /** Queues a change for step {@code atStep} (validated and copied now). */
    public void schedule(long atStep, ParameterChange change) {
        if (atStep < loop.step) {
            throw new IllegalArgumentException("step " + atStep + " has already been simulated (next step is " + loop.step + ")");
        }
        changes.schedule(atStep, change);
    }

    public List<AppliedChange> changeLog() { return List.copyOf(changes.log); }

    /** The live session of a monitor of this network, or null. */
    public Monitor.Session<?> session(Monitor<?> monitor) {
        return sessions.get(monitor);
    }

    /** The live vector {@code name} of a group (v, u, I, a parameter, an equation model's own variable ...). */
    public double[] vector(NeuronGroup g, String name) {
        return state(g).vector(name);
    }

    /** The names of a group's vectors, in a fixed order. */
    public List<String> vectorNames(NeuronGroup g) {
        return List.copyOf(state(g).vectors().keySet());
    }

    /** The built matrix of a synapse group, or null. */
    public SynapseMatrix matrix(SynapseGroup s) {
        return wiring.matrices.get(s);
    }

    /** With profiling: seconds per worker in update, propagate, barrier and cut-off. */
    public double[][] phaseSeconds() {
        double[][] out = new double[workers.length][4];
        for (int w = 0; w < workers.length; w++) for (int i = 0; i < 4; i++) out[w][i] = workers[w].phaseNanos[i] * 1e-9;
        return out;
    }

    /**
     * A copy of everything the rest of the run depends on (between steps; see
     * {@link EngineState}).
     *
     * @throws IllegalStateException after a failed step
     */
    public EngineState state() {
        if (loop.broken) throw new IllegalStateException("the simulation stopped after an error; its state is not a valid one");
        return Checkpoint.capture(this);
    }

    /**
     * Puts a state captured from an engine of the same network back, before this engine has run:
     * its next step is then the state's.
     */
    public void restore(EngineState s) {
        if (loop.step != 0 || loop.stepsRun != 0) throw new IllegalStateException("restore a state before the first step");
        Checkpoint.restore(this, s);
        loop.step = s.step();
    }

    GroupState[] groups() { return groups; }

    InputState inputs() { return inputs; }

    ChangeQueue changes() { return changes; }

    Propagation propagation() { return propagation; }

    /** The plastic groups' rules, or null. */
    Learning learning() { return learning; }

    GroupState state(NeuronGroup g) {
        GroupState s = byGroup.get(g);
        if (s == null) throw new IllegalArgumentException("group '" + g.name() + "' is not part of this network");
        return s;
    }

    double dt() { return dt; }

    @Override
    public void close() {
        pool.close();
    }
}
