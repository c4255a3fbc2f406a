package org.izhsim.behaviour;

import java.util.Collections;
import java.util.Map;
import java.util.Set;

/**
 * Named vectors recorded by a {@link Recorder}: for each name one row per recorded iteration,
 * N values per row. Immutable: accessors return copies.
 */
public final class VectorRecording {
    private final String group;
    private final double dt;
    private final long[] iterations;
    private final Map<String, double[][]> frames;

    VectorRecording(String group, double dt, long[] iterations, Map<String, double[][]> frames) {
        this.group = group;
        this.dt = dt;
        this.iterations = iterations;
        this.frames = Collections.unmodifiableMap(frames);
    }

    /** The tag of the recorded group. */
    public String group() {
        return group;
    }

    public Set<String> names() {
        return frames.keySet();
    }

    /** Number of recorded iterations. */
    public int count() {
        return iterations.length;
    }

    /** The iteration of row r. */
    public long iteration(int row) {
        return iterations[row];
    }

    /** Time of row r [ms]: iteration·dt. */
    public double timeMs(int row) {
        return iterations[row] * dt;
    }

    /** Neurons per row. */
    public int size() {
        return iterations.length == 0 ? 0 : frames.values().iterator().next()[0].length;
    }

    public double value(String name, int row, int neuron) {
        return rows(name)[row][neuron];
    }

    /** The values of one neuron over all rows. */
    public double[] trace(String name, int neuron) {
        double[][] f = rows(name);
        double[] out = new double[f.length];
        for (int r = 0; r < f.length; r++) out[r] = f[r][neuron];
        return out;
    }

    /** All neurons at row r (a copy). */
    public double[] row(String name, int row) {
        return rows(name)[row].clone();
    }

    /** A copy of everything recorded for this name, [row][neuron]. */
    public double[][] matrix(String name) {
        double[][] f = rows(name);
        double[][] out = new double[f.length][];
        for (int r = 0; r < f.length; r++) out[r] = f[r].clone();
        return out;
    }

    private double[][] rows(String name) {
        double[][] f = frames.get(name);
        if (f == null) throw new IllegalArgumentException("'" + name + "' was not recorded; recorded: " + String.join(", ", frames.keySet()));
        return f;
    }
}
