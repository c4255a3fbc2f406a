package org.izhsim.analysis;

/**
 * Discrete Fourier transforms of any length in O(n log n): iterative radix-2 for powers of two,
 * Bluestein's chirp-z algorithm (via a power-of-two convolution) otherwise. Sign convention as
 * numpy: X_k = Σ_j x_j·exp(−2πi·jk/n).
 */
public final class Fft {
    private Fft() {}

    /**
     * The first n/2 + 1 bins of the DFT of a real signal (numpy's {@code rfft}): returns
     * {re, im}, each of length n/2 + 1.
     */
    public static double[][] rfft(double[] x) {
        int n = x.length;
        double[] re = x.clone(), im = new double[n];
        transform(re, im);
        int m = n / 2 + 1;
        return new double[][] {java.util.Arrays.copyOf(re, m), java.util.Arrays.copyOf(im, m)};
    }

    /** In-place complex DFT of (re, im). */
    public static void transform(double[] re, double[] im) {
        int n = re.length;
        if (im.length != n) throw new IllegalArgumentException("re and im differ in length");
        if (n <= 1) return;
        if (Integer.bitCount(n) == 1) radix2(re, im, false);
        else bluestein(re, im);
    }

    /** Naive O(n²) DFT, the reference for tests. */
    public static void naive(double[] re, double[] im) {
        int n = re.length;
        double[] or = new double[n], oi = new double[n];
        for (int k = 0; k < n; k++) {
            double sr = 0, si = 0;
            for (int j = 0; j < n; j++) {
                double ang = -2 * Math.PI * (((long) j * k) % n) / n;
                double c = Math.cos(ang), s = Math.sin(ang);
                sr += re[j] * c - im[j] * s;
                si += re[j] * s + im[j] * c;
            }
            or[k] = sr;
            oi[k] = si;
        }
        System.arraycopy(or, 0, re, 0, n);
        System.arraycopy(oi, 0, im, 0, n);
    }

    private static void radix2(double[] re, double[] im, boolean inverse) {
        int n = re.length;
        int levels = Integer.numberOfTrailingZeros(n);
        for (int i = 0; i < n; i++) {
            int j = Integer.reverse(i) >>> (32 - levels);
            if (j > i) {
                double t = re[i]; re[i] = re[j]; re[j] = t;
                t = im[i]; im[i] = im[j]; im[j] = t;
            }
        }
        double sign = inverse ? 1 : -1;
        for (int size = 2; size <= n; size <<= 1) {
            int half = size >>> 1;
            double[] cr = new double[half], ci = new double[half];
            for (int k = 0; k < half; k++) {
                double ang = sign * 2 * Math.PI * k / size;
                cr[k] = Math.cos(ang);
                ci[k] = Math.sin(ang);
            }
            for (int i = 0; i < n; i += size) {
                for (int k = 0; k < half; k++) {
                    int a = i + k, b = a + half;
                    double tr = re[b] * cr[k] - im[b] * ci[k];
                    double ti = re[b] * ci[k] + im[b] * cr[k];
                    re[b] = re[a] - tr;
                    im[b] = im[a] - ti;
                    re[a] += tr;
                    im[a] += ti;
                }
            }
        }
    }

    private static void bluestein(double[] re, double[] im) {
        int n = re.length;
        int m = Integer.highestOneBit(2 * n - 1);
        if (m < 2 * n - 1) m <<= 1;
        // chirp w_k = exp(−iπ k²/n), k² taken mod 2n for accuracy
        double[] wr = new double[n], wi = new double[n];
        for (int k = 0; k < n; k++) {
            long kk = ((long) k * k) % (2L * n);
            double ang = -Math.PI * kk / n;
            wr[k] = Math.cos(ang);
            wi[k] = Math.sin(ang);
        }
        double[] ar = new double[m], ai = new double[m], br = new double[m], bi = new double[m];
        for (int k = 0; k < n; k++) {
            ar[k] = re[k] * wr[k] - im[k] * wi[k];
            ai[k] = re[k] * wi[k] + im[k] * wr[k];
        }
        br[0] = wr[0];
        bi[0] = -wi[0];
        for (int k = 1; k < n; k++) {
            br[k] = br[m - k] = wr[k];
            bi[k] = bi[m - k] = -wi[k];
        }
        radix2(ar, ai, false);
        radix2(br, bi, false);
        for (int k = 0; k < m; k++) {
            double r = ar[k] * br[k] - ai[k] * bi[k];
            double i = ar[k] * bi[k] + ai[k] * br[k];
            ar[k] = r;
            ai[k] = i;
        }
        radix2(ar, ai, true);
        for (int k = 0; k < n; k++) {
            double r = ar[k] / m, i = ai[k] / m;
            re[k] = r * wr[k] - i * wi[k];
            im[k] = r * wi[k] + i * wr[k];
        }
    }
}
