package org.izhsim.neuron;

import org.izhsim.model.Checks;

/** An input current as a function of time: I(t) with t in ms, in the model's current units. */
@FunctionalInterface
public interface CurrentSource {
    double at(double tMs);

    /** A constant current. */
    static CurrentSource constant(double value) {
        Checks.finite("current", value);
        return t -> value;
    }

    /**
     * This current sampled every {@code periodMs} and held in between: I(t) = I(m·period) for
     * m·period ≤ t &lt; (m+1)·period, as the Brian2 notebooks' {@code network_operation(dt=1*ms)}
     * does. The sample index is computed from t/period with a relative tolerance of 1e-9 so
     * that grid times such as 3·0.1 land on their own sample.
     */
    default CurrentSource sampledEvery(double periodMs) {
        Checks.positive("current sampling period", periodMs);
        CurrentSource inner = this;
        return t -> inner.at(Math.floor(t / periodMs * (1 + 1e-12) + 1e-9) * periodMs);
    }
}
