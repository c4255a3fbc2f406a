package org.izhsim.io.model;

import static org.izhsim.io.model.Values.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.izhsim.equations.EquationException;
import org.izhsim.equations.EquationModel;
import org.izhsim.expr.Expression;
import org.izhsim.expr.ExpressionException;
import org.izhsim.io.model.YamlNode.Scalar;
import org.izhsim.io.model.YamlNode.Sequence;
import org.izhsim.model.IzhikevichModel;
import org.izhsim.model.Preset;
import org.izhsim.model.Presets;
import org.izhsim.network.NeuronGroup;
import org.izhsim.network.PerNeuron;

/**
 * The {@code groups} section: one neuron group per entry, a built-in model or a preset with
 * per-neuron parameters and initial states, or an equation model ({@link ModelResolver}) with
 * the parameters and states it declares, each in its declared unit.
 */
final class GroupReader {
    private static final java.util.regex.Pattern DECIMAL = java.util.regex.Pattern.compile(
            "[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private final Context ctx;
    private final ModelResolver models;

    GroupReader(Context ctx) {
        this.ctx = ctx;
        this.models = new ModelResolver(ctx);
    }

    NeuronGroup group(String name, YamlNode node, Map<String, Object> out) {
        Fields f = Fields.of(node, Schema.GROUP);
        int size = Fields.intIn(f.get("size"), 1, Integer.MAX_VALUE - 64);
        NeuronGroup.Builder b = NeuronGroup.builder(name, size);
        out.put("size", size);
        if (f.has("model") && f.get("model") instanceof Scalar m && SourceReader.NAMES.contains(Fields.string(m).trim())) {
            return SourceReader.group(ctx, name, node, Fields.string(m).trim(), size, out);
        }
        if (f.has("model") && f.get("model") instanceof Scalar m && Group2007Reader.NAME.equals(Fields.string(m).trim())) {
            return Group2007Reader.group(ctx, node, f, size, b, out);
        }
        if (f.has("model") && models.resolveModel(f.get("model"), out) instanceof EquationModel eq) {
            if (f.has("preset")) {
                throw ModelFileException.at(f.get("preset"), "a preset takes a built-in model; an equation model's values "
                        + "come from 'params' and 'initial'");
            }
            b.equations(eq, ctx.equations().compiler());
            equationValues(f, eq, size, b, out);
            return checked(node, b::build);
        }
        IzhikevichModel model = IzhikevichModel.STANDARD;
        if (f.has("preset")) {
            YamlNode pn = f.get("preset");
            Preset p = checked(pn, () -> Presets.byId(Fields.string(pn)));
            model = p.model();
            b.a(p.params().a()).b(p.params().b()).c(p.params().c()).d(p.params().d()).v0(p.v0());
            if (p.u0() != p.params().b() * p.v0()) b.u0(p.u0()); // panel R starts off the u = b·v line
            out.put("preset", p.id());
        }
        if (f.has("model")) model = (IzhikevichModel) models.resolveModel(f.get("model"), out);
        b.model(model);
        out.put("model", model.name());
        Map<String, Object> params = new LinkedHashMap<>();
        if (f.has("params")) {
            Fields ps = Fields.of(f.get("params"), Schema.PARAMS);
            for (String p : Schema.PARAMS) {
                if (!ps.has(p)) continue;
                YamlNode v = ps.get(p);
                PerNeuron x = perNeuron(v, size, params, p);
                switch (p) {
                    case "a" -> b.a(x);
                    case "b" -> b.b(x);
                    case "c" -> b.c(x);
                    default -> b.d(x);
                }
            }
        }
        out.put("params", params);
        Map<String, Object> init = initial(f, size, b);
        init.putIfAbsent("u", "b*v");
        out.put("initial", init);
        return checked(node, b::build);
    }

    /** A built-in group's {@code initial} v and u (per neuron), as given. */
    static Map<String, Object> initial(Fields f, int size, NeuronGroup.Builder b) {
        Map<String, Object> init = new LinkedHashMap<>();
        if (f.has("initial")) {
            Fields in = Fields.of(f.get("initial"), Schema.INITIAL);
            if (in.has("v")) b.v0(perNeuron(in.get("v"), size, init, "v"));
            if (in.has("u")) b.u0(perNeuron(in.get("u"), size, init, "u"));
        }
        return init;
    }

    /**
     * The parameters and initial states of a group that runs an equation model: the names the
     * model declares, each in its declared unit ({@link EquationModel#value}). Every parameter
     * needs a value. A state without one starts at 0, except v at −65 and u at b·v (when the
     * model has a parameter b), as in a built-in group.
     */
    static void equationValues(Fields f, EquationModel eq, int size, NeuronGroup.Builder b, Map<String, Object> out) {
        List<String> paramNames = eq.parameters().stream().map(EquationModel.Parameter::name).toList();
        List<String> stateNames = eq.states().stream().map(EquationModel.StateVariable::name).toList();
        Map<String, Object> params = namedValues(f, "params", paramNames, "parameters", eq, size, (p, x) -> {
            switch (p) {
                case "a" -> b.a(x);
                case "b" -> b.b(x);
                case "c" -> b.c(x);
                case "d" -> b.d(x);
                default -> b.set(p, x);
            }
        });
        List<String> missing = paramNames.stream().filter(p -> !params.containsKey(p)).toList();
        if (!missing.isEmpty()) {
            throw ModelFileException.at(f.has("params") ? f.get("params") : f.node(), "no value for parameter(s) "
                    + String.join(", ", missing) + " of " + eq.source() + "; give them under 'params'");
        }
        out.put("params", params);
        Map<String, Object> init = namedValues(f, "initial", stateNames, "state variables", eq, size, (s, x) -> {
            switch (s) {
                case "v" -> b.v0(x);
                case "u" -> b.u0(x);
                default -> b.set(s, x);
            }
        });
        for (String s : stateNames) {
            if (init.containsKey(s)) continue;
            if (s.equals("v")) {
                init.put("v", -65.0); // NeuronGroup's default v0
            } else if (s.equals("u") && paramNames.contains("b")) {
                init.put("u", "b*v");
            } else {
                if (s.equals("u")) b.u0(0.0);
                init.put(s, 0.0);
            }
        }
        out.put("initial", init);
    }

    /**
     * The values under {@code key} (whose keys must be among the model's {@code names}), each
     * handed to {@code to}; returns them as written, for the resolved configuration.
     */
    static Map<String, Object> namedValues(Fields f, String key, List<String> names, String kind, EquationModel eq,
                                                   int size, java.util.function.BiConsumer<String, PerNeuron> to) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (!f.has(key)) return out;
        Fields values = Fields.of(f.get(key), names, "unknown name; " + kind + " of " + eq.source());
        for (String n : names) {
            if (values.has(n)) to.accept(n, equationValue(eq, n, values.get(n), size, out));
        }
        return out;
    }

    /**
     * A per-neuron value of an equation model's parameter or state: as {@link #perNeuron}, each
     * text or number read by the model in its declared unit ({@code "-65*mV"}, {@code "(0.5+r)*nS"}).
     */
    static PerNeuron equationValue(EquationModel eq, String name, YamlNode node, int size, Map<String, Object> out) {
        if (node instanceof Sequence s) {
            if (s.items().size() != size) throw ModelFileException.at(node, s.items().size() + " values given for " + size + " neurons");
            double[] xs = new double[size];
            for (int i = 0; i < size; i++) {
                YamlNode item = s.items().get(i);
                Expression e = equationExpression(eq, name, item);
                if (e.dependsOn("r")) throw ModelFileException.at(item, "a list holds one number per neuron; r belongs in a single expression");
                xs[i] = e.at(0);
            }
            out.put(name, "array[" + size + "]");
            return checked(node, () -> PerNeuron.array(xs));
        }
        Expression e = equationExpression(eq, name, node);
        out.put(name, node instanceof Scalar s && s.type() != Scalar.Type.STRING ? (Object) Fields.number(node) : e.text());
        return e.dependsOn("r") ? PerNeuron.ofUniform(e::at) : checked(node, () -> PerNeuron.constant(e.at(0)));
    }

    static Expression equationExpression(EquationModel eq, String name, YamlNode node) {
        String text;
        if (node instanceof Scalar s && (s.type() == Scalar.Type.INTEGER || s.type() == Scalar.Type.FLOAT)) {
            double x = Fields.number(node);
            text = DECIMAL.matcher(s.text()).matches() ? s.text() : Double.toString(x);
        } else {
            text = Fields.string(node);
        }
        try {
            return eq.value(name, text);
        } catch (EquationException e) {
            String diagram = new ExpressionException(text, Math.max(0, Math.min(text.length(), e.column() - 1)), e.problem(), "")
                    .caretDiagram();
            throw new ModelFileException(node.position() + ": " + node.path() + ": " + e.problem(), diagram, e);
        }
    }
}
