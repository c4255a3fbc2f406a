package org.izhsim.synapse;

import java.util.Arrays;
import org.izhsim.network.SynapseGroup;

/**
 * {@link Rows} grouped by delay: within row {@code pre} the synapses of delay d form the
 * segment [{@link #segmentStart}(pre, d), {@link #segmentEnd}(pre, d)), delays ascending, and
 * within a segment the posts ascend as in {@link Csr} (the grouping is a stable sort of the
 * post-ordered row). Built for rules that act when a spike arrives: at step t the synapses of
 * a spike of {@code pre} at step t_f that arrive now are one segment, delay t − t_f
 * ({@link #deliverArrival}).
 *
 * <p>Delivering at arrival adds to each post the same values in the same order as delivering
 * at spike time into a ring: a post's ring cell for step t gets its additions in the order of
 * the spikes' steps, then of their pre indices, then of the row, and arrival processing that
 * walks the recent spikes in that order meets the same synapses in the same order (the stable
 * sort keeps same-delay synapses onto one post in row order). So the ring sums, and the spikes,
 * are bit-identical to {@link Csr}'s.
 *
 * <p>The delay of a synapse is implied by its segment, so this layout keeps no per-synapse
 * delay array: the segment offsets cost 4 bytes per (pre, delay value), less than a delay byte
 * per synapse once rows hold more than 4 synapses per delay value. Worker w's part of a segment
 * starts at the segment (w = 0) or where a binary search finds its first post, and ends at the
 * segment's end (the last worker) or at the next worker's start: on two workers one search per
 * arrival and worker, on one none. Two searches per arrival and worker took two thirds of a 100,000 × 100
 * STDP run's samples (BENCHMARKS.md §8); storing the W − 1 cuts of every segment instead would
 * cost spnet's synapses 0.8 bytes each per extra worker, past the 12 bytes a plastic synapse
 * may cost more than a static one (SynapseMemoryTest).
 */
public final class DelayRows extends Rows {
    final int dMin, span;
    /** seg[pre·span + d − dMin]: the first storage index of pre's synapses of delay d; seg[nPre·span] = nnz. */
    final int[] seg;

    private DelayRows(Csr m, int dMin, int span, int[] seg) {
        super(m.group, m.q0, m.q1, m.rowStart, m.entries, m.nnz);
        this.dMin = dMin;
        this.span = span;
        this.seg = seg;
    }

    /**
     * Reorders the rows of the freshly built {@code m} by delay, in place (stable, one counting
     * sort per row on {@code par}'s workers), and returns them as delay-grouped rows; {@code m}
     * shares the reordered arrays and must not be used afterwards.
     */
    static DelayRows groupByDelay(Csr m, Parallel par) {
        if (m.narrowPosts()) throw new IllegalArgumentException("rows grouped by delay are built from 4-byte posts");
        SynapseGroup g = m.group;
        final int dMin = g.delays().min(), span = g.delays().max() - dMin + 1;
        long segLength = (long) m.nPre * span + 1;
        if (segLength > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("synapse group '" + g.name() + "': rows grouped by delay need one offset per "
                    + "(pre, delay value), " + segLength + " for " + m.nPre + " neurons and delays " + dMin + ".."
                    + (dMin + span - 1) + "; narrow the delay range or split the group");
        }
        final int[] seg = new int[(int) segLength];
        seg[seg.length - 1] = m.nnz;
        final int[] e = m.entries, rs = m.rowStart;
        final int[] pb = split(0, m.nPre, par.size());
        par.run(w -> {
            int longest = 0;
            for (int p = pb[w]; p < pb[w + 1]; p++) longest = Math.max(longest, rs[p + 1] - rs[p]);
            int[] d = new int[longest], tmp = new int[2 * longest], cursor = new int[span];
            for (int p = pb[w]; p < pb[w + 1]; p++) {
                final int r0 = rs[p], len = rs[p + 1] - r0, base = p * span;
                m.rowDelays(p, d);
                Arrays.fill(cursor, 0);
                for (int j = 0; j < len; j++) cursor[d[j] - dMin]++;
                for (int k = 0, run = 0; k < span; k++) {
                    seg[base + k] = r0 + run;
                    int c = cursor[k];
                    cursor[k] = run;
                    run += c;
                }
                for (int j = 0; j < len; j++) {
                    int t = cursor[d[j] - dMin]++;
                    tmp[2 * t] = e[2 * (r0 + j)];
                    tmp[2 * t + 1] = e[2 * (r0 + j) + 1];
                }
                System.arraycopy(tmp, 0, e, 2 * r0, 2 * len);
            }
        });
        return new DelayRows(m, dMin, span, seg);
    }

    /** The smallest delay [steps] of the group (the first segment of every row). */
    public int minDelay() {
        return dMin;
    }

    /** The largest delay [steps] of the group. */
    public int maxDelay() {
        return dMin + span - 1;
    }

    /** The first storage index of {@code pre}'s synapses of delay {@code delay} (an empty segment if none can have it). */
    public int segmentStart(int pre, int delay) {
        int k = delay - dMin;
        if (k < 0 || k >= span) return rowStart[pre];
        return seg[pre * span + k];
    }

    /** One past the last storage index of {@code pre}'s synapses of delay {@code delay}. */
    public int segmentEnd(int pre, int delay) {
        int k = delay - dMin;
        if (k < 0 || k >= span) return rowStart[pre];
        return seg[pre * span + k + 1];
    }

    @Override
    public int delay(int index) {
        // the last segment starting at or before index: empty segments before it start there too
        int lo = 0, hi = seg.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (seg[mid] <= index) lo = mid + 1;
            else hi = mid;
        }
        return dMin + (lo - 1) % span;
    }

    @Override
    void rowDelays(int pre, int[] out) {
        int r0 = rowStart[pre], base = pre * span;
        for (int k = 0; k < span; k++) {
            for (int j = seg[base + k], end = seg[base + k + 1]; j < end; j++) out[j - r0] = dMin + k;
        }
    }

    @Override
    public long bytes() {
        return rowBytes() + 4L * seg.length;
    }

    @Override
    public void prepare(int[] b) {
        bounds = b;
    }

    /** The first storage index of segment {@code s} onto worker {@code w}'s posts (w in [0, W]: W gives the segment's end). */
    private int cut(int s, int w) {
        if (w == 0) return seg[s];
        if (w == bounds.length - 1) return seg[s + 1];
        return lowerBound(entries, seg[s], seg[s + 1], bounds[w]);
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

    /**
     * The storage range of {@code pre}'s synapses of delay {@code delay} onto worker {@code w}'s
     * posts, packed as {@code from << 32 | to} ({@link #first}, {@link #last}); empty for a
     * delay the group cannot have. For a rule that acts on the synapses it delivers through.
     */
    public long ownedSegment(int pre, int delay, int w) {
        int k = delay - dMin;
        if (k < 0 || k >= span) return 0;
        final int s = pre * span + k;
        return (long) cut(s, w) << 32 | cut(s, w + 1);
    }

    /** The first storage index of a range packed by {@link #ownedSegment}. */
    public static int first(long range) {
        return (int) (range >>> 32);
    }

    /** One past the last storage index of a range packed by {@link #ownedSegment}. */
    public static int last(long range) {
        return (int) range;
    }

    /** Adds the weights of the synapses [from, to) to {@code acc} at their posts; returns their number. */
    public int deliverRange(int from, int to, double[] acc) {
        final int[] e = entries;
        for (int j = 2 * from, end = 2 * to; j < end; j += 2) acc[e[j]] += Float.intBitsToFloat(e[j + 1]);
        return to - from;
    }

    @Override
    public long deliver(int pre, int w, double[][] ring, int slot0) {
        final int depth = ring.length, base = pre * span;
        long ev = 0;
        for (int k = 0; k < span; k++) {
            int slot = slot0 + dMin + k;
            if (slot >= depth) slot -= depth;
            ev += deliverRange(cut(base + k, w), cut(base + k, w + 1), ring[slot]);
        }
        return ev;
    }
}
