package org.izhsim.cli;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.izhsim.plot.FigureWriter;
import org.izhsim.plot.Figures;
import org.izhsim.plot.ImageFormat;
import org.izhsim.plot.Series;
import org.izhsim.plot.SpikeRaster;
import org.izhsim.spnet.SpnetConfig;
import org.izhsim.spnet.SpnetNetwork;

/**
 * The figures of {@code izhsim spnet}: the last second's raster (spnet.m's per-second plot), the
 * rates per second, the excitatory weight histogram over model time as a heat map, and the
 * spectrum of the population activity of the last seconds.
 */
final class SpnetFigures {
    private SpnetFigures() {
    }

    static void write(OutputStage stage, Set<ImageFormat> formats, Map<String, String> prov, SpnetConfig cfg,
                      List<SpnetNetwork.Second> per, List<SpnetNetwork.Second> last) throws IOException {
        if (!last.isEmpty()) {
            SpnetNetwork.Second s = last.getLast();
            double[] t = new double[s.tMs().length];
            for (int k = 0; k < t.length; k++) t[k] = s.tMs()[k] - (s.tS() - 1) * 1000.0;
            String title = String.format(Locale.ROOT, "spnet, second %d: %.2f Hz, mean exc w %.3f", s.tS(), s.rateHz(), s.meanExcW());
            FigureWriter.write(Figures.networkRaster(title, new SpikeRaster(t, s.neuron(), cfg.n(), cfg.ne(), 1000), null),
                    stage.dir(), "raster", formats, prov);
            double[][] sp = spectrum(last);
            FigureWriter.write(Figures.lines(String.format(Locale.ROOT, "population activity, seconds %d-%d: mean 1-s periodogram",
                    last.getFirst().tS(), s.tS()), "frequency (Hz)", "power (spikes² per ms bin)",
                    List.of(new Series("spectrum", sp[0], sp[1]))), stage.dir(), "spectrum", formats, prov);
        }
        int n = per.size();
        double[] x = new double[n], all = new double[n], exc = new double[n], inh = new double[n];
        double[][] cells = new double[n][SpnetNetwork.HIST_BINS];
        for (int k = 0; k < n; k++) {
            SpnetNetwork.Second s = per.get(k);
            x[k] = s.tS();
            all[k] = s.rateHz();
            exc[k] = s.rateExcHz();
            inh[k] = s.rateInhHz();
            long total = 0;
            for (long c : s.hist()) total += c;
            for (int b = 0; b < SpnetNetwork.HIST_BINS; b++) cells[k][b] = total > 0 ? (double) s.hist()[b] / total : 0;
        }
        FigureWriter.write(Figures.lines("spnet: spikes per neuron in each model second (blue: all, orange: excitatory, green: inhibitory)", "model time (s)", "rate (Hz)",
                List.of(new Series("all", x, all), new Series("excitatory", x, exc), new Series("inhibitory", x, inh))),
                stage.dir(), "rates", formats, prov);
        double[] edges = new double[SpnetNetwork.HIST_BINS + 1];
        for (int b = 0; b <= SpnetNetwork.HIST_BINS; b++) edges[b] = b;
        FigureWriter.write(Figures.heatMap("excitatory weights over model time: fraction per bin (last bin: w ≥ 9)", cells, x, edges,
                "model second", "weight"), stage.dir(), "weights", formats, prov);
    }

    /**
     * The mean over {@code seconds} of each second's periodogram of its spike counts in 1 ms bins
     * (mean removed): |Σ x_t e^(−2πi f t / 1000)|² / 1000 for f = 1 … 500 Hz. Returns {f, power}.
     */
    static double[][] spectrum(List<SpnetNetwork.Second> seconds) {
        double[] cos = new double[1000], sin = new double[1000];
        for (int k = 0; k < 1000; k++) {
            cos[k] = Math.cos(2 * Math.PI * k / 1000);
            sin[k] = Math.sin(2 * Math.PI * k / 1000);
        }
        double[] f = new double[500], p = new double[500];
        double[] x = new double[1000];
        for (SpnetNetwork.Second s : seconds) {
            java.util.Arrays.fill(x, 0);
            long base = (s.tS() - 1) * 1000;
            for (long t : s.tMs()) x[(int) (t - base)]++;
            double mean = s.tMs().length / 1000.0;
            for (int t = 0; t < 1000; t++) x[t] -= mean;
            for (int k = 1; k <= 500; k++) {
                double re = 0, im = 0;
                for (int t = 0, idx = 0; t < 1000; t++, idx = (idx + k) % 1000) {
                    re += x[t] * cos[idx];
                    im -= x[t] * sin[idx];
                }
                p[k - 1] += (re * re + im * im) / 1000 / seconds.size();
            }
        }
        for (int k = 0; k < 500; k++) f[k] = k + 1;
        return new double[][] {f, p};
    }
}
