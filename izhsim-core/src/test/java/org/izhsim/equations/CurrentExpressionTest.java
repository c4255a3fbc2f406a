package org.izhsim.equations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.izhsim.expr.Expression;
import org.izhsim.expr.ExpressionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Input currents with Brian2's units where the model's input has them; plain numbers as before. */
class CurrentExpressionTest {
    private static final Dimension MV_PER_MS = Dimension.VOLTAGE.over(Dimension.TIME);

    @ParameterizedTest(name = "{0} at t = {1} ms")
    @CsvSource(delimiter = ';', value = {
        "10*pA; 0; 10", "0.5*nA; 0; 500", "1*amp/1e12; 0; 1",
        "int(t>100*ms)*10*pA; 150; 10", "int(t>100*ms)*10*pA; 50; 0", "int(t>0.1*second)*10*pA; 150; 10",
        "(5 + 2*sin(2*pi*t/ms/50))*pA; 12.5; 7"})
    void currentsInAmp(String text, double t, double expected) {
        assertEquals(expected, CurrentExpression.parse(text, Dimension.CURRENT, "I").at(t), 1e-12);
    }

    @Test
    void theTwoThousandThreeModelsInputIsMillivoltPerMillisecond() {
        assertEquals(10, CurrentExpression.parse("10*mV/ms", MV_PER_MS, "I of izh2003").at(0));
        assertEquals(0.001 * 5, CurrentExpression.parse("5*mV/second", MV_PER_MS, "I of izh2003").at(0), 1e-15);
    }

    /** Without a unit beyond the time units the text is read as it always was, bit for bit. */
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"10", "int(t>100)*10", "int(t>100*ms)*10", "5 + 2*sin(2*pi*t/ms/50)",
        "int(t<200*ms)*t/ms/25 + int(t>=300*ms and t<312.5*ms)*((t/ms-300)/12.5*4)"})
    void plainNumbersKeepTheirMeaning(String text) {
        Expression plain = Expression.parse(text);
        Expression read = CurrentExpression.parse(text, Dimension.CURRENT, "I");
        for (double t = 0; t <= 400; t += 0.25) assertEquals(plain.at(t), read.at(t), 0.0, text + " at " + t);
    }

    @Test
    void aUnitOfAnotherKindNamesBoth() {
        var e = assertThrows(CurrentExpression.UnitMismatch.class,
                () -> CurrentExpression.parse("10*mV", Dimension.CURRENT, "I of izh2007"));
        assertEquals("'10*mV' is volt, but I of izh2007 is amp: write it in amp (e.g. 10*pA) or as a plain number in pA",
                e.getMessage());
        var mv = assertThrows(CurrentExpression.UnitMismatch.class,
                () -> CurrentExpression.parse("int(t>100*ms)*10*pA", MV_PER_MS, "I of izh2003"));
        assertTrue(mv.getMessage().contains("is amp, but I of izh2003 is volt/second")
                && mv.getMessage().contains("10*mV/ms"), mv.getMessage());
    }

    @Test
    void aDimensionlessInputTakesPlainNumbers() {
        var e = assertThrows(CurrentExpression.UnitMismatch.class,
                () -> CurrentExpression.parse("10*pA", Dimension.NONE, "the input I of izh.eqs"));
        assertEquals("'10*pA' is amp, but the input I of izh.eqs is 1 (dimensionless): give a plain number", e.getMessage());
        assertEquals(4, CurrentExpression.parse("4*mV/mV", Dimension.NONE, "I").at(0));
    }

    @Test
    void aModelWithoutInputRefusesUnits() {
        var e = assertThrows(CurrentExpression.UnitMismatch.class, () -> CurrentExpression.parse("10*pA", null, "I"));
        assertTrue(e.getMessage().contains("no input I"), e.getMessage());
    }

    @Test
    void mistakesKeepTheirColumn() {
        ExpressionException unknown = assertThrows(ExpressionException.class,
                () -> CurrentExpression.parse("10*pA*foo", Dimension.CURRENT, "I"));
        assertEquals(6, unknown.column());
        assertTrue(unknown.reason().contains("unknown name 'foo'"), unknown.reason());
        ExpressionException mixed = assertThrows(ExpressionException.class,
                () -> CurrentExpression.parse("int(t>100)*10*pA", Dimension.CURRENT, "I"));
        assertTrue(mixed.reason().contains("units do not match") && mixed.reason().contains("second"), mixed.reason());
        ExpressionException ended = assertThrows(ExpressionException.class,
                () -> CurrentExpression.parse("10*pA +", Dimension.CURRENT, "I"));
        assertEquals(7, ended.column());
        // a name that is no unit is the expression language's own mistake, with its list of names
        ExpressionException typo = assertThrows(ExpressionException.class,
                () -> CurrentExpression.parse("10*pX", Dimension.CURRENT, "I"));
        assertEquals(3, typo.column());
    }
}
