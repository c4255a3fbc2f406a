package org.izhsim.expr;

import java.util.List;

import org.izhsim.expr.Node.Binary;
import org.izhsim.expr.Node.Call;
import org.izhsim.expr.Node.Literal;
import org.izhsim.expr.Node.Unary;
import org.izhsim.expr.Node.Variable;

/**
 * Turns a folded tree into nested {@link Evaluator} lambdas. Each computes exactly what the
 * operator's or function's {@code apply} computes, in the same order, so evaluation and
 * folding agree to the bit. An operand that is a literal or the first variable is built into
 * its parent, which saves a call for the common shapes {@code t > 100} and {@code x * 7.04}.
 */
final class Evaluators {
    private Evaluators() {}

    static Evaluator compile(Node node) {
        return switch (node) {
            case Literal(double value) -> (_, _) -> value;
            case Variable(String _, int index) -> index == 0 ? (first, _) -> first : (_, values) -> values[index];
            case Unary(Unary.Operator operator, Node operand) -> unary(operator, compile(operand));
            case Binary(Binary.Operator operator, Node left, Node right) -> binary(operator, left, right);
            case Call(BuiltinFunction function, List<Node> arguments) -> call(function, arguments);
        };
    }

    private static Evaluator unary(Unary.Operator operator, Evaluator a) {
        return switch (operator) {
            case PLUS -> a;
            case NEGATE -> (f, v) -> -a.evaluate(f, v);
            case NOT -> (f, v) -> a.evaluate(f, v) == 0 ? 1.0 : 0.0;
        };
    }

    private static Evaluator binary(Binary.Operator operator, Node left, Node right) {
        if (right instanceof Literal(double c)) {
            if (left instanceof Variable(String _, int index) && index == 0) {
                Evaluator direct = firstWithLiteral(operator, c);
                if (direct != null) return direct;
            }
            return withRightLiteral(operator, compile(left), c);
        }
        if (left instanceof Literal(double c) && !operator.yieldsTruthValue()) {
            return withLeftLiteral(operator, c, compile(right));
        }
        return general(operator, compile(left), compile(right));
    }

    private static Evaluator general(Binary.Operator operator, Evaluator a, Evaluator b) {
        return switch (operator) {
            case OR -> (f, v) -> a.evaluate(f, v) != 0 || b.evaluate(f, v) != 0 ? 1.0 : 0.0;
            case AND -> (f, v) -> a.evaluate(f, v) != 0 && b.evaluate(f, v) != 0 ? 1.0 : 0.0;
            case LESS -> (f, v) -> a.evaluate(f, v) < b.evaluate(f, v) ? 1.0 : 0.0;
            case LESS_OR_EQUAL -> (f, v) -> a.evaluate(f, v) <= b.evaluate(f, v) ? 1.0 : 0.0;
            case GREATER -> (f, v) -> a.evaluate(f, v) > b.evaluate(f, v) ? 1.0 : 0.0;
            case GREATER_OR_EQUAL -> (f, v) -> a.evaluate(f, v) >= b.evaluate(f, v) ? 1.0 : 0.0;
            case EQUAL -> (f, v) -> a.evaluate(f, v) == b.evaluate(f, v) ? 1.0 : 0.0;
            case NOT_EQUAL -> (f, v) -> a.evaluate(f, v) != b.evaluate(f, v) ? 1.0 : 0.0;
            case ADD -> (f, v) -> a.evaluate(f, v) + b.evaluate(f, v);
            case SUBTRACT -> (f, v) -> a.evaluate(f, v) - b.evaluate(f, v);
            case MULTIPLY -> (f, v) -> a.evaluate(f, v) * b.evaluate(f, v);
            case DIVIDE -> (f, v) -> a.evaluate(f, v) / b.evaluate(f, v);
            case MODULO -> (f, v) -> PythonMath.modulo(a.evaluate(f, v), b.evaluate(f, v));
            case POWER -> (f, v) -> StrictMath.pow(a.evaluate(f, v), b.evaluate(f, v));
        };
    }

    /** {@code and} and {@code or} with a literal are rare enough to take the {@link #general} path. */
    private static Evaluator withRightLiteral(Binary.Operator operator, Evaluator a, double c) {
        return switch (operator) {
            case LESS -> (f, v) -> a.evaluate(f, v) < c ? 1.0 : 0.0;
            case LESS_OR_EQUAL -> (f, v) -> a.evaluate(f, v) <= c ? 1.0 : 0.0;
            case GREATER -> (f, v) -> a.evaluate(f, v) > c ? 1.0 : 0.0;
            case GREATER_OR_EQUAL -> (f, v) -> a.evaluate(f, v) >= c ? 1.0 : 0.0;
            case EQUAL -> (f, v) -> a.evaluate(f, v) == c ? 1.0 : 0.0;
            case NOT_EQUAL -> (f, v) -> a.evaluate(f, v) != c ? 1.0 : 0.0;
            case ADD -> (f, v) -> a.evaluate(f, v) + c;
            case SUBTRACT -> (f, v) -> a.evaluate(f, v) - c;
            case MULTIPLY -> (f, v) -> a.evaluate(f, v) * c;
            case DIVIDE -> (f, v) -> a.evaluate(f, v) / c;
            case MODULO -> (f, v) -> PythonMath.modulo(a.evaluate(f, v), c);
            case POWER -> (f, v) -> StrictMath.pow(a.evaluate(f, v), c);
            case OR, AND -> general(operator, a, (_, _) -> c);
        };
    }

    private static Evaluator withLeftLiteral(Binary.Operator operator, double c, Evaluator b) {
        return switch (operator) {
            case ADD -> (f, v) -> c + b.evaluate(f, v);
            case SUBTRACT -> (f, v) -> c - b.evaluate(f, v);
            case MULTIPLY -> (f, v) -> c * b.evaluate(f, v);
            case DIVIDE -> (f, v) -> c / b.evaluate(f, v);
            case MODULO -> (f, v) -> PythonMath.modulo(c, b.evaluate(f, v));
            case POWER -> (f, v) -> StrictMath.pow(c, b.evaluate(f, v));
            default -> general(operator, (_, _) -> c, b);
        };
    }

    /** The first variable against a literal, as in {@code t > 100} and {@code t - 300}; null if not worth a case. */
    private static Evaluator firstWithLiteral(Binary.Operator operator, double c) {
        return switch (operator) {
            case LESS -> (f, _) -> f < c ? 1.0 : 0.0;
            case LESS_OR_EQUAL -> (f, _) -> f <= c ? 1.0 : 0.0;
            case GREATER -> (f, _) -> f > c ? 1.0 : 0.0;
            case GREATER_OR_EQUAL -> (f, _) -> f >= c ? 1.0 : 0.0;
            case EQUAL -> (f, _) -> f == c ? 1.0 : 0.0;
            case NOT_EQUAL -> (f, _) -> f != c ? 1.0 : 0.0;
            case ADD -> (f, _) -> f + c;
            case SUBTRACT -> (f, _) -> f - c;
            case MULTIPLY -> (f, _) -> f * c;
            case DIVIDE -> (f, _) -> f / c;
            default -> null;
        };
    }

    private static Evaluator call(BuiltinFunction function, List<Node> arguments) {
        Evaluator x = compile(arguments.getFirst());
        return switch (function) {
            case ABS -> (f, v) -> Math.abs(x.evaluate(f, v));
            case CEIL -> (f, v) -> Math.ceil(x.evaluate(f, v));
            case CLIP -> {
                Evaluator low = compile(arguments.get(1));
                Evaluator high = compile(arguments.get(2));
                yield (f, v) -> Math.min(Math.max(x.evaluate(f, v), low.evaluate(f, v)), high.evaluate(f, v));
            }
            case COS -> (f, v) -> StrictMath.cos(x.evaluate(f, v));
            case EXP -> (f, v) -> StrictMath.exp(x.evaluate(f, v));
            case FLOOR -> (f, v) -> Math.floor(x.evaluate(f, v));
            case INT -> (f, v) -> PythonMath.truncate(x.evaluate(f, v));
            case LOG -> (f, v) -> StrictMath.log(x.evaluate(f, v));
            case LOG10 -> (f, v) -> StrictMath.log10(x.evaluate(f, v));
            case MAX -> extremum(x, arguments, true);
            case MIN -> extremum(x, arguments, false);
            case SIGN -> (f, v) -> Math.signum(x.evaluate(f, v));
            case SIN -> (f, v) -> StrictMath.sin(x.evaluate(f, v));
            case SQRT -> (f, v) -> Math.sqrt(x.evaluate(f, v));
            case TAN -> (f, v) -> StrictMath.tan(x.evaluate(f, v));
            case TANH -> (f, v) -> StrictMath.tanh(x.evaluate(f, v));
        };
    }

    /** max or min folded from the left, as {@link BuiltinFunction#apply} does. */
    private static Evaluator extremum(Evaluator first, List<Node> arguments, boolean max) {
        Evaluator result = first;
        for (Node argument : arguments.subList(1, arguments.size())) {
            Evaluator sofar = result;
            Evaluator next = compile(argument);
            result = max ? (f, v) -> Math.max(sofar.evaluate(f, v), next.evaluate(f, v))
                    : (f, v) -> Math.min(sofar.evaluate(f, v), next.evaluate(f, v));
        }
        return result;
    }
}
