package org.izhsim.network;

/** Sampled v, u, I of chosen neurons (see {@link StateMonitor}); sample s is step s·every. */
public final class StateRecording implements Recording {
    private final String monitorName;
    private final double dt;
    private final int every;
    private final int[] neurons;
    private final int samples;
    private final double[] v, u, i;

    StateRecording(String monitorName, double dt, int every, int[] neurons, int samples, double[] v, double[] u, double[] i) {
        this.monitorName = monitorName;
        this.dt = dt;
        this.every = every;
        this.neurons = neurons;
        this.samples = samples;
        this.v = v;
        this.u = u;
        this.i = i;
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
        return switch (var) {
            case V -> v != null;
            case U -> u != null;
            case I -> i != null;
        };
    }

    /** The trace of variable {@code var} of the j-th recorded neuron. */
    public double[] trace(StateMonitor.Variable var, int j) {
        double[] src = switch (var) {
            case V -> v;
            case U -> u;
            case I -> i;
        };
        if (src == null) throw new IllegalArgumentException(var + " was not recorded by '" + monitorName + "'");
        if (j < 0 || j >= neurons.length) throw new IndexOutOfBoundsException("column " + j + " of " + neurons.length);
        double[] out = new double[samples];
        int m = neurons.length;
        for (int s = 0; s < samples; s++) out[s] = src[s * m + j];
        return out;
    }
}
