package org.izhsim.expr;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An expression as an immutable tree, for walkers that count operations, generate code or
 * print. {@link Expression#tree()} hands out the constant-folded tree, which is exactly what
 * is evaluated: a code generator that emits the same operations in the same order reproduces
 * the evaluated values bit for bit.
 *
 * <p>Names are already resolved: constants and units are {@link Literal}s, variables carry
 * their index. Truth values are the numbers 1 and 0. A chained comparison {@code a < b < c}
 * arrives as {@code (a < b) and (b < c)} with the very same {@code b} node in both places.
 *
 * <p>{@code toString()} prints the node fully parenthesised in the expression language, so
 * the printed text parses back to a tree of the same value.
 */
public sealed interface Node permits Node.Literal, Node.Variable, Node.Unary, Node.Binary, Node.Call {

    /** A number: written in the text, a named constant or unit, or the result of folding. */
    record Literal(double value) implements Node {
        @Override
        public String toString() {
            return format(value);
        }

        private static String format(double value) {
            // NaN has no literal; inf - inf is the expression that yields it
            if (Double.isNaN(value)) return "(inf - inf)";
            if (Math.copySign(1.0, value) < 0) return "(-" + format(-value) + ")";
            if (value == Double.POSITIVE_INFINITY) return "inf";
            if (value == Math.rint(value) && value < 1e15) return Long.toString((long) value);
            return Double.toString(value);
        }
    }

    /**
     * A variable; its value is argument number {@code index} of {@link Expression#evaluate}.
     *
     * @param name  the name as written
     * @param index its position in {@link Expression#variables()}
     */
    record Variable(String name, int index) implements Node {
        public Variable {
            Objects.requireNonNull(name, "name");
            if (index < 0) throw new IllegalArgumentException("variable index " + index + " is negative");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** An operator with one operand. */
    record Unary(Operator operator, Node operand) implements Node {
        public Unary {
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(operand, "operand");
        }

        @Override
        public String toString() {
            return "(" + operator.symbol() + (operator == Operator.NOT ? " " : "") + operand + ")";
        }

        /** The unary operators, binding as in Python: {@code not} loosely, {@code -} and {@code +} tightly. */
        public enum Operator {
            /** {@code +x}: x unchanged. */
            PLUS("+"),
            /** {@code -x}: x with its sign flipped (so {@code -0} is negative zero). */
            NEGATE("-"),
            /** {@code not x}: 1 if x is 0, otherwise 0 (NaN counts as true, as in Python). */
            NOT("not");

            private final String symbol;

            Operator(String symbol) {
                this.symbol = symbol;
            }

            /** The operator as written in the language. */
            public String symbol() {
                return symbol;
            }

            /** The value of this operator applied to {@code x}; the definition evaluation follows. */
            public double apply(double x) {
                return switch (this) {
                    case PLUS -> x;
                    case NEGATE -> -x;
                    case NOT -> x == 0 ? 1.0 : 0.0;
                };
            }
        }
    }

    /** An operator with two operands; the left one is written (and evaluated) first. */
    record Binary(Operator operator, Node left, Node right) implements Node {
        public Binary {
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }

        @Override
        public String toString() {
            return "(" + left + " " + operator.symbol() + " " + right + ")";
        }

        /**
         * The binary operators, from the loosest binding to the tightest. Comparisons and the
         * logical operators yield 1 or 0; the logical ones treat every non-zero number
         * (NaN included) as true.
         */
        public enum Operator {
            OR("or"), AND("and"),
            LESS("<"), LESS_OR_EQUAL("<="), GREATER(">"), GREATER_OR_EQUAL(">="), EQUAL("=="), NOT_EQUAL("!="),
            ADD("+"), SUBTRACT("-"), MULTIPLY("*"), DIVIDE("/"),
            /** Python's {@code %}: the result takes the sign of the divisor, see {@link #apply}. */
            MODULO("%"),
            /** {@link StrictMath#pow}: a negative base with a fractional exponent gives NaN, as in numpy. */
            POWER("**");

            private final String symbol;

            Operator(String symbol) {
                this.symbol = symbol;
            }

            /** The operator as written in the language. */
            public String symbol() {
                return symbol;
            }

            /** Whether the result is always the truth value 1 or 0. */
            public boolean yieldsTruthValue() {
                return compareTo(NOT_EQUAL) <= 0;
            }

            /** The value of {@code left <operator> right}; the definition evaluation follows. */
            public double apply(double left, double right) {
                return switch (this) {
                    case OR -> truth(left != 0 || right != 0);
                    case AND -> truth(left != 0 && right != 0);
                    case LESS -> truth(left < right);
                    case LESS_OR_EQUAL -> truth(left <= right);
                    case GREATER -> truth(left > right);
                    case GREATER_OR_EQUAL -> truth(left >= right);
                    case EQUAL -> truth(left == right);
                    case NOT_EQUAL -> truth(left != right);
                    case ADD -> left + right;
                    case SUBTRACT -> left - right;
                    case MULTIPLY -> left * right;
                    case DIVIDE -> left / right;
                    case MODULO -> PythonMath.modulo(left, right);
                    case POWER -> StrictMath.pow(left, right);
                };
            }

            private static double truth(boolean b) {
                return b ? 1.0 : 0.0;
            }
        }
    }

    /** A call of a built-in function; the arity has been checked. */
    record Call(BuiltinFunction function, List<Node> arguments) implements Node {
        public Call {
            Objects.requireNonNull(function, "function");
            arguments = List.copyOf(arguments);
            if (!function.accepts(arguments.size())) {
                throw new IllegalArgumentException(function.arityProblem(arguments.size()));
            }
        }

        @Override
        public String toString() {
            return arguments.stream().map(Node::toString)
                    .collect(Collectors.joining(", ", function.symbol() + "(", ")"));
        }
    }
}
