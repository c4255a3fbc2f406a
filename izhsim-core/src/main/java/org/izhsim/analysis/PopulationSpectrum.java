package org.izhsim.analysis;

import java.util.Arrays;
import org.izhsim.network.SpikeRecording;

/**
 * The population rhythm exactly as {@code pop_spectrum} and {@code band_peak} of
 * {@code brian2_net2003.py}: spike counts in 1 ms bins over [0, duration) (bin = floor(t),
 * clipped to the last bin), mean removed, multiplied by numpy's symmetric Hann window, the
 * periodogram |rfft|², frequencies {@code np.fft.rfftfreq(n, d = 1e-3)}, and the argmax of the
 * power within [fmin, fmax] Hz.
 */
public final class PopulationSpectrum {
    private PopulationSpectrum() {}

    /** Frequencies [Hz] and power of a periodogram. */
    public record Spectrum(double[] freqHz, double[] power) {
        /** The frequency of the largest power in [fmin, fmax] (first on ties); NaN if none or all zero. */
        public double bandPeak(double fmin, double fmax) {
            int best = -1;
            double max = 0;
            for (int k = 0; k < freqHz.length; k++) {
                if (freqHz[k] >= fmin && freqHz[k] <= fmax && (best < 0 || power[k] > max)) {
                    best = k;
                    max = power[k];
                }
            }
            return best < 0 || max == 0 ? Double.NaN : freqHz[best];
        }
    }

    /**
     * Bytes the spectrum of a run of {@code durationMs} takes at its peak: the 1-ms bins, the
     * window and the periodogram (about 11 doubles per bin), and Bluestein's transform for a
     * length that is no power of two (5 doubles per point of a power of two m >= 2n - 1). A run
     * refuses a duration whose spectrum cannot fit before it starts, not at its end.
     */
    public static double bytes(double durationMs) {
        double n = Math.max(1, Math.rint(durationMs));
        if (n == Math.scalb(1.0, Math.getExponent(n))) return 8 * 12 * n; // radix 2: its twiddles, one more double per bin
        double m = Math.scalb(1.0, Math.getExponent(2 * n - 1));
        if (m < 2 * n - 1) m *= 2;
        return 8 * (11 * n + 5 * m);
    }

    /** Spike counts per 1 ms bin, n = round(duration) bins. */
    public static double[] binCounts(double[] timesMs, double durationMs) {
        int n = (int) Math.round(durationMs);
        if (n < 1) throw new IllegalArgumentException("duration must be at least 1 ms");
        double[] c = new double[n];
        for (double t : timesMs) c[bin(t, n)] += 1;
        return c;
    }

    /** The 1-ms bin of a spike at {@code tMs} among {@code n}: floor(t), clamped to the last bin. */
    public static int bin(double tMs, int n) {
        return (int) Math.max(0, Math.min(n - 1, (long) Math.floor(tMs)));
    }

    /** numpy.hanning(M): 0.5 + 0.5·cos(π·n/(M−1)) for n = 1−M, 3−M, …, M−1. */
    public static double[] hanning(int m) {
        if (m < 1) return new double[0];
        if (m == 1) return new double[] {1.0};
        double[] w = new double[m];
        for (int i = 0; i < m; i++) {
            double nn = 1 - m + 2 * i;
            w[i] = 0.5 + 0.5 * Math.cos(Math.PI * nn / (m - 1));
        }
        return w;
    }

    /** numpy.fft.rfftfreq(n, d). */
    public static double[] rfftFreq(int n, double d) {
        double val = 1.0 / (n * d);
        double[] f = new double[n / 2 + 1];
        for (int k = 0; k < f.length; k++) f[k] = k * val;
        return f;
    }

    /** The Hann-windowed periodogram of the mean-removed series x. */
    public static Spectrum periodogram(double[] x, double sampleSpacingS) {
        int n = x.length;
        double mean = 0;
        for (double v : x) mean += v;
        mean /= n;
        double[] w = hanning(n), y = new double[n];
        for (int i = 0; i < n; i++) y[i] = (x[i] - mean) * w[i];
        double[][] z = Fft.rfft(y);
        double[] p = new double[z[0].length];
        for (int k = 0; k < p.length; k++) p[k] = z[0][k] * z[0][k] + z[1][k] * z[1][k];
        return new Spectrum(rfftFreq(n, sampleSpacingS), p);
    }

    /** pop_spectrum(t_ms, duration_ms). */
    public static Spectrum of(double[] timesMs, double durationMs) {
        return periodogram(binCounts(timesMs, durationMs), 1e-3);
    }

    /**
     * pop_spectrum of recorded spikes, binned from their steps (t = step·dt, the values of
     * {@link SpikeRecording#timesMs}) without an array of all spike times: for millions of
     * spikes that array would be the largest allocation after the run.
     */
    public static Spectrum of(SpikeRecording spikes, double durationMs) {
        int n = (int) Math.round(durationMs);
        if (n < 1) throw new IllegalArgumentException("duration must be at least 1 ms");
        double[] c = new double[n];
        double dt = spikes.dt();
        for (int i = 0, m = spikes.count(); i < m; i++) c[bin(spikes.step(i) * dt, n)] += 1;
        return periodogram(c, 1e-3);
    }

    /** Counts per bin as doubles, for callers that binned already. */
    public static Spectrum ofCounts(long[] counts) {
        return periodogram(Arrays.stream(counts).asDoubleStream().toArray(), 1e-3);
    }
}
