package org.izhsim.equations;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
import org.izhsim.equations.SynapseModel.Kind;
import org.izhsim.equations.SynapseModel.Scope;
import org.izhsim.equations.SynapseText.Part;
import org.izhsim.equations.SynapseText.Section;

/**
 * Reads a synapse model: the parts (model lines, on_pre, on_post, periodic statements,
 * constants) are lines of one text, each part with the source name and line numbers its
 * messages give. As {@link ModelParser}, declarations first, so that a line may use a name
 * declared further down, then every expression with its names resolved and units checked, then
 * the rules of where each part may write.
 */
final class SynapseModelParser extends EquationReader {
    private static final Pattern CONSTANT = Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*=(?!=)");
    private static final Set<String> RESERVED = Set.of("t", "dt", "lastspike", "lastspike_pre", "lastspike_post", "lastupdate",
            "i", "j", "N", "N_incoming", "N_outgoing", "delay", "xi", "pi", "e", "inf", "and", "or", "not", "True", "False");

    private enum DeclKind { PARAMETER, CONSTANT, CLOCK_DRIVEN, EVENT_DRIVEN, SUBEXPRESSION, SUMMED }

    private record Declaration(DeclKind kind, String name, int line, int nameColumn, String rhs, int rhsColumn,
                               Dimension dimension) {}

    /** A constant's text, where it is written. */
    private record ConstantText(int line, int column, String text) {}

    private final List<Part> parts;
    private final NeuronVariables pre, post;
    private final Map<String, Declaration> declarations = new LinkedHashMap<>();
    private final List<Declaration> summedDeclarations = new ArrayList<>();
    private final List<String> variableNames = new ArrayList<>();
    private final Map<String, ConstantText> constantTexts = new LinkedHashMap<>();
    private final Map<String, Typed> constants = new LinkedHashMap<>();
    /** While a constant or a period is read: only constants and units are names. */
    private boolean constantsOnly;

    SynapseModelParser(String text, String source, List<Part> parts, NeuronVariables pre, NeuronVariables post) {
        super(text, source);
        this.parts = parts;
        this.pre = pre;
        this.post = post;
    }

    SynapseModel parse() {
        for (Part p : parts) if (p.section() == Section.CONSTANTS) readConstants(p);
        for (Part p : parts) if (p.section() == Section.MODEL) forEachLine(p, this::declare);
        checkNames();

        List<SynapseModel.Variable> variables = new ArrayList<>();
        for (String name : variableNames) variables.add(variable(declarations.get(name)));
        for (String name : declarations.keySet()) {
            if (declarations.get(name).kind() == DeclKind.SUBEXPRESSION) subexpression(name);
        }
        List<SynapseModel.Summed> summed = new ArrayList<>();
        for (Declaration d : summedDeclarations) summed.add(summed(d));

        List<SynapseModel.Statement> onPre = new ArrayList<>(), onPost = new ArrayList<>();
        List<SynapseModel.Periodic> periodic = new ArrayList<>();
        for (int k = 0; k < parts.size(); k++) {
            Part p = parts.get(k);
            switch (p.section()) {
                case ON_PRE -> onPre.addAll(statements(p));
                case ON_POST -> onPost.addAll(statements(p));
                case EVERY -> {
                    Part period = parts.get(k - 1);
                    periodic.add(new SynapseModel.Periodic(period(period), statements(p)));
                }
                default -> {}
            }
        }
        return new SynapseModel(source, variables, pre, post, onPre, onPost, summed, periodic);
    }

    // ---- lines and places ----

    private interface LineReader {
        void read(int n, int offset, String text);
    }

    /** Calls {@code reader} for every line of the part that is not blank once its comment is cut. */
    private void forEachLine(Part p, LineReader reader) {
        for (int n = p.first(); n < p.end(); n++) {
            int offset = n == p.first() ? p.column() : 0;
            String line = stripComment(lines[n]);
            if (offset > line.length() || line.substring(offset).isBlank()) continue;
            reader.read(n, offset, line.substring(offset));
        }
    }

    private Part partOf(int n) {
        for (Part p : parts) if (n >= p.first() && n < p.end()) return p;
        return null;
    }

    @Override
    EquationException error(int n, int column, String problem) {
        Part p = partOf(n);
        String text = n >= 0 && n < lines.length ? lines[n] : "";
        if (p == null) return new EquationException(source, n + 1, column + 1, problem, text);
        return new EquationException(p.source(), n - p.first() + p.number(), column + 1, problem, text);
    }

    // ---- constants ----

    private void readConstants(Part p) {
        if (p.name() != null) {
            // a namespace entry of the API: the part is the value
            String text = String.join(" ", java.util.Arrays.asList(lines).subList(p.first(), p.end()));
            if (!p.name().matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw error(p.first(), 0, "'" + p.name() + "' is not a name: use letters, digits and '_', starting with a"
                        + " letter or '_'");
            }
            checkDeclarable(p.name(), p.first(), 0, "constant");
            constantTexts.put(p.name(), new ConstantText(p.first(), 0, text));
            return;
        }
        forEachLine(p, (n, offset, text) -> {
            Matcher m = CONSTANT.matcher(text);
            if (!m.find()) {
                throw error(n, firstNonBlank(lines[n], offset), "expected a constant 'name = expression' such as"
                        + " 'taupre = 20*ms'");
            }
            String name = m.group(1);
            checkDeclarable(name, n, offset + m.start(1), "constant");
            // a namespace entry of the same name (read later) replaces this one
            if (constantTexts.containsKey(name)) {
                throw error(n, offset + m.start(1), "the constant '" + name + "' is defined twice");
            }
            constantTexts.put(name, new ConstantText(n, offset + m.end(), text.substring(m.end())));
        });
    }

    private Typed constant(String name) {
        Typed done = constants.get(name);
        if (done != null) return done;
        ConstantText c = constantTexts.get(name);
        if (!resolving.add(name)) throw error(c.line(), c.column(), "the constant '" + name + "' is defined in terms of itself");
        boolean was = constantsOnly;
        int line = currentLine, column = currentColumn;
        constantsOnly = true;
        Typed typed = expression(c.line(), c.column(), c.text());
        constantsOnly = was;
        currentLine = line;
        currentColumn = column;
        Node folded = Expression.fold(typed.node());
        if (!(folded instanceof Literal(double value)) || !Double.isFinite(value)) {
            throw error(c.line(), firstNonBlank(lines[c.line()], c.column()), "the constant '" + name
                    + "' must be a finite number (with units), such as 20*ms");
        }
        resolving.remove(name);
        Typed result = new Typed(new Literal(value), typed.dimension());
        constants.put(name, result);
        return result;
    }

    private double period(Part p) {
        int n = p.first();
        String text = stripComment(lines[n]).substring(p.column());
        // in a file the header's colon ends the period: "every 1*second: w *= 0.9"
        if (text.indexOf(':') >= 0) text = text.substring(0, text.indexOf(':'));
        constantsOnly = true;
        Typed typed = expression(n, p.column(), text);
        constantsOnly = false;
        int column = firstNonBlank(lines[n], p.column());
        Node folded = Expression.fold(typed.node());
        if (!typed.dimension().equals(Dimension.TIME) || !(folded instanceof Literal(double ms)) || !(ms > 0)
                || Double.isInfinite(ms)) {
            throw error(n, column, "the period of 'every' must be a constant time > 0, such as 1*second or 100*ms; '"
                    + text.strip() + "' is " + typed.dimension());
        }
        return ms;
    }

    // ---- declarations ----

    private void declare(int n, int offset, String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw error(n, offset + text.stripTrailing().length(), "missing ': unit' at the end of the line (write ': 1' for"
                    + " a dimensionless quantity)");
        }
        String left = text.substring(0, colon);
        String unitPart = text.substring(colon + 1);
        Set<String> flags = new LinkedHashSet<>();
        int flagsColumn = -1;
        Matcher f = FLAGS.matcher(unitPart);
        if (f.find()) {
            flagsColumn = offset + colon + 1 + f.start(1);
            for (String flag : f.group(1).split(",")) flags.add(flag.strip().replaceAll("\\s+", " "));
            unitPart = unitPart.substring(0, f.start());
        }
        Dimension dimension = unit(n, offset + colon + 1, unitPart);
        Matcher m;
        if ((m = DERIVATIVE.matcher(left)).find()) {
            DeclKind kind = flags(n, flagsColumn, flags, Set.of("clock-driven", "event-driven"), "a synapse differential equation");
            if (kind == null) {
                throw error(n, offset + colon, "a synapse differential equation needs (clock-driven), integrated every time"
                        + " step, or (event-driven), updated exactly at events");
            }
            add(new Declaration(kind, m.group(1), n, offset + m.start(1) - 1, left.substring(m.end()), offset + m.end(), dimension));
        } else if ((m = SUBEXPRESSION.matcher(left)).find()) {
            DeclKind kind = flags(n, flagsColumn, flags, Set.of("summed"), "a sub-expression");
            Declaration d = new Declaration(kind == null ? DeclKind.SUBEXPRESSION : kind, m.group(1), n, offset + m.start(1),
                    left.substring(m.end()), offset + m.end(), dimension);
            if (kind == DeclKind.SUMMED) summedDeclarations.add(d);
            else add(d);
        } else if ((m = NAME_ONLY.matcher(left)).find()) {
            DeclKind kind = flags(n, flagsColumn, flags, Set.of("constant"), "a parameter");
            add(new Declaration(kind == null ? DeclKind.PARAMETER : kind, m.group(1), n, offset + m.start(1), "", 0, dimension));
        } else {
            throw error(n, firstNonBlank(lines[n], offset), "expected 'dX/dt = expression : unit (clock-driven)' or"
                    + " '(event-driven)', 'name = expression : unit [(summed)]' or 'name : unit [(constant)]'");
        }
    }

    /** The one flag of a declaration among {@code allowed}, or null if it has none. */
    private DeclKind flags(int n, int column, Set<String> flags, Set<String> allowed, String what) {
        DeclKind kind = null;
        for (String flag : flags) {
            if (!allowed.contains(flag)) {
                throw error(n, column, "the flag '" + flag + "' does not belong on " + what + "; allowed: "
                        + String.join(", ", new java.util.TreeSet<>(allowed)));
            }
            if (kind != null) throw error(n, column, "(clock-driven) and (event-driven) exclude each other");
            kind = switch (flag) {
                case "clock-driven" -> DeclKind.CLOCK_DRIVEN;
                case "event-driven" -> DeclKind.EVENT_DRIVEN;
                case "summed" -> DeclKind.SUMMED;
                default -> DeclKind.CONSTANT;
            };
        }
        return kind;
    }

    private void add(Declaration d) {
        checkDeclarable(d.name(), d.line(), d.nameColumn(), "synapse variable");
        if (declarations.containsKey(d.name())) {
            throw error(d.line(), d.nameColumn(), "'" + d.name() + "' is declared twice (first on line "
                    + (declarations.get(d.name()).line() - partOf(d.line()).first() + partOf(d.line()).number()) + ")");
        }
        declarations.put(d.name(), d);
        if (d.kind() != DeclKind.SUBEXPRESSION) variableNames.add(d.name());
    }

    private void checkDeclarable(String name, int n, int column, String what) {
        if (RESERVED.contains(name) || Units.isUnit(name) || BuiltinFunction.named(name).isPresent()
                || name.endsWith("_pre") || name.endsWith("_post")) {
            String why = Units.isUnit(name) ? "a unit" : BuiltinFunction.named(name).isPresent() ? "a function"
                    : name.endsWith("_pre") || name.endsWith("_post") ? "a neuron variable's name (suffix _pre or _post)"
                    : "reserved";
            throw error(n, column, "'" + name + "' is " + why + " and cannot be a " + what + "; choose another name");
        }
    }

    /** Brian2's rule: a synapse variable or constant may not share its name with a neuron variable of either side. */
    private void checkNames() {
        for (Declaration d : declarations.values()) {
            if (constantTexts.containsKey(d.name())) {
                throw error(d.line(), d.nameColumn(), "'" + d.name() + "' is both a synapse variable and a constant");
            }
            for (NeuronVariables side : List.of(pre, post)) {
                if (side.variables().containsKey(d.name())) {
                    throw error(d.line(), d.nameColumn(), "'" + d.name() + "' is also a variable of the "
                            + (side == pre ? "pre" : "post") + "-synaptic neurons; synapse variables need names of their own"
                            + " (refer to the neuron's as " + d.name() + (side == pre ? "_pre" : "_post") + ")");
                }
            }
        }
    }

    private SynapseModel.Variable variable(Declaration d) {
        Kind kind = switch (d.kind()) {
            case CLOCK_DRIVEN -> Kind.CLOCK_DRIVEN;
            case EVENT_DRIVEN -> Kind.EVENT_DRIVEN;
            case CONSTANT -> Kind.CONSTANT;
            default -> Kind.PARAMETER;
        };
        if (kind != Kind.CLOCK_DRIVEN && kind != Kind.EVENT_DRIVEN) {
            return new SynapseModel.Variable(d.name(), d.dimension(), kind, null, Double.NaN);
        }
        Typed rhs = expression(d.line(), d.rhsColumn(), d.rhs());
        int column = firstNonBlank(lines[d.line()], d.rhsColumn());
        Dimension expected = d.dimension().over(Dimension.TIME);
        if (!rhs.dimension().equals(expected)) {
            throw error(d.line(), column, "the right-hand side of d" + d.name() + "/dt is " + rhs.dimension()
                    + " but must be " + expected + " (" + d.name() + " is " + d.dimension() + ", per time: divide by ms)");
        }
        Node f = Expression.fold(rhs.node());
        int self = variableNames.indexOf(d.name());
        double tau = decayTime(f, self);
        if (kind == Kind.EVENT_DRIVEN) {
            if (Double.isNaN(tau)) {
                throw error(d.line(), column, "the event-driven equation of '" + d.name() + "' must be the linear decay d"
                        + d.name() + "/dt = -" + d.name() + "/tau with a constant tau > 0, which is solved exactly at each"
                        + " event; write other equations (clock-driven)");
            }
        } else {
            forbidReads(f, d.line(), column, "a clock-driven equation", true, false);
        }
        return new SynapseModel.Variable(d.name(), d.dimension(), kind, f, tau);
    }

    /** τ if {@code f} is −x/τ of variable {@code self} with a constant τ > 0, else NaN. */
    private static double decayTime(Node f, int self) {
        return switch (f) {
            case Binary(Binary.Operator op, Unary(Unary.Operator u, Variable x), Literal(double c))
                    when op == Binary.Operator.DIVIDE && u == Unary.Operator.NEGATE && x.index() == self && c > 0 -> c;
            case Unary(Unary.Operator u, Binary(Binary.Operator op, Variable x, Literal(double c)))
                    when op == Binary.Operator.DIVIDE && u == Unary.Operator.NEGATE && x.index() == self && c > 0 -> c;
            case Binary(Binary.Operator op, Variable x, Literal(double c))
                    when op == Binary.Operator.DIVIDE && x.index() == self && c < 0 -> -c;
            default -> Double.NaN;
        };
    }

    private Typed subexpression(String name) {
        Declaration d = declarations.get(name);
        return substitute(name, d.line(), d.nameColumn(), d.rhs(), d.rhsColumn(), d.dimension());
    }

    private SynapseModel.Summed summed(Declaration d) {
        String name = d.name();
        String base = name.endsWith("_post") ? name.substring(0, name.length() - 5) : null;
        if (base == null || !post.variables().containsKey(base)) {
            throw error(d.line(), d.nameColumn(), "(summed) sets a post-synaptic variable to the sum over its synapses:"
                    + " write it with _post, one of " + listing(post.variables().keySet(), "_post") + "; '" + name
                    + "' is not");
        }
        if (post.readOnly().contains(base)) throw error(d.line(), d.nameColumn(), "'" + name + "' is read-only");
        for (Declaration other : summedDeclarations) {
            if (other != d && other.name().equals(name) && other.line() < d.line()) {
                throw error(d.line(), d.nameColumn(), "'" + name + "' is (summed) twice");
            }
        }
        Dimension target = post.variables().get(base);
        int column = firstNonBlank(lines[d.line()], d.rhsColumn());
        if (!d.dimension().equals(target)) {
            throw error(d.line(), column, "'" + name + "' is " + target + " but is declared " + d.dimension());
        }
        Typed rhs = expression(d.line(), d.rhsColumn(), d.rhs());
        if (!rhs.dimension().equals(target)) {
            throw error(d.line(), column, "'" + name + "' is " + target + " but its sum is of " + rhs.dimension());
        }
        EquationException place = error(d.line(), d.nameColumn(), "");
        return new SynapseModel.Summed(post.indexOf(base), Expression.fold(rhs.node()), place.source(), place.line(),
                place.column(), lines[d.line()]);
    }

    // ---- statements ----

    private List<SynapseModel.Statement> statements(Part p) {
        List<SynapseModel.Statement> out = new ArrayList<>();
        forEachLine(p, (n, offset, text) -> {
            int start = 0;
            while (start <= text.length()) {
                int end = text.indexOf(';', start);
                if (end < 0) end = text.length();
                String one = text.substring(start, end);
                if (!one.isBlank()) out.add(statement(p.section(), n, offset + start, one));
                start = end + 1;
            }
        });
        return out;
    }

    private SynapseModel.Statement statement(Section section, int n, int offset, String text) {
        Matcher m = STATEMENT.matcher(text);
        if (!m.find()) {
            throw error(n, firstNonBlank(lines[n], offset), "expected a statement 'name = expression' (or +=, -=, *=, /=)"
                    + " but found '" + text.strip() + "'; a statement changes a variable of its own synapse or of that"
                    + " synapse's post neuron, named without an index");
        }
        String name = m.group(1);
        int nameColumn = offset + m.start(1);
        SynapseModel.Statement target = target(section, name, n, nameColumn);
        Typed value = expression(n, offset + m.end(), text.substring(m.end()));
        int column = firstNonBlank(lines[n], offset + m.end());
        forbidReads(value.node(), n, column, section == Section.EVERY ? "a periodic statement" : null,
                section == Section.EVERY, section == Section.EVERY);
        Dimension dim = target.scope() == Scope.SYNAPSE ? declarations.get(name).dimension()
                : post.variables().get(postBase(name));
        String op = m.group(2);
        boolean scaling = op.equals("*=") || op.equals("/=");
        Dimension expected = scaling ? Dimension.NONE : dim;
        if (!value.dimension().equals(expected)) {
            throw error(n, column, "units do not match in '" + text.strip() + "': " + (scaling ? "a factor must be dimensionless"
                    : name + " is " + dim) + " but the value is " + value.dimension());
        }
        int symbol = target.scope() == Scope.SYNAPSE ? target.index() : variableNames.size() + pre.variables().size() + target.index();
        String shown = target.scope() == Scope.SYNAPSE ? name : postBase(name) + "_post";
        Node node = compound(op, new Variable(shown, symbol), value.node());
        return new SynapseModel.Statement(target.scope(), target.index(), Expression.fold(node));
    }

    /** Where {@code name} may be assigned in {@code section}, or the error that says what may be. */
    private SynapseModel.Statement target(Section section, String name, int n, int column) {
        Declaration d = declarations.get(name);
        String problem;
        if (d != null) {
            problem = switch (d.kind()) {
                case CONSTANT -> "'" + name + "' is marked (constant) and cannot be assigned";
                case SUBEXPRESSION -> "'" + name + "' is a sub-expression, not a variable";
                case EVENT_DRIVEN -> section == Section.EVERY ? "'" + name + "' is event-driven: it is only up to date at"
                        + " events, so periodic statements may not use it" : null;
                default -> null;
            };
            if (problem == null) return new SynapseModel.Statement(Scope.SYNAPSE, variableNames.indexOf(name), null);
        } else if (constantTexts.containsKey(name)) {
            problem = "'" + name + "' is a constant";
        } else if (name.endsWith("_pre") || name.equals("lastspike_pre")) {
            problem = "'" + name + "' is " + (pre.variables().containsKey(name.substring(0, name.length() - 4))
                    ? "a pre-synaptic variable" : "not a variable") + " (a pre neuron is shared by all its synapses, which"
                    + " other workers update in the same step)";
        } else if (postBase(name) != null) {
            String base = postBase(name);
            if (section == Section.EVERY) {
                problem = "'" + name + "' is a post-synaptic variable; periodic statements run over synapses in storage"
                        + " order and may change synapse variables only";
            } else if (post.readOnly().contains(base)) {
                problem = "'" + name + "' is a read-only post-synaptic variable"
                        + (post.why().containsKey(base) ? " (" + post.why().get(base) + ")" : "");
            } else if (summedDeclarations.stream().anyMatch(s -> s.name().equals(base + "_post"))) {
                problem = "'" + name + "' is (summed): the sum over the synapses replaces it every step";
            } else {
                return new SynapseModel.Statement(Scope.POST, post.indexOf(base), null);
            }
        } else if (List.of("t", "dt", "lastspike_post").contains(name)) {
            problem = "'" + name + "' is read-only";
        } else if (Units.isUnit(name)) {
            problem = "'" + name + "' is a unit";
        } else {
            problem = "unknown variable '" + name + "'";
        }
        throw error(n, column, problem + "; " + sectionName(section) + " may assign " + assignable(section));
    }

    /** The post variable {@code name} refers to (x_post, or a plain x of the post group as Brian2 allows), or null. */
    private String postBase(String name) {
        if (name.endsWith("_post") && post.variables().containsKey(name.substring(0, name.length() - 5))) {
            return name.substring(0, name.length() - 5);
        }
        return post.variables().containsKey(name) && !declarations.containsKey(name) ? name : null;
    }

    private static String sectionName(Section section) {
        return switch (section) {
            case ON_PRE -> "on_pre";
            case ON_POST -> "on_post";
            default -> "a periodic statement";
        };
    }

    private String assignable(Section section) {
        List<String> names = new ArrayList<>();
        for (Declaration d : declarations.values()) {
            boolean ok = switch (d.kind()) {
                case PARAMETER, CLOCK_DRIVEN -> true;
                case EVENT_DRIVEN -> section != Section.EVERY;
                default -> false;
            };
            if (ok) names.add(d.name());
        }
        String syn = names.isEmpty() ? "no synapse variables (none is declared)" : "the synapse variables " + String.join(", ", names);
        if (section == Section.EVERY) return syn;
        Set<String> writable = new LinkedHashSet<>(post.variables().keySet());
        writable.removeAll(post.readOnly());
        summedDeclarations.forEach(s -> writable.remove(s.name().replaceFirst("_post$", "")));
        return syn + (writable.isEmpty() ? "" : " and the post-synaptic variables " + listing(writable, "_post"))
                + "; pre-synaptic variables (_pre) are read-only";
    }

    private static String listing(Set<String> names, String suffix) {
        if (names.isEmpty()) return "(none)";
        return String.join(", ", names.stream().map(x -> x + suffix).toList());
    }

    /**
     * Refuses reads that a part cannot have: event-driven variables (only current at events) in
     * clock-driven equations and periodic statements, neuron variables in periodic statements
     * (they run over storage ranges, without neurons).
     */
    private void forbidReads(Node node, int n, int column, String what, boolean noEventDriven, boolean noNeurons) {
        if (what == null) return;
        switch (node) {
            case Variable v -> {
                int i = v.index();
                if (noEventDriven && i < variableNames.size()
                        && declarations.get(variableNames.get(i)).kind() == DeclKind.EVENT_DRIVEN) {
                    throw error(n, column, "'" + v.name() + "' is event-driven: it is only up to date at events, so " + what
                            + " may not use it");
                }
                int time = variableNames.size() + pre.variables().size() + post.variables().size();
                if (noNeurons && (i >= variableNames.size() && i < time || i >= time + 2)) {
                    throw error(n, column, what + " may use synapse variables, constants, t and dt, not the neuron"
                            + " variable '" + v.name() + "'");
                }
            }
            case Unary u -> forbidReads(u.operand(), n, column, what, noEventDriven, noNeurons);
            case Binary b -> {
                forbidReads(b.left(), n, column, what, noEventDriven, noNeurons);
                forbidReads(b.right(), n, column, what, noEventDriven, noNeurons);
            }
            case Call c -> c.arguments().forEach(a -> forbidReads(a, n, column, what, noEventDriven, noNeurons));
            case Literal l -> {}
        }
    }

    // ---- names ----

    @Override
    List<String> symbolNames() {
        Set<String> names = new LinkedHashSet<>(constantTexts.keySet());
        if (constantsOnly) return new ArrayList<>(names);
        names.addAll(declarations.keySet());
        pre.variables().keySet().forEach(x -> names.add(x + "_pre"));
        post.variables().keySet().forEach(x -> names.add(x + "_post"));
        for (String x : post.variables().keySet()) {
            if (!Units.isUnit(x) && BuiltinFunction.named(x).isEmpty() && !List.of("and", "or", "not").contains(x)) names.add(x);
        }
        names.addAll(List.of("t", "dt", "lastspike_pre", "lastspike_post"));
        return new ArrayList<>(names);
    }

    @Override
    String unknownNameHint(String word) {
        List<String> known = symbolNames();
        List<String> candidates = new ArrayList<>(known);
        candidates.addAll(Units.all().keySet());
        String suggestion = candidates.stream().filter(c -> c.equalsIgnoreCase(word)).findFirst()
                .map(c -> "did you mean '" + c + "'? ").orElse("");
        String where = constantsOnly ? "a constant may use numbers, units and other constants; " : "";
        return "unknown name '" + word + "'; " + suggestion + where + "known: "
                + (known.isEmpty() ? "" : String.join(", ", known) + ", ") + "and units such as mV, ms, pA, nS, pF, Hz";
    }

    @Override
    Typed variable(String name) {
        if (constantTexts.containsKey(name)) return constant(name);
        Declaration d = declarations.get(name);
        if (d != null) {
            if (d.kind() == DeclKind.SUBEXPRESSION) return subexpression(name);
            return new Typed(new Variable(name, variableNames.indexOf(name)), d.dimension());
        }
        int time = variableNames.size() + pre.variables().size() + post.variables().size();
        switch (name) {
            case "t" -> { return new Typed(new Variable(name, time), Dimension.TIME); }
            case "dt" -> { return new Typed(new Variable(name, time + 1), Dimension.TIME); }
            case "lastspike_pre" -> { return new Typed(new Variable(name, time + 2), Dimension.TIME); }
            case "lastspike_post" -> { return new Typed(new Variable(name, time + 3), Dimension.TIME); }
            default -> {}
        }
        if (name.endsWith("_pre") && pre.variables().containsKey(name.substring(0, name.length() - 4))) {
            String base = name.substring(0, name.length() - 4);
            return new Typed(new Variable(name, variableNames.size() + pre.indexOf(base)), pre.variables().get(base));
        }
        String base = postBase(name);
        if (base != null) {
            return new Typed(new Variable(base + "_post", variableNames.size() + pre.variables().size() + post.indexOf(base)),
                    post.variables().get(base));
        }
        Units.Unit unit = Units.named(name);
        return new Typed(new Literal(unit.value()), unit.dimension());
    }

    /** Division by a constant zero is a mistake in the model, not a value. */
    @Override
    void checkOperands(Binary b, Typed left, Typed right) {
        if ((b.operator() == Binary.Operator.DIVIDE || b.operator() == Binary.Operator.MODULO)
                && Expression.fold(right.node()) instanceof Literal(double x) && x == 0) {
            throw error(currentLine, currentColumn, "division by zero in " + b + ": the divisor " + b.right()
                    + " is the constant 0");
        }
    }
}
