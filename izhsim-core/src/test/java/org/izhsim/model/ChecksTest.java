package org.izhsim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The one test of "a whole number of steps" that durations, periods and change times share. */
class ChecksTest {

    @Test
    void wholeStepsAcceptsDecimalTimesAndRefusesTheRest() {
        assertEquals(3, Checks.wholeSteps(0.3, 0.1)); // 0.3 / 0.1 = 2.9999999999999996
        assertEquals(1000, Checks.wholeSteps(1000, 1));
        assertEquals(20000, Checks.wholeSteps(1000, 0.05));
        assertEquals(0, Checks.wholeSteps(0, 0.1));
        assertEquals(-5, Checks.wholeSteps(-0.5, 0.1));
        assertEquals(Long.MIN_VALUE, Checks.wholeSteps(0.25, 0.1));
        assertEquals(Long.MIN_VALUE, Checks.wholeSteps(1000.0001, 1));
        assertEquals(Long.MIN_VALUE, Checks.wholeSteps(Double.NaN, 0.1));
        assertEquals(Long.MIN_VALUE, Checks.wholeSteps(Double.POSITIVE_INFINITY, 0.1));
        assertEquals(Long.MIN_VALUE, Checks.wholeSteps(1, 0));
    }

    @Test
    void stepsOfADurationNamesItAndDt() {
        assertEquals(3, Checks.steps(0.3, 0.1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Checks.steps(0.25, 0.1));
        assertEquals("duration 0.25 ms is not a whole number of steps of dt 0.1 ms", e.getMessage());
    }
}
