package org.izhsim.equations;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.izhsim.expr.Expression;
import org.izhsim.expr.ExpressionException;
import org.izhsim.expr.Node;
import org.izhsim.expr.Node.Binary;
import org.izhsim.expr.Node.Call;
import org.izhsim.expr.Node.Literal;
import org.izhsim.expr.Node.Unary;
import org.izhsim.expr.Node.Variable;

/**
 * What the neuron and the synapse model parsers share: the text by line, expressions parsed by
 * the expression language with unit names kept as symbols, names resolved by the subclass, and
 * units checked in one walk over the tree. Errors name the source, line and column and carry the
 * line for a caret diagram.
 */
abstract class EquationReader {
    static final Pattern IDENTIFIER = Pattern.compile("(?<![0-9.A-Za-z_])[A-Za-z_][A-Za-z0-9_]*");
    static final Pattern DERIVATIVE = Pattern.compile("^\\s*d([A-Za-z_][A-Za-z0-9_]*)\\s*/\\s*dt\\s*=");
    static final Pattern SUBEXPRESSION = Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*=(?!=)");
    static final Pattern NAME_ONLY = Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*$");
    static final Pattern FLAGS = Pattern.compile("\\(([^()]*)\\)\\s*$");
    static final Pattern STATEMENT = Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*(\\+=|-=|\\*=|/=|=(?!=))");

    /** A resolved expression: the tree over the model's symbols and its dimension. */
    record Typed(Node node, Dimension dimension) {}

    final String source;
    final String[] lines;
    /** Whether the text is one command-line argument rather than a file (messages name a column only). */
    boolean argument;
    // the place of the expression being resolved, for messages
    int currentLine, currentColumn;
    private final Map<String, Typed> substituted = new LinkedHashMap<>();
    /** Names being resolved, to refuse a definition in terms of itself. */
    final Set<String> resolving = new HashSet<>();

    EquationReader(String text, String source) {
        this.source = source;
        this.lines = text.split("\r?\n", -1);
    }

    /** The names that parse as variables besides the unit names found in the text. */
    abstract List<String> symbolNames();

    /** The message for a name neither the model nor the expression language knows. */
    abstract String unknownNameHint(String word);

    /** A name of the parsed tree: a model symbol, a unit, or a substituted expression. */
    abstract Typed variable(String name);

    Typed expression(int n, int offset, String text) {
        if (text.isBlank()) throw error(n, offset, "missing expression");
        return resolve(parseTree(n, offset, text), n, firstNonBlank(lines[n], offset));
    }

    /** Whether {@code word} is one of {@link #symbolNames()} (a reader answers it without listing them all). */
    boolean isSymbol(String word) {
        return symbolNames().contains(word);
    }

    Node parseTree(int n, int offset, String text) {
        // only the names the text uses: listing every declaration for every line made a file
        // of n parameters cost n^2 (100 000 lines took minutes)
        List<String> symbols = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        Matcher m = IDENTIFIER.matcher(text);
        while (m.find()) {
            String word = m.group();
            if ((isSymbol(word) || Units.isUnit(word)) && listed.add(word)) symbols.add(word);
        }
        try {
            return Expression.parseTree(text, symbols);
        } catch (ExpressionException e) {
            throw error(n, offset + e.column(), e.unknownName().map(this::unknownNameHint).orElse(e.reason()));
        }
    }

    /**
     * The sub-expression {@code name}, resolved once and then substituted wherever it is used;
     * its unit must be the declared one.
     */
    Typed substitute(String name, int line, int nameColumn, String rhsText, int rhsColumn, Dimension dimension) {
        Typed done = substituted.get(name);
        if (done != null) return done;
        if (!resolving.add(name)) throw error(line, nameColumn, "sub-expression '" + name + "' is defined in terms of itself");
        int at = currentLine, column = currentColumn;
        Typed rhs = expression(line, rhsColumn, rhsText);
        currentLine = at;
        currentColumn = column;
        if (!rhs.dimension().equals(dimension)) {
            throw error(line, firstNonBlank(lines[line], rhsColumn), "'" + name + "' is declared " + dimension
                    + " but its expression is " + rhs.dimension());
        }
        resolving.remove(name);
        substituted.put(name, rhs);
        return rhs;
    }

    Typed resolve(Node tree, int n, int column) {
        currentLine = n;
        currentColumn = column;
        return walk(tree);
    }

    /** Names become model variables, numbers (units) or substituted sub-expressions; units are checked on the way. */
    Typed walk(Node node) {
        return switch (node) {
            case Literal l -> new Typed(l, Dimension.NONE);
            case Variable v -> variable(v.name());
            case Unary u -> {
                Typed x = walk(u.operand());
                yield new Typed(new Unary(u.operator(), x.node()),
                        u.operator() == Unary.Operator.NOT ? Dimension.NONE : x.dimension());
            }
            case Binary b -> binary(b);
            case Call c -> call(c);
        };
    }

    /** Hook for a stricter reader: called with the resolved operands of every binary operation. */
    void checkOperands(Binary b, Typed left, Typed right) {}

    private Typed binary(Binary b) {
        Typed l = walk(b.left()), r = walk(b.right());
        checkOperands(b, l, r);
        Node node = new Binary(b.operator(), l.node(), r.node());
        Dimension dim = switch (b.operator()) {
            case OR, AND -> Dimension.NONE;
            case LESS, LESS_OR_EQUAL, GREATER, GREATER_OR_EQUAL, EQUAL, NOT_EQUAL -> {
                same(b, l, r);
                yield Dimension.NONE;
            }
            case ADD, SUBTRACT, MODULO -> same(b, l, r);
            case MULTIPLY -> l.dimension().times(r.dimension());
            case DIVIDE -> l.dimension().over(r.dimension());
            case POWER -> power(b, l, r);
        };
        return new Typed(node, dim);
    }

    private Dimension same(Binary b, Typed l, Typed r) {
        if (!l.dimension().equals(r.dimension())) {
            throw error(currentLine, currentColumn, "units do not match in " + b + ": " + l.dimension() + " "
                    + b.operator().symbol() + " " + r.dimension());
        }
        return l.dimension();
    }

    private Dimension power(Binary b, Typed base, Typed exponent) {
        if (!exponent.dimension().isNone()) {
            throw error(currentLine, currentColumn, "the exponent in " + b + " must be dimensionless, not " + exponent.dimension());
        }
        if (base.dimension().isNone()) return Dimension.NONE;
        Node folded = Expression.fold(exponent.node());
        if (folded instanceof Literal(double x) && x == Math.rint(x) && Math.abs(x) <= 16) {
            return base.dimension().power((int) x);
        }
        throw error(currentLine, currentColumn, "in " + b + " a quantity with units (" + base.dimension()
                + ") needs a whole-number exponent");
    }

    private Typed call(Call c) {
        List<Typed> args = c.arguments().stream().map(this::walk).toList();
        Node node = new Call(c.function(), args.stream().map(Typed::node).toList());
        Dimension first = args.getFirst().dimension();
        Dimension dim = switch (c.function()) {
            case ABS, CEIL, FLOOR -> first;
            case SIGN, INT -> Dimension.NONE;
            case CLIP, MAX, MIN -> {
                for (Typed a : args) {
                    if (!a.dimension().equals(first)) {
                        throw error(currentLine, currentColumn, "the arguments of " + c + " have different units: "
                                + first + " and " + a.dimension());
                    }
                }
                yield first;
            }
            case SQRT -> {
                Dimension root = first.sqrt();
                if (root == null) throw error(currentLine, currentColumn, "sqrt of " + first + " has no unit: " + c);
                yield root;
            }
            default -> {
                if (!first.isNone()) {
                    throw error(currentLine, currentColumn, c.function().symbol() + " needs a dimensionless argument, not "
                            + first + ", in " + c);
                }
                yield Dimension.NONE;
            }
        };
        return new Typed(node, dim);
    }

    static boolean isCondition(Node node) {
        return node instanceof Binary b && b.operator().yieldsTruthValue()
                || node instanceof Unary u && u.operator() == Unary.Operator.NOT;
    }

    /** The dimension of the unit after ':' — a product of unit names and powers, or 1. */
    Dimension unit(int n, int offset, String text) {
        int column = firstNonBlank(lines[n], offset);
        if (text.isBlank()) throw error(n, column, "missing unit after ':' (write ': 1' for a dimensionless quantity)");
        Node tree = parseTree(n, offset, text);
        Typed typed = resolve(tree, n, column);
        if (!isPureUnit(tree)) {
            throw error(n, column, "'" + text.strip() + "' is not a unit: write a unit name such as volt, mV, amp, pA,"
                    + " siemens, nS, farad, pF, second, ms, Hz, or 1");
        }
        return typed.dimension();
    }

    private static boolean isPureUnit(Node node) {
        return switch (node) {
            case Literal l -> l.value() == 1;
            case Variable v -> Units.isUnit(v.name());
            case Binary b -> switch (b.operator()) {
                case MULTIPLY, DIVIDE -> isPureUnit(b.left()) && isPureUnit(b.right());
                case POWER -> isPureUnit(b.left()) && b.right() instanceof Literal
                        || isPureUnit(b.left()) && b.right() instanceof Unary u && u.operand() instanceof Literal;
                default -> false;
            };
            default -> false;
        };
    }

    /** The new value of {@code target op value}: {@code =} gives value, {@code +=} target + value, and so on. */
    static Node compound(String op, Node target, Node value) {
        return switch (op) {
            case "=" -> value;
            case "+=" -> new Binary(Binary.Operator.ADD, target, value);
            case "-=" -> new Binary(Binary.Operator.SUBTRACT, target, value);
            case "*=" -> new Binary(Binary.Operator.MULTIPLY, target, value);
            default -> new Binary(Binary.Operator.DIVIDE, target, value);
        };
    }

    static String stripComment(String line) {
        int hash = line.indexOf('#');
        return hash < 0 ? line : line.substring(0, hash);
    }

    static int firstNonBlank(String line, int from) {
        int i = from;
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) i++;
        return i;
    }

    /** n and column are 0-based here; messages count from 1. */
    EquationException error(int n, int column, String problem) {
        if (argument) return EquationException.inArgument(source, column + 1, problem);
        return new EquationException(source, n + 1, column + 1, problem, n >= 0 && n < lines.length ? lines[n] : "");
    }
}
