package org.izhsim.network;

import java.util.Arrays;

/** A reusable list of (step, global neuron) spike pairs, the unit a {@link Communicator} exchanges. */
public final class SpikeBuffer {
    private long[] steps = new long[64];
    private int[] neurons = new int[64];
    private int size;

    public int size() {
        return size;
    }

    public long step(int i) {
        return steps[i];
    }

    public int neuron(int i) {
        return neurons[i];
    }

    public void clear() {
        size = 0;
    }

    public void add(long step, int neuron) {
        if (size == steps.length) grow(size + 1);
        steps[size] = step;
        neurons[size++] = neuron;
    }

    /** Appends {@code count} spikes of one step. */
    public void addAll(long step, int[] ns, int count) {
        if (size + count > steps.length) grow(size + count);
        Arrays.fill(steps, size, size + count, step);
        System.arraycopy(ns, 0, neurons, size, count);
        size += count;
    }

    /** Appends entries [from, to) of another buffer. */
    public void addRange(SpikeBuffer other, int from, int to) {
        int n = to - from;
        if (size + n > steps.length) grow(size + n);
        System.arraycopy(other.steps, from, steps, size, n);
        System.arraycopy(other.neurons, from, neurons, size, n);
        size += n;
    }

    /**
     * The exchange's merge: {@code out} is cleared and filled with every rank's spikes sorted by
     * (step, neuron), given each rank's spikes of the interval sorted so. Within a step, rank
     * blocks of neurons ascend with the rank, so rank order is neuron order: the merge takes one
     * step at a time from each rank in turn. {@code pos} is scratch of at least parts.length.
     */
    public static void mergeRanks(SpikeBuffer[] parts, int[] pos, SpikeBuffer out) {
        out.clear();
        Arrays.fill(pos, 0, parts.length, 0);
        while (true) {
            long s = Long.MAX_VALUE;
            for (int r = 0; r < parts.length; r++) {
                if (pos[r] < parts[r].size) s = Math.min(s, parts[r].steps[pos[r]]);
            }
            if (s == Long.MAX_VALUE) return;
            for (int r = 0; r < parts.length; r++) {
                SpikeBuffer d = parts[r];
                int from = pos[r], to = from;
                while (to < d.size && d.steps[to] == s) to++;
                out.addRange(d, from, to);
                pos[r] = to;
            }
        }
    }

    public int[] neuronArray() {
        return neurons;
    }

    private void grow(int need) {
        int cap = GrowableInts.grow(steps.length, need);
        steps = Arrays.copyOf(steps, cap);
        neurons = Arrays.copyOf(neurons, cap);
    }
}
