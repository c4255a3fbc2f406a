package org.izhsim.equations;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import org.izhsim.expr.Expression;
import org.izhsim.expr.Node;

/**
 * A neuron model written as equation strings, parsed, name- and unit-checked, ready to compile.
 * See the {@linkplain org.izhsim.equations package documentation} for the file format.
 *
 * <p>Every tree here is folded and free of names: units are numbers in model units,
 * sub-expressions are substituted where they are used, and each remaining
 * {@link Node.Variable} has an index into {@link #symbols()}: first the state variables (in
 * the order their equations are written), then the parameters, then the input {@code I}, then
 * the time {@code t} [ms]. Derivatives are per ms.
 */
public final class EquationModel {
    /**
     * A variable with a differential equation.
     *
     * @param derivative       dX/dt per ms, over {@link #symbols()}
     * @param unlessRefractory frozen while the neuron is refractory (Brian2's flag)
     */
    public record StateVariable(String name, Dimension dimension, Node derivative, boolean unlessRefractory) {}

    /** A per-neuron constant, given a value per neuron before the run. */
    public record Parameter(String name, Dimension dimension) {}

    /** One reset statement: state variable {@code target} (an index into {@link #states()}) ← value. */
    public record Assignment(int target, Node value) {}

    private final String source;
    private final List<StateVariable> states;
    private final List<Parameter> parameters;
    private final Dimension inputDimension;
    private final Node threshold;
    private final List<Assignment> reset;
    private final double refractoryMs;
    private final String normalized;
    private final String hash;

    EquationModel(String source, List<StateVariable> states, List<Parameter> parameters, Dimension inputDimension,
                  Node threshold, List<Assignment> reset, double refractoryMs) {
        this.source = source;
        this.states = List.copyOf(states);
        this.parameters = List.copyOf(parameters);
        this.inputDimension = inputDimension;
        this.threshold = Objects.requireNonNull(threshold);
        this.reset = List.copyOf(reset);
        this.refractoryMs = refractoryMs;
        this.normalized = normalize();
        this.hash = sha256(normalized);
    }

    /**
     * Parses and checks a model file.
     *
     * @param text   the file's content
     * @param source the file name, for messages
     * @throws EquationException naming line, column and problem
     */
    public static EquationModel parse(String text, String source) {
        return new ModelParser(text, source).parse();
    }

    public String source() {
        return source;
    }

    public List<StateVariable> states() {
        return states;
    }

    public List<Parameter> parameters() {
        return parameters;
    }

    /** Whether the model declares the input {@code I} that currents and synapses drive. */
    public boolean hasInput() {
        return inputDimension != null;
    }

    /** The dimension of {@code I}, or null if the model has no input. */
    public Dimension inputDimension() {
        return inputDimension;
    }

    /** The spike condition, a truth value over {@link #symbols()}. */
    public Node threshold() {
        return threshold;
    }

    /**
     * Where the threshold cuts state variable {@code state} off, for drawing its spikes: E of a
     * threshold {@code x > E}, {@code x >= E} (or {@code E < x}, {@code E <= x}) on that
     * variable, evaluated for these parameter values, if E depends on parameters and constants
     * only; NaN for a threshold of another form or variable, or a cut-off that moves with the
     * state, the input or the time (the 2007 LTS cell's {@code vpeak - 0.1*u}).
     *
     * @param state           an index into {@link #states()}
     * @param parameterValues in {@link #parameters()} order
     */
    public double cutoff(int state, double[] parameterValues) {
        if (!(threshold instanceof Node.Binary b)) return Double.NaN;
        Node bound = switch (b.operator()) {
            case GREATER, GREATER_OR_EQUAL -> isState(b.left(), state) ? b.right() : null;
            case LESS, LESS_OR_EQUAL -> isState(b.right(), state) ? b.left() : null;
            default -> null;
        };
        if (bound == null) return Double.NaN;
        List<String> symbols = symbols();
        Expression e = Expression.ofTree(bound.toString(), bound, symbols);
        for (int i = 0; i < symbols.size(); i++) {
            boolean parameter = i >= states.size() && i < inputIndex();
            if (!parameter && e.dependsOn(symbols.get(i))) return Double.NaN;
        }
        double[] values = new double[symbols.size()];
        System.arraycopy(parameterValues, 0, values, states.size(), parameters.size());
        return e.evaluate(values);
    }

    private static boolean isState(Node n, int state) {
        return n instanceof Node.Variable v && v.index() == state;
    }

    public List<Assignment> reset() {
        return reset;
    }

    /**
     * Whether the reset sets state {@code state} without reading it first: the first reset
     * statement that mentions it assigns it a value that does not depend on it ({@code v = c}).
     * Then the reset's outcome does not depend on the state's value before it, so a jump added
     * just before the reset (Brian2's order: 'synapses' before 'resets') is lost.
     */
    public boolean resetOverwrites(int state) {
        for (Assignment a : reset) {
            if (reads(a.value(), state)) return false;
            if (a.target() == state) return true;
        }
        return false;
    }

    private static boolean reads(Node n, int state) {
        return switch (n) {
            case Node.Literal l -> false;
            case Node.Variable v -> v.index() == state;
            case Node.Unary u -> reads(u.operand(), state);
            case Node.Binary b -> reads(b.left(), state) || reads(b.right(), state);
            case Node.Call c -> c.arguments().stream().anyMatch(x -> reads(x, state));
        };
    }

    /** The refractory period [ms], or 0 if there is none. */
    public double refractoryMs() {
        return refractoryMs;
    }

    /** Index of {@code I} in {@link #symbols()}. */
    public int inputIndex() {
        return states.size() + parameters.size();
    }

    /** Index of {@code t} in {@link #symbols()}. */
    public int timeIndex() {
        return inputIndex() + 1;
    }

    /** The names behind the variable indices: states, parameters, I, t. */
    public List<String> symbols() {
        List<String> names = new ArrayList<>();
        states.forEach(s -> names.add(s.name()));
        parameters.forEach(p -> names.add(p.name()));
        names.add("I");
        names.add("t");
        return names;
    }

    /** The index of a state variable or parameter by name, or −1. */
    public int indexOf(String name) {
        int i = symbols().indexOf(name);
        return i < inputIndex() ? i : -1;
    }

    /**
     * The value of {@code name=expression} (a {@code --set} argument) for a state variable's
     * initial value or a parameter, in model units: {@code v=-65*mV}, {@code a=0.02},
     * {@code k=0.7*nS/mV}. The expression may use numbers and units only, and its unit must be
     * the declared one.
     *
     * @return the index (into {@link #symbols()}) and the value
     * @throws EquationException naming the column within the argument
     */
    public Setting setting(String assignment) {
        int eq = assignment.indexOf('=');
        String name = eq < 0 ? assignment.strip() : assignment.substring(0, eq).strip();
        if (eq < 0) {
            throw EquationException.inArgument("--set " + assignment, assignment.length() + 1,
                    "expected NAME=VALUE, e.g. a=0.02 or v=-65");
        }
        int index = indexOf(name);
        if (index < 0) {
            throw EquationException.inArgument("--set " + assignment, 1, "unknown name '" + name + "' in " + source + "; settable: "
                    + String.join(", ", symbols().subList(0, inputIndex())));
        }
        double value = ModelParser.constant(assignment.substring(eq + 1), dimensionAt(index), "'" + name + "'", "--set " + assignment, eq + 1);
        return new Setting(index, value);
    }

    /**
     * A per-neuron value of a parameter or initial state, as a model file gives it: an
     * expression of numbers, units and {@code r} (the neuron's uniform random number), whose
     * unit must be the declared one, as for {@link #setting}: {@code (-65+15*r**2)*mV} for a
     * voltage, {@code 0.02} for a dimensionless parameter. Evaluate it over r; it gives model
     * units.
     *
     * @throws IllegalArgumentException if {@code name} is no state variable or parameter
     * @throws EquationException        naming the column within {@code text}
     */
    public Expression value(String name, String text) {
        int index = indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("unknown name '" + name + "' in " + source + "; settable: "
                    + String.join(", ", symbols().subList(0, inputIndex())));
        }
        Node tree = ModelParser.value(text, dimensionAt(index), "'" + name + "'", name + ": " + text, "r");
        return Expression.ofTree(text, tree, List.of("r"));
    }

    /** The declared dimension of the state variable or parameter at {@code index} of {@link #symbols()}. */
    private Dimension dimensionAt(int index) {
        return index < states.size() ? states.get(index).dimension() : parameters.get(index - states.size()).dimension();
    }

    /** A value for the state variable or parameter at {@code index} of {@link #symbols()}. */
    public record Setting(int index, double value) {}

    /**
     * The model as canonical text: the folded trees, printed fully parenthesised, with the
     * names, units and flags. Two files that differ only in comments, spacing, redundant
     * parentheses or unit spelling ({@code mV} vs {@code mvolt}) give the same text.
     */
    public String normalized() {
        return normalized;
    }

    /** SHA-256 of {@link #normalized()} in hex: the key under which compiled kernels are cached. */
    public String hash() {
        return hash;
    }

    private String normalize() {
        StringBuilder sb = new StringBuilder();
        for (StateVariable s : states) {
            sb.append('d').append(s.name()).append("/dt = ").append(s.derivative()).append(" : ").append(s.dimension())
                    .append(s.unlessRefractory() ? " (unless refractory)" : "").append('\n');
        }
        for (Parameter p : parameters) sb.append(p.name()).append(" : ").append(p.dimension()).append('\n');
        if (hasInput()) sb.append("I : ").append(inputDimension).append('\n');
        sb.append("threshold: ").append(threshold).append('\n');
        for (Assignment a : reset) sb.append("reset: ").append(states.get(a.target()).name()).append(" = ")
                .append(a.value()).append('\n');
        if (refractoryMs > 0) sb.append("refractory: ").append(Double.toString(refractoryMs)).append('\n');
        return sb.toString();
    }

    @Override
    public String toString() {
        return normalized;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
