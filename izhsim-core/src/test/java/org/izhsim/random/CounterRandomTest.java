package org.izhsim.random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Distribution tests with fixed seeds (deterministic: they pass or fail the same way every time). */
class CounterRandomTest {
    static final int N = 2_000_000;

    static double[] gaussians(long seed, String stream) {
        long sk = Streams.key(seed, stream);
        double[] x = new double[N];
        // 2000 "steps" × 1000 "neurons", as the engine draws them
        for (int m = 0; m < 2000; m++) {
            long key = CounterRandom.key(sk, m);
            for (int i = 0; i < 1000; i++) x[m * 1000 + i] = CounterRandom.gaussian(key, i);
        }
        return x;
    }

    /** Standard normal CDF via erfc (Numerical Recipes' Chebyshev fit, fractional error below 1.2e-7). */
    static double phi(double x) {
        return 0.5 * erfc(-x / Math.sqrt(2));
    }

    static double erfc(double x) {
        double z = Math.abs(x), t = 1 / (1 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }

    @Test
    void gaussianMomentsAndKolmogorovSmirnov() {
        for (long seed : new long[] {1, 2, 3}) {
            double[] x = gaussians(seed, "noise/test");
            double m = 0, v = 0, s3 = 0, s4 = 0;
            for (double a : x) m += a;
            m /= N;
            for (double a : x) {
                double d = a - m;
                v += d * d;
                s3 += d * d * d;
                s4 += d * d * d * d;
            }
            v /= N;
            double skew = s3 / N / Math.pow(v, 1.5), kurt = s4 / N / (v * v);
            assertTrue(Math.abs(m) < 5 / Math.sqrt(N), "mean " + m);
            assertTrue(Math.abs(v - 1) < 5 * Math.sqrt(2.0 / N), "variance " + v);
            assertTrue(Math.abs(skew) < 5 * Math.sqrt(6.0 / N), "skewness " + skew);
            assertTrue(Math.abs(kurt - 3) < 5 * Math.sqrt(24.0 / N), "kurtosis " + kurt);
            double[] s = x.clone();
            Arrays.sort(s);
            double dmax = 0;
            for (int i = 0; i < N; i++) {
                double f = phi(s[i]);
                dmax = Math.max(dmax, Math.max(Math.abs(f - (double) i / N), Math.abs((i + 1.0) / N - f)));
            }
            // Kolmogorov–Smirnov at the 0.1% level: 1.95 / sqrt(N)
            assertTrue(dmax < 1.95 / Math.sqrt(N), "KS D = " + dmax);
        }
    }

    @Test
    void gaussianChiSquareIncludingTails() {
        double[] x = gaussians(7, "noise/chi");
        // bins of width 0.25 on [-4, 4], plus (-inf,-4) and (4, inf); plus the ziggurat's own tail edge
        double[] edges = new double[34];
        for (int i = 0; i <= 32; i++) edges[i] = -4 + 0.25 * i;
        long[] counts = new long[34];
        long tailR = 0, beyond45 = 0;
        for (double a : x) {
            int b;
            if (a < -4) b = 0;
            else if (a >= 4) b = 33;
            else b = 1 + (int) Math.floor((a + 4) / 0.25);
            counts[b]++;
            if (Math.abs(a) > CounterRandom.Ziggurat.R) tailR++;
            if (Math.abs(a) > 4.5) beyond45++;
        }
        double chi2 = 0;
        for (int b = 0; b < 34; b++) {
            double lo = b == 0 ? Double.NEGATIVE_INFINITY : edges[b - 1], hi = b == 33 ? Double.POSITIVE_INFINITY : edges[b];
            double p = (hi == Double.POSITIVE_INFINITY ? 1 : phi(hi)) - (lo == Double.NEGATIVE_INFINITY ? 0 : phi(lo));
            double e = p * N;
            chi2 += (counts[b] - e) * (counts[b] - e) / e;
        }
        double dof = 33;
        assertTrue(chi2 < dof + 5 * Math.sqrt(2 * dof), "chi2 " + chi2 + " with " + dof + " dof");
        double pR = 2 * (1 - phi(CounterRandom.Ziggurat.R)), p45 = 2 * (1 - phi(4.5));
        assertTrue(Math.abs(tailR - pR * N) < 5 * Math.sqrt(pR * N), "beyond r: " + tailR + " vs " + pR * N);
        assertTrue(Math.abs(beyond45 - p45 * N) < 5 * Math.sqrt(p45 * N) + 1, "beyond 4.5: " + beyond45 + " vs " + p45 * N);
    }

    @Test
    void blockFillEqualsSingleDraws() {
        long key = CounterRandom.key(Streams.key(9, "noise/fill"), 4);
        int n = 5000;
        double[] out = new double[n], sig = new double[n];
        for (int i = 0; i < n; i++) sig[i] = 0.5 + i % 7;
        int[] rej = new int[n];
        CounterRandom.gaussians(key, 10, n, 5.0, null, out, 10, rej);
        for (int i = 10; i < n; i++) assertEquals(5.0 * CounterRandom.gaussian(key, i), out[i - 10], 0.0);
        CounterRandom.gaussians(key, 0, n, 0, sig, out, 0, rej);
        for (int i = 0; i < n; i++) assertEquals(sig[i] * CounterRandom.gaussian(key, i), out[i], 0.0);
    }

    @Test
    void zigguratLayersHaveEqualArea() {
        double[] X = CounterRandom.Ziggurat.X, F = CounterRandom.Ziggurat.F;
        for (int i = 1; i < 255; i++) assertEquals(CounterRandom.Ziggurat.V, X[i] * (F[i + 1] - F[i]), 1e-15);
        assertEquals(CounterRandom.Ziggurat.V, X[255] * (1 - F[255]), 1e-9, "top layer closes the ziggurat");
    }

    @Test
    void uniformAndBelow() {
        long key = CounterRandom.key(Streams.key(3, "u"), 0);
        double m = 0;
        int[] hist = new int[10];
        for (int i = 0; i < N; i++) {
            double u = CounterRandom.uniform(key, i);
            assertTrue(u >= 0 && u < 1);
            m += u;
            hist[CounterRandom.below(key ^ 1, i, 10)]++;
        }
        assertTrue(Math.abs(m / N - 0.5) < 5 * Math.sqrt(1.0 / 12 / N));
        double chi2 = 0;
        for (int h : hist) chi2 += Math.pow(h - N / 10.0, 2) / (N / 10.0);
        assertTrue(chi2 < 9 + 5 * Math.sqrt(18), "below(): chi2 " + chi2);
    }

    @Test
    void streamsAndCountersAreIndependent() {
        long a = Streams.key(1, "noise/a"), b = Streams.key(1, "noise/b"), c = Streams.key(2, "noise/a");
        assertNotEquals(a, b);
        assertNotEquals(a, c);
        // neighbouring steps / streams: correlation of the draws is ~0
        double[] x = new double[100_000], y = new double[100_000], z = new double[100_000];
        long k0 = CounterRandom.key(a, 0), k1 = CounterRandom.key(a, 1), kb = CounterRandom.key(b, 0);
        for (int i = 0; i < x.length; i++) {
            x[i] = CounterRandom.gaussian(k0, i);
            y[i] = CounterRandom.gaussian(k1, i);
            z[i] = CounterRandom.gaussian(kb, i);
        }
        assertTrue(Math.abs(corr(x, y)) < 5 / Math.sqrt(x.length), "steps 0 and 1");
        assertTrue(Math.abs(corr(x, z)) < 5 / Math.sqrt(x.length), "streams a and b");
        double[] shifted = Arrays.copyOfRange(x, 1, x.length);
        assertTrue(Math.abs(corr(Arrays.copyOf(x, x.length - 1), shifted)) < 5 / Math.sqrt(x.length), "neurons i and i+1");
        // pure function: same inputs, same value
        assertEquals(CounterRandom.gaussian(k0, 12345), CounterRandom.gaussian(CounterRandom.key(a, 0), 12345));
    }

    static double corr(double[] x, double[] y) {
        double mx = 0, my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= x.length;
        my /= y.length;
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
