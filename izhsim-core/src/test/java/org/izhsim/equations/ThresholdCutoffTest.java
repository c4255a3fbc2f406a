package org.izhsim.equations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The cut-off a threshold gives for drawing spikes: fixed bounds are found, moving ones are not. */
class ThresholdCutoffTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {"v >= 30*mV; 30", "v > vpeak; 35", "30*mV < v; 30", "v >= vpeak - 5*mV; 30",
        "v >= vpeak - 0.1*u*mV/pA; NaN", "u > 30*pA; NaN", "v > 30*mV + 0*I*mV/pA; NaN", "v > 30*mV + 0*t*mV/ms; NaN",
        "v > 30*mV and u < 1*pA; NaN"})
    void theCutOffOfAThreshold(String threshold, double expected) {
        EquationModel m = EquationModel.parse("""
                dv/dt = (k*(v - vr)*(v - vt) - u + I)/C : volt
                du/dt = a*(b*(v - vr) - u) : amp
                C : farad
                k : siemens/volt
                vr : volt
                vt : volt
                vpeak : volt
                a : 1/second
                b : siemens
                I : amp
                threshold: %s
                reset: v = vr
                """.formatted(threshold), "cutoff.eqs");
        double[] params = {100, 0.7, -60, -40, 35, 0.03, -2};
        assertEquals(expected, m.cutoff(0, params));
    }
}
