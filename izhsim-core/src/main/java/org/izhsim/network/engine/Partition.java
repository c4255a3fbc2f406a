package org.izhsim.network.engine;

/**
 * Which neurons each worker owns: of every group a contiguous block of this rank's range, with
 * boundaries on multiples of 16 neurons (no two workers write the same cache line), so that
 * work and synapse-row segments stay balanced whatever the group sizes.
 */
final class Partition {
    private Partition() {}

    /** Sets {@code g}'s owned range for this rank's global range [lo, hi) and the workers' blocks of it. */
    static void assign(GroupState g, int lo, int hi, int threads) {
        g.from = clamp(lo - g.off, 0, g.n);
        g.to = clamp(hi - g.off, 0, g.n);
        g.wFrom = new int[threads];
        g.wTo = new int[threads];
        for (int t = 0; t < threads; t++) {
            int x = (int) (g.from + (long) (g.to - g.from) * t / threads);
            if (t > 0) x = Math.max(g.from, x & ~15);
            g.wFrom[t] = Math.max(x, t > 0 ? g.wFrom[t - 1] : g.from);
        }
        for (int t = 0; t < threads; t++) g.wTo[t] = t + 1 < threads ? g.wFrom[t + 1] : g.to;
    }

    /** Worker boundaries in the post group's local indices, clamped to this rank's posts. */
    static int[] postBounds(GroupState post, int threads) {
        int[] bounds = new int[threads + 1];
        for (int t = 0; t < threads; t++) bounds[t] = post.wFrom[t];
        bounds[threads] = post.to;
        return bounds;
    }

    private static int clamp(int x, int lo, int hi) {
        return Math.max(lo, Math.min(hi, x));
    }
}
