package org.izhsim.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

/**
 * Records named variables of chosen neurons of a group every {@code everySteps} steps (steps
 * k = 0, every, 2·every, …): v, u and I ({@link Variable}), or any vector of the group's model by
 * name ({@link #ofVariables}: a parameter, an equation model's own state, the synaptic input
 * {@code I_syn}; see {@link Simulation#vector}). A sample of step k holds the state after the update of step k and
 * the input I used in that step (figure1.m's convention: the sample labelled t_k follows the
 * update made in step k). Neurons not simulated by this rank stay NaN.
 *
 * <p>By default the samples are kept in memory. A {@link #streaming streaming} monitor holds
 * only one chunk of samples and hands it to a {@link Sink} after every {@code chunkSteps}
 * steps, so a run can record more than the heap holds; the sink sees exactly the values the
 * in-memory monitor would have kept.
 */
public final class StateMonitor implements Monitor<StateRecording> {
    /** The variables every model has: v, u and the input I. */
    public enum Variable {
        V("v"), U("u"), I("I");

        private final String id;

        Variable(String id) {
            this.id = id;
        }

        /** The vector's name: {@code v}, {@code u}, {@code I}. */
        public String id() {
            return id;
        }
    }

    private final String name;
    private final NeuronGroup group;
    private final int[] neurons;
    private final int every;
    /** The recorded vectors' names, in recording order. */
    private final List<String> vars;
    private final Sink sink;
    private final int chunkSteps;

    private StateMonitor(String name, NeuronGroup group, int[] neurons, int every, List<String> vars, Sink sink,
                         int chunkSteps) {
        this.name = name;
        this.group = group;
        this.neurons = neurons;
        this.every = every;
        this.vars = vars;
        this.sink = sink;
        this.chunkSteps = chunkSteps;
    }

    /**
     * Receives a streaming monitor's samples, serially on the simulation's thread, in sample
     * order. Each array holds {@code samples} rows of one value per recorded neuron (row-major,
     * columns in the order given to the monitor), or is null for a variable not recorded. The
     * arrays are reused after the call returns.
     */
    @FunctionalInterface
    public interface Sink {
        /** Samples [firstSample, firstSample + samples); sample s is step s·every. */
        void accept(long firstSample, int samples, double[] v, double[] u, double[] i);

        /**
         * Samples of every recorded variable: {@code values[q]} holds {@code names.get(q)}. By
         * default hands v, u and I to {@link #accept}; a sink of other variables overrides it.
         */
        default void acceptAll(long firstSample, int samples, List<String> names, double[][] values) {
            int v = names.indexOf("v"), u = names.indexOf("u"), i = names.indexOf("I");
            accept(firstSample, samples, v < 0 ? null : values[v], u < 0 ? null : values[u], i < 0 ? null : values[i]);
        }
    }

    /**
     * This monitor, handing its samples to {@code sink} after every {@code chunkSteps} steps
     * (and what is left when the recording is asked for) instead of keeping them; its
     * {@link Simulation#recording recording} then has no samples.
     */
    public StateMonitor streaming(Sink sink, int chunkSteps) {
        if (chunkSteps < 1) throw new IllegalArgumentException("chunkSteps must be >= 1, got " + chunkSteps);
        return new StateMonitor(name, group, neurons, every, vars, Objects.requireNonNull(sink), chunkSteps);
    }

    /** The group recorded. */
    public NeuronGroup group() {
        return group;
    }

    /** The recorded neurons (indices within the group), in the order given. */
    public int[] neurons() {
        return neurons.clone();
    }

    /** Steps between samples. */
    public int everySteps() {
        return every;
    }

    /**
     * Bytes its recording takes over a run of {@code steps} steps: every sample of every neuron
     * and variable, reserved when the run starts; 0 when it streams (the sink keeps the values).
     */
    public double bytesFor(long steps) {
        return sink != null || steps < 1 ? 0 : ((steps - 1) / every + 1) * (double) neurons.length * vars.size() * 8;
    }

    /** True if {@code var} is recorded. */
    public boolean records(Variable var) {
        return vars.contains(var.id());
    }

    /** The names of the recorded vectors, in recording order. */
    public List<String> variables() {
        return vars;
    }

    /** Records {@code vars} (all three if none given) of {@code neurons} every {@code everySteps} steps. */
    public static StateMonitor of(NeuronGroup group, int[] neurons, int everySteps, Variable... vars) {
        EnumSet<Variable> vs = vars.length == 0 ? EnumSet.allOf(Variable.class) : EnumSet.copyOf(Arrays.asList(vars));
        List<String> names = new ArrayList<>();
        for (Variable v : vs) names.add(v.id());
        return ofVariables(group, neurons, everySteps, names.toArray(new String[0]));
    }

    /**
     * Records the group's vectors {@code names} (at least one; e.g. {@code "v"}, {@code "w"} of an
     * AdEx equation model, {@code "I_syn"}) of {@code neurons} every {@code everySteps} steps. A
     * name the group's model does not have is refused when the simulation is built, with the
     * names it has.
     */
    public static StateMonitor ofVariables(NeuronGroup group, int[] neurons, int everySteps, String... names) {
        Objects.requireNonNull(group);
        if (names.length == 0) throw new IllegalArgumentException("state monitor of group '" + group.name() + "': no variable given");
        List<String> vs = List.copyOf(new LinkedHashSet<>(Arrays.asList(names)));
        int[] ns = neurons.clone();
        for (int i : ns) {
            if (i < 0 || i >= group.size()) throw new IllegalArgumentException("neuron " + i + " is not in group '"
                    + group.name() + "' of " + group.size());
        }
        if (everySteps < 1) throw new IllegalArgumentException("everySteps must be >= 1, got " + everySteps);
        return new StateMonitor("state:" + group.name(), group, ns, everySteps, vs, null, 0);
    }

    public StateMonitor named(String n) {
        return new StateMonitor(n, group, neurons, every, vars, sink, chunkSteps);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Session<StateRecording> start(MonitorContext ctx) {
        final int m = neurons.length;
        final double dt = ctx.dt();
        final Columns cols = new Columns(ctx, group, neurons, vars);
        final int nv = vars.size();
        if (sink != null) return streamingSession(ctx, cols);
        return new Session<>() {
            final double[][] data = new double[nv][0];
            long samples; // samples reserved so far

            @Override
            public void reserve(long fromStep, long toStep) {
                long need = (toStep - 1) / every + 1;
                if (need <= samples) return;
                long cells = need * m;
                if (cells > Integer.MAX_VALUE - 16) throw new IllegalStateException("state monitor '" + name
                        + "' would exceed 2^31 values; record fewer neurons or sample less often");
                if (cells > data[0].length) {
                    int cap = GrowableInts.grow(data[0].length, (int) cells);
                    for (int q = 0; q < nv; q++) data[q] = grown(data[q], cap);
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
                cols.copy((int) (step / every), from, to, data);
            }

            @Override
            public StateRecording finish() {
                long done = Math.min(samples, ctxSamples());
                int cells = (int) (done * m);
                double[][] out = new double[nv][];
                for (int q = 0; q < nv; q++) out[q] = Arrays.copyOf(data[q], cells);
                return new StateRecording(name, dt, every, neurons.clone(), (int) done, vars, out);
            }

            private long ctxSamples() {
                long k = ctx.stepsDone();
                return k == 0 ? 0 : (k - 1) / every + 1;
            }
        };
    }

    /**
     * Holds the samples of at most one chunk (chunkSteps / every + 3 rows), NaN-filled. The
     * serial observeSpikes of every chunkSteps-th step k hands over the samples of the steps
     * before k: whichever phase order the scheme has (netm observes a step's state after its
     * spikes, the others after its propagation), those rows are complete by then; the row of
     * step k itself, if any, moves to the front.
     */
    private Session<StateRecording> streamingSession(MonitorContext ctx, Columns cols) {
        final int m = neurons.length;
        final double dt = ctx.dt();
        final long rowsCap = (long) chunkSteps / every + 3;
        if (rowsCap * m > Integer.MAX_VALUE - 16) throw new IllegalStateException("state monitor '" + name
                + "': one chunk would exceed 2^31 values; use a shorter chunk");
        final int cells = (int) (rowsCap * m);
        final int nv = vars.size();
        return new Session<>() {
            final double[][] data = new double[nv][];
            long first; // the sample held in row 0

            {
                for (int q = 0; q < nv; q++) data[q] = nanFilled(cells);
            }

            @Override
            public boolean wantsState(long step) {
                return step % every == 0;
            }

            @Override
            public void observeState(long step, int from, int to) {
                cols.copy((int) (step / every - first), from, to, data);
            }

            @Override
            public void observeSpikes(long step, int[] ns, int count) {
                if (step > 0 && step % chunkSteps == 0) drain((step + every - 1) / every);
            }

            /** Hands over samples [first, upTo) and moves the row of sample upTo to the front. */
            private void drain(long upTo) {
                int rows = (int) (upTo - first);
                if (rows <= 0) return;
                sink.acceptAll(first, rows, vars, data);
                for (double[] a : data) {
                    System.arraycopy(a, rows * m, a, 0, m);
                    Arrays.fill(a, m, (rows + 1) * m, Double.NaN);
                }
                first = upTo;
            }

            @Override
            public StateRecording finish() {
                long k = ctx.stepsDone();
                drain(k == 0 ? 0 : (k - 1) / every + 1);
                double[][] none = new double[nv][0];
                return new StateRecording(name, dt, every, neurons.clone(), 0, vars, none);
            }
        };
    }

    /** The recorded neurons' columns, sorted by global index so that a worker finds its own quickly. */
    private static final class Columns {
        final int m, off;
        final int[] sortedGlobal, sortedCol;
        /** The live vectors, one per recorded variable. */
        final double[][] src;

        Columns(MonitorContext ctx, NeuronGroup group, int[] neurons, List<String> vars) {
            m = neurons.length;
            off = ctx.offset(group);
            src = new double[vars.size()][];
            for (int q = 0; q < src.length; q++) src[q] = ctx.vector(group, vars.get(q));
            Integer[] order = new Integer[m];
            for (int j = 0; j < m; j++) order[j] = j;
            Arrays.sort(order, (x, y) -> Integer.compare(neurons[x], neurons[y]));
            sortedGlobal = new int[m];
            sortedCol = new int[m];
            for (int j = 0; j < m; j++) {
                sortedGlobal[j] = off + neurons[order[j]];
                sortedCol[j] = order[j];
            }
        }

        /** Copies the worker range [from, to) of the recorded neurons into row {@code row} of each variable's array. */
        void copy(int row, int from, int to, double[][] dst) {
            int j = lowerBound(sortedGlobal, from);
            for (; j < m && sortedGlobal[j] < to; j++) {
                int local = sortedGlobal[j] - off;
                int cell = row * m + sortedCol[j];
                for (int q = 0; q < src.length; q++) dst[q][cell] = src[q][local];
            }
        }
    }

    private static double[] nanFilled(int n) {
        double[] a = new double[n];
        Arrays.fill(a, Double.NaN);
        return a;
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
