package org.izhsim.examples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.izhsim.analysis.Rates;
import org.izhsim.model.TimeGrid;
import org.izhsim.network.BlockTiming;
import org.izhsim.network.Izhikevich2003Network;
import org.izhsim.network.ProgressListener;
import org.izhsim.network.Simulation;
import org.izhsim.network.SpikeMonitor;
import org.izhsim.network.SpikeRecording;
import org.izhsim.plot.Figures;
import org.izhsim.plot.SpikeRaster;

/**
 * The extension point: Izhikevich's 2003 network (net.m, the {@code net2003} command's network)
 * with a user behaviour, {@link Homeostasis}, inserted at order 35 — after the deliver of the
 * inputs into I (30), before the update (40) — on both groups. Each neuron's bias current drifts until its rate
 * approaches {@link #TARGET_HZ}, well below the ≈ 7.6 Hz net.m fires at on its own
 * (reference §1.2), so the raster thins out over the run.
 */
public final class HomeostasisExample implements Example {
    /** Target rate [Hz]. */
    public static final double TARGET_HZ = 3;
    /** Rate-estimate time constant [ms] and bias learning rate [per step per Hz]. */
    public static final double TAU_MS = 200, ETA = 0.002;
    /** Simulated time [ms]. */
    public static final double DURATION_MS = 3000;

    /** The spikes of both groups in net.m's numbering (exc first) and the block timings. */
    public record Run(SpikeRecording exc, SpikeRecording inh, int ne, int ni, List<BlockTiming> blocks) {}

    /** net.m (netm, dt 1 ms) with {@code Homeostasis(TARGET_HZ, TAU_MS, eta)} at order 35; eta 0 leaves it unchanged. */
    public static Run simulate(long seed, int threads, double eta, ProgressListener progress) {
        Izhikevich2003Network.Built built = Izhikevich2003Network.builder().seed(seed)
                .behaviour("exc", 35, new Homeostasis(TARGET_HZ, TAU_MS, eta))
                .behaviour("inh", 35, new Homeostasis(TARGET_HZ, TAU_MS, eta))
                .build();
        SpikeMonitor exc = SpikeMonitor.of(built.exc()), inh = SpikeMonitor.of(built.inh());
        try (Simulation sim = Simulation.builder(built.network().withMonitors(List.of(exc, inh))).threads(threads).build()) {
            sim.setProgressListener(progress);
            List<BlockTiming> blocks = sim.runBlocks(DURATION_MS, (int) (new TimeGrid(built.network().dt()).positiveSteps(DURATION_MS, "duration") / 500));
            return new Run(sim.recording(exc), sim.recording(inh), built.exc().size(), built.inh().size(), blocks);
        }
    }

    @Override
    public String name() {
        return "homeostasis";
    }

    @Override
    public String description() {
        return "net.m's 1000 neurons plus a user behaviour: a homeostatic bias current pulls every rate to " + (int) TARGET_HZ + " Hz";
    }

    @Override
    public String reproduces() {
        return "Izhikevich 2003 net.m (IEEE TNN 14:1569) with homeostatic intrinsic plasticity added as a behaviour";
    }

    @Override
    public Result run(Path outDir, Options options) throws IOException {
        Run run = simulate(options.seed(), options.threads(), ETA, options.progress());
        int ne = run.ne(), ni = run.ni();
        int n = run.exc().count() + run.inh().count();
        double[] t = new double[n];
        int[] idx = new int[n];
        int k = 0;
        for (int s = 0; s < run.exc().count(); s++, k++) { t[k] = run.exc().timeMs(s); idx[k] = run.exc().neuron(s); }
        for (int s = 0; s < run.inh().count(); s++, k++) { t[k] = run.inh().timeMs(s); idx[k] = ne + run.inh().neuron(s); }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("example", name());
        summary.put("seed", options.seed());
        summary.put("scheme", "netm");
        summary.put("dt_ms", 1.0);
        summary.put("duration_ms", DURATION_MS);
        summary.put("threads", options.threads());
        summary.put("target_hz", TARGET_HZ);
        summary.put("spikes", n);
        summary.put("first_500ms_rate_hz", rate(run, 0, 500));
        summary.put("last_500ms_rate_hz", rate(run, DURATION_MS - 500, DURATION_MS));
        summary.put("run_s", run.blocks().stream().mapToDouble(BlockTiming::seconds).sum());
        Outputs out = new Outputs(outDir, this, options, summary);
        out.figure(Figures.networkRaster("net.m with a homeostatic bias current (target " + (int) TARGET_HZ + " Hz), seed "
                + options.seed(), new SpikeRaster(t, idx, ne + ni, ne, DURATION_MS), null), "raster");
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("network", "Izhikevich 2003 net.m, 800 + 200, all-to-all, noise 5/2");
        parameters.put("homeostasis", "rate' = exp filter tau " + TAU_MS + " ms; bias += " + ETA + " * (target - rate); I += bias");
        return out.finish(run.blocks(), parameters);
    }

    /** Mean rate [Hz] of all neurons over [t0, t1) ms. */
    public static double rate(Run run, double t0, double t1) {
        long c = 0;
        for (SpikeRecording s : List.of(run.exc(), run.inh())) {
            for (int i = 0; i < s.count(); i++) if (s.timeMs(i) >= t0 && s.timeMs(i) < t1) c++;
        }
        return Rates.meanRateHz(c, run.ne() + run.ni(), t1 - t0);
    }
}
