package org.izhsim.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Malformed texts are refused with the column of the culprit and a reason that helps fix it. */
class ExpressionErrorsTest {

    private static ExpressionException refused(String text) {
        return assertThrows(ExpressionException.class, () -> Expression.parse(text), text);
    }

    @ParameterizedTest(name = "[{0}] at {1}: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            int(t>100*ms)*    | 14 | expected a number, a name or '(' but the expression ended
            ""                | 0  | the expression is empty
            "   "             | 0  | the expression is empty
            t >> 3            | 2  | unsupported operator '>>'
            t << 3            | 2  | unsupported operator '<<'
            3 +* 2            | 3  | expected a number, a name or '(' but found '*'
            t = 3             | 2  | comparisons use '=='
            5 6               | 2  | expected an operator but found '6'
            t 5               | 2  | expected an operator but found '5'
            1.2.3             | 0  | malformed number '1.2.3'
            2*1..5            | 2  | malformed number '1..5'
            1e                | 0  | malformed number '1e'
            3*1e+             | 2  | malformed number '1e+'
            5ms               | 1  | missing operator between 5 and 'ms'; write 5*ms
            t $ 3             | 2  | unexpected character '$'
            t × 3             | 2  | unexpected character '×' (U+00D7)
            (t+1              | 0  | unclosed '('
            ((t+1)            | 0  | unclosed '('
            sin(t             | 3  | unclosed '('
            max(1, 2          | 3  | unclosed '('
            t+1)              | 3  | unmatched ')'
            ()                | 1  | expected a number, a name or '(' but found ')'
            (1 2)             | 3  | expected ')' or an operator but found '2'
            max(1 2)          | 6  | expected ',', ')' or an operator but found '2'
            "max(1,)"         | 6  | expected a number, a name or '(' but found ')'
            "1, 2"            | 1  | unexpected ','
            t + foo           | 4  | unknown name 'foo'; known: variable t; constants e, Hz, inf, kHz, ms, msecond, pi, second, us
            5*s               | 2  | unknown name 's'
            tt                | 0  | unknown name 'tt'; did you mean 't'?
            10*MS             | 3  | did you mean 'ms'?
            t + 2*foo(t)      | 6  | unknown function 'foo'; known: abs, ceil, clip, cos, exp, floor, int, log, log10, max, min, sign, sin, sqrt, tan, tanh
            sqr(t)            | 0  | did you mean 'sqrt'?
            sinn(t)           | 0  | unknown function 'sinn'; known: abs
            t(3)              | 0  | 't' is a variable, not a function
            ms(3)             | 0  | 'ms' is a constant, not a function
            2*sin             | 2  | function 'sin' needs its arguments in parentheses; write it as sin(x)
            "sin(1, 2)"       | 0  | sin takes 1 argument, as in sin(x), but was given 2
            sin()             | 0  | sin takes 1 argument, as in sin(x), but was given 0
            max(1)            | 0  | max takes 2 or more arguments, as in max(a, b, ...), but was given 1
            "t + clip(t, 1)"  | 4  | clip takes 3 arguments, as in clip(x, low, high), but was given 2
            t and             | 5  | expected a number, a name or '(' but the expression ended
            t or or 1         | 5  | expected a number, a name or '(' but found 'or'
            2*not t           | 2  | 'not' after an operator needs parentheses
            t && 1            | 2  | unsupported operator '&&'; write 'and'
            "t || 1"          | 2  | unsupported operator '||'; write 'or'
            !t                | 0  | unsupported operator '!'; write 'not'
            t^2               | 1  | unsupported operator '^'; powers are written '**'
            t//2              | 1  | unsupported operator '//'
            """)
    void refusesWithTheColumnAndAReason(String text, int column, String reason) {
        ExpressionException error = refused(text);
        assertEquals(column, error.column(), error.getMessage());
        assertEquals(text, error.text());
        assertTrue(error.reason().contains(reason), () -> "reason '" + error.reason() + "' lacks '" + reason + "'");
        assertTrue(error.getMessage().contains(" at column " + column), error.getMessage());
        String[] lines = error.caretDiagram().split("\n", -1);
        assertEquals(2, lines.length, error.caretDiagram());
        assertEquals(text, lines[0]);
        assertEquals(" ".repeat(column) + "^ " + error.reason(), lines[1]);
    }

    @Test
    void messageIsOneLineWithTheColumnBeforeTheHint() {
        ExpressionException error = refused("t + 2*foo(t)");
        assertEquals("unknown function 'foo' at column 6; known: abs, ceil, clip, cos, exp, floor, int, log, log10,"
                + " max, min, sign, sin, sqrt, tan, tanh", error.getMessage());
        assertEquals("expected a number, a name or '(' but the expression ended at column 14",
                refused("int(t>100*ms)*").getMessage());
    }

    @Test
    void caretDiagramMatchesTheDocumentedPicture() {
        assertEquals("""
                int(t>100*ms)*
                              ^ expected a number, a name or '(' but the expression ended""",
                refused("int(t>100*ms)*").caretDiagram());
    }

    @Test
    void caretLinesUpAfterTabsAndLineBreaks() {
        ExpressionException error = refused("\tt +\n\t*");
        assertEquals(6, error.column());
        assertEquals("\tt + \t*\n\t    \t^ " + error.reason(), error.caretDiagram());
    }

    @Test
    void unknownNameListsTheDeclaredVariables() {
        ExpressionException error = assertThrows(ExpressionException.class,
                () -> Expression.parse("-65 + 15*x", List.of("r", "i")));
        assertEquals(9, error.column());
        assertTrue(error.reason().contains("known: variables r, i; constants"), error.reason());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ms     | would hide the constant ms
            pi     | would hide the constant pi
            sin    | would hide the function sin(x)
            int    | would hide the function int(x)
            and    | is a keyword
            not    | is a keyword
            2x     | is not a name
            r-1    | is not a name
            µ      | is not a name
            """)
    void refusesVariableNamesThatCannotBeUsed(String name, String reason) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Expression.parse("1", List.of(name)));
        assertTrue(error.getMessage().contains(reason), error.getMessage());
    }

    @Test
    void refusesEmptyAndRepeatedVariableNames() {
        assertThrows(IllegalArgumentException.class, () -> Expression.parse("1", List.of("")));
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> Expression.parse("r", List.of("r", "i", "r")));
        assertTrue(twice.getMessage().contains("listed twice"), twice.getMessage());
    }

    @Test
    void nestingIsLimitedWhereTheParserWouldRecurseTooDeeply() {
        int limit = Parser.MAX_NESTING;
        assertEquals(1.5, Expression.parse("(".repeat(limit) + "t" + ")".repeat(limit)).at(1.5), 0.0);
        ExpressionException parentheses = refused("(".repeat(limit + 1) + "t" + ")".repeat(limit + 1));
        assertEquals(limit, parentheses.column());
        ExpressionException signs = refused("-".repeat(limit + 1) + "t");
        assertEquals(limit, signs.column());
    }

    @Test
    void depthIsLimitedWhereEvaluationWouldRecurseTooDeeply() {
        int limit = Parser.MAX_DEPTH;
        String longest = "t" + "+t".repeat(limit - 1);
        assertEquals(1.5 * limit, Expression.parse(longest).at(1.5), 0.0);
        ExpressionException tooDeep = refused(longest + "+t");
        assertTrue(tooDeep.reason().contains((limit + 1) + " operations deep"), tooDeep.reason());
    }

    @Test
    void theExceptionChecksItsColumn() {
        assertThrows(IndexOutOfBoundsException.class, () -> new ExpressionException("t", 2, "problem", ""));
        assertEquals("problem at column 1", new ExpressionException("t", 1, "problem", "").getMessage());
    }

    /** Callers with names of their own (a model's variables) read the unknown name, not the message. */
    @Test
    void anUnknownNameIsGivenAsSuch() {
        assertEquals("tt", refused("2*tt + 1").unknownName().orElseThrow());
        assertTrue(refused("2*+").unknownName().isEmpty());
        assertTrue(refused("sin 3").unknownName().isEmpty(), "a function without parentheses is not an unknown name");
    }
}
