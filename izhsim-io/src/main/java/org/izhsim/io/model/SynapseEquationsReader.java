package org.izhsim.io.model;

import static org.izhsim.io.model.Values.checked;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.izhsim.equations.EquationException;
import org.izhsim.equations.SynapseModel;
import org.izhsim.expr.Expression;
import org.izhsim.io.model.YamlNode.Mapping;
import org.izhsim.io.model.YamlNode.Scalar;
import org.izhsim.network.NeuronGroup;
import org.izhsim.network.Plasticity;
import org.izhsim.network.SynapseEquations;
import org.izhsim.network.Weights;

/**
 * A synapse group's equations (Brian2's {@code Synapses} strings): {@code model},
 * {@code on_pre}, {@code on_post}, {@code namespace} and {@code every} in the model file, or
 * {@code equations:} naming a synapse model file ({@code examples/synapses/*.syn}, relative to
 * the model file) or holding its text in a {@code |} block; {@code initial} gives the synapse
 * variables' starting values, {@code order: {pre: 1, post: -1}} the pathways' order within a
 * step (Brian2's {@code S.pre.order}, {@code S.post.order}). Parsed and unit-checked against the two groups
 * ({@link SynapseEquations#variables}) and compiled here, so that every refusal points at the
 * key and, inside a text, at the model file's own line and column.
 */
final class SynapseEquationsReader {
    /** The keys of a synapse group that belong to its equations. */
    static final List<String> KEYS = List.of("model", "on_pre", "on_post", "namespace", "every", "equations", "initial",
            "order");
    /** The keys that write equations (the others only qualify them). */
    private static final List<String> TEXTS = List.of("model", "on_pre", "on_post", "every", "equations");

    /**
     * A parsed synapse model and its synapses' initial values.
     *
     * @param initial initial values by variable name, {@code w} excluded (the same for every synapse)
     * @param weight  the initial {@code w} from {@code initial}, or null (the group's {@code weight} then)
     * @param order   the pathways' order ({@code order}, Brian2's by default)
     */
    record Read(SynapseModel model, Map<String, Double> initial, Weights weight, Plasticity.PathwayOrder order) {}

    private final Context ctx;
    private final ModelResolver places;

    SynapseEquationsReader(Context ctx) {
        this.ctx = ctx;
        this.places = new ModelResolver(ctx);
    }

    /** Whether the item writes synapse equations. */
    static boolean present(Fields f) {
        return TEXTS.stream().anyMatch(f::has);
    }

    /** The item's equations, or null if it has none; {@code out} gets their description. */
    Read read(Fields f, NeuronGroup pre, NeuronGroup post, Map<String, Object> out) {
        if (!present(f)) {
            for (String k : List.of("namespace", "initial", "order")) {
                if (f.has(k)) throw ModelFileException.at(f.get(k), "'" + k + "' qualifies synapse equations, and this group"
                        + " has none; write them under model, on_pre, on_post, every, or equations: FILE");
            }
            return null;
        }
        YamlNode first = f.get(TEXTS.stream().filter(f::has).findFirst().orElseThrow());
        if (ctx.equations().synapses() == null) {
            throw ModelFileException.at(first, "synapse equations need a compiler, and this reader was given none"
                    + " (izhsim run passes one)");
        }
        Map<String, String> namespace = namespace(f);
        SynapseModel model = f.has("equations") ? file(f, namespace, pre, post, out) : strings(f, namespace, pre, post, out);
        checked(first, () -> {
            SynapseEquations.check(model, pre, post);
            return ctx.equations().synapses().compile(model);
        });
        Map<String, Double> initial = new LinkedHashMap<>();
        Weights w = null;
        if (f.has("initial")) {
            Map<String, Object> shown = new LinkedHashMap<>();
            List<String> names = model.variables().stream().map(SynapseModel.Variable::name).toList();
            Fields in = Fields.of(f.get("initial"), names, "unknown name; synapse variables of "
                    + (f.has("equations") && !Fields.string(f.get("equations")).contains("\n") ? model.source() : "the model"));
            for (String n : names) {
                if (!in.has(n)) continue;
                YamlNode v = in.get(n);
                Expression e = GroupReader.unitValue(model::value, n, v);
                Weights x = e.dependsOn("r") ? Weights.ofUniform(e::at) : checked(v, () -> Weights.constant(e.at(0)));
                shown.put(n, v instanceof Scalar s && s.type() != Scalar.Type.STRING ? (Object) Fields.number(v) : e.text());
                if (n.equals("w")) {
                    if (f.has("weight")) throw ModelFileException.at(v, "w is given twice: here and as 'weight'; keep one");
                    w = x;
                } else if (e.dependsOn("r")) {
                    throw ModelFileException.at(v, "a random initial value per synapse is for w only so far; give " + n
                            + " one value for all synapses");
                } else {
                    initial.put(n, e.at(0));
                }
            }
            out.put("initial", shown);
        }
        return new Read(model, initial, w, order(f, out));
    }

    /** {@code order: {pre: P, post: Q}}, each a whole number as Brian2's {@code SynapticPathway.order}. */
    private static Plasticity.PathwayOrder order(Fields f, Map<String, Object> out) {
        Plasticity.PathwayOrder d = Plasticity.PathwayOrder.BRIAN2;
        if (!f.has("order")) return d;
        Fields o = Fields.of(f.get("order"), List.of("pre", "post"), "unknown pathway; 'order' numbers the pathways"
                + " as Brian2's S.pre.order and S.post.order (defaults " + d.pre() + " and " + d.post() + "; the lower runs"
                + " first, so {pre: 1, post: -1} runs post spikes first, as spnet), and the pathways are");
        int pre = o.has("pre") ? Fields.intIn(o.get("pre"), -1000, 1000) : d.pre();
        int post = o.has("post") ? Fields.intIn(o.get("post"), -1000, 1000) : d.post();
        Plasticity.PathwayOrder order = new Plasticity.PathwayOrder(pre, post);
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("pre", pre);
        shown.put("post", post);
        shown.put("first", order.postFirst() ? "on_post" : "on_pre");
        out.put("order", shown);
        return order;
    }

    private Map<String, String> namespace(Fields f) {
        Map<String, String> ns = new LinkedHashMap<>();
        if (!f.has("namespace")) return ns;
        Mapping m = Fields.mapping(f.get("namespace"));
        m.entries().forEach((k, v) -> ns.put(k, GroupReader.valueText(v)));
        return ns;
    }

    /** {@code model}, {@code on_pre}, {@code on_post} and {@code every} as Brian2's strings, each placed in the model file. */
    private SynapseModel strings(Fields f, Map<String, String> namespace, NeuronGroup pre, NeuronGroup post,
                                 Map<String, Object> out) {
        Map<String, YamlNode.Position> where = new LinkedHashMap<>();
        Map<String, YamlNode> nodes = new LinkedHashMap<>();
        String[] texts = new String[3];
        String[] keys = {"model", "on_pre", "on_post"};
        for (int k = 0; k < 3; k++) {
            texts[k] = f.has(keys[k]) ? Fields.string(f.get(keys[k])) : "";
            if (f.has(keys[k])) nodes.put(keys[k], f.get(keys[k]));
        }
        Map<String, String> periodic = new LinkedHashMap<>();
        if (f.has("every")) {
            Mapping m = Fields.mapping(f.get("every"));
            for (var e : m.entries().entrySet()) {
                periodic.put(e.getKey(), Fields.string(e.getValue()));
                nodes.put("every " + e.getKey(), e.getValue());
                where.put("every " + e.getKey() + " (period)", m.keyPositions().get(e.getKey()));
            }
        }
        if (f.has("namespace")) {
            Fields.mapping(f.get("namespace")).entries().forEach((k, v) -> nodes.put("namespace '" + k + "'", v));
        }
        nodes.forEach((k, v) -> where.put(k, v.position()));
        SynapseModel model;
        try {
            model = SynapseModel.parse(texts[0], texts[1], texts[2], namespace, periodic, SynapseEquations.variables(pre),
                    SynapseEquations.variables(post));
            SynapseEquations.checkSummed(model, post); // refused at its declaration, as a parse error
        } catch (EquationException e) {
            YamlNode.Position at = where.get(e.source());
            YamlNode node = nodes.get(e.source().replace(" (period)", ""));
            if (at == null) throw ModelFileException.at(f.node(), e.getMessage());
            throw new ModelFileException(places.inlinePlace(at, e.line(), e.column()) + ": " + node.path()
                    + (e.source().endsWith("(period)") ? " (its period)" : "") + ": " + e.problem(), e.caretDiagram(), e);
        }
        describe(model, "(inline)", null, out);
        return model;
    }

    /** {@code equations:} a synapse model file beside the model file, or its text inline. */
    private SynapseModel file(Fields f, Map<String, String> namespace, NeuronGroup pre, NeuronGroup post,
                              Map<String, Object> out) {
        for (String k : List.of("model", "on_pre", "on_post", "every")) {
            if (f.has(k)) throw ModelFileException.at(f.get(k), "'" + k + "' and 'equations' exclude each other: the"
                    + " equations' text has its own sections (model:, on_pre:, on_post:, every TIME:)");
        }
        YamlNode node = f.get("equations");
        String written = Fields.string(node);
        if (written.contains("\n")) {
            try {
                SynapseModel model = SynapseModel.parseFile(written, node.position().file(), namespace,
                        SynapseEquations.variables(pre), SynapseEquations.variables(post));
                SynapseEquations.checkSummed(model, post);
                describe(model, "(inline)", null, out);
                return model;
            } catch (EquationException e) {
                throw new ModelFileException(places.inlinePlace(node, e.line(), e.column()) + ": " + node.path() + ": "
                        + e.problem(), e.caretDiagram(), e);
            }
        }
        ModelResolver.Beside file = places.readBeside(node, written, "synapse model file");
        String shown = file.shown();
        byte[] bytes = file.bytes();
        SynapseModel model;
        try {
            model = SynapseModel.parseFile(new String(bytes, StandardCharsets.UTF_8), shown, namespace,
                    SynapseEquations.variables(pre), SynapseEquations.variables(post));
            SynapseEquations.checkSummed(model, post);
        } catch (EquationException e) {
            // the synapse file's own place first, then where the model file uses it
            throw new ModelFileException(e.getMessage() + " (used at " + node.position() + ": " + node.path() + ")",
                    e.caretDiagram(), e);
        }
        String sha = org.izhsim.io.RunInfo.sha256(bytes);
        ctx.equationFiles().putIfAbsent(shown, sha);
        Map<String, Object> m = describe(model, written, shown, out);
        m.put("sha256", sha);
        return model;
    }

    private static Map<String, Object> describe(SynapseModel model, String written, String file, Map<String, Object> out) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("equations", written);
        if (file != null) m.put("file", file);
        m.put("hash", model.hash());
        m.put("normalized", model.normalized());
        out.put("synapse_model", m);
        return m;
    }
}
