package org.izhsim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** ms to steps and back on one grid: what every duration, period, delay and change time goes through. */
class TimeGridTest {
    private static String refusal(org.junit.jupiter.api.function.Executable e) {
        return assertThrows(IllegalArgumentException.class, e).getMessage();
    }

    @Test
    void stepsAcceptZeroAndDecimalTimesAndRefuseTheRest() {
        TimeGrid g = new TimeGrid(0.1);
        assertEquals(0, g.steps(0, "delay"));
        assertEquals(3, g.steps(0.3, "delay")); // 0.3 / 0.1 = 2.9999999999999996
        assertEquals("delay 0.25 ms is not a whole number of steps of dt 0.1 ms", refusal(() -> g.steps(0.25, "delay")));
        assertEquals("delay must be a finite number >= 0, got -0.5", refusal(() -> g.steps(-0.5, "delay")));
        assertEquals("delay must be a finite number >= 0, got NaN", refusal(() -> g.steps(Double.NaN, "delay")));
        assertEquals("delay must be a finite number >= 0, got Infinity", refusal(() -> g.steps(Double.POSITIVE_INFINITY, "delay")));
    }

    @Test
    void positiveStepsAreDurations() {
        TimeGrid g = new TimeGrid(0.5);
        assertEquals(2001, g.positiveSteps(1000.5, "duration"));
        assertEquals("duration must be a positive finite number, got 0.0", refusal(() -> g.positiveSteps(0, "duration")));
        assertEquals("--duration must be a positive finite number, got NaN", refusal(() -> g.positiveSteps(Double.NaN, "--duration")));
        // within the tolerance of 0 but not 0: no step at all
        assertEquals("duration 1.0E-12 ms is not a whole number of steps of dt 0.5 ms", refusal(() -> g.positiveSteps(1e-12, "duration")));
        assertEquals("dt must be a positive finite number, got 0.0", refusal(() -> new TimeGrid(0)));
    }

    @Test
    void timesComeFromTheStepNotFromASum() {
        TimeGrid g = new TimeGrid(0.1);
        double summed = 0;
        for (int k = 0; k < 237; k++) summed += 0.1;
        assertEquals(237 * 0.1, g.timeMs(237));
        assertEquals(false, summed == g.timeMs(237), "a sum drifts off k·dt: " + summed);
        assertEquals(237, g.wholeSteps(g.timeMs(237)));
        assertEquals(Long.MIN_VALUE, g.wholeSteps(Double.NaN));
    }

    @Test
    void wholeStepsAcceptDecimalTimesAndRefuseTheRest() {
        assertEquals(3, new TimeGrid(0.1).wholeSteps(0.3)); // 0.3 / 0.1 = 2.9999999999999996
        assertEquals(1000, new TimeGrid(1).wholeSteps(1000));
        assertEquals(20000, new TimeGrid(0.05).wholeSteps(1000));
        assertEquals(0, new TimeGrid(0.1).wholeSteps(0));
        assertEquals(-5, new TimeGrid(0.1).wholeSteps(-0.5));
        assertEquals(Long.MIN_VALUE, new TimeGrid(0.1).wholeSteps(0.25));
        assertEquals(Long.MIN_VALUE, new TimeGrid(1).wholeSteps(1000.0001));
        assertEquals(Long.MIN_VALUE, new TimeGrid(0.1).wholeSteps(Double.POSITIVE_INFINITY));
    }
}
