package org.izhsim.io.model;

import static org.izhsim.io.model.Values.*;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.izhsim.network.Monitor;
import org.izhsim.network.NeuronGroup;
import org.izhsim.network.RateMonitor;
import org.izhsim.network.SpikeMonitor;
import org.izhsim.network.StateMonitor;

/** The {@code monitors} section: spike, state and rate monitors, one per item, each written to its own file. */
final class MonitorReader {
    private final Context ctx;

    MonitorReader(Context ctx) {
        this.ctx = ctx;
    }

    Monitor<?> monitor(YamlNode node, Map<String, Object> out) {
        String type = kind(node, "type", "types", Schema.MONITORS);
        Fields f = Fields.of(node, Schema.MONITORS.get(type));
        NeuronGroup g = f.has("group") ? ctx.groupRef(f.get("group")) : null;
        out.put("type", type);
        if (g != null) out.put("group", g.name());
        Monitor<?> mon = switch (type) {
            case "spikes" -> {
                if (g == null) {
                    if (f.has("neurons")) throw ModelFileException.at(f.get("neurons"), "'neurons' needs 'group' beside it");
                    yield SpikeMonitor.all().named("spikes:all");
                }
                if (!f.has("neurons")) yield SpikeMonitor.of(g);
                int[] ns = neurons(f.get("neurons"), g);
                out.put("neurons", ns);
                yield SpikeMonitor.of(g, ns);
            }
            case "state" -> {
                if (g == null) throw ModelFileException.at(node, "missing required key 'group'");
                if (g.source() != null) {
                    throw ModelFileException.at(f.get("group"), "group '" + g.name() + "' is a spike source and has no v, u or I "
                            + "to record; record its spikes (type: spikes)");
                }
                int[] ns = f.has("neurons") ? neurons(f.get("neurons"), g) : new int[] {0};
                List<StateMonitor.Variable> vars = new ArrayList<>();
                if (f.has("variables")) {
                    for (String v : choices(f.get("variables"), Schema.VARIABLES, false)) vars.add(StateMonitor.Variable.valueOf(v.toUpperCase(java.util.Locale.ROOT)));
                } else {
                    vars.addAll(EnumSet.allOf(StateMonitor.Variable.class));
                }
                int every = f.has("every_ms") ? ctx.stepsOf(f.get("every_ms"), positive(f.get("every_ms"))) : 1;
                out.put("neurons", ns);
                out.put("variables", vars.stream().map(v -> v == StateMonitor.Variable.I ? "I" : v.name().toLowerCase(java.util.Locale.ROOT)).toList());
                out.put("every_ms", every * ctx.dt());
                yield StateMonitor.of(g, ns, every, vars.toArray(StateMonitor.Variable[]::new));
            }
            default -> {
                int bin = f.has("bin_ms") ? ctx.stepsOf(f.get("bin_ms"), positive(f.get("bin_ms"))) : 1;
                out.put("bin_ms", bin * ctx.dt());
                yield g == null ? RateMonitor.all(bin) : RateMonitor.of(g, bin);
            }
        };
        if (f.has("name")) {
            String n = Fields.string(f.get("name"));
            checkName(f.get("name").position(), f.get("name").path(), n);
            mon = switch (mon) {
                case SpikeMonitor x -> x.named(n);
                case StateMonitor x -> x.named(n);
                case RateMonitor x -> x.named(n);
                default -> throw new IllegalStateException("unexpected monitor " + mon);
            };
        }
        out.put("name", mon.name());
        return mon;
    }
}
