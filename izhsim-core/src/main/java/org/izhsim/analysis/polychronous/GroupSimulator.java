package org.izhsim.analysis.polychronous;

import java.util.Arrays;

/**
 * Simulates one anchor combination in the silent network, one worker's scratch space reused from
 * combination to combination. The result is bit for bit that of integrating all N neurons every
 * millisecond (a test compares the two), but only the neurons that can change anything are
 * integrated:
 *
 * <ul>
 *   <li>a neuron nothing has reached yet sits on the rest trajectory, the same for every neuron
 *       of its kind (computed once);
 *   <li>a neuron whose state lies in the quiet box {@code v ∈ [−80.4, −61] mV,
 *       u ∈ [−16.1, −3.5]} and that gets no input stays in the box and cannot fire (below), so
 *       it is left alone until a PSP reaches it, and then first brought up to date step by step
 *       with zero input, with exactly the operations the dense loop would have done;
 *   <li>the run stops once every neuron is quiet and no PSP is under way.
 * </ul>
 *
 * <p>Why the box is invariant: with zero input a half-step is {@code v' = h(v) − u/2},
 * {@code h(v) = v + q(v)/2}, {@code q(v) = (0.04v + 5)v + 140}; {@code h} increases for
 * {@code v > −87.5}, so over the box {@code v'} is largest at (v_max, u_min) and smallest at
 * (v_min, u_max), and it stays inside if {@code q(v_max) < u_min} and {@code q(v_min) > u_max}
 * (−16.16 < −16.1 and −3.44 > −3.5). The u update {@code (1 − a)u + a·b·v} (0 < a ≤ 1, b ≥ 0)
 * increases in u and v and stays inside if {@code b·v_min > u_min} and {@code b·v_max < u_max}
 * (with b = 0.2: −16.08 > −16.1, −12.2 < −3.5). Every margin exceeds 10⁻⁴ per step, far above
 * rounding. The box is used only for a kind of neuron whose a and b satisfy these inequalities;
 * otherwise its neurons, once reached, are integrated every step.
 */
final class GroupSimulator {
    static final double BOX_V_MIN = -80.4, BOX_V_MAX = -61, BOX_U_MIN = -16.1, BOX_U_MAX = -3.5;
    private static final double THRESHOLD = 30;

    private final SearchNetwork net;
    private final SearchParams p;
    private final int steps;
    private final double[] aOf = new double[2], dOf = new double[2];
    private final boolean[] boxOf = new boolean[2];
    private final double[][] restV = new double[2][], restU = new double[2][];

    private final double[] v, u, input;
    private final int[] last, inputAt, integratedAt, arrivals;
    private int[] touched = new int[64], stepList = new int[64], awake = new int[64], nextAwake = new int[64];
    private int[] fired = new int[64];
    private int touchedCount, stepCount, awakeCount, nextAwakeCount, firedCount;

    private final int[] evHead, evTail;
    /** The PSPs under way, as parallel columns: next in the step's list, target, pre spike (−1: not a group spike), synapse, arrival step, next arrival at the target awaiting a link. */
    private int[][] events = new int[6][256];
    private int[] evNext = events[0], evTarget = events[1], evPreSpike = events[2], evSynapse = events[3], evStep = events[4],
            evArrNext = events[5];
    private double[] evW = new double[256];
    private int evCount, pending;

    private int[] anchorPre, anchorStep, anchorSynapse, anchorSpike;
    private int mother;
    private int[] spTime = new int[64], spNeuron = new int[64], spLayer = new int[64];
    private int spCount;
    private int[][] links = new int[4][64];
    private int[] lkPre = links[0], lkPost = links[1], lkSynapse = links[2], lkDelay = links[3];
    private int lkCount;
    private int[] linkScratch = new int[64];

    GroupSimulator(SearchNetwork net, SearchParams p) {
        this.net = net;
        this.p = p;
        this.steps = p.maxLengthMs();
        aOf[0] = p.aExc();
        dOf[0] = p.dExc();
        aOf[1] = p.aInh();
        dOf[1] = p.dInh();
        for (int type = 0; type < 2; type++) {
            boxOf[type] = boxHolds(aOf[type], p.b());
            rest(type);
        }
        int n = net.n;
        v = new double[n];
        u = new double[n];
        input = new double[n];
        last = new int[n];
        inputAt = new int[n];
        integratedAt = new int[n];
        arrivals = new int[n];
        Arrays.fill(last, -1);
        Arrays.fill(arrivals, -1);
        evHead = new int[steps + 2];
        evTail = new int[steps + 2];
        Arrays.fill(evHead, -1);
        Arrays.fill(evTail, -1);
    }

    /** Whether the quiet box is invariant for a neuron with these a and b (see the class comment). */
    static boolean boxHolds(double a, double b) {
        double margin = 1e-9;
        return a > 0 && a <= 1 && b >= 0 && BOX_V_MIN > -87.5
                && q(BOX_V_MAX) < BOX_U_MIN - margin && q(BOX_V_MIN) > BOX_U_MAX + margin
                && b * BOX_V_MIN > BOX_U_MIN + margin && b * BOX_V_MAX < BOX_U_MAX - margin;
    }

    private static double q(double v) {
        return (0.04 * v + 5) * v + 140;
    }

    /** The trajectory of an untouched neuron of one kind, up to where it stops changing. */
    private void rest(int type) {
        double[] rv = new double[steps + 1], ru = new double[steps + 1];
        rv[0] = p.v0();
        ru[0] = p.b() * p.v0();
        int s = 0;
        while (s < steps) {
            double nv = rv[s], nu = ru[s];
            nv = nv + 0.5 * ((0.04 * nv + 5) * nv + 140 - nu);
            nv = nv + 0.5 * ((0.04 * nv + 5) * nv + 140 - nu);
            nu = nu + aOf[type] * (p.b() * nv - nu);
            if (nv >= THRESHOLD) throw new IllegalArgumentException("v0 = " + p.v0() + " mV is not a rest state: a neuron fires without input");
            s++;
            rv[s] = nv;
            ru[s] = nu;
            if (nv == rv[s - 1] && nu == ru[s - 1]) break;
        }
        restV[type] = Arrays.copyOf(rv, s + 1);
        restU[type] = Arrays.copyOf(ru, s + 1);
    }

    /**
     * Fires the anchors {@code cand[0..]} (indices into the mother's candidate list) and
     * simulates; afterwards {@link #accepted()} and {@link #group()} describe the result.
     */
    void run(int mother, int[] cand) {
        reset();
        this.mother = mother;
        int width = cand.length;
        if (anchorPre == null || anchorPre.length != width) {
            anchorPre = new int[width];
            anchorStep = new int[width];
            anchorSynapse = new int[width];
            anchorSpike = new int[width];
        }
        int base = net.candStart[mother], dmax = 0, lastStim = 0;
        for (int j = 0; j < width; j++) dmax = Math.max(dmax, net.candDelay[base + cand[j]]);
        for (int j = 0; j < width; j++) {
            int c = base + cand[j];
            anchorPre[j] = net.candPre[c];
            anchorSynapse[j] = net.candSynapse[c];
            anchorStep[j] = 1 + dmax - net.candDelay[c];
            anchorSpike[j] = -1;
            lastStim = Math.max(lastStim, anchorStep[j]);
        }
        for (int t = 1; t <= steps; t++) {
            stepCount = 0;
            for (int j = 0; j < width; j++) {
                if (anchorStep[j] != t) continue;
                int k = anchorPre[j];
                prepare(k, t);
                input[k] = p.anchorInput();
            }
            for (int ev = evHead[t]; ev != -1; ev = evNext[ev]) {
                pending--;
                int k = evTarget[ev];
                prepare(k, t);
                input[k] += evW[ev];
                if (evPreSpike[ev] >= 0 && evW[ev] > 0) {
                    evArrNext[ev] = arrivals[k];
                    arrivals[k] = ev;
                }
            }
            firedCount = 0;
            nextAwakeCount = 0;
            for (int i = 0; i < awakeCount; i++) integrate(awake[i], t);
            for (int i = 0; i < stepCount; i++) if (integratedAt[stepList[i]] != t) integrate(stepList[i], t);
            Arrays.sort(fired, 0, firedCount);
            for (int i = 0; i < firedCount; i++) spike(fired[i], t);
            int[] swap = awake;
            awake = nextAwake;
            nextAwake = swap;
            awakeCount = nextAwakeCount;
            if (awakeCount == 0 && pending == 0 && t >= lastStim) break;
        }
    }

    private void reset() {
        for (int i = 0; i < touchedCount; i++) {
            int k = touched[i];
            last[k] = -1;
            inputAt[k] = 0;
            integratedAt[k] = 0;
            arrivals[k] = -1;
        }
        touchedCount = 0;
        awakeCount = 0;
        Arrays.fill(evHead, -1);
        Arrays.fill(evTail, -1);
        evCount = 0;
        pending = 0;
        spCount = 0;
        lkCount = 0;
    }

    private static int type(int k, int ne) {
        return k < ne ? 0 : 1;
    }

    /** Makes neuron k ready to take input at step t: state up to date at t − 1, input cleared. */
    private void prepare(int k, int t) {
        if (inputAt[k] == t) return;
        catchUp(k, t - 1);
        inputAt[k] = t;
        input[k] = 0;
        if (stepCount == stepList.length) stepList = Arrays.copyOf(stepList, stepCount * 2);
        stepList[stepCount++] = k;
    }

    /** Advances a quiet neuron to step s with zero input, exactly as the dense loop would have. */
    private void catchUp(int k, int s) {
        int type = type(k, net.ne);
        if (last[k] < 0) {
            if (touchedCount == touched.length) touched = Arrays.copyOf(touched, touchedCount * 2);
            touched[touchedCount++] = k;
            int r = Math.min(s, restV[type].length - 1);
            v[k] = restV[type][r];
            u[k] = restU[type][r];
            last[k] = s;
            return;
        }
        double a = aOf[type], b = p.b();
        double vk = v[k], uk = u[k];
        while (last[k] < s) {
            double nv = vk + 0.5 * ((0.04 * vk + 5) * vk + 140 - uk);
            nv = nv + 0.5 * ((0.04 * nv + 5) * nv + 140 - uk);
            double nu = uk + a * (b * nv - uk);
            if (nv >= THRESHOLD) throw new IllegalStateException("neuron " + k + " left the quiet box at step " + (last[k] + 1));
            last[k]++;
            if (nv == vk && nu == uk) {
                last[k] = s;
                break;
            }
            vk = nv;
            uk = nu;
        }
        v[k] = vk;
        u[k] = uk;
    }

    private void integrate(int k, int t) {
        int type = type(k, net.ne);
        double in = inputAt[k] == t ? input[k] : 0;
        double vk = v[k], uk = u[k];
        vk = vk + 0.5 * ((0.04 * vk + 5) * vk + 140 - uk + in);
        vk = vk + 0.5 * ((0.04 * vk + 5) * vk + 140 - uk + in);
        uk = uk + aOf[type] * (p.b() * vk - uk);
        if (vk >= THRESHOLD) {
            vk = p.c();
            uk = uk + dOf[type];
            if (firedCount == fired.length) fired = Arrays.copyOf(fired, firedCount * 2);
            fired[firedCount++] = k;
        }
        v[k] = vk;
        u[k] = uk;
        last[k] = t;
        integratedAt[k] = t;
        boolean quiet = boxOf[type] && vk >= BOX_V_MIN && vk <= BOX_V_MAX && uk >= BOX_U_MIN && uk <= BOX_U_MAX;
        if (!quiet) {
            if (nextAwakeCount == nextAwake.length) nextAwake = Arrays.copyOf(nextAwake, nextAwakeCount * 2);
            nextAwake[nextAwakeCount++] = k;
        }
    }

    /** Neuron k fired at step t: decide whether the spike belongs to the group, link it, send its PSPs. */
    private void spike(int k, int t) {
        int anchor = -1;
        for (int j = 0; j < anchorPre.length && anchor < 0; j++) {
            if (anchorPre[j] == k && anchorStep[j] == t && anchorSpike[j] < 0) anchor = j;
        }
        int id = -1;
        if (anchor >= 0) {
            id = addSpike(t, k, 0);
            anchorSpike[anchor] = id;
        } else {
            int links = 0, oldest = t - p.windowMs() + 1;
            for (int ev = arrivals[k]; ev != -1 && evStep[ev] >= oldest; ev = evArrNext[ev]) {
                if (links == linkScratch.length) linkScratch = Arrays.copyOf(linkScratch, links * 2);
                linkScratch[links++] = ev;
            }
            if (links > 0) {
                int layer = 0;
                for (int i = 0; i < links; i++) layer = Math.max(layer, spLayer[evPreSpike[linkScratch[i]]] + 1);
                id = addSpike(t, k, layer);
                for (int i = links - 1; i >= 0; i--) addLink(linkScratch[i], id);
            }
        }
        arrivals[k] = -1;
        for (int j = net.outStart[k]; j < net.outStart[k + 1]; j++) {
            int arrival = t + net.outDelay[j];
            if (arrival > steps) continue;
            addEvent(arrival, net.outPost[j], net.outW[j], id, net.outSynapse[j]);
        }
    }

    private int addSpike(int t, int k, int layer) {
        if (spCount == spTime.length) {
            spTime = Arrays.copyOf(spTime, spCount * 2);
            spNeuron = Arrays.copyOf(spNeuron, spCount * 2);
            spLayer = Arrays.copyOf(spLayer, spCount * 2);
        }
        spTime[spCount] = t;
        spNeuron[spCount] = k;
        spLayer[spCount] = layer;
        return spCount++;
    }

    private void addLink(int ev, int postSpike) {
        if (lkCount == lkPre.length) {
            links = doubled(links);
            bindLinkColumns();
        }
        lkPre[lkCount] = evPreSpike[ev];
        lkPost[lkCount] = postSpike;
        lkSynapse[lkCount] = evSynapse[ev];
        lkDelay[lkCount] = evStep[ev] - spTime[evPreSpike[ev]];
        lkCount++;
    }

    private void addEvent(int step, int target, double w, int preSpike, int synapse) {
        if (evCount == evNext.length) {
            events = doubled(events);
            bindEventColumns();
            evW = Arrays.copyOf(evW, evCount * 2);
        }
        int ev = evCount++;
        evNext[ev] = -1;
        evTarget[ev] = target;
        evW[ev] = w;
        evPreSpike[ev] = preSpike;
        evSynapse[ev] = synapse;
        evStep[ev] = step;
        if (evTail[step] < 0) evHead[step] = ev;
        else evNext[evTail[step]] = ev;
        evTail[step] = ev;
        pending++;
    }

    private void bindLinkColumns() {
        lkPre = links[0]; lkPost = links[1]; lkSynapse = links[2]; lkDelay = links[3];
    }

    private void bindEventColumns() {
        evNext = events[0]; evTarget = events[1]; evPreSpike = events[2]; evSynapse = events[3]; evStep = events[4]; evArrNext = events[5];
    }

    private static int[][] doubled(int[][] columns) {
        int[][] out = new int[columns.length][];
        for (int c = 0; c < columns.length; c++) out[c] = Arrays.copyOf(columns[c], columns[c].length * 2);
        return out;
    }

    int longestPath() {
        int max = 0;
        for (int i = 0; i < spCount; i++) max = Math.max(max, spLayer[i]);
        return max;
    }

    /** Whether the last run is a group: path long enough and every anchor's spike linked at least twice. */
    boolean accepted() {
        if (longestPath() < p.minPath()) return false;
        for (int a : anchorSpike) {
            if (a < 0) return false;
            int uses = 0;
            for (int i = 0; i < lkCount; i++) if (lkPre[i] == a) uses++;
            if (uses < 2) return false;
        }
        return true;
    }

    /** The last run's spikes and links, accepted or not; times from the first anchor spike. */
    PolychronousGroup group() {
        int[] times = new int[spCount];
        for (int i = 0; i < spCount; i++) times[i] = spTime[i] - 1;
        return new PolychronousGroup(mother, anchorPre.clone(), anchorSynapse.clone(), anchorSpike.clone(), times,
                Arrays.copyOf(spNeuron, spCount), Arrays.copyOf(spLayer, spCount), Arrays.copyOf(lkPre, lkCount),
                Arrays.copyOf(lkPost, lkCount), Arrays.copyOf(lkSynapse, lkCount), Arrays.copyOf(lkDelay, lkCount));
    }
}
