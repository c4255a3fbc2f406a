package org.izhsim.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.izhsim.codegen.KernelCompiler;
import org.izhsim.equations.EquationNeuron;
import org.izhsim.io.Csv;
import org.izhsim.io.Json;
import org.izhsim.neuron.NeuronSpec;
import org.izhsim.neuron.NeuronSimulator;
import org.izhsim.neuron.NeuronTrace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code izhsim neuron}: one neuron, its traces, phase plane and spike times. */
@Command(name = "neuron", mixinStandardHelpOptions = true,
        header = "One neuron, a preset or your own a, b, c, d: traces, phase.",
        description = {"Simulate one Izhikevich neuron: a preset or your own a, b, c, d, driven by a current expression.",
                "Writes v(t) over I(t), u(t) and the v-u phase plane with both nullclines (an equation model of two",
                "state variables: found numerically)."},
        footer = {"", "Examples:", "  izhsim neuron --preset RS",
                "  izhsim neuron --a 0.02 --b 0.2 --c -50 --d 2 --current 'int(t>100*ms)*10' --duration 1000 --dt 0.5",
                "  izhsim neuron --preset G --scheme rk4 --dt 0.05 --json",
                "  izhsim neuron --model izh2007 --preset RS --current 100 --dt 0.25 --duration 520",
                "  izhsim neuron --nml examples/neuroml/izhikevich2007_cells.nml --cell RS --current 100",
                "  izhsim neuron --equations examples/equations/izhikevich2003.eqs --set a=0.02 --set b=0.2 --set c=-65 \\",
                "      --set d=8 --set v=-70 --set u=-14 --current 'int(t>10*ms)*14' --duration 100"})
final class NeuronCommand implements Callable<Integer> {
    @Mixin
    NeuronOptions neuron;

    @Mixin
    OutputOptions output;

    @Option(names = "--csv", paramLabel = "FILE",
            description = "Also write the trace (t_ms, v_mV, u, I; izh2007: u_pA, I_pA) as CSV.")
    Path csv;

    @Option(names = "--phase-plane",
            description = "With --equations: insist on the phase plane (drawn anyway for a model of two state variables, "
                    + "v and one other, with the nullclines found numerically); a model of more or fewer is refused, "
                    + "naming its variables. The built-in models always draw theirs.")
    boolean phasePlane;

    @Override
    public Integer call() throws Exception {
        checkOutputs();
        if (neuron.equations != null) return callEquations();
        if (!neuron.settings.isEmpty()) throw new IllegalArgumentException("--set needs --equations FILE");
        NeuronSpec setup = neuron.resolveSpec();
        var formats = output.figureFormats();
        long t0 = System.nanoTime();
        NeuronTrace trace = NeuronSimulator.run(setup);
        double runS = (System.nanoTime() - t0) / 1e9;
        String label = neuron.label();
        Map<String, Object> summary = Summaries.neuron("neuron", label, neuron.currentText(), setup, trace, runS);
        List<String> columns = dimensional(setup) ? List.of("t_ms", "v_mV", "u_pA", "I_pA") : List.of("t_ms", "v_mV", "u", "I");
        List<Path> written = write(summary, trace, neuron.fileLabel(), columns,
                (stage, base, provenance) -> Plots.neuron(stage, base, title(label, setup), setup, trace, formats, provenance));
        report(summary, trace, label + modelTag(setup), setup.duration(), setup.scheme().id(), setup.dt(), written);
        return 0;
    }

    /** --equations: the model compiled at run time, then the same outputs (the phase plane for two state variables). */
    private Integer callEquations() throws Exception {
        NeuronOptions.EquationRun run = neuron.resolveEquations();
        EquationNeuron n = run.neuron();
        if (phasePlane) org.izhsim.equations.EquationPhasePlane.check(n.model());
        var formats = output.figureFormats();
        long t0 = System.nanoTime();
        NeuronTrace trace = n.run(KernelCompiler.INSTANCE);
        double runS = (System.nanoTime() - t0) / 1e9;
        String label = "equations-" + baseName(neuron.equations);
        Map<String, Object> summary = Summaries.equationNeuron("neuron", run, neuron.currentText(), trace, runS);
        String v = n.model().states().get(n.vIndex()).name();
        String u = n.uIndex() >= 0 ? n.model().states().get(n.uIndex()).name() : "none";
        String title = label + ", scheme " + n.scheme().id() + ", dt " + fmt(n.dt()) + " ms";
        List<Path> written = write(summary, trace, label, List.of("t_ms", v, u, "I"),
                (stage, base, provenance) -> Plots.equationNeuron(stage, base, title, n, trace, formats, provenance));
        report(summary, trace, label, n.duration(), n.scheme().id(), n.dt(), written);
        return 0;
    }

    /** The run's output directory: --out, or a folder of its own named by the model and the options. */
    private Path place() {
        return output.dir("neuron-" + (neuron.equations != null ? "equations-" + baseName(neuron.equations) : neuron.fileLabel()));
    }

    /** Refuses outputs that cannot be written before the run, not after its figures are. */
    private void checkOutputs() {
        OutputStage.check(place());
        if (csv != null && java.nio.file.Files.isDirectory(csv)) {
            throw new IllegalArgumentException("--csv " + csv + " is a directory; give a file name, e.g. --csv " + csv.resolve("trace.csv"));
        }
    }

    /** Draws a run's figures into the output stage. */
    @FunctionalInterface
    private interface FigureDrawer {
        void draw(OutputStage stage, String base, Map<String, String> provenance) throws IOException;
    }

    /**
     * The outputs of either kind of model: figures and the JSON summary staged in {@code --out}
     * then moved in together, and the trace as CSV if {@code --csv} asks for it.
     */
    private List<Path> write(Map<String, Object> summary, NeuronTrace trace, String label, List<String> csvColumns,
                             FigureDrawer figures) throws IOException {
        List<Path> written = new ArrayList<>();
        try (OutputStage stage = new OutputStage(place())) {
            String base = "neuron-" + label;
            figures.draw(stage, base, Plots.provenance(summary));
            org.izhsim.io.AtomicFiles.writeString(stage.file(base + ".json"), Json.write(summary) + "\n");
            written.addAll(stage.commit());
        }
        if (csv != null) {
            Map<String, Object> meta = new LinkedHashMap<>(summary);
            meta.remove("spike_times_ms");
            written.add(Csv.write(csv, meta, csvColumns, List.of(org.izhsim.io.GridTimes.onGrid(trace.t(), trace.dt()), trace.v(), trace.u(), trace.current())));
        }
        return written;
    }

    /** A file's name without its extension, as a safe part of a file name. */
    static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return (dot > 0 ? name.substring(0, dot) : name).replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    private void report(Map<String, Object> summary, NeuronTrace trace, String label, double duration, String scheme,
                        double dt, List<Path> written) {
        if (output.json) {
            System.out.println(Json.write(summary));
        } else {
            System.out.printf(Locale.ROOT, "%s: %s in %s ms (%.2f Hz), scheme %s, dt %s ms%n", label,
                    org.izhsim.run.Net2003Options.counted(trace.spikeCount(), "spike"), fmt(duration), trace.rateHz(), scheme, fmt(dt));
            StringBuilder sb = new StringBuilder("spike times (ms):");
            for (double t : Summaries.spikeTimes(trace)) sb.append(' ').append(fmt(t));
            System.out.println(sb);
        }
        output.reportWritten(written);
    }

    static String title(String label, NeuronSpec s) {
        return label + modelTag(s) + ", scheme " + s.scheme().id() + ", dt " + fmt(s.dt()) + " ms";
    }

    /** The 2007 model carries units (pA); the 2003 model's u and I are dimensionless. */
    static boolean dimensional(NeuronSpec s) {
        return !s.currentUnit().isEmpty();
    }

    /** " (izh2007)" after the label of a 2007-model run; nothing for the 2003 model, the default. */
    static String modelTag(NeuronSpec s) {
        return dimensional(s) ? " (" + s.modelName() + ")" : "";
    }

    static String fmt(double x) {
        return org.izhsim.run.Net2003Options.number(x);
    }
}
