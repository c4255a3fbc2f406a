package org.izhsim.io.model;

import static org.izhsim.io.model.Values.choices;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.izhsim.network.NeuronGroup;
import org.izhsim.network.StateMonitor;

/**
 * The {@code outputs} section: directory, figures, data files and the neuron whose trace is
 * drawn under the raster (the first group's neuron 0 unless given).
 *
 * @param outputs     directory, figures and data
 * @param traceGroup  the traced neuron's group
 * @param traceNeuron its index within the group
 * @param trace       the monitor of its v, u and I
 * @param resolved    the section as run.json records it
 */
record OutputsReader(ModelFile.Outputs outputs, NeuronGroup traceGroup, int traceNeuron, StateMonitor trace,
                     Map<String, Object> resolved) {

    static OutputsReader read(Fields top, Context ctx) {
        Path dir = null;
        Set<String> figures = new LinkedHashSet<>(Schema.FIGURES), data = new LinkedHashSet<>(Schema.DEFAULT_DATA);
        // the first group with a v: a spike source has none
        NeuronGroup traceGroup = ctx.groups().values().stream().filter(g -> g.source() == null).findFirst().orElse(null);
        int traceNeuron = 0;
        if (top.has("outputs")) {
            Fields out = Fields.of(top.get("outputs"), Schema.OUTPUTS);
            if (out.has("dir")) dir = Path.of(out.string("dir"));
            if (out.has("figures")) figures = choices(out.get("figures"), Schema.FIGURES, true);
            if (out.has("data")) data = choices(out.get("data"), Schema.DATA, false);
            if (out.has("trace")) {
                Fields tr = Fields.of(out.get("trace"), Schema.TRACE);
                traceGroup = ctx.groupRef(tr.get("group"));
                if (traceGroup.source() != null) {
                    throw ModelFileException.at(tr.get("group"), "group '" + traceGroup.name() + "' is a spike source and has no v to trace");
                }
                traceNeuron = tr.has("neuron") ? Fields.intIn(tr.get("neuron"), 0, traceGroup.size() - 1) : 0;
            }
        }
        if (traceGroup == null) {
            throw ModelFileException.at(top.get("groups"), "every group is a spike source: a network needs a group of neurons");
        }
        StateMonitor trace = StateMonitor.of(traceGroup, new int[] {traceNeuron}, 1, StateMonitor.Variable.V,
                StateMonitor.Variable.U, StateMonitor.Variable.I).named("trace");
        Map<String, Object> outOut = new LinkedHashMap<>();
        outOut.put("dir", dir == null ? "(command line)" : dir.toString());
        outOut.put("figures", List.copyOf(figures));
        outOut.put("data", List.copyOf(data));
        outOut.put("trace", Map.of("group", traceGroup.name(), "neuron", traceNeuron));
        return new OutputsReader(new ModelFile.Outputs(dir, Set.copyOf(figures), Set.copyOf(data)), traceGroup, traceNeuron, trace,
                outOut);
    }
}
