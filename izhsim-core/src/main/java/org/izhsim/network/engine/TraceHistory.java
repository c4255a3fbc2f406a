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
 * overwrites a column being read. With several ranks, the neurons other ranks own get their
 * columns from the exchanged spikes ({@link #stepRemote}), in the serial part of the barrier
 * that ends an interval, when no worker reads.
 */
final class TraceHistory {
    /**
     * How a trace moves per step: X(k) ← f·X(k − 1), rounded to float if {@code asFloat} (a rule
     * whose traces are float, as spnet's); then each spike of step k sets X to {@code a}
     * ({@code replace}: nearest-spike pairing, spnet's histories) or adds {@code a} (all-to-all).
     * {@code name} is the trace's key in a checkpoint.
     */
    record Kinetics(String name, double f, boolean asFloat, double a, boolean replace) {
    }

    private final double[][] x;
    private final int depth, n;

    TraceHistory(int n, int depth) {
        this.n = n;
        this.depth = depth;
        this.x = new double[depth][n];
    }

    /** Every neuron's trace at step {@code step}, to read by neuron index; null before the run (all 0). */
    double[] columnAt(long step) {
        return step < 0 ? null : x[(int) (step % depth)];
    }

    /** The column of step k ≥ 0, for {@link #back}: one division per step k instead of one per read. */
    int slotOf(long k) {
        return (int) (k % depth);
    }

    /**
     * The trace of neuron i at step k − d (0 before the run), for 0 ≤ d < depth and
     * {@code slotK} = {@link #slotOf}(k): no division per read in the loops that read one per synapse.
     */
    double back(int i, long k, int slotK, int d) {
        if (d > k) return 0;
        int c = slotK - d;
        return x[c < 0 ? c + depth : c][i];
    }

    private double[] column(long k) {
        return x[(int) (k % depth)];
    }

    /** Step k of the trace of worker wk's neurons of {@code g}, moved by {@code m}. */
    void step(Worker wk, long k, GroupState g, Kinetics m) {
        double[] cur = column(k), prev = column(k + depth - 1);
        decay(cur, prev, g.wFrom[wk.id], g.wTo[wk.id], m);
        for (int i = PlasticSite.spikesFrom(wk, g), end = PlasticSite.spikesTo(wk, g); i < end; i++) {
            hit(cur, wk.spikes[i] - g.off, m);
        }
    }

    /**
     * Step s of the trace of the neurons of {@code g} that other ranks own (outside [g.from,
     * g.to)), as {@link #step} computes it for owned ones, from all ranks' spikes of step s:
     * {@code spikes[from, to)}, global indices ascending. Serial, at the barrier that ends an
     * exchange interval, for each of its steps in order; see {@link Learning#exchanged} for
     * why the columns are ready before anyone reads them.
     */
    void stepRemote(long s, GroupState g, Kinetics m, int[] spikes, int from, int to) {
        double[] cur = column(s), prev = column(s + depth - 1);
        decay(cur, prev, 0, g.from, m);
        decay(cur, prev, g.to, g.n, m);
        for (int i = from; i < to; i++) {
            int q = spikes[i] - g.off;
            if (q >= 0 && q < g.n && (q < g.from || q >= g.to)) hit(cur, q, m);
        }
    }

    private static void decay(double[] cur, double[] prev, int from, int to, Kinetics m) {
        double f = m.f();
        if (m.asFloat()) {
            for (int i = from; i < to; i++) cur[i] = (float) (f * prev[i]);
        } else {
            for (int i = from; i < to; i++) cur[i] = f * prev[i];
        }
    }

    private static void hit(double[] cur, int q, Kinetics m) {
        cur[q] = m.replace() ? m.a() : cur[q] + m.a();
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
