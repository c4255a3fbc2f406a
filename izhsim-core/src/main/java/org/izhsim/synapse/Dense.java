package org.izhsim.synapse;

import org.izhsim.network.Connectivity;
import org.izhsim.network.SynapseGroup;

/**
 * A float matrix, row = pre, columns = posts [q0, q1); absent pairs weigh 0, and every synapse
 * has the group's one delay. For all-to-all and dense random rules: 4 bytes a cell, and a
 * delivery loop that the JIT vectorises. Static groups only (it has no notion of an absent
 * synapse, so no per-synapse state either).
 */
public final class Dense extends SynapseMatrix {
    final float[] w;
    final int cols;
    /** Synapses per (worker, pre) for event counts; null for all-to-all. */
    int[][] rowCounts;
    final boolean full;

    private Dense(SynapseGroup g, int q0, int q1) {
        super(g, q0, q1);
        long cells = (long) nPre * (q1 - q0);
        if (cells > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("synapse group '" + g.name() + "': a dense " + nPre + " x " + (q1 - q0)
                    + " matrix exceeds one Java array; use Storage.CSR");
        }
        this.cols = q1 - q0;
        this.w = new float[(int) cells];
        this.full = g.connectivity() instanceof Connectivity.AllToAll;
    }

    @Override
    public long size() {
        if (full) return w.length;
        long n = 0;
        for (int[] rc : rowCounts) for (int c : rc) n += c;
        return n;
    }

    @Override
    public long bytes() {
        return 4L * w.length;
    }

    @Override
    public int rowLength(int pre) {
        return cols;
    }

    @Override
    public int postAt(int pre, int j) {
        return q0 + j;
    }

    @Override
    public float weightAt(int pre, int j) {
        return w[pre * cols + j];
    }

    @Override
    public int delayAt(int pre, int j) {
        return uniformDelay;
    }

    @Override
    public void prepare(int[] b) {
        bounds = b;
    }

    @Override
    public long deliver(int pre, int wk, double[][] ring, int slot0) {
        int from = bounds[wk], to = bounds[wk + 1];
        if (from >= to) return 0;
        int slot = slot0 + uniformDelay;
        if (slot >= ring.length) slot -= ring.length;
        final double[] acc = ring[slot];
        final float[] w = this.w;
        final int off = pre * cols - q0;
        for (int q = from; q < to; q++) acc[q] += w[off + q];
        return full ? to - from : rowCounts[wk][pre];
    }

    static Dense of(SynapseGroup s, long seed, int q0, int q1, Parallel par, int[] workerBounds) {
        Dense m = new Dense(s, q0, q1);
        Values vals = new Values(s, seed);
        int nPre = m.nPre, nPost = m.nPost, cols = m.cols;
        if (m.full) {
            int[] b = split(0, nPre, par.size());
            par.run(wk -> {
                long[] keys = new long[cols];
                for (int q = q0; q < q1; q++) keys[q - q0] = vals.postKey(q);
                for (int p = b[wk]; p < b[wk + 1]; p++) {
                    int row = p * cols;
                    for (int q = q0; q < q1; q++) m.w[row + q - q0] = vals.weight(keys[q - q0], p, (long) p * nPost + q);
                }
            });
            return m;
        }
        int workers = workerBounds.length - 1;
        m.rowCounts = new int[workers][nPre];
        Partners partners = new Partners(s, seed);
        int cap = Partners.capacity(s.connectivity());
        int[] tb = split(q0, q1, par.size());
        int[][] local = new int[par.size()][];
        final boolean shared = s.connectivity() instanceof Connectivity.FixedInDegreeFrom;
        final int lo = shared ? ((Connectivity.FixedInDegreeFrom) s.connectivity()).offsetOf(s.pre()) : 0;
        par.run(t -> {
            Partners.Scratch sc = new Partners.Scratch(partners.universe(), cap);
            int[] counts = new int[workers * nPre];
            int[] kept = new int[Math.max(16, cap)];
            for (int q = tb[t]; q < tb[t + 1]; q++) {
                int worker = workerOf(workerBounds, q);
                int n = partners.of(q, sc);
                int[] sel = sc.out;
                if (shared) {
                    n = Partners.keep(sc.out, n, lo, nPre, kept);
                    sel = kept;
                }
                long key = vals.postKey(q);
                for (int i = 0; i < n; i++) {
                    int p = sel[i];
                    m.w[p * cols + q - q0] = vals.weight(key, p, -1);
                    counts[worker * nPre + p]++;
                }
            }
            local[t] = counts;
        });
        for (int[] counts : local) {
            for (int wk = 0; wk < workers; wk++) for (int p = 0; p < nPre; p++) m.rowCounts[wk][p] += counts[wk * nPre + p];
        }
        return m;
    }

    private static int workerOf(int[] b, int q) {
        int w = 0;
        while (w + 1 < b.length - 1 && q >= b[w + 1]) w++;
        return w;
    }
}
