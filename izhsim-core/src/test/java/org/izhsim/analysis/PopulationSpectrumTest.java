package org.izhsim.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PopulationSpectrumTest {

    @Test
    void recordingGivesTheSpectrumOfItsSpikeTimes() {
        // off-grid dt (0.1) and times past the last bin: both paths bin step·dt the same way
        SplittableRandom rnd = new SplittableRandom(3);
        int n = 5000;
        int[] steps = new int[n], neurons = new int[n];
        for (int i = 0; i < n; i++) steps[i] = rnd.nextInt(10_050);
        java.util.Arrays.sort(steps);
        org.izhsim.network.SpikeRecording r = org.izhsim.network.SpikeRecording.of("s", 0.1, steps, neurons);
        PopulationSpectrum.Spectrum a = PopulationSpectrum.of(r, 1000), b = PopulationSpectrum.of(r.timesMs(), 1000);
        assertArrayEquals(b.freqHz(), a.freqHz(), 0.0);
        assertArrayEquals(b.power(), a.power(), 0.0);
    }

    @Test
    void fftEqualsNaiveDftForManyLengths() {
        SplittableRandom rnd = new SplittableRandom(1);
        int[] lengths = new int[70];
        for (int i = 0; i < 64; i++) lengths[i] = i + 1;
        lengths[64] = 100;
        lengths[65] = 997;
        lengths[66] = 1000;
        lengths[67] = 1024;
        lengths[68] = 1536;
        lengths[69] = 2000;
        for (int n : lengths) {
            double[] re = new double[n], im = new double[n];
            for (int i = 0; i < n; i++) {
                re[i] = rnd.nextDouble(-1, 1);
                im[i] = rnd.nextDouble(-1, 1);
            }
            double[] r1 = re.clone(), i1 = im.clone(), r2 = re.clone(), i2 = im.clone();
            Fft.transform(r1, i1);
            Fft.naive(r2, i2);
            double tol = 1e-10 * n;
            assertArrayEquals(r2, r1, tol, "re, n = " + n);
            assertArrayEquals(i2, i1, tol, "im, n = " + n);
        }
    }

    @Test
    void numpyConventions() {
        assertArrayEquals(new double[] {0, 0.5, 1, 0.5, 0}, PopulationSpectrum.hanning(5), 1e-15);
        assertArrayEquals(new double[] {1}, PopulationSpectrum.hanning(1), 0);
        assertArrayEquals(new double[] {0, 100, 200, 300, 400, 500}, PopulationSpectrum.rfftFreq(10, 1e-3), 1e-9);
        assertEquals(6, PopulationSpectrum.rfftFreq(11, 1e-3).length);
        double[] c = PopulationSpectrum.binCounts(new double[] {0.2, 0.9, 1.0, 999.5, 1000.0, -0.5}, 1000);
        assertEquals(1000, c.length);
        assertEquals(3, c[0]); // 0.2, 0.9 and the clipped −0.5
        assertEquals(1, c[1]);
        assertEquals(2, c[999]); // 999.5 and the clipped 1000.0
        double[][] z = Fft.rfft(new double[] {1, 2, 3, 4});
        assertArrayEquals(new double[] {10, -2, -2}, z[0], 1e-12);
        assertArrayEquals(new double[] {0, 2, 0}, z[1], 1e-12);
    }

    /** Spike times whose rate is modulated at f0: the band peak finds f0 (1000 and 10,000 bins). */
    @Test
    void syntheticRhythmHasItsPeakAtTheKnownFrequency() {
        for (double[] cfg : new double[][] {{1000, 10}, {10_000, 37.3}, {2000, 23}}) {
            double duration = cfg[0], f0 = cfg[1];
            SplittableRandom rnd = new SplittableRandom(7);
            List<Double> times = new ArrayList<>();
            for (int b = 0; b < (int) duration; b++) {
                double rate = 20 + 15 * Math.sin(2 * Math.PI * f0 * b * 1e-3);
                for (int j = 0; j < 40; j++) if (rnd.nextDouble() < rate / 40) times.add(b + rnd.nextDouble());
            }
            double[] t = times.stream().mapToDouble(Double::doubleValue).toArray();
            PopulationSpectrum.Spectrum s = PopulationSpectrum.of(t, duration);
            double df = 1000.0 / duration;
            double peak = s.bandPeak(2, 200);
            assertTrue(Math.abs(peak - f0) <= df / 2 + 1e-9, "peak " + peak + " Hz, expected " + f0);
            assertTrue(Double.isNaN(s.bandPeak(600, 700)), "no bins above Nyquist");
        }
    }

    /** Values computed with numpy 1.24: x − mean, × hanning, |rfft|², rfftfreq(n, 1e-3). */
    @Test
    void periodogramEqualsNumpy() {
        PopulationSpectrum.Spectrum s7 = PopulationSpectrum.periodogram(new double[] {3, 1, 4, 1, 5, 9, 2}, 1e-3);
        assertArrayEquals(new double[] {0.21556122448979603, 9.899279838819751, 12.443696120781846, 12.964421999582084},
                s7.power(), 1e-12);
        assertArrayEquals(new double[] {0.0, 142.85714285714286, 285.7142857142857, 428.57142857142856}, s7.freqHz(), 1e-12);
        PopulationSpectrum.Spectrum s8 = PopulationSpectrum.periodogram(new double[] {3, 1, 4, 1, 5, 9, 2, 6}, 1e-3);
        assertArrayEquals(new double[] {0.4245277904013777, 19.82604869689182, 30.157600178047847, 24.75987085666746,
                0.8721514659616445}, s8.power(), 1e-12);
        assertEquals(250.0, s8.bandPeak(0, 500));
        assertEquals(125.0, s8.bandPeak(100, 200));
    }

    @Test
    void meanRates() {
        assertEquals(8.0, Rates.meanRateHz(8000, 1000, 1000), 1e-12);
        assertEquals(4.0, Rates.meanRateHz(2000, 1000, 500), 1e-12);
    }
}
