package org.izhsim.spnet;

import java.util.Arrays;

/**
 * The spikes of the current second and of the last D ms before it, in step order and, within a
 * step, ascending neuron order: time {@code t[k]} in ms relative to the second's start
 * (negative for the ms before it), neuron {@code i[k]}, for k &lt; {@code n}.
 */
final class SpikeList {
    int[] t, i;
    int n;

    SpikeList(int capacity) {
        t = new int[capacity];
        i = new int[capacity];
    }

    /** Makes room for {@code more} spikes after the first {@code held}. */
    void reserve(int held, int more) {
        if (held + more > t.length) {
            int cap = Math.max(2 * t.length, held + more);
            t = Arrays.copyOf(t, cap);
            i = Arrays.copyOf(i, cap);
        }
    }

    /** At the end of a second of {@link SpnetNetwork#STEPS} ms: keeps the spikes of its last {@code d} ms, as times before the next second. */
    void keepPending(int d) {
        int keep = 0;
        for (int k = 0; k < n; k++) {
            if (SpnetNetwork.STEPS - t[k] < d) {
                t[keep] = t[k] - SpnetNetwork.STEPS;
                i[keep++] = i[k];
            }
        }
        n = keep;
    }

    /** Sets this list to {@code count} spikes of the arrays given. */
    void set(int[] times, int[] neurons, int count) {
        t = Arrays.copyOf(times, Math.max(count, t.length));
        i = Arrays.copyOf(neurons, Math.max(count, i.length));
        n = count;
    }
}
