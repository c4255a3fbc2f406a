package org.izhsim.integrate;

import java.util.Arrays;

/** A growable list of neuron indices that spiked, filled by a kernel in ascending index order. */
public final class SpikeList {
    private int[] items;
    private int size;

    public SpikeList() {
        this(16);
    }

    public SpikeList(int capacity) {
        items = new int[Math.max(1, capacity)];
    }

    public void add(int neuron) {
        if (size == items.length) items = Arrays.copyOf(items, items.length * 2);
        items[size++] = neuron;
    }

    public int size() {
        return size;
    }

    public int get(int index) {
        return items[index];
    }

    /** The backing array; only the first {@link #size()} entries are valid. */
    public int[] array() {
        return items;
    }

    public void clear() {
        size = 0;
    }

    public int[] toArray() {
        return Arrays.copyOf(items, size);
    }
}
