package org.izhsim.equations;

import java.util.List;

import org.izhsim.expr.Expression;
import org.izhsim.expr.ExpressionException;

/**
 * An input current I(t) as a Brian2 notebook writes it, with units where the model's input has
 * them: {@code 10*pA}, {@code 0.5*nA}, {@code int(t>100*ms)*10*pA} for an input in amp,
 * {@code 10*mV/ms} for the 2003 model, whose I enters dv/dt as mV/ms.
 *
 * <p>Two readings, told apart by the names used. An expression that names no unit beyond the
 * time units of the expression language ({@code ms, second, us, Hz, kHz}) is read as it always
 * was: t is the time in ms and a number is in the model's own unit of I, so {@code 10},
 * {@code int(t>100)*10} and {@code int(t>100*ms)*10} keep their meaning. An expression that
 * names any other unit ({@code pA}, {@code nA}, {@code mV}, ...) is unit-checked as Brian2 checks
 * it — t is a time, sums and comparisons need equal units — and its unit must be that of the
 * model's I. Both readings give the same number for the same text wherever both accept it,
 * since units are numbers in model units ({@code 1*pA} is 1, {@code 1*nA} is 1000).
 */
public final class CurrentExpression {
    private CurrentExpression() {}

    /** An expression with units whose unit is not that of the input it is to drive. */
    public static final class UnitMismatch extends IllegalArgumentException {
        UnitMismatch(String message) {
            super(message);
        }
    }

    /**
     * The current of {@code text}, over {@code t} [ms], in model units.
     *
     * @param input     the dimension of the model's input I, or null if the model has none
     * @param inputName what I is, for messages: "the input I of adex.eqs", "I of izh2007"
     * @throws ExpressionException if the text is no expression (with the column, for a caret)
     * @throws UnitMismatch        if it has units and they are not {@code input}'s
     */
    public static Expression parse(String text, Dimension input, String inputName) {
        try {
            return Expression.parse(text);
        } catch (ExpressionException e) {
            if (e.unknownName().filter(Units::isUnit).isEmpty()) throw e;
        }
        EquationReader.Typed typed;
        try {
            typed = ModelParser.ofTime(text, "current");
        } catch (EquationException e) {
            int column = Math.max(0, Math.min(text.length(), e.column() - 1));
            throw new ExpressionException(text, column, e.problem(), "");
        }
        Dimension given = typed.dimension();
        if (input == null) {
            throw new UnitMismatch("'" + text.strip() + "' is " + given + ", but the model has no input I for it to drive");
        }
        if (!given.equals(input)) {
            String unit = Units.modelUnit(input);
            String advice = input.isNone() ? "give a plain number"
                    : "write it in " + input + " (e.g. 10*" + unit + ") or as a plain number in " + unit;
            throw new UnitMismatch("'" + text.strip() + "' is " + given + ", but " + inputName + " is " + input + ": " + advice);
        }
        return Expression.ofTree(text, typed.node(), List.of("t"));
    }
}
