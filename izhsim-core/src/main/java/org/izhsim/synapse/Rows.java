package org.izhsim.synapse;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.izhsim.network.SynapseGroup;

/**
 * Compressed sparse rows by presynaptic neuron, the storage that plasticity works on. Synapse
 * number j (its <em>storage index</em>, 0 ≤ j < {@link #count}) is the pair
 * {@code entries[2j] = post}, {@code entries[2j+1] = Float.floatToRawIntBits(weight)}: the same
 * 8 bytes per synapse as an int[] post + float[] weight pair, but one stream per row instead of
 * two (a row is fetched with one memory latency, and the build's scattered writes touch one
 * cache line per synapse instead of two). Row {@code pre} is [{@link #rowStart}, {@link #rowEnd}).
 * A static {@link Csr} may hold its synapses in 6 bytes instead ({@link Csr#narrowPosts}), and
 * then has no int entries: read them through {@link #post} and {@link #weight}.
 *
 * <p>Weights are mutable through {@link #setWeight} and {@link #updateWeights}; delivery reads
 * them from the same array, so a static group pays nothing for the option. Per-synapse state
 * of a rule lives in {@link #sideArray side arrays} indexed by storage index, and the synapses
 * onto each post are found through the {@link #incoming} index; both exist only once asked for.
 */
public abstract sealed class Rows extends SynapseMatrix permits Csr, DelayRows {
    final int[] rowStart;
    final int[] entries;
    final int nnz;
    private final Map<String, float[]> side = new LinkedHashMap<>();
    private IncomingIndex incoming;

    /** A new weight from the storage index and the old weight (for {@link #updateWeights}). */
    @FunctionalInterface
    public interface WeightUpdate {
        float apply(int index, float w);
    }

    Rows(SynapseGroup g, int q0, int q1, int[] rowStart, int[] entries, int nnz) {
        super(g, q0, q1);
        this.rowStart = rowStart;
        this.entries = entries;
        this.nnz = nnz;
    }

    /** Synapses held, as an int (a row matrix holds at most 2^30 − 8). */
    public final int count() {
        return nnz;
    }

    @Override
    public final long size() {
        return nnz;
    }

    /** The storage index of the first synapse of row {@code pre}. */
    public final int rowStart(int pre) {
        return rowStart[pre];
    }

    /** One past the storage index of the last synapse of row {@code pre}. */
    public final int rowEnd(int pre) {
        return rowStart[pre + 1];
    }

    /** The (group-local) post neuron of synapse {@code index}. */
    public int post(int index) {
        return entries[2 * index];
    }

    public float weight(int index) {
        return Float.intBitsToFloat(entries[2 * index + 1]);
    }

    /**
     * Sets the weight of synapse {@code index}; delivery uses it from the next spike on. Only
     * the worker that owns the synapse's post may call this while the simulation runs (the
     * worker split is by post, so updates at a post's spike or at arrival never race).
     */
    public void setWeight(int index, float w) {
        entries[2 * index + 1] = Float.floatToRawIntBits(w);
    }

    /** The delay [steps] of synapse {@code index}. */
    public abstract int delay(int index);

    /**
     * Replaces every weight w_j by {@code f.apply(j, w_j)} (a periodic rule's pass, e.g. spnet's
     * once-per-second {@code w += 0.01 + sd}), the storage split into one contiguous range per
     * worker; each synapse is updated on its own, so the result does not depend on the split.
     * {@code par} runs a job on every worker, so call this between jobs; inside a worker's job,
     * use {@link #updateWeights(int, int, WeightUpdate)} on that worker's share.
     */
    public final void updateWeights(Parallel par, WeightUpdate f) {
        int[] b = split(0, nnz, par.size());
        par.run(w -> updateWeights(b[w], b[w + 1], f));
    }

    /** {@link #updateWeights(Parallel, WeightUpdate)} for the storage indices [from, to) only. */
    public void updateWeights(int from, int to, WeightUpdate f) {
        final int[] e = entries;
        for (int j = from; j < to; j++) e[2 * j + 1] = Float.floatToRawIntBits(f.apply(j, Float.intBitsToFloat(e[2 * j + 1])));
    }

    /**
     * The per-synapse float array called {@code name}, indexed by storage index (length
     * {@link #count}), allocated zeroed at the first call and the same array afterwards.
     */
    public final synchronized float[] sideArray(String name) {
        return side.computeIfAbsent(name, k -> new float[nnz]);
    }

    /** The side arrays allocated so far, by name in allocation order (for snapshots). */
    public final synchronized Map<String, float[]> sideArrays() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(side));
    }

    /**
     * The post → incoming-synapse index, built at the first call (on {@code par}'s workers if the
     * group is large; so call it between jobs, e.g. when the simulation is set up) and the same
     * afterwards.
     */
    public final synchronized IncomingIndex incoming(Parallel par) {
        if (incoming == null) incoming = IncomingIndex.build(this, par);
        return incoming;
    }

    /** Whether the incoming index has been built. */
    final synchronized boolean hasIncoming() {
        return incoming != null;
    }

    /**
     * The storage index of the j-th synapse of row {@code pre} in the row's canonical order, the
     * order that {@link #postAt}, {@link #weightAt} and {@link #delayAt} (hence views and
     * checkpoints) list it in for any number of workers: {@code rowStart(pre) + j} unless the
     * layout says otherwise ({@link DelayRows}).
     */
    public int storageIndex(int pre, int j) {
        return rowStart[pre] + j;
    }

    /**
     * The storage indices of all synapses in canonical order, row after row: checkpoints list
     * per-synapse values so, whatever the number of workers that wrote or reads them.
     */
    public final int[] canonicalOrder() {
        int[] order = new int[nnz];
        for (int p = 0, n = 0; p < nPre; p++) {
            for (int j = 0, len = rowLength(p); j < len; j++) order[n++] = storageIndex(p, j);
        }
        return order;
    }

    /** Writes the delays of row {@code pre} to {@code out[0 .. rowLength(pre))} (storage order). */
    abstract void rowDelays(int pre, int[] out);

    /** Bytes of the posts, weights and row starts, and of the side arrays and incoming index. */
    final synchronized long rowBytes() {
        long b = (long) synapseBytes() * nnz + 4L * rowStart.length;
        b += 4L * nnz * side.size();
        if (incoming != null) b += incoming.bytes();
        return b;
    }

    @Override
    public final int rowLength(int pre) {
        return rowStart[pre + 1] - rowStart[pre];
    }

    /** Bytes per synapse of the post and weight storage. */
    int synapseBytes() {
        return 8;
    }

    @Override
    public final int postAt(int pre, int j) {
        return post(storageIndex(pre, j));
    }

    @Override
    public final float weightAt(int pre, int j) {
        return weight(storageIndex(pre, j));
    }

    @Override
    public int delayAt(int pre, int j) {
        return delay(storageIndex(pre, j));
    }

    /** The first synapse index in [from, to) whose post (entries[2j]) is ≥ key. */
    static int lowerBound(int[] entries, int from, int to, int key) {
        int lo = from, hi = to;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (entries[2 * mid] < key) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
