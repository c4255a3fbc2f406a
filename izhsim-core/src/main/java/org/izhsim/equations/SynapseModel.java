package org.izhsim.equations;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.izhsim.expr.Node;

/**
 * A synapse model written as Brian2 {@code Synapses} strings — {@code model}, {@code on_pre},
 * {@code on_post} and periodic statements — parsed, name- and unit-checked against the neuron
 * groups on either side, ready to compile into a {@link SynapseKernel}. The syntax is in
 * {@code docs/plasticity.md}; {@link #parseFile} reads the model file form:
 *
 * <pre>
 * constants:
 *     taupre = 20*ms
 *     dApre = 0.01
 * model:
 *     w : 1
 *     dapre/dt = -apre/taupre : 1 (event-driven)
 * on_pre:
 *     I_post += w
 *     apre += dApre
 * on_post:
 *     w = clip(w + apre, 0, 1)
 * every 1*second:
 *     w *= 0.99
 * </pre>
 *
 * <p>Every tree is folded and free of names: constants and units are numbers in model units,
 * sub-expressions are substituted, and each {@link Node.Variable} indexes {@link #symbols()}:
 * the synapse variables (in declaration order), then the pre neuron variables, then the post
 * neuron variables (in the order the caller gave them), then {@code t}, {@code dt},
 * {@code lastspike_pre} and {@code lastspike_post} [ms].
 */
public final class SynapseModel {
    /** What a synapse variable is. */
    public enum Kind {
        /** a per-synapse value that only statements change ({@code w : 1}) */
        PARAMETER,
        /** a per-synapse value nothing may change ({@code (constant)}) */
        CONSTANT,
        /** integrated every time step ({@code (clock-driven)}) */
        CLOCK_DRIVEN,
        /** brought up to date exactly at each event ({@code (event-driven)}), a decay dx/dt = −x/τ */
        EVENT_DRIVEN
    }

    /**
     * A per-synapse variable.
     *
     * @param derivative dX/dt per ms over {@link #symbols()} (clock- and event-driven), else null
     * @param tauMs      τ [ms] when dX/dt = −X/τ with a constant τ (always for event-driven), else NaN
     */
    public record Variable(String name, Dimension dimension, Kind kind, Node derivative, double tauMs) {
        /** Whether the equation is the decay dX/dt = −X/τ, solved exactly as X·exp(−Δt/τ). */
        public boolean decays() {
            return !Double.isNaN(tauMs);
        }
    }

    /** Where a statement writes. */
    public enum Scope { SYNAPSE, POST }

    /**
     * One statement {@code target = value} (a compound {@code +=} arrives as {@code x + value}).
     *
     * @param index the synapse variable, or the post neuron variable, by position in its list
     */
    public record Statement(Scope scope, int index, Node value) {}

    /**
     * A {@code (summed)} variable: post neuron variable {@code postIndex} ← Σ value over its
     * incoming synapses, every step. Where it is declared ({@code source}, 1-based {@code line}
     * and {@code column}, the line's {@code text}) serves messages that refuse it later, once the
     * post group is known (a target that is no parameter of the group's equations).
     */
    public record Summed(int postIndex, Node value, String source, int line, int column, String text) {
        /** {@code source:line:column}. */
        public String where() {
            return source + ":" + line + ":" + column;
        }

        /** A refusal of this declaration, with its place and a caret under it. */
        public EquationException refuse(String problem) {
            return new EquationException(source, line, column, problem, text);
        }
    }

    /** Statements run once every {@code periodMs} on every synapse (Brian2's {@code run_regularly}). */
    public record Periodic(double periodMs, List<Statement> statements) {
        public Periodic {
            statements = List.copyOf(statements);
        }
    }

    private final String source;
    private final List<Variable> variables;
    private final NeuronVariables pre, post;
    private final List<Statement> onPre, onPost;
    private final List<Summed> summed;
    private final List<Periodic> periodic;
    private final String normalized;
    private final String hash;

    SynapseModel(String source, List<Variable> variables, NeuronVariables pre, NeuronVariables post,
                 List<Statement> onPre, List<Statement> onPost, List<Summed> summed, List<Periodic> periodic) {
        this.source = source;
        this.variables = List.copyOf(variables);
        this.pre = pre;
        this.post = post;
        this.onPre = List.copyOf(onPre);
        this.onPost = List.copyOf(onPost);
        this.summed = List.copyOf(summed);
        this.periodic = List.copyOf(periodic);
        this.normalized = normalize();
        this.hash = EquationModel.sha256(normalized);
    }

    /**
     * Parses and checks a synapse model given as Brian2's keyword strings; each string is its own
     * source in messages ({@code on_pre:2:9: ...}). Statements are separated by {@code ;} or line
     * breaks.
     *
     * @param model     the {@code model=} lines; may be empty
     * @param onPre     the {@code on_pre=} statements; may be empty
     * @param onPost    the {@code on_post=} statements; may be empty
     * @param namespace constants by name, each an expression of numbers, units and earlier or
     *                  later constants ({@code "taupre" → "20*ms"})
     * @param periodic  periodic statements by period ({@code "1*second" → "w = clip(w + sd, 0, 10)"}),
     *                  run in this order
     * @param pre       the pre-synaptic group's variables ({@code x_pre})
     * @param post      the post-synaptic group's variables ({@code x_post}, or plain {@code x})
     * @throws EquationException naming the part, line, column and problem
     */
    public static SynapseModel parse(String model, String onPre, String onPost, Map<String, String> namespace,
                                     Map<String, String> periodic, NeuronVariables pre, NeuronVariables post) {
        SynapseText.Builder b = new SynapseText.Builder();
        namespace.forEach((name, value) -> b.constant("namespace '" + name + "'", name, value));
        b.part("model", SynapseText.Section.MODEL, null, Objects.requireNonNull(model, "model"));
        b.part("on_pre", SynapseText.Section.ON_PRE, null, Objects.requireNonNull(onPre, "onPre"));
        b.part("on_post", SynapseText.Section.ON_POST, null, Objects.requireNonNull(onPost, "onPost"));
        periodic.forEach((period, code) -> b.part("every " + period, SynapseText.Section.EVERY, period, code));
        return b.parse("synapses", pre, post);
    }

    /** {@link #parse} without periodic statements. */
    public static SynapseModel parse(String model, String onPre, String onPost, Map<String, String> namespace,
                                     NeuronVariables pre, NeuronVariables post) {
        return parse(model, onPre, onPost, namespace, Map.of(), pre, post);
    }

    /**
     * Parses and checks a synapse model file: sections {@code constants:}, {@code model:},
     * {@code on_pre:}, {@code on_post:} and {@code every TIME:}, each header at the start of a
     * line and its lines below (or after the colon). {@code namespace} entries override the
     * file's constants of the same name.
     *
     * @throws EquationException naming {@code source}, line, column and problem
     */
    public static SynapseModel parseFile(String text, String source, Map<String, String> namespace,
                                         NeuronVariables pre, NeuronVariables post) {
        return SynapseText.file(text, source, namespace, pre, post);
    }

    public String source() {
        return source;
    }

    public List<Variable> variables() {
        return variables;
    }

    public NeuronVariables pre() {
        return pre;
    }

    public NeuronVariables post() {
        return post;
    }

    public List<Statement> onPre() {
        return onPre;
    }

    public List<Statement> onPost() {
        return onPost;
    }

    public List<Summed> summed() {
        return summed;
    }

    public List<Periodic> periodic() {
        return periodic;
    }

    /** The synapse variable called {@code w}, the stored weight that delivery adds, or −1. */
    public int weightIndex() {
        return indexOf("w");
    }

    /** The synapse variable called {@code name}, or −1. */
    public int indexOf(String name) {
        for (int j = 0; j < variables.size(); j++) if (variables.get(j).name().equals(name)) return j;
        return -1;
    }

    /**
     * A per-synapse value of synapse variable {@code name} given as text over {@code r} (one
     * uniform number per synapse), in the variable's declared unit: {@code "0.5*r"},
     * {@code "(1 + r)*nS"}. Used for initial values.
     *
     * @throws IllegalArgumentException if {@code name} is no synapse variable
     * @throws EquationException if the text does not parse, mentions t or has another unit
     */
    public org.izhsim.expr.Expression value(String name, String text) {
        int j = indexOf(name);
        if (j < 0) {
            throw new IllegalArgumentException("unknown synapse variable '" + name + "' in " + source + "; its variables: "
                    + String.join(", ", variables.stream().map(Variable::name).toList()));
        }
        Node tree = ModelParser.value(text, variables.get(j).dimension(), "'" + name + "'", name + ": " + text, "r");
        return org.izhsim.expr.Expression.ofTree(text, tree, List.of("r"));
    }

    /** Whether events need the per-synapse time of the last update (there are event-driven variables). */
    public boolean hasEventDriven() {
        return variables.stream().anyMatch(v -> v.kind() == Kind.EVENT_DRIVEN);
    }

    /** Whether a clock-driven equation must be integrated every step. */
    public boolean hasClockDriven() {
        return variables.stream().anyMatch(v -> v.kind() == Kind.CLOCK_DRIVEN);
    }

    /** Index of the first pre neuron variable in {@link #symbols()}. */
    public int preOffset() {
        return variables.size();
    }

    /** Index of the first post neuron variable in {@link #symbols()}. */
    public int postOffset() {
        return preOffset() + pre.variables().size();
    }

    /** Index of {@code t} in {@link #symbols()}; {@code dt}, {@code lastspike_pre}, {@code lastspike_post} follow. */
    public int timeIndex() {
        return postOffset() + post.variables().size();
    }

    /** The names behind the variable indices. */
    public List<String> symbols() {
        List<String> names = new ArrayList<>();
        variables.forEach(v -> names.add(v.name()));
        pre.variables().keySet().forEach(n -> names.add(n + "_pre"));
        post.variables().keySet().forEach(n -> names.add(n + "_post"));
        names.addAll(List.of("t", "dt", "lastspike_pre", "lastspike_post"));
        return names;
    }

    /**
     * The steps between two runs of periodic block {@code which} at time step {@code dt} [ms]:
     * the block runs at the start of steps n, 2n, 3n, … (never at step 0).
     *
     * @throws IllegalArgumentException if the period is not a whole number of steps
     */
    public long periodSteps(int which, double dt) {
        double period = periodic.get(which).periodMs();
        long n = Math.round(period / dt);
        if (n < 1 || Math.abs(n * dt - period) > 1e-9 * period) {
            throw new IllegalArgumentException(source + ": the period " + period + " ms of 'every' block " + (which + 1)
                    + " is not a whole number of time steps of " + dt + " ms");
        }
        return n;
    }

    /**
     * The model as canonical text: folded trees, names, units, flags and both neuron groups'
     * variable lists. Equal texts compile to the same kernel.
     */
    public String normalized() {
        return normalized;
    }

    /** SHA-256 of {@link #normalized()} in hex: the key of the compiled-kernel cache. */
    public String hash() {
        return hash;
    }

    private String normalize() {
        StringBuilder sb = new StringBuilder();
        sb.append("pre: ").append(pre.variables()).append(" read-only ").append(new java.util.TreeSet<>(pre.readOnly())).append('\n');
        sb.append("post: ").append(post.variables()).append(" read-only ").append(new java.util.TreeSet<>(post.readOnly())).append('\n');
        for (Variable v : variables) {
            sb.append(v.name()).append(" : ").append(v.dimension()).append(" ").append(v.kind());
            if (v.derivative() != null) sb.append(" d/dt = ").append(v.derivative());
            sb.append('\n');
        }
        List<String> s = symbols();
        for (Summed x : summed) sb.append("summed ").append(s.get(postOffset() + x.postIndex())).append(" = ").append(x.value()).append('\n');
        statements(sb, "on_pre", onPre);
        statements(sb, "on_post", onPost);
        for (Periodic p : periodic) statements(sb, "every " + Double.toString(p.periodMs()), p.statements());
        return sb.toString();
    }

    private void statements(StringBuilder sb, String what, List<Statement> list) {
        List<String> s = symbols();
        for (Statement st : list) {
            int at = st.scope() == Scope.SYNAPSE ? st.index() : postOffset() + st.index();
            sb.append(what).append(": ").append(s.get(at)).append(" = ").append(st.value()).append('\n');
        }
    }

    @Override
    public String toString() {
        return normalized;
    }
}
