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
     * The number of whole steps of {@code dt} in {@code duration} (at least one): {@link
     * TimeGrid#positiveSteps}, kept for the call sites not yet written with a {@link TimeGrid}.
     */
    public static long steps(double duration, double dt) {
        return new TimeGrid(dt).positiveSteps(duration, "duration");
    }

    /**
     * {@link TimeGrid#wholeSteps} of a grid of step {@code dt}; {@link Long#MIN_VALUE} also for a
     * dt that is no step. Kept for the call sites not yet written with a {@link TimeGrid}.
     */
    public static long wholeSteps(double t, double dt) {
        return dt > 0 && Double.isFinite(dt) ? new TimeGrid(dt).wholeSteps(t) : Long.MIN_VALUE;
    }
}
