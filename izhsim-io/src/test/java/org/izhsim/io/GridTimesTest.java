package org.izhsim.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GridTimesTest {

    @Test
    void stepTimesAreTheDecimalProducts() {
        int[] steps = {0, 1, 3, 237, 1_000_000};
        double[] t = GridTimes.ofSteps(steps, 0.1);
        // the double product would give 23.700000000000003 and 0.30000000000000004
        assertArrayEquals(new double[] {0, 0.1, 0.3, 23.7, 100000}, t, 0.0);
        assertEquals("23.7", Double.toString(t[3]));
    }

    @Test
    void accessorFormEqualsArrayForm() {
        int[] steps = new int[1000];
        for (int i = 0; i < steps.length; i++) steps[i] = i * 7919 % 100_003;
        for (double dt : new double[] {1, 0.5, 0.1, 0.025, 0.01, 1.0 / 3}) {
            assertArrayEquals(GridTimes.ofSteps(steps, dt), GridTimes.ofSteps(i -> steps[i], steps.length, dt), 0.0, "dt " + dt);
        }
    }

    @Test
    void equalsTheDecimalProductOfBigDecimalForEveryKindOfStep() {
        // the reference: k·dt in decimal (BigDecimal.valueOf takes Double.toString's digits, as GridTimes does)
        int[] steps = {0, 1, 2, 3, 7, 237, 4099, 65_537, 1_000_003, 86_400_000, Integer.MAX_VALUE};
        for (double dt : new double[] {1, 0.5, 0.1, 0.025, 0.01, 1e-4, 2.5e-3, 1e-7, 0.3, 1.0 / 3, 1000, 1.5e3, 1e22, 3.7e-19, 0.0625}) {
            double[] t = GridTimes.ofSteps(steps, dt);
            for (int i = 0; i < steps.length; i++) {
                double want = java.math.BigDecimal.valueOf(steps[i]).multiply(java.math.BigDecimal.valueOf(dt)).doubleValue();
                assertEquals(want, t[i], 0.0, "k " + steps[i] + ", dt " + dt);
            }
        }
    }

    @Test
    void offGridTimesAreLeftAlone() {
        double[] t = GridTimes.onGrid(new double[] {0.30000000000000004, 0.35}, 0.1);
        assertArrayEquals(new double[] {0.3, 0.35}, t, 0.0);
    }
}
