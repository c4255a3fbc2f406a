package org.izhsim.ui;

import java.util.LinkedHashMap;
import java.util.Map;
import org.izhsim.analysis.PopulationSpectrum;
import org.izhsim.model.TimeGrid;
import org.izhsim.network.SpikeRecording;

/**
 * The network tab's analysis views of the spikes simulated so far: the inter-spike-interval
 * histogram (PymoNNto's ISI tab) and the population spectrum, the latter computed as the
 * command line's summary computes its alpha and gamma peaks ({@link PopulationSpectrum}), so
 * that page and summary agree.
 */
final class NetAnalysis {
    private NetAnalysis() {}

    /**
     * Intervals between consecutive spikes of each neuron in [from, to), in whole steps (exact:
     * spikes sit on the step grid), counted in {@code bins} bins of {@code binMs} from 0; longer
     * intervals are counted apart ({@code longer}), not folded into the last bin.
     */
    static Map<String, Object> isi(SpikeRecording s, TimeGrid grid, int from, int to, double binMs, int bins) {
        if (!(binMs > 0) || !Double.isFinite(binMs)) throw ApiException.badRequest("bin_ms must be > 0, got " + binMs);
        if (bins < 1 || bins > Limits.MAX_HISTOGRAM_BINS) throw ApiException.badRequest("bins = " + bins + " is outside 1 .. " + Limits.MAX_HISTOGRAM_BINS);
        int[] last = new int[to - from];
        java.util.Arrays.fill(last, -1);
        long[] counts = new long[bins];
        long n = 0, longer = 0;
        double sum = 0, sumSq = 0;
        for (int k = 0; k < s.count(); k++) {
            int i = s.neuron(k);
            if (i < from || i >= to) continue;
            int prev = last[i - from];
            last[i - from] = s.step(k);
            if (prev < 0) continue;
            double isi = grid.timeMs(s.step(k) - prev);
            n++;
            sum += isi;
            sumSq += isi * isi;
            int b = (int) Math.floor(isi / binMs);
            if (b < bins) counts[b]++;
            else longer++;
        }
        double[] edges = new double[bins + 1];
        for (int b = 0; b <= bins; b++) edges[b] = b * binMs;
        double mean = n == 0 ? Double.NaN : sum / n;
        double sd = n < 2 ? Double.NaN : Math.sqrt(Math.max(0, (sumSq - n * mean * mean) / (n - 1)));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("edges_ms", edges);
        m.put("counts", counts);
        m.put("intervals", n);
        m.put("longer", longer);
        m.put("mean_ms", mean);
        m.put("cv", n < 2 ? Double.NaN : sd / mean);
        return m;
    }

    /** The population spectrum of the first {@code steps} steps, up to {@code maxHz}, with the alpha and gamma peaks. */
    static Map<String, Object> spectrum(SpikeRecording s, TimeGrid grid, long steps, double maxHz) {
        double durationMs = grid.timeMs(steps);
        Map<String, Object> m = new LinkedHashMap<>();
        if (durationMs < 1) throw new ApiException(409, "the spectrum needs at least 1 ms simulated; " + durationMs + " ms so far");
        PopulationSpectrum.Spectrum sp = PopulationSpectrum.of(s.timesMs(), durationMs);
        int k = 0;
        while (k < sp.freqHz().length && sp.freqHz()[k] <= maxHz) k++;
        m.put("duration_ms", durationMs);
        m.put("freq_hz", java.util.Arrays.copyOf(sp.freqHz(), k));
        m.put("power", java.util.Arrays.copyOf(sp.power(), k));
        m.put("alpha_peak_hz", sp.bandPeak(4, 15));
        m.put("gamma_peak_hz", sp.bandPeak(20, 60));
        return m;
    }
}
