package org.izhsim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.izhsim.io.Json;
import org.izhsim.run.NetworkRun;
import org.izhsim.run.Spelling;
import org.izhsim.spnet.SpnetCheckpoint;
import org.izhsim.spnet.SpnetConfig;
import org.izhsim.spnet.SpnetNetwork;
import org.izhsim.spnet.SpnetState;
import org.izhsim.spnet.SpnetWarmUp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code izhsim spnet}: Izhikevich's (2006) polychronization network with STDP
 * ({@code org.izhsim.spnet}), bit-identical to izhsim-bench/c/spnet.c in float; checkpoints
 * and resume (docs/spnet.md).
 */
@Command(name = "spnet", mixinStandardHelpOptions = true,
        header = "Izhikevich's 2006 network with STDP, as spnet.cpp.",
        description = {"Axonal delays 1-20 ms, STDP with spnet.cpp's rule (LTP/LTD traces, sd accumulated, once per "
                + "second w += 0.01 + sd, sd *= 0.9, clip [0, sm]), one random neuron per ms driven with I = 20. "
                + "Computed in float as spnet.cpp and izhsim-bench/c/spnet.c (-DREAL=float): the same spikes and "
                + "weights, bit for bit.",
                "Writes per_second.csv/.json, weights.npz (pre, post, delay_ms, w; ne, ni, sm; for "
                + "'izhsim polychronous'), spikes.npz of --record-spikes seconds, and figures."},
        footer = {"", "See docs/spnet.md.", "", "Examples:",
                "  izhsim spnet --seconds 60",
                "  izhsim spnet --seconds 3600 --checkpoint-every 300 --out day",
                "  izhsim spnet --resume day/checkpoints --seconds 7200 --out day2"})
final class SpnetCommand implements Callable<Integer> {
    @Mixin
    OutputOptions output;

    @Mixin
    SpnetRunOptions run;

    @Option(names = "--seconds", paramLabel = "T", defaultValue = "10",
            description = "Model seconds to run; with --resume the total to reach (default: ${DEFAULT-VALUE}).")
    long seconds;

    @Option(names = "--seed", paramLabel = "SEED", description = "Seed of the streams connect/spnet, delays/spnet, spnet/input (default: 1).")
    Long seed;


    @Option(names = "--ne", paramLabel = "N", description = "Excitatory neurons (default: 800).")
    Integer ne;

    @Option(names = "--ni", paramLabel = "N", description = "Inhibitory neurons (default: 200).")
    Integer ni;

    @Option(names = "--m", paramLabel = "M", description = "Synapses per neuron, distinct targets (default: 100).")
    Integer m;

    @Option(names = "--d", paramLabel = "MS", description = "Largest delay [ms] (default: 20).")
    Integer d;

    @Option(names = "--sm", paramLabel = "MV", description = "Largest excitatory weight (default: 10).")
    Double sm;

    @Option(names = "--delays", paramLabel = "fixed|uniform",
            description = "fixed: M/D synapses per delay 1..D (spnet.cpp); uniform: each delay uniform on 1..D (spnet.m 2008). Default: fixed.")
    String delays;

    @Option(names = "--data", paramLabel = "FORMATS", defaultValue = "npz,csv,json",
            description = "Data files: npz (weights.npz, spikes.npz), csv (per_second.csv), json (per_second.json), all or none (default: ${DEFAULT-VALUE}).")
    String data;

    @Option(names = "--record-spikes", paramLabel = "SECONDS",
            description = "Model seconds whose spikes go to spikes.npz, e.g. 1-10,3600 (1 = the first; default: none).")
    String recordSpikes;


    @Option(names = "--checkpoint-dir", paramLabel = "DIR", description = "Where checkpoints go (default: OUT/checkpoints, or the --resume directory).")
    Path checkpointDir;

    @Option(names = "--keep", paramLabel = "K", defaultValue = "3", description = "Checkpoints kept, the newest (default: ${DEFAULT-VALUE}).")
    int keep;


    @Override
    public Integer call() throws Exception {
        int nThreads = NetworkRun.threads(run.threads, Spelling.OPTIONS);
        var formats = output.figureFormats();
        SpnetOutputs.Data dataFormats = SpnetOutputs.Data.parse(data);
        Path outDir = output.dir("spnet");
        OutputStage.check(outDir);
        run.check(seconds);
        if (keep < 1) throw new IllegalArgumentException("--keep must be at least 1, got " + keep);
        SpnetState resumed = null;
        SpnetConfig cfg;
        if (run.resume != null) {
            String given = givenNetworkOptions();
            if (!given.isEmpty()) {
                throw new IllegalArgumentException("--resume takes the network from its checkpoint; drop " + given);
            }
            resumed = SpnetCheckpoint.read(SpnetCheckpoint.latest(run.resume));
            if (resumed.dopamine() != null) {
                throw new IllegalArgumentException("--resume " + run.resume + ": a DA-STDP checkpoint; resume it with izhsim dastdp");
            }
            cfg = resumed.config();
            if (seconds <= resumed.second()) {
                throw new IllegalArgumentException("--seconds " + seconds + " is not beyond the checkpoint's " + resumed.second()
                        + " s in " + run.resume + "; give the total to reach, e.g. --seconds " + (resumed.second() + 10));
            }
        } else {
            cfg = new SpnetConfig(ne == null ? 800 : ne, ni == null ? 200 : ni, m == null ? 100 : m, d == null ? 20 : d,
                    sm == null ? 10f : sm.floatValue(), uniformDelays(), seed == null ? 1 : seed).validate();
        }
        long first = resumed == null ? 0 : resumed.second();
        SpnetOutputs.SecondSet record = SpnetOutputs.SecondSet.parse(recordSpikes, first, seconds);
        SpnetNetwork.checkMemory(cfg);
        Path ckDir = checkpointDir != null ? checkpointDir : run.resume != null ? run.resume : outDir.resolve("checkpoints");

        long t0 = System.nanoTime();
        if (warmUp()) SpnetWarmUp.run(cfg, nThreads); // counted in build_s
        List<SpnetNetwork.Second> per = new ArrayList<>();
        SpnetOutputs.Spikes kept = new SpnetOutputs.Spikes();
        double buildS, runS;
        try (SpnetNetwork net = resumed == null ? new SpnetNetwork(cfg, nThreads) : SpnetNetwork.resume(resumed, nThreads);
             ProgressBar bar = new ProgressBar("spnet", output.quiet)) {
            buildS = (System.nanoTime() - t0) / 1e9;
            long t1 = System.nanoTime();
            long lastFigureSeconds = Math.max(first, seconds - SpnetOutputs.SPECTRUM_SECONDS);
            while (net.second() < seconds) {
                long tS = net.second() + 1;
                SpnetNetwork.Second s = net.runSecond(record.contains(tS) || tS > lastFigureSeconds);
                kept.add(s, record.contains(tS));
                per.add(strip(s));
                if (run.checkpointDue(tS, seconds)) SpnetCheckpoint.write(ckDir, net.snapshot(), keep);
                bar.update((double) (tS - first) / (seconds - first), () -> String.format(Locale.ROOT,
                        "%d of %d s, %.2f Hz, mean exc w %.3f", tS, seconds, s.rateHz(), s.meanExcW()));
            }
            runS = (System.nanoTime() - t1) / 1e9;
            Map<String, Object> summary = summary(cfg, net, first, per, buildS, runS);
            List<Path> written;
            try (OutputStage stage = new OutputStage(outDir)) {
                SpnetOutputs.write(stage, dataFormats, formats, summary, cfg, per, kept, net.synapses(), first);
                written = stage.commit();
            }
            if (output.json) {
                System.out.println(Json.write(summary));
            } else if (!output.quiet) {
                SpnetNetwork.Second last = per.get(per.size() - 1);
                System.err.println(String.format(Locale.ROOT,
                        "spnet: N=%d M=%d D=%d, %d s (seconds %d-%d); last second: rate %.2f Hz (exc %.2f, inh %.2f), mean exc w %.3f, "
                                + "frac > 9 %.3f; build %.3f s, run %.3f s", cfg.n(), cfg.m(), cfg.d(), per.size(), first + 1, seconds,
                        last.rateHz(), last.rateExcHz(), last.rateInhHz(), last.meanExcW(), last.fracExcWAbove9(), buildS, runS));
            }
            output.reportWritten(written);
        }
        return 0;
    }

    private static SpnetNetwork.Second strip(SpnetNetwork.Second s) {
        return new SpnetNetwork.Second(s.tS(), s.rateHz(), s.rateExcHz(), s.rateInhHz(), s.meanExcW(), s.fracExcWAbove9(), s.hist(), null, null);
    }

    private boolean uniformDelays() {
        if (delays == null || delays.equals("fixed")) return false;
        if (delays.equals("uniform")) return true;
        throw new IllegalArgumentException("--delays: unknown value '" + delays + "'; known: fixed, uniform");
    }

    private String givenNetworkOptions() {
        List<String> g = new ArrayList<>();
        if (seed != null) g.add("--seed");
        if (ne != null) g.add("--ne");
        if (ni != null) g.add("--ni");
        if (m != null) g.add("--m");
        if (d != null) g.add("--d");
        if (sm != null) g.add("--sm");
        if (delays != null) g.add("--delays");
        return String.join(", ", g);
    }

    private static Map<String, Object> summary(SpnetConfig cfg, SpnetNetwork net, long first, List<SpnetNetwork.Second> per,
                                               double buildS, double runS) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("model", "spnet");
        out.put("ne", cfg.ne());
        out.put("ni", cfg.ni());
        out.put("m", cfg.m());
        out.put("d_ms", cfg.d());
        out.put("sm", (double) cfg.sm());
        out.put("delays", cfg.uniformDelays() ? "uniform" : "fixed");
        out.put("seed", cfg.seed());
        out.put("threads", net.threads());
        out.put("precision", "float");
        out.put("from_s", first);
        out.put("to_s", net.second());
        List<Object> rows = new ArrayList<>();
        for (SpnetNetwork.Second s : per) rows.add(row(s));
        out.put("per_second", rows);
        out.put("build_s", buildS);
        out.put("run_s", runS);
        return out;
    }

    static Map<String, Object> row(SpnetNetwork.Second s) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("t_s", s.tS());
        r.put("rate_hz", s.rateHz());
        r.put("rate_exc_hz", s.rateExcHz());
        r.put("rate_inh_hz", s.rateInhHz());
        r.put("mean_exc_w", s.meanExcW());
        r.put("frac_exc_w_above_9", s.fracExcWAbove9());
        List<Object> h = new ArrayList<>();
        for (long c : s.hist()) h.add(c);
        r.put("hist", h);
        return r;
    }

    /** The JIT warm-up runs unless IZHSIM_WARMUP_STEPS is 0 (as for the network commands). */
    private static boolean warmUp() {
        return org.izhsim.run.NetworkRun.warmUpSteps(System.getenv("IZHSIM_WARMUP_STEPS")) > 0;
    }
}
