package org.izhsim.io.model;

import static org.izhsim.io.model.Values.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.izhsim.expr.Expression;
import org.izhsim.io.model.YamlNode.Scalar;
import org.izhsim.io.model.YamlNode.Sequence;
import org.izhsim.network.Connectivity;
import org.izhsim.network.Delays;
import org.izhsim.network.NeuronGroup;
import org.izhsim.network.Plasticity;
import org.izhsim.network.Storage;
import org.izhsim.network.SynapseGroup;
import org.izhsim.network.Weights;

/** The {@code synapses} section: one synapse group per item, with its connectivity rule, weights, delays, storage and plasticity. */
final class SynapseReader {
    private final Set<String> names = new LinkedHashSet<>();
    private final Context ctx;
    /** The weights [units of the target] and delays [ms] of the current item's list file, or null. */
    private double[] fileW, fileDelayMs;
    private YamlNode fileNode;

    SynapseReader(Context ctx) {
        this.ctx = ctx;
    }

    SynapseGroup synapse(YamlNode node, Map<String, Object> out) {
        Fields f = Fields.of(node, Schema.SYNAPSE);
        NeuronGroup pre = ctx.groupRef(f.get("from")), post = ctx.groupRef(f.get("to"));
        String name = f.has("name") ? Fields.string(f.get("name")) : pre.name() + "->" + post.name();
        unique(names, node, "synapse group", name);
        SynapseGroup.Builder b = SynapseGroup.builder(name, pre, post);
        out.put("name", name);
        out.put("from", pre.name());
        out.put("to", post.name());
        String tag = f.string("tag", "GLUTAMATE");
        b.tag(tag);
        out.put("tag", tag);
        if (f.has("target")) {
            String target = Fields.string(f.get("target")).trim();
            b.target(target);
            out.put("target", target);
        }
        fileW = fileDelayMs = null;
        Map<String, Object> conn = new LinkedHashMap<>();
        b.connect(f.has("connectivity") ? connectivity(f.get("connectivity"), post, conn) : Connectivity.allToAll());
        conn.putIfAbsent("rule", "all_to_all");
        out.put("connectivity", conn);
        boolean list = "list".equals(conn.get("rule"));
        if (fileW != null) {
            if (f.has("weight")) throw ModelFileException.at(f.get("weight"), "the list file " + Fields.string(fileNode)
                    + " gives the weights (w); remove 'weight' or the file's column");
            b.weights(Weights.array(fileW));
            out.put("weight", "array[" + fileW.length + "] from the file");
        } else if (f.has("weight")) {
            YamlNode w = f.get("weight");
            if (w instanceof Sequence s) {
                b.weights(Weights.array(SourceReader.numbers(s)));
                out.put("weight", "array[" + s.items().size() + "]");
            } else if (w instanceof Scalar s && s.type() == Scalar.Type.STRING) {
                Expression e = expression(w, R);
                b.weights(e.dependsOn("r") ? Weights.ofUniform(e::at) : checked(w, () -> Weights.constant(e.at(0))));
                out.put("weight", e.text());
            } else {
                double x = Fields.number(w);
                b.weight(x);
                out.put("weight", x);
            }
        } else {
            out.put("weight", 0.0);
        }
        if (fileDelayMs != null) {
            if (f.has("delay_ms")) throw ModelFileException.at(f.get("delay_ms"), "the list file " + Fields.string(fileNode)
                    + " gives the delays (delay_ms); remove 'delay_ms' or the file's column");
            int[] steps = new int[fileDelayMs.length];
            for (int i = 0; i < steps.length; i++) steps[i] = ctx.stepsOf(fileNode, fileDelayMs[i], true);
            b.delays(Delays.array(steps));
            out.put("delay_ms", "array[" + steps.length + "] from the file");
        } else if (f.has("delay_ms") && list && f.get("delay_ms") instanceof Sequence s) {
            // with an explicit list, a list of delays is one per synapse (not [min, max])
            int[] steps = new int[s.items().size()];
            for (int i = 0; i < steps.length; i++) steps[i] = ctx.stepsOf(s.items().get(i), Fields.number(s.items().get(i)), true);
            b.delays(Delays.array(steps));
            out.put("delay_ms", "array[" + steps.length + "]");
        } else if (f.has("delay_ms")) {
            YamlNode d = f.get("delay_ms");
            if (d instanceof Sequence s) {
                if (s.items().size() != 2) throw ModelFileException.at(d, "expected [min, max] in ms, got " + s.items().size() + " values");
                int lo = ctx.stepsOf(s.items().get(0), Fields.number(s.items().get(0)), true);
                int hi = ctx.stepsOf(s.items().get(1), Fields.number(s.items().get(1)), true);
                b.delays(checked(d, () -> Delays.uniform(lo, hi)));
                out.put("delay_ms", List.of(lo * ctx.dt(), hi * ctx.dt()));
            } else {
                int k = ctx.stepsOf(d, Fields.number(d), true);
                b.delays(checked(d, () -> Delays.constant(k)));
                out.put("delay_ms", k * ctx.dt());
            }
        } else {
            out.put("delay_ms", 0.0);
        }
        SynapseEquationsReader.Read eqs = new SynapseEquationsReader(ctx).read(f, pre, post, out);
        if (eqs != null && eqs.weight() != null) b.weights(eqs.weight());
        if (eqs != null && f.has("plasticity")) {
            throw ModelFileException.at(f.get("plasticity"), "a built-in rule ('plasticity') and synapse equations exclude each"
                    + " other; keep one");
        }
        if (eqs != null) b.plasticity(new Plasticity.Equations(eqs.model(), ctx.equations().synapses(), eqs.initial(),
                eqs.order()));
        String storage = f.has("storage") ? Fields.choice(f.get("storage"), Schema.STORAGE) : "auto";
        b.storage(Storage.valueOf(storage.toUpperCase(java.util.Locale.ROOT)));
        out.put("storage", storage);
        if (f.has("plasticity")) {
            Map<String, Object> rule = new LinkedHashMap<>();
            YamlNode pn = f.get("plasticity");
            b.plasticity(checked(pn, () -> plasticity(pn, rule)));
            out.put("plasticity", rule);
        }
        return checked(node, b::build);
    }

    /** A {@code plasticity:} mapping; every value is echoed to {@code out} (run.json). */
    static Plasticity plasticity(YamlNode node, Map<String, Object> out) {
        String rule = kind(node, "rule", "rules", Schema.PLASTICITY);
        Fields f = Fields.of(node, Schema.PLASTICITY.get(rule));
        out.put("rule", rule);
        if (rule.equals("spnet")) {
            Plasticity.Spnet d = Plasticity.spnet(1);
            double wMax = number(node, f, "w_max", Double.NaN, out);
            return new Plasticity.Spnet(wMax, number(node, f, "ltp", d.ltp(), out), number(node, f, "ltd", d.ltd(), out),
                    number(node, f, "decay_per_ms", d.decayPerMs(), out), number(node, f, "drift", d.drift(), out),
                    number(node, f, "sd_decay", d.sdDecay(), out), number(node, f, "period_ms", d.periodMs(), out));
        }
        double tauPre = number(node, f, "tau_pre_ms", 20, out), tauPost = number(node, f, "tau_post_ms", 20, out);
        double aPre = number(node, f, "a_pre", 0.01, out);
        double aPost = number(node, f, "a_post", -aPre * tauPre / tauPost * 1.05, out);
        double wMax = number(node, f, "w_max", Double.NaN, out);
        String dep = f.has("weight_dependence") ? Fields.choice(f.get("weight_dependence"), Schema.WEIGHT_DEPENDENCE) : "additive";
        String pairing = f.has("pairing") ? Fields.choice(f.get("pairing"), Schema.PAIRING) : "all_to_all";
        out.put("weight_dependence", dep);
        out.put("pairing", pairing);
        return Plasticity.stdp(tauPre, tauPost, aPre, aPost, wMax,
                Plasticity.WeightDependence.valueOf(dep.toUpperCase(java.util.Locale.ROOT)),
                Plasticity.Pairing.valueOf(pairing.toUpperCase(java.util.Locale.ROOT)));
    }

    /** The number at {@code key}, or {@code dflt} (NaN: required), refused at its node when the rule refuses it. */
    private static double number(YamlNode node, Fields f, String key, double dflt, Map<String, Object> out) {
        if (!f.has(key) && Double.isNaN(dflt)) throw ModelFileException.at(node, "missing required key '" + key + "' of the " + out.get("rule") + " rule");
        double x = f.has(key) ? Fields.number(f.get(key)) : dflt;
        if (f.has(key) && !Double.isFinite(x)) throw ModelFileException.at(f.get(key), key + " must be a finite number, got " + x);
        out.put(key, x);
        return x;
    }

    /** {@code rule: list}: pairs given inline ({@code pre}, {@code post}) or by a file (pre, post and optional w, delay_ms). */
    private Connectivity explicitList(Fields f, Map<String, Object> out) {
        if (f.has("file")) {
            for (String k : List.of("pre", "post")) {
                if (f.has(k)) throw ModelFileException.at(f.get(k), "'" + k + "' and 'file' exclude each other");
            }
            fileNode = f.get("file");
            Map<String, double[]> cols = DataFiles.columns(fileNode, ctx, List.of("pre", "post"), List.of("w", "delay_ms"));
            fileW = cols.get("w");
            fileDelayMs = cols.get("delay_ms");
            out.put("file", Fields.string(fileNode));
            out.put("synapses", cols.get("pre").length);
            return Connectivity.explicit(DataFiles.ints(fileNode, "pre", cols.get("pre")), DataFiles.ints(fileNode, "post", cols.get("post")));
        }
        int[] pre = SourceReader.ints(f.get("pre")), post = SourceReader.ints(f.get("post"));
        if (pre.length != post.length) throw ModelFileException.at(f.get("post"), pre.length + " pre but " + post.length + " post indices");
        out.put("synapses", pre.length);
        return Connectivity.explicit(pre, post);
    }

    Connectivity connectivity(YamlNode node, NeuronGroup post, Map<String, Object> out) {
        String rule = kind(node, "rule", "rules", Schema.RULES);
        Fields f = Fields.of(node, Schema.RULES.get(rule));
        out.put("rule", rule);
        return switch (rule) {
            case "all_to_all" -> Connectivity.allToAll();
            case "one_to_one" -> Connectivity.oneToOne();
            case "list" -> explicitList(f, out);
            case "probability" -> {
                YamlNode p = f.get("p");
                double x = Fields.number(p);
                out.put("p", x);
                yield checked(p, () -> Connectivity.probability(x));
            }
            default -> {
                int k = Fields.intIn(f.get("k"), 0, Integer.MAX_VALUE);
                out.put("k", k);
                if (!f.has("population")) {
                    if (f.has("draw")) throw ModelFileException.at(f.get("draw"), "'draw' needs 'population' beside it");
                    yield Connectivity.fixedInDegree(k);
                }
                YamlNode popNode = f.get("population");
                List<NeuronGroup> pop = new ArrayList<>();
                for (YamlNode g : Fields.sequence(popNode).items()) {
                    NeuronGroup ng = ctx.groupRef(g);
                    if (pop.contains(ng)) throw ModelFileException.at(g, "group '" + ng.name() + "' listed twice");
                    pop.add(ng);
                }
                String draw = f.string("draw", "indegree->" + post.name());
                out.put("population", pop.stream().map(NeuronGroup::name).toList());
                out.put("draw", draw);
                yield checked(popNode, () -> Connectivity.fixedInDegreeFrom(k, draw, pop));
            }
        };
    }
}
