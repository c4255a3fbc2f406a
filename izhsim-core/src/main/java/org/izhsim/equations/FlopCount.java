package org.izhsim.equations;

import java.util.function.IntUnaryOperator;
import org.izhsim.expr.Node;
import org.izhsim.expr.Node.Binary;
import org.izhsim.expr.Node.Call;
import org.izhsim.expr.Node.Literal;
import org.izhsim.expr.Node.Unary;
import org.izhsim.expr.Node.Variable;
import org.izhsim.integrate.Scheme;

/**
 * Floating-point operations per neuron per step, counted from a model's folded trees in the
 * way Izhikevich (2004, Fig. 2) compares models by "FLOPs per 1 ms".
 *
 * <p>Convention:
 * <ul>
 *   <li>+, −, ×, ÷, %, unary minus, each comparison and each of and/or/not: 1;</li>
 *   <li>an integer power x**n: |n| − 1 multiplications (and a division if n &lt; 0), as the
 *       generated code multiplies it out; any other power, and every function call
 *       (exp, sqrt, …): 1 — a lower bound, since a call costs tens of operations in practice;</li>
 *   <li>a state update {@code x + dt·f}: the operations of f and 2 more;
 *       euler and figure1 do that once per variable, netm twice for the first variable (two
 *       half steps), rk4 evaluates every f four times and adds 3 stage updates of 2 operations
 *       and the weighted sum {@code x + dt/6·(k1 + 2k2 + 2k3 + k4)} of 7;</li>
 *   <li>the threshold condition every step (and 2 for the refractory test if the model has a
 *       period); the reset is counted per spike, separately;</li>
 *   <li>a rule that chooses between expressions ({@code v < vb ? 0 : U(v)}, which the equation
 *       language has no syntax for, e.g. the 2007 book cells' rules): its condition and its
 *       costlier alternative ({@link #branch}); the choice itself is no arithmetic;</li>
 *   <li>not counted: constants the kernel computes once per step (dt/2, dt/6), loads and
 *       stores, and the finiteness check, which guards the run rather than being part of the
 *       model.</li>
 * </ul>
 * Under this convention the 2003 model costs 14 operations per Euler step plus 1 for the
 * threshold: at dt = 1 ms, 15 per ms against the 13 of Izhikevich (2004, Fig. 2). Without the
 * two multiplications by dt, which vanish at dt = 1 ms, this count is 13 too; the paper gives
 * only the total, so that this is how his 13 splits is a reading, not his statement.
 *
 * <p>This is the one FLOP count of izhsim: {@code izhsim cost} and {@code izhsim accuracy} both
 * take it from {@link BuiltinEquations#count}.
 *
 * @param perStep  operations per neuron per step: update and threshold
 * @param perSpike operations of the reset, per spike
 */
public record FlopCount(int perStep, int perSpike) {

    public static FlopCount of(EquationModel model, Scheme scheme) {
        return of(model, scheme, j -> ops(model.states().get(j).derivative()));
    }

    /**
     * As {@link #of(EquationModel, Scheme)}, with the operations of one evaluation of state
     * variable j's derivative given by {@code derivativeOps}: for a model whose rules the
     * equation language cannot write (a {@link #branch}), counted apart from their trees.
     */
    public static FlopCount of(EquationModel model, Scheme scheme, IntUnaryOperator derivativeOps) {
        int update = 0;
        for (int j = 0; j < model.states().size(); j++) {
            int f = derivativeOps.applyAsInt(j);
            update += switch (scheme) {
                case EULER, FIGURE1 -> f + 2;
                case NETM -> j == 0 ? 2 * (f + 2) : f + 2;
                case RK4 -> 4 * f + 3 * 2 + 7;
            };
        }
        int threshold = ops(model.threshold()) + (model.refractoryMs() > 0 ? 2 : 0);
        int reset = 0;
        for (EquationModel.Assignment a : model.reset()) reset += ops(a.value());
        return new FlopCount(update + threshold, reset);
    }

    /** Operations per ms of simulated time at step dt [ms]. */
    public double perMs(double dt) {
        return perStep / dt;
    }

    /**
     * The operations of a choice between alternatives under a condition, as a kernel branches:
     * the condition and the costlier alternative (a bound that a spiking neuron reaches).
     */
    public static int branch(Node condition, Node... alternatives) {
        int max = 0;
        for (Node a : alternatives) max = Math.max(max, ops(a));
        return ops(condition) + max;
    }

    /** The operations of one evaluation of a tree, under the convention above. */
    public static int ops(Node node) {
        return switch (node) {
            case Literal _, Variable _ -> 0;
            case Unary u -> (u.operator() == Unary.Operator.PLUS ? 0 : 1) + ops(u.operand());
            case Binary b -> ops(b.left()) + ops(b.right()) + binaryCost(b);
            case Call c -> 1 + c.arguments().stream().mapToInt(FlopCount::ops).sum();
        };
    }

    private static int binaryCost(Binary b) {
        if (b.operator() != Binary.Operator.POWER) return 1;
        if (b.right() instanceof Literal(double e) && e == Math.rint(e) && Math.abs(e) >= 2 && Math.abs(e) <= 16) {
            return (int) Math.abs(e) - 1 + (e < 0 ? 1 : 0);
        }
        return 1;
    }
}
