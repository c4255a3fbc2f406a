package org.izhsim.analysis.polychronous;

import java.util.Arrays;

/**
 * A snapshot prepared for the search and shared read-only by the workers: the outgoing synapses
 * of each neuron that carry weight once the weak exc→exc ones are zeroed (in snapshot order), and
 * each excitatory neuron's strong excitatory inputs, the candidate anchors (ordered by
 * presynaptic neuron, then delay, then snapshot index).
 */
final class SearchNetwork {
    final int n;
    final int ne;
    final int maxDelay;
    final int[] outStart;
    final int[] outPost;
    final int[] outDelay;
    final int[] outSynapse;
    final double[] outW;
    final int[] candStart;
    final int[] candSynapse;
    final int[] candPre;
    final int[] candDelay;

    SearchNetwork(SynapseSnapshot s, SearchParams p) {
        n = s.n();
        ne = s.ne();
        double strong = p.strongFraction() * s.sm();
        int m = s.synapseCount();
        int[] pre = s.pre(), post = s.post(), delay = s.delayMs();
        double[] w = s.w();
        outStart = new int[n + 1];
        candStart = new int[ne + 1];
        int kept = 0, cands = 0, dmax = 1;
        for (int k = 0; k < m; k++) {
            boolean excExc = pre[k] < ne && post[k] < ne;
            if (excExc && w[k] > strong) {
                candStart[post[k] + 1]++;
                cands++;
            }
            if (weight(excExc, w[k], strong) != 0) {
                outStart[pre[k] + 1]++;
                kept++;
            }
            dmax = Math.max(dmax, delay[k]);
        }
        maxDelay = dmax;
        for (int i = 0; i < n; i++) outStart[i + 1] += outStart[i];
        for (int i = 0; i < ne; i++) candStart[i + 1] += candStart[i];
        outPost = new int[kept];
        outDelay = new int[kept];
        outSynapse = new int[kept];
        outW = new double[kept];
        int[] fill = Arrays.copyOf(outStart, n);
        long[] cand = new long[cands];
        int[] candFill = Arrays.copyOf(candStart, ne);
        for (int k = 0; k < m; k++) {
            boolean excExc = pre[k] < ne && post[k] < ne;
            double wk = weight(excExc, w[k], strong);
            if (wk != 0) {
                int j = fill[pre[k]]++;
                outPost[j] = post[k];
                outDelay[j] = delay[k];
                outSynapse[j] = k;
                outW[j] = wk;
            }
            if (excExc && w[k] > strong) cand[candFill[post[k]]++] = k;
        }
        candSynapse = new int[cands];
        candPre = new int[cands];
        candDelay = new int[cands];
        Integer[] order = new Integer[0];
        for (int i = 0; i < ne; i++) {
            int from = candStart[i], to = candStart[i + 1];
            if (order.length < to - from) order = new Integer[to - from];
            for (int j = from; j < to; j++) order[j - from] = (int) cand[j];
            Arrays.sort(order, 0, to - from, (x, y) -> pre[x] != pre[y] ? Integer.compare(pre[x], pre[y])
                    : delay[x] != delay[y] ? Integer.compare(delay[x], delay[y]) : Integer.compare(x, y));
            for (int j = from; j < to; j++) {
                int k = order[j - from];
                candSynapse[j] = k;
                candPre[j] = pre[k];
                candDelay[j] = delay[k];
            }
        }
    }

    /** The weight a synapse carries in the search: weak exc→exc synapses none. */
    private static double weight(boolean excExc, double w, double strong) {
        return excExc && !(w > strong) ? 0 : w;
    }

    int candidates(int mother) {
        return candStart[mother + 1] - candStart[mother];
    }
}
