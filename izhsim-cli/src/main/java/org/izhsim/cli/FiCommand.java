package org.izhsim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.izhsim.io.AtomicFiles;
import org.izhsim.io.Csv;
import org.izhsim.io.Json;
import org.izhsim.io.RunInfo;
import org.izhsim.neuron.CurrentSource;
import org.izhsim.neuron.FiCurve;
import org.izhsim.neuron.NeuronSpec;
import org.izhsim.neuron.NeuronSimulator;
import org.izhsim.neuron.NeuronTrace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code izhsim fi}: the frequency-current curve of a neuron. */
@Command(name = "fi", mixinStandardHelpOptions = true,
        header = "F-I curve: rate against a constant current (spikes/duration).",
        description = {"F-I curve: firing rate against a constant current switched on at t = 0 (rate = spikes / duration).",
                "Writes the curve and the membrane potential at five currents stacked, plus a CSV of the curve."},
        footer = {"", "Example:", "  izhsim fi --preset RS --from 0 --to 40 --step 1 --duration 1000 --dt 0.25 --scheme euler"})
final class FiCommand implements Callable<Integer> {
    @Mixin
    NeuronOptions neuron;

    @Mixin
    OutputOptions output;

    @Option(names = "--from", defaultValue = "0", description = "First current (default: ${DEFAULT-VALUE}).")
    double from;

    @Option(names = "--to", defaultValue = "40", description = "Last current, inclusive (default: ${DEFAULT-VALUE}).")
    double to;

    @Option(names = "--step", defaultValue = "1", description = "Current step (default: ${DEFAULT-VALUE}).")
    double step;

    @Override
    public Integer call() throws Exception {
        if (neuron.current != null) {
            throw new IllegalArgumentException("--current does not apply to fi: the current is constant, from --from to --to");
        }
        if (neuron.duration == null) neuron.duration = FiCurve.DURATION_MS;
        NeuronSpec base = neuron.resolveSpec();
        double[] currents = FiCurve.range(from, to, step);
        var formats = output.figureFormats();
        long t0 = System.nanoTime();
        FiCurve curve;
        try (ProgressBar bar = new ProgressBar("fi", output.quiet || output.json)) {
            curve = FiCurve.compute(base, currents, f -> bar.update(f, ""));
        }
        double[] shown = stackedCurrents();
        List<NeuronTrace> traces = new ArrayList<>();
        for (double c : shown) traces.add(NeuronSimulator.run(base.withCurrent(CurrentSource.constant(c))));
        double runS = (System.nanoTime() - t0) / 1e9;

        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("currents", curve.currents());
        summary.put("rates_hz", curve.rates());
        summary.put("spike_counts", curve.spikes());
        summary.put("neuron", neuron.label());
        summary.put("scheme", base.scheme().id());
        summary.put("dt_ms", base.dt());
        summary.put("duration_ms", base.duration());
        summary.put("params", Summaries.params(base));
        summary.put("model", base.modelName());
        summary.put("run_s", runS);
        summary.putAll(RunInfo.base("fi"));

        List<Path> written;
        String name = "fi-" + neuron.fileLabel();
        try (OutputStage stage = new OutputStage(output.dir(name))) {
            Plots.fi(stage, name, NeuronCommand.title(neuron.label(), base), base.currentUnit(), curve, shown, traces, formats,
                    Plots.provenance(summary));
            Map<String, Object> meta = new LinkedHashMap<>(summary);
            meta.remove("currents");
            meta.remove("rates_hz");
            meta.remove("spike_counts");
            Csv.write(stage.file(name + ".csv"), meta, List.of("current", "rate_hz", "spikes"),
                    List.of(curve.currents(), curve.rates(), curve.spikes()));
            AtomicFiles.writeString(stage.file(name + ".json"), Json.write(summary) + "\n");
            written = stage.commit();
        }
        if (output.json) {
            System.out.println(Json.write(summary));
        } else {
            System.out.printf(Locale.ROOT, "%s F-I curve, scheme %s, dt %s ms, %s ms per current%n", neuron.label(),
                    base.scheme().id(), NeuronCommand.fmt(base.dt()), NeuronCommand.fmt(base.duration()));
            for (int i = 0; i < currents.length; i++) {
                System.out.printf(Locale.ROOT, "  I = %-8s %8.2f Hz%n", NeuronCommand.fmt(currents[i]), curve.rates()[i]);
            }
        }
        output.reportWritten(written);
        return 0;
    }

    /** Five currents across the range: for 0..40 they are 1, 10, 20, 30, 40 as in the reference figure. */
    double[] stackedCurrents() {
        double span = to - from;
        double[] f = {0.025, 0.25, 0.5, 0.75, 1};
        double[] out = new double[f.length];
        for (int i = 0; i < f.length; i++) out[i] = from + f[i] * span;
        return span == 0 ? new double[] {from} : out;
    }
}
