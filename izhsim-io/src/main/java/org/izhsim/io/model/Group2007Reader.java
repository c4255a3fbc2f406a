package org.izhsim.io.model;

import static org.izhsim.io.model.Values.checked;

import java.util.LinkedHashMap;
import java.util.Map;
import org.izhsim.integrate.Izhikevich2007Kernel;
import org.izhsim.model.Izhikevich2007Model;
import org.izhsim.model.Izhikevich2007Presets;
import org.izhsim.model.Izhikevich2007Presets.Preset2007;
import org.izhsim.network.NeuronGroup;

/**
 * A group of the 2007 dimensional model ({@code model: izh2007}): a book cell ({@code preset},
 * default RS) whose parameters {@code params} may override (numbers, one value for the whole
 * group, in the model's units: C pF, k nS/mV, v's mV, a 1/ms, b nS, d pA), v starting at vr and
 * u at 0 unless {@code initial} says otherwise (per neuron). The scheme must be euler or rk4.
 */
final class Group2007Reader {
    /** The model name of the built-in 2007 dimensional model. */
    static final String NAME = "izh2007";

    private Group2007Reader() {}

    static NeuronGroup group(Context ctx, YamlNode node, Fields f, int size, NeuronGroup.Builder b, Map<String, Object> out) {
        checked(f.get("model"), () -> Izhikevich2007Kernel.requireSupported(ctx.scheme()));
        Preset2007 preset = Izhikevich2007Presets.byId("RS");
        if (f.has("preset")) {
            YamlNode pn = f.get("preset");
            preset = checked(pn, () -> Izhikevich2007Presets.byId(Fields.string(pn)));
        }
        out.put("model", NAME);
        out.put("preset", preset.id());
        Izhikevich2007Model c = preset.model();
        double[] x = {c.C(), c.k(), c.vr(), c.vt(), c.vpeak(), c.a(), c.b(), c.c(), c.d()};
        Map<String, Object> params = new LinkedHashMap<>();
        if (f.has("params")) {
            Fields ps = Fields.of(f.get("params"), Schema.PARAMS_2007);
            for (int j = 0; j < x.length; j++) {
                String key = Schema.PARAMS_2007.get(j);
                if (!ps.has(key)) continue;
                x[j] = Fields.number(ps.get(key));
                params.put(key, x[j]);
            }
        }
        out.put("params", params);
        YamlNode where = f.has("params") ? f.get("params") : node;
        Izhikevich2007Model cell = checked(where, () -> new Izhikevich2007Model(c.name(), x[0], x[1], x[2], x[3], x[4], x[5],
                x[6], x[7], x[8], c.rule(), c.strictCutoff()));
        b.model2007(cell).v0(cell.vr());
        Map<String, Object> init = GroupReader.initial(f, size, b);
        init.putIfAbsent("v", "vr");
        init.putIfAbsent("u", 0.0);
        out.put("initial", init);
        return checked(node, b::build);
    }
}
