package org.izhsim.network.engine;

import org.izhsim.integrate.SpikeList;
import org.izhsim.synapse.SynapseMatrix;

/** Per-worker buffers and counters, padded against false sharing. */
final class Worker {
    final int id;
    final SpikeList tmp;
    final int[] spikes;
    final double[] noise = new double[GroupUpdate.BLOCK], noise2 = new double[GroupUpdate.BLOCK];
    /** Wall time per profiled stage kind ({@link Profiling}): update, propagate, barrier, cut-off. */
    final long[] phaseNanos = new long[4];
    final int[] local = new int[GroupUpdate.BLOCK], nonFinite = {-1}, rejected = new int[GroupUpdate.BLOCK];
    final int[] batchFrom = new int[SynapseMatrix.BATCH + 1], batchTo = new int[SynapseMatrix.BATCH + 1];
    int count;
    /** The offset of the noise array {@code GroupUpdate.blockNoise} returned last. */
    int noff;
    long events;
    /** Sums of values loaded only to bring their lines in early; never read. */
    long touch;
    @SuppressWarnings("unused")
    long p0, p1, p2, p3, p4, p5, p6, p7;

    private double[] gatherX = new double[256];
    private float[] gatherW = new float[256];

    /** A scratch array of at least n doubles, for a rule's gather pass (its contents are the caller's). */
    double[] gatherX(int n) {
        return gatherX.length >= n ? gatherX : (gatherX = new double[Math.max(n, 2 * gatherX.length)]);
    }

    /** A scratch array of at least n floats, as {@link #gatherX}. */
    float[] gatherW(int n) {
        return gatherW.length >= n ? gatherW : (gatherW = new float[Math.max(n, 2 * gatherW.length)]);
    }

    /** Spike count after each group (the worker's spikes are grouped by group, ascending). */
    final int[] groupEnd;

    Worker(int id, int capacity, int groups) {
        this.id = id;
        this.groupEnd = new int[groups];
        this.tmp = new SpikeList(Math.max(16, capacity));
        this.spikes = new int[Math.max(1, capacity)];
    }
}
