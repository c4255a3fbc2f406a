package org.izhsim.network;

import java.util.List;
import java.util.Objects;

/**
 * Synapses from one {@link NeuronGroup} to another (or to itself): a tag ("GLUTAMATE", "GABA",
 * …), a {@link Connectivity} rule, {@link Weights}, integer {@link Delays} in steps and a
 * {@link Storage} choice. Plain data: the matrix is built by the {@link Simulation}.
 *
 * <p>Each spike of a presynaptic neuron adds a current pulse of height w to each target,
 * lasting the network's pulse length (default 1 ms, see {@link Network.Builder#pulseMs}); or,
 * with a {@link Builder#target target} other than I, a jump of w in that state variable of the
 * post neuron (a delta synapse onto v, a conductance jump onto ge …).
 */
public final class SynapseGroup {
    private final String name;
    private final NeuronGroup pre, post;
    private final String tag;
    private final Connectivity connectivity;
    private final Weights weights;
    private final Delays delays;
    private final Storage storage;
    private final String target;

    private SynapseGroup(Builder b) {
        this.target = b.target;
        this.name = b.name;
        this.pre = b.pre;
        this.post = b.post;
        this.tag = b.tag;
        this.connectivity = b.connectivity;
        this.weights = b.weights;
        this.delays = b.delays;
        this.storage = b.storage;
        validate();
    }

    public static Builder builder(String name, NeuronGroup pre, NeuronGroup post) {
        return new Builder(name, pre, post);
    }

    public String name() { return name; }
    public NeuronGroup pre() { return pre; }
    public NeuronGroup post() { return post; }
    public String tag() { return tag; }
    public Connectivity connectivity() { return connectivity; }
    public Weights weights() { return weights; }
    public Delays delays() { return delays; }
    public Storage storage() { return storage; }
    /** The post group's variable a spike changes: {@link #CURRENT} (a current pulse) or a state variable (a jump). */
    public String target() { return target; }

    /** Whether a spike adds a current pulse (the default) rather than a jump of a state variable. */
    public boolean targetsCurrent() {
        return target.equals(CURRENT);
    }

    /** The default {@link #target()}: the input current I, as a pulse. */
    public static final String CURRENT = "I";

    /** True if every synapse has the same delay. */
    public boolean uniformDelay() {
        return delays.min() == delays.max();
    }

    /** The storage the simulation will use. */
    public Storage resolvedStorage() {
        boolean denseOk = uniformDelay() && !(connectivity instanceof Connectivity.Explicit)
                && !(connectivity instanceof Connectivity.OneToOne);
        if (storage == Storage.DENSE) {
            if (!denseOk) {
                throw new IllegalArgumentException("synapse group '" + name + "': DENSE storage needs uniform delays and an "
                        + "all-to-all, probability or fixed in-degree rule; use CSR or AUTO");
            }
            return Storage.DENSE;
        }
        if (storage == Storage.CSR || !denseOk) return Storage.CSR;
        if (connectivity instanceof Connectivity.AllToAll) return Storage.DENSE;
        double density = connectivity.expectedSynapses(pre.size(), post.size()) / ((double) pre.size() * post.size());
        return density >= Storage.DENSE_THRESHOLD ? Storage.DENSE : Storage.CSR;
    }

    /** Expected number of synapses. */
    public double expectedSynapses() {
        return connectivity.expectedSynapses(pre.size(), post.size());
    }

    private void validate() {
        String who = "synapse group '" + name + "'";
        int np = pre.size(), nq = post.size();
        if (post.source() != null) {
            throw new IllegalArgumentException(who + ": group '" + post.name() + "' is a spike source and receives no synapses");
        }
        List<String> targets = post.synapseTargets();
        if (!targets.contains(target)) {
            throw new IllegalArgumentException(who + ": target '" + target + "' is not a variable of group '" + post.name()
                    + "'; allowed: " + String.join(", ", targets) + " (I: a current pulse; the others: a jump of w)");
        }
        switch (connectivity) {
            case Connectivity.OneToOne o -> {
                if (np != nq) throw new IllegalArgumentException(who + ": one-to-one needs equal sizes, got " + np + " and " + nq);
            }
            case Connectivity.FixedInDegree f -> {
                if (f.k() > np) throw new IllegalArgumentException(who + ": in-degree " + f.k() + " exceeds the " + np
                        + " neurons of '" + pre.name() + "' (partners are distinct)");
            }
            case Connectivity.FixedInDegreeFrom f -> {
                if (f.offsetOf(pre) < 0) throw new IllegalArgumentException(who + ": pre group '" + pre.name()
                        + "' is not in the population of draw '" + f.draw() + "'");
            }
            case Connectivity.Explicit e -> {
                for (int i = 0; i < e.pre().length; i++) {
                    if (e.pre()[i] < 0 || e.pre()[i] >= np) throw new IllegalArgumentException(who + ": pre index " + e.pre()[i]
                            + " at position " + i + " is outside 0.." + (np - 1));
                    if (e.post()[i] < 0 || e.post()[i] >= nq) throw new IllegalArgumentException(who + ": post index " + e.post()[i]
                            + " at position " + i + " is outside 0.." + (nq - 1));
                }
            }
            default -> { }
        }
        boolean ordered = connectivity instanceof Connectivity.Explicit || connectivity instanceof Connectivity.AllToAll
                || connectivity instanceof Connectivity.OneToOne;
        long count = switch (connectivity) {
            case Connectivity.Explicit e -> e.pre().length;
            case Connectivity.AllToAll a -> (long) np * nq;
            case Connectivity.OneToOne o -> np;
            default -> -1;
        };
        if (weights instanceof Weights.Array w) {
            if (!ordered) throw new IllegalArgumentException(who + ": weight arrays need an explicit, all-to-all or one-to-one rule");
            if (w.w().length != count) throw new IllegalArgumentException(who + ": " + w.w().length + " weights for " + count + " synapses");
        }
        if (delays instanceof Delays.Array d) {
            if (!ordered) throw new IllegalArgumentException(who + ": delay arrays need an explicit, all-to-all or one-to-one rule");
            if (d.steps().length != count) throw new IllegalArgumentException(who + ": " + d.steps().length + " delays for " + count + " synapses");
        }
    }

    @Override
    public String toString() {
        return "SynapseGroup(" + name + ": " + pre.name() + " -> " + post.name() + ", " + tag + ")";
    }

    /** Builds a {@link SynapseGroup}. Defaults: tag "GLUTAMATE", all-to-all, weight 0, delay 0, AUTO storage. */
    public static final class Builder {
        private final String name;
        private final NeuronGroup pre, post;
        private String tag = "GLUTAMATE";
        private Connectivity connectivity = Connectivity.allToAll();
        private Weights weights = Weights.constant(0);
        private Delays delays = Delays.constant(0);
        private Storage storage = Storage.AUTO;
        private String target = CURRENT;

        private Builder(String name, NeuronGroup pre, NeuronGroup post) {
            this.name = Objects.requireNonNull(name, "name");
            if (name.isBlank()) throw new IllegalArgumentException("synapse group name must not be blank");
            this.pre = Objects.requireNonNull(pre, "pre");
            this.post = Objects.requireNonNull(post, "post");
        }

        public Builder tag(String t) { this.tag = Objects.requireNonNull(t); return this; }
        public Builder connect(Connectivity c) { this.connectivity = Objects.requireNonNull(c); return this; }
        public Builder weights(Weights w) { this.weights = Objects.requireNonNull(w); return this; }
        public Builder weight(double w) { return weights(Weights.constant(w)); }
        public Builder delays(Delays d) { this.delays = Objects.requireNonNull(d); return this; }
        public Builder delay(int steps) { return delays(Delays.constant(steps)); }
        public Builder storage(Storage s) { this.storage = Objects.requireNonNull(s); return this; }

        /**
         * The post group's variable a spike changes ({@link NeuronGroup#synapseTargets()}):
         * {@link #CURRENT} "I" (default) adds a current pulse of height w for the pulse length;
         * a state variable ("v": a delta synapse as NEST's izhikevich and Brian2's
         * {@code on_pre: v_post += w}; an equation model's "ge", "I_syn" …) jumps by w (the
         * sum of the step's arrivals) at the deliver of the arrival step, before the integration
         * (see {@link Phase#DELIVER}). Weights are stored as float, as for pulses.
         */
        public Builder target(String variable) { this.target = Objects.requireNonNull(variable, "target"); return this; }

        public SynapseGroup build() {
            return new SynapseGroup(this);
        }
    }
}
