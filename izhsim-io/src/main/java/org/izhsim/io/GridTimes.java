package org.izhsim.io;

import java.math.BigDecimal;

/**
 * Times on a step grid as files print them: t_k = k·dt taken in decimal, then rounded once to
 * the nearest double. The product of doubles {@code k * dt} carries dt's binary error times k
 * ({@code 237 * 0.1 = 23.700000000000003}); the decimal product is the time the user means
 * (23.7), and the double nearest to it prints as such.
 */
public final class GridTimes {
    private static final double[] POW10 = new double[23];

    static {
        for (int i = 0; i < POW10.length; i++) POW10[i] = Double.parseDouble("1e" + i);
    }

    private final double dt;
    private final long unscaled;
    private final int scale;
    private final boolean fast;

    private GridTimes(double dt) {
        this.dt = dt;
        // dt = unscaled·10^-scale from Double.toString, the digits BigDecimal.valueOf(dt) takes;
        // parsed here because BigDecimal's class initialisation alone allocates megabytes
        // (BENCHMARKS.md §7), which a short run's peak memory shows
        String text = Double.toString(Math.abs(dt));
        int e = text.indexOf('E');
        String digits = e < 0 ? text : text.substring(0, e);
        int exp = e < 0 ? 0 : Integer.parseInt(text.substring(e + 1));
        int point = digits.indexOf('.');
        String mantissa = digits.substring(0, point) + digits.substring(point + 1);
        int s = digits.length() - point - 1 - exp;
        int end = mantissa.length();
        while (end > 1 && mantissa.charAt(end - 1) == '0' && s > 0) {
            end--;
            s--;
        }
        mantissa = mantissa.substring(0, end);
        boolean exact = dt > 0 && Double.isFinite(dt) && s >= 0 && s < POW10.length && mantissa.length() <= 15;
        unscaled = exact ? Long.parseLong(mantissa) : 0;
        scale = exact ? s : 0;
        fast = exact;
    }

    /** t_k = k·dt [ms] for each step k. */
    public static double[] ofSteps(int[] steps, double dt) {
        return ofSteps(i -> steps[i], steps.length, dt);
    }

    /** t_k = k·dt [ms] for k = {@code stepAt(i)}, i in [0, n): without a copy of the steps. */
    public static double[] ofSteps(java.util.function.IntUnaryOperator stepAt, int n, double dt) {
        GridTimes g = new GridTimes(dt);
        double[] t = new double[n];
        for (int i = 0; i < n; i++) t[i] = g.at(stepAt.applyAsInt(i));
        return t;
    }

    /** The grid times of {@code times}, each a k·dt up to rounding (spike times, sample times). */
    public static double[] onGrid(double[] times, double dt) {
        GridTimes g = new GridTimes(dt);
        double[] t = new double[times.length];
        for (int i = 0; i < t.length; i++) {
            double k = Math.rint(times[i] / dt);
            // a time off the grid (not k·dt) is left as it is
            t[i] = Math.abs(k * dt - times[i]) <= 1e-9 * Math.max(1, Math.abs(times[i])) && Math.abs(k) < 1L << 52
                    ? g.at((long) k) : times[i];
        }
        return t;
    }

    private double at(long k) {
        // both operands exact in a double and the division correctly rounded: the nearest double
        // to the decimal k·m·10^-s
        if (fast && Math.abs(k) < 1L << 53 && unscaled != 0 && Math.abs(k) <= (1L << 53) / Math.abs(unscaled)) {
            return (double) (k * unscaled) / POW10[scale];
        }
        return BigDecimal.valueOf(k).multiply(BigDecimal.valueOf(dt)).doubleValue();
    }
}
