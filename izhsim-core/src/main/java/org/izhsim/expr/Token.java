package org.izhsim.expr;

/**
 * One lexical unit of an expression.
 *
 * @param kind   what sort of unit
 * @param text   the characters as written; empty for the end
 * @param column the 0-based index of the first character in the expression
 * @param number the value of a {@link Kind#NUMBER}, 0 otherwise
 */
record Token(Kind kind, String text, int column, double number) {

    enum Kind { NUMBER, NAME, SYMBOL, END }

    boolean is(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    boolean isKeyword(String keyword) {
        return kind == Kind.NAME && text.equals(keyword);
    }

    /** How an error message refers to this token. */
    String describe() {
        return kind == Kind.END ? "the expression ended" : "found '" + text + "'";
    }
}
