package org.izhsim.expr;

import java.util.Objects;
import java.util.Optional;

/**
 * An expression that cannot be parsed, with the place and the reason. The message is one
 * line, such as {@code unknown function 'foo' at column 5; known: abs, ceil, ...};
 * {@link #caretDiagram()} shows the place under the text for a terminal or a log.
 */
public final class ExpressionException extends IllegalArgumentException {
    private final String text;
    private final int column;
    private final String reason;
    private final String unknownName;

    /**
     * @param text    the whole expression as written
     * @param column  the 0-based index into {@code text} of the offending character;
     *                {@code text.length()} for "the expression ended"
     * @param problem what is wrong, such as {@code unknown name 'tt'}
     * @param hint    how to put it right, such as {@code known: t, ms}; empty if there is nothing to add
     */
    public ExpressionException(String text, int column, String problem, String hint) {
        this(text, column, problem, hint, null);
    }

    /** An unknown name {@code unknownName} (see {@link #unknownName()}). */
    ExpressionException(String text, int column, String problem, String hint, String unknownName) {
        super(problem + " at column " + column + (hint.isEmpty() ? "" : "; " + hint));
        this.text = Objects.requireNonNull(text, "text");
        Objects.checkIndex(column, text.length() + 1);
        this.column = column;
        this.reason = hint.isEmpty() ? problem : problem + "; " + hint;
        this.unknownName = unknownName;
    }

    /**
     * The name, if the problem is a name the expression does not know: a caller that knows names
     * of its own (a model's variables, units) can then say which it has instead.
     */
    public Optional<String> unknownName() {
        return Optional.ofNullable(unknownName);
    }

    /** The expression as written. */
    public String text() {
        return text;
    }

    /** The 0-based column of the offending character; the text's length if the text ended too early. */
    public int column() {
        return column;
    }

    /** The message without the column: the problem and, after a semicolon, the hint. */
    public String reason() {
        return reason;
    }

    /**
     * Two lines: the expression, and under it a caret at the column followed by the reason.
     * <pre>
     * int(t&gt;100*ms)*
     *               ^ expected a number, a name or '(' but the expression ended
     * </pre>
     * Tabs are kept in the indentation so that the caret lines up, and line breaks in the
     * expression are shown as spaces so that the picture stays two lines.
     */
    public String caretDiagram() {
        StringBuilder diagram = new StringBuilder(2 * text.length() + reason.length() + 3);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            diagram.append(c == '\t' || !Character.isWhitespace(c) ? c : ' ');
        }
        diagram.append('\n');
        for (int i = 0; i < column; i++) diagram.append(text.charAt(i) == '\t' ? '\t' : ' ');
        return diagram.append("^ ").append(reason).toString();
    }
}
