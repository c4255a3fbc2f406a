package org.izhsim.io.model;

import static org.izhsim.io.model.Values.checkName;
import static org.izhsim.io.model.Values.checked;
import static org.izhsim.io.model.Values.describe;
import static org.izhsim.io.model.Values.unique;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.izhsim.equations.EquationKernel;
import org.izhsim.equations.SynapseKernel;
import org.izhsim.io.model.YamlNode.Mapping;
import org.izhsim.io.model.YamlNode.Scalar;
import org.izhsim.network.Input;
import org.izhsim.network.Monitor;
import org.izhsim.network.Network;
import org.izhsim.network.NeuronGroup;
import org.izhsim.network.SpikeMonitor;
import org.izhsim.network.SynapseGroup;

/**
 * Maps a {@link YamlNode} tree onto the core's network API, one reader per section, in the
 * order that later sections need: {@link RunSettingsReader} (the time grid), groups
 * ({@link GroupReader}, their models through {@link ModelResolver}), {@link SynapseReader},
 * {@link InputReader}, {@link MonitorReader}, {@link OutputsReader}. Each reader checks a value
 * where it reads it, so that an error can point at it; what they share is a {@link Context}
 * and the helpers of {@link Values}. Expressions are parsed by {@link org.izhsim.expr.Expression}
 * (over r for per-neuron values and weights, over t for currents); nothing here evaluates text by
 * other means.
 */
final class ModelFileReader {
    /**
     * Where a group's equation files are read from and what compiles them.
     *
     * @param dir      the model file's directory: equation paths are relative to it
     * @param text     the model file's text, to place errors inside inline equations
     * @param compiler compiles equation models (izhsim-codegen's), or null to refuse them
     * @param synapses compiles synapse models (izhsim-codegen's), or null to refuse them
     */
    record Equations(Path dir, String text, EquationKernel.Compiler compiler, SynapseKernel.Compiler synapses) {}

    private final Map<String, Object> resolved = new LinkedHashMap<>();

    private ModelFileReader() {}

    static ModelFile map(String file, String baseName, String sha256, YamlNode root, ModelFile.Overrides over,
                         Equations equations) {
        return new ModelFileReader().read(file, baseName, sha256, root, over, equations);
    }

    private ModelFile read(String file, String baseName, String sha256, YamlNode root, ModelFile.Overrides over,
                           Equations equations) {
        Fields top = Fields.of(root, Schema.TOP);
        YamlNode version = top.get("izhsim");
        if (!(version instanceof Scalar s && s.type() == Scalar.Type.INTEGER && s.text().equals(String.valueOf(Schema.VERSION)))) {
            throw ModelFileException.at(version, "unsupported schema version " + describe(version) + "; this izhsim reads "
                    + Schema.VERSION);
        }
        String name = top.string("name", baseName);
        String description = top.string("description", "");
        resolved.put("izhsim", Schema.VERSION);
        resolved.put("name", name);

        RunSettingsReader run = RunSettingsReader.read(top.get("simulation"), over);
        resolved.put("simulation", run.resolved());
        Context ctx = new Context(equations, run.grid(), run.scheme());
        Network.Builder nb = Network.builder().seed(run.seed()).dt(ctx.dt()).scheme(run.scheme()).pulseMs(run.pulseMs());

        // groups, in file order: this order is the global neuron numbering
        Mapping gs = Fields.mapping(top.get("groups"));
        if (gs.entries().isEmpty()) throw ModelFileException.at(gs, "a network needs at least one group");
        GroupReader groups = new GroupReader(ctx);
        Map<String, Object> groupsOut = new LinkedHashMap<>();
        for (var e : gs.entries().entrySet()) {
            checkName(gs.keyPositions().get(e.getKey()), e.getValue().path(), e.getKey());
            Map<String, Object> gOut = new LinkedHashMap<>();
            NeuronGroup g = groups.group(e.getKey(), e.getValue(), gOut);
            ctx.groups().put(g.name(), g);
            groupsOut.put(g.name(), gOut);
            nb.add(g);
        }
        resolved.put("groups", groupsOut);

        for (SynapseGroup sg : list(top, "synapses", new SynapseReader(ctx)::synapse)) nb.add(sg);
        for (Input in : list(top, "inputs", new InputReader(ctx)::input)) nb.add(in);
        SpikeMonitor spikes = SpikeMonitor.all();
        nb.add(spikes);
        Set<String> monitorNames = new LinkedHashSet<>(List.of(spikes.name(), "trace"));
        MonitorReader monitors = new MonitorReader(ctx);
        List<Monitor<?>> recorded = list(top, "monitors", (item, out) -> {
            Monitor<?> m = monitors.monitor(item, out);
            unique(monitorNames, item, "monitor", m.name());
            return m;
        });
        recorded.forEach(nb::add);

        OutputsReader outputs = OutputsReader.read(top, ctx);
        nb.add(outputs.trace());
        resolved.put("outputs", outputs.resolved());

        Network network = checked(root, nb::build);
        return new ModelFile(file, modelHash(sha256, ctx), name, description, network, run.durationMs(), run.threads(), spikes,
                outputs.trace(), outputs.traceGroup(), outputs.traceNeuron(), List.copyOf(recorded), outputs.outputs(), resolved);
    }

    /**
     * The items of the list under {@code key} (none if absent), each read by {@code read},
     * which also fills the item's resolved configuration, kept under the same key.
     */
    private <T> List<T> list(Fields top, String key, BiFunction<YamlNode, Map<String, Object>, T> read) {
        List<T> items = new ArrayList<>();
        List<Map<String, Object>> out = new ArrayList<>();
        if (top.has(key)) {
            for (YamlNode item : Fields.sequence(top.get(key)).items()) {
                Map<String, Object> o = new LinkedHashMap<>();
                items.add(read.apply(item, o));
                out.add(o);
            }
        }
        resolved.put(key, out);
        return items;
    }

    /**
     * The model hash: the file's SHA-256 alone, or, when groups use equation files, the SHA-256
     * of it followed by each equation file's, one per line in order of first use.
     */
    private static String modelHash(String fileSha256, Context ctx) {
        if (ctx.equationFiles().isEmpty()) return fileSha256;
        StringBuilder sb = new StringBuilder(fileSha256).append('\n');
        for (String sha : ctx.equationFiles().values()) sb.append(sha).append('\n');
        return org.izhsim.io.RunInfo.sha256(sb.toString().getBytes(StandardCharsets.UTF_8));
    }
}
