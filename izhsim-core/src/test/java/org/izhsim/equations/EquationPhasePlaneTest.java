package org.izhsim.equations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.izhsim.integrate.Scheme;
import org.izhsim.neuron.CurrentSource;
import org.izhsim.neuron.NeuronTrace;
import org.junit.jupiter.api.Test;

/** Numerically found nullclines against the 2003 model's closed forms, and the one-line refusal of other models. */
class EquationPhasePlaneTest {
    private static final String IZH = EquationModelTest.IZH;

    @Test
    void nullclinesOfTheTwoThousandThreeModel() {
        EquationModel m = EquationModel.parse(IZH, "izh.eqs");
        EquationNeuron n = new EquationNeuron(m, new double[] {-70, -14}, new double[] {0.02, 0.2, -65, 8}, Scheme.EULER,
                1, 4, CurrentSource.constant(10));
        // a made-up trajectory: only its range (the view) and I = 10 matter here
        double[] t = {0, 1, 2, 3, 4}, v = {-70, -60, -40, 0, 30}, u = {-14, -12, -10, -5, 0}, i = {10, 10, 10, 10, 10};
        EquationPhasePlane pp = EquationPhasePlane.of(n, new NeuronTrace(Scheme.EULER, 1, 4, t, v, u, i, new double[0]));
        assertEquals("v", pp.xName());
        assertEquals("u", pp.yName());
        assertEquals(10, pp.current());
        assertFalse(pp.xNullcline().isEmpty());
        assertFalse(pp.yNullcline().isEmpty());
        double cell = 0.6; // about one grid cell in u at this view: the interpolation is far closer
        for (double[][] piece : pp.xNullcline()) {
            for (int k = 0; k < piece[0].length; k++) {
                double x = piece[0][k];
                assertEquals(0.04 * x * x + 5 * x + 140 + 10, piece[1][k], cell, "v-nullcline at v = " + x);
            }
        }
        // the u-nullcline u = 0.2 v is straight, so linear interpolation finds it exactly: one unbroken line
        assertEquals(1, pp.yNullcline().size());
        double[][] line = pp.yNullcline().getFirst();
        for (int k = 0; k < line[0].length; k++) assertEquals(0.2 * line[0][k], line[1][k], 1e-9);
    }

    @Test
    void otherThanTwoVariablesIsOneLineNamingThem() {
        EquationModel three = EquationModel.parse(IZH.replace("I : 1", "I : 1\ndz/dt = -z/ms : 1"), "three.eqs");
        var e = assertThrows(IllegalArgumentException.class, () -> EquationPhasePlane.check(three));
        assertEquals("a phase plane needs a model with two state variables (v and one other); three.eqs has 3: v, u, z",
                e.getMessage());
        EquationModel one = EquationModel.parse("dv/dt = (I - v)/ms : 1\nI : 1\nthreshold: v > 1\nreset: v = 0\n", "one.eqs");
        assertEquals(List.of("v"), one.states().stream().map(EquationModel.StateVariable::name).toList());
        assertThrows(IllegalArgumentException.class, () -> EquationPhasePlane.check(one));
    }

    /** A circle is one closed curve (it ends where it starts), every point on the radius to within the grid's error. */
    @Test
    void aClosedContourIsOneLoop() {
        int n = 81;
        double[] xs = new double[n], ys = new double[n];
        for (int i = 0; i < n; i++) xs[i] = ys[i] = -2 + 4.0 * i / (n - 1);
        double[][] f = new double[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) f[i][j] = xs[i] * xs[i] + ys[j] * ys[j] - 1;
        List<double[][]> loops = ZeroContour.of(xs, ys, f);
        assertEquals(1, loops.size());
        double[][] c = loops.getFirst();
        int last = c[0].length - 1;
        assertEquals(c[0][0], c[0][last], 0.0);
        assertEquals(c[1][0], c[1][last], 0.0);
        for (int k = 0; k <= last; k++) assertEquals(1, Math.hypot(c[0][k], c[1][k]), 0.01);
    }
}
