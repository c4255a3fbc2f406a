package org.izhsim.synapse;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.List;
import org.izhsim.network.SynapseGroup;

/**
 * {@link Rows} with posts ascending within each row, and the delays (if not uniform) in a byte
 * or short per synapse: the layout of static groups. Worker w's part of row {@code pre} is
 * [cut[w][pre], cut[w+1][pre]), found once by {@link #prepare}.
 *
 * <p>Narrow posts: when the posts [q0, q1) of the matrix span at most {@link #NARROW_SPAN} (a
 * group of up to 65,536 neurons, or a rank's share of a larger one) and the engine asks for
 * them, a synapse takes 6 bytes instead of 8 in {@link #narrow}: its post − q0 (2 bytes), then
 * its float weight, read with one unaligned load through a byte-array view. Still one stream
 * per row: two arrays (posts, weights) cost short rows a second cache miss each, and
 * assembling the weight from two chars cost long rows time (BENCHMARKS.md §9).
 *
 * <p>The delivery loops read the narrow record inline. A shared decoder and add (one call level
 * more above the VarHandle access, which takes several inlining levels itself) made 2 ranks × 1
 * thread at 100,000 × K = 100 about 5 % slower (BENCHMARKS.md §9).
 *
 * <p>The delivery loops are shaped for the JIT: one loop per delay kind and post width, no test
 * inside them that a warm-up could leave uncompiled (the engine gives its warm-up sample the
 * run's width), and {@link #deliverBatch} gathers the row bounds and touches the rows' first
 * cache lines before adding, so that the rows' cache misses overlap.
 */
public final class Csr extends Rows {
    /** The largest span q1 − q0 of posts that narrow posts address. */
    public static final int NARROW_SPAN = 1 << 16;
    /** Null (the posts and weights are {@link Rows}' int entries), or 6 bytes per synapse. */
    final byte[] narrow;
    private static final VarHandle POST = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle WEIGHT = MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);
    final byte[] delay8;
    final short[] delay16;
    int[][] cut; // cut[w][pre]: first index of row pre for worker w (w = 0..workers)

    /** With {@code narrowPosts}, in narrow posts if [q0, q1) allows them. */
    Csr(SynapseGroup g, int q0, int q1, int[] rowStart, int nnz, boolean narrowPosts) {
        super(g, q0, q1, rowStart, narrowPosts && fitsNarrow(q0, q1, nnz) ? null : entries(g, nnz), nnz);
        this.narrow = entries == null ? new byte[6 * nnz] : null;
        boolean perSynapse = uniformDelay < 0;
        this.delay8 = perSynapse && g.delays().max() <= 255 ? new byte[nnz] : null;
        this.delay16 = perSynapse && delay8 == null ? new short[nnz] : null;
    }

    /** Whether a matrix of posts [q0, q1) with {@code nnz} synapses can hold them as narrow posts. */
    public static boolean fitsNarrow(int q0, int q1, long nnz) {
        return q1 - q0 <= NARROW_SPAN && nnz <= (Integer.MAX_VALUE - 16) / 6;
    }

    private static int[] entries(SynapseGroup g, long nnz) {
        checkNnz(g, nnz);
        return new int[(int) (2 * nnz)];
    }

    static void checkNnz(SynapseGroup s, long nnz) {
        if (nnz > (Integer.MAX_VALUE - 16) / 2) {
            throw new IllegalArgumentException("synapse group '" + s.name() + "' has " + nnz
                    + " synapses; one CSR group holds at most 2^30 - 8 (split it into several groups)");
        }
    }

    /**
     * Builds the CSR matrices of random-rule synapse groups in two passes over the posts (see
     * {@link RandomCsrBuild}), in narrow posts where {@code narrowPosts} and their span allow;
     * {@code members} share one partner draw or are a single group. Not yet prepared for workers.
     */
    public static Csr[] buildRandom(List<SynapseGroup> members, long seed, int q0, int q1, Parallel par, boolean narrowPosts) {
        return RandomCsrBuild.build(members, seed, q0, q1, par, narrowPosts);
    }

    /** Whether this matrix holds narrow posts (6 bytes per synapse). */
    public boolean narrowPosts() {
        return narrow != null;
    }

    void setDelay(int j, int d) {
        if (delay8 != null) delay8[j] = (byte) d;
        else if (delay16 != null) delay16[j] = (short) d;
    }

    void set(int j, int post, float weight) {
        if (narrow != null) {
            POST.set(narrow, 6 * j, (short) (post - q0));
            WEIGHT.set(narrow, 6 * j + 2, weight);
        } else {
            entries[2 * j] = post;
            entries[2 * j + 1] = Float.floatToRawIntBits(weight);
        }
    }

    @Override
    public int post(int index) {
        return narrow != null ? q0 + ((short) POST.get(narrow, 6 * index) & 0xFFFF) : super.post(index);
    }

    @Override
    public float weight(int index) {
        return narrow != null ? (float) WEIGHT.get(narrow, 6 * index + 2) : super.weight(index);
    }

    @Override
    public void setWeight(int index, float w) {
        if (narrow == null) super.setWeight(index, w);
        else WEIGHT.set(narrow, 6 * index + 2, w);
    }

    @Override
    public void updateWeights(int from, int to, WeightUpdate f) {
        if (narrow == null) super.updateWeights(from, to, f);
        else for (int j = from; j < to; j++) setWeight(j, f.apply(j, weight(j)));
    }

    @Override
    int synapseBytes() {
        return narrow != null ? 6 : 8;
    }

    @Override
    public int delay(int index) {
        if (delay8 != null) return delay8[index] & 0xFF;
        if (delay16 != null) return delay16[index];
        return uniformDelay;
    }

    @Override
    void rowDelays(int pre, int[] out) {
        for (int j = rowStart[pre], end = rowStart[pre + 1]; j < end; j++) out[j - rowStart[pre]] = delay(j);
    }

    @Override
    public long bytes() {
        long cuts = 0;
        if (cut != null) for (int w = 1; w < cut.length; w++) if (cut[w] != null) cuts += 4L * cut[w].length;
        return rowBytes() + (delay8 != null ? nnz : 0) + (delay16 != null ? 2L * nnz : 0) + cuts;
    }

    @Override
    public void prepare(int[] b) {
        int workers = b.length - 1;
        bounds = b;
        cut = new int[workers + 1][];
        cut[0] = rowStart;
        for (int w = 1; w < workers; w++) {
            int[] c = new int[nPre];
            int key = b[w];
            for (int pre = 0; pre < nPre; pre++) c[pre] = firstPostAtLeast(rowStart[pre], rowStart[pre + 1], key);
            cut[w] = c;
        }
        // cut[workers][pre] = rowStart[pre + 1]: handled in deliver
    }

    /** The first synapse index in [from, to) whose post is ≥ key. */
    private int firstPostAtLeast(int from, int to, int key) {
        if (narrow == null) return lowerBound(entries, from, to, key);
        int lo = from, hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (post(mid) < key) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    @Override
    public long deliver(int pre, int w, double[][] ring, int slot0) {
        int from = cut[w][pre];
        int to = w + 1 == cut.length - 1 ? rowStart[pre + 1] : cut[w + 1][pre];
        if (from >= to) return 0;
        int depth = ring.length;
        if (uniformDelay >= 0) {
            int slot = slot0 + uniformDelay;
            if (slot >= depth) slot -= depth;
            if (narrow != null) addNarrow(ring[slot], from, to);
            else addWide(ring[slot], from, to);
        } else if (narrow != null) {
            final byte[] e = this.narrow;
            final int base = q0;
            for (int j = from; j < to; j++) {
                int slot = slot0 + (delay8 != null ? delay8[j] & 0xFF : delay16[j]);
                if (slot >= depth) slot -= depth;
                ring[slot][base + ((short) POST.get(e, 6 * j) & 0xFFFF)] += (float) WEIGHT.get(e, 6 * j + 2);
            }
        } else {
            final int[] e = this.entries;
            for (int j = from; j < to; j++) {
                int slot = slot0 + (delay8 != null ? delay8[j] & 0xFF : delay16[j]);
                if (slot >= depth) slot -= depth;
                ring[slot][e[2 * j]] += Float.intBitsToFloat(e[2 * j + 1]);
            }
        }
        return to - from;
    }

    /** Adds the weights of synapses [from, to) of the int entries to their posts in {@code acc}. */
    private void addWide(double[] acc, int from, int to) {
        final int[] e = this.entries;
        for (int j = 2 * from, end = 2 * to; j < end; j += 2) acc[e[j]] += Float.intBitsToFloat(e[j + 1]);
    }

    /** {@link #addWide} for narrow posts. */
    private void addNarrow(double[] acc, int from, int to) {
        final byte[] e = this.narrow;
        final int base = q0;
        for (int o = 6 * from, end = 6 * to; o < end; o += 6) acc[base + ((short) POST.get(e, o) & 0xFFFF)] += (float) WEIGHT.get(e, o + 2);
    }

    @Override
    public long deliverBatch(int[] neurons, int from, int to, int off, int w, double[][] ring, int slot0, int[] fs, int[] ts) {
        if (uniformDelay < 0) return super.deliverBatch(neurons, from, to, off, w, ring, slot0, fs, ts);
        int slot = slot0 + uniformDelay;
        if (slot >= ring.length) slot -= ring.length;
        final double[] acc = ring[slot];
        final int[] cf = cut[w], ct = w + 1 == cut.length - 1 ? null : cut[w + 1], rs = rowStart;
        final boolean wide = narrow == null;
        long ev = 0;
        for (int c0 = from; c0 < to; c0 += BATCH) {
            final int c1 = Math.min(to, c0 + BATCH);
            // gather the row bounds first: independent loads, so their cache misses overlap
            int m = 0;
            if (ct == null) {
                for (int i = c0; i < c1; i++, m++) {
                    int pre = neurons[i] - off;
                    fs[m] = cf[pre];
                    ts[m] = rs[pre + 1];
                }
            } else {
                for (int i = c0; i < c1; i++, m++) {
                    int pre = neurons[i] - off;
                    fs[m] = cf[pre];
                    ts[m] = ct[pre];
                }
            }
            // touch the first cache lines of every row: independent loads whose misses
            // overlap, so the rows are in cache when the additions below reach them
            fs[BATCH] = touch(fs, ts, m); // keeps the loads
            for (int q = 0; q < m; q++) {
                final int f = fs[q], t = ts[q];
                if (wide) addWide(acc, f, t);
                else addNarrow(acc, f, t);
                // branch-free: a warm-up that never met an empty row segment would leave a
                // branch for it uncompiled, and the run's first one would deoptimise this
                ev += Math.max(0, t - f);
            }
        }
        return ev;
    }

    /**
     * Reads one post per 8 synapses of each row's first {@link #TOUCH}: 8 synapses are a 64-byte
     * line of int entries (48 bytes of narrow ones, read a little more densely than needed).
     */
    private int touch(int[] fs, int[] ts, int m) {
        int touch = 0;
        for (int q = 0; q < m; q++) {
            final int end = Math.min(ts[q], fs[q] + TOUCH);
            for (int j = fs[q]; j < end; j += 8) touch += post(j);
        }
        return touch;
    }
}
