package org.izhsim.io.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.izhsim.io.DataFormat;

/**
 * The keys a model file may hold, section by section: the single list the reader checks
 * against (an unknown key is an error naming these) and the test checks the reference in
 * {@code docs/model-files.md} against (every accepted key documented, nothing documented that
 * is not accepted).
 */
public final class Schema {
    private Schema() {}

    /** The schema version this izhsim reads ({@code izhsim: 1}). */
    public static final int VERSION = 1;

    static final List<String> TOP = List.of("izhsim", "name", "description", "simulation", "groups", "synapses", "inputs",
            "monitors", "outputs");
    static final List<String> SIMULATION = List.of("duration_ms", "dt_ms", "scheme", "seed", "threads", "pulse_ms");
    static final List<String> GROUP = List.of("size", "model", "preset", "params", "initial", "spikes", "rate_hz");
    /** Keys of a spike generator's inline {@code spikes}. */
    static final List<String> SPIKES = List.of("indices", "times_ms");
    /** Keys of a {@code model:} mapping: an equation model instead of a built-in name. */
    static final List<String> MODEL = List.of("equations");
    /** Parameters of the built-in models (an equation model's own names replace these). */
    static final List<String> PARAMS = List.of("a", "b", "c", "d");
    /** The parameters of a {@code model: izh2007} group, in the order of {@code Izhikevich2007Model}. */
    static final List<String> PARAMS_2007 = List.of("C", "k", "vr", "vt", "vpeak", "a", "b", "c", "d");
    static final List<String> INITIAL = List.of("v", "u");
    static final List<String> SYNAPSE = List.of("name", "from", "to", "tag", "connectivity", "weight", "delay_ms", "storage", "target");
    static final List<String> OUTPUTS = List.of("dir", "figures", "data", "trace");
    static final List<String> TRACE = List.of("group", "neuron");

    /** Keys of {@code connectivity} per rule. */
    static final Map<String, List<String>> RULES = orderedMap(
            "all_to_all", List.of("rule"),
            "one_to_one", List.of("rule"),
            "probability", List.of("rule", "p"),
            "fixed_indegree", List.of("rule", "k", "population", "draw"),
            "list", List.of("rule", "pre", "post", "file"));

    /** Keys of an input per type. */
    static final Map<String, List<String>> INPUTS = orderedMap(
            "noise", List.of("type", "name", "group", "sigma", "period_ms"),
            "constant", List.of("type", "name", "group", "amplitude"),
            "current", List.of("type", "name", "group", "expression"),
            "poisson", List.of("type", "name", "group", "sources", "rate_hz", "weight"));

    /** Keys of a monitor per type. */
    static final Map<String, List<String>> MONITORS = orderedMap(
            "spikes", List.of("type", "name", "group", "neurons"),
            "state", List.of("type", "name", "group", "neurons", "variables", "every_ms"),
            "rate", List.of("type", "name", "group", "bin_ms"));

    static final List<String> STORAGE = List.of("auto", "dense", "csr");
    static final List<String> FIGURES = List.of("png", "svg");
    /** The data formats of {@link DataFormat}, and run.json. */
    static final List<String> DATA = withJson(List.of(DataFormat.values()));
    /** The data files written when a file's outputs name none: run.nwb only on request (it can be large). */
    static final List<String> DEFAULT_DATA = withJson(DataFormat.DEFAULT);
    static final List<String> VARIABLES = List.of("v", "u", "I");

    /**
     * Every section and its keys, as the reference documents them: {@code groups.NAME} stands
     * for any group, {@code synapses[]} for any item of the list; keys of typed sections are the
     * union over their rule or type.
     */
    public static Map<String, List<String>> sections() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("top level", TOP);
        m.put("simulation", SIMULATION);
        m.put("groups.NAME", GROUP);
        m.put("groups.NAME.model", MODEL);
        m.put("groups.NAME.params", PARAMS);
        m.put("groups.NAME.params (model: izh2007)", PARAMS_2007);
        m.put("groups.NAME.initial", INITIAL);
        m.put("groups.NAME.spikes", SPIKES);
        m.put("synapses[]", SYNAPSE);
        m.put("synapses[].connectivity", union(RULES));
        m.put("inputs[]", union(INPUTS));
        m.put("monitors[]", union(MONITORS));
        m.put("outputs", OUTPUTS);
        m.put("outputs.trace", TRACE);
        return m;
    }

    private static List<String> union(Map<String, List<String>> byType) {
        LinkedHashSet<String> all = new LinkedHashSet<>();
        byType.values().forEach(all::addAll);
        return new ArrayList<>(all);
    }

    private static Map<String, List<String>> orderedMap(Object... kv) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<String> v = (List<String>) kv[i + 1];
            m.put((String) kv[i], v);
        }
        return m;
    }

    private static List<String> withJson(java.util.Collection<DataFormat> formats) {
        List<String> ids = new ArrayList<>();
        for (DataFormat f : formats) ids.add(f.id());
        ids.add("json");
        return List.copyOf(ids);
    }
}
