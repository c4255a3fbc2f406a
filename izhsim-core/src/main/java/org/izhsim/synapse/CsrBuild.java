package org.izhsim.synapse;

import java.util.Arrays;
import java.util.List;
import org.izhsim.network.Connectivity;
import org.izhsim.network.SynapseGroup;

/**
 * Builds {@link Csr} rows for the rules whose synapses come in a given order (all-to-all,
 * one-to-one, explicit pairs) and hands the random rules to {@link RandomCsrBuild}. An array of
 * weights or delays is indexed by that order: pre-major for all-to-all, the pair's position for
 * explicit pairs.
 */
final class CsrBuild {
    private CsrBuild() {}

    /**
     * The CSR matrix of {@code s} for posts [q0, q1), not yet prepared for workers, in narrow
     * posts if {@code narrowPosts} and the span allow.
     */
    static Csr build(SynapseGroup s, long seed, int q0, int q1, Parallel par, boolean narrowPosts) {
        Values vals = new Values(s, seed);
        int nPre = s.pre().size();
        return switch (s.connectivity()) {
            case Connectivity.AllToAll a -> {
                long nnzL = (long) nPre * (q1 - q0);
                int[] rowStart = new int[nPre + 1];
                Csr.checkNnz(s, nnzL);
                for (int p = 0; p <= nPre; p++) rowStart[p] = (int) ((long) p * (q1 - q0));
                Csr m = new Csr(s, q0, q1, rowStart, (int) nnzL, narrowPosts);
                int nPost = s.post().size();
                int[] b = SynapseMatrix.split(0, nPre, par.size());
                par.run(w -> {
                    long[] keys = new long[q1 - q0];
                    for (int q = q0; q < q1; q++) keys[q - q0] = vals.postKey(q);
                    for (int p = b[w]; p < b[w + 1]; p++) {
                        int j = rowStart[p];
                        for (int q = q0; q < q1; q++, j++) {
                            long index = (long) p * nPost + q;
                            m.set(j, q, vals.weight(keys[q - q0], p, index));
                            m.setDelay(j, vals.delay(q, p, index));
                        }
                    }
                });
                yield m;
            }
            case Connectivity.OneToOne o -> {
                int[] rowStart = new int[nPre + 1];
                for (int p = 0; p < nPre; p++) rowStart[p + 1] = rowStart[p] + (p >= q0 && p < q1 ? 1 : 0);
                Csr m = new Csr(s, q0, q1, rowStart, rowStart[nPre], narrowPosts);
                for (int p = q0; p < q1; p++) {
                    int j = rowStart[p];
                    m.set(j, p, vals.weight(vals.postKey(p), p, p));
                    m.setDelay(j, vals.delay(p, p, p));
                }
                yield m;
            }
            case Connectivity.Explicit e -> explicit(s, vals, e, q0, q1, narrowPosts);
            default -> RandomCsrBuild.build(List.of(s), seed, q0, q1, par, narrowPosts)[0];
        };
    }

    private static Csr explicit(SynapseGroup s, Values vals, Connectivity.Explicit e, int q0, int q1, boolean narrowPosts) {
        int nPre = s.pre().size();
        int[] pre = e.pre(), post = e.post();
        int[] rowStart = new int[nPre + 1];
        for (int i = 0; i < pre.length; i++) if (post[i] >= q0 && post[i] < q1) rowStart[pre[i] + 1]++;
        for (int p = 0; p < nPre; p++) rowStart[p + 1] += rowStart[p];
        int nnz = rowStart[nPre];
        int[] order = new int[nnz];
        int[] cursor = Arrays.copyOf(rowStart, nPre);
        for (int i = 0; i < pre.length; i++) if (post[i] >= q0 && post[i] < q1) order[cursor[pre[i]]++] = i;
        for (int p = 0; p < nPre; p++) sortRowByPost(order, rowStart[p], rowStart[p + 1], post);
        Csr m = new Csr(s, q0, q1, rowStart, nnz, narrowPosts);
        for (int j = 0; j < nnz; j++) {
            int i = order[j];
            m.set(j, post[i], vals.weight(vals.postKey(post[i]), pre[i], i));
            m.setDelay(j, vals.delay(post[i], pre[i], i));
        }
        return m;
    }

    /** Sorts {@code order[from, to)} by post, stably: a repeated pair keeps its given order. */
    private static void sortRowByPost(int[] order, int from, int to, int[] post) {
        if (to - from < 2) return;
        long[] keys = new long[to - from];
        for (int j = from; j < to; j++) keys[j - from] = ((long) post[order[j]] << 32) | (j - from);
        Arrays.sort(keys); // (post, original position): stable by construction
        int[] tmp = new int[to - from];
        for (int j = 0; j < tmp.length; j++) tmp[j] = order[from + (int) keys[j]];
        System.arraycopy(tmp, 0, order, from, tmp.length);
    }
}
