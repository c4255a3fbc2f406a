package org.izhsim.analysis.polychronous;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Hand-built and random weight snapshots for the group-search tests. */
final class TestNetworks {
    private TestNetworks() {}

    /** Synapses collected one by one. */
    static final class Builder {
        final List<int[]> syn = new ArrayList<>();
        final List<Double> w = new ArrayList<>();

        Builder add(int pre, int post, int delay, double weight) {
            syn.add(new int[] {pre, post, delay});
            w.add(weight);
            return this;
        }

        SynapseSnapshot build(int n, int ne, double sm) {
            int m = syn.size();
            int[] pre = new int[m], post = new int[m], delay = new int[m];
            double[] ws = new double[m];
            for (int k = 0; k < m; k++) {
                pre[k] = syn.get(k)[0];
                post[k] = syn.get(k)[1];
                delay[k] = syn.get(k)[2];
                ws[k] = w.get(k);
            }
            return new SynapseSnapshot(n, ne, sm, pre, post, delay, ws);
        }
    }

    /**
     * A chain of {@code length} neurons X1..XK fired by anchors A0, A1, A2 (at 0, 1, 2 ms); every
     * Xk gets three strong (10 mV = sm) PSPs at the same millisecond, which fire a neuron at rest
     * 2 ms later (by hand: 30 mV take v from −70 to −40, then −12.5, then past 30), and
     * Xk fires at 7 + 3(k − 1) ms. Inputs: X1 ← A0, A1, A2; X2 ← A0, A1, X1; X3 ← A2, X1, X2;
     * Xk ← X(k−1), X(k−2), X(k−3), so each anchor is linked twice and Xk sits in layer k.
     * Neurons: anchors {@code first + 0..2}, Xk = {@code first + 2 + k}.
     *
     * @param onlyOnce if true, X2 takes A2 instead of A0, so A0 is linked once (X1 only)
     */
    static void chain(Builder b, int first, int length, boolean onlyOnce, double w) {
        int[] time = new int[length + 3];
        time[0] = 0;
        time[1] = 1;
        time[2] = 2;
        for (int k = 1; k <= length; k++) time[k + 2] = 7 + 3 * (k - 1);
        for (int k = 1; k <= length; k++) {
            int[] from = switch (k) {
                case 1 -> new int[] {0, 1, 2};
                case 2 -> onlyOnce ? new int[] {2, 1, 3} : new int[] {0, 1, 3};
                case 3 -> new int[] {2, 3, 4};
                default -> new int[] {k + 1, k, k - 1};
            };
            for (int j : from) b.add(first + j, first + k + 2, time[k + 2] - 2 - time[j], w);
        }
    }

    /** Expected spike times [ms] of {@link #chain}'s neurons, anchors first. */
    static int[] chainTimes(int length) {
        int[] t = new int[length + 3];
        t[1] = 1;
        t[2] = 2;
        for (int k = 1; k <= length; k++) t[k + 2] = 7 + 3 * (k - 1);
        return t;
    }

    /**
     * Random connectivity: {@code out} synapses per neuron, delays 1..20 ms, excitatory weights
     * strong (uniform in (9.5, strongMax]) with probability {@code pStrong} and uniform on
     * [0, 9.5] otherwise, inhibitory −5 onto excitatory neurons.
     */
    static void random(Builder b, int n, int ne, int out, double pStrong, double strongMax, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            for (int s = 0; s < out; s++) {
                int post = i < ne ? r.nextInt(n) : r.nextInt(ne);
                if (post == i) continue;
                int delay = i < ne ? 1 + r.nextInt(20) : 1;
                double w = i >= ne ? -5 : r.nextDouble() < pStrong ? 9.5 + (strongMax - 9.5) * (1 - r.nextDouble()) : 9.5 * r.nextDouble();
                b.add(i, post, delay, w);
            }
        }
    }
}
