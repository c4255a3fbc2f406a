package org.izhsim.equations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.izhsim.expr.BuiltinFunction;
import org.izhsim.expr.Expression;
import org.izhsim.expr.Node;
import org.izhsim.expr.Node.Binary;
import org.izhsim.expr.Node.Call;
import org.izhsim.expr.Node.Literal;
import org.izhsim.expr.Node.Unary;
import org.izhsim.expr.Node.Variable;

/**
 * Reads a model file in two passes: first every declaration (so a line may use a name declared
 * further down, as in Brian2), then every expression, which is parsed by the expression
 * language, its names resolved and its units checked in one walk over the tree.
 */
final class ModelParser extends EquationReader {
    private static final Pattern DIRECTIVE = Pattern.compile("^\\s*(threshold|reset|refractory)\\s*:");
    /** Names with a meaning of their own that a declaration may not take. */
    private static final Set<String> RESERVED = Set.of("t", "dt", "threshold", "reset", "refractory", "lastspike",
            "not_refractory", "xi", "pi", "e", "inf", "and", "or", "not", "True", "False");

    private enum Kind { STATE, PARAMETER, SUBEXPRESSION, INPUT }

    /** A declaration before its expression is read; columns are 0-based offsets into the line. */
    private record Declaration(Kind kind, String name, int line, int nameColumn, String rhs, int rhsColumn,
                               Dimension dimension, boolean unlessRefractory) {}

    private final Map<String, Declaration> declarations = new LinkedHashMap<>();
    private final List<String> stateNames = new ArrayList<>();
    private final List<String> parameterNames = new ArrayList<>();
    private Dimension inputDimension;
    /** Index of t in the trees built, or −1 for its place in a model: after the states, parameters and I. */
    private int timeIndex = -1;

    ModelParser(String text, String source) {
        super(text, source);
    }

    EquationModel parse() {
        int[] thresholdAt = null, refractoryAt = null;
        List<int[]> resetAt = new ArrayList<>();
        for (int n = 0; n < lines.length; n++) {
            String line = stripComment(lines[n]);
            if (line.isBlank()) continue;
            Matcher directive = DIRECTIVE.matcher(line);
            if (directive.find()) {
                int[] at = {n, directive.end()};
                switch (directive.group(1)) {
                    case "threshold" -> {
                        if (thresholdAt != null) throw error(n, 0, "a second 'threshold:' line; a model has one");
                        thresholdAt = at;
                    }
                    case "refractory" -> {
                        if (refractoryAt != null) throw error(n, 0, "a second 'refractory:' line; a model has one");
                        refractoryAt = at;
                    }
                    default -> {
                        String quote = stripComment(lines[n]).substring(at[1]).strip();
                        if (quote.equals("\'\'\'") || quote.equals("\"\"\"")) n = multiLineReset(n, quote, resetAt);
                        else resetAt.add(at);
                    }
                }
                continue;
            }
            declare(n, line);
        }
        if (stateNames.isEmpty()) {
            throw error(lines.length - 1, 0, "no differential equation; write one such as 'dv/dt = (0.04*v**2 + 5*v + 140 - u + I)/ms : 1'");
        }
        if (thresholdAt == null) throw error(lines.length - 1, 0, "missing 'threshold: ...' line, e.g. 'threshold: v > 30'");

        List<EquationModel.StateVariable> states = new ArrayList<>();
        for (String name : stateNames) {
            Declaration d = declarations.get(name);
            Typed rhs = expression(d.line(), d.rhsColumn(), d.rhs());
            Dimension expected = d.dimension().over(Dimension.TIME);
            if (!rhs.dimension().equals(expected)) {
                throw error(d.line(), firstNonBlank(lines[d.line()], d.rhsColumn()), "the right-hand side of d" + name + "/dt is " + rhs.dimension()
                        + " but must be " + expected + " (" + name + " is " + d.dimension() + ", per time: divide by ms)");
            }
            states.add(new EquationModel.StateVariable(name, d.dimension(), Expression.fold(rhs.node()),
                    d.unlessRefractory()));
        }
        for (String name : subexpressionNames()) subexpression(name);

        String thresholdText = stripComment(lines[thresholdAt[0]]).substring(thresholdAt[1]);
        Typed threshold = expression(thresholdAt[0], thresholdAt[1], thresholdText);
        if (!isCondition(threshold.node())) {
            throw error(thresholdAt[0], firstNonBlank(lines[thresholdAt[0]], thresholdAt[1]),
                    "the threshold must be a condition such as 'v > 30', not '" + thresholdText.strip() + "'");
        }

        List<EquationModel.Assignment> reset = new ArrayList<>();
        for (int[] at : resetAt) reset.addAll(statements(at[0], at[1]));

        double refractory = 0;
        if (refractoryAt != null) refractory = refractory(refractoryAt[0], refractoryAt[1]);

        List<EquationModel.Parameter> parameters = new ArrayList<>();
        for (String name : parameterNames) parameters.add(new EquationModel.Parameter(name, declarations.get(name).dimension()));
        return new EquationModel(source, states, parameters, inputDimension, Expression.fold(threshold.node()), reset,
                refractory);
    }

    /**
     * Brian2's multi-line reset, {@code reset: \'\'\'} then one statement (or several, with ';')
     * per line up to a line of the same closing quotes: each line goes to {@code resetAt}.
     * Returns the line of the closing quotes.
     */
    private int multiLineReset(int opening, String quote, List<int[]> resetAt) {
        for (int k = opening + 1; k < lines.length; k++) {
            String line = stripComment(lines[k]);
            if (line.strip().equals(quote)) return k;
            if (line.contains(quote)) throw error(k, line.indexOf(quote), "put the closing " + quote + " of the reset on a line of its own");
            if (!line.isBlank()) resetAt.add(new int[] {k, 0});
        }
        throw error(opening, lines[opening].indexOf(quote), "the reset's " + quote + " is never closed; end it with a line " + quote);
    }

    private List<String> subexpressionNames() {
        return declarations.values().stream().filter(d -> d.kind() == Kind.SUBEXPRESSION).map(Declaration::name).toList();
    }

    // ---- pass 1: declarations ----

    private void declare(int n, String line) {
        int colon = line.indexOf(':');
        if (colon < 0) {
            throw error(n, line.stripTrailing().length(), "missing ': unit' at the end of the line (write ': 1' for a"
                    + " dimensionless quantity, ': volt' or ': mV' for a voltage)");
        }
        String left = line.substring(0, colon);
        String unitPart = line.substring(colon + 1);
        boolean unlessRefractory = false;
        Matcher flags = FLAGS.matcher(unitPart);
        int flagsColumn = -1;
        if (flags.find()) {
            flagsColumn = colon + 1 + flags.start(1);
            for (String flag : flags.group(1).split(",")) {
                String f = flag.strip().replaceAll("\\s+", " ");
                if (f.equals("unless refractory")) unlessRefractory = true;
                else if (!f.equals("constant")) {
                    throw error(n, flagsColumn, "unknown flag '" + f + "'; known: unless refractory, constant");
                }
            }
            unitPart = unitPart.substring(0, flags.start());
        }
        Dimension dimension = unit(n, colon + 1, unitPart);

        Matcher m;
        if ((m = DERIVATIVE.matcher(left)).find()) {
            add(new Declaration(Kind.STATE, m.group(1), n, m.start(1) - 1, left.substring(m.end()), m.end(), dimension,
                    unlessRefractory));
        } else if ((m = SUBEXPRESSION.matcher(left)).find()) {
            if (unlessRefractory) throw error(n, flagsColumn, "'(unless refractory)' belongs on a differential equation");
            add(new Declaration(Kind.SUBEXPRESSION, m.group(1), n, m.start(1), left.substring(m.end()), m.end(),
                    dimension, false));
        } else if ((m = NAME_ONLY.matcher(left)).find()) {
            if (unlessRefractory) throw error(n, flagsColumn, "'(unless refractory)' belongs on a differential equation");
            Kind kind = m.group(1).equals("I") ? Kind.INPUT : Kind.PARAMETER;
            add(new Declaration(kind, m.group(1), n, m.start(1), "", 0, dimension, false));
        } else {
            throw error(n, firstNonBlank(line, 0), "expected 'dX/dt = expression : unit', 'name = expression : unit',"
                    + " 'name : unit', 'threshold: ...', 'reset: ...' or 'refractory: ...'");
        }
    }

    private void add(Declaration d) {
        String name = d.name();
        if (name.equals("I") && d.kind() != Kind.INPUT) {
            throw error(d.line(), d.nameColumn(), "'I' is the input current (driven by --current and synapses);"
                    + " declare it as 'I : 1' (or another unit)");
        }
        if (RESERVED.contains(name) || Units.isUnit(name) || BuiltinFunction.named(name).isPresent()) {
            String why = Units.isUnit(name) ? "a unit" : BuiltinFunction.named(name).isPresent() ? "a function"
                    : "reserved";
            throw error(d.line(), d.nameColumn(), "'" + name + "' is " + why + " and cannot be declared; choose another name");
        }
        if (declarations.containsKey(name)) {
            throw error(d.line(), d.nameColumn(), "'" + name + "' is declared twice (first on line "
                    + (declarations.get(name).line() + 1) + ")");
        }
        declarations.put(name, d);
        switch (d.kind()) {
            case STATE -> stateNames.add(name);
            case PARAMETER -> parameterNames.add(name);
            case INPUT -> inputDimension = d.dimension();
            case SUBEXPRESSION -> {}
        }
    }

    // ---- pass 2: expressions ----

    @Override
    List<String> symbolNames() {
        List<String> symbols = new ArrayList<>(declarations.keySet());
        symbols.add("t");
        return symbols;
    }

    @Override
    boolean isSymbol(String word) {
        return word.equals("t") || declarations.containsKey(word);
    }

    /** The expression language lists its own constants for an unknown name; here the model's names and units count. */
    @Override
    String unknownNameHint(String word) {
        List<String> candidates = new ArrayList<>(declarations.keySet());
        candidates.addAll(Units.all().keySet());
        String suggestion = candidates.stream().filter(c -> c.equalsIgnoreCase(word)).findFirst()
                .map(c -> "did you mean '" + c + "'? ").orElse("");
        String names = declarations.isEmpty() ? "" : String.join(", ", declarations.keySet()) + ", ";
        return "unknown name '" + word + "'; " + suggestion + "known: " + names + "t and units such as mV, ms, pA, nS, pF, Hz";
    }

    private Typed subexpression(String name) {
        Declaration d = declarations.get(name);
        return substitute(name, d.line(), d.nameColumn(), d.rhs(), d.rhsColumn(), d.dimension());
    }

    @Override
    Typed variable(String name) {
        Units.Unit unit = Units.named(name);
        if (unit != null && !declarations.containsKey(name)) return new Typed(new Literal(unit.value()), unit.dimension());
        if (name.equals("t")) {
            int index = timeIndex >= 0 ? timeIndex : stateNames.size() + parameterNames.size() + 1;
            return new Typed(new Variable("t", index), Dimension.TIME);
        }
        Declaration d = declarations.get(name);
        return switch (d.kind()) {
            case STATE -> new Typed(new Variable(name, stateNames.indexOf(name)), d.dimension());
            case PARAMETER -> new Typed(new Variable(name, stateNames.size() + parameterNames.indexOf(name)), d.dimension());
            case INPUT -> new Typed(new Variable(name, stateNames.size() + parameterNames.size()), d.dimension());
            case SUBEXPRESSION -> subexpression(name);
        };
    }

    // ---- reset and refractory ----

    private List<EquationModel.Assignment> statements(int n, int offset) {
        String line = stripComment(lines[n]);
        List<EquationModel.Assignment> out = new ArrayList<>();
        int start = offset;
        while (start <= line.length()) {
            int end = line.indexOf(';', start);
            if (end < 0) end = line.length();
            String text = line.substring(start, end);
            if (!text.isBlank()) out.add(statement(n, start, text));
            start = end + 1;
        }
        if (out.isEmpty()) throw error(n, offset, "empty reset; write statements such as 'v = c; u += d'");
        return out;
    }

    private EquationModel.Assignment statement(int n, int offset, String text) {
        Matcher m = STATEMENT.matcher(text);
        if (!m.find()) {
            throw error(n, firstNonBlank(lines[n], offset), "expected a statement 'name = expression' (or +=, -=, *=, /=)"
                    + " but found '" + text.strip() + "'");
        }
        String name = m.group(1);
        int nameColumn = offset + m.start(1);
        int target = stateNames.indexOf(name);
        if (target < 0) {
            Declaration d = declarations.get(name);
            String what = d == null ? "unknown variable '" + name + "'"
                    : "'" + name + "' is " + (d.kind() == Kind.PARAMETER ? "a parameter"
                    : d.kind() == Kind.INPUT ? "the input" : "a sub-expression") + ", not a variable";
            throw error(n, nameColumn, "the reset assigns " + what + "; variables: " + String.join(", ", stateNames));
        }
        Typed value = expression(n, offset + m.end(), text.substring(m.end()));
        Dimension dim = declarations.get(name).dimension();
        String op = m.group(2);
        Node target0 = new Variable(name, target);
        Node node = compound(op, target0, value.node());
        boolean scaling = op.equals("*=") || op.equals("/=");
        Dimension expected = scaling ? Dimension.NONE : dim;
        if (!value.dimension().equals(expected)) {
            throw error(n, firstNonBlank(lines[n], offset + m.end()), "units do not match in the reset of '" + name + "': "
                    + (scaling ? "a factor must be dimensionless" : name + " is " + dim) + " but the value is "
                    + value.dimension());
        }
        return new EquationModel.Assignment(target, Expression.fold(node));
    }

    private double refractory(int n, int offset) {
        Typed typed = expression(n, offset, stripComment(lines[n]).substring(offset));
        int column = firstNonBlank(lines[n], offset);
        Node folded = Expression.fold(typed.node());
        if (!(folded instanceof Literal(double ms))) {
            throw error(n, column, "the refractory period must be a constant time such as 2*ms");
        }
        if (!typed.dimension().equals(Dimension.TIME)) {
            throw error(n, column, "the refractory period must be a time (e.g. 2*ms), not " + typed.dimension());
        }
        if (!(ms >= 0) || Double.isInfinite(ms)) throw error(n, column, "the refractory period must be finite and >= 0");
        return ms;
    }

    /**
     * The value of a constant expression such as {@code -65*mV} in model units, checked against
     * the dimension it is for; errors name {@code source} with column {@code offset + k}.
     */
    static double constant(String text, Dimension expected, String what, String source, int offset) {
        ModelParser p = new ModelParser(" ".repeat(offset) + text, source);
        p.argument = true;
        Typed typed = p.expression(0, offset, text);
        int column = firstNonBlank(p.lines[0], offset);
        Node folded = Expression.fold(typed.node());
        if (!(folded instanceof Literal(double value))) throw p.error(0, column, what + " must be a number");
        if (!Double.isFinite(value)) {
            // 1e400 is infinity as a double; run, it would be reported as a numerical blow-up
            throw p.error(0, column, what + " is not finite ('" + text.strip() + "' is " + value + " as a double); give a finite number");
        }
        if (!typed.dimension().equals(expected)) {
            throw p.error(0, column, what + " is " + expected + " but the value '" + text.strip() + "' is "
                    + typed.dimension());
        }
        return value;
    }

    /**
     * A per-neuron value such as {@code (-65+15*r**2)*mV}: numbers, units and the dimensionless
     * {@code variable} (a model file's r), in model units, checked against the dimension it is
     * for; the tree is folded and its only variable, index 0, is {@code variable}. Errors name
     * {@code source} and the column within {@code text}.
     */
    static Node value(String text, Dimension expected, String what, String source, String variable) {
        String line = text.replace('\r', ' ').replace('\n', ' ');
        ModelParser p = new ModelParser(line, source);
        p.argument = true;
        p.declarations.put(variable, new Declaration(Kind.PARAMETER, variable, 0, 0, "", 0, Dimension.NONE, false));
        p.parameterNames.add(variable);
        Typed typed = p.expression(0, 0, line);
        int column = firstNonBlank(line, 0);
        Node folded = Expression.fold(typed.node());
        if (mentionsTime(folded)) throw p.error(0, column, what + " cannot depend on the time t; use numbers, units and " + variable);
        if (folded instanceof Literal(double v) && !Double.isFinite(v)) {
            throw p.error(0, column, what + " is not finite ('" + line.strip() + "' is " + v + " as a double); give a finite number");
        }
        if (!typed.dimension().equals(expected)) {
            throw p.error(0, column, what + " is " + expected + " but the value '" + line.strip() + "' is "
                    + typed.dimension());
        }
        return folded;
    }

    /**
     * A function of the time alone, such as {@code int(t>100*ms)*10*pA}: numbers, units and
     * {@code t} (a time, index 0 of the folded tree), in model units, with its dimension left to
     * the caller to check. Errors name {@code source} and the column within {@code text}.
     */
    static Typed ofTime(String text, String source) {
        String line = text.replace('\r', ' ').replace('\n', ' ');
        ModelParser p = new ModelParser(line, source);
        p.argument = true;
        p.timeIndex = 0;
        Typed typed = p.expression(0, 0, line);
        return new Typed(Expression.fold(typed.node()), typed.dimension());
    }

    /** Whether the time {@code t} occurs in the tree. */
    private static boolean mentionsTime(Node node) {
        return switch (node) {
            case Variable v -> v.name().equals("t");
            case Unary u -> mentionsTime(u.operand());
            case Binary b -> mentionsTime(b.left()) || mentionsTime(b.right());
            case Call c -> c.arguments().stream().anyMatch(ModelParser::mentionsTime);
            case Literal l -> false;
        };
    }
}
