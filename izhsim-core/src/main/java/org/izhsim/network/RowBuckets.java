package org.izhsim.network;

/**
 * The write half of one thread's pass 2 of {@link SynapseMatrix.Csr#buildRandom}: a
 * cache-friendly transpose of the post-major draws into the pre-major CSR rows.
 *
 * <p>Writing each synapse straight into its row (at the thread's cursor of that row) touches
 * one cache line per row at a time: 100,000 rows are 6.4 MB of partly written lines per
 * thread, more than L2 holds, so nearly every synapse paid a miss (and a read-for-ownership)
 * on its line. Here each synapse is first appended, as (post, row-in-block) in one int and its
 * weight bits in the next, to the bucket of its block of {@link #ROWS} rows; a full bucket is
 * scattered into its rows in one go, so the rows written at once span {@value #ROWS} lines
 * (plus the bucket itself) and each receives about {@link #PER_ROW} synapses, whole cache
 * lines, while they are in L2. The appends are sequential streams, one per bucket.
 *
 * <p>Bit-identical to the direct write: a bucket keeps its synapses in append order, posts
 * ascend, and a row's synapses from this thread all pass through the same bucket, so every row
 * still receives them in ascending post order at the same cursors.
 */
final class RowBuckets {
    /** log2 of the rows per block. */
    static final int SHIFT = 10;
    static final int ROWS = 1 << SHIFT;
    private static final int MASK = ROWS - 1;
    /** Synapses per row a bucket holds (when the thread has that many): 16 × 8 bytes = 2 cache lines. */
    static final int PER_ROW = 16;
    /** Bucket synapses per thread at most (8 bytes each: 32 MB); fewer per row for very many rows. */
    static final int MAX_RECORDS = 1 << 22;
    /** Posts per chunk: the post's offset from the chunk start has the int's bits above the row-in-block. */
    private static final long QSPAN = 1L << (32 - SHIFT);

    /** The buckets of members' rows: member m owns buckets [first[m], first[m + 1]). */
    record Layout(int[] first, int[] member, int perRow) {}

    static Layout layout(int[] rowsPerMember) {
        int nm = rowsPerMember.length;
        int[] first = new int[nm + 1];
        long rows = 0;
        for (int m = 0; m < nm; m++) {
            first[m + 1] = first[m] + (rowsPerMember[m] + MASK) / ROWS;
            rows += rowsPerMember[m];
        }
        int[] member = new int[first[nm]];
        for (int m = 0; m < nm; m++) for (int b = first[m]; b < first[m + 1]; b++) member[b] = m;
        int perRow = (int) Math.max(1, Math.min(PER_ROW, MAX_RECORDS / Math.max(1, rows)));
        return new Layout(first, member, perRow);
    }

    private final Layout layout;
    private final SynapseMatrix.Csr[] out;
    private final SynapseMatrix.Values[] vals;
    /** This thread's cursor in every row of every member. */
    private final int[][] cur;
    /** Per bucket: first int in {@link #data}, next free int, end. */
    private final int[] start, fill, end;
    private final int[] data;
    private int qBase, qBits;

    /**
     * Buckets for thread {@code w}, whose cursor in row p of member m is {@code cursors[w][m][p]};
     * its synapses in that row end at the next thread's cursor (or the row's end), so every
     * bucket is sized for at most what it will receive.
     */
    RowBuckets(Layout layout, int[][][] cursors, int w, SynapseMatrix.Csr[] out, SynapseMatrix.Values[] vals) {
        this.layout = layout;
        this.out = out;
        this.vals = vals;
        this.cur = cursors[w];
        int nb = layout.member.length;
        start = new int[nb];
        fill = new int[nb];
        end = new int[nb];
        long total = 0;
        for (int b = 0; b < nb; b++) {
            int m = layout.member[b];
            int[] rowStart = out[m].rowStart;
            int p0 = (b - layout.first[m]) << SHIFT, p1 = Math.min(p0 + ROWS, rowStart.length - 1);
            long n = 0;
            for (int p = p0; p < p1; p++) n += (w + 1 < cursors.length ? cursors[w + 1][m][p] : rowStart[p + 1]) - cur[m][p];
            long capacity = Math.min(n, (long) layout.perRow * (p1 - p0));
            start[b] = fill[b] = (int) (2 * total);
            total += capacity;
            end[b] = (int) (2 * total);
        }
        data = new int[(int) (2 * total)];
    }

    /** Starts post q (posts come in ascending order). */
    void post(int q) {
        if ((long) q - qBase >= QSPAN) {
            flushAll();
            qBase = q;
        }
        qBits = (q - qBase) << SHIFT;
    }

    /** Adds the synapse pre p → the current post of member m with these weight bits. */
    void add(int m, int p, int weightBits) {
        int b = layout.first[m] + (p >>> SHIFT);
        int i = fill[b];
        if (i == end[b]) {
            flush(b);
            i = start[b];
        }
        data[i] = qBits | (p & MASK);
        data[i + 1] = weightBits;
        fill[b] = i + 2;
    }

    /** Scatters every bucket (at the end, and before the post offsets would overflow). */
    void flushAll() {
        for (int b = 0; b < start.length; b++) flush(b);
    }

    /** Writes bucket b's synapses, in append order, at their rows' cursors; empties it. */
    private void flush(int b) {
        int m = layout.member[b];
        SynapseMatrix.Csr mat = out[m];
        int[] c = cur[m];
        int[] e = mat.entries;
        int[] d = data;
        int p0 = (b - layout.first[m]) << SHIFT;
        int q0 = qBase;
        int to = fill[b];
        if (mat.uniformDelay >= 0) {
            for (int i = start[b]; i < to; i += 2) {
                int r = d[i];
                int j = c[p0 + (r & MASK)]++;
                e[2 * j] = q0 + (r >>> SHIFT);
                e[2 * j + 1] = d[i + 1];
            }
        } else {
            SynapseMatrix.Values v = vals[m];
            for (int i = start[b]; i < to; i += 2) {
                int r = d[i];
                int p = p0 + (r & MASK), q = q0 + (r >>> SHIFT);
                int j = c[p]++;
                e[2 * j] = q;
                e[2 * j + 1] = d[i + 1];
                mat.setDelay(j, v.delay(q, p, -1));
            }
        }
        fill[b] = start[b];
    }
}
