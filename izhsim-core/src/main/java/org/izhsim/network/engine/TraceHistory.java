package org.izhsim.network.engine;

import java.util.Map;

/**
 * A per-neuron trace of a plastic rule with its last {@code depth} steps: column k holds the
 * value at step k after that step's spikes. A synapse of delay d reads its pre neuron's trace
 * at arrival time, X(t − d), so a pre trace keeps as many steps as the group's largest delay
 * (plus the steps that workers may be apart: see {@link Learning}); a post trace needs two.
 *
 * <p>Only the worker that owns a neuron writes its column of step k, before the barrier of
 * step k; everyone reads columns ≤ k after it. Column k + 1 is written in the next step while
 * slower workers may still read columns k − depth + 2 … k, so a depth of (reads back) + 2 never
 * overwrites a column being read.
 */
final class TraceHistory {
    private final double[][] x;
    private final int depth, n;

    TraceHistory(int n, int depth) {
        this.n = n;
        this.depth = depth;
        this.x = new double[depth][n];
    }

    /** The trace of neuron i at step {@code step} (0 before the run). */
    double at(int i, long step) {
        return step < 0 ? 0 : x[(int) (step % depth)][i];
    }

    private double[] column(long k) {
        return x[(int) (k % depth)];
    }

    /**
     * Step k of the trace of worker wk's neurons of {@code g}: X(k) ← f·X(k − 1), rounded to
     * float if {@code asFloat} (a rule whose traces are float, as spnet's); then each of their
     * spikes of step k sets X to {@code a} ({@code replace}: nearest-spike pairing, spnet's
     * histories) or adds {@code a} (all-to-all).
     */
    void step(Worker wk, long k, GroupState g, double f, boolean asFloat, double a, boolean replace) {
        final int from = g.wFrom[wk.id], to = g.wTo[wk.id];
        double[] cur = column(k), prev = x[(int) ((k + depth - 1) % depth)];
        if (asFloat) {
            for (int i = from; i < to; i++) cur[i] = (float) (f * prev[i]);
        } else {
            for (int i = from; i < to; i++) cur[i] = f * prev[i];
        }
        for (int i = PlasticSite.spikesFrom(wk, g), end = PlasticSite.spikesTo(wk, g); i < end; i++) {
            int q = wk.spikes[i] - g.off;
            cur[q] = replace ? a : cur[q] + a;
        }
    }

    void save(Map<String, double[]> out, String key) {
        double[] flat = new double[depth * n];
        for (int s = 0; s < depth; s++) System.arraycopy(x[s], 0, flat, s * n, n);
        out.put(key, flat);
    }

    void load(Map<String, double[]> in, String key) {
        double[] flat = in.get(key);
        if (flat == null || flat.length != depth * n) throw Checkpoint.missing(key);
        for (int s = 0; s < depth; s++) System.arraycopy(flat, s * n, x[s], 0, n);
    }
}
