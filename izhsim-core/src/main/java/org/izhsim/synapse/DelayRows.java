package org.izhsim.synapse;

import java.util.Arrays;
import org.izhsim.network.SynapseGroup;

/**
 * {@link Rows} grouped by worker, then by delay, for rules that act when a spike arrives. Row
 * {@code pre} holds one block per worker of the bounds it was {@link #prepare prepared} for
 * (the synapses onto that worker's posts); a block holds one segment per delay value, delays
 * ascending, and within a segment the posts ascend as in {@link Csr} (a stable sort of the
 * post-ordered row). At step t the synapses of a spike of {@code pre} at step t_f that arrive
 * now onto worker w's posts are one segment: ({@code pre}, w, delay t − t_f).
 *
 * <p><b>Why blocks per worker.</b> With the workers' parts of a segment side by side, both
 * workers first had to find where their part starts (a search through the segment), and then
 * wrote weights into the same cache line at the same step (depression at arrival), so the line
 * moved between the cores; a block per worker needs no search and shares no line. A worker
 * reads the {@link #segments} of each spike once, at its first arrival, instead of one offset
 * per arrival (BENCHMARKS.md §8, session 20).
 *
 * <p><b>Canonical order.</b> The storage order depends on the number of workers; the order in
 * which views, checkpoints and {@link #storageIndex} list a row does not: delays ascending,
 * posts ascending within a delay, the order of the build among equal (delay, post) pairs — the
 * storage order on one worker. Delivering at arrival adds to each post the same values in the
 * same order as delivering at spike time into a ring (a post's ring cell for step t gets its
 * additions in the order of the spikes' steps, then of their pre indices, then of the row, and
 * arrival processing that walks the recent spikes in that order meets the same synapses in the
 * same order), for any number of workers: the synapses onto one post are all in one block, in
 * their canonical order. So the ring sums, and the spikes, are bit-identical to {@link Csr}'s.
 *
 * <p>The delay of a synapse is implied by its segment, so this layout keeps no per-synapse
 * delay: a count per (pre, worker, delay value), in 2 bytes when no row is longer than 65,535
 * synapses (else 4), and the start of each block after a row's first (4 bytes per pre and extra
 * worker).
 */
public final class DelayRows extends Rows {
    private static final int NARROW_MAX = Character.MAX_VALUE;

    final int dMin, span;
    /** Workers of the layout; block (pre, w) is [blockStart[pre·W + w], blockStart[pre·W + w + 1]). */
    private int workers;
    private int[] blockStart;
    /** Synapses of segment (pre, w, k = delay − dMin) at (pre·W + w)·span + k: one of the two is null. */
    private char[] narrowCounts;
    private int[] counts;
    /** Bumped by every new layout: a thread's kept row order ({@link #storageIndex}) is of one layout. */
    private int layout;
    private final ThreadLocal<int[]> order = new ThreadLocal<>();

    private DelayRows(Csr m, int dMin, int span) {
        super(m.group, m.q0, m.q1, m.rowStart, m.entries, m.nnz);
        this.dMin = dMin;
        this.span = span;
    }

    /**
     * Reorders the rows of the freshly built {@code m} into blocks for the workers of
     * {@code bounds} (worker w owns posts [bounds[w], bounds[w + 1])) grouped by delay, in place
     * (stable, one counting sort per row on {@code par}'s workers), and returns them as
     * delay-grouped rows; {@code m} shares the reordered arrays and must not be used afterwards.
     */
    static DelayRows groupByDelay(Csr m, Parallel par, int[] bounds) {
        if (m.narrowPosts()) throw new IllegalArgumentException("rows grouped by delay are built from 4-byte posts");
        SynapseGroup g = m.group;
        DelayRows r = new DelayRows(m, g.delays().min(), g.delays().max() - g.delays().min() + 1);
        r.layOut(bounds, par, m);
        r.bounds = bounds;
        return r;
    }

    /**
     * Sorts every row by (owner of the post, delay), stably, from its canonical order: the
     * build's post order of {@code built} (the matrix this one was made from, before the first
     * layout) or the current layout's. Then sets the counts and block starts of the new layout.
     */
    private void layOut(int[] b, Parallel par, Csr built) {
        final int nw = b.length - 1;
        final int n = countsLength(group, nPre, nw, span);
        int longest = 0;
        for (int p = 0; p < nPre; p++) longest = Math.max(longest, rowStart[p + 1] - rowStart[p]);
        final char[] nc = longest <= NARROW_MAX ? new char[n] : null;
        final int[] ic = nc == null ? new int[n] : null;
        final int[] starts = nw == 1 ? rowStart : new int[nPre * nw + 1];
        final int[] e = entries, pb = split(0, nPre, par.size());
        final int rowMax = longest;
        par.run(w -> {
            int[] key = new int[rowMax], tmp = new int[2 * rowMax], from = new int[rowMax], cursor = new int[nw * span];
            int[] cs = new int[span + 1];
            for (int p = pb[w]; p < pb[w + 1]; p++) {
                final int r0 = rowStart[p], len = rowStart[p + 1] - r0;
                // the row in canonical order: from[j] is the storage index of its j-th synapse
                if (built != null) {
                    for (int j = 0; j < len; j++) from[j] = r0 + j;
                    built.rowDelays(p, key);
                } else {
                    canonicalOrder(p, from, cs);
                    for (int k = 0; k < span; k++) Arrays.fill(key, cs[k], cs[k + 1], dMin + k);
                }
                for (int j = 0; j < len; j++) key[j] = owner(b, e[2 * from[j]]) * span + key[j] - dMin;
                Arrays.fill(cursor, 0);
                for (int j = 0; j < len; j++) cursor[key[j]]++;
                for (int c = 0, run = 0; c < nw * span; c++) {
                    int k = cursor[c];
                    if (nc != null) nc[p * nw * span + c] = (char) k;
                    else ic[p * nw * span + c] = k;
                    if (nw > 1 && c % span == 0) starts[p * nw + c / span] = r0 + run;
                    cursor[c] = run;
                    run += k;
                }
                for (int j = 0; j < len; j++) {
                    int t = cursor[key[j]]++;
                    tmp[2 * t] = e[2 * from[j]];
                    tmp[2 * t + 1] = e[2 * from[j] + 1];
                }
                System.arraycopy(tmp, 0, e, 2 * r0, 2 * len);
            }
        });
        if (nw > 1) starts[starts.length - 1] = nnz;
        workers = nw;
        blockStart = starts;
        narrowCounts = nc;
        counts = ic;
        layout++;
    }

    /** The worker of post q: the last w with b[w] ≤ q. */
    private static int owner(int[] b, int q) {
        int w = 0;
        while (w + 2 < b.length && b[w + 1] <= q) w++;
        return w;
    }

    private static int countsLength(SynapseGroup g, int nPre, int workers, int span) {
        long n = (long) nPre * workers * span;
        if (n > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("synapse group '" + g.name() + "': rows grouped by delay need a count per (pre, worker, "
                    + "delay value), " + n + " for " + nPre + " neurons, " + workers + " workers and " + span + " delay values;"
                    + " narrow the delay range, use fewer threads or split the group");
        }
        return (int) n;
    }

    private int count(int i) {
        return narrowCounts != null ? narrowCounts[i] : counts[i];
    }

    /** The smallest delay [steps] of the group (the first segment of every block). */
    public int minDelay() {
        return dMin;
    }

    /** The largest delay [steps] of the group. */
    public int maxDelay() {
        return dMin + span - 1;
    }

    /** Delay values from {@link #minDelay} to {@link #maxDelay}: segments per block. */
    public int span() {
        return span;
    }

    /** The workers the blocks are laid out for. */
    public int workers() {
        return workers;
    }

    /**
     * Lays the blocks out for the workers of {@code b} (worker w owns posts [b[w], b[w + 1])),
     * reordering the storage if the bounds change (the build lays the rows out for its bounds
     * already). Call it before side arrays or the incoming index exist: they are indexed by
     * storage index.
     */
    @Override
    public void prepare(int[] b) {
        if (b.length - 1 != workers || (workers > 1 && !Arrays.equals(b, bounds))) {
            if (!sideArrays().isEmpty() || hasIncoming()) {
                throw new IllegalStateException("synapse group '" + group.name() + "': rows grouped by delay are laid out again for "
                        + (b.length - 1) + " workers after side arrays or the incoming index were made");
            }
            layOut(b, Parallel.serial(), null);
        }
        bounds = b;
    }

    /**
     * The storage indices of row {@code pre} in canonical order to {@code out[0 .. rowLength)},
     * and if {@code segmentStarts} is not null, where each delay's synapses start in that order
     * ({@code segmentStarts[k]} for delay dMin + k, relative to the row; [span] = the row's length).
     */
    private void canonicalOrder(int pre, int[] out, int[] segmentStarts) {
        final int base = pre * workers * span;
        int n = 0;
        for (int k = 0; k < span; k++) {
            if (segmentStarts != null) segmentStarts[k] = n;
            for (int w = 0; w < workers; w++) {
                int s = blockStart[pre * workers + w];
                for (int i = 0; i < k; i++) s += count(base + w * span + i);
                for (int j = s, end = s + count(base + w * span + k); j < end; j++) out[n++] = j;
            }
        }
        if (segmentStarts != null) segmentStarts[span] = n;
    }

    /**
     * The storage index of the j-th synapse of row {@code pre} in canonical order. Walking a row
     * j = 0, 1, … costs one pass over the row per row (the order of the last row read is kept
     * per thread).
     */
    @Override
    public int storageIndex(int pre, int j) {
        return workers == 1 ? rowStart[pre] + j : row(pre)[2 + j];
    }

    /** The delay of the j-th synapse of row {@code pre} in canonical order, from the kept row: no search. */
    @Override
    public int delayAt(int pre, int j) {
        return row(pre)[2 + rowLength(pre) + j];
    }

    /** Row {@code pre} as [pre, layout, storage indices in canonical order..., their delays...], kept per thread. */
    private int[] row(int pre) {
        int[] o = order.get();
        if (o == null || o[0] != pre || o[1] != layout) {
            int len = rowLength(pre);
            int[] idx = new int[len], cs = new int[span + 1];
            canonicalOrder(pre, idx, cs);
            o = new int[2 + 2 * len];
            o[0] = pre;
            o[1] = layout;
            System.arraycopy(idx, 0, o, 2, len);
            for (int k = 0; k < span; k++) Arrays.fill(o, 2 + len + cs[k], 2 + len + cs[k + 1], dMin + k);
            order.set(o);
        }
        return o;
    }

    /**
     * The span + 1 bounds of the segments of {@code pre}'s synapses onto worker {@code w}'s posts
     * to {@code out[off .. off + span]}: the synapses of delay dMin + k are [out[off + k],
     * out[off + k + 1]). For arrival processing: read once per spike and worker.
     */
    public void segments(int pre, int w, int[] out, int off) {
        int s = blockStart[pre * workers + w], c = (pre * workers + w) * span;
        out[off] = s;
        if (narrowCounts != null) {
            for (int k = 0; k < span; k++) out[off + k + 1] = s += narrowCounts[c + k];
        } else {
            for (int k = 0; k < span; k++) out[off + k + 1] = s += counts[c + k];
        }
    }

    /**
     * The storage range of {@code pre}'s synapses of delay {@code delay} onto worker {@code w}'s
     * posts, packed as {@code from << 32 | to} ({@link #first}, {@link #last}); empty for a
     * delay the group cannot have.
     */
    public long ownedSegment(int pre, int delay, int w) {
        int k = delay - dMin;
        if (k < 0 || k >= span) return 0;
        int s = blockStart[pre * workers + w], c = (pre * workers + w) * span;
        for (int i = 0; i < k; i++) s += count(c + i);
        return (long) s << 32 | (s + count(c + k));
    }

    /** The first storage index of a range packed by {@link #ownedSegment}. */
    public static int first(long range) {
        return (int) (range >>> 32);
    }

    /** One past the last storage index of a range packed by {@link #ownedSegment}. */
    public static int last(long range) {
        return (int) range;
    }

    /**
     * Adds the synapses of a spike of {@code pre} that arrive {@code delay} steps after it, for
     * worker {@code w}'s posts, to {@code acc} (indexed by group-local post; the current
     * arrivals). Returns the events delivered; a delay the group cannot have delivers none.
     */
    public long deliverArrival(int pre, int delay, int w, double[] acc) {
        long r = ownedSegment(pre, delay, w);
        return deliverRange(first(r), last(r), acc);
    }

    /** Adds the weights of the synapses [from, to) to {@code acc} at their posts; returns their number. */
    public int deliverRange(int from, int to, double[] acc) {
        final int[] e = entries;
        for (int j = 2 * from, end = 2 * to; j < end; j += 2) acc[e[j]] += Float.intBitsToFloat(e[j + 1]);
        return to - from;
    }

    @Override
    public long deliver(int pre, int w, double[][] ring, int slot0) {
        final int depth = ring.length, c = (pre * workers + w) * span;
        int s = blockStart[pre * workers + w];
        long ev = 0;
        for (int k = 0; k < span; k++) {
            int slot = slot0 + dMin + k;
            if (slot >= depth) slot -= depth;
            int end = s + count(c + k);
            ev += deliverRange(s, end, ring[slot]);
            s = end;
        }
        return ev;
    }

    @Override
    public int delay(int index) {
        // the row: the last one starting at or before index (empty rows before it start there too)
        int lo = 0, hi = nPre;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (rowStart[mid] <= index) lo = mid;
            else hi = mid - 1;
        }
        int p = lo, base = p * workers * span;
        for (int w = 0; w < workers; w++) {
            int s = blockStart[p * workers + w];
            for (int k = 0; k < span; k++) {
                s += count(base + w * span + k);
                if (index < s) return dMin + k;
            }
        }
        throw new IndexOutOfBoundsException("synapse " + index + " of " + nnz);
    }

    @Override
    void rowDelays(int pre, int[] out) {
        int r0 = rowStart[pre], base = pre * workers * span;
        for (int w = 0; w < workers; w++) {
            int s = blockStart[pre * workers + w];
            for (int k = 0; k < span; k++) {
                for (int end = s + count(base + w * span + k); s < end; s++) out[s - r0] = dMin + k;
            }
        }
    }

    @Override
    public long bytes() {
        long c = narrowCounts != null ? 2L * narrowCounts.length : 4L * counts.length;
        return rowBytes() + c + (workers > 1 ? 4L * blockStart.length : 0);
    }
}
