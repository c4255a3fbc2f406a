package org.izhsim.network;

import java.util.List;

/** Sampled variables (v, u, I or any named vector) of chosen neurons (see {@link StateMonitor}); sample s is step s·every. */
public final class StateRecording implements Recording {
    private final String monitorName;
    private final double dt;
    private final int every;
    private final int[] neurons;
    private final int samples;
    private final List<String> names;
    /** values[q]: samples × neurons, row-major, of names.get(q). */
    private final double[][] values;

    StateRecording(String monitorName, double dt, int every, int[] neurons, int samples, List<String> names, double[][] values) {
        this.monitorName = monitorName;
        this.dt = dt;
        this.every = every;
        this.neurons = neurons;
        this.samples = samples;
        this.names = List.copyOf(names);
        this.values = values;
    }

    /** The recorded variables' names, in recording order. */
    public List<String> variables() {
        return names;
    }

    @Override
    public String monitorName() {
        return monitorName;
    }

    public int samples() {
        return samples;
    }

    /** The recorded neurons (indices within the group), in the order given to the monitor. */
    public int[] neurons() {
        return neurons.clone();
    }

    /** The step of sample s. */
    public long step(int s) {
        return (long) s * every;
    }

    /** t_k of each sample [ms]. */
    public double[] timesMs() {
        double[] t = new double[samples];
        for (int s = 0; s < samples; s++) t[s] = (long) s * every * dt;
        return t;
    }

    /** Whether {@code var} was recorded. */
    public boolean has(StateMonitor.Variable var) {
        return has(var.id());
    }

    /** Whether the variable {@code name} was recorded. */
    public boolean has(String name) {
        return names.contains(name);
    }

    /** The trace of variable {@code var} of the j-th recorded neuron. */
    public double[] trace(StateMonitor.Variable var, int j) {
        return trace(var.id(), j);
    }

    /** The trace of the variable {@code name} of the j-th recorded neuron. */
    public double[] trace(String name, int j) {
        int q = names.indexOf(name);
        if (q < 0) throw new IllegalArgumentException(name + " was not recorded by '" + monitorName + "'; recorded: "
                + String.join(", ", names));
        double[] src = values[q];
        if (j < 0 || j >= neurons.length) throw new IndexOutOfBoundsException("column " + j + " of " + neurons.length);
        double[] out = new double[samples];
        int m = neurons.length;
        for (int s = 0; s < samples; s++) out[s] = src[s * m + j];
        return out;
    }
}
