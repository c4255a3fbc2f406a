package org.izhsim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
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
        description = {"Simulate one Izhikevich neuron: a preset or your own a, b, c, d, driven by a current expression.",
                "Writes v(t) over I(t), u(t) and the v-u phase plane with both nullclines."},
        footer = {"", "Examples:", "  izhsim neuron --preset RS",
                "  izhsim neuron --a 0.02 --b 0.2 --c -50 --d 2 --current 'int(t>100*ms)*10' --duration 1000 --dt 0.5",
                "  izhsim neuron --preset G --scheme rk4 --dt 0.05 --json",
                "  izhsim neuron --model izh2007 --preset RS --current 100 --dt 0.25 --duration 520",
                "  izhsim neuron --nml examples/neuroml/izhikevich2007_cells.nml --cell RS --current 100"})
final class NeuronCommand implements Callable<Integer> {
    @Mixin
    NeuronOptions neuron;

    @Mixin
    OutputOptions output;

    @Option(names = "--csv", paramLabel = "FILE",
            description = "Also write the trace (t_ms, v_mV, u, I; izh2007: u_pA, I_pA) as CSV.")
    Path csv;

    @Override
    public Integer call() throws Exception {
        NeuronSpec setup = neuron.resolveSpec();
        var formats = output.figureFormats();
        long t0 = System.nanoTime();
        NeuronTrace trace = NeuronSimulator.run(setup);
        double runS = (System.nanoTime() - t0) / 1e9;
        String label = neuron.label();
        Map<String, Object> summary = Summaries.neuron("neuron", label, neuron.currentText(), setup, trace, runS);

        List<Path> written = new ArrayList<>();
        try (OutputStage stage = new OutputStage(output.out)) {
            String base = "neuron-" + label;
            Plots.neuron(stage, base, title(label, setup), setup, trace, formats, Plots.provenance(summary));
            org.izhsim.io.AtomicFiles.writeString(stage.file(base + ".json"), Json.write(summary) + "\n");
            written.addAll(stage.commit());
        }
        if (csv != null) {
            Map<String, Object> meta = new LinkedHashMap<>(summary);
            meta.remove("spike_times_ms");
            written.add(Csv.write(csv, meta, dimensional(setup) ? List.of("t_ms", "v_mV", "u_pA", "I_pA") : List.of("t_ms", "v_mV", "u", "I"),
                    List.of(trace.t(), trace.v(), trace.u(), trace.current())));
        }
        report(summary, trace, label, setup, written);
        return 0;
    }

    private void report(Map<String, Object> summary, NeuronTrace trace, String label, NeuronSpec s, List<Path> written) {
        if (output.json) {
            System.out.println(Json.write(summary));
        } else {
            System.out.printf(Locale.ROOT, "%s%s: %d spikes in %s ms (%.2f Hz), scheme %s, dt %s ms%n", label, modelTag(s),
                    trace.spikeCount(), fmt(s.duration()), trace.rateHz(), s.scheme().id(), fmt(s.dt()));
            StringBuilder sb = new StringBuilder("spike times (ms):");
            for (double t : trace.spikeTimes()) sb.append(' ').append(fmt(t));
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
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }
}
