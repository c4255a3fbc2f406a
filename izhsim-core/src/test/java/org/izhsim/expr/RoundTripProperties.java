package org.izhsim.expr;

import static org.izhsim.expr.SameBits.assertSameBits;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import org.izhsim.expr.Node.Binary;
import org.izhsim.expr.Node.Call;
import org.izhsim.expr.Node.Literal;
import org.izhsim.expr.Node.Unary;
import org.izhsim.expr.Node.Variable;

/**
 * Random trees, printed fully parenthesised, parse and evaluate to what the tree means. The
 * meaning comes from {@link #direct}, an interpreter written here from the language's rules
 * and independent of the parser, the folding and the compiled evaluators; comparing bit for
 * bit also checks that folding never changes a value.
 */
class RoundTripProperties {
    private static final List<String> VARIABLES = List.of("x", "y");

    @Property(tries = 3000)
    void printedTreeEvaluatesLikeTheTree(@ForAll("trees") Node tree, @ForAll("values") double x,
                                         @ForAll("values") double y) {
        String text = print(tree);
        Expression expression = Expression.parse(text, VARIABLES);
        assertSameBits(direct(tree, x, y), expression.evaluate(x, y), text + " at x = " + x + ", y = " + y);
    }

    /**
     * Small sums and products of ordinary numbers, where a re-associated or wrongly dropped
     * operation shows in the result instead of drowning in NaN, infinity or a truth value.
     */
    @Property(tries = 3000)
    void arithmeticIsExactToTheBit(@ForAll("arithmetic") Node tree, @ForAll("ordinaryValues") double x,
                                   @ForAll("ordinaryValues") double y) {
        String text = print(tree);
        Expression expression = Expression.parse(text, VARIABLES);
        assertSameBits(direct(tree, x, y), expression.evaluate(x, y), text + " at x = " + x + ", y = " + y);
    }

    @Property(tries = 500)
    void foldedTreePrintsToTextThatParsesBackToIt(@ForAll("trees") Node tree) {
        Node folded = Expression.parse(print(tree), VARIABLES).tree();
        assertEquals(folded, Expression.parse(folded.toString(), VARIABLES).tree(), folded.toString());
    }

    @Provide
    Arbitrary<Double> values() {
        return Arbitraries.oneOf(
                Arbitraries.of(0.0, -0.0, 1.0, -1.0, 0.5, 2.0, 100.0, 312.5),
                Arbitraries.doubles().between(-500, 500).withStandardSpecialValues(),
                Arbitraries.doubles());
    }

    @Provide
    Arbitrary<Double> ordinaryValues() {
        return Arbitraries.oneOf(Arbitraries.of(0.0, -0.0, 1.0, -1.0, 0.1, 100.0), Arbitraries.doubles().between(-500, 500));
    }

    @Provide
    Arbitrary<Node> arithmetic() {
        Arbitrary<Node> literals = Arbitraries.oneOf(Arbitraries.of(0.0, -0.0, 1.0, 2.0, 3.0, 0.1, 0.2, 0.3, 12.5),
                Arbitraries.doubles().between(-100, 100)).map(Literal::new);
        Arbitrary<Node> variables = Arbitraries.of(0, 1).map(i -> new Variable(VARIABLES.get(i), i));
        Arbitrary<Binary.Operator> operators = Arbitraries.of(Binary.Operator.ADD, Binary.Operator.SUBTRACT,
                Binary.Operator.MULTIPLY, Binary.Operator.DIVIDE);
        Arbitrary<Node> leaves = Arbitraries.frequencyOf(Tuple.of(2, literals), Tuple.of(1, variables));
        return Arbitraries.recursive(() -> leaves,
                operand -> Arbitraries.frequencyOf(
                        Tuple.of(3, leaves),
                        Tuple.of(1, operand.map(o -> (Node) new Unary(Unary.Operator.NEGATE, o))),
                        Tuple.of(6, Combinators.combine(operators, operand, operand).as(Binary::new))),
                1, 4);
    }

    @Provide
    Arbitrary<Node> trees() {
        return Arbitraries.recursive(this::leaves, this::composite, 1, 6);
    }

    /** Special literals are frequent, because identities such as x*1 and x-0 are what folding removes. */
    private Arbitrary<Node> leaves() {
        Arbitrary<Node> literals = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.of(0.0, -0.0, 1.0, -1.0, 2.0, 0.5, 3.0, 100.0, 0.001, 0.1, 0.2, 12.5, 1e300)),
                Tuple.of(1, Arbitraries.doubles().between(-1000, 1000)),
                Tuple.of(1, Arbitraries.doubles())).map(Literal::new);
        Arbitrary<Node> variables = Arbitraries.of(0, 1).map(i -> new Variable(VARIABLES.get(i), i));
        return Arbitraries.frequencyOf(Tuple.of(1, literals), Tuple.of(1, variables));
    }

    /** Arithmetic dominates, since a truth value at the root would hide most differences in its operands. */
    private Arbitrary<Node> composite(Arbitrary<Node> operand) {
        Arbitrary<Unary.Operator> unaryOperators = Arbitraries.frequency(
                Tuple.of(3, Unary.Operator.NEGATE), Tuple.of(1, Unary.Operator.PLUS), Tuple.of(1, Unary.Operator.NOT));
        Arbitrary<Binary.Operator> binaryOperators = Arbitraries.frequency(Arrays.stream(Binary.Operator.values())
                .map(op -> Tuple.of(op.yieldsTruthValue() ? 1 : 5, op)).toList());
        Arbitrary<Node> unary = Combinators.combine(unaryOperators, operand).as(Unary::new);
        Arbitrary<Node> binary = Combinators.combine(binaryOperators, operand, operand).as(Binary::new);
        Arbitrary<Node> call = Arbitraries.of(BuiltinFunction.class).flatMap(function -> {
            Arbitrary<List<Node>> arguments = function.isVariadic()
                    ? operand.list().ofMinSize(2).ofMaxSize(4)
                    : operand.list().ofSize(function.minArguments());
            return arguments.map(list -> new Call(function, list));
        });
        return Arbitraries.frequencyOf(Tuple.of(1, operand), Tuple.of(2, unary), Tuple.of(6, binary),
                Tuple.of(2, call));
    }

    /** Full parentheses, so that neither precedence nor comparison chaining comes into play. */
    static String print(Node node) {
        return switch (node) {
            case Literal(double v) -> Math.copySign(1.0, v) < 0 ? "(-" + Double.toString(-v) + ")" : Double.toString(v);
            case Variable(String name, int _) -> name;
            case Unary(Unary.Operator op, Node operand) -> "(" + switch (op) {
                case PLUS -> "+";
                case NEGATE -> "-";
                case NOT -> "not ";
            } + print(operand) + ")";
            case Binary(Binary.Operator op, Node left, Node right) ->
                    "(" + print(left) + " " + op.symbol() + " " + print(right) + ")";
            case Call(BuiltinFunction function, List<Node> arguments) -> arguments.stream()
                    .map(RoundTripProperties::print).collect(Collectors.joining(", ", function.symbol() + "(", ")"));
        };
    }

    /** The meaning of a tree, from the rules in the package documentation. */
    static double direct(Node node, double x, double y) {
        return switch (node) {
            case Literal(double v) -> v;
            case Variable(String _, int index) -> index == 0 ? x : y;
            case Unary(Unary.Operator op, Node operand) -> {
                double a = direct(operand, x, y);
                yield switch (op) {
                    case PLUS -> a;
                    case NEGATE -> -a;
                    case NOT -> a == 0 ? 1 : 0;
                };
            }
            case Binary(Binary.Operator op, Node left, Node right) -> {
                double a = direct(left, x, y);
                double b = direct(right, x, y);
                yield switch (op) {
                    case OR -> (a != 0 || b != 0) ? 1 : 0;
                    case AND -> (a != 0 && b != 0) ? 1 : 0;
                    case LESS -> a < b ? 1 : 0;
                    case LESS_OR_EQUAL -> a <= b ? 1 : 0;
                    case GREATER -> a > b ? 1 : 0;
                    case GREATER_OR_EQUAL -> a >= b ? 1 : 0;
                    case EQUAL -> a == b ? 1 : 0;
                    case NOT_EQUAL -> a != b ? 1 : 0;
                    case ADD -> a + b;
                    case SUBTRACT -> a - b;
                    case MULTIPLY -> a * b;
                    case DIVIDE -> a / b;
                    case MODULO -> pythonModulo(a, b);
                    case POWER -> StrictMath.pow(a, b);
                };
            }
            case Call(BuiltinFunction function, List<Node> arguments) -> {
                double[] v = arguments.stream().mapToDouble(a -> direct(a, x, y)).toArray();
                yield switch (function) {
                    case ABS -> Math.abs(v[0]);
                    case CEIL -> Math.ceil(v[0]);
                    case CLIP -> Math.min(Math.max(v[0], v[1]), v[2]);
                    case COS -> StrictMath.cos(v[0]);
                    case EXP -> StrictMath.exp(v[0]);
                    case FLOOR -> Math.floor(v[0]);
                    case INT -> pythonInt(v[0]);
                    case LOG -> StrictMath.log(v[0]);
                    case LOG10 -> StrictMath.log10(v[0]);
                    case MAX -> {
                        double m = v[0];
                        for (double w : v) m = Math.max(m, w);
                        yield m;
                    }
                    case MIN -> {
                        double m = v[0];
                        for (double w : v) m = Math.min(m, w);
                        yield m;
                    }
                    case SIGN -> Math.signum(v[0]);
                    case SIN -> StrictMath.sin(v[0]);
                    case SQRT -> Math.sqrt(v[0]);
                    case TAN -> StrictMath.tan(v[0]);
                    case TANH -> StrictMath.tanh(v[0]);
                };
            }
        };
    }

    /** Python: the sign of the divisor; an exact zero takes the divisor's sign too. */
    private static double pythonModulo(double a, double b) {
        double r = a % b;
        if (r == 0) return Math.copySign(0.0, b);
        return (r < 0) == (b < 0) || Double.isNaN(r) ? r : r + b;
    }

    /** Python's int(), except that NaN and the infinities pass through; zero has no sign. */
    private static double pythonInt(double a) {
        if (Double.isNaN(a) || Double.isInfinite(a)) return a;
        double truncated = a < 0 ? Math.ceil(a) : Math.floor(a);
        return truncated == 0 ? 0.0 : truncated;
    }
}
