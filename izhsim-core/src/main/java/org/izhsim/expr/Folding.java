package org.izhsim.expr;

import java.util.List;

import org.izhsim.expr.Node.Binary;
import org.izhsim.expr.Node.Call;
import org.izhsim.expr.Node.Literal;
import org.izhsim.expr.Node.Unary;
import org.izhsim.expr.Node.Variable;

/**
 * Simplifies a tree without changing any value it can take, down to the bit: a subtree
 * without variables becomes its value (computed by the very operations evaluation would
 * use), and operations that return their operand unchanged for every double disappear.
 * Nothing is re-associated or reordered, since {@code (a*b)*c} and {@code a*(b*c)} may
 * round differently.
 */
final class Folding {
    private static final long NEGATIVE_ZERO = Double.doubleToRawLongBits(-0.0);

    private Folding() {}

    static Node fold(Node node) {
        return switch (node) {
            case Literal _, Variable _ -> node;
            case Unary(Unary.Operator operator, Node operand) -> unary(operator, fold(operand));
            case Binary(Binary.Operator operator, Node left, Node right) -> binary(operator, fold(left), fold(right));
            case Call(BuiltinFunction function, List<Node> arguments) ->
                    call(function, arguments.stream().map(Folding::fold).toList());
        };
    }

    private static Node unary(Unary.Operator operator, Node operand) {
        if (operand instanceof Literal(double x)) return new Literal(operator.apply(x));
        return switch (operator) {
            case PLUS -> operand;
            case NEGATE -> operand instanceof Unary(Unary.Operator inner, Node twice) && inner == Unary.Operator.NEGATE
                    ? twice : new Unary(operator, operand);
            case NOT -> new Unary(operator, operand);
        };
    }

    private static Node binary(Binary.Operator operator, Node left, Node right) {
        if (left instanceof Literal(double a) && right instanceof Literal(double b)) {
            return new Literal(operator.apply(a, b));
        }
        // each identity below holds for every double, signed zeros and NaN included:
        // x*1, 1*x, x/1 and x**1 are x; x - (+0) and x + (-0) keep the sign of a zero x
        // (x + 0 would not: -0 + 0 is +0)
        Node unchanged = switch (operator) {
            case MULTIPLY -> isOne(right) ? left : isOne(left) ? right : null;
            case DIVIDE, POWER -> isOne(right) ? left : null;
            case SUBTRACT -> hasBits(right, 0L) ? left : null;
            case ADD -> hasBits(right, NEGATIVE_ZERO) ? left : hasBits(left, NEGATIVE_ZERO) ? right : null;
            default -> null;
        };
        return unchanged != null ? unchanged : new Binary(operator, left, right);
    }

    private static Node call(BuiltinFunction function, List<Node> arguments) {
        if (arguments.stream().allMatch(Literal.class::isInstance)) {
            return new Literal(function.apply(arguments.stream().mapToDouble(a -> ((Literal) a).value()).toArray()));
        }
        // int() of a truth value, as in the Brian2 pulse idiom int(t > 100*ms), is the truth value
        if (function == BuiltinFunction.INT && yieldsTruthValue(arguments.getFirst())) return arguments.getFirst();
        return new Call(function, arguments);
    }

    private static boolean yieldsTruthValue(Node node) {
        return switch (node) {
            case Binary binary -> binary.operator().yieldsTruthValue();
            case Unary unary -> unary.operator() == Unary.Operator.NOT;
            default -> false;
        };
    }

    private static boolean isOne(Node node) {
        return node instanceof Literal(double value) && value == 1.0;
    }

    private static boolean hasBits(Node node, long bits) {
        return node instanceof Literal(double value) && Double.doubleToRawLongBits(value) == bits;
    }
}
