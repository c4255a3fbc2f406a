package org.izhsim.network;

import org.izhsim.synapse.Dense;
import org.izhsim.synapse.Parallel;
import org.izhsim.synapse.SynapseMatrix;

/**
 * A read-only look at a built synapse group (for tests, analysis and export). Rows are
 * presynaptic neurons; post indices are within the post group and ascend within a row (within
 * each delay of a row, for rows grouped by delay: {@link org.izhsim.synapse.DelayRows}). For
 * DENSE storage a row lists every post column (absent pairs weigh 0). Weights are read when
 * asked for, so a plastic group's view shows its current weights.
 */
public final class SynapseView {
    private final SynapseMatrix m;

    SynapseView(SynapseMatrix m) {
        this.m = m;
    }

    /**
     * Builds the synapses of {@code s} on the calling thread, outside any {@link Simulation}: the
     * same matrix (partners, weights, delays, storage) that a simulation with this seed builds,
     * since every value is a pure function of (seed, group name, pre, post). For engines other
     * than {@link Simulation} (the behaviour engine of {@code org.izhsim.behaviour}), so that they
     * share this storage instead of copying it.
     */
    public static SynapseView build(SynapseGroup s, long seed) {
        int q1 = s.post().size();
        return new SynapseView(SynapseMatrix.build(s, seed, 0, q1, Parallel.serial(), SynapseMatrix.split(0, q1, 1)));
    }

    /**
     * A view of a built matrix, for the engine, which builds them. Public only because the
     * engine is another package: {@code SynapseMatrix} is not exported, so no other module can
     * call this.
     */
    @SuppressWarnings("exports")
    public static SynapseView of(SynapseMatrix m) {
        return new SynapseView(m);
    }

    public Storage storage() {
        return m instanceof Dense ? Storage.DENSE : Storage.CSR;
    }

    /** Synapses held (on this rank). */
    public long size() {
        return m.size();
    }

    /** Bytes of the synapse arrays. */
    public long bytes() {
        return m.bytes();
    }

    public int preCount() {
        return m.preCount();
    }

    public int rowLength(int pre) {
        return m.rowLength(pre);
    }

    public int post(int pre, int j) {
        return m.postAt(pre, j);
    }

    public float weight(int pre, int j) {
        return m.weightAt(pre, j);
    }

    public int delay(int pre, int j) {
        return m.delayAt(pre, j);
    }

    /** Inputs per post neuron (CSR: counted over all rows). */
    public int[] inDegrees() {
        int[] deg = new int[m.postCount()];
        for (int p = 0; p < m.preCount(); p++) {
            int len = m.rowLength(p);
            for (int j = 0; j < len; j++) deg[m.postAt(p, j)]++;
        }
        return deg;
    }

    /**
     * Every synapse's post index, delay and weight, row after row (pre 0 first, each row in the
     * order of {@link #post}'s j): a whole group in three bulk reads, for callers that pay per
     * call (Python through JPype reads a learned weight matrix this way).
     */
    public int[] posts() {
        int[] out = new int[count()];
        for (int p = 0, k = 0; p < m.preCount(); p++) for (int j = 0, len = m.rowLength(p); j < len; j++) out[k++] = m.postAt(p, j);
        return out;
    }

    /** Every synapse's delay in steps, in the order of {@link #posts}. */
    public int[] delays() {
        int[] out = new int[count()];
        for (int p = 0, k = 0; p < m.preCount(); p++) for (int j = 0, len = m.rowLength(p); j < len; j++) out[k++] = m.delayAt(p, j);
        return out;
    }

    /** Every synapse's current weight, in the order of {@link #posts}. */
    public float[] weights() {
        float[] out = new float[count()];
        for (int p = 0, k = 0; p < m.preCount(); p++) for (int j = 0, len = m.rowLength(p); j < len; j++) out[k++] = m.weightAt(p, j);
        return out;
    }

    private int count() {
        long n = m.size();
        if (n > Integer.MAX_VALUE - 16) throw new IllegalStateException(n + " synapses do not fit one array; read them row by row");
        return (int) n;
    }
}
