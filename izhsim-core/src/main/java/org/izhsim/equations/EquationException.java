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

    public EquationException(String source, int line, int column, String problem) {
        this(source + ":" + line + ":" + column + ": " + problem, source, line, column, problem);
    }

    private EquationException(String message, String source, int line, int column, String problem) {
        super(message);
        this.source = source;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    /**
     * A problem in a one-line command-line argument such as {@code --set v=-65*mX}:
     * {@code --set v=-65*mX (column 9): unknown name 'mX'; ...}.
     */
    public static EquationException inArgument(String argument, int column, String problem) {
        return new EquationException(argument + " (column " + column + "): " + problem, argument, 1, column, problem);
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
}
