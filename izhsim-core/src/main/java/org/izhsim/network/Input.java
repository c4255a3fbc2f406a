package org.izhsim.network;

import java.util.Objects;
import java.util.function.DoubleUnaryOperator;
import org.izhsim.model.Checks;

/**
 * External input to a group. Each input has a name (unique in the network; it names the random
 * stream and is how {@link ParameterChange}s refer to it). The current of neuron i in step k is
 * {@code I = (I_noise + I_ext) + I_syn} (see {@link Phase}), where I_noise sums the noise
 * inputs of the group and I_ext the constant and time-dependent ones.
 */
public sealed interface Input {
    String name();

    NeuronGroup group();

    /** Gaussian noise σ·N(0,1) per neuron, redrawn every 1 ms and held in between (net.m's thalamic input). */
    static Noise noise(NeuronGroup group, double sigma) {
        return noise(group, PerNeuron.constant(sigma), 1.0);
    }

    /** Gaussian noise σ·N(0,1) per neuron, redrawn every {@code periodMs} (a whole number of steps). */
    static Noise noise(NeuronGroup group, PerNeuron sigma, double periodMs) {
        return new Noise("noise:" + group.name(), group, sigma, periodMs);
    }

    /** A constant current (per neuron). */
    static Constant constant(NeuronGroup group, double amplitude) {
        return new Constant("constant:" + group.name(), group, PerNeuron.constant(amplitude));
    }

    /** A time-dependent current f(t), t in ms, the same for all neurons of the group. */
    static TimeCurrent current(NeuronGroup group, DoubleUnaryOperator f) {
        return new TimeCurrent("current:" + group.name(), group, f);
    }

    /**
     * {@code sources} independent Poisson trains of {@code rateHz} onto every neuron of the group
     * (Brian2's PoissonInput); each event is a pulse of height {@code weight} like a synaptic spike
     * arriving in the step it is drawn.
     */
    static Poisson poisson(NeuronGroup group, int sources, double rateHz, double weight) {
        return new Poisson("poisson:" + group.name(), group, sources, rateHz, weight);
    }

    /**
     * Gaussian noise. The value of neuron i at draw m (step m·P, P = period in steps) is
     * σ_i·{@code CounterRandom.gaussian(CounterRandom.key(Streams.key(seed, "noise/" + name), m), i)};
     * keyed by the draw index m, so the same noise sequence (per ms) is drawn at every dt.
     * A change of σ takes effect at the next redraw (as Brian2's run_regularly).
     */
    record Noise(String name, NeuronGroup group, PerNeuron sigma, double periodMs) implements Input {
        public Noise {
            Objects.requireNonNull(name);
            Objects.requireNonNull(group);
            Objects.requireNonNull(sigma);
            Checks.positive("noise period", periodMs);
            if (sigma.isConstant() && sigma.constantValue() < 0) throw new IllegalArgumentException("noise sigma must be >= 0");
        }

        public Noise named(String n) {
            return new Noise(n, group, sigma, periodMs);
        }
    }

    /** A constant current per neuron. */
    record Constant(String name, NeuronGroup group, PerNeuron amplitude) implements Input {
        public Constant {
            Objects.requireNonNull(name);
            Objects.requireNonNull(group);
            Objects.requireNonNull(amplitude);
        }

        public Constant named(String n) {
            return new Constant(n, group, amplitude);
        }
    }

    /** f(t); must be a pure function of t (every worker thread evaluates it). */
    record TimeCurrent(String name, NeuronGroup group, DoubleUnaryOperator f) implements Input {
        public TimeCurrent {
            Objects.requireNonNull(name);
            Objects.requireNonNull(group);
            Objects.requireNonNull(f);
        }

        public TimeCurrent named(String n) {
            return new TimeCurrent(n, group, f);
        }
    }

    /**
     * Poisson events: per neuron and step a count ~ Poisson(sources·rate·dt) from
     * {@code CounterRandom.uniform(CounterRandom.key(Streams.key(seed, "poisson/" + name), k), i)}
     * by inversion; count·weight is added to the neuron's arrivals of step k.
     */
    record Poisson(String name, NeuronGroup group, int sources, double rateHz, double weight) implements Input {
        public Poisson {
            Objects.requireNonNull(name);
            Objects.requireNonNull(group);
            if (sources < 1) throw new IllegalArgumentException("Poisson input needs at least one source");
            if (!(rateHz >= 0) || !Double.isFinite(rateHz)) throw new IllegalArgumentException("Poisson rate must be >= 0 Hz, got " + rateHz);
            Checks.finite("Poisson weight", weight);
        }

        public Poisson named(String n) {
            return new Poisson(n, group, sources, rateHz, weight);
        }
    }
}
