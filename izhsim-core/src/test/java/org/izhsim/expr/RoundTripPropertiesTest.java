package org.izhsim.expr;

import static org.izhsim.expr.SameBits.assertSameBits;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

import org.izhsim.expr.Node.Binary;
import org.izhsim.expr.Node.Call;
import org.izhsim.expr.Node.Literal;
import org.izhsim.expr.Node.Unary;
import org.izhsim.expr.Node.Variable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random trees, printed fully parenthesised, parse and evaluate to what the tree means. The
 * meaning comes from {@link #direct}, an interpreter written here from the language's rules
 * and independent of the parser, the folding and the compiled evaluators; comparing bit for
 * bit also checks that folding never changes a value.
 *
 * <p>Each property runs once per fixed seed. Every try draws its own case seed from the
 * property's {@link SplittableRandom}, and a failure names the seed, the try and the case
 * seed together with the tree's text: {@code new SplittableRandom(caseSeed)} handed to the
 * same generators rebuilds the failing case on its own.
 */
class RoundTripPropertiesTest {
    private static final List<String> VARIABLES = List.of("x", "y");

    /** Tries per seed; with four seeds 4000 each for the evaluating properties, 1000 for folding. */
    private static final int TRIES = 1000;
    private static final int FOLDING_TRIES = 250;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void printedTreeEvaluatesLikeTheTree(long seed) {
        SplittableRandom seeds = new SplittableRandom(seed);
        for (int i = 0; i < TRIES; i++) {
            long caseSeed = seeds.nextLong();
            SplittableRandom random = new SplittableRandom(caseSeed);
            Node tree = tree(random);
            double x = value(random);
            double y = value(random);
            assertEvaluatesLikeTheTree(tree, x, y, origin(seed, i, caseSeed));
        }
    }

    /**
     * Small sums and products of ordinary numbers, where a re-associated or wrongly dropped
     * operation shows in the result instead of drowning in NaN, infinity or a truth value.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void arithmeticIsExactToTheBit(long seed) {
        SplittableRandom seeds = new SplittableRandom(seed);
        for (int i = 0; i < TRIES; i++) {
            long caseSeed = seeds.nextLong();
            SplittableRandom random = new SplittableRandom(caseSeed);
            Node tree = arithmetic(random);
            double x = ordinaryValue(random);
            double y = ordinaryValue(random);
            assertEvaluatesLikeTheTree(tree, x, y, origin(seed, i, caseSeed));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void foldedTreePrintsToTextThatParsesBackToIt(long seed) {
        SplittableRandom seeds = new SplittableRandom(seed);
        for (int i = 0; i < FOLDING_TRIES; i++) {
            long caseSeed = seeds.nextLong();
            String text = print(tree(new SplittableRandom(caseSeed)));
            String origin = origin(seed, i, caseSeed);
            Node folded = assertDoesNotThrow(() -> Expression.parse(text, VARIABLES).tree(),
                    () -> origin + ": parsing " + text);
            String foldedText = folded.toString();
            Node reparsed = assertDoesNotThrow(() -> Expression.parse(foldedText, VARIABLES).tree(),
                    () -> origin + ": parsing " + foldedText + ", the folding of " + text);
            assertEquals(folded, reparsed, () -> origin + ": " + foldedText + ", the folding of " + text);
        }
    }

    private static void assertEvaluatesLikeTheTree(Node tree, double x, double y, String origin) {
        String text = print(tree);
        String context = origin + ": " + text + " at x = " + x + ", y = " + y;
        Expression expression = assertDoesNotThrow(() -> Expression.parse(text, VARIABLES), () -> context);
        double actual = assertDoesNotThrow(() -> expression.evaluate(x, y), () -> context);
        assertSameBits(direct(tree, x, y), actual, context);
    }

    private static String origin(long seed, int attempt, long caseSeed) {
        return "seed " + seed + ", try " + attempt + " (case seed " + caseSeed + "L)";
    }

    // ---- values ---------------------------------------------------------------------------

    private static final double[] GRID_VALUES = {0.0, -0.0, 1.0, -1.0, 0.5, 2.0, 100.0, 312.5};
    private static final double[] ORDINARY_GRID_VALUES = {0.0, -0.0, 1.0, -1.0, 0.1, 100.0};
    /** NaN, the infinities, the smallest subnormal and normal numbers, and the extremes of the finite range. */
    private static final double[] SPECIAL_VALUES = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, -Double.MAX_VALUE};

    /** A variable's value: a grid value, a number in [-500, 500] or a special value, or any finite double. */
    static double value(SplittableRandom random) {
        return switch (random.nextInt(3)) {
            case 0 -> pick(random, GRID_VALUES);
            case 1 -> random.nextInt(8) == 0 ? pick(random, SPECIAL_VALUES) : uniform(random, -500, 500);
            default -> anyFinite(random);
        };
    }

    /** A value that keeps arithmetic ordinary: a grid value or a number in [-500, 500]. */
    static double ordinaryValue(SplittableRandom random) {
        return random.nextBoolean() ? pick(random, ORDINARY_GRID_VALUES) : uniform(random, -500, 500);
    }

    /**
     * Uniform in [low, high], the ends included now and then; half of the draws are rounded to
     * two decimals, numbers like 0.3 that are not exact in binary.
     */
    private static double uniform(SplittableRandom random, double low, double high) {
        int kind = random.nextInt(32);
        if (kind == 0) return low;
        if (kind == 1) return high;
        double v = low + (high - low) * random.nextDouble();
        return kind % 2 == 0 ? Math.round(v * 100) / 100.0 : v;
    }

    /** Random bits until finite, so that every exponent, subnormals included, is as likely as any other. */
    private static double anyFinite(SplittableRandom random) {
        double v;
        do {
            v = Double.longBitsToDouble(random.nextLong());
        } while (!Double.isFinite(v));
        return v;
    }

    private static double pick(SplittableRandom random, double[] values) {
        return values[random.nextInt(values.length)];
    }

    private static <T> T pick(SplittableRandom random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    /** Index of the weight drawn, with probability proportional to it. */
    private static int weighted(SplittableRandom random, int... weights) {
        int total = 0;
        for (int w : weights) total += w;
        int r = random.nextInt(total);
        for (int i = 0; ; i++) {
            r -= weights[i];
            if (r < 0) return i;
        }
    }

    // ---- trees ----------------------------------------------------------------------------

    private static final double[] ARITHMETIC_LITERALS = {0.0, -0.0, 1.0, 2.0, 3.0, 0.1, 0.2, 0.3, 12.5};
    private static final Binary.Operator[] ARITHMETIC_OPERATORS = {Binary.Operator.ADD, Binary.Operator.SUBTRACT,
            Binary.Operator.MULTIPLY, Binary.Operator.DIVIDE};

    /** A tree of +, -, *, / and negation over ordinary literals and the variables, 1 to 4 levels deep. */
    static Node arithmetic(SplittableRandom random) {
        return arithmetic(random, 1 + random.nextInt(4));
    }

    private static Node arithmetic(SplittableRandom random, int depth) {
        if (depth == 0) return arithmeticLeaf(random);
        return switch (weighted(random, 3, 1, 6)) {
            case 0 -> arithmeticLeaf(random);
            case 1 -> new Unary(Unary.Operator.NEGATE, arithmetic(random, depth - 1));
            default -> {
                Binary.Operator op = pick(random, ARITHMETIC_OPERATORS);
                Node left = arithmetic(random, depth - 1);
                yield new Binary(op, left, arithmetic(random, depth - 1));
            }
        };
    }

    private static Node arithmeticLeaf(SplittableRandom random) {
        if (weighted(random, 2, 1) == 1) return variable(random);
        return new Literal(random.nextBoolean() ? pick(random, ARITHMETIC_LITERALS) : uniform(random, -100, 100));
    }

    /** Any tree of the language, 1 to 6 levels deep. */
    static Node tree(SplittableRandom random) {
        return tree(random, 1 + random.nextInt(6));
    }

    /** Special literals are frequent, because identities such as x*1 and x-0 are what folding removes. */
    private static final double[] SPECIAL_LITERALS =
            {0.0, -0.0, 1.0, -1.0, 2.0, 0.5, 3.0, 100.0, 0.001, 0.1, 0.2, 12.5, 1e300};

    private static Node leaf(SplittableRandom random) {
        if (random.nextBoolean()) return variable(random);
        return new Literal(switch (weighted(random, 2, 1, 1)) {
            case 0 -> pick(random, SPECIAL_LITERALS);
            case 1 -> uniform(random, -1000, 1000);
            default -> anyFinite(random);
        });
    }

    private static Node variable(SplittableRandom random) {
        int index = random.nextInt(VARIABLES.size());
        return new Variable(VARIABLES.get(index), index);
    }

    private static final Unary.Operator[] UNARY_OPERATORS =
            {Unary.Operator.NEGATE, Unary.Operator.PLUS, Unary.Operator.NOT};
    private static final int[] UNARY_WEIGHTS = {3, 1, 1};
    private static final Binary.Operator[] BINARY_OPERATORS = Binary.Operator.values();
    private static final BuiltinFunction[] FUNCTIONS = BuiltinFunction.values();

    /** Arithmetic dominates, since a truth value at the root would hide most differences in its operands. */
    private static final int[] BINARY_WEIGHTS = new int[BINARY_OPERATORS.length];

    static {
        for (int i = 0; i < BINARY_OPERATORS.length; i++) BINARY_WEIGHTS[i] = BINARY_OPERATORS[i].yieldsTruthValue() ? 1 : 5;
    }

    /** A level of the tree: its operands come from the level below, the leaves at depth 0. */
    private static Node tree(SplittableRandom random, int depth) {
        if (depth == 0) return leaf(random);
        return switch (weighted(random, 1, 2, 6, 2)) {
            case 0 -> tree(random, depth - 1);
            case 1 -> new Unary(UNARY_OPERATORS[weighted(random, UNARY_WEIGHTS)], tree(random, depth - 1));
            case 2 -> {
                Binary.Operator op = BINARY_OPERATORS[weighted(random, BINARY_WEIGHTS)];
                Node left = tree(random, depth - 1);
                yield new Binary(op, left, tree(random, depth - 1));
            }
            default -> {
                BuiltinFunction function = pick(random, FUNCTIONS);
                int count = function.isVariadic() ? 2 + random.nextInt(3) : function.minArguments();
                List<Node> arguments = new ArrayList<>(count);
                for (int i = 0; i < count; i++) arguments.add(tree(random, depth - 1));
                yield new Call(function, arguments);
            }
        };
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
                    .map(RoundTripPropertiesTest::print).collect(Collectors.joining(", ", function.symbol() + "(", ")"));
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
