package org.izhsim.io.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.izhsim.equations.EquationException;
import org.izhsim.equations.EquationKernel;
import org.izhsim.equations.EquationModel;
import org.izhsim.expr.Expression;
import org.izhsim.expr.ExpressionException;
import org.izhsim.integrate.Izhikevich2007Kernel;
import org.izhsim.integrate.Scheme;
import org.izhsim.io.model.YamlNode.Mapping;
import org.izhsim.io.model.YamlNode.Scalar;
import org.izhsim.io.model.YamlNode.Sequence;
import org.izhsim.model.Izhikevich2007Model;
import org.izhsim.model.Izhikevich2007Presets;
import org.izhsim.model.Izhikevich2007Presets.Preset2007;
import org.izhsim.model.IzhikevichModel;
import org.izhsim.model.Preset;
import org.izhsim.model.Presets;
import org.izhsim.network.Connectivity;
import org.izhsim.network.Delays;
import org.izhsim.network.Input;
import org.izhsim.network.Monitor;
import org.izhsim.network.Network;
import org.izhsim.network.NeuronGroup;
import org.izhsim.network.PerNeuron;
import org.izhsim.network.RateMonitor;
import org.izhsim.network.SpikeMonitor;
import org.izhsim.network.StateMonitor;
import org.izhsim.network.Storage;
import org.izhsim.network.SynapseGroup;
import org.izhsim.network.Weights;

/**
 * Maps a {@link YamlNode} tree onto the core's network API, section by section, checking each
 * value where it is read so that the error can point at it. Expressions are parsed by
 * {@link org.izhsim.expr.Expression} (over r for per-neuron values and weights, over t for
 * currents); nothing here evaluates text by other means.
 */
final class ModelFileReader {
    private static final List<String> R = List.of("r");
    private static final Map<String, IzhikevichModel> MODELS = Map.of(
            IzhikevichModel.STANDARD.name(), IzhikevichModel.STANDARD,
            IzhikevichModel.CLASS1_VARIANT.name(), IzhikevichModel.CLASS1_VARIANT,
            IzhikevichModel.ACCOMMODATION.name(), IzhikevichModel.ACCOMMODATION);
    private static final List<String> MODEL_NAMES = List.of(IzhikevichModel.STANDARD.name(),
            IzhikevichModel.CLASS1_VARIANT.name(), IzhikevichModel.ACCOMMODATION.name());

    private static final java.util.regex.Pattern DECIMAL = java.util.regex.Pattern.compile(
            "[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    /**
     * Where a group's equation files are read from and what compiles them.
     *
     * @param dir      the model file's directory: equation paths are relative to it
     * @param text     the model file's text, to place errors inside inline equations
     * @param compiler compiles equation models (izhsim-codegen's), or null to refuse them
     */
    record Equations(Path dir, String text, EquationKernel.Compiler compiler) {}

    private final Equations equations;
    /** SHA-256 of each equation file used, by its path as shown, in order of first use. */
    private final Map<String, String> equationFiles = new LinkedHashMap<>();
    private final Map<String, NeuronGroup> groups = new LinkedHashMap<>();
    private final Map<String, Object> resolved = new LinkedHashMap<>();
    private final Set<String> synapseNames = new LinkedHashSet<>(), inputNames = new LinkedHashSet<>();
    private double dt;
    private Scheme scheme;

    private ModelFileReader(Equations equations) {
        this.equations = equations;
    }

    static ModelFile map(String file, String baseName, String sha256, YamlNode root, ModelFile.Overrides over,
                         Equations equations) {
        return new ModelFileReader(equations).read(file, baseName, sha256, root, over);
    }

    private ModelFile read(String file, String baseName, String sha256, YamlNode root, ModelFile.Overrides over) {
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

        // simulation
        Fields sim = Fields.of(top.get("simulation"), Schema.SIMULATION);
        dt = sim.has("dt_ms") ? positive(sim.get("dt_ms")) : 1.0;
        double duration;
        if (over.durationMs() != null) {
            duration = over.durationMs();
            if (!(duration > 0) || wholeSteps(duration) < 0) {
                throw new IllegalArgumentException("--duration " + duration + " ms is not a positive whole number of steps of dt_ms "
                        + dt + " (" + sim.node().position() + ")");
            }
        } else {
            YamlNode d = sim.get("duration_ms");
            duration = positive(d);
            if (wholeSteps(duration) < 0) {
                throw ModelFileException.at(d, duration + " ms is not a whole number of steps of dt_ms " + dt);
            }
        }
        scheme = Scheme.NETM;
        if (sim.has("scheme")) {
            YamlNode n = sim.get("scheme");
            scheme = checked(n, () -> Scheme.byId(Fields.string(n)));
        }
        long seed = over.seed() != null ? over.seed() : sim.has("seed") ? sim.integer("seed") : 1;
        Integer threads = over.threads() != null ? over.threads()
                : sim.has("threads") ? Fields.intIn(sim.get("threads"), 1, 4096) : null;
        double pulseMs = sim.has("pulse_ms") ? positive(sim.get("pulse_ms")) : 1.0;
        if (sim.has("pulse_ms")) stepsOf(sim.get("pulse_ms"), pulseMs);
        Map<String, Object> simOut = new LinkedHashMap<>();
        simOut.put("duration_ms", duration);
        simOut.put("dt_ms", dt);
        simOut.put("scheme", scheme.id());
        simOut.put("seed", seed);
        simOut.put("threads", threads == null ? "all cores" : threads);
        simOut.put("pulse_ms", pulseMs);
        resolved.put("simulation", simOut);

        Network.Builder nb = Network.builder().seed(seed).dt(dt).scheme(scheme).pulseMs(pulseMs);

        // groups, in file order: this order is the global neuron numbering
        Mapping gs = Fields.mapping(top.get("groups"));
        if (gs.entries().isEmpty()) throw ModelFileException.at(gs, "a network needs at least one group");
        Map<String, Object> groupsOut = new LinkedHashMap<>();
        for (var e : gs.entries().entrySet()) {
            checkName(gs.keyPositions().get(e.getKey()), e.getValue().path(), e.getKey());
            Map<String, Object> gOut = new LinkedHashMap<>();
            NeuronGroup g = group(e.getKey(), e.getValue(), gOut);
            groups.put(g.name(), g);
            groupsOut.put(g.name(), gOut);
            nb.add(g);
        }
        resolved.put("groups", groupsOut);

        for (SynapseGroup sg : list(top, "synapses", this::synapse)) nb.add(sg);
        for (Input in : list(top, "inputs", this::input)) nb.add(in);
        SpikeMonitor spikes = SpikeMonitor.all();
        nb.add(spikes);
        Set<String> monitorNames = new LinkedHashSet<>(List.of(spikes.name(), "trace"));
        List<Monitor<?>> recorded = list(top, "monitors", (item, out) -> {
            Monitor<?> m = monitor(item, out);
            unique(monitorNames, item, "monitor", m.name());
            return m;
        });
        recorded.forEach(nb::add);

        // outputs
        Path dir = null;
        Set<String> figures = new LinkedHashSet<>(Schema.FIGURES), data = new LinkedHashSet<>(Schema.DEFAULT_DATA);
        NeuronGroup traceGroup = groups.values().iterator().next();
        int traceNeuron = 0;
        if (top.has("outputs")) {
            Fields out = Fields.of(top.get("outputs"), Schema.OUTPUTS);
            if (out.has("dir")) dir = Path.of(out.string("dir"));
            if (out.has("figures")) figures = choices(out.get("figures"), Schema.FIGURES, true);
            if (out.has("data")) data = choices(out.get("data"), Schema.DATA, false);
            if (out.has("trace")) {
                Fields tr = Fields.of(out.get("trace"), Schema.TRACE);
                traceGroup = groupRef(tr.get("group"));
                traceNeuron = tr.has("neuron") ? Fields.intIn(tr.get("neuron"), 0, traceGroup.size() - 1) : 0;
            }
        }
        StateMonitor trace = StateMonitor.of(traceGroup, new int[] {traceNeuron}, 1, StateMonitor.Variable.V,
                StateMonitor.Variable.U, StateMonitor.Variable.I).named("trace");
        nb.add(trace);
        Map<String, Object> outOut = new LinkedHashMap<>();
        outOut.put("dir", dir == null ? "(command line)" : dir.toString());
        outOut.put("figures", List.copyOf(figures));
        outOut.put("data", List.copyOf(data));
        outOut.put("trace", Map.of("group", traceGroup.name(), "neuron", traceNeuron));
        resolved.put("outputs", outOut);

        Network network = checked(root, nb::build);
        return new ModelFile(file, modelHash(sha256), name, description, network, duration, threads, spikes, trace, traceGroup,
                traceNeuron, List.copyOf(recorded), new ModelFile.Outputs(dir, Set.copyOf(figures), Set.copyOf(data)),
                resolved);
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

    private NeuronGroup group(String name, YamlNode node, Map<String, Object> out) {
        Fields f = Fields.of(node, Schema.GROUP);
        int size = Fields.intIn(f.get("size"), 1, Integer.MAX_VALUE - 64);
        NeuronGroup.Builder b = NeuronGroup.builder(name, size);
        out.put("size", size);
        if (f.has("model") && f.get("model") instanceof Scalar m && IZH2007.equals(Fields.string(m).trim())) {
            return group2007(node, f, size, b, out);
        }
        if (f.has("model") && resolveModel(f.get("model"), out) instanceof EquationModel eq) {
            if (f.has("preset")) {
                throw ModelFileException.at(f.get("preset"), "a preset takes a built-in model; an equation model's values "
                        + "come from 'params' and 'initial'");
            }
            b.equations(eq, equations.compiler());
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
        if (f.has("model")) model = (IzhikevichModel) resolveModel(f.get("model"), out);
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
    private static Map<String, Object> initial(Fields f, int size, NeuronGroup.Builder b) {
        Map<String, Object> init = new LinkedHashMap<>();
        if (f.has("initial")) {
            Fields in = Fields.of(f.get("initial"), Schema.INITIAL);
            if (in.has("v")) b.v0(perNeuron(in.get("v"), size, init, "v"));
            if (in.has("u")) b.u0(perNeuron(in.get("u"), size, init, "u"));
        }
        return init;
    }

    /** The model name of the built-in 2007 dimensional model. */
    private static final String IZH2007 = "izh2007";

    /**
     * A group of the 2007 dimensional model: a book cell ({@code preset}, default RS) whose
     * parameters {@code params} may override (numbers, one value for the whole group, in the
     * model's units), v starting at vr and u at 0 unless {@code initial} says otherwise (per
     * neuron). The scheme must be euler or rk4.
     */
    private NeuronGroup group2007(YamlNode node, Fields f, int size, NeuronGroup.Builder b, Map<String, Object> out) {
        checked(f.get("model"), () -> Izhikevich2007Kernel.requireSupported(scheme));
        Preset2007 preset = Izhikevich2007Presets.byId("RS");
        if (f.has("preset")) {
            YamlNode pn = f.get("preset");
            preset = checked(pn, () -> Izhikevich2007Presets.byId(Fields.string(pn)));
        }
        out.put("model", IZH2007);
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
        Map<String, Object> init = initial(f, size, b);
        init.putIfAbsent("v", "vr");
        init.putIfAbsent("u", 0.0);
        out.put("initial", init);
        return checked(node, b::build);
    }

    /**
     * THE place where a group's {@code model:} value becomes a model: a built-in name
     * ({@link IzhikevichModel}), or {@code {equations: FILE}} ({@link EquationModel}, the file
     * relative to the model file, parsed, checked and compiled for the file's scheme here so
     * that every refusal points at this key). An equation model's description goes into
     * {@code out}'s "model".
     */
    private Object resolveModel(YamlNode node, Map<String, Object> out) {
        if (node instanceof Mapping) {
            YamlNode fileNode = Fields.of(node, Schema.MODEL).get("equations");
            String written = Fields.string(fileNode);
            if (equations.compiler() == null) {
                throw ModelFileException.at(fileNode, "equation models need a compiler, and this reader was given none "
                        + "(izhsim run passes one)");
            }
            if (written.contains("\n")) return inlineEquations(fileNode, written, out);
            Path path = equations.dir().resolve(written).normalize();
            String shown = path.toString();
            byte[] bytes;
            try {
                if (Files.isDirectory(path)) throw ModelFileException.at(fileNode, "equation file " + shown + " is a directory");
                bytes = Files.readAllBytes(path);
            } catch (java.nio.file.NoSuchFileException e) {
                throw ModelFileException.at(fileNode, "equation file " + shown + " does not exist (paths are relative to "
                        + "the model file)");
            } catch (IOException e) {
                throw ModelFileException.at(fileNode, "cannot read equation file " + shown + ": " + e.getMessage());
            }
            EquationModel eq;
            try {
                eq = EquationModel.parse(new String(bytes, StandardCharsets.UTF_8), shown);
            } catch (EquationException e) {
                // the equation file's own place first, then where the model file uses it
                throw new ModelFileException(e.getMessage() + " (used at " + fileNode.position() + ": " + fileNode.path() + ")",
                        "", e);
            }
            compile(fileNode, eq);
            String sha = org.izhsim.io.RunInfo.sha256(bytes);
            equationFiles.putIfAbsent(shown, sha);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("equations", written);
            m.put("file", shown);
            m.put("sha256", sha);
            m.put("hash", eq.hash());
            m.put("normalized", eq.normalized());
            out.put("model", m);
            return eq;
        }
        String id = Fields.string(node).trim();
        IzhikevichModel m = MODELS.get(id);
        if (m == null) {
            throw ModelFileException.at(node, "unknown model '" + id + "'; built-in: " + String.join(", ", MODEL_NAMES)
                    + ", " + IZH2007 + "; or {equations: FILE}");
        }
        return m;
    }

    /**
     * Equations written in the model file itself ({@code equations: |} and the lines below):
     * their errors are placed in the model file, line by line under a {@code |} block, else
     * as a line and column within the text. They are part of the file's bytes, hence of its
     * hash already.
     */
    private EquationModel inlineEquations(YamlNode node, String text, Map<String, Object> out) {
        EquationModel eq;
        try {
            eq = EquationModel.parse(text, node.position().file());
        } catch (EquationException e) {
            throw new ModelFileException(inlinePlace(node, e.line(), e.column()) + ": " + node.path() + ": " + e.problem(), "", e);
        }
        compile(node, eq);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("equations", "(inline)");
        m.put("hash", eq.hash());
        m.put("normalized", eq.normalized());
        out.put("model", m);
        return eq;
    }

    /** Where line {@code line}, column {@code column} of an inline text stands in the model file. */
    private String inlinePlace(YamlNode node, int line, int column) {
        YamlNode.Position at = node.position();
        String[] lines = equations.text().split("\r?\n", -1);
        int first = at.line(); // a '|' block's text starts on the line after the indicator
        boolean block = at.line() - 1 < lines.length && at.column() - 1 < lines[at.line() - 1].length()
                && lines[at.line() - 1].charAt(at.column() - 1) == '|';
        if (!block || first + line - 1 >= lines.length) {
            return at + " (line " + line + ", column " + column + " of the equations)";
        }
        int indent = 0;
        for (int i = first; i < lines.length && indent == 0; i++) {
            if (!lines[i].isBlank()) indent = lines[i].length() - lines[i].stripLeading().length();
        }
        return at.file() + ":" + (first + line) + ":" + (indent + column);
    }

    /** Compiles the model for the file's scheme now, so that a scheme it cannot run is refused at {@code node}. */
    private void compile(YamlNode node, EquationModel eq) {
        checked(node, () -> equations.compiler().compile(eq, scheme));
    }

    /**
     * The parameters and initial states of a group that runs an equation model: the names the
     * model declares, each in its declared unit ({@link EquationModel#value}). Every parameter
     * needs a value. A state without one starts at 0, except v at −65 and u at b·v (when the
     * model has a parameter b), as in a built-in group.
     */
    private static void equationValues(Fields f, EquationModel eq, int size, NeuronGroup.Builder b, Map<String, Object> out) {
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
    private static Map<String, Object> namedValues(Fields f, String key, List<String> names, String kind, EquationModel eq,
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
    private static PerNeuron equationValue(EquationModel eq, String name, YamlNode node, int size, Map<String, Object> out) {
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

    private static Expression equationExpression(EquationModel eq, String name, YamlNode node) {
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

    /**
     * The model hash: the file's SHA-256 alone, or, when groups use equation files, the SHA-256
     * of it followed by each equation file's, one per line in order of first use.
     */
    private String modelHash(String fileSha256) {
        if (equationFiles.isEmpty()) return fileSha256;
        StringBuilder sb = new StringBuilder(fileSha256).append('\n');
        for (String sha : equationFiles.values()) sb.append(sha).append('\n');
        return org.izhsim.io.RunInfo.sha256(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    private SynapseGroup synapse(YamlNode node, Map<String, Object> out) {
        Fields f = Fields.of(node, Schema.SYNAPSE);
        NeuronGroup pre = groupRef(f.get("from")), post = groupRef(f.get("to"));
        String name = f.has("name") ? Fields.string(f.get("name")) : pre.name() + "->" + post.name();
        unique(synapseNames, node, "synapse group", name);
        SynapseGroup.Builder b = SynapseGroup.builder(name, pre, post);
        out.put("name", name);
        out.put("from", pre.name());
        out.put("to", post.name());
        String tag = f.string("tag", "GLUTAMATE");
        b.tag(tag);
        out.put("tag", tag);
        Map<String, Object> conn = new LinkedHashMap<>();
        b.connect(f.has("connectivity") ? connectivity(f.get("connectivity"), post, conn) : Connectivity.allToAll());
        conn.putIfAbsent("rule", "all_to_all");
        out.put("connectivity", conn);
        if (f.has("weight")) {
            YamlNode w = f.get("weight");
            if (w instanceof Scalar s && s.type() == Scalar.Type.STRING) {
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
        if (f.has("delay_ms")) {
            YamlNode d = f.get("delay_ms");
            if (d instanceof Sequence s) {
                if (s.items().size() != 2) throw ModelFileException.at(d, "expected [min, max] in ms, got " + s.items().size() + " values");
                int lo = stepsOf(s.items().get(0), Fields.number(s.items().get(0)), true);
                int hi = stepsOf(s.items().get(1), Fields.number(s.items().get(1)), true);
                b.delays(checked(d, () -> Delays.uniform(lo, hi)));
                out.put("delay_ms", List.of(lo * dt, hi * dt));
            } else {
                int k = stepsOf(d, Fields.number(d), true);
                b.delays(checked(d, () -> Delays.constant(k)));
                out.put("delay_ms", k * dt);
            }
        } else {
            out.put("delay_ms", 0.0);
        }
        String storage = f.has("storage") ? Fields.choice(f.get("storage"), Schema.STORAGE) : "auto";
        b.storage(Storage.valueOf(storage.toUpperCase(java.util.Locale.ROOT)));
        out.put("storage", storage);
        return checked(node, b::build);
    }

    private Connectivity connectivity(YamlNode node, NeuronGroup post, Map<String, Object> out) {
        Mapping m = Fields.mapping(node);
        YamlNode ruleNode = m.entries().get("rule");
        if (ruleNode == null) {
            throw ModelFileException.at(m, "missing required key 'rule'; rules: " + String.join(", ", Schema.RULES.keySet()));
        }
        String rule = Fields.choice(ruleNode, List.copyOf(Schema.RULES.keySet()));
        Fields f = Fields.of(node, Schema.RULES.get(rule));
        out.put("rule", rule);
        return switch (rule) {
            case "all_to_all" -> Connectivity.allToAll();
            case "one_to_one" -> Connectivity.oneToOne();
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
                    NeuronGroup ng = groupRef(g);
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

    private Input input(YamlNode node, Map<String, Object> out) {
        Mapping m = Fields.mapping(node);
        YamlNode typeNode = m.entries().get("type");
        if (typeNode == null) {
            throw ModelFileException.at(m, "missing required key 'type'; types: " + String.join(", ", Schema.INPUTS.keySet()));
        }
        String type = Fields.choice(typeNode, List.copyOf(Schema.INPUTS.keySet()));
        Fields f = Fields.of(node, Schema.INPUTS.get(type));
        NeuronGroup g = groupRef(f.get("group"));
        out.put("type", type);
        out.put("group", g.name());
        Input in = switch (type) {
            case "noise" -> {
                PerNeuron sigma = perNeuron(f.get("sigma"), g.size(), out, "sigma");
                double period = f.has("period_ms") ? positive(f.get("period_ms")) : 1.0;
                if (f.has("period_ms")) stepsOf(f.get("period_ms"), period);
                else if (wholeSteps(period) < 0) {
                    throw ModelFileException.at(node, "the default period_ms 1 is not a whole number of steps of dt_ms "
                            + dt + "; give period_ms");
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
        unique(inputNames, node, "input", in.name());
        out.put("name", in.name());
        return in;
    }

    private Monitor<?> monitor(YamlNode node, Map<String, Object> out) {
        Mapping m = Fields.mapping(node);
        YamlNode typeNode = m.entries().get("type");
        if (typeNode == null) {
            throw ModelFileException.at(m, "missing required key 'type'; types: " + String.join(", ", Schema.MONITORS.keySet()));
        }
        String type = Fields.choice(typeNode, List.copyOf(Schema.MONITORS.keySet()));
        Fields f = Fields.of(node, Schema.MONITORS.get(type));
        NeuronGroup g = f.has("group") ? groupRef(f.get("group")) : null;
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
                if (g == null) throw ModelFileException.at(m, "missing required key 'group'");
                int[] ns = f.has("neurons") ? neurons(f.get("neurons"), g) : new int[] {0};
                List<StateMonitor.Variable> vars = new ArrayList<>();
                if (f.has("variables")) {
                    for (String v : choices(f.get("variables"), Schema.VARIABLES, false)) vars.add(StateMonitor.Variable.valueOf(v.toUpperCase(java.util.Locale.ROOT)));
                } else {
                    vars.addAll(EnumSet.allOf(StateMonitor.Variable.class));
                }
                int every = f.has("every_ms") ? stepsOf(f.get("every_ms"), positive(f.get("every_ms"))) : 1;
                out.put("neurons", ns);
                out.put("variables", vars.stream().map(v -> v == StateMonitor.Variable.I ? "I" : v.name().toLowerCase(java.util.Locale.ROOT)).toList());
                out.put("every_ms", every * dt);
                yield StateMonitor.of(g, ns, every, vars.toArray(StateMonitor.Variable[]::new));
            }
            default -> {
                int bin = f.has("bin_ms") ? stepsOf(f.get("bin_ms"), positive(f.get("bin_ms"))) : 1;
                out.put("bin_ms", bin * dt);
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

    /** Refuses a second item of the same name (names key random streams and files). */
    private static void unique(Set<String> seen, YamlNode item, String what, String name) {
        if (!seen.add(name)) {
            throw ModelFileException.at(item, "a second " + what + " named '" + name + "'; give one of them another 'name'");
        }
    }

    private static int[] neurons(YamlNode node, NeuronGroup g) {
        List<YamlNode> items = Fields.sequence(node).items();
        if (items.isEmpty()) throw ModelFileException.at(node, "the list of neurons is empty");
        int[] ns = new int[items.size()];
        for (int i = 0; i < ns.length; i++) ns[i] = Fields.intIn(items.get(i), 0, g.size() - 1);
        return ns;
    }

    /** A per-neuron value: a number, an expression of the neuron's r ~ U(0, 1), or one number per neuron. */
    private static PerNeuron perNeuron(YamlNode node, int size, Map<String, Object> out, String key) {
        switch (node) {
            case Sequence s -> {
                if (s.items().size() != size) {
                    throw ModelFileException.at(node, s.items().size() + " values given for " + size + " neurons");
                }
                double[] xs = new double[size];
                for (int i = 0; i < size; i++) xs[i] = Fields.number(s.items().get(i));
                out.put(key, "array[" + size + "]");
                return PerNeuron.array(xs);
            }
            case Scalar s when s.type() == Scalar.Type.STRING -> {
                Expression e = expression(node, R);
                out.put(key, e.text());
                return e.dependsOn("r") ? PerNeuron.ofUniform(e::at) : checked(node, () -> PerNeuron.constant(e.at(0)));
            }
            default -> {
                double x = Fields.number(node);
                out.put(key, x);
                return PerNeuron.constant(x);
            }
        }
    }

    private static Expression expression(YamlNode node, List<String> variables) {
        String text = Fields.string(node);
        try {
            return Expression.parse(text, variables);
        } catch (ExpressionException e) {
            throw new ModelFileException(node.position() + ": " + node.path() + ": " + e.getMessage(), e.caretDiagram(), e);
        }
    }

    private NeuronGroup groupRef(YamlNode node) {
        String n = Fields.string(node);
        NeuronGroup g = groups.get(n);
        if (g == null) throw ModelFileException.at(node, "unknown group '" + n + "'; groups: " + String.join(", ", groups.keySet()));
        return g;
    }

    private static void checkName(YamlNode.Position at, String path, String name) {
        if (!name.matches("[A-Za-z_][A-Za-z0-9_.:>-]*")) {
            throw ModelFileException.at(at, path, "name '" + name + "' must start with a letter or '_' and hold only letters, "
                    + "digits and _ . : > -");
        }
    }

    private static Set<String> choices(YamlNode node, List<String> allowed, boolean noneAllowed) {
        Set<String> out = new LinkedHashSet<>();
        if (noneAllowed && node instanceof Scalar s && s.type() == Scalar.Type.STRING && s.text().trim().equalsIgnoreCase("none")) {
            return out;
        }
        List<YamlNode> items = node instanceof Sequence s ? s.items() : List.of(node);
        for (YamlNode i : items) {
            if (!out.add(Fields.choice(i, allowed))) throw ModelFileException.at(i, "listed twice");
        }
        return out;
    }

    private static double positive(YamlNode n) {
        double x = Fields.number(n);
        if (!(x > 0)) throw ModelFileException.at(n, "must be positive, got " + Fields.string(n));
        return x;
    }

    /** Whole steps of dt in {@code ms}, or −1 if {@code ms} is not a whole multiple of dt. */
    private long wholeSteps(double ms) {
        double r = ms / dt;
        long k = Math.round(r);
        return Math.abs(r - k) > 1e-9 * Math.max(1, r) ? -1 : k;
    }

    private int stepsOf(YamlNode n, double ms) {
        return stepsOf(n, ms, false);
    }

    /** {@code ms} as whole steps of dt (at least 1 unless {@code zeroOk}). */
    private int stepsOf(YamlNode n, double ms, boolean zeroOk) {
        long k = wholeSteps(ms);
        if (ms < 0 || k < 0 || (k == 0 && !zeroOk) || k > Integer.MAX_VALUE / 4) {
            throw ModelFileException.at(n, ms + " ms is not a " + (zeroOk ? "" : "positive ") + "whole number of steps of dt_ms " + dt);
        }
        return (int) k;
    }

    /** Runs a core constructor; its one-line refusal becomes an error at {@code node}. */
    private static <T> T checked(YamlNode node, Supplier<T> make) {
        try {
            return make.get();
        } catch (ModelFileException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw ModelFileException.at(node, e.getMessage());
        }
    }

    private static String describe(YamlNode n) {
        return n instanceof Scalar s ? s.text() : n.kind();
    }
}
