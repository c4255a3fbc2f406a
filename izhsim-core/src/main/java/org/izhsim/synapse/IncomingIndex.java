package org.izhsim.synapse;

/**
 * For each post neuron q of a {@link Rows} matrix, its incoming synapses: entries
 * [{@link #start}(q), {@link #end}(q)), each with the synapse's storage {@link #index} (for its
 * weight and side arrays), its {@link #pre} and its {@link #delay}. A post's entries are in
 * storage order (pre ascending, then row order) for any number of workers, so a rule that
 * walks them adds in a fixed order.
 *
 * <p>8 bytes per synapse plus 4 per post: the storage index, and pre and delay packed in one
 * int ({@code pre << bits | delay}, bits enough for the largest delay) when they fit in 31 bits
 * (100,000 neurons leave 14 bits, delays up to 16,383 steps); otherwise pre and delay take an
 * int each (12 bytes per synapse).
 */
public final class IncomingIndex {
    /** Synapses from which the build runs on every worker. */
    static final int PARALLEL_MIN = 1 << 16;

    private final int q0;
    private final int[] start, index, code, delays;
    private final int shift, mask;

    private IncomingIndex(int q0, int[] start, int[] index, int[] code, int[] delays, int shift) {
        this.q0 = q0;
        this.start = start;
        this.index = index;
        this.code = code;
        this.delays = delays;
        this.shift = shift;
        this.mask = (1 << shift) - 1;
    }

    /** The first entry of post {@code post} (group-local, in [postFrom, postTo) of the matrix). */
    public int start(int post) {
        return start[post - q0];
    }

    /** One past the last entry of post {@code post}. */
    public int end(int post) {
        return start[post - q0 + 1];
    }

    /** Entries (= synapses of the matrix). */
    public int size() {
        return index.length;
    }

    /** The storage index of entry {@code k}. */
    public int index(int k) {
        return index[k];
    }

    /** The pre neuron of entry {@code k}. */
    public int pre(int k) {
        return delays == null ? code[k] >>> shift : code[k];
    }

    /** The delay [steps] of entry {@code k}. */
    public int delay(int k) {
        return delays == null ? code[k] & mask : delays[k];
    }

    long bytes() {
        return 4L * (start.length + index.length + code.length) + (delays == null ? 0 : 4L * delays.length);
    }

    /**
     * Transposes {@code m}: pass 1 counts each post's synapses per worker (workers take
     * contiguous ranges of pre), the prefix over (post, worker) gives each worker its cursors,
     * pass 2 writes the entries there. Lower workers' pres come first in every post, so the
     * result is the storage order for any worker count.
     */
    static IncomingIndex build(Rows m, Parallel par) {
        final Parallel p = m.nnz >= PARALLEL_MIN ? par : Parallel.serial();
        final int workers = p.size(), n = m.q1 - m.q0, q0 = m.q0, nPre = m.nPre;
        final int maxDelay = m.group.delays().max();
        final int shift = 32 - Integer.numberOfLeadingZeros(Math.max(maxDelay, 0));
        final boolean packed = ((long) Math.max(nPre - 1, 0) << shift) <= Integer.MAX_VALUE;
        final int[] pb = SynapseMatrix.split(0, nPre, workers);
        final int[][] cursor = new int[workers][];
        // the posts straight from the int entries (once per worker, so mostly before C2 could
        // inline an overridable accessor); through post(j) only for narrow static rows
        final int[] e = m.entries, rs = m.rowStart;
        p.run(w -> {
            int[] c = new int[n];
            for (int j = rs[pb[w]], end = rs[pb[w + 1]]; j < end; j++) c[(e != null ? e[2 * j] : m.post(j)) - q0]++;
            cursor[w] = c;
        });
        final int[] start = new int[n + 1];
        int run = 0;
        for (int q = 0; q < n; q++) {
            start[q] = run;
            for (int w = 0; w < workers; w++) {
                int c = cursor[w][q];
                cursor[w][q] = run;
                run += c;
            }
        }
        start[n] = run;
        final int[] index = new int[m.nnz], code = new int[m.nnz], delays = packed ? null : new int[m.nnz];
        p.run(w -> {
            int longest = 0;
            for (int pre = pb[w]; pre < pb[w + 1]; pre++) longest = Math.max(longest, rs[pre + 1] - rs[pre]);
            int[] d = new int[longest];
            int[] c = cursor[w];
            for (int pre = pb[w]; pre < pb[w + 1]; pre++) {
                m.rowDelays(pre, d);
                for (int j = rs[pre], end = rs[pre + 1]; j < end; j++) {
                    int k = c[(e != null ? e[2 * j] : m.post(j)) - q0]++;
                    index[k] = j;
                    if (packed) {
                        code[k] = pre << shift | d[j - rs[pre]];
                    } else {
                        code[k] = pre;
                        delays[k] = d[j - rs[pre]];
                    }
                }
            }
            cursor[w] = null;
        });
        return new IncomingIndex(q0, start, index, code, delays, shift);
    }
}
