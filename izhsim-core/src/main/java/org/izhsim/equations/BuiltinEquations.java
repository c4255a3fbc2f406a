package org.izhsim.equations;

import java.util.List;
import org.izhsim.expr.Expression;
import org.izhsim.expr.Node;
import org.izhsim.integrate.Izhikevich2007Kernel;
import org.izhsim.integrate.Scheme;
import org.izhsim.model.Izhikevich2007Model;
import org.izhsim.model.Izhikevich2007Model.CellRule;
import org.izhsim.model.IzhikevichModel;
import org.izhsim.model.Recovery;

/**
 * The built-in Izhikevich models written as equation files, operation for operation as
 * {@code IzhikevichKernel} computes them, so that one FLOP counter serves both kinds of model
 * and tests can demand identical spikes from the two. Parameters a, b, c, d are per neuron;
 * the threshold is strict ({@code v > 30}) for figure1 and {@code v >= 30} otherwise, as the
 * schemes define the built-in cut-off.
 *
 * <p>The 2007 dimensional model ({@link Izhikevich2007Model}) is written the same way, its
 * parameters named as in {@code examples/equations/izhikevich2007.eqs} but dimensionless (v in
 * mV, u and I in pA, t in ms), with each book cell's cut-off and reset (LTS, TC) in the file.
 * The u-nullcline rules of FS (a cubic above vb) and TC/RTN (b switched at −65 mV) choose
 * between expressions, which the equation language cannot write; they are counted from their
 * own trees ({@link #nullclineOps}) in place of the plain {@code b*(v - vr)}.
 *
 * <p>{@link #count} is the one FLOP count of the built-in models: {@code izhsim cost} and
 * {@code izhsim accuracy} both report it.
 */
public final class BuiltinEquations {
    private BuiltinEquations() {}

    /** The model file text for a built-in model under a scheme. */
    public static String text(IzhikevichModel model, Scheme scheme) {
        String recovery = model.recovery() == Recovery.STANDARD ? "a*(b*v - u)" : "a*(b*(v + 65))";
        return "# " + model.name() + " (" + model.equations() + ")\n"
                + "dv/dt = (" + model.k2() + "*v**2 + " + model.k1() + "*v + " + model.k0() + " - u + I)/ms : 1\n"
                + "du/dt = " + recovery + "/ms : 1\n"
                + "a : 1\nb : 1\nc : 1\nd : 1\nI : 1\n"
                + "threshold: v " + (scheme.strictCutoff() ? ">" : ">=") + " " + model.vPeak() + "\n"
                + "reset: v = c; u += d\n";
    }

    /** The parsed model of {@link #text}. */
    public static EquationModel model(IzhikevichModel model, Scheme scheme) {
        return EquationModel.parse(text(model, scheme), model.name() + ".eqs");
    }

    /** The plain u-nullcline of the 2007 model, as written in {@link #text(Izhikevich2007Model)}. */
    static final String NULLCLINE_2007 = "b*(v - vr)";

    /** The symbols of the 2007 model's trees. */
    private static final List<String> SYMBOLS_2007 = List.of("v", "u", "I", "C", "k", "vr", "vt", "vpeak", "a", "b", "c", "d");

    /**
     * The 2007 cell as a model file, operation for operation as {@link Izhikevich2007Kernel}
     * computes it: C·v' = k(v − vr)(v − vt) − u + I, u' = a(b(v − vr) − u), the cell's cut-off
     * (LTS: vpeak − 0.1·u, TC: vpeak + 0.1·u, with its strict or book test) and reset (LTS:
     * v = c + 0.04·u, u = min(u + d, 670); FS: v = c only; TC: v = c − 0.1·u, u += d). For FS,
     * TC and RTN the u-nullcline here is the plain one; {@link #nullclineOps} counts theirs.
     */
    public static String text(Izhikevich2007Model cell) {
        String peak = switch (cell.rule()) {
            case LTS -> "vpeak - 0.1*u";
            case TC -> "vpeak + 0.1*u";
            default -> "vpeak";
        };
        String reset = switch (cell.rule()) {
            case LTS -> "v = c + 0.04*u; u = min(u + d, " + num(Izhikevich2007Model.LTS_U_CAP) + ")";
            case FS -> "v = c";
            case TC -> "v = c - 0.1*u; u += d";
            default -> "v = c; u += d";
        };
        return "# izh2007 " + cell.name() + " (" + cell.equations() + ")\n"
                + "dv/dt = (k*(v - vr)*(v - vt) - u + I)/C/ms : 1\n"
                + "du/dt = a*(" + NULLCLINE_2007 + " - u)/ms : 1\n"
                + "C : 1\nk : 1\nvr : 1\nvt : 1\nvpeak : 1\na : 1\nb : 1\nc : 1\nd : 1\nI : 1\n"
                + "threshold: v " + (cell.strictCutoff() ? ">" : ">=") + " " + peak + "\n"
                + "reset: " + reset + "\n";
    }

    /** The parsed model of {@link #text(Izhikevich2007Model)}. */
    public static EquationModel model(Izhikevich2007Model cell) {
        return EquationModel.parse(text(cell), "izh2007-" + cell.name() + ".eqs");
    }

    /**
     * Operations of one evaluation of the cell's u-nullcline (b(v − vr), or U(v) for FS), counted
     * from the trees of the rule as {@link Izhikevich2007Kernel} evaluates it: plain
     * {@code b*(v - vr)} (2); TC and RTN {@code v > -65 ? b_high*(v - vr) : b*(v - vr)} (3); FS
     * {@code v < -55 ? 0 : 0.025*(v - -55)**3} (1 + 4 = 5; the cube is two multiplications).
     */
    public static int nullclineOps(Izhikevich2007Model cell) {
        return switch (cell.rule()) {
            case TC, RTN -> FlopCount.branch(tree("v > " + num(Izhikevich2007Model.SWITCH_V)),
                    tree(num(cell.bAt(Izhikevich2007Model.SWITCH_V + 1)) + "*(v - vr)"), tree(NULLCLINE_2007));
            case FS -> FlopCount.branch(tree("v < " + num(Izhikevich2007Model.FS_VB)), tree("0"),
                    tree(num(Izhikevich2007Model.FS_CUBIC) + "*(v - " + num(Izhikevich2007Model.FS_VB) + ")**3"));
            default -> FlopCount.ops(tree(NULLCLINE_2007));
        };
    }

    /**
     * FLOPs per step and per spike of a 2007 cell under euler or rk4: the tree of
     * {@link #model(Izhikevich2007Model)}, its u-nullcline replaced by the cell's rule
     * ({@link #nullclineOps}) in every evaluation of u'.
     */
    public static FlopCount count(Izhikevich2007Model cell, Scheme scheme) {
        Izhikevich2007Kernel.requireSupported(scheme);
        EquationModel m = model(cell);
        int u = m.indexOf("u"); // states come first among the symbols
        int rule = nullclineOps(cell) - FlopCount.ops(tree(NULLCLINE_2007));
        return FlopCount.of(m, scheme, j -> FlopCount.ops(m.states().get(j).derivative()) + (j == u ? rule : 0));
    }

    /** FLOPs per step and per spike of a built-in 2003 model under a scheme: the tree of {@link #model}. */
    public static FlopCount count(IzhikevichModel model, Scheme scheme) {
        return FlopCount.of(model(model, scheme), scheme);
    }

    private static Node tree(String text) {
        return Expression.fold(Expression.parseTree(text, SYMBOLS_2007));
    }

    /** A number as expression text, as the expression language writes a literal back. */
    private static String num(double x) {
        return new Node.Literal(x).toString();
    }
}
