package org.izhsim.codegen;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

import org.izhsim.equations.EquationModel;
import org.izhsim.expr.Node;
import org.izhsim.expr.Node.Binary;
import org.izhsim.expr.Node.Call;
import org.izhsim.expr.Node.Literal;
import org.izhsim.expr.Node.Unary;
import org.izhsim.expr.Node.Variable;
import org.izhsim.integrate.Scheme;

/**
 * Writes the Java source of an {@link org.izhsim.equations.EquationKernel} subclass from a
 * checked model's trees. No text of the user's reaches the source: Java identifiers are made
 * from indices ({@code x0}, {@code p1}), numbers are printed from their double values, and
 * operators and functions come from the tree's enums. The source is Java-8 style (Janino).
 *
 * <p>Each scheme emits the operations of the built-in {@code IzhikevichKernel} in the same
 * order, so that the 2003 model written as equations gives bit-identical results:
 * <ul>
 *   <li>euler: all derivatives from the old state, then {@code x + dt*f} for each;</li>
 *   <li>figure1: the variables in the order their equations are written, each
 *       {@code x + dt*f} from the values already updated (v first, then u from the new v); dt
 *       is multiplied into the leftmost factor of a product, as figure1.m writes
 *       {@code u + tau*a*(b*V - u)};</li>
 *   <li>netm: the first variable gets two half steps of dt/2 with the others held, then the
 *       rest as in figure1; the threshold is tested at the start of the step
 *       ({@code detectAndReset});</li>
 *   <li>rk4: the classical stages with I and t at t, t + dt/2, t + dt + the built-in weights.</li>
 * </ul>
 * Integer powers are multiplied out ({@code v**2} is {@code v*v}, as the built-in kernel writes it).
 */
final class KernelSource {
    private final EquationModel model;
    private final Scheme scheme;
    private final int n, p, inputIndex, timeIndex, dtIndex;
    private final boolean refractory;

    KernelSource(EquationModel model, Scheme scheme) {
        this.model = model;
        this.scheme = scheme;
        this.n = model.states().size();
        this.p = model.parameters().size();
        this.inputIndex = model.inputIndex();
        this.timeIndex = model.timeIndex();
        this.dtIndex = timeIndex + 1;
        this.refractory = model.refractoryMs() > 0;
    }

    String generate(String packageName, String className) {
        StringBuilder s = new StringBuilder();
        s.append("package ").append(packageName).append(";\n\n");
        s.append("public final class ").append(className).append(" extends org.izhsim.equations.EquationKernel {\n");
        s.append("    public ").append(className).append("(double[][] state, double[][] parameters, long[] lastSpike) {\n");
        s.append("        super(state, parameters, lastSpike);\n    }\n\n");
        detectMethod(s);
        stepMethod(s);
        s.append("}\n");
        return s.toString();
    }

    // ---- methods ----

    private void header(StringBuilder s) {
        for (int j = 0; j < n; j++) s.append("        final double[] s").append(j).append(" = this.state[").append(j).append("];\n");
        BitSet used = usedParameters();
        for (int j = 0; j < p; j++) {
            if (used.get(j)) s.append("        final double[] q").append(j).append(" = this.parameters[").append(j).append("];\n");
        }
        s.append("        final long[] last = this.lastSpike;\n");
        s.append("        final long nRef = ").append(refractory ? "Math.round(" + literal(model.refractoryMs()) + " / dt)" : "0L")
                .append(";\n");
    }

    private void loopStart(StringBuilder s) {
        loopStart(s, usedParameters());
    }

    /** The loop header, loading the state and the parameters in {@code used}. */
    private void loopStart(StringBuilder s, BitSet used) {
        s.append("        for (int i = from; i < to; i++) {\n");
        for (int j = 0; j < n; j++) s.append("            double x").append(j).append(" = s").append(j).append("[i];\n");
        for (int j = 0; j < p; j++) {
            if (used.get(j)) s.append("            final double p").append(j).append(" = q").append(j).append("[i];\n");
        }
        s.append("            final boolean active = ").append(refractory ? "step - last[i] >= nRef" : "true").append(";\n");
    }

    private void loopEnd(StringBuilder s) {
        for (int j = 0; j < n; j++) s.append("            s").append(j).append("[i] = x").append(j).append(";\n");
        s.append("        }\n");
    }

    private void detectMethod(StringBuilder s) {
        s.append("    public void detectAndReset(int from, int to, long step, org.izhsim.integrate.SpikeList spikes) {\n");
        if (scheme.cutoffBeforeUpdate()) {
            s.append("        final double dt = 1.0;\n");
            header(s);
            loopStart(s);
            s.append("            final double t0 = 0.0;\n");
            // only reset neurons change, so only they are stored (in the branch)
            spikeTest(s, names("x", "0.0", "t0"), "            ", true);
            s.append("        }\n");
        }
        s.append("    }\n\n");
    }

    private void stepMethod(StringBuilder s) {
        s.append("    public void step(int from, int to, long step, double dt, double[] iStart, double[] iMid, double[] iEnd,"
                + " org.izhsim.integrate.SpikeList spikes) {\n");
        header(s);
        s.append("        final double t0 = step * dt, half = 0.5 * dt, sixth = dt / 6, tHalf = t0 + half,"
                + " t1 = (step + 1) * dt;\n");
        List<Node> dynamics = new ArrayList<>(), spiking = new ArrayList<>();
        model.states().forEach(v -> dynamics.add(v.derivative()));
        spiking.add(model.threshold());
        model.reset().forEach(a -> spiking.add(a.value()));
        loopStart(s, refractory ? usedParameters() : used(dynamics));
        s.append("            final double in0 = iStart[i];\n");
        if (scheme == Scheme.RK4) s.append("            final double inM = iMid[i], in1 = iEnd[i];\n");
        String in = "            ";
        switch (scheme) {
            case EULER -> euler(s, in);
            case FIGURE1 -> sequential(s, in, false);
            case NETM -> sequential(s, in, true);
            case RK4 -> rk4(s, in);
        }
        if (refractory) {
            // one loop: the refractory flag gates both the update and the test
            finiteCheck(s, in);
            if (!scheme.cutoffBeforeUpdate()) spikeTest(s, names("x", "in0", "t0"), in);
            loopEnd(s);
        } else {
            // as StandardKernels: a branch-free update loop the JIT can vectorise, then the
            // finiteness check as a max-reduction, then the threshold over the fresh block;
            // the same operations on the same values, so the same bits as one loop
            loopEnd(s);
            finiteReduction(s);
            if (!scheme.cutoffBeforeUpdate()) {
                loopStart(s, used(spiking));
                spikeTest(s, names("x", "iStart[i]", "t0"), in);
                s.append("        }\n");
            }
        }
        s.append("    }\n");
    }

    private void finiteReduction(StringBuilder s) {
        s.append("        double m = 0.0;\n");
        s.append("        for (int i = from; i < to; i++) m = ");
        String acc = "m";
        for (int j = 0; j < n; j++) acc = "Math.max(" + acc + ", Math.abs(s" + j + "[i]))";
        s.append(acc).append(";\n");
        s.append("        if (!(m <= Double.MAX_VALUE)) {\n");
        s.append("            for (int i = from; i < to; i++) {\n");
        s.append("                if (!(");
        for (int j = 0; j < n; j++) {
            if (j > 0) s.append(" && ");
            s.append("Math.abs(s").append(j).append("[i]) <= Double.MAX_VALUE");
        }
        s.append(")) {\n                    nonFinite(i);\n                    break;\n                }\n            }\n        }\n");
    }

    private void euler(StringBuilder s, String in) {
        String[] at = names("x", "in0", "t0");
        for (int j = 0; j < n; j++) s.append(in).append("final double k").append(j).append(" = ").append(expr(derivative(j), at)).append(";\n");
        for (int j = 0; j < n; j++) {
            s.append(in).append(guard(j)).append("x").append(j).append(" = x").append(j).append(" + dt * k").append(j).append(";\n");
        }
    }

    /** figure1 (and netm with its two half steps for the first variable). */
    private void sequential(StringBuilder s, String in, boolean halfSteps) {
        for (int j = 0; j < n; j++) {
            Node f = derivative(j);
            if (halfSteps && j == 0) {
                s.append(in).append(guard(j)).append("x0 = ").append(update(0, f, "half", "t0")).append(";\n");
                s.append(in).append(guard(j)).append("x0 = ").append(update(0, f, "half", "tHalf")).append(";\n");
            } else {
                s.append(in).append(guard(j)).append("x").append(j).append(" = ").append(update(j, f, "dt", "t0")).append(";\n");
            }
        }
    }

    /** {@code x + step*f} with the step multiplied into the leftmost factor of a product. */
    private String update(int j, Node f, String stepName, String time) {
        String[] at = names("x", "in0", time);
        at[dtIndex] = stepName;
        return "x" + j + " + " + expr(leftmostTimesStep(f), at);
    }

    private Node leftmostTimesStep(Node f) {
        if (f instanceof Binary b && (b.operator() == Binary.Operator.MULTIPLY || b.operator() == Binary.Operator.DIVIDE)) {
            return new Binary(b.operator(), leftmostTimesStep(b.left()), b.right());
        }
        return new Binary(Binary.Operator.MULTIPLY, new Variable("dt", dtIndex), f);
    }

    private void rk4(StringBuilder s, String in) {
        String[][] stages = {{"x", "in0", "t0", "a"}, {"xa", "inM", "tHalf", "b"}, {"xb", "inM", "tHalf", "c"},
                {"xc", "in1", "t1", "d"}};
        String[] next = {"xa", "xb", "xc"};
        String[] factor = {"half", "half", "dt"};
        for (int stage = 0; stage < 4; stage++) {
            String[] at = names(stages[stage][0], stages[stage][1], stages[stage][2]);
            for (int j = 0; j < n; j++) {
                String f = expr(derivative(j), at);
                if (frozenInRefractory(j)) f = "(active ? " + f + " : 0.0)";
                s.append(in).append("final double ").append(stages[stage][3]).append(j).append(" = ").append(f).append(";\n");
            }
            if (stage < 3) {
                for (int j = 0; j < n; j++) {
                    s.append(in).append("final double ").append(next[stage]).append(j).append(" = x").append(j).append(" + ")
                            .append(factor[stage]).append(" * ").append(stages[stage][3]).append(j).append(";\n");
                }
            }
        }
        for (int j = 0; j < n; j++) {
            s.append(in).append("x").append(j).append(" = x").append(j).append(" + sixth * (a").append(j).append(" + 2 * b")
                    .append(j).append(" + 2 * c").append(j).append(" + d").append(j).append(");\n");
        }
    }

    private void finiteCheck(StringBuilder s, String in) {
        s.append(in).append("if (!(");
        for (int j = 0; j < n; j++) {
            if (j > 0) s.append(" && ");
            s.append("Math.abs(x").append(j).append(") <= Double.MAX_VALUE");
        }
        s.append(")) nonFinite(i);\n");
    }

    private void spikeTest(StringBuilder s, String[] at, String in) {
        spikeTest(s, at, in, !refractory && !scheme.cutoffBeforeUpdate());
    }

    /** The threshold test and reset; {@code storeInBranch}: the reset neuron's state is stored in the branch. */
    private void spikeTest(StringBuilder s, String[] at, String in, boolean storeInBranch) {
        s.append(in).append("if (").append(refractory ? "active && " : "").append(bool(model.threshold(), at)).append(") {\n");
        s.append(in).append("    spikes.add(i);\n");
        s.append(in).append("    last[i] = step;\n");
        for (EquationModel.Assignment a : model.reset()) {
            s.append(in).append("    x").append(a.target()).append(" = ").append(expr(a.value(), at)).append(";\n");
        }
        if (storeInBranch) {
            // the split loops store here: only reset neurons change
            for (int j = 0; j < n; j++) s.append(in).append("    s").append(j).append("[i] = x").append(j).append(";\n");
        }
        s.append(in).append("}\n");
    }

    private String guard(int j) {
        return frozenInRefractory(j) ? "if (active) " : "";
    }

    private boolean frozenInRefractory(int j) {
        return refractory && model.states().get(j).unlessRefractory();
    }

    private Node derivative(int j) {
        return model.states().get(j).derivative();
    }

    /** Java expressions for each symbol index: states (prefix + j), parameters, I, t, dt. */
    private String[] names(String statePrefix, String input, String time) {
        String[] at = new String[dtIndex + 1];
        for (int j = 0; j < n; j++) at[j] = statePrefix + j;
        for (int j = 0; j < p; j++) at[n + j] = "p" + j;
        at[inputIndex] = input;
        at[timeIndex] = time;
        at[dtIndex] = "dt";
        return at;
    }

    private BitSet usedParameters() {
        List<Node> roots = new ArrayList<>();
        model.states().forEach(v -> roots.add(v.derivative()));
        roots.add(model.threshold());
        model.reset().forEach(a -> roots.add(a.value()));
        return used(roots);
    }

    /** The parameters these trees read. */
    private BitSet used(List<Node> roots) {
        return used(roots, n, n + p);
    }

    /** The variable indices in [from, to) these trees read, as offsets from {@code from}. */
    static BitSet used(List<Node> roots, int from, int to) {
        BitSet used = new BitSet();
        for (Node root : roots) mark(root, used, from, to);
        return used;
    }

    private static void mark(Node node, BitSet used, int from, int to) {
        switch (node) {
            case Literal _ -> {}
            case Variable v -> {
                if (v.index() >= from && v.index() < to) used.set(v.index() - from);
            }
            case Unary u -> mark(u.operand(), used, from, to);
            case Binary b -> {
                mark(b.left(), used, from, to);
                mark(b.right(), used, from, to);
            }
            case Call c -> c.arguments().forEach(a -> mark(a, used, from, to));
        }
    }

    // ---- expressions ----

    /** The node as a Java double expression. */
    static String expr(Node node, String[] at) {
        return switch (node) {
            case Literal l -> literal(l.value());
            case Variable v -> at[v.index()];
            case Unary u -> switch (u.operator()) {
                case PLUS -> expr(u.operand(), at);
                case NEGATE -> "(-" + expr(u.operand(), at) + ")";
                case NOT -> "(" + bool(node, at) + " ? 1.0 : 0.0)";
            };
            case Binary b -> binary(b, at);
            case Call c -> call(c, at);
        };
    }

    private static String binary(Binary b, String[] at) {
        String l = expr(b.left(), at), r = expr(b.right(), at);
        return switch (b.operator()) {
            case ADD -> "(" + l + " + " + r + ")";
            case SUBTRACT -> "(" + l + " - " + r + ")";
            case MULTIPLY -> "(" + l + " * " + r + ")";
            case DIVIDE -> "(" + l + " / " + r + ")";
            case MODULO -> "modulo(" + l + ", " + r + ")";
            case POWER -> power(b, l, r, at);
            default -> "(" + bool(b, at) + " ? 1.0 : 0.0)";
        };
    }

    private static String power(Binary b, String l, String r, String[] at) {
        if (b.right() instanceof Literal(double e) && e == Math.rint(e) && Math.abs(e) >= 2 && Math.abs(e) <= 16
                && (b.left() instanceof Variable || b.left() instanceof Literal)) {
            StringBuilder product = new StringBuilder(l);
            for (int k = 1; k < Math.abs(e); k++) product.insert(0, "(").append(" * ").append(l).append(")");
            return e > 0 ? product.toString() : "(1.0 / " + product + ")";
        }
        return "StrictMath.pow(" + l + ", " + r + ")";
    }

    private static String call(Call c, String[] at) {
        List<String> a = c.arguments().stream().map(x -> expr(x, at)).toList();
        String x = a.getFirst();
        return switch (c.function()) {
            case ABS -> "Math.abs(" + x + ")";
            case CEIL -> "Math.ceil(" + x + ")";
            case CLIP -> "Math.min(Math.max(" + x + ", " + a.get(1) + "), " + a.get(2) + ")";
            case COS -> "StrictMath.cos(" + x + ")";
            case EXP -> "StrictMath.exp(" + x + ")";
            case FLOOR -> "Math.floor(" + x + ")";
            case INT -> "truncate(" + x + ")";
            case LOG -> "StrictMath.log(" + x + ")";
            case LOG10 -> "StrictMath.log10(" + x + ")";
            case MAX, MIN -> {
                String f = c.function() == org.izhsim.expr.BuiltinFunction.MAX ? "Math.max(" : "Math.min(";
                String acc = x;
                for (int k = 1; k < a.size(); k++) acc = f + acc + ", " + a.get(k) + ")";
                yield acc;
            }
            case SIGN -> "Math.signum(" + x + ")";
            case SIN -> "StrictMath.sin(" + x + ")";
            case SQRT -> "Math.sqrt(" + x + ")";
            case TAN -> "StrictMath.tan(" + x + ")";
            case TANH -> "StrictMath.tanh(" + x + ")";
        };
    }

    /** The node as a Java boolean expression (a truth value: non-zero, NaN included, is true). */
    static String bool(Node node, String[] at) {
        if (node instanceof Binary b) {
            String op = switch (b.operator()) {
                case LESS -> "<"; case LESS_OR_EQUAL -> "<="; case GREATER -> ">"; case GREATER_OR_EQUAL -> ">=";
                case EQUAL -> "=="; case NOT_EQUAL -> "!=";
                case AND -> "&&"; case OR -> "||";
                default -> null;
            };
            if (op != null) {
                boolean logical = b.operator() == Binary.Operator.AND || b.operator() == Binary.Operator.OR;
                String l = logical ? bool(b.left(), at) : expr(b.left(), at);
                String r = logical ? bool(b.right(), at) : expr(b.right(), at);
                return "(" + l + " " + op + " " + r + ")";
            }
        }
        if (node instanceof Unary u && u.operator() == Unary.Operator.NOT) return "(!" + bool(u.operand(), at) + ")";
        return "(" + expr(node, at) + " != 0.0)";
    }

    static String literal(double x) {
        if (Double.isNaN(x)) return "Double.NaN";
        if (x == Double.POSITIVE_INFINITY) return "Double.POSITIVE_INFINITY";
        if (x == Double.NEGATIVE_INFINITY) return "Double.NEGATIVE_INFINITY";
        return "(" + Double.toString(x) + ")";
    }
}
