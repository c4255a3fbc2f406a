package org.izhsim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.izhsim.integrate.Scheme;
import org.izhsim.io.AtomicFiles;
import org.izhsim.io.Json;
import org.izhsim.io.RunInfo;
import org.izhsim.neuron.NeuronSpec;
import org.izhsim.neuron.SpikeTimeAccuracy;
import org.izhsim.neuron.SpikeTimeAccuracy.Row;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code izhsim accuracy}: spike-time error of each scheme against a fine-step RK4 reference as
 * dt shrinks, with the cost of each step. The definitions (matching, errors, cost) are those of
 * {@link SpikeTimeAccuracy}.
 */
@Command(name = "accuracy", mixinStandardHelpOptions = true,
        header = "Spike-time error of each scheme against rk4 as dt shrinks.",
        description = {"Spike-time error of each scheme against an rk4 reference at a very fine dt, as dt shrinks:",
                "a table, JSON and a log-log plot of error against cost (FLOPs per ms).",
                "Spikes are matched in order (the first min(n, n_ref)); the count difference is reported apart."},
        footer = {"", "FLOPs per step are counted from the model's equation trees, the numbers of izhsim cost (see its help).",
                "", "Examples:", "  izhsim accuracy --model izh2007 --preset RS --current 100",
                "  izhsim accuracy --preset RS --dts 1,0.5,0.25,0.1 --schemes euler,rk4 --json"})
final class AccuracyCommand implements Callable<Integer> {
    @Mixin
    NeuronOptions neuron;

    @Mixin
    OutputOptions output;

    @Option(names = "--dts", paramLabel = "MS,...", split = ",", defaultValue = "1,0.5,0.25,0.1,0.05,0.025,0.01",
            description = "Steps to compare [ms] (default: ${DEFAULT-VALUE}).")
    double[] dts;

    @Option(names = "--schemes", paramLabel = "S,...", split = ",",
            description = "Schemes to compare (default: figure1,netm,euler,rk4 for izh2003; euler,rk4 for izh2007).")
    List<String> schemes;

    @Option(names = "--ref-dt", paramLabel = "MS", defaultValue = "0.001",
            description = "Step of the rk4 reference [ms] (default: ${DEFAULT-VALUE}).")
    double refDt;

    @Override
    public Integer call() throws Exception {
        if (neuron.dt != null) throw new IllegalArgumentException("--dt does not apply to accuracy; give the steps with --dts");
        if (neuron.scheme != null) {
            throw new IllegalArgumentException("--scheme does not apply to accuracy; give the schemes with --schemes");
        }
        NeuronSpec base = neuron.resolveSpec();
        boolean dimensional = NeuronCommand.dimensional(base);
        List<Scheme> list = new ArrayList<>();
        for (String s : schemes != null ? schemes : dimensional ? List.of("euler", "rk4") : List.of("figure1", "netm", "euler", "rk4")) {
            list.add(Scheme.byId(s));
        }
        String label = neuron.label();
        long t0 = System.nanoTime();
        SpikeTimeAccuracy.Result res;
        try (ProgressBar bar = new ProgressBar("accuracy", output.quiet || output.json)) {
            res = SpikeTimeAccuracy.compute(base, list, dts, refDt, f -> bar.update(f, ""));
        }
        double runS = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> summary = summary(label, base, res, runS);
        var formats = output.figureFormats();
        List<Path> written;
        String name = "accuracy-" + neuron.fileLabel();
        try (OutputStage stage = new OutputStage(output.dir(name))) {
            Plots.accuracy(stage, name, "spike-time error against cost, " + label + NeuronCommand.modelTag(base)
                    + ", reference rk4 at dt " + NeuronCommand.fmt(refDt) + " ms", res, formats, Plots.provenance(summary));
            AtomicFiles.writeString(stage.file(name + ".json"), Json.write(summary) + "\n");
            written = stage.commit();
        }
        if (output.json) {
            System.out.println(Json.write(summary));
        } else {
            table(label, base, res, runS);
        }
        output.reportWritten(written);
        return 0;
    }

    private void table(String label, NeuronSpec base, SpikeTimeAccuracy.Result res, double runS) {
        System.out.printf(Locale.ROOT, "%s%s, current %s, %s ms: reference rk4 at dt %s ms, %s%n", label,
                NeuronCommand.modelTag(base), neuron.currentText(), NeuronCommand.fmt(base.duration()),
                NeuronCommand.fmt(res.refDt()), org.izhsim.run.Net2003Options.counted(res.reference().spikeCount(), "spike"));
        System.out.printf(Locale.ROOT, "%-8s %7s %6s %6s %12s %12s %13s %9s %11s %10s%n", "scheme", "dt_ms", "spikes",
                "dcount", "mean_err_ms", "max_err_ms", "v_err_mV", "flops/st", "flops/ms", "run_ms");
        for (Row r : res.rows()) {
            System.out.printf(Locale.ROOT, "%-8s %7s %6d %+6d %12s %12s %13s %9d %11s %10.3f%n", r.scheme().id(),
                    NeuronCommand.fmt(r.dt()), r.spikes(), r.countDiff(), g(r.meanErrorMs()), g(r.maxErrorMs()),
                    g(r.vErrorMv()), r.flopsPerStep(), NeuronCommand.fmt(r.flopsPerMs()), r.runSeconds() * 1e3);
        }
        System.out.printf(Locale.ROOT, "errors over the first min(n, n_ref) spikes in order; dcount = n - n_ref; v_err = max "
                + "|v - v_ref| before the first spike less %s ms; %.2f s in all%n",
                NeuronCommand.fmt(SpikeTimeAccuracy.SUBTHRESHOLD_MARGIN_MS), runS);
    }

    private static String g(double x) {
        return Double.isNaN(x) ? "-" : String.format(Locale.ROOT, "%.4g", x);
    }

    private Map<String, Object> summary(String label, NeuronSpec base, SpikeTimeAccuracy.Result res, double runS) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("neuron", label);
        m.put("model", base.modelName());
        m.put("equations", base.equations());
        m.put("params", Summaries.params(base));
        m.put("current", neuron.currentText());
        if (!base.currentUnit().isEmpty()) m.put("current_unit", base.currentUnit());
        m.put("duration_ms", base.duration());
        m.put("reference", Map.of("scheme", "rk4", "dt_ms", res.refDt(), "spike_count", res.reference().spikeCount(),
                "spike_times_ms", Summaries.spikeTimes(res.reference())));
        m.put("matching", "first min(n, n_ref) spikes in order; count_diff = n - n_ref");
        m.put("cost", "FLOPs per neuron per step counted from the model's equation trees (as izhsim cost) / dt");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Row r : res.rows()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("scheme", r.scheme().id());
            row.put("dt_ms", r.dt());
            row.put("spike_count", r.spikes());
            row.put("count_diff", r.countDiff());
            row.put("matched", r.matched());
            row.put("mean_abs_error_ms", r.meanErrorMs());
            row.put("max_abs_error_ms", r.maxErrorMs());
            row.put("subthreshold_v_error_mV", r.vErrorMv());
            row.put("flops_per_step", r.flopsPerStep());
            row.put("flops_per_ms", r.flopsPerMs());
            row.put("run_s_median_of_3", r.runSeconds());
            rows.add(row);
        }
        m.put("rows", rows);
        m.put("run_s", runS);
        m.put("scheme", String.join(",", res.rows().stream().map(r -> r.scheme().id()).distinct().toList()));
        m.put("dt_ms", dts);
        m.putAll(RunInfo.base("accuracy"));
        return m;
    }
}
