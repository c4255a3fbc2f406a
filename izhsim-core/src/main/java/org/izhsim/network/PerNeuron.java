package org.izhsim.network;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.DoubleUnaryOperator;
import org.izhsim.model.Checks;

/**
 * A per-neuron value of a group: one constant, an explicit array, or a function of the
 * neuron's uniform random number r ~ U(0, 1). All parameters of one neuron that are given as
 * {@link #ofUniform functions of r} see the <em>same</em> r, as in net.m, where one draw per
 * neuron sets a, b, c and d (e.g. {@code c = -65 + 15 r²}, {@code d = 8 - 6 r²}). The r of
 * neuron i of group G is {@code CounterRandom.uniform(CounterRandom.key(Streams.key(seed,
 * "params/" + G), 0), i)}.
 */
public final class PerNeuron {
    private enum Kind { CONSTANT, ARRAY, UNIFORM }

    private final Kind kind;
    private final double value;
    private final double[] values;
    private final DoubleUnaryOperator function;

    private PerNeuron(Kind kind, double value, double[] values, DoubleUnaryOperator function) {
        this.kind = kind;
        this.value = value;
        this.values = values;
        this.function = function;
    }

    /** The same value for every neuron. */
    public static PerNeuron constant(double x) {
        Checks.finite("per-neuron constant", x);
        return new PerNeuron(Kind.CONSTANT, x, null, null);
    }

    /** One value per neuron (copied; its length must equal the group size). */
    public static PerNeuron array(double[] xs) {
        Objects.requireNonNull(xs, "values");
        for (int i = 0; i < xs.length; i++) Checks.finite("per-neuron value [" + i + "]", xs[i]);
        return new PerNeuron(Kind.ARRAY, Double.NaN, xs.clone(), null);
    }

    /** f(r) with the neuron's uniform random r ∈ [0, 1), shared by all of its parameters. */
    public static PerNeuron ofUniform(DoubleUnaryOperator f) {
        return new PerNeuron(Kind.UNIFORM, Double.NaN, null, Objects.requireNonNull(f, "function"));
    }

    public boolean isConstant() {
        return kind == Kind.CONSTANT;
    }

    /** The constant (only if {@link #isConstant()}). */
    public double constantValue() {
        if (kind != Kind.CONSTANT) throw new IllegalStateException("not a constant: " + this);
        return value;
    }

    /** True if the values depend on the neurons' uniform random numbers. */
    public boolean needsUniform() {
        return kind == Kind.UNIFORM;
    }

    /** The values of the first {@code n} neurons: an array cut to n, a constant or a function of r as it is. */
    PerNeuron head(int n) {
        return kind == Kind.ARRAY && values.length > n ? new PerNeuron(Kind.ARRAY, Double.NaN, Arrays.copyOf(values, n), null) : this;
    }

    /** Checks that an array has {@code n} entries; names the culprit otherwise. */
    void checkSize(String what, int n) {
        if (kind == Kind.ARRAY && values.length != n) {
            throw new IllegalArgumentException(what + ": " + values.length + " values given for " + n + " neurons");
        }
    }

    /**
     * The values for n neurons. {@code r} holds the neurons' uniform numbers (may be null if
     * {@link #needsUniform()} is false). Function values are checked to be finite.
     */
    public double[] resolve(String what, int n, double[] r) {
        checkSize(what, n);
        return switch (kind) {
            case CONSTANT -> {
                double[] out = new double[n];
                Arrays.fill(out, value);
                yield out;
            }
            case ARRAY -> values.clone();
            case UNIFORM -> {
                double[] out = new double[n];
                for (int i = 0; i < n; i++) {
                    double x = function.applyAsDouble(r[i]);
                    if (!Double.isFinite(x)) {
                        throw new IllegalArgumentException(what + " of neuron " + i + " is " + x + " (r = " + r[i] + ")");
                    }
                    out[i] = x;
                }
                yield out;
            }
        };
    }

    @Override
    public String toString() {
        return switch (kind) {
            case CONSTANT -> Double.toString(value);
            case ARRAY -> "array[" + values.length + "]";
            case UNIFORM -> "f(r)";
        };
    }
}
