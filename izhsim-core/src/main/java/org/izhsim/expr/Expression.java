package org.izhsim.expr;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

import org.izhsim.expr.Node.Binary;
import org.izhsim.expr.Node.Call;
import org.izhsim.expr.Node.Literal;
import org.izhsim.expr.Node.Unary;
import org.izhsim.expr.Node.Variable;

/**
 * A parsed expression, ready to evaluate many times: an input current {@code I(t)} written as
 * in a Brian2 notebook, or a per-neuron value over other variables. The text is parsed once
 * into a {@link Node} tree, folded where that changes no value, and compiled into small
 * objects; evaluation then costs tens of nanoseconds and allocates nothing in {@link #at}.
 *
 * <pre>{@code
 * Expression current = Expression.parse("int(t>10*ms and t<13*ms)*7.04");
 * current.at(12.0);                          // 7.04
 * Expression v0 = Expression.parse("-65+15*r**2", List.of("r"));
 * v0.evaluate(0.5);                          // -61.25
 * }</pre>
 *
 * Instances are immutable and safe to share between threads. See the
 * {@linkplain org.izhsim.expr package documentation} for the language.
 */
public final class Expression {
    private static final List<String> TIME = List.of("t");
    private static final double[] NO_VALUES = {};

    private final String text;
    private final List<String> variables;
    private final Node tree;
    private final boolean[] used;
    private final Evaluator evaluator;

    private Expression(String text, List<String> variables, Node tree) {
        this.text = text;
        this.variables = variables;
        this.tree = tree;
        this.used = variablesIn(tree, variables.size());
        this.evaluator = Evaluators.compile(tree);
    }

    /**
     * Parses an expression over the single variable {@code t}, the time in ms.
     *
     * @throws ExpressionException if the text is not a well-formed expression
     */
    public static Expression parse(String text) {
        return parse(text, TIME);
    }

    /**
     * Parses an expression over the named variables, such as {@code List.of("r")} for
     * {@code -65+15*r**2}; their values are passed to {@link #evaluate} in this order.
     *
     * @throws IllegalArgumentException if a variable name is not an identifier, is listed
     *                                  twice, or is a keyword, constant or function name
     * @throws ExpressionException      if the text is not a well-formed expression over them
     */
    public static Expression parse(String text, List<String> variables) {
        Objects.requireNonNull(text, "text");
        List<String> names = Names.checkVariables(variables);
        return new Expression(text, names, Folding.fold(new Parser(text, names).parse()));
    }

    /**
     * Parses text into its tree as written (not folded), for a caller that gives names a
     * meaning of its own — the equation models, whose unit names such as {@code ms} and
     * {@code mV} carry a dimension that must be checked before they become numbers. Every
     * name in {@code symbols} becomes a {@link Node.Variable} indexed into that list, even one
     * that is otherwise a constant ({@code ms}); other names resolve as usual. Fold the tree
     * with {@link #fold(Node)} once the caller has replaced what it means by the symbols.
     *
     * @throws IllegalArgumentException if a symbol is not an identifier, is listed twice, or is
     *                                  a keyword or function name
     * @throws ExpressionException      if the text is not a well-formed expression
     */
    public static Node parseTree(String text, List<String> symbols) {
        Objects.requireNonNull(text, "text");
        return new Parser(text, Names.checkSymbols(symbols)).parse();
    }

    /**
     * An expression over a tree that another front end parsed with {@link #parseTree} and
     * resolved itself (an equation model's unit-checked value, where unit names became
     * numbers), folded as {@link #parse} folds: the same text without units evaluates to the
     * same bits either way.
     *
     * @param text      the text as written, for messages and {@link #text()}
     * @param tree      the resolved tree; each {@link Node.Variable} indexes {@code variables}
     * @param variables the names of the values {@link #evaluate} takes
     * @throws IllegalArgumentException if a variable index is outside {@code variables}
     */
    public static Expression ofTree(String text, Node tree, List<String> variables) {
        Objects.requireNonNull(text, "text");
        List<String> names = Names.checkVariables(variables);
        Node folded = Folding.fold(Objects.requireNonNull(tree, "tree"));
        return new Expression(text, names, folded);
    }

    /**
     * The tree simplified exactly as {@link #parse} simplifies it: literal subtrees become their
     * values and operations that change no value ({@code x/1}, {@code x*1}) disappear, nothing
     * re-associated, so evaluating or compiling the result gives the same bits as the original.
     */
    public static Node fold(Node tree) {
        return Folding.fold(Objects.requireNonNull(tree, "tree"));
    }

    /**
     * The value for the given variable values, in the order of {@link #variables()}.
     *
     * @throws IllegalArgumentException if the number of values differs from the number of variables
     */
    public double evaluate(double... values) {
        if (values.length != variables.size()) {
            throw new IllegalArgumentException("expected " + variables.size() + " value(s), for " + variables
                    + ", but got " + values.length + " for '" + text + "'");
        }
        return evaluator.evaluate(values.length == 0 ? 0.0 : values[0], values);
    }

    /**
     * The value at {@code t}, the fast path for expressions over one variable (or none).
     *
     * @param t the value of the only variable; for {@link #parse(String)} the time in ms
     * @throws IllegalStateException if the expression has more than one variable
     */
    public double at(double t) {
        if (variables.size() > 1) {
            throw new IllegalStateException("'" + text + "' has variables " + variables + "; use evaluate(...)");
        }
        return evaluator.evaluate(t, NO_VALUES);
    }

    /** The text as written. */
    public String text() {
        return text;
    }

    /**
     * The tree that is evaluated: parsed, with names resolved, and folded where that changes
     * no value (so {@code 100*ms} is the literal 100 and {@code int(t > 5)} is {@code t > 5}).
     */
    public Node tree() {
        return tree;
    }

    /** The variable names, in the order {@link #evaluate} takes their values. */
    public List<String> variables() {
        return variables;
    }

    /**
     * Whether the value can change with this variable, that is, whether it occurs in the
     * folded {@link #tree()}. A constant current such as {@code 10} does not depend on t, so
     * a caller may evaluate it once.
     *
     * @throws IllegalArgumentException if the name is not one of {@link #variables()}
     */
    public boolean dependsOn(String variable) {
        int index = variables.indexOf(variable);
        if (index < 0) {
            throw new IllegalArgumentException("'" + variable + "' is not a variable of '" + text + "'; its variables: "
                    + variables);
        }
        return used[index];
    }

    /** The text as written. */
    @Override
    public String toString() {
        return text;
    }

    private static boolean[] variablesIn(Node root, int count) {
        boolean[] used = new boolean[count];
        Deque<Node> pending = new ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            switch (pending.pop()) {
                case Literal _ -> {}
                case Variable variable -> {
                    if (variable.index() < 0 || variable.index() >= count) {
                        throw new IllegalArgumentException("variable '" + variable.name() + "' has index " + variable.index()
                                + ", outside the " + count + " variable(s)");
                    }
                    used[variable.index()] = true;
                }
                case Unary unary -> pending.push(unary.operand());
                case Binary binary -> {
                    pending.push(binary.left());
                    pending.push(binary.right());
                }
                case Call call -> call.arguments().forEach(pending::push);
            }
        }
        return used;
    }
}
