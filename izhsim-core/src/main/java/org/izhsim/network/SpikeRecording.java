package org.izhsim.network;

import java.util.Arrays;
import java.util.List;

/**
 * Spikes as parallel arrays of step and neuron index, sorted by (step, neuron). The time of a
 * spike is t = step·dt [ms] (the step whose cut-off test found it, see {@link Phase}).
 */
public final class SpikeRecording implements Recording {
    private final String monitorName;
    private final double dt;
    private final int[] steps, neurons;

    SpikeRecording(String monitorName, double dt, int[] steps, int[] neurons) {
        this.monitorName = monitorName;
        this.dt = dt;
        this.steps = steps;
        this.neurons = neurons;
    }

    /**
     * A recording made outside a {@link Simulation} (e.g. by the behaviour engine's spike
     * recorder); the arrays must be sorted by (step, neuron) and are copied.
     */
    public static SpikeRecording of(String name, double dt, int[] steps, int[] neurons) {
        if (steps.length != neurons.length) {
            throw new IllegalArgumentException(steps.length + " steps for " + neurons.length + " neurons");
        }
        return new SpikeRecording(name, dt, steps.clone(), neurons.clone());
    }

    /** The spikes of several ranks' recordings of the same monitor merged and sorted by (step, neuron). */
    public static SpikeRecording merge(List<SpikeRecording> parts) {
        if (parts.isEmpty()) throw new IllegalArgumentException("nothing to merge");
        int n = 0;
        for (SpikeRecording p : parts) n += p.count();
        long[] keys = new long[n];
        int j = 0;
        for (SpikeRecording p : parts) {
            for (int i = 0; i < p.count(); i++) keys[j++] = ((long) p.steps[i] << 32) | (p.neurons[i] & 0xFFFFFFFFL);
        }
        Arrays.sort(keys);
        int[] s = new int[n], nn = new int[n];
        for (int i = 0; i < n; i++) {
            s[i] = (int) (keys[i] >>> 32);
            nn[i] = (int) keys[i];
        }
        return new SpikeRecording(parts.get(0).monitorName, parts.get(0).dt, s, nn);
    }

    @Override
    public String monitorName() {
        return monitorName;
    }

    public double dt() {
        return dt;
    }

    public int count() {
        return steps.length;
    }

    public int step(int i) {
        return steps[i];
    }

    public int neuron(int i) {
        return neurons[i];
    }

    /** t_k = k·dt of spike i [ms]. */
    public double timeMs(int i) {
        return steps[i] * dt;
    }

    public int[] steps() {
        return steps.clone();
    }

    public int[] neurons() {
        return neurons.clone();
    }

    /** Spike times [ms], t = step·dt. */
    public double[] timesMs() {
        double[] t = new double[steps.length];
        for (int i = 0; i < t.length; i++) t[i] = steps[i] * dt;
        return t;
    }

    /** Number of spikes of neurons in [from, to). */
    public int countNeurons(int from, int to) {
        int c = 0;
        for (int x : neurons) if (x >= from && x < to) c++;
        return c;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SpikeRecording r && dt == r.dt && Arrays.equals(steps, r.steps) && Arrays.equals(neurons, r.neurons);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(steps) + Arrays.hashCode(neurons);
    }

    @Override
    public String toString() {
        return "SpikeRecording(" + monitorName + ", " + count() + " spikes)";
    }
}
