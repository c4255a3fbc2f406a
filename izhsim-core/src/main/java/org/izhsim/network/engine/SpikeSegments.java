package org.izhsim.network.engine;

import java.util.Arrays;
import org.izhsim.synapse.DelayRows;

/**
 * One worker's segment bounds of the recent spikes of one plastic group: for each step s that
 * {@link Learning} keeps, the {@link DelayRows#segments} of each of that step's spikes of the
 * group's pre neurons onto the worker's posts, read at the first arrival of step s and used by
 * all of them, so that an arrival costs no lookup of its segment (BENCHMARKS.md §8, session 20).
 * Derived state: nothing of it is checkpointed, and {@link #forget} makes every step read anew.
 */
final class SpikeSegments {
    private final DelayRows rows;
    private final int worker, stride;
    private final int[][] bounds;
    private final long[] step;

    SpikeSegments(DelayRows rows, int worker, int slots) {
        this.rows = rows;
        this.worker = worker;
        this.stride = rows.span() + 1;
        this.bounds = new int[slots][0];
        this.step = new long[slots];
        forget();
    }

    /** Bounds of the segment of delay index k of spike i: [b[i·stride + k], b[i·stride + k + 1]). */
    int stride() {
        return stride;
    }

    /**
     * The bounds of step {@code s}'s spikes {@code spikes[lo, hi)} (group-local pre = spike −
     * {@code off}), kept in {@code slot}: read from the rows at the first call for s.
     */
    int[] of(int slot, long s, int[] spikes, int lo, int hi, int off) {
        int[] b = bounds[slot];
        if (step[slot] != s) {
            int need = (hi - lo) * stride;
            if (b.length < need) b = bounds[slot] = new int[Math.max(need, 2 * b.length)];
            for (int i = lo; i < hi; i++) rows.segments(spikes[i] - off, worker, b, (i - lo) * stride);
            step[slot] = s;
        }
        return b;
    }

    void forget() {
        Arrays.fill(step, -1);
    }
}
