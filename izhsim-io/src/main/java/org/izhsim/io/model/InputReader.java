package org.izhsim.io.model;

import static org.izhsim.io.model.Values.*;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.izhsim.expr.Expression;
import org.izhsim.network.Input;
import org.izhsim.network.NeuronGroup;
import org.izhsim.network.PerNeuron;

/** The {@code inputs} section: noise, constant, current-expression and Poisson inputs, one per item. */
final class InputReader {
    private final Set<String> names = new LinkedHashSet<>();
    private final Context ctx;

    InputReader(Context ctx) {
        this.ctx = ctx;
    }

    Input input(YamlNode node, Map<String, Object> out) {
        String type = kind(node, "type", "types", Schema.INPUTS);
        Fields f = Fields.of(node, Schema.INPUTS.get(type));
        NeuronGroup g = ctx.groupRef(f.get("group"));
        out.put("type", type);
        out.put("group", g.name());
        Input in = switch (type) {
            case "noise" -> {
                PerNeuron sigma = perNeuron(f.get("sigma"), g.size(), out, "sigma");
                double period = f.has("period_ms") ? positive(f.get("period_ms")) : 1.0;
                if (f.has("period_ms")) ctx.stepsOf(f.get("period_ms"), period);
                else if (ctx.grid().wholeSteps(period) < 0) {
                    throw ModelFileException.at(node, "the default period_ms 1 is not a whole number of steps of dt_ms "
                            + ctx.dt() + "; give period_ms");
                }
                out.put("period_ms", period);
                yield checked(node, () -> Input.noise(g, sigma, period));
            }
            case "constant" -> {
                PerNeuron amp = perNeuron(f.get("amplitude"), g.size(), out, "amplitude");
                yield checked(node, () -> new Input.Constant("constant:" + g.name(), g, amp));
            }
            case "current" -> {
                Expression e = expression(f.get("expression"), List.of("t"));
                out.put("expression", e.text());
                yield Input.current(g, e::at);
            }
            default -> {
                int sources = Fields.intIn(f.get("sources"), 1, Integer.MAX_VALUE);
                double rate = Fields.number(f.get("rate_hz"));
                double w = Fields.number(f.get("weight"));
                out.put("sources", sources);
                out.put("rate_hz", rate);
                out.put("weight", w);
                yield checked(f.get("rate_hz"), () -> Input.poisson(g, sources, rate, w));
            }
        };
        if (f.has("name")) {
            String n = Fields.string(f.get("name"));
            in = switch (in) {
                case Input.Noise x -> x.named(n);
                case Input.Constant x -> x.named(n);
                case Input.TimeCurrent x -> x.named(n);
                case Input.Poisson x -> x.named(n);
            };
        }
        unique(names, node, "input", in.name());
        out.put("name", in.name());
        return in;
    }
}
