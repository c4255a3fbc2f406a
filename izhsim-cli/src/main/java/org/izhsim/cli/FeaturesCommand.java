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
import org.izhsim.model.Preset;
import org.izhsim.model.Presets;
import org.izhsim.neuron.NeuronSetup;
import org.izhsim.neuron.NeuronSimulator;
import org.izhsim.neuron.NeuronTrace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code izhsim features}: the 20 firing patterns of Izhikevich (2004), Fig. 1. */
@Command(name = "features", mixinStandardHelpOptions = true,
        header = "The 20 firing patterns of Izhikevich (2004), Fig. 1.",
        description = {"Reproduce the 20 neuro-computational features of Izhikevich (2004), Fig. 1, with the",
                "published figure1.m harness at each panel's own dt, and draw them as in the paper."},
        footer = {"", "Examples:", "  izhsim features", "  izhsim features --panel K --json"})
final class FeaturesCommand implements Callable<Integer> {
    @Mixin
    OutputOptions output;

    @Option(names = "--panel", paramLabel = "X", description = "Only this panel (A..T).")
    String panel;

    @Option(names = "--scheme", defaultValue = "figure1",
            description = "Numerical scheme (default: ${DEFAULT-VALUE}, the published harness; the panels are tuned to it).")
    String scheme;

    @Override
    public Integer call() throws Exception {
        Scheme s = Scheme.byId(scheme);
        List<Preset> panels = selected();
        var formats = output.figureFormats();
        long t0 = System.nanoTime();
        List<NeuronTrace> traces = new ArrayList<>();
        for (Preset p : panels) {
            traces.add(NeuronSimulator.run(NeuronSetup.of(p, s, NeuronOptions.parseCurrent("preset " + p.id(), p.current(),
                    NeuronSetup.CURRENT_DIMENSION, "I of izh2003"))));
        }
        double runS = (System.nanoTime() - t0) / 1e9;

        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < panels.size(); i++) {
            Preset p = panels.get(i);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", p.id());
            row.put("name", p.name());
            row.put("dt_ms", p.dt());
            row.put("duration_ms", p.duration());
            row.put("spike_times_ms", Summaries.spikeTimes(traces.get(i)));
            rows.add(row);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("panels", rows);
        summary.put("scheme", s.id());
        summary.put("run_s", runS);
        summary.putAll(RunInfo.base("features"));

        List<Path> written;
        String base = panel == null ? "features" : "features-" + panels.getFirst().id();
        try (OutputStage stage = new OutputStage(output.dir(base))) {
            Plots.gallery(stage, base, panels, traces, s, formats, Plots.provenance(summary));
            AtomicFiles.writeString(stage.file(base + ".json"), Json.write(summary) + "\n");
            written = stage.commit();
        }
        if (output.json) {
            System.out.println(Json.write(summary));
        } else {
            for (int i = 0; i < panels.size(); i++) {
                NeuronTrace tr = traces.get(i);
                System.out.printf(Locale.ROOT, "%-40s %10s  dt %-4s ms%n", panels.get(i).title(),
                        org.izhsim.run.Net2003Options.counted(tr.spikeCount(), "spike"),
                        NeuronCommand.fmt(panels.get(i).dt()));
            }
        }
        output.reportWritten(written);
        return 0;
    }

    private List<Preset> selected() {
        if (panel == null) return Presets.panels();
        return Presets.panels().stream().filter(p -> p.id().equalsIgnoreCase(panel.trim())).findFirst().map(List::of)
                .orElseThrow(() -> new IllegalArgumentException("unknown panel '" + panel + "'; known: A..T"));
    }
}
