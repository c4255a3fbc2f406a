package org.izhsim.network;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.izhsim.behaviour.Behaviour;
import org.izhsim.equations.EquationKernel;
import org.izhsim.equations.EquationModel;
import org.izhsim.model.Izhikevich2007Model;
import org.izhsim.model.IzhikevichModel;
import org.izhsim.random.CounterRandom;
import org.izhsim.random.Streams;

/**
 * N neurons of one {@link IzhikevichModel}: per-neuron parameters a, b, c, d and initial v, u
 * given as {@link PerNeuron} values. Plain data: the state vectors v, u and the input current
 * live in the {@link Simulation} that runs the network ({@link Simulation#v(NeuronGroup)} …).
 * The name identifies the group in monitors, reports and random-stream names; it must be
 * unique within a network.
 *
 * <p>Defaults: the standard 2003 model, regular spiking (a = 0.02, b = 0.2, c = −65 mV, d = 8),
 * v0 = −65 mV, u0 = b·v0.
 */
public final class NeuronGroup {
    private final String name;
    private final int size;
    private final IzhikevichModel model;
    private final PerNeuron a, b, c, d, v0, u0;
    private final EquationModel equations;
    private final EquationKernel.Compiler compiler;
    private final Izhikevich2007Model model2007;
    private final Map<String, PerNeuron> values;
    private final SortedMap<Integer, Behaviour> behaviours;
    private final boolean behaviourDynamics;
    private final SpikeSource source;

    private NeuronGroup(Builder bd) {
        this.source = bd.source;
        this.behaviours = Collections.unmodifiableSortedMap(new TreeMap<>(bd.behaviours));
        this.behaviourDynamics = bd.behaviourDynamics;
        this.model2007 = bd.model2007;
        this.equations = bd.equations;
        this.compiler = bd.compiler;
        this.values = Map.copyOf(bd.values);
        for (Map.Entry<String, PerNeuron> e : values.entrySet()) e.getValue().checkSize("group '" + bd.name + "' " + e.getKey(), bd.size);
        this.name = bd.name;
        this.size = bd.size;
        this.model = bd.model;
        this.a = bd.a;
        this.b = bd.b;
        this.c = bd.c;
        this.d = bd.d;
        this.v0 = bd.model2007 != null && !bd.v0Set ? PerNeuron.constant(bd.model2007.vr()) : bd.v0;
        this.u0 = bd.u0;
        for (String p : new String[] {"a", "b", "c", "d", "v0", "u0"}) {
            PerNeuron x = switch (p) {
                case "a" -> a; case "b" -> b; case "c" -> c; case "d" -> d; case "v0" -> v0; default -> u0;
            };
            if (x != null) x.checkSize("group '" + name + "' " + p, size);
        }
    }

    /**
     * This group cut to its first {@code n} neurons (for {@link WarmUpSample}): the same model
     * and values, per-neuron arrays and spike sources restricted to those neurons. Behaviours
     * are not copied (the caller refuses groups that have them).
     */
    NeuronGroup resized(int n) {
        Builder bd = new Builder(name, n);
        bd.model = model;
        bd.a = a.head(n);
        bd.b = b.head(n);
        bd.c = c.head(n);
        bd.d = d.head(n);
        bd.v0 = v0.head(n);
        bd.v0Set = true;
        bd.u0 = u0 == null ? null : u0.head(n);
        bd.equations = equations;
        bd.compiler = compiler;
        bd.model2007 = model2007;
        for (Map.Entry<String, PerNeuron> e : values.entrySet()) bd.values.put(e.getKey(), e.getValue().head(n));
        bd.source = switch (source) {
            case null -> null;
            case SpikeSource.Generator g -> {
                int kept = 0;
                for (int i : g.indices()) if (i < n) kept++;
                int[] idx = new int[kept];
                double[] t = new double[kept];
                for (int j = 0, m = 0; j < g.indices().length; j++) {
                    if (g.indices()[j] < n) {
                        idx[m] = g.indices()[j];
                        t[m++] = g.timesMs()[j];
                    }
                }
                yield new SpikeSource.Generator(idx, t);
            }
            case SpikeSource.Poisson p -> new SpikeSource.Poisson(p.rateHz().head(n),
                    p.startMs() == null ? null : java.util.Arrays.copyOf(p.startMs(), Math.min(n, p.startMs().length)),
                    p.stopMs() == null ? null : java.util.Arrays.copyOf(p.stopMs(), Math.min(n, p.stopMs().length)));
        };
        return bd.build();
    }

    public static Builder builder(String name, int size) {
        return new Builder(name, size);
    }

    /**
     * A spike generator of {@code size} sources (Brian2's {@code SpikeGeneratorGroup}, PyNN's
     * {@code SpikeSourceArray}): source {@code indices[j]} fires at {@code timesMs[j]} [ms], in
     * any order; see {@link SpikeSource.Generator} for how times map to steps. Arrays are copied.
     */
    public static NeuronGroup spikeGenerator(String name, int size, int[] indices, double[] timesMs) {
        Objects.requireNonNull(indices, "indices");
        Objects.requireNonNull(timesMs, "times");
        SpikeSource.Generator g = new SpikeSource.Generator(indices.clone(), timesMs.clone());
        for (int j = 0; j < indices.length; j++) {
            if (indices[j] < 0 || indices[j] >= size) {
                throw new IllegalArgumentException("spike generator '" + name + "': index " + indices[j] + " at position " + j
                        + " is outside 0.." + (size - 1));
            }
        }
        return new Builder(name, size).source(g).build();
    }

    /**
     * {@code size} independent Poisson sources of {@code rateHz} [Hz] each (Brian2's
     * {@code PoissonGroup}, PyNN's {@code SpikeSourcePoisson}); see {@link SpikeSource.Poisson}.
     */
    public static NeuronGroup poisson(String name, int size, PerNeuron rateHz) {
        return new Builder(name, size).source(new SpikeSource.Poisson(rateHz)).build();
    }

    /**
     * Poisson sources that fire only in [startMs[i], stopMs[i]] (PyNN's start and
     * start + duration); see {@link SpikeSource.Poisson}.
     */
    public static NeuronGroup poisson(String name, int size, PerNeuron rateHz, double[] startMs, double[] stopMs) {
        return new Builder(name, size).source(new SpikeSource.Poisson(rateHz, startMs, stopMs)).build();
    }

    /** {@link #poisson(String, int, PerNeuron)} with one rate for all. */
    public static NeuronGroup poisson(String name, int size, double rateHz) {
        return poisson(name, size, PerNeuron.constant(rateHz));
    }

    public String name() { return name; }
    public int size() { return size; }
    public IzhikevichModel model() { return model; }
    public PerNeuron a() { return a; }
    public PerNeuron b() { return b; }
    public PerNeuron c() { return c; }
    public PerNeuron d() { return d; }
    public PerNeuron v0() { return v0; }
    /** The initial u, or null for u0 = b·v0 (2003 model) or u0 = 0 (2007 model). */
    public PerNeuron u0() { return u0; }
    /** The equation model these neurons run instead of {@link #model()}, or null. */
    public EquationModel equations() { return equations; }
    /** The 2007 dimensional model these neurons run instead of {@link #model()} ({@link Builder#model2007}), or null. */
    public Izhikevich2007Model model2007() { return model2007; }
    /** The compiler of {@link #equations()}, or null. */
    public EquationKernel.Compiler compiler() { return compiler; }
    /** The group's behaviours by order ({@link Builder#behaviour}), ascending. */
    public SortedMap<Integer, Behaviour> behaviours() { return behaviours; }
    /** True if the group has no built-in model: its behaviours are its dynamics ({@link Builder#behaviourDynamics}). */
    public boolean behaviourDynamics() { return behaviourDynamics; }
    /**
     * The names a synapse group onto this group may {@link SynapseGroup.Builder#target target}:
     * I (the pulse current) first, then the model's state variables (v, u of the built-in
     * models; an equation model's states); only I for a group whose behaviours are its
     * dynamics; none for a spike source.
     */
    public List<String> synapseTargets() {
        if (source != null) return List.of();
        if (behaviourDynamics) return List.of(SynapseGroup.CURRENT);
        List<String> out = new ArrayList<>(List.of(SynapseGroup.CURRENT));
        if (equations != null) {
            for (EquationModel.StateVariable s : equations.states()) out.add(s.name());
        } else {
            out.add("v");
            out.add("u");
        }
        return List.copyOf(out);
    }

    /** What this group fires if it is a spike source ({@link #spikeGenerator}, {@link #poisson}), else null. */
    public SpikeSource source() { return source; }
    /** Values of the equation model's parameters and initial states by name (others: see {@link Builder#equations}). */
    public Map<String, PerNeuron> values() { return values; }

    /**
     * The parameters and initial state this group gets under {@code seed}: the values a
     * {@link Simulation} starts from (r of neuron i from the stream {@code params/<name>}, see
     * {@link PerNeuron}; u0 = b·v0 unless given). For engines that hold the state themselves.
     */
    public Resolved resolve(long seed) {
        double[] r = needsUniform() ? uniforms(seed) : null;
        String g = "group '" + name + "' ";
        double[] ra = a.resolve(g + "a", size, r), rb = b.resolve(g + "b", size, r);
        double[] rc = c.resolve(g + "c", size, r), rd = d.resolve(g + "d", size, r);
        double[] rv = v0.resolve(g + "v0", size, r);
        double[] ru;
        if (u0 == null) {
            ru = new double[size];
            for (int i = 0; i < size; i++) ru[i] = rb[i] * rv[i];
        } else {
            ru = u0.resolve(g + "u0", size, r);
        }
        return new Resolved(ra, rb, rc, rd, rv, ru);
    }

    /** The uniform r ∈ [0, 1) of every neuron under {@code seed} (see {@link PerNeuron}). */
    public double[] uniforms(long seed) {
        long key = CounterRandom.key(Streams.key(seed, "params/" + name), 0);
        double[] r = new double[size];
        for (int i = 0; i < size; i++) r[i] = CounterRandom.uniform(key, i);
        return r;
    }

    /** Fresh per-neuron arrays: parameters a, b, c, d and initial v [mV], u. */
    public record Resolved(double[] a, double[] b, double[] c, double[] d, double[] v, double[] u) {}

    public boolean needsUniform() {
        return a.needsUniform() || b.needsUniform() || c.needsUniform() || d.needsUniform() || v0.needsUniform()
                || (u0 != null && u0.needsUniform()) || values.values().stream().anyMatch(PerNeuron::needsUniform)
                || (source instanceof SpikeSource.Poisson p && p.rateHz().needsUniform());
    }

    @Override
    public String toString() {
        return "NeuronGroup(" + name + ", " + size + ")";
    }

    /** Builds a {@link NeuronGroup}. */
    public static final class Builder {
        private final String name;
        private final int size;
        private IzhikevichModel model = IzhikevichModel.STANDARD;
        private PerNeuron a = PerNeuron.constant(0.02), b = PerNeuron.constant(0.2), c = PerNeuron.constant(-65),
                d = PerNeuron.constant(8), v0 = PerNeuron.constant(-65), u0 = null;
        private EquationModel equations;
        private EquationKernel.Compiler compiler;
        private Izhikevich2007Model model2007;
        private boolean v0Set;
        private final Map<Integer, Behaviour> behaviours = new LinkedHashMap<>();
        private boolean behaviourDynamics;
        private final Map<String, PerNeuron> values = new LinkedHashMap<>();
        private SpikeSource source;

        private Builder(String name, int size) {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) throw new IllegalArgumentException("group name must not be blank");
            if (size < 1) throw new IllegalArgumentException("group '" + name + "' needs at least one neuron, got " + size);
            this.name = name;
            this.size = size;
        }

        /** The name the group will have. */
        public String name() { return name; }

        public Builder model(IzhikevichModel m) { this.model = Objects.requireNonNull(m); return this; }
        public Builder a(double x) { return a(PerNeuron.constant(x)); }
        public Builder b(double x) { return b(PerNeuron.constant(x)); }
        public Builder c(double x) { return c(PerNeuron.constant(x)); }
        public Builder d(double x) { return d(PerNeuron.constant(x)); }
        public Builder a(PerNeuron x) { this.a = Objects.requireNonNull(x); return this; }
        public Builder b(PerNeuron x) { this.b = Objects.requireNonNull(x); return this; }
        public Builder c(PerNeuron x) { this.c = Objects.requireNonNull(x); return this; }
        public Builder d(PerNeuron x) { this.d = Objects.requireNonNull(x); return this; }
        /** Initial membrane potential [mV]. */
        public Builder v0(double x) { return v0(PerNeuron.constant(x)); }
        public Builder v0(PerNeuron x) { this.v0 = Objects.requireNonNull(x); this.v0Set = true; return this; }
        /** Initial recovery variable; null (the default) means u0 = b·v0 per neuron. */
        public Builder u0(PerNeuron x) { this.u0 = x; return this; }
        public Builder u0(double x) { return u0(PerNeuron.constant(x)); }

        /**
         * Runs an equation model, compiled by {@code compiler}, instead of the built-in one. Its
         * input {@code I} receives the synaptic input, noise and currents. Per neuron, a state
         * variable named v starts at {@link #v0}, one named u at {@link #u0} (default b·v0),
         * parameters named a, b, c, d take those values; any of them, and all other names, may be
         * given with {@link #set} (unset states start at 0; unset other parameters are refused).
         */
        public Builder equations(EquationModel model, EquationKernel.Compiler compiler) {
            this.equations = Objects.requireNonNull(model);
            this.compiler = Objects.requireNonNull(compiler);
            return this;
        }

        /**
         * Runs the 2007 dimensional model ({@link Izhikevich2007Model}: a book cell from
         * {@code Izhikevich2007Presets}, or one with its own parameters) instead of the 2003 one;
         * all neurons share the cell's parameters. v starts at the cell's vr unless {@link #v0}
         * says otherwise, u at 0 unless {@link #u0} does (the book's start). Inputs are in pA
         * (the model's I); the scheme must be euler (the book's) or rk4.
         */
        public Builder model2007(Izhikevich2007Model cell) {
            this.model2007 = Objects.requireNonNull(cell);
            return this;
        }

        /**
         * Adds a behaviour (PymoNNto's style: {@code init} once, {@code step} every step) at
         * {@code order} among the step's phases, whose orders are {@link Phase#order()}: e.g. 35
         * runs after the deliver (30) of the inputs into I and before the update (40). Behaviours
         * of one order run, for every group that has one, after those of lower orders are done
         * everywhere; a {@link Behaviour#parallel() parallel} one runs on each worker's neurons, a
         * serial one once over the rank's neurons at a barrier. One behaviour per order and group.
         */
        public Builder behaviour(int order, Behaviour b) {
            Objects.requireNonNull(b, "behaviour");
            if (behaviours.containsKey(order)) {
                throw new IllegalArgumentException("group '" + name + "': order " + order + " already has "
                        + behaviours.get(order).getClass().getSimpleName());
            }
            behaviours.put(order, b);
            return this;
        }

        /**
         * The group has no built-in model: its behaviours are its dynamics (SORNSim's and
         * PymoNNto's groups). The engine keeps its vectors (I, fired and whatever its behaviours
         * create) and runs its behaviours; it neither integrates it nor delivers into it: its
         * behaviours read their afferent synapses ({@code Synapses.addFired}). Its spikes are the
         * neurons whose {@code fired} is non-zero when the step's spikes are taken (after the
         * cut-off under netm, else after the update), so monitors and synapses out of it work as
         * for any group.
         */
        public Builder behaviourDynamics() {
            this.behaviourDynamics = true;
            return this;
        }

        /** A parameter or initial state of the equation model, by name. */
        public Builder set(String name, PerNeuron value) {
            values.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
            return this;
        }

        private Builder source(SpikeSource s) {
            this.source = s;
            return this;
        }

        public NeuronGroup build() {
            if (source instanceof SpikeSource.Poisson p) {
                p.rateHz().checkSize("group '" + name + "' rate_hz", size);
                p.windowSteps(size, 1);
            }
            if (behaviourDynamics && (model2007 != null || equations != null)) {
                throw new IllegalArgumentException("group '" + name + "': behaviourDynamics() excludes a model");
            }
            if (behaviourDynamics && behaviours.isEmpty()) {
                throw new IllegalArgumentException("group '" + name + "': behaviourDynamics() needs behaviours");
            }
            if (model2007 != null && equations != null) {
                throw new IllegalArgumentException("group '" + name + "': model2007(...) and equations(...) exclude each other");
            }
            if (!values.isEmpty() && equations == null) {
                throw new IllegalArgumentException("group '" + name + "': set(" + values.keySet() + ") needs equations(...)");
            }
            if (equations != null) {
                for (String key : values.keySet()) {
                    if (equations.indexOf(key) < 0) {
                        throw new IllegalArgumentException("group '" + name + "': '" + key + "' is not a parameter or variable of "
                                + equations.source() + "; known: " + String.join(", ",
                                equations.symbols().subList(0, equations.inputIndex())));
                    }
                }
                if (!equations.hasInput()) {
                    throw new IllegalArgumentException("group '" + name + "': " + equations.source() + " declares no input"
                            + " 'I : unit' for synapses and noise to drive");
                }
            }
            return new NeuronGroup(this);
        }
    }
}
