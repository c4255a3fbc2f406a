package org.izhsim.network;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;

/**
 * Records v, u and/or I of chosen neurons of a group every {@code everySteps} steps (steps
 * k = 0, every, 2·every, …). A sample of step k holds the state after the update of step k and
 * the input I used in that step (figure1.m's convention: the sample labelled t_k follows the
 * update made in step k). Neurons not simulated by this rank stay NaN.
 */
public final class StateMonitor implements Monitor<StateRecording> {
    /** A recordable variable. */
    public enum Variable { V, U, I }

    private final String name;
    private final NeuronGroup group;
    private final int[] neurons;
    private final int every;
    private final EnumSet<Variable> vars;

    private StateMonitor(String name, NeuronGroup group, int[] neurons, int every, EnumSet<Variable> vars) {
        this.name = name;
        this.group = group;
        this.neurons = neurons;
        this.every = every;
        this.vars = vars;
    }

    /** Records {@code vars} (all three if none given) of {@code neurons} every {@code everySteps} steps. */
    public static StateMonitor of(NeuronGroup group, int[] neurons, int everySteps, Variable... vars) {
        Objects.requireNonNull(group);
        int[] ns = neurons.clone();
        for (int i : ns) {
            if (i < 0 || i >= group.size()) throw new IllegalArgumentException("neuron " + i + " is not in group '"
                    + group.name() + "' of " + group.size());
        }
        if (everySteps < 1) throw new IllegalArgumentException("everySteps must be >= 1, got " + everySteps);
        EnumSet<Variable> vs = vars.length == 0 ? EnumSet.allOf(Variable.class) : EnumSet.copyOf(Arrays.asList(vars));
        return new StateMonitor("state:" + group.name(), group, ns, everySteps, vs);
    }

    public StateMonitor named(String n) {
        return new StateMonitor(n, group, neurons, every, vars);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Session<StateRecording> start(MonitorContext ctx) {
        final int m = neurons.length;
        final int off = ctx.offset(group);
        final double[] v = ctx.v(group), u = ctx.u(group), cur = ctx.current(group);
        final double dt = ctx.dt();
        // columns sorted by global index so a worker finds its own quickly
        final Integer[] order = new Integer[m];
        for (int j = 0; j < m; j++) order[j] = j;
        Arrays.sort(order, (x, y) -> Integer.compare(neurons[x], neurons[y]));
        final int[] sortedGlobal = new int[m], sortedCol = new int[m];
        for (int j = 0; j < m; j++) {
            sortedGlobal[j] = off + neurons[order[j]];
            sortedCol[j] = order[j];
        }
        final boolean rv = vars.contains(Variable.V), ru = vars.contains(Variable.U), ri = vars.contains(Variable.I);
        return new Session<>() {
            double[] dv = new double[0], du = new double[0], di = new double[0];
            long samples; // samples reserved so far

            @Override
            public void reserve(long fromStep, long toStep) {
                long need = (toStep - 1) / every + 1;
                if (need <= samples) return;
                long cells = need * m;
                if (cells > Integer.MAX_VALUE - 16) throw new IllegalStateException("state monitor '" + name
                        + "' would exceed 2^31 values; record fewer neurons or sample less often");
                if (cells > dv.length && (rv || ru || ri)) {
                    int cap = GrowableInts.grow(Math.max(dv.length, Math.max(du.length, di.length)), (int) cells);
                    if (rv) dv = grown(dv, cap);
                    if (ru) du = grown(du, cap);
                    if (ri) di = grown(di, cap);
                }
                samples = need;
            }

            private double[] grown(double[] a, int cap) {
                double[] b = Arrays.copyOf(a, cap);
                Arrays.fill(b, a.length, cap, Double.NaN);
                return b;
            }

            @Override
            public boolean wantsState(long step) {
                return step % every == 0;
            }

            @Override
            public void observeState(long step, int from, int to) {
                int s = (int) (step / every);
                int j = lowerBound(sortedGlobal, from);
                for (; j < m && sortedGlobal[j] < to; j++) {
                    int local = sortedGlobal[j] - off;
                    int cell = s * m + sortedCol[j];
                    if (rv) dv[cell] = v[local];
                    if (ru) du[cell] = u[local];
                    if (ri) di[cell] = cur[local];
                }
            }

            @Override
            public StateRecording finish() {
                long done = Math.min(samples, ctxSamples());
                int cells = (int) (done * m);
                return new StateRecording(name, dt, every, neurons.clone(), (int) done,
                        rv ? Arrays.copyOf(dv, cells) : null, ru ? Arrays.copyOf(du, cells) : null,
                        ri ? Arrays.copyOf(di, cells) : null);
            }

            private long ctxSamples() {
                long k = ctx.stepsDone();
                return k == 0 ? 0 : (k - 1) / every + 1;
            }
        };
    }

    static int lowerBound(int[] a, int key) {
        int lo = 0, hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < key) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
