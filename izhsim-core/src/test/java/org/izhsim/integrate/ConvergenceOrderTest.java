package org.izhsim.integrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.izhsim.model.IzhikevichModel;
import org.izhsim.model.NeuronParams;
import org.izhsim.model.Recovery;
import org.izhsim.neuron.CurrentSource;
import org.izhsim.neuron.NeuronSetup;
import org.izhsim.neuron.NeuronSimulator;
import org.izhsim.neuron.NeuronTrace;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each scheme shows its order of convergence on subthreshold problems with exact solutions,
 * run through the same kernel as every simulation:
 * <ul>
 *   <li>Riccati: a = 0 freezes u, so v' = 0.04(v − r1)(v − r2) with r1, r2 the roots of
 *       0.04v² + 5v + 140 − u0; the solution relaxes to r1 in closed form;</li>
 *   <li>linear: k2 = 0 makes (v, u) a damped linear oscillator, solved with the 2×2 matrix
 *       exponential.</li>
 * </ul>
 * Errors at t = 10 ms for dt0 … dt0/16; the observed order is log2 of the last two successive
 * error ratios, which must lie within 15% of the scheme's order.
 */
class ConvergenceOrderTest {
    static final double T = 10;
    /** dt0, dt0/2, … dt0/16; the order is read from the last two (asymptotic) ratios. */
    static final int LEVELS = 5;

    @ParameterizedTest(name = "{0} riccati order {1}")
    @CsvSource({"euler, 1, 0.02", "figure1, 1, 0.02", "netm, 1, 0.02", "rk4, 4, 0.4"})
    void riccatiOrder(String scheme, double order, double dt0) {
        double u0 = 0, v0 = -60;
        double disc = Math.sqrt(25 - 4 * 0.04 * (140 - u0));
        double r1 = (-5 - disc) / 0.08, r2 = (-5 + disc) / 0.08;
        double lambda = 0.04 * (r2 - r1);
        // d/dt ln((v - r2)/(v - r1)) = λ, so (v - r2)/(v - r1) = K e^{λt}: v falls from v0 towards r1
        double kk = (v0 - r2) / (v0 - r1) * Math.exp(lambda * T);
        double exact = (r2 - kk * r1) / (1 - kk);
        NeuronSetup base = new NeuronSetup(IzhikevichModel.STANDARD, new NeuronParams(0, 0.2, -65, 0), v0, u0,
                Scheme.byId(scheme), dt0, T, CurrentSource.constant(0));
        assertOrder(base, dt0, exact, order);
    }

    @ParameterizedTest(name = "{0} linear order {1}")
    @CsvSource({"euler, 1, 0.02", "figure1, 1, 0.02", "netm, 1, 0.02", "rk4, 4, 0.4"})
    void linearOrder(String scheme, double order, double dt0) {
        double k1 = -1, k0 = 0, current = 2, a = 0.5, b = 0.5, v0 = -10, u0 = 0;
        // x' = A x + f with A = [[k1, -1], [ab, -a]], f = [k0 + I, 0]
        double a11 = k1, a12 = -1, a21 = a * b, a22 = -a, f1 = k0 + current;
        double det = a11 * a22 - a12 * a21;
        double vStar = -(a22 * f1) / det, uStar = (a21 * f1) / det;
        double mu = (a11 + a22) / 2, omega = Math.sqrt(det - mu * mu);
        double e = Math.exp(mu * T), cs = Math.cos(omega * T), sn = Math.sin(omega * T) / omega;
        double dv = v0 - vStar, du = u0 - uStar;
        double exact = vStar + e * (cs * dv + sn * ((a11 - mu) * dv + a12 * du));
        IzhikevichModel linear = new IzhikevichModel("linear", 0, k1, k0, Recovery.STANDARD, 30);
        NeuronSetup base = new NeuronSetup(linear, new NeuronParams(a, b, -65, 0), v0, u0, Scheme.byId(scheme), dt0, T,
                CurrentSource.constant(current));
        assertOrder(base, dt0, exact, order);
    }

    private static void assertOrder(NeuronSetup base, double dt0, double exact, double order) {
        double[] err = new double[LEVELS];
        for (int i = 0; i < LEVELS; i++) {
            NeuronTrace tr = NeuronSimulator.run(base.withDt(dt0 / (1 << i)));
            // figure1 and net.m record the state after step k at t_k, so the state at T is the
            // sample of step K−1; the others likewise (sample k = after step k)
            double atT = tr.v()[tr.samples() - 2];
            err[i] = Math.abs(atT - exact);
        }
        for (int i = LEVELS - 2; i < LEVELS; i++) {
            double observed = Math.log(err[i - 1] / err[i]) / Math.log(2);
            assertEquals(order, observed, 0.15 * order, () -> base.scheme() + " errors " + java.util.Arrays.toString(err));
        }
        assertTrue(err[LEVELS - 1] < 1e-3, "converges to the exact solution");
    }
}
