package org.izhsim.network;

import java.util.Objects;
import org.izhsim.equations.SynapseKernel;
import org.izhsim.equations.SynapseModel;

/**
 * A learning rule attached to a synapse group ({@link SynapseGroup.Builder#plasticity}): the
 * group's weights then change during the run, and its spikes are delivered when they arrive
 * (with the weight the synapse has then) instead of when they are sent. Plain data; the engine
 * runs one rule instance per plastic group (docs/plasticity.md has the formulas and the order
 * within a step).
 *
 * <h2>Time and delays</h2>
 * Every rule sees events on the step grid: a pre spike of step s reaches a synapse of delay d
 * at step a = s + d (its <em>arrival</em>, where Brian2 runs {@code on_pre}), a post spike of
 * step t acts at t (no dendritic delay). Traces are kept per neuron: the pre trace X of a pre
 * neuron as it is at its own spikes, and what a synapse of delay d sees at step t is X(t − d),
 * the trace at arrival time, which equals Brian2's per-synapse {@code apre} updated at
 * {@code on_pre}.
 */
public sealed interface Plasticity permits Plasticity.Stdp, Plasticity.Spnet, Plasticity.Equations {

    /** How a pair update depends on the current weight. */
    enum WeightDependence {
        /** Δw+ = x_pre, Δw− = x_post (Song, Miller &amp; Abbott 2000; Brian2's STDP example), clipped to [0, wmax]. */
        ADDITIVE,
        /**
         * Δw+ = x_pre·(wmax − w)/wmax, Δw− = x_post·w/wmax: PyNN's MultiplicativeWeightDependence
         * with A = a/wmax, NEST's {@code stdp_synapse} with mu_plus = mu_minus = 1; bounded by
         * [0, wmax] without the clip as long as |a| ≤ wmax.
         */
        MULTIPLICATIVE
    }

    /** Which spike pairs a trace sums. */
    enum Pairing {
        /** A spike adds its amplitude to the trace: every earlier spike pairs (Brian2's {@code apre += dApre}). */
        ALL_TO_ALL,
        /** A spike sets the trace to its amplitude: only the latest spike of each side pairs (NEST's "nearest"). */
        NEAREST
    }

    /**
     * Pair-based STDP with exponential traces (Song, Miller &amp; Abbott 2000, as Brian2's
     * {@code STDP} example). Per pre neuron x_pre (amplitude {@code aPre}, time constant
     * {@code tauPreMs}), per post neuron x_post ({@code aPost}, usually negative,
     * {@code tauPostMs}), both decaying by exp(−dt/τ) per step. In one step, Brian2's order:
     * first the arrivals (w += Δw−(x_post before this step's post spikes)), then the post spikes
     * (w += Δw+(x_pre at arrival, arrivals of this step included)); w is clipped to [0, wMax]
     * after every update. An arrival delivers the weight the synapse has before its update
     * (Brian2's example: {@code on_pre: ge += w} first), or, with {@code deliverAfterUpdate},
     * after it (PyNN's STDPMechanism on its Brian2 and NEST backends, NEST's
     * {@code stdp_synapse}).
     */
    record Stdp(double tauPreMs, double tauPostMs, double aPre, double aPost, double wMax,
                WeightDependence dependence, Pairing pairing, boolean deliverAfterUpdate) implements Plasticity {
        /** Delivering the weight before the arrival's update (Brian2's STDP example). */
        public Stdp(double tauPreMs, double tauPostMs, double aPre, double aPost, double wMax,
                    WeightDependence dependence, Pairing pairing) {
            this(tauPreMs, tauPostMs, aPre, aPost, wMax, dependence, pairing, false);
        }

        /** The record's text without the delivery flag when it is the default, so fingerprints of existing models stay. */
        @Override
        public String toString() {
            return "Stdp[tauPreMs=" + tauPreMs + ", tauPostMs=" + tauPostMs + ", aPre=" + aPre + ", aPost=" + aPost
                    + ", wMax=" + wMax + ", dependence=" + dependence + ", pairing=" + pairing
                    + (deliverAfterUpdate ? ", deliverAfterUpdate=true]" : "]");
        }

        public Stdp {
            positive("tau_pre_ms", tauPreMs);
            positive("tau_post_ms", tauPostMs);
            finite("a_pre", aPre);
            finite("a_post", aPost);
            positive("w_max", wMax);
            Objects.requireNonNull(dependence, "dependence");
            Objects.requireNonNull(pairing, "pairing");
        }
    }

    /**
     * Izhikevich's (2006) rule of the polychronization network (docs/reference/spnet.md §2.3,
     * §3), for excitatory groups (an inhibitory group stays static: give it no plasticity). At
     * a spike a neuron's LTP history is set to {@code ltp} (0.1) and its LTD trace to
     * {@code ltd} (0.12); both decay by {@code decayPerMs} (0.95) per ms. At a post spike of
     * step t each afferent's sd += LTP(pre, t − d − 1) (the pre history at arrival, arrivals of
     * step t excluded: spnet runs post spikes before arrivals); at an arrival sd −= LTD(post)
     * (this step's post spike included). Every {@code periodMs} (1000) w ← clip(w + drift + sd,
     * 0, wMax) with drift 0.01, then sd ← sdDecay·sd (0.9). sd and w are float, as spnet's.
     */
    record Spnet(double wMax, double ltp, double ltd, double decayPerMs, double drift, double sdDecay, double periodMs)
            implements Plasticity {
        public Spnet {
            positive("w_max", wMax);
            finite("ltp", ltp);
            finite("ltd", ltd);
            if (!(decayPerMs > 0 && decayPerMs <= 1)) {
                throw new IllegalArgumentException("plasticity decay_per_ms must be in (0, 1], got " + decayPerMs);
            }
            finite("drift", drift);
            finite("sd_decay", sdDecay);
            positive("period_ms", periodMs);
        }
    }

    /**
     * A Brian2-style synapse model ({@code model}/{@code on_pre}/{@code on_post}/periodic
     * blocks), parsed for the group's two sides ({@link SynapseEquations#variables}), and the
     * compiler that makes its kernel (izhsim-codegen's {@code SynapseKernelCompiler.INSTANCE}).
     * The synapse variable {@code w} is the group's stored weight, delivered by the engine at
     * arrival; every other variable starts at its {@code initial} value (0 if none is given).
     *
     * @param initial starting values of synapse variables other than {@code w}, in model units
     * @param order   which pathway runs first within a step ({@link PathwayOrder#BRIAN2}: on_pre)
     */
    record Equations(SynapseModel model, SynapseKernel.Compiler compiler, java.util.Map<String, Double> initial,
                     PathwayOrder order) implements Plasticity {
        public Equations {
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(compiler, "compiler");
            Objects.requireNonNull(order, "order");
            initial = java.util.Map.copyOf(initial);
            for (var e : initial.entrySet()) {
                if (model.indexOf(e.getKey()) < 0 || e.getKey().equals("w")) {
                    throw new IllegalArgumentException("initial value for '" + e.getKey() + "', which is no synapse variable"
                            + " of " + model.source() + " other than w (w is the group's weight)");
                }
                finite("initial " + e.getKey(), e.getValue());
            }
        }

        /** Brian2's order: on_pre before on_post. */
        public Equations(SynapseModel model, SynapseKernel.Compiler compiler, java.util.Map<String, Double> initial) {
            this(model, compiler, initial, PathwayOrder.BRIAN2);
        }

        /** No initial values: every variable but w starts at 0; Brian2's order. */
        public Equations(SynapseModel model, SynapseKernel.Compiler compiler) {
            this(model, compiler, java.util.Map.of());
        }
    }

    /**
     * The {@code order} of a synapse model's two pathways within a step, as Brian2's
     * {@code SynapticPathway.order} ({@code S.pre.order}, {@code S.post.order}): the lower runs
     * first; Brian2's defaults are pre −1, post +1 (arrivals, then post spikes). On a tie Brian2
     * sorts by object name, and {@code <name>_post} comes before {@code <name>_pre}, so a tie runs
     * post spikes first too. spnet.cpp runs post spikes first: {@code new PathwayOrder(1, -1)}.
     *
     * @param pre  the order of the pre pathway ({@code on_pre}, at arrivals)
     * @param post the order of the post pathway ({@code on_post}, at post spikes)
     */
    record PathwayOrder(int pre, int post) {
        /** Brian2's default: pre −1, post +1. */
        public static final PathwayOrder BRIAN2 = new PathwayOrder(-1, 1);

        /** Whether on_post runs before on_pre within a step. */
        public boolean postFirst() {
            return post <= pre;
        }
    }

    /**
     * Brian2's STDP example: τpre = τpost = 20 ms, Apost = −Apre·τpre/τpost·1.05, additive,
     * all-to-all, clipped to [0, wMax].
     */
    static Stdp stdp(double aPre, double wMax) {
        return new Stdp(20, 20, aPre, -aPre * 20 / 20 * 1.05, wMax, WeightDependence.ADDITIVE, Pairing.ALL_TO_ALL);
    }

    /** Pair STDP with every parameter given. */
    static Stdp stdp(double tauPreMs, double tauPostMs, double aPre, double aPost, double wMax,
                     WeightDependence dependence, Pairing pairing) {
        return new Stdp(tauPreMs, tauPostMs, aPre, aPost, wMax, dependence, pairing);
    }

    /** spnet's rule with spnet.cpp's constants and weights clipped to [0, wMax] (spnet: sm = 10). */
    static Spnet spnet(double wMax) {
        return new Spnet(wMax, 0.1, 0.12, 0.95, 0.01, 0.9, 1000);
    }

    private static void positive(String key, double x) {
        if (!(x > 0) || Double.isInfinite(x)) throw new IllegalArgumentException("plasticity " + key + " must be a positive finite number, got " + x);
    }

    private static void finite(String key, double x) {
        if (!Double.isFinite(x)) throw new IllegalArgumentException("plasticity " + key + " must be a finite number, got " + x);
    }
}
