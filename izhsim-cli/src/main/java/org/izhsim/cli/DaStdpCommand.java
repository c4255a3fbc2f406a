package org.izhsim.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.izhsim.examples.DaStdpTally;
import org.izhsim.io.AtomicFiles;
import org.izhsim.io.Json;
import org.izhsim.plot.FigureWriter;
import org.izhsim.run.NetworkRun;
import org.izhsim.run.Spelling;
import org.izhsim.spnet.DaStdp;
import org.izhsim.spnet.SpnetCheckpoint;
import org.izhsim.spnet.SpnetConfig;
import org.izhsim.spnet.SpnetNetwork;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code izhsim dastdp}: the first experiment of Izhikevich (2007), one synapse rewarded with
 * dopamine in spnet's network with DA-STDP ({@link DaStdp}); docs/plasticity.md, "DA-STDP".
 */
@Command(name = "dastdp", mixinStandardHelpOptions = true,
        header = "Izhikevich's 2007 reward experiment with dopamine STDP.",
        description = {"800 + 200 neurons, 100 synapses each (1 ms delays), noisy input; STDP changes an eligibility trace c "
                + "per synapse, every 10 ms w += (0.002 + DA)*c, c *= 0.99; DA decays with tau 0.2 s and gains 0.5 at each "
                + "reward, 1-3 s after each spike of the chosen synapse's post neuron 1 to --window ms after its pre neuron. "
                + "The chosen synapse starts at 0.",
                "Writes dastdp.json (chosen weight per second, the others' mean, percentiles, maximum and how many are at the maximum) "
                + "and the figure chosen_weight."},
        footer = {"", "See docs/plasticity.md.", "", "Examples:", "  izhsim dastdp --seconds 3600 --seed 1",
                "  izhsim dastdp --seconds 600 --checkpoint-every 100 --out da", "  izhsim dastdp --resume da/checkpoints --seconds 1200"})
final class DaStdpCommand implements Callable<Integer> {
    @Mixin
    OutputOptions output;

    @Mixin
    SpnetRunOptions run;

    @Option(names = "--seconds", paramLabel = "T", defaultValue = "3600",
            description = "Model seconds; with --resume the total to reach (default: ${DEFAULT-VALUE}, the paper's hour).")
    long seconds;

    @Option(names = "--seed", paramLabel = "SEED", description = "Seed of the wiring, the input, the chosen synapse and the reward delays (default: 1).")
    Long seed;

    @Option(names = "--window", paramLabel = "MS", description = "Coincidence window: post 1..MS ms after pre (default: 10, the paper's; daspnet.m has < 20).")
    Integer window;

    @Override
    public Integer call() throws Exception {
        int nThreads = NetworkRun.threads(run.threads, Spelling.OPTIONS);
        var formats = output.figureFormats();
        Path outDir = output.dir("dastdp");
        OutputStage.check(outDir);
        run.check(seconds);
        if (window != null && window < 1) throw new IllegalArgumentException("--window must be at least 1 ms, got " + window);
        SpnetNetwork net;
        if (run.resume != null) {
            if (seed != null || window != null) throw new IllegalArgumentException("--resume takes the network from its checkpoint; drop --seed and --window");
            var st = SpnetCheckpoint.read(SpnetCheckpoint.latest(run.resume));
            if (st.dopamine() == null) throw new IllegalArgumentException("--resume " + run.resume + ": an spnet checkpoint; resume it with izhsim spnet");
            if (seconds <= st.second()) {
                throw new IllegalArgumentException("--seconds " + seconds + " is not beyond the checkpoint's " + st.second() + " s in " + run.resume);
            }
            net = SpnetNetwork.resume(st, nThreads);
        } else {
            net = SpnetNetwork.daStdp(DaStdp.paperNetwork(seed == null ? 1 : seed), window == null ? DaStdp.PAPER_WINDOW_MS : window, nThreads);
        }
        Path ckDir = run.resume != null ? run.resume : outDir.resolve("checkpoints");
        long first = net.second();
        SpnetConfig cfg = net.config();
        DaStdp da = net.dopamine();
        int n = (int) (seconds - first);
        long t0 = System.nanoTime();
        try (net; ProgressBar bar = new ProgressBar("dastdp", output.quiet)) {
            DaStdpTally tally = new DaStdpTally(net);
            for (int k = 0; k < n; k++) {
                SpnetNetwork.Second s = net.runSecond(false);
                Map<String, Object> r = tally.add(s);
                if (run.checkpointDue(s.tS(), seconds)) SpnetCheckpoint.write(ckDir, net.snapshot(), 3);
                bar.update((double) (k + 1) / n, () -> String.format(Locale.ROOT, "%d of %d s, chosen w %.3f, others' mean %.3f, %d rewards",
                        s.tS(), seconds, (double) r.get("chosen_w"), (double) r.get("others_mean_w"), da.rewards()));
            }
            double runS = (System.nanoTime() - t0) / 1e9;
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("model", "dastdp");
            summary.put("reproduces", "Izhikevich (2007) Cerebral Cortex 17:2443-2452, Fig. 1 (daspnet.m)");
            summary.put("ne", cfg.ne());
            summary.put("ni", cfg.ni());
            summary.put("m", cfg.m());
            summary.put("sm", (double) cfg.sm());
            summary.put("seed", cfg.seed());
            summary.put("window_ms", da.windowMs());
            summary.put("chosen", Map.of("synapse", da.chosen(), "pre", da.pre(), "post", da.post()));
            summary.put("threads", net.threads());
            summary.put("from_s", first);
            summary.put("to_s", net.second());
            summary.put("coincidences", da.coincidences());
            summary.put("rewards", da.rewards());
            Map<String, Object> outcome = tally.outcome();
            summary.putAll(outcome);
            summary.put("per_second", tally.rows());
            summary.put("run_s", runS);
            List<Path> written;
            try (OutputStage stage = new OutputStage(outDir)) {
                AtomicFiles.writeString(stage.file("dastdp.json"), Json.write(summary) + "\n");
                if (!formats.isEmpty()) FigureWriter.write(tally.figure(), stage.dir(), "chosen_weight", formats, Plots.provenance(summary));
                written = stage.commit();
            }
            if (output.json) {
                System.out.println(Json.write(summary));
            } else if (!output.quiet) {
                System.err.println(String.format(Locale.ROOT, "dastdp: seed %d, seconds %d-%d: chosen w %.3f (sm %.0f), others mean %.3f, "
                                + "99th percentile %.3f, max %.3f, %d at the maximum; %d coincidences, %d rewards; run %.1f s", cfg.seed(), first + 1,
                        seconds, (double) outcome.get("final_chosen_w"), cfg.sm(), (double) outcome.get("final_others_mean_w"),
                        (double) outcome.get("final_others_p99_w"), (double) outcome.get("final_others_max_w"), (int) outcome.get("final_others_at_max"),
                        da.coincidences(), da.rewards(), runS));
            }
            output.reportWritten(written);
        }
        return 0;
    }
}
