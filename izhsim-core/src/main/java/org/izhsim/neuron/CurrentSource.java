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

    /**
     * The currents step {@code k} of a single-neuron run needs, into the one-element arrays: I at
     * t = k·dt, and for schemes with stage currents (rk4) also at t + dt/2 and (k + 1)·dt. Every
     * single-neuron runner stages its input here, so all of them refuse a non-finite current alike.
     */
    default void stage(long k, double dt, boolean stageCurrents, double[] iStart, double[] iMid, double[] iEnd) {
        double t = k * dt;
        iStart[0] = at(t);
        if (stageCurrents) {
            iMid[0] = at(t + 0.5 * dt);
            iEnd[0] = at((k + 1) * dt);
        }
        if (!Double.isFinite(iStart[0]) || !Double.isFinite(iMid[0]) || !Double.isFinite(iEnd[0])) {
            throw new IllegalArgumentException("the input current is not finite at t = " + t + " ms");
        }
    }
}
