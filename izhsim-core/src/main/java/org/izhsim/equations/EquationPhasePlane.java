package org.izhsim.equations;

import java.util.Arrays;
import java.util.List;

import org.izhsim.expr.Expression;
import org.izhsim.neuron.NeuronTrace;
import org.izhsim.neuron.PhasePlane;

/**
 * The phase plane of a two-variable equation model, v and one other state variable, as the
 * built-in model's {@link PhasePlane} shows it: the trajectory and both nullclines. The
 * nullclines are not known in closed form, so they are found numerically: dv/dt and dw/dt are
 * evaluated on a grid over the view and each is contoured at 0 ({@link ZeroContour}), with
 * the parameters of the run, I held at the current that prevails in it ({@link
 * PhasePlane#prevailing}) and t = 0.
 *
 * @param xName       the variable on the x axis (v)
 * @param yName       the other variable
 * @param current     the I the nullclines are drawn for
 * @param trajectoryX x of each sample
 * @param trajectoryY y of each sample
 * @param xNullcline  the pieces of the curve dx/dt = 0, each {x[], y[]}
 * @param yNullcline  the pieces of the curve dy/dt = 0
 */
public record EquationPhasePlane(String xName, String yName, double current, double[] trajectoryX, double[] trajectoryY,
                                 List<double[][]> xNullcline, List<double[][]> yNullcline) {
    /** Grid points per axis: a cell is under 1 mV across the usual −90 … 40 mV view. */
    static final int GRID = 241;

    /**
     * The plane of a run of {@code n}.
     *
     * @throws IllegalArgumentException if the model has not exactly two state variables, naming them
     */
    public static EquationPhasePlane of(EquationNeuron n, NeuronTrace tr) {
        EquationModel m = n.model();
        check(m);
        int xi = n.vIndex(), yi = n.uIndex();
        double current = PhasePlane.prevailing(tr.current());
        double[] x = tr.v(), y = tr.u();
        double xLo = Math.min(PhasePlane.V_MIN, min(x)), xHi = Math.max(PhasePlane.V_MAX, max(x));
        double yLo = min(y), yHi = max(y), pad = Math.max(yHi - yLo, 20) * 0.25;
        double[] xs = grid(xLo, xHi), ys = grid(yLo - pad, yHi + pad);
        List<String> symbols = m.symbols();
        double[] values = new double[symbols.size()];
        System.arraycopy(n.parameters(), 0, values, m.states().size(), m.parameters().size());
        values[m.inputIndex()] = current;
        double[][] fx = new double[xs.length][ys.length], fy = new double[xs.length][ys.length];
        Expression dx = derivative(m, xi), dy = derivative(m, yi);
        for (int i = 0; i < xs.length; i++) {
            for (int j = 0; j < ys.length; j++) {
                values[xi] = xs[i];
                values[yi] = ys[j];
                fx[i][j] = dx.evaluate(values);
                fy[i][j] = dy.evaluate(values);
            }
        }
        return new EquationPhasePlane(symbols.get(xi), symbols.get(yi), current, x, y, ZeroContour.of(xs, ys, fx),
                ZeroContour.of(xs, ys, fy));
    }

    /**
     * Refuses a model without exactly two state variables, with one line naming them.
     *
     * @throws IllegalArgumentException if it has fewer or more
     */
    public static void check(EquationModel m) {
        if (m.states().size() != 2) {
            List<String> names = m.states().stream().map(EquationModel.StateVariable::name).toList();
            throw new IllegalArgumentException("a phase plane needs a model with two state variables (v and one other); "
                    + m.source() + " has " + names.size() + ": " + String.join(", ", names));
        }
    }

    private static Expression derivative(EquationModel m, int state) {
        EquationModel.StateVariable s = m.states().get(state);
        return Expression.ofTree("d" + s.name() + "/dt", s.derivative(), m.symbols());
    }

    private static double[] grid(double lo, double hi) {
        double[] g = new double[GRID];
        for (int i = 0; i < GRID; i++) g[i] = lo + (hi - lo) * i / (GRID - 1);
        return g;
    }

    private static double min(double[] a) {
        return Arrays.stream(a).filter(Double::isFinite).min().orElse(-1);
    }

    private static double max(double[] a) {
        return Arrays.stream(a).filter(Double::isFinite).max().orElse(1);
    }
}
