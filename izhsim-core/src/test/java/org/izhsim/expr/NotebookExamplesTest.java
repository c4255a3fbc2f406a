package org.izhsim.expr;

import static org.izhsim.expr.SameBits.assertSameBits;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The input currents of the Brian2 notebooks, exactly as written there, against the same
 * formula written by hand in Java: the same double operations in the same order, with
 * {@code ms} = 1.0 spelled out, so the values must agree to the last bit.
 */
class NotebookExamplesTest {

    static Stream<Arguments> examples() {
        return Stream.of(
                Arguments.of("int(t>100*ms)*10",
                        (DoubleUnaryOperator) t -> (t > 100 * 1.0 ? 1.0 : 0.0) * 10),
                Arguments.of("int(t>10*ms and t<13*ms)*7.04",
                        (DoubleUnaryOperator) t -> (t > 10 * 1.0 && t < 13 * 1.0 ? 1.0 : 0.0) * 7.04),
                Arguments.of("int(t<200*ms)*t/ms/25 + int(t>=300*ms and t<312.5*ms)*((t/ms-300)/12.5*4)",
                        (DoubleUnaryOperator) t -> (t < 200 * 1.0 ? 1.0 : 0.0) * t / 1.0 / 25
                                + (t >= 300 * 1.0 && t < 312.5 * 1.0 ? 1.0 : 0.0) * ((t / 1.0 - 300) / 12.5 * 4)),
                Arguments.of("5 + 2*sin(2*pi*t/ms/50)",
                        (DoubleUnaryOperator) t -> 5 + 2 * StrictMath.sin(2 * Math.PI * t / 1.0 / 50)));
    }

    /** Every 0.01 ms of a 400 ms run (as t = k*dt), each pulse edge and its neighbours, and odd values. */
    static List<Double> times() {
        List<Double> times = new ArrayList<>();
        for (int k = 0; k <= 40_000; k++) times.add(k * 0.01);
        for (double edge : new double[] {10, 13, 100, 200, 300, 312.5}) {
            times.add(edge);
            times.add(Math.nextDown(edge));
            times.add(Math.nextUp(edge));
        }
        times.addAll(List.of(-0.0, -1.0, -250.0, 1e9, Double.MIN_VALUE, Double.MAX_VALUE,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN));
        return times;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void equalsTheHandWrittenFormulaBitForBit(String text, DoubleUnaryOperator byHand) {
        Expression expression = Expression.parse(text);
        for (double t : times()) {
            assertSameBits(byHand.applyAsDouble(t), expression.at(t), text + " at t = " + t);
            assertSameBits(byHand.applyAsDouble(t), expression.evaluate(t), text + " via evaluate at t = " + t);
        }
    }

    @Test
    void stepSwitchesOnJustAfter100ms() {
        Expression step = Expression.parse("int(t>100*ms)*10");
        assertEquals(0.0, step.at(100), 0.0);
        assertEquals(10.0, step.at(Math.nextUp(100.0)), 0.0);
        assertEquals(10.0, step.at(1000), 0.0);
    }

    @Test
    void pulseIsOnStrictlyBetween10And13ms() {
        Expression pulse = Expression.parse("int(t>10*ms and t<13*ms)*7.04");
        assertEquals(0.0, pulse.at(10), 0.0);
        assertEquals(7.04, pulse.at(10.01), 0.0);
        assertEquals(7.04, pulse.at(Math.nextDown(13.0)), 0.0);
        assertEquals(0.0, pulse.at(13), 0.0);
    }

    @Test
    void rampThenShortRamp() {
        Expression ramps = Expression.parse("int(t<200*ms)*t/ms/25 + int(t>=300*ms and t<312.5*ms)*((t/ms-300)/12.5*4)");
        assertEquals(4.0, ramps.at(100), 0.0);
        assertEquals(0.0, ramps.at(200), 0.0);
        assertEquals(0.0, ramps.at(300), 0.0);
        assertEquals(2.0, ramps.at(306.25), 0.0);
        assertEquals(0.0, ramps.at(312.5), 0.0);
    }

    @Test
    void sineOscillatesAround5WithPeriod50ms() {
        Expression sine = Expression.parse("5 + 2*sin(2*pi*t/ms/50)");
        assertEquals(5.0, sine.at(0), 0.0);
        assertEquals(7.0, sine.at(12.5), 1e-15);
        assertEquals(3.0, sine.at(37.5), 1e-15);
    }
}
