package org.izhsim.equations;

/**
 * A model file that cannot be used, with the place and the reason in one line:
 * {@code model.eqs:2:19: unknown name 'w'; known: ...}. Line and column are 1-based, as
 * compilers and editors count them; the column points at the offending text where the parser
 * knows it and at the start of the expression otherwise.
 */
public final class EquationException extends IllegalArgumentException {
    private final String source;
    private final int line;
    private final int column;
    private final String problem;
    private final String text;

    public EquationException(String source, int line, int column, String problem) {
        this(source, line, column, problem, "");
    }

    /** A problem in {@code text}, the line as written, for {@link #caretDiagram()}. */
    public EquationException(String source, int line, int column, String problem, String text) {
        this(source + ":" + line + ":" + column + ": " + problem, source, line, column, problem, text);
    }

    private EquationException(String message, String source, int line, int column, String problem, String text) {
        super(message);
        this.source = source;
        this.line = line;
        this.column = column;
        this.problem = problem;
        this.text = text;
    }

    /**
     * A problem in a one-line command-line argument such as {@code --set v=-65*mX}:
     * {@code --set v=-65*mX (column 9): unknown name 'mX'; ...}.
     */
    public static EquationException inArgument(String argument, int column, String problem) {
        return new EquationException(argument + " (column " + column + "): " + problem, argument, 1, column, problem, "");
    }

    /** The file name (or the command-line argument) the text came from. */
    public String source() {
        return source;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The message without the place. */
    public String problem() {
        return problem;
    }

    /**
     * The offending line and, under it, a caret at the column followed by the problem (as
     * {@link org.izhsim.expr.ExpressionException#caretDiagram()} draws an expression); empty when
     * the line is not known.
     */
    public String caretDiagram() {
        if (text.isEmpty()) return "";
        int at = Math.max(0, Math.min(text.length(), column - 1));
        return new org.izhsim.expr.ExpressionException(text, at, problem, "").caretDiagram();
    }
}
