package org.izhsim.expr;

/**
 * Splits an expression into tokens on demand, so that the parser reports the leftmost error
 * whether it is a stray character or a misplaced token.
 */
final class Lexer {
    private final String text;
    private int position;

    Lexer(String text) {
        this.text = text;
    }

    Token next() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) position++;
        if (position == text.length()) return new Token(Token.Kind.END, "", position, 0);
        char c = text.charAt(position);
        if (isDigit(c) || (c == '.' && isDigit(at(position + 1)))) return number();
        if (Names.isIdentifierStart(c)) return name();
        return symbol();
    }

    private Token number() {
        int start = position;
        skipDigits();
        if (at(position) == '.') {
            position++;
            skipDigits();
        }
        char e = at(position);
        if (e == 'e' || e == 'E') {
            int digits = position + 1;
            if (at(digits) == '+' || at(digits) == '-') digits++;
            if (isDigit(at(digits))) {
                position = digits;
                skipDigits();
            } else if (digits == position + 1 && Names.isIdentifierPart(at(digits))) {
                // "5em": a name glued to a number, reported as such below
            } else {
                throw new ExpressionException(text, start, "malformed number '" + text.substring(start, digits) + "'",
                        "an exponent needs digits, as in 1e-3");
            }
        }
        if (at(position) == '.' || isDigit(at(position))) {
            int end = position;
            while (at(end) == '.' || Names.isIdentifierPart(at(end))) end++;
            throw new ExpressionException(text, start, "malformed number '" + text.substring(start, end) + "'",
                    "a number is digits with at most one '.' and an optional exponent, as in 2.5e-3");
        }
        String digits = text.substring(start, position);
        if (Names.isIdentifierStart(at(position))) {
            int end = position;
            while (Names.isIdentifierPart(at(end))) end++;
            String name = text.substring(position, end);
            throw new ExpressionException(text, position, "missing operator between " + digits + " and '" + name + "'",
                    "write " + digits + "*" + name);
        }
        return new Token(Token.Kind.NUMBER, digits, start, Double.parseDouble(digits));
    }

    private Token name() {
        int start = position;
        while (Names.isIdentifierPart(at(position))) position++;
        return new Token(Token.Kind.NAME, text.substring(start, position), start, 0);
    }

    private Token symbol() {
        int start = position;
        char c = text.charAt(start);
        String pair = text.substring(start, Math.min(start + 2, text.length()));
        String hint = switch (pair) {
            case "**", "<=", ">=", "==", "!=" -> null;
            case ">>", "<<" -> "there are no bit shifts, and comparisons are <, <=, >, >=, ==, !=";
            case "&&" -> "write 'and'";
            case "||" -> "write 'or'";
            case "//" -> "for floor division write floor(a/b)";
            default -> "";
        };
        if (hint == null) return symbolToken(start, 2);
        if (!hint.isEmpty()) throw unsupported(start, pair, hint);
        return switch (c) {
            case '+', '-', '*', '/', '%', '<', '>', '(', ')', ',' -> symbolToken(start, 1);
            case '=' -> throw unsupported(start, "=", "an expression cannot assign; comparisons use '=='");
            case '&' -> throw unsupported(start, "&", "write 'and'");
            case '|' -> throw unsupported(start, "|", "write 'or'");
            case '!' -> throw unsupported(start, "!", "write 'not'");
            case '^' -> throw unsupported(start, "^", "powers are written '**'");
            default -> throw new ExpressionException(text, start, "unexpected character " + quote(c), "");
        };
    }

    private Token symbolToken(int start, int length) {
        position = start + length;
        return new Token(Token.Kind.SYMBOL, text.substring(start, position), start, 0);
    }

    private ExpressionException unsupported(int column, String operator, String hint) {
        return new ExpressionException(text, column, "unsupported operator '" + operator + "'", hint);
    }

    /** The character in quotes, with its code point if it does not print or is not ASCII (a lookalike of '-' or '*'). */
    private static String quote(char c) {
        String quoted = "'" + c + "'";
        return c >= ' ' && c <= '~' ? quoted : quoted + String.format(" (U+%04X)", (int) c);
    }

    private void skipDigits() {
        while (isDigit(at(position))) position++;
    }

    /** The character at index i, or NUL past the end so that lookahead needs no bounds checks. */
    private char at(int i) {
        return i < text.length() ? text.charAt(i) : '\0';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
