package org.izhsim.expr;

import static org.izhsim.expr.SameBits.assertSameBits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.DoubleUnaryOperator;

import org.izhsim.expr.Node.Binary;
import org.izhsim.expr.Node.Literal;
import org.izhsim.expr.Node.Variable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the language means: precedence, associativity, Python's arithmetic, functions and names. */
class LanguageTest {

    private static double value(String text) {
        return Expression.parse(text).at(0);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            -2**2          | -4
            2**3**2        | 512
            (2**3)**2      | 64
            2**-1          | 0.5
            -2**-2         | -0.25
            (-2)**2        | 4
            - - 3          | 3
            +-3            | -3
            1 + 2 * 3      | 7
            (1 + 2) * 3    | 9
            10 - 4 - 3     | 3
            64 / 4 / 2     | 8
            2 * 3 % 4      | 2
            2 ** 2 * 3     | 12
            1 + 2 < 4      | 1
            1 < 2 < 3      | 1
            3 > 2 > 1      | 1
            3 < 2 < 1      | 0
            1 < 3 > 2      | 1
            1 < 2 > 3      | 0
            1 < 2 == 2     | 1
            (3 > 2) > 1    | 0
            not 1 and 0    | 0
            not 0 and 0    | 0
            not 1 or 1     | 1
            not 2 > 3      | 1
            not not 5      | 1
            1 or 0 and 0   | 1
            0 and 1 or 1   | 1
            2 and 3        | 1
            0 or 5         | 1
            0 or 0         | 0
            not 7          | 0
            1 == 1.0       | 1
            1 != 1         | 0
            2 <= 2         | 1
            2 >= 3         | 0
            """)
    void precedenceAndAssociativityFollowPython(String text, double expected) {
        assertSameBits(expected, value(text), text);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            -7 % 3     | 2
            7 % -3     | -2
            -7 % -3    | -1
            7 % 3      | 1
            7.5 % 2    | 1.5
            -0.5 % 1   | 0.5
            6 % 3      | 0.0
            -6 % 3     | 0.0
            6 % -3     | -0.0
            -6 % -3    | -0.0
            5 % inf    | 5
            -5 % inf   | Infinity
            """)
    void moduloTakesTheSignOfTheDivisorAsInPython(String text, double expected) {
        assertSameBits(expected, value(text), text);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            int(2.7)            | 2
            int(-2.7)           | -2
            int(-0.5)           | 0.0
            int(-0.0)           | 0.0
            int(1e300)          | 1e300
            int(-4503599627370495.5) | -4503599627370495
            int(1 > 0)          | 1
            int(1 < 0)          | 0
            int(inf)            | Infinity
            clip(5, 0, 3)       | 3
            clip(-1, 0, 3)      | 0
            clip(2, 0, 3)       | 2
            max(1, 5, 3)        | 5
            min(4, 2, 3)        | 2
            max(-1, -2)         | -1
            min(3, 1, 2, 0.5)   | 0.5
            min(0, -0.0)        | -0.0
            abs(-3)             | 3
            sign(-2)            | -1
            sign(0)             | 0
            sign(7.5)           | 1
            floor(-1.5)         | -2
            ceil(-1.5)          | -1
            ceil(-0.5)          | -0.0
            sqrt(16)            | 4
            exp(0)              | 1
            log(1)              | 0
            log10(1000)         | 3
            tanh(0)             | 0
            """)
    void functions(String text, double expected) {
        assertSameBits(expected, value(text), text);
    }

    @Test
    void intOfNaNIsNaN() {
        assertTrue(Double.isNaN(value("int(0/0)")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"exp", "log", "log10", "sqrt", "sin", "cos", "tan", "tanh", "abs", "floor", "ceil", "sign"})
    void transcendentalFunctionsAreStrictMath(String name) {
        DoubleUnaryOperator reference = switch (name) {
            case "exp" -> StrictMath::exp;
            case "log" -> StrictMath::log;
            case "log10" -> StrictMath::log10;
            case "sqrt" -> StrictMath::sqrt;
            case "sin" -> StrictMath::sin;
            case "cos" -> StrictMath::cos;
            case "tan" -> StrictMath::tan;
            case "tanh" -> StrictMath::tanh;
            case "abs" -> StrictMath::abs;
            case "floor" -> StrictMath::floor;
            case "ceil" -> StrictMath::ceil;
            default -> StrictMath::signum;
        };
        Expression call = Expression.parse(name + "(t)");
        for (int k = -2000; k <= 2000; k++) {
            double t = k * 0.0137;
            assertSameBits(reference.applyAsDouble(t), call.at(t), name + "(" + t + ")");
        }
    }

    @Test
    void powerIsStrictMathPow() {
        Expression power = Expression.parse("t ** 1.7");
        for (int k = 0; k <= 1000; k++) {
            double t = k * 0.731;
            assertSameBits(StrictMath.pow(t, 1.7), power.at(t), "t ** 1.7 at " + t);
        }
        assertTrue(Double.isNaN(value("(-8) ** (1/3)")), "a negative base with a fractional exponent is NaN, as numpy");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ms         | 1
            msecond    | 1
            second     | 1000
            us         | 0.001
            Hz         | 0.001
            kHz        | 1
            inf        | Infinity
            -inf       | -Infinity
            1          | 1
            1.5        | 1.5
            .5         | 0.5
            5.         | 5
            1e-3       | 0.001
            2.5E+3     | 2500
            1E2        | 100
            5.e1       | 50
            1e999      | Infinity
            1/0        | Infinity
            -1/0       | -Infinity
            """)
    void numbersUnitsAndConstants(String text, double expected) {
        assertSameBits(expected, value(text), text);
    }

    @Test
    void piAndEAreJavasConstants() {
        assertSameBits(Math.PI, value("pi"), "pi");
        assertSameBits(Math.E, value("e"), "e");
    }

    @Test
    void comparisonsAreNumbersThatTakePartInArithmetic() {
        Expression gated = Expression.parse("(t>5*ms)*3");
        assertEquals(0.0, gated.at(5), 0.0);
        assertEquals(3.0, gated.at(5.5), 0.0);
        assertEquals(2.0, value("(1 < 2) + (2 < 3) + (3 < 2)"), 0.0);
    }

    @Test
    void nanCountsAsTrueForTheLogicalOperators() {
        assertEquals(1.0, value("(0/0) and 1"), 0.0);
        assertEquals(0.0, value("not (0/0)"), 0.0);
        assertEquals(0.0, value("0/0 == 0/0"), 0.0);
        assertEquals(1.0, value("0/0 != 0/0"), 0.0);
    }

    @Test
    void zeroDivisorsGiveNaNInsteadOfRaising() {
        assertTrue(Double.isNaN(value("0/0")));
        assertTrue(Double.isNaN(value("5 % 0")));
    }

    @Test
    void whitespaceMayStandAnywhereBetweenTokens() {
        Expression spaced = Expression.parse(" \t int ( t\n> 100 *ms ) *\r\n10  ");
        assertEquals(Expression.parse("int(t>100*ms)*10").tree(), spaced.tree());
    }

    @Test
    void foldingResolvesUnitsAndDropsIntOfATruthValue() {
        Node expected = new Binary(Binary.Operator.MULTIPLY,
                new Binary(Binary.Operator.GREATER, new Variable("t", 0), new Literal(100)), new Literal(10));
        assertEquals(expected, Expression.parse("int(t>100*ms)*10").tree());
    }

    @Test
    void foldingNeverReassociates() {
        Node t = new Variable("t", 0);
        assertEquals(new Binary(Binary.Operator.MULTIPLY, new Binary(Binary.Operator.MULTIPLY, t, new Literal(2)),
                new Literal(3)), Expression.parse("t*2*3").tree());
        assertEquals(new Binary(Binary.Operator.MULTIPLY, new Literal(6), t), Expression.parse("2*3*t").tree());
        assertEquals(new Binary(Binary.Operator.ADD, new Binary(Binary.Operator.ADD, t, new Literal(0.1)),
                new Literal(0.2)), Expression.parse("t+0.1+0.2").tree());
    }

    @Test
    void foldingDropsOnlyOperationsThatChangeNoBit() {
        Node t = new Variable("t", 0);
        assertEquals(t, Expression.parse("t/ms").tree());
        assertEquals(t, Expression.parse("1*t*1").tree());
        assertEquals(t, Expression.parse("t - 0").tree());
        assertEquals(t, Expression.parse("+t").tree());
        assertEquals(t, Expression.parse("-(-t)").tree());
        assertEquals(t, Expression.parse("t**1").tree());
        // -0 + 0 is +0, so t + 0 must stay; t*0 is NaN for infinite t, so it must stay too
        assertEquals(new Binary(Binary.Operator.ADD, t, new Literal(0)), Expression.parse("t + 0").tree());
        assertSameBits(0.0, Expression.parse("t + 0").at(-0.0), "t + 0 at -0");
        assertSameBits(-0.0, Expression.parse("t - 0").at(-0.0), "t - 0 at -0");
        assertTrue(Double.isNaN(Expression.parse("t*0").at(Double.POSITIVE_INFINITY)));
    }

    @Test
    void chainedComparisonSharesTheMiddleOperand() {
        Binary chain = (Binary) Expression.parse("1 < t*2 <= 3", List.of("t")).tree();
        assertEquals(Binary.Operator.AND, chain.operator());
        Binary first = (Binary) chain.left();
        Binary second = (Binary) chain.right();
        assertEquals(Binary.Operator.LESS, first.operator());
        assertEquals(Binary.Operator.LESS_OR_EQUAL, second.operator());
        assertEquals(first.right(), second.left());
        Expression window = Expression.parse("1 < t*2 <= 3");
        assertEquals(0.0, window.at(0.5), 0.0);
        assertEquals(1.0, window.at(1.5), 0.0);
        assertEquals(0.0, window.at(1.6), 0.0);
    }

    @Test
    void dependsOnTellsConstantsFromFunctionsOfTime() {
        assertFalse(Expression.parse("10").dependsOn("t"));
        assertFalse(Expression.parse("5 + 0*pi * second").dependsOn("t"));
        assertTrue(Expression.parse("t*0").dependsOn("t"));
        assertTrue(Expression.parse("int(t>100*ms)*10").dependsOn("t"));
        Expression perNeuron = Expression.parse("-65 + 15*r**2", List.of("r", "i"));
        assertTrue(perNeuron.dependsOn("r"));
        assertFalse(perNeuron.dependsOn("i"));
        assertThrows(IllegalArgumentException.class, () -> perNeuron.dependsOn("t"));
    }

    @Test
    void expressionsOverNamedVariables() {
        Expression v0 = Expression.parse("-65+15*r**2", List.of("r"));
        assertEquals(-61.25, v0.evaluate(0.5), 0.0);
        assertEquals(-61.25, v0.at(0.5), 0.0);
        Expression ratio = Expression.parse("i/N + 2*i", List.of("i", "N"));
        assertEquals(6.75, ratio.evaluate(3, 4), 0.0);
        assertEquals(List.of("i", "N"), ratio.variables());
        assertEquals(0.5, Expression.parse("N/i", List.of("i", "N")).evaluate(4, 2), 0.0);
        Expression third = Expression.parse("c - a", List.of("a", "b", "c"));
        assertEquals(2.0, third.evaluate(1, 100, 3), 0.0);
        Expression constant = Expression.parse("2*pi", List.of());
        assertSameBits(2 * Math.PI, constant.evaluate(), "2*pi");
        assertSameBits(2 * Math.PI, constant.at(123), "2*pi at 123");
    }

    @Test
    void evaluateChecksTheNumberOfValuesAndAtNeedsOneVariable() {
        Expression ratio = Expression.parse("i/N", List.of("i", "N"));
        assertThrows(IllegalArgumentException.class, () -> ratio.evaluate(1));
        assertThrows(IllegalArgumentException.class, () -> ratio.evaluate(1, 2, 3));
        assertThrows(IllegalStateException.class, () -> ratio.at(1));
        assertThrows(IllegalArgumentException.class, () -> Expression.parse("t").evaluate());
    }

    @Test
    void textAndToStringAreTheTextAsWritten() {
        String text = " int(t>100*ms) * 10";
        Expression step = Expression.parse(text);
        assertSame(text, step.text());
        assertEquals(text, step.toString());
        assertEquals(List.of("t"), step.variables());
    }

    @Test
    void treeToStringParsesBackToTheSameTree() {
        Expression ramps = Expression.parse("int(t<200*ms)*t/ms/25 + int(t>=300*ms and t<312.5*ms)*((t/ms-300)/12.5*4)");
        assertEquals("((((t < 200) * t) / 25) + (((t >= 300) and (t < 312.5)) * (((t - 300) / 12.5) * 4)))",
                ramps.tree().toString());
        for (String text : List.of("-2.5*t", "0/0 + t", "-0.0*t", "min(t, -inf, 1e20, 1e-20)", "not -t", "clip(t, -1, 1)")) {
            Node tree = Expression.parse(text).tree();
            assertEquals(tree, Expression.parse(tree.toString()).tree(), text + " printed as " + tree);
        }
    }
}
