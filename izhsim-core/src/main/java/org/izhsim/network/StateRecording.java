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

    /** A recording made elsewhere (e.g. received from another rank); row-major arrays (null for a variable not recorded), not copied. */
    public static StateRecording of(String monitorName, double dt, int every, int[] neurons, int samples, double[] v, double[] u, double[] i) {
        for (double[] a : new double[][] {v, u, i}) {
            if (a != null && a.length != (long) samples * neurons.length) {
                throw new IllegalArgumentException(a.length + " values for " + samples + " samples of " + neurons.length + " neurons");
            }
        }
        return new StateRecording(monitorName, dt, every, neurons.clone(), samples, v, u, i);
    }

    /**
     * Several ranks' recordings of the same monitor as one: each rank holds the values of the
     * neurons it simulates and NaN for the others (see {@link StateMonitor}), so every value is
     * taken from the part where it is not NaN (NaN if it is NaN everywhere).
     */
    public static StateRecording merge(java.util.List<StateRecording> parts) {
        if (parts.isEmpty()) throw new IllegalArgumentException("nothing to merge");
        StateRecording first = parts.get(0);
        for (StateRecording p : parts) {
            if (p.samples != first.samples || p.every != first.every || !java.util.Arrays.equals(p.neurons, first.neurons)) {
                throw new IllegalArgumentException("'" + first.monitorName + "': parts of different shapes cannot be merged");
            }
        }
        double[][] merged = new double[3][];
        for (int var = 0; var < 3; var++) {
            double[] a = first.values(var);
            if (a == null) continue;
            double[] m = a.clone();
            for (StateRecording p : parts.subList(1, parts.size())) {
                double[] b = p.values(var);
                for (int x = 0; x < m.length; x++) if (Double.isNaN(m[x])) m[x] = b[x];
            }
            merged[var] = m;
        }
        return new StateRecording(first.monitorName, first.dt, first.every, first.neurons, first.samples, merged[0], merged[1], merged[2]);
    }

    private double[] values(int var) {
        return var == 0 ? v : var == 1 ? u : i;
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
