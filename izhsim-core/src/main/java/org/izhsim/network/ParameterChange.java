package org.izhsim.network;

import java.util.Objects;

/**
 * A change of an input's parameter between two steps, queued with
 * {@link Simulation#schedule(long, ParameterChange)}: validated when queued (the input must
 * exist, values must be finite and of the right length), copied, then committed between steps
 * (after the record phase of the previous step) and logged ({@link Simulation#changeLog()}).
 */
public sealed interface ParameterChange {
    /** The name of the input it changes. */
    String input();

    /** A one-line description for the log. */
    String describe();

    /** σ of a noise input; takes effect at the input's next redraw. */
    static ParameterChange noiseSigma(String input, double sigma) {
        return new NoiseSigma(input, PerNeuron.constant(sigma));
    }

    static ParameterChange noiseSigma(String input, PerNeuron sigma) {
        return new NoiseSigma(input, sigma);
    }

    /** The amplitude of a constant-current input; takes effect in the next step. */
    static ParameterChange constantCurrent(String input, double amplitude) {
        return new ConstantCurrent(input, PerNeuron.constant(amplitude));
    }

    static ParameterChange constantCurrent(String input, PerNeuron amplitude) {
        return new ConstantCurrent(input, amplitude);
    }

    /** The rate of every source of a Poisson input [Hz]. */
    static ParameterChange poissonRate(String input, double rateHz) {
        return new PoissonRate(input, rateHz);
    }

    /** New σ. */
    record NoiseSigma(String input, PerNeuron sigma) implements ParameterChange {
        public NoiseSigma {
            Objects.requireNonNull(input);
            Objects.requireNonNull(sigma);
        }

        @Override
        public String describe() {
            return "noise '" + input + "' sigma = " + sigma;
        }
    }

    /** New amplitude. */
    record ConstantCurrent(String input, PerNeuron amplitude) implements ParameterChange {
        public ConstantCurrent {
            Objects.requireNonNull(input);
            Objects.requireNonNull(amplitude);
        }

        @Override
        public String describe() {
            return "constant current '" + input + "' = " + amplitude;
        }
    }

    /** New rate. */
    record PoissonRate(String input, double rateHz) implements ParameterChange {
        public PoissonRate {
            Objects.requireNonNull(input);
            if (!(rateHz >= 0) || !Double.isFinite(rateHz)) throw new IllegalArgumentException("Poisson rate must be >= 0 Hz, got " + rateHz);
        }

        @Override
        public String describe() {
            return "poisson '" + input + "' rate = " + rateHz + " Hz";
        }
    }
}
