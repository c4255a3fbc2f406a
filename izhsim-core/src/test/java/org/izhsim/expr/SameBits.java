package org.izhsim.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Exact comparison of doubles. {@code assertEquals(a, b, 0.0)} alone passes 0 against -0, which
 * golden files would tell apart, so the bit patterns are compared as well (NaNs count as one).
 */
final class SameBits {
    private SameBits() {}

    static void assertSameBits(double expected, double actual, String context) {
        assertEquals(expected, actual, 0.0, context);
        assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(actual),
                () -> context + ": expected " + expected + " but was " + actual + " (sign of zero?)");
    }
}
