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
        double ratio = duration / dt;
        long k = Math.round(ratio);
        if (k < 1 || Math.abs(ratio - k) > 1e-9 * Math.max(1, ratio)) {
            throw new IllegalArgumentException("duration " + duration + " ms is not a whole number of steps of dt "
                    + dt + " ms");
        }
        return k;
    }
}
