package org.izhsim.expr;

/**
 * The two operations whose Python meaning differs from Java's operators. Folding and
 * evaluation both call these, so a folded constant and an evaluated value agree to the bit.
 */
public final class PythonMath {
    private PythonMath() {}

    /**
     * Python's float {@code %}, written as CPython's {@code float_rem}: Java's {@code %} is C's
     * {@code fmod} (sign of the dividend), and Python moves the result to the sign of the
     * divisor. A zero divisor gives NaN where Python would raise.
     */
    public static double modulo(double dividend, double divisor) {
        double remainder = dividend % divisor;
        if (remainder != 0) {
            if ((divisor < 0) != (remainder < 0)) remainder += divisor;
            return remainder;
        }
        return Math.copySign(0.0, divisor);
    }

    /**
     * Python's {@code int(x)} on a float, as a double: truncation toward zero, and a zero
     * result is +0 because Python integers have no sign of zero. Where Python would raise,
     * on NaN and the infinities, the argument comes back unchanged so that a running
     * simulation is not stopped by one bad sample.
     */
    public static double truncate(double x) {
        // from 2^52 up every double is already an integer, and the cast to long would clamp
        return Math.abs(x) < 0x1p52 ? (double) (long) x : x;
    }
}
