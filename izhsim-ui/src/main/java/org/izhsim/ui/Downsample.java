package org.izhsim.ui;

/**
 * Thins a long trace for drawing: the samples are cut into equal buckets and each bucket keeps
 * its lowest and highest v, in time order (the M4/min–max idea), so every spike's peak and every
 * reset trough survive while a 20,001-sample trace travels as about 3,000 points.
 */
final class Downsample {
    private Downsample() {}

    /** Indices into {@code v} to keep, ascending; all of them when there are at most {@code points}. */
    static int[] minMax(double[] v, int points) {
        int n = v.length;
        if (n <= points) {
            int[] all = new int[n];
            for (int i = 0; i < n; i++) all[i] = i;
            return all;
        }
        int buckets = Math.max(1, points / 2);
        int[] out = new int[2 * buckets + 2];
        out[0] = 0;
        int m = 1;
        for (int b = 0; b < buckets; b++) {
            int from = (int) ((long) b * n / buckets), to = (int) ((long) (b + 1) * n / buckets);
            int lo = from, hi = from;
            for (int i = from + 1; i < to; i++) {
                if (v[i] < v[lo]) lo = i;
                if (v[i] > v[hi]) hi = i;
            }
            int first = Math.min(lo, hi), second = Math.max(lo, hi);
            if (out[m - 1] != first) out[m++] = first;
            if (second != first) out[m++] = second;
        }
        if (out[m - 1] != n - 1) out[m++] = n - 1;
        return java.util.Arrays.copyOf(out, m);
    }

    static double[] pick(double[] x, int[] idx) {
        double[] out = new double[idx.length];
        for (int i = 0; i < idx.length; i++) out[i] = x[idx[i]];
        return out;
    }
}
