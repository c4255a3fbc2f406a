package org.izhsim.synapse;

import java.util.List;
import java.util.function.Function;
import org.izhsim.network.Storage;
import org.izhsim.network.SynapseGroup;

/**
 * The built synapses of one {@link SynapseGroup} for the post neurons [q0, q1) that this rank
 * owns, with group-local post indices: {@link Csr} (rows by pre, posts ascending),
 * {@link DelayRows} (rows by pre, grouped by delay) or {@link Dense} (a float matrix). The
 * engine delivers a spike of pre-neuron {@code pre} with {@link #deliver} or, for the spikes of
 * one step, {@link #deliverBatch}; worker w adds only to the posts [b[w], b[w+1]) it owns
 * ({@link #prepare}), so workers never write the same ring cell.
 */
public abstract sealed class SynapseMatrix permits Rows, Dense {
    final SynapseGroup group;
    final int nPre, nPost, q0, q1;
    /** The delay of every synapse, or −1 if per synapse. */
    final int uniformDelay;
    /** Per worker boundaries in post index (length workers + 1), set by {@link #prepare}. */
    int[] bounds;

    /** Spikes per gather pass of {@link #deliverBatch} (its scratch arrays have BATCH + 1 entries). */
    public static final int BATCH = 256;
    /** Synapses at the start of each row that {@link #deliverBatch} touches ahead. */
    static final int TOUCH = 32;

    SynapseMatrix(SynapseGroup group, int q0, int q1) {
        this.group = group;
        this.nPre = group.pre().size();
        this.nPost = group.post().size();
        this.q0 = q0;
        this.q1 = q1;
        this.uniformDelay = group.uniformDelay() ? group.delays().max() : -1;
    }

    public final SynapseGroup group() {
        return group;
    }

    /** Neurons of the pre group (rows). */
    public final int preCount() {
        return nPre;
    }

    /** Neurons of the post group (all ranks). */
    public final int postCount() {
        return nPost;
    }

    /** The first post neuron this matrix holds. */
    public final int postFrom() {
        return q0;
    }

    /** One past the last post neuron this matrix holds. */
    public final int postTo() {
        return q1;
    }

    /** Synapses held. */
    public abstract long size();

    /** Bytes of the arrays held, side arrays and indexes built on request included. */
    public abstract long bytes();

    /** Precomputes the worker splits for worker post boundaries {@code b} (group-local, clamped to [q0, q1]). */
    public abstract void prepare(int[] b);

    /**
     * Adds the row of {@code pre} restricted to worker {@code w}'s posts to the arrival ring:
     * a synapse with delay d lands in {@code ring[(slot0 + d) % depth]} (slot0 = the slot of the
     * spike's step + latency; d < depth). Returns the events delivered.
     */
    public abstract long deliver(int pre, int w, double[][] ring, int slot0);

    /**
     * {@link #deliver} for the spikes {@code neurons[from..to) − off} in that order (the same
     * additions in the same order); {@code fs} and {@code ts} are scratch arrays of length
     * {@link #BATCH} + 1. Returns the events delivered.
     */
    public long deliverBatch(int[] neurons, int from, int to, int off, int w, double[][] ring, int slot0, int[] fs, int[] ts) {
        long ev = 0;
        for (int i = from; i < to; i++) ev += deliver(neurons[i] - off, w, ring, slot0);
        return ev;
    }

    /** Number of synapses of row {@code pre}. */
    public abstract int rowLength(int pre);

    /** The post of the {@code j}-th synapse of row {@code pre}. */
    public abstract int postAt(int pre, int j);

    public abstract float weightAt(int pre, int j);

    public abstract int delayAt(int pre, int j);

    /** Builds the matrix of {@code s} for posts [q0, q1) in the default layout. */
    public static SynapseMatrix build(SynapseGroup s, long seed, int q0, int q1, Parallel par, int[] workerBounds) {
        return build(s, seed, q0, q1, par, workerBounds, Layout.BY_POST);
    }

    /** {@link #build(SynapseGroup, long, int, int, Parallel, int[], Layout, boolean)} with 4-byte posts. */
    public static SynapseMatrix build(SynapseGroup s, long seed, int q0, int q1, Parallel par, int[] workerBounds, Layout layout) {
        return build(s, seed, q0, q1, par, workerBounds, layout, false);
    }

    /**
     * Builds the matrix of {@code s} for posts [q0, q1), prepared for {@code workerBounds}:
     * with {@link Layout#BY_POST} in the group's resolved storage (CSR in narrow posts if
     * {@code narrowPosts} and {@link Csr#fitsNarrow} allow), with {@link Layout#BY_DELAY} as
     * {@link DelayRows}.
     */
    public static SynapseMatrix build(SynapseGroup s, long seed, int q0, int q1, Parallel par, int[] workerBounds, Layout layout,
                                      boolean narrowPosts) {
        SynapseMatrix m;
        if (layout == Layout.BY_DELAY) m = DelayRows.groupByDelay(CsrBuild.build(s, seed, q0, q1, par, false), par, workerBounds);
        else if (s.resolvedStorage() == Storage.DENSE) m = Dense.of(s, seed, q0, q1, par, workerBounds);
        else m = CsrBuild.build(s, seed, q0, q1, par, narrowPosts);
        m.prepare(workerBounds);
        return m;
    }

    /**
     * Builds the members of one shared partner draw (several groups of a
     * {@link org.izhsim.network.Connectivity.FixedInDegreeFrom} population) in one pass over the
     * posts, each in the layout {@code layoutOf} gives it, prepared for {@code workerBounds};
     * in narrow posts if {@code narrowPosts}, the span allows and every member is
     * {@link Layout#BY_POST}.
     */
    public static SynapseMatrix[] buildJoint(List<SynapseGroup> members, long seed, int q0, int q1, Parallel par,
                                             int[] workerBounds, Function<SynapseGroup, Layout> layoutOf, boolean narrowPosts) {
        boolean narrow = narrowPosts;
        for (SynapseGroup g : members) narrow &= layoutOf.apply(g) == Layout.BY_POST;
        Csr[] built = RandomCsrBuild.build(members, seed, q0, q1, par, narrow);
        SynapseMatrix[] out = new SynapseMatrix[built.length];
        for (int m = 0; m < built.length; m++) {
            out[m] = layoutOf.apply(members.get(m)) == Layout.BY_DELAY ? DelayRows.groupByDelay(built[m], par, workerBounds) : built[m];
            out[m].prepare(workerBounds);
        }
        return out;
    }

    /** Splits [q0, q1) into one contiguous range per worker: bounds[t] .. bounds[t+1]. */
    public static int[] split(int q0, int q1, int parts) {
        int[] b = new int[parts + 1];
        for (int t = 0; t <= parts; t++) b[t] = (int) (q0 + (long) (q1 - q0) * t / parts);
        return b;
    }
}
