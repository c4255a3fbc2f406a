package org.izhsim.model;

/** Argument checks shared by the public API: each names the culprit in one line. */
public final class Checks {
    private Checks() {}

    /** Rejects NaN and infinities. */
    public static double finite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number, got " + value);
        }
        return value;
    }

    /** Rejects values that are not finite and strictly positive. */
    public static double positive(String name, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a positive finite number, got " + value);
        }
        return value;
    }

    /**
     * The number of whole steps of {@code dt} in {@code duration}; rejects a duration that is
     * not a whole multiple of dt, since t = k·dt must land on the end point exactly.
     */
    public static long steps(double duration, double dt) {
        positive("dt", dt);
        positive("duration", duration);
        long k = wholeSteps(duration, dt);
        if (k < 1) {
            throw new IllegalArgumentException("duration " + duration + " ms is not a whole number of steps of dt "
                    + dt + " ms");
        }
        return k;
    }

    /**
     * {@code t / dt} rounded, if t is a whole number of steps of dt up to a relative 10⁻⁹ (what
     * decimal times such as 0.3 ms at dt 0.1 need), else (also for NaN and infinities)
     * {@link Long#MIN_VALUE}.
     */
    public static long wholeSteps(double t, double dt) {
        double ratio = t / dt;
        long k = Math.round(ratio);
        return Double.isFinite(ratio) && Math.abs(ratio - k) <= 1e-9 * Math.max(1, Math.abs(ratio)) ? k : Long.MIN_VALUE;
    }
}
