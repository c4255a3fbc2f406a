package org.izhsim.network;

import java.util.Objects;
import java.util.function.DoubleUnaryOperator;
import org.izhsim.model.Checks;

/**
 * Synaptic weights (stored as float). Random weights are a pure function of (seed, synapse-group
 * name, pre, post): r = {@code CounterRandom.uniform(CounterRandom.key(Streams.key(seed,
 * "weights/" + name), post), pre)}, so they do not depend on build order or thread count
 * (parallel synapses of an explicit list share r). The stored weight is {@code (float) f(r)}.
 * A weight adds a current pulse of this height to the post neuron (units of I).
 */
public sealed interface Weights {

    static Weights constant(double w) {
        return new Constant(w);
    }

    /** Uniform on [lo, hi): lo + (hi − lo)·r. */
    static Weights uniform(double lo, double hi) {
        return new Uniform(lo, hi);
    }

    /** f(r) with r ~ U(0, 1) per synapse (e.g. {@code r -> -r} for net.m's inhibitory weights). */
    static Weights ofUniform(DoubleUnaryOperator f) {
        return new OfUniform(f);
    }

    /**
     * One weight per synapse, in the order of the connectivity rule: explicit pairs in their
     * given order, all-to-all in pre-major order (index pre·Npost + post), one-to-one by index.
     * Not allowed for random rules. The array is copied.
     */
    static Weights array(double[] w) {
        return new Array(w.clone());
    }

    /** A fixed weight. */
    record Constant(double w) implements Weights {
        public Constant {
            Checks.finite("weight", w);
        }
    }

    /** lo + (hi − lo)·r. */
    record Uniform(double lo, double hi) implements Weights {
        public Uniform {
            Checks.finite("weight lo", lo);
            Checks.finite("weight hi", hi);
            if (hi < lo) throw new IllegalArgumentException("weight range [" + lo + ", " + hi + ") is empty");
        }
    }

    /** f(r). */
    record OfUniform(DoubleUnaryOperator f) implements Weights {
        public OfUniform {
            Objects.requireNonNull(f, "weight function");
        }
    }

    /** Explicit values. */
    record Array(double[] w) implements Weights {
        public Array {
            for (int i = 0; i < w.length; i++) Checks.finite("weight [" + i + "]", w[i]);
        }
    }
}
