package org.izhsim.examples;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.izhsim.codegen.KernelCompiler;
import org.izhsim.codegen.SynapseKernelCompiler;
import org.izhsim.io.model.ModelFile;
import org.izhsim.network.BlockTiming;
import org.izhsim.network.Simulation;
import org.izhsim.network.SynapseGroup;
import org.izhsim.network.SynapseView;
import org.izhsim.plot.Figures;
import org.izhsim.plot.Series;

/**
 * Brian2's STDP example (Song, Miller & Abbott 2000): the model file
 * {@code examples/models/stdp-song2000.yaml}, read from this jar, run for its 100 s. 1000
 * Poisson-driven inputs reach one neuron through all-to-all pair STDP written as synapse
 * equations; the weights, uniform on [0, gmax] at the start, spread, and more of them move
 * towards gmax than towards 0 (Brian2's LIF neuron ends bimodal; docs/plasticity.md, "STDP"),
 * which the heat map of the weight histogram over time and the final histogram show.
 */
public final class StdpSong2000Example implements Example {
    static final String FILE = "stdp-song2000.yaml";
    /** The file's gmax (its namespace; weights are clipped to [0, GMAX]). */
    static final double GMAX = 1;
    /** Histogram bins over [0, GMAX]. */
    static final int BINS = 20;

    /** The weight histogram (counts per bin) after each model second, and the post neuron's spikes per second. */
    public record Run(List<long[]> histograms, long[] postSpikes, double durationMs, int threads, double runS) {}

    /** Runs the model file with its seed replaced by {@code seed}. */
    public static Run simulate(long seed, int threads) throws IOException {
        String text;
        try (InputStream in = StdpSong2000Example.class.getResourceAsStream(FILE)) {
            if (in == null) throw new IOException(FILE + " is missing from the examples jar");
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ModelFile mf = ModelFile.parse(FILE, text, new ModelFile.Overrides(seed, null, threads), KernelCompiler.INSTANCE,
                SynapseKernelCompiler.INSTANCE);
        SynapseGroup stdp = mf.network().synapses().get(0);
        int seconds = (int) Math.round(mf.durationMs() / 1000);
        List<long[]> hist = new ArrayList<>();
        long t0 = System.nanoTime();
        try (Simulation sim = Simulation.builder(mf.network()).threads(threads).build()) {
            hist.add(histogram(sim.synapses(stdp)));
            for (int s = 0; s < seconds; s++) {
                sim.run(1000);
                hist.add(histogram(sim.synapses(stdp)));
            }
            var rec = sim.recording(mf.spikes());
            int post = mf.network().offset(stdp.post());
            long[] perSecond = new long[seconds];
            for (int i = 0; i < rec.count(); i++) {
                if (rec.neuron(i) == post) perSecond[(int) Math.min(seconds - 1, rec.timeMs(i) / 1000)]++;
            }
            return new Run(hist, perSecond, seconds * 1000.0, sim.threads(), (System.nanoTime() - t0) / 1e9);
        }
    }

    private static long[] histogram(SynapseView w) {
        long[] h = new long[BINS];
        for (int p = 0; p < w.preCount(); p++) {
            for (int j = 0; j < w.rowLength(p); j++) h[(int) Math.min(BINS - 1, Math.max(0, w.weight(p, j) / GMAX * BINS))]++;
        }
        return h;
    }

    @Override
    public String name() {
        return "stdp-song2000";
    }

    @Override
    public String description() {
        return "Brian2's STDP example as a model file: 1000 Poisson inputs, pair STDP as synapse equations, weights spread towards gmax";
    }

    @Override
    public String reproduces() {
        return "Song, Miller & Abbott 2000, Nat. Neurosci. 3:919, as Brian2's examples/synapses/STDP.py";
    }

    @Override
    public Result run(Path outDir, Options options) throws IOException {
        Run r = simulate(options.seed(), options.threads());
        int seconds = r.postSpikes().length;
        long[] first = r.histograms().get(0), last = r.histograms().get(seconds);
        long total = 0, low = 0, high = 0, spikes = 0;
        for (int b = 0; b < BINS; b++) {
            total += last[b];
            if (b < BINS / 10) low += last[b];
            if (b >= BINS - BINS / 10) high += last[b];
        }
        for (long x : r.postSpikes()) spikes += x;
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("example", name());
        summary.put("model_file", "examples/models/" + FILE);
        summary.put("seed", options.seed());
        summary.put("duration_ms", r.durationMs());
        summary.put("threads", r.threads());
        summary.put("synapses", total);
        summary.put("final_fraction_below_0.1_gmax", (double) low / total);
        summary.put("final_fraction_above_0.9_gmax", (double) high / total);
        summary.put("post_rate_first_10s_hz", rate(r.postSpikes(), 0, Math.min(10, seconds)));
        summary.put("post_rate_last_10s_hz", rate(r.postSpikes(), Math.max(0, seconds - 10), seconds));
        summary.put("run_s", r.runS());
        Outputs out = new Outputs(outDir, this, options, summary);
        double[][] cells = new double[seconds + 1][BINS];
        double[] cols = new double[seconds + 1], edges = new double[BINS + 1], centre = new double[BINS], y0 = new double[BINS], y1 = new double[BINS];
        for (int s = 0; s <= seconds; s++) {
            cols[s] = s;
            for (int b = 0; b < BINS; b++) cells[s][b] = r.histograms().get(s)[b];
        }
        for (int b = 0; b <= BINS; b++) edges[b] = (double) b / BINS;
        for (int b = 0; b < BINS; b++) {
            centre[b] = (b + 0.5) / BINS;
            y0[b] = first[b];
            y1[b] = last[b];
        }
        out.figure(Figures.heatMap("STDP (Song et al. 2000, Brian2's example): the weight histogram over time, seed " + options.seed(),
                cells, cols, edges, "model time (s)", "w / gmax"), "weights_over_time");
        out.figure(Figures.lines("STDP: the weight histogram at the start and after " + seconds + " s", "w / gmax", "synapses per bin",
                List.of(new Series("at 0 s", centre, y0), new Series("at " + seconds + " s", centre, y1))), "weights");
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("model_file", "examples/models/" + FILE);
        List<Object> h = new ArrayList<>();
        for (long x : last) h.add(x);
        parameters.put("final_histogram", h);
        return out.finish(List.of(new BlockTiming(0, Math.round(r.durationMs()), r.runS(), spikes, 0)), parameters);
    }

    private static double rate(long[] perSecond, int from, int to) {
        long c = 0;
        for (int s = from; s < to; s++) c += perSecond[s];
        return to > from ? (double) c / (to - from) : 0;
    }
}
