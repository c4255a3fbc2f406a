package org.izhsim.network;

import java.util.List;
import java.util.Objects;
import org.izhsim.equations.EquationKernel;
import org.izhsim.equations.EquationModel;
import org.izhsim.integrate.Scheme;
import org.izhsim.model.Checks;

/**
 * Izhikevich's 2003 network ({@code net.m}; docs/reference/izhikevich-2003-2004.md §2) and its scaled
 * sparse variants as in {@code brian2_net2003.py} (docs/reference/brian2-peer.md).
 *
 * <ul>
 *   <li>Groups "exc" (Ne, default 800) and "inh" (Ni, default 200), one uniform r per neuron:
 *       exc a = 0.02, b = 0.2, c = −65 + 15r², d = 8 − 6r²; inh a = 0.02 + 0.08r,
 *       b = 0.25 − 0.05r, c = −65, d = 2; v0 = −65 mV, u0 = b·v0.</li>
 *   <li>Synapse groups "exc->exc", "exc->inh" (tag GLUTAMATE, w = 0.5·r·s) and "inh->exc",
 *       "inh->inh" (tag GABA, w = −r·s), delay 0, pulse 1 ms; declared in this order so every
 *       post neuron sums its inputs in ascending global source index, as net.m's
 *       {@code sum(S(:,fired),2)}.</li>
 *   <li>Dense: all-to-all including self (net.m's S). Sparse: every neuron receives exactly K
 *       distinct inputs drawn uniformly from all Ne + Ni neurons (one shared draw, see
 *       {@link Connectivity#fixedInDegreeFrom}).</li>
 *   <li>Weight factor s: REF (default) 1000/K_in (the canonical network's expected input,
 *       1 for the 1000-neuron dense net), or N = (Ne + Ni)/K_in.</li>
 *   <li>Noise "noise:exc" σ = 5 and "noise:inh" σ = 2, redrawn every 1 ms.</li>
 *   <li>Optionally constant currents "constant:exc" and "constant:inh" ({@link Builder#constantCurrent}).</li>
 *   <li>A {@link SpikeMonitor#all()} named "spikes" (global indices: exc first).</li>
 * </ul>
 * With scheme netm and dt = 1 ms one step is exactly one iteration of net.m's loop.
 */
public final class Izhikevich2003Network {
    private Izhikevich2003Network() {}

    /** How weights are scaled with the in-degree K_in. */
    public enum WeightScale {
        /** × 1000/K_in: every neuron's expected input equals the canonical 800 + 200 network's. */
        REF,
        /** × (Ne + Ni)/K_in: the input of an all-to-all network of the same size. */
        N
    }

    /** The built description and handles to its parts. */
    public record Built(Network network, NeuronGroup exc, NeuronGroup inh, List<SynapseGroup> synapses,
                        SpikeMonitor spikes, StateMonitor trace, double weightFactor, int inDegree) {}

    public static Builder builder() {
        return new Builder();
    }

    /** Options; defaults reproduce net.m. */
    public static final class Builder {
        private int ne = 800, ni = 200;
        private Scheme scheme = Scheme.NETM;
        private double dt = 1.0;
        private int k = -1; // -1: dense
        private long seed = 1;
        private double sigmaExc = 5, sigmaInh = 2, noisePeriodMs = 1, pulseMs = 1;
        private WeightScale weightScale = WeightScale.REF;
        private Storage storage = Storage.AUTO;
        private boolean monitor = true;
        private int traceNeuron = -1;
        private double[] constant; // null: no constant inputs
        private EquationModel equations;
        private EquationKernel.Compiler compiler;

        private Builder() {}

        public Builder ne(int n) {
            if (n < 1) throw new IllegalArgumentException("ne must be >= 1");
            this.ne = n;
            return this;
        }

        public Builder ni(int n) {
            if (n < 1) throw new IllegalArgumentException("ni must be >= 1");
            this.ni = n;
            return this;
        }

        public Builder scheme(Scheme s) { this.scheme = Objects.requireNonNull(s); return this; }
        public Builder dt(double ms) { this.dt = Checks.positive("dt", ms); return this; }
        public Builder seed(long s) { this.seed = s; return this; }

        /** All-to-all including self (the default). */
        public Builder dense() { this.k = -1; return this; }

        /** Exactly K distinct inputs per neuron from all Ne + Ni. */
        public Builder sparse(int inDegree) {
            if (inDegree < 1) throw new IllegalArgumentException("K must be >= 1");
            this.k = inDegree;
            return this;
        }

        public Builder weightScale(WeightScale s) { this.weightScale = Objects.requireNonNull(s); return this; }
        public Builder noise(double excSigma, double inhSigma) {
            this.sigmaExc = excSigma;
            this.sigmaInh = inhSigma;
            return this;
        }
        /**
         * Also add constant-current inputs "constant:exc" and "constant:inh" with these amplitudes,
         * so that a run can change them between steps ({@link ParameterChange#constantCurrent});
         * with 0 and 0 the spikes equal a network without them (x + 0 is x).
         */
        public Builder constantCurrent(double exc, double inh) {
            this.constant = new double[] {Checks.finite("exc current", exc), Checks.finite("inh current", inh)};
            return this;
        }
        public Builder noisePeriodMs(double ms) { this.noisePeriodMs = Checks.positive("noise period", ms); return this; }
        public Builder pulseMs(double ms) { this.pulseMs = Checks.positive("pulse", ms); return this; }
        /** Storage of the four synapse groups (AUTO: dense for all-to-all, CSR for sparse). */
        public Builder storage(Storage s) { this.storage = Objects.requireNonNull(s); return this; }
        /** Whether to add the "spikes" monitor (default true). */
        public Builder spikeMonitor(boolean on) { this.monitor = on; return this; }
        /** Also record v, u and I of this excitatory neuron every step ("trace"), as net.m's figure shows one. */
        public Builder traceNeuron(int excIndex) {
            if (excIndex < 0) throw new IllegalArgumentException("trace neuron must be >= 0, got " + excIndex);
            this.traceNeuron = excIndex;
            return this;
        }

        /**
         * Both groups run this equation model (compiled by {@code compiler}) instead of the
         * built-in one, with the network's per-neuron a, b, c, d and v0, u0 = b·v0 (see
         * {@link NeuronGroup.Builder#equations}).
         */
        public Builder equations(EquationModel model, EquationKernel.Compiler compiler) {
            this.equations = Objects.requireNonNull(model);
            this.compiler = Objects.requireNonNull(compiler);
            return this;
        }

        /**
         * Adds a behaviour to group "exc" or "inh" at {@code order} among the step's phases (see
         * {@link NeuronGroup.Builder#behaviour}); e.g. 35 acts on the input current before the update.
         */
        public Builder behaviour(String group, int order, org.izhsim.behaviour.Behaviour b) {
            if (!group.equals("exc") && !group.equals("inh")) {
                throw new IllegalArgumentException("no group '" + group + "'; known: exc, inh");
            }
            behaviours.computeIfAbsent(group, g -> new java.util.TreeMap<>()).put(order, Objects.requireNonNull(b));
            return this;
        }

        private final java.util.Map<String, java.util.Map<Integer, org.izhsim.behaviour.Behaviour>> behaviours =
                new java.util.HashMap<>();

        private NeuronGroup.Builder withEquations(NeuronGroup.Builder g) {
            NeuronGroup.Builder out = equations == null ? g : g.equations(equations, compiler);
            for (var e : behaviours.getOrDefault(g.name(), java.util.Map.of()).entrySet()) out.behaviour(e.getKey(), e.getValue());
            return out;
        }

        /**
         * A small network of the same kind for {@link Simulation.Builder#warmUp}: the same
         * model, scheme, dt, inputs, monitors and synapse storage as {@link #build()} would give, at
         * most 4000 + 1000 neurons and K ≤ 200 (weights scaled to match, so it fires at a
         * similar rate). Its spikes mean nothing; it only lets the JIT compile the same loops.
         * Enough neurons that a step's work outweighs a barrier, few enough synapses (≤ 1 M)
         * that building it takes milliseconds.
         */
        public Network warmUpSample() {
            Storage resolved = build().synapses().get(0).resolvedStorage();
            Builder b = new Builder();
            b.ne = Math.min(ne, 4000);
            b.ni = Math.min(ni, 1000);
            b.scheme = scheme;
            b.dt = dt;
            b.k = k < 0 ? -1 : Math.min(k, Math.min(200, b.ne + b.ni));
            b.seed = seed;
            b.sigmaExc = sigmaExc;
            b.sigmaInh = sigmaInh;
            b.noisePeriodMs = noisePeriodMs;
            b.pulseMs = pulseMs;
            b.weightScale = weightScale;
            b.storage = resolved;
            b.monitor = monitor;
            b.traceNeuron = traceNeuron < 0 ? -1 : 0;
            b.constant = constant;
            // the same model, so the warm-up compiles the loops the run uses (compiled kernels are cached)
            b.equations = equations;
            b.compiler = compiler;
            return b.build().network();
        }

        public Built build() {
            int n = ne + ni;
            if (k > n) throw new IllegalArgumentException("K = " + k + " exceeds the " + n + " neurons");
            int kIn = k < 0 ? n : k;
            double s = weightScale == WeightScale.REF ? 1000.0 / kIn : (double) n / kIn;
            NeuronGroup exc = withEquations(NeuronGroup.builder("exc", ne))
                    .a(0.02).b(0.2)
                    .c(PerNeuron.ofUniform(r -> -65 + 15 * (r * r)))
                    .d(PerNeuron.ofUniform(r -> 8 - 6 * (r * r)))
                    .v0(-65).build();
            NeuronGroup inh = withEquations(NeuronGroup.builder("inh", ni))
                    .a(PerNeuron.ofUniform(r -> 0.02 + 0.08 * r))
                    .b(PerNeuron.ofUniform(r -> 0.25 - 0.05 * r))
                    .c(-65).d(2)
                    .v0(-65).build();
            List<NeuronGroup> pop = List.of(exc, inh);
            // one function for every scale (× 1.0 is exact): the warm-up sample, whose scale
            // differs, then profiles the same classes, and the build does not deoptimise on a new one
            Weights we = Weights.ofUniform(r -> 0.5 * r * s);
            Weights wi = Weights.ofUniform(r -> -r * s);
            Network.Builder nb = Network.builder().seed(seed).dt(dt).scheme(scheme).pulseMs(pulseMs).add(exc).add(inh);
            SynapseGroup[] syn = new SynapseGroup[4];
            NeuronGroup[][] pairs = {{exc, exc}, {exc, inh}, {inh, exc}, {inh, inh}};
            for (int i = 0; i < 4; i++) {
                NeuronGroup pre = pairs[i][0], post = pairs[i][1];
                Connectivity c = k < 0 ? Connectivity.allToAll() : Connectivity.fixedInDegreeFrom(k, "net2003->" + post.name(), pop);
                syn[i] = SynapseGroup.builder(pre.name() + "->" + post.name(), pre, post)
                        .tag(pre == exc ? "GLUTAMATE" : "GABA")
                        .connect(c)
                        .weights(pre == exc ? we : wi)
                        .delay(0)
                        .storage(storage)
                        .build();
                nb.add(syn[i]);
            }
            nb.add(Input.noise(exc, PerNeuron.constant(sigmaExc), noisePeriodMs));
            nb.add(Input.noise(inh, PerNeuron.constant(sigmaInh), noisePeriodMs));
            if (constant != null) {
                nb.add(Input.constant(exc, constant[0]));
                nb.add(Input.constant(inh, constant[1]));
            }
            SpikeMonitor spikes = monitor ? SpikeMonitor.all() : null;
            if (spikes != null) nb.add(spikes);
            StateMonitor trace = null;
            if (traceNeuron >= 0) {
                if (traceNeuron >= ne) throw new IllegalArgumentException("trace neuron " + traceNeuron + " is not one of the " + ne + " excitatory neurons");
                trace = StateMonitor.of(exc, new int[] {traceNeuron}, 1, StateMonitor.Variable.V, StateMonitor.Variable.U,
                        StateMonitor.Variable.I).named("trace");
                nb.add(trace);
            }
            return new Built(nb.build(), exc, inh, List.of(syn), spikes, trace, s, kIn);
        }
    }
}
