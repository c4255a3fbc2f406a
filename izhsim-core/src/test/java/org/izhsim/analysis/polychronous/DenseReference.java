package org.izhsim.analysis.polychronous;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The group simulation written the plain way, as polygroup.m does it: every neuron integrated
 * every millisecond for the whole group length, PSPs added into an input matrix. It follows the
 * package's definitions (window, membership, links) independently of {@link GroupSimulator}'s
 * bookkeeping, so the two must agree bit for bit.
 */
final class DenseReference {
    private DenseReference() {}

    static PolychronousGroup run(SynapseSnapshot s, SearchParams p, int mother, int[] anchorSynapses) {
        int n = s.n(), ne = s.ne(), steps = p.maxLengthMs(), width = anchorSynapses.length;
        double strong = p.strongFraction() * s.sm();
        double[] v = new double[n], u = new double[n];
        Arrays.fill(v, p.v0());
        Arrays.fill(u, p.b() * p.v0());
        double[][] input = new double[steps + 2][n];
        int dmax = 0;
        for (int k : anchorSynapses) dmax = Math.max(dmax, s.delayMs()[k]);
        int[] anchorPre = new int[width], anchorStep = new int[width], anchorSpike = new int[width];
        for (int j = 0; j < width; j++) {
            anchorPre[j] = s.pre()[anchorSynapses[j]];
            anchorStep[j] = 1 + dmax - s.delayMs()[anchorSynapses[j]];
            anchorSpike[j] = -1;
            input[anchorStep[j]][anchorPre[j]] = p.anchorInput();
        }
        // PSPs that may become links: per target neuron, {arrival step, pre spike, synapse}
        List<List<int[]>> due = new ArrayList<>(), waiting = new ArrayList<>();
        for (int t = 0; t <= steps + 1; t++) due.add(new ArrayList<>());
        for (int k = 0; k < n; k++) waiting.add(new ArrayList<>());
        List<int[]> spikes = new ArrayList<>(), links = new ArrayList<>();
        for (int t = 1; t <= steps; t++) {
            for (int[] d : due.get(t)) waiting.get(d[3]).add(d);
            List<Integer> fired = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                double a = k < ne ? p.aExc() : p.aInh(), in = input[t][k];
                v[k] = v[k] + 0.5 * ((0.04 * v[k] + 5) * v[k] + 140 - u[k] + in);
                v[k] = v[k] + 0.5 * ((0.04 * v[k] + 5) * v[k] + 140 - u[k] + in);
                u[k] = u[k] + a * (p.b() * v[k] - u[k]);
                if (v[k] >= 30) {
                    v[k] = p.c();
                    u[k] += k < ne ? p.dExc() : p.dInh();
                    fired.add(k);
                }
            }
            for (int k : fired) {
                int id = -1, anchor = -1;
                for (int j = 0; j < width; j++) if (anchor < 0 && anchorPre[j] == k && anchorStep[j] == t && anchorSpike[j] < 0) anchor = j;
                if (anchor >= 0) {
                    id = spikes.size();
                    spikes.add(new int[] {t, k, 0});
                    anchorSpike[anchor] = id;
                } else {
                    List<int[]> mine = new ArrayList<>();
                    for (int[] d : waiting.get(k)) if (d[0] > t - p.windowMs()) mine.add(d);
                    if (!mine.isEmpty()) {
                        id = spikes.size();
                        int layer = 0;
                        for (int[] d : mine) layer = Math.max(layer, spikes.get(d[1])[2] + 1);
                        spikes.add(new int[] {t, k, layer});
                        for (int[] d : mine) links.add(new int[] {d[1], id, d[2], d[0] - spikes.get(d[1])[0]});
                    }
                }
                waiting.get(k).clear();
                for (int syn = 0; syn < s.synapseCount(); syn++) {
                    if (s.pre()[syn] != k) continue;
                    int post = s.post()[syn], arrival = t + s.delayMs()[syn];
                    double w = s.w()[syn];
                    if (k < ne && post < ne && !(w > strong)) w = 0;
                    if (w == 0 || arrival > steps) continue;
                    input[arrival][post] += w;
                    if (id >= 0 && w > 0) due.get(arrival).add(new int[] {arrival, id, syn, post});
                }
            }
        }
        int m = spikes.size(), l = links.size();
        int[] st = new int[m], sn = new int[m], sl = new int[m], anchors = anchorPre.clone();
        for (int i = 0; i < m; i++) {
            st[i] = spikes.get(i)[0] - 1;
            sn[i] = spikes.get(i)[1];
            sl[i] = spikes.get(i)[2];
        }
        int[][] lk = new int[4][l];
        for (int i = 0; i < l; i++) for (int c = 0; c < 4; c++) lk[c][i] = links.get(i)[c];
        return new PolychronousGroup(mother, anchors, anchorSynapses.clone(), anchorSpike, st, sn, sl, lk[0], lk[1], lk[2], lk[3]);
    }
}
