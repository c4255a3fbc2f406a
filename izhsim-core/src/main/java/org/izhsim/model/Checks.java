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
}
