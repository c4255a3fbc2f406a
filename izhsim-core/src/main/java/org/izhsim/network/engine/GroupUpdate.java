package org.izhsim.network.engine;

import org.izhsim.model.TimeGrid;
import java.util.function.DoubleUnaryOperator;
import org.izhsim.integrate.SpikeList;
import org.izhsim.model.IzhikevichModel;
import org.izhsim.network.Monitor;
import org.izhsim.network.Phase;
import org.izhsim.random.CounterRandom;

/**
 * A step's work on the neurons of one worker, group by group: the netm cut-off, the update
 * (inputs, deliver, integrate, and for the other schemes cut-off and reset) and the state
 * monitors' view. The update of a group runs the standard 2003 model's fast loops
 * ({@link StandardKernels}, {@link VectorKernels}) where they apply, else the model's
 * {@link org.izhsim.integrate.NeuronKernel}, one call per block of neurons.
 *
 * <p>JIT: the hot loops are small static methods (see {@link JitWarmUp} for why), and the
 * fields they read are final.
 */
final class GroupUpdate {
    /** Neurons per cache block of {@link #update}: the block's arrays stay in L1 across the sub-phases. */
    static final int BLOCK = 256;

    private final GroupState[] groups;
    private final TimeGrid grid;
    private final double dt; // grid.dt(), read in every kernel call
    private final boolean netm, simd;
    private final int pulse, depth;
    private final Monitor.Session<?>[] stateSessions;

    GroupUpdate(GroupState[] groups, TimeGrid grid, boolean netm, boolean simd, int pulse, int depth,
                Monitor.Session<?>[] stateSessions) {
        this.groups = groups;
        this.grid = grid;
        this.dt = grid.dt();
        this.netm = netm;
        this.simd = simd;
        this.pulse = pulse;
        this.depth = depth;
        this.stateSessions = stateSessions;
    }

    /** Whether a state monitor is attached (else the {@link Phase#RECORD} stage is left out). */
    boolean recordsState() {
        return stateSessions.length > 0;
    }

    /** {@link Phase#CUTOFF} (netm): the start-of-step cut-off of the worker's neurons. */
    void cutoff(Worker wk, long k) {
        for (GroupState g : groups) {
            cutoffGroup(wk, g, k);
            wk.groupEnd[g.index] = wk.count;
        }
    }

    private void cutoffGroup(Worker wk, GroupState g, long k) {
        int from = g.wFrom[wk.id], to = g.wTo[wk.id];
        if (from >= to) return;
        if (g.fast) {
            for (int b = from; b < to; b += BLOCK) {
                int n = StandardKernels.detect(b, Math.min(to, b + BLOCK), g.group.model().vPeak(), g.v, g.u, g.c, g.d, wk.local, 0);
                collectLocal(wk, n, g.off);
            }
        } else {
            SpikeList tmp = wk.tmp;
            tmp.clear();
            g.kernel.detectAndReset(from, to, k, tmp);
            collect(wk, tmp, g.off);
        }
    }

    /**
     * With behaviours, {@link Phase#CUTOFF} (netm): the cut-off of the groups with a model, the
     * fired vector of the groups without (their spikes), and every group's fired set from its
     * spikes.
     */
    void cutoffMarked(Worker wk, long k) {
        for (GroupState g : groups) {
            int start = wk.count;
            if (g.custom()) collectFired(wk, g);
            else cutoffGroup(wk, g, k);
            wk.groupEnd[g.index] = wk.count;
            markFired(wk, g, start);
        }
    }

    /**
     * With behaviours, the {@link Phase#INTEGRATE} stage after {@link #update update(wk, k, false)}
     * delivered: the update of the groups with a model, block by block, and (except for netm) the
     * spikes: of the groups without a model their fired vector, of every group into fired.
     */
    void integrateMarked(Worker wk, long k) {
        for (GroupState g : groups) {
            int start = wk.count, from = g.wFrom[wk.id], to = g.wTo[wk.id];
            if (g.custom()) {
                if (!netm) collectFired(wk, g);
            } else {
                double[] iMid = g.iMid != null ? g.iMid : g.current, iEnd = g.iMid != null ? g.iEnd : g.current;
                for (int b = from; b < to; b += BLOCK) integrateBlock(wk, g, k, b, Math.min(to, b + BLOCK), g.current, iMid, iEnd);
            }
            if (!netm) {
                wk.groupEnd[g.index] = wk.count;
                markFired(wk, g, start);
            }
        }
    }

    /** The worker's neurons of a behaviour-driven group whose fired is set, as spikes. */
    private static void collectFired(Worker wk, GroupState g) {
        double[] fired = g.fired;
        int[] dst = wk.spikes;
        int c = wk.count;
        for (int i = g.wFrom[wk.id], to = g.wTo[wk.id]; i < to; i++) if (fired[i] != 0) dst[c++] = i + g.off;
        wk.count = c;
    }

    /** fired ← 1 for the worker's spikes [start, count) of group g, 0 for its other neurons. */
    private static void markFired(Worker wk, GroupState g, int start) {
        double[] fired = g.fired;
        java.util.Arrays.fill(fired, g.wFrom[wk.id], g.wTo[wk.id], 0.0);
        for (int s = start; s < wk.count; s++) fired[wk.spikes[s] - g.off] = 1.0;
    }

    static void collectLocal(Worker wk, int n, int off) {
        int[] src = wk.local, dst = wk.spikes;
        int c = wk.count;
        for (int i = 0; i < n; i++) dst[c + i] = src[i] + off;
        wk.count = c + n;
    }

    static void collect(Worker wk, SpikeList tmp, int off) {
        int n = tmp.size();
        if (n == 0) return;
        int[] src = tmp.array(), dst = wk.spikes;
        int c = wk.count;
        for (int i = 0; i < n; i++) dst[c + i] = src[i] + off;
        wk.count = c + n;
    }

    /**
     * {@link Phase#INPUTS}, {@link Phase#DELIVER} and {@link Phase#INTEGRATE} for the worker's
     * neurons, block by block (so that each state array is read from memory once per step):
     * noise, Poisson arrivals into A[k], deliver, integrate. Values depend only on (step, neuron),
     * not on the blocking. Without {@code integrate} it stops after the deliver (with behaviours,
     * which may run between the two; {@link #integrateMarked} then integrates).
     */
    void update(Worker wk, long k, boolean integrate) {
        final double t = grid.timeMs(k);
        for (GroupState g : groups) {
            final int from = g.wFrom[wk.id], to = g.wTo[wk.id];
            if (from >= to || g.custom()) {
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
                    eEnd += f.applyAsDouble(grid.timeMs(k + 1));
                }
            }
            final double[][] ring = g.ring;
            final double[] now = ring == null ? null : ring[(int) (k % depth)];
            final double[] old = ring == null || pulse == 1 ? null : ring[(int) Math.floorMod(k - pulse, (long) depth)];
            final double[] cur = g.current, syn = g.syn, extA = g.extArray;
            for (int b = from; b < to; b += BLOCK) {
                final int e = Math.min(to, b + BLOCK);
                // phase 0: noise of this block (noise(i) = na[i - noff]) and Poisson arrivals
                final double[] na = blockNoise(wk, g, k, b, e, cur);
                final int noff = wk.noff;
                for (InputState.Poisson pi : g.poissons) poissonArrivals(pi, k, b, e, now);
                if (g.jumps.length > 0) Jumps.apply(g.jumps, k, depth, b, e);
                // phase 3: deliver
                final boolean pulse1 = now != null && old == null && na != null && extA == null && g.iMid == null;
                final boolean fused = integrate && pulse1 && g.fast && !netm;
                if (!fused) deliverBlock(now, old, syn, cur, na, noff, ext, extA, pulse1, b, e);
                double[] iMid = cur, iEnd = cur;
                if (g.iMid != null) {
                    iMid = g.iMid;
                    iEnd = g.iEnd;
                    stageCurrents(iMid, iEnd, na, noff, extA, now == null ? null : syn, eMid, eEnd, b, e);
                }
                // phase 4: integrate (and, except for netm, cut-off and reset)
                if (fused) {
                    IzhikevichModel md = g.group.model();
                    if (na == cur && !simd) {
                        boolean uniform = !Double.isNaN(g.aUniform);
                        int n = StandardKernels.eulerDeliverInPlace(b, e, dt, md.k2(), md.k1(), md.k0(), md.vPeak(), g.v, g.u,
                                uniform ? null : g.a, uniform ? null : g.b, g.aUniform, g.bUniform, g.c, g.d, now, ext, cur,
                                wk.local, 0, wk.nonFinite);
                        collectLocal(wk, n, g.off);
                    } else {
                        int n = simd
                                ? VectorKernels.eulerDeliver(b, e, dt, md.k2(), md.k1(), md.k0(), md.vPeak(), g.v, g.u, g.a, g.b,
                                        g.c, g.d, now, na, noff, ext, cur, wk.local, 0, wk.nonFinite)
                                : StandardKernels.eulerDeliver(b, e, dt, md.k2(), md.k1(), md.k0(), md.vPeak(), g.v, g.u, g.a, g.b,
                                        g.c, g.d, now, na, noff, ext, cur, wk.local, 0, wk.nonFinite);
                        collectLocal(wk, n, g.off);
                    }
                    takeNonFinite(wk, g);
                } else if (integrate) {
                    integrateBlock(wk, g, k, b, e, cur, iMid, iEnd);
                }
            }
            if (!netm) wk.groupEnd[g.index] = wk.count;
        }
    }

    /**
     * Phase 0 of block [b, e): draws the group's noises and returns the array holding their sum,
     * noise(i) = na[i − wk.noff] (null without noise). The first noise goes straight into the
     * current array when nothing else needs it there (the deliver, which reads it first,
     * overwrites it), so that the deliver indexes all its arrays alike; RK4's stage currents read
     * it afterwards, so then it goes into the worker's buffer.
     */
    private double[] blockNoise(Worker wk, GroupState g, long k, int b, int e, double[] cur) {
        final double[] nb = wk.noise;
        double[] na = null;
        int noff = 0;
        InputState.Noise[] noises = g.noises;
        for (int q = 0; q < noises.length; q++) {
            InputState.Noise ni = noises[q];
            double[] target;
            int toff;
            if (ni.period == 1) {
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
        wk.noff = noff;
        return na;
    }

    /** Phase 3 of block [b, e) when no kernel folds it in: I = (noise + ext) + I_syn. */
    private static void deliverBlock(double[] now, double[] old, double[] syn, double[] cur, double[] na, int noff, double ext,
                                     double[] extA, boolean pulse1, int b, int e) {
        if (pulse1) {
            // P = 1: I_syn = (I_syn − A[k−1]) + A[k] = A[k] exactly
            if (na == cur) StandardKernels.deliverPulse1InPlace(b, e, now, ext, cur);
            else deliverPulse1(now, cur, na, noff, ext, b, e);
        } else {
            deliverGeneral(now, old, syn, cur, na, noff, ext, extA, b, e);
        }
    }

    /** Phase 4 of block [b, e) with the current of the deliver: the fast loops or the model's kernel. */
    private void integrateBlock(Worker wk, GroupState g, long k, int b, int e, double[] cur, double[] iMid, double[] iEnd) {
        if (g.fast) {
            IzhikevichModel md = g.group.model();
            if (netm) {
                if (simd) VectorKernels.netm(b, e, dt, md.k2(), md.k1(), md.k0(), g.v, g.u, g.a, g.b, cur, wk.nonFinite);
                else StandardKernels.netm(b, e, dt, md.k2(), md.k1(), md.k0(), g.v, g.u, g.a, g.b, cur, wk.nonFinite);
            } else {
                int n = StandardKernels.euler(b, e, dt, md.k2(), md.k1(), md.k0(), md.vPeak(), g.v, g.u, g.a, g.b,
                        g.c, g.d, cur, wk.local, 0, wk.nonFinite);
                collectLocal(wk, n, g.off);
            }
            takeNonFinite(wk, g);
        } else {
            SpikeList tmp = wk.tmp;
            tmp.clear();
            g.kernel.step(b, e, k, dt, cur, iMid, iEnd, tmp);
            if (!netm) collect(wk, tmp, g.off);
        }
    }

    private static void takeNonFinite(Worker wk, GroupState g) {
        if (wk.nonFinite[0] >= 0) {
            g.nonFinite(wk.nonFinite[0]);
            wk.nonFinite[0] = -1;
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

    private static void poissonArrivals(InputState.Poisson pi, long k, int b, int e, double[] now) {
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
    private void drawNoise(Worker wk, InputState.Noise ni, long m, int b, int e, double[] out, int off) {
        long key = CounterRandom.key(ni.streamKey, m);
        if (simd) CounterRandom.gaussiansSimd(key, b, e, ni.sigma, ni.sigmaArr, out, off, wk.rejected);
        else CounterRandom.gaussians(key, b, e, ni.sigma, ni.sigmaArr, out, off, wk.rejected);
    }


    /**
     * {@link Phase#RECORD}, the state part: the state monitors that want step k read v, u and I
     * of the worker's neurons (after the update and reset of step k; propagation does not touch
     * them, so this may follow it).
     */
    void recordState(Worker wk, long k) {
        for (Monitor.Session<?> s : stateSessions) {
            if (!s.wantsState(k)) continue;
            for (GroupState g : groups) {
                int from = g.wFrom[wk.id], to = g.wTo[wk.id];
                if (from < to) s.observeState(k, g.off + from, g.off + to);
            }
        }
    }
}
