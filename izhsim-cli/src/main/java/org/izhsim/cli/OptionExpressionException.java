package org.izhsim.cli;

import org.izhsim.expr.ExpressionException;

/** An expression given to an option failed to parse; carries the option name for the caret message. */
final class OptionExpressionException extends IllegalArgumentException {
    private final String option;

    OptionExpressionException(String option, ExpressionException cause) {
        super(option + ": " + cause.getMessage(), cause);
        this.option = option;
    }

    String option() {
        return option;
    }

    /** The expression and, under it, a caret at the offending column with the reason. */
    String caretDiagram() {
        return ((ExpressionException) getCause()).caretDiagram();
    }
}
