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

    /**
     * A recording made elsewhere (e.g. received from another rank): {@code values[q]} holds
     * the samples × neurons of {@code names.get(q)}, row-major; not copied.
     */
    public static StateRecording of(String monitorName, double dt, int every, int[] neurons, int samples, List<String> names,
                                    double[][] values) {
        if (names.size() != values.length) throw new IllegalArgumentException(names.size() + " names for " + values.length + " arrays");
        for (double[] a : values) {
            if (a.length != (long) samples * neurons.length) {
                throw new IllegalArgumentException(a.length + " values for " + samples + " samples of " + neurons.length + " neurons");
            }
        }
        return new StateRecording(monitorName, dt, every, neurons.clone(), samples, names, values);
    }

    /**
     * Several ranks' recordings of the same monitor as one: each rank holds the values of the
     * neurons it simulates and NaN for the others (see {@link StateMonitor}), so every value is
     * taken from the part where it is not NaN (NaN if it is NaN everywhere).
     */
    public static StateRecording merge(List<StateRecording> parts) {
        if (parts.isEmpty()) throw new IllegalArgumentException("nothing to merge");
        StateRecording first = parts.get(0);
        for (StateRecording p : parts) {
            if (p.samples != first.samples || p.every != first.every || !java.util.Arrays.equals(p.neurons, first.neurons)
                    || !p.names.equals(first.names)) {
                throw new IllegalArgumentException("'" + first.monitorName + "': parts of different shapes cannot be merged");
            }
        }
        double[][] merged = new double[first.values.length][];
        for (int q = 0; q < merged.length; q++) {
            double[] m = first.values[q].clone();
            for (StateRecording p : parts.subList(1, parts.size())) {
                double[] b = p.values[q];
                for (int x = 0; x < m.length; x++) if (Double.isNaN(m[x])) m[x] = b[x];
            }
            merged[q] = m;
        }
        return new StateRecording(first.monitorName, first.dt, first.every, first.neurons, first.samples, first.names, merged);
    }

    /** The step [ms]. */
    public double dt() {
        return dt;
    }

    /** Steps between samples. */
    public int every() {
        return every;
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
        double[] src = values[indexOf(name)];
        if (j < 0 || j >= neurons.length) throw new IndexOutOfBoundsException("column " + j + " of " + neurons.length);
        double[] out = new double[samples];
        int m = neurons.length;
        for (int s = 0; s < samples; s++) out[s] = src[s * m + j];
        return out;
    }

    private int indexOf(String name) {
        int q = names.indexOf(name);
        if (q < 0) throw new IllegalArgumentException(name + " was not recorded by '" + monitorName + "'; recorded: "
                + String.join(", ", names));
        return q;
    }
}
