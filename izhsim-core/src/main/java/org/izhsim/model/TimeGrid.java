package org.izhsim.model;

/**
 * The time grid of a run: t_k = k·dt [ms], k = 0, 1, 2, … The one place where milliseconds
 * become steps and steps become milliseconds, so that every duration, period, delay and change
 * time is checked the same way and every time is computed from its step, never summed.
 *
 * <p>A time is on the grid if t/dt lies within a relative 10⁻⁹ of a whole number: what decimal
 * times such as 0.3 ms at dt 0.1 ms need (0.3 / 0.1 = 2.9999999999999996), and far below any
 * step a run could take.
 *
 * @param dt the step [ms], positive and finite
 */
public record TimeGrid(double dt) {
    /** Relative distance from a whole number of steps that still counts as on the grid. */
    static final double TOLERANCE = 1e-9;

    public TimeGrid {
        Checks.positive("dt", dt);
    }

    /**
     * {@code ms / dt} rounded, if {@code ms} is on the grid, else (also for NaN and infinities)
     * {@link Long#MIN_VALUE}; negative times give negative steps. For callers with their own
     * message (model files name the key and its place).
     */
    public long wholeSteps(double ms) {
        double ratio = ms / dt;
        long k = Math.round(ratio);
        return Double.isFinite(ratio) && Math.abs(ratio - k) <= TOLERANCE * Math.max(1, Math.abs(ratio)) ? k : Long.MIN_VALUE;
    }

    /**
     * The steps in {@code ms} (0 allowed), or a one-line refusal naming {@code what}: NaN,
     * infinities and negative times, and times off the grid.
     */
    public long steps(double ms, String what) {
        if (!Double.isFinite(ms) || ms < 0) throw new IllegalArgumentException(what + " must be a finite number >= 0, got " + ms);
        return onGrid(ms, what);
    }

    /**
     * The steps in {@code ms}, at least one: a duration. Refuses what is not positive and finite
     * ("duration must be a positive finite number, got -1.0") and what is off the grid
     * ("duration 0.25 ms is not a whole number of steps of dt 0.1 ms").
     */
    public long positiveSteps(double ms, String what) {
        Checks.positive(what, ms);
        return onGrid(ms, what);
    }

    /** t_k = k·dt [ms]: computed from the step, so that no rounding error accumulates over a run. */
    public double timeMs(long k) {
        return k * dt;
    }

    private long onGrid(double ms, String what) {
        long k = wholeSteps(ms);
        if (k == Long.MIN_VALUE || (ms > 0 && k < 1)) {
            throw new IllegalArgumentException(what + " " + ms + " ms is not a whole number of steps of dt " + dt + " ms");
        }
        return k;
    }
}
