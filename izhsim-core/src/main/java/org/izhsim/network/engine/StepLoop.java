package org.izhsim.network.engine;

import org.izhsim.model.TimeGrid;
import java.util.ArrayList;
import java.util.List;
import org.izhsim.integrate.NumericalBlowUpException;
import org.izhsim.network.Monitor;
import org.izhsim.network.Phase;

/**
 * The step loop. A worker's step is a fixed array of {@link Stage}s, built once by walking
 * {@link Phase#values()} in order ({@link #plan}): so the order of {@link Phase} is this code, not
 * only its javadoc. One barrier per step separates the spikes of step k from their propagation;
 * the last worker to arrive runs the serial part (merge, finiteness check, the spike monitors,
 * the exchange between ranks). Parameter changes ({@link Phase#CHANGES}) are applied between
 * chunks of steps by the driving thread ({@link Engine#runSteps}).
 */
final class StepLoop {
    /** One piece of a worker's step k; stages run in {@link Phase} order. */
    @FunctionalInterface
    interface Stage {
        void run(Worker wk, long k);
    }

    /** The stage kinds, each with its column of {@link Engine#phaseSeconds()}. */
    enum Kind {
        UPDATE(0), PROPAGATE(1), BARRIER(2), CUTOFF(3);

        final int column;

        Kind(int column) {
            this.column = column;
        }
    }

    private final WorkerPool pool;
    private final Worker[] workers;
    private final GroupState[] groups;
    private final Propagation propagation;
    /** The plastic groups' rules, or null in a network without any. */
    private final Learning learning;
    private final Monitor.Session<?>[] sessions;
    private final boolean netm;
    private final TimeGrid grid;
    private final Stage[] stages;
    /** Without behaviours or profiling: the step's calls written out ({@link #chunkDirect}), else null. */
    private final GroupUpdate direct;

    // run state
    long step;            // next step to run
    private long curStep; // step of the current barrier action
    private boolean stop; // written only by serial actions
    private volatile Throwable failure;
    boolean broken;
    long spikesTotal, runNanos, stepsRun;
    private final Runnable serialAction = this::serialStep;
    private final Runnable finalAction = this::finalCheck;
    private long chunkFrom, chunkTo;
    private final WorkerPool.Job chunkJob = this::chunk;

    StepLoop(WorkerPool pool, Worker[] workers, GroupState[] groups, GroupUpdate update, Propagation propagation,
             Learning learning, Behaviours behaviours, Monitor.Session<?>[] sessions, boolean netm, TimeGrid grid, boolean profile) {
        this.pool = pool;
        this.workers = workers;
        this.groups = groups;
        this.propagation = propagation;
        this.learning = learning;
        this.sessions = sessions;
        this.netm = netm;
        this.grid = grid;
        this.stages = plan(update, propagation, behaviours, netm, profile);
        this.direct = behaviours == null && !profile ? update : null;
    }

    /**
     * The stages of one step: {@link Phase#values()} in order, each phase mapped to the stage that
     * does it. INPUTS and DELIVER are fused into INTEGRATE's block loop (each neuron's arrays are
     * then read once per step; the noise is a pure function of (seed, input, draw, neuron), so
     * where it is drawn does not matter). A propagation phase starts with the barrier, whose
     * serial part also hands the merged spikes to the monitors (the spike part of RECORD:
     * observing changes no state, and the spikes are merged only there).
     *
     * <p>With behaviours, the behaviours of each order run between the phases, after those of
     * lower or equal {@link Phase#order()}; the deliver (with INPUTS) and the update are then two
     * stages, so that behaviours may act on the current between them, and {@code fired} of every
     * group is set where the step's spikes are taken.
     */
    private Stage[] plan(GroupUpdate update, Propagation propagation, Behaviours behaviours, boolean netm, boolean profile) {
        List<Stage> p = new ArrayList<>();
        Stage barrier = (wk, k) -> pool.await(wk.id, serialAction);
        boolean split = behaviours != null;
        int[] orders = split ? behaviours.orders : new int[0];
        int o = 0;
        for (Phase phase : Phase.values()) {
            for (; o < orders.length && orders[o] < phase.order(); o++) p.add(profiled(behaviours.stage(o, pool, this::fail), Kind.UPDATE, profile));
            switch (phase) {
                case INPUTS, CHANGES -> {} // INPUTS with DELIVER; CHANGES between chunks, on the driving thread
                case CUTOFF -> {
                    if (netm) p.add(profiled(split ? update::cutoffMarked : update::cutoff, Kind.CUTOFF, profile));
                }
                case PROPAGATE_SAME_STEP -> {
                    if (netm) propagate(p, barrier, profile);
                }
                case PLASTICITY_SAME_STEP -> {
                    if (netm && learning != null) p.add(profiled(learning::learn, Kind.PROPAGATE, profile));
                }
                case DELIVER -> {
                    if (split) p.add(profiled((wk, k) -> update.update(wk, k, false), Kind.UPDATE, profile));
                }
                case INTEGRATE -> p.add(profiled(split ? update::integrateMarked : (wk, k) -> update.update(wk, k, true),
                        Kind.UPDATE, profile));
                case PROPAGATE_NEXT_STEP -> {
                    if (!netm) propagate(p, barrier, profile);
                }
                case PLASTICITY_NEXT_STEP -> {
                    if (!netm && learning != null) p.add(profiled(learning::learn, Kind.PROPAGATE, profile));
                }
                case RECORD -> {
                    if (update.recordsState()) p.add(profiled(update::recordState, Kind.UPDATE, profile));
                }
            }
        }
        for (; o < orders.length; o++) p.add(profiled(behaviours.stage(o, pool, this::fail), Kind.UPDATE, profile));
        return p.toArray(new Stage[0]);
    }

    /** A propagation phase: the rules' own-spike stage (with plastic groups), the barrier, the static propagation. */
    private void propagate(List<Stage> p, Stage barrier, boolean profile) {
        if (learning != null) p.add(profiled(learning::spikes, Kind.UPDATE, profile));
        p.add(profiled(barrier, Kind.BARRIER, profile));
        p.add(profiled(propagation::propagate, Kind.PROPAGATE, profile));
    }

    private static Stage profiled(Stage s, Kind kind, boolean profile) {
        return profile ? Profiling.timed(s, kind.column) : s;
    }

    /** Runs steps [from, to) on all workers; rethrows the first failure (then the simulation is broken). */
    void runChunk(long from, long to) {
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
        if (direct != null) {
            chunkDirect(w);
            return;
        }
        final Worker wk = workers[w];
        final Stage[] st = stages;
        steps:
        for (long k = chunkFrom; k < chunkTo; k++) {
            wk.count = 0;
            for (Stage s : st) {
                try {
                    s.run(wk, k);
                } catch (Throwable t) {
                    fail(t);
                }
                // set only by the barrier's serial action, read by every worker after it
                if (stop) break steps;
            }
        }
        pool.await(w, finalAction);
    }

    /**
     * JIT: the stages {@link #plan} gives a network without behaviours (the plastic groups'
     * two stages behind a null test, which a static network passes at no cost), called directly rather
     * than through the stage array, whose call site sees 3-4 stage classes and so inlines none
     * of them (BENCHMARKS.md §7). The order is {@link #plan}'s for that case, which a test checks
     * against the staged loop (same spikes).
     */
    private void chunkDirect(int w) {
        final Worker wk = workers[w];
        final GroupUpdate u = direct;
        final Learning l = learning;
        final boolean records = u.recordsState();
        for (long k = chunkFrom; k < chunkTo; k++) {
            wk.count = 0;
            try {
                if (netm) u.cutoff(wk, k);
                else u.update(wk, k, true);
                if (l != null) l.spikes(wk, k);
            } catch (Throwable t) {
                fail(t);
            }
            pool.await(w, serialAction);
            if (stop) break;
            try {
                propagation.propagate(wk, k);
                if (l != null) l.learn(wk, k);
                if (netm) u.update(wk, k, true);
                if (records) u.recordState(wk, k);
            } catch (Throwable t) {
                fail(t);
            }
        }
        pool.await(w, finalAction);
    }

    private void fail(Throwable t) {
        synchronized (this) {
            if (failure == null) failure = t;
        }
    }

    /** The serial part of step curStep: merge spikes, check finiteness, record, exchange. */
    private void serialStep() {
        long k = curStep;
        try {
            int c = propagation.merge(workers);
            spikesTotal += c;
            // netm's step 0 checks the initial state: no branch for k = 0, which the warm-up
            // passes only in the interpreter, so a compiled step loop met it with an uncommon trap
            checkFinite(netm ? Math.max(0, k - 1) : k);
            if (failure == null) {
                for (Monitor.Session<?> s : sessions) s.observeSpikes(k, propagation.stepSpikes, c);
                propagation.exchange(k);
                if (learning != null) learning.record(k, propagation);
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
        for (GroupState g : groups) {
            int bad = g.firstNonFinite();
            if (bad >= 0) {
                fail(new NumericalBlowUpException("group '" + g.group.name() + "'", integratedStep, grid.timeMs(integratedStep), bad));
                return;
            }
        }
    }
}
