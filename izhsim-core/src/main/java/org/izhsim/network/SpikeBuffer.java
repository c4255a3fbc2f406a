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

    public int[] neuronArray() {
        return neurons;
    }

    private void grow(int need) {
        int cap = GrowableInts.grow(steps.length, need);
        steps = Arrays.copyOf(steps, cap);
        neurons = Arrays.copyOf(neurons, cap);
    }
}
