package org.izhsim.spnet;

import java.util.Arrays;
import org.izhsim.random.CounterRandom;

/**
 * One worker of a {@link SpnetNetwork}: the neurons [lo, hi) as posts, what the worker keeps
 * for itself, and its part of every step ({@link #steps}; the order of one millisecond and why
 * the workers give the same spikes and weights as one are in {@link SpnetNetwork}'s comment).
 * What depends on the spike times only is each worker's own copy, all copies equal: the list of
 * excitatory spikes, the LTP history of the excitatory neurons and DA-STDP's dopamine. Its own
 * copies of v, u, I and LTD hold its own neurons' values (the global index kept; the rest is
 * unused): in one array for all workers, the lines at each worker's border, and where one array
 * ends and the next begins, moved between the cores several times a step, and two workers'
 * integration cost 1.6 times one worker's (BENCHMARKS.md §6). 16 floats more per array: no array
 * shares a cache line with the next object.
 */
final class SpnetWorker {
    private final SpnetNetwork net;
    final int id, lo, hi;
    final float[] v, u, in, ltd;
    // time T of neuron i at ltp[T mod (d+1)][i], one array per slot, so that the decay from one
    // slot into the next is a loop over two arrays, which C2 vectorizes; kept for every
    // excitatory neuron (the pres that potentiation reads) and the own ones, so that no core
    // reads a line that another rewrites every step (shared, this cost two workers 1.7 times
    // one's potentiation time: BENCHMARKS.md §6). d+1 slots, as spnet.c's: a step decays into
    // time t+1, the slot of t-d, after its last read of t-d.
    final float[][] ltp;
    // the excitatory spikes of the second and of the last D ms before it: delivery walks these
    // only (an inhibitory spike delivers in the step it is found only, from inhNow), so it tests
    // no spike for its kind
    final SpikeList recent;
    // the step's inhibitory spikes: [0] the count, then the neurons ascending
    private final int[] inhNow;
    // with several workers, this worker's synapses onto its own posts, those of segment b (pre
    // j, delay index k: b = j·(d+1) + k) at [ownBeg[b], ownBeg[b+1]) in the segment's order: the
    // post in ownPost, the weight's (and an excitatory one's sd's) index in ownW. Copied out of
    // post and pos so that delivery reads its own synapses only, in sequence, not the half of
    // every line of the shared arrays that is its own (the whole of them then stayed in each
    // worker's cache). null with one worker (deliver)
    private final int[] ownPost, ownW, ownBeg;
    /** This worker's copy of DA-STDP's dopamine and rewards, or null for spnet's own rule. */
    final DaStdp da;
    /** The histogram of its block's weights after the last weight update ({@link #tally}). */
    final long[] histogram = new long[SpnetNetwork.TALLY_EQ9 + 1];

    /** Worker {@code id} of {@code net}, its neurons [lo, hi), its delivery lists (null with one worker). */
    SpnetWorker(SpnetNetwork net, int id, int lo, int hi, int[] ownPost, int[] ownW, int[] ownBeg, DaStdp da) {
        this.net = net;
        this.id = id;
        this.lo = lo;
        this.hi = hi;
        int n = net.n;
        v = new float[n + 16];
        u = new float[n + 16];
        in = new float[n + 16];
        ltd = new float[n + 16];
        Arrays.fill(v, 0, n, -65f);
        Arrays.fill(u, 0, n, (float) (0.2 * -65f));
        ltp = new float[net.r][n + 16];
        recent = new SpikeList(4 * n + 16);
        inhNow = new int[n - net.ne + 1 + 16];
        this.ownPost = ownPost;
        this.ownW = ownW;
        this.ownBeg = ownBeg;
        this.da = da;
    }

    /** This worker's 1000 steps of model second {@code sec}, then the weight update of its own block. */
    void steps(long sec) {
        final SpnetNetwork net = this.net;
        final StepExchange exchange = net.exchange;
        final int lo = this.lo, hi = this.hi, ne = net.ne, slots = net.r, w = id;
        final float[] v = this.v, u = this.u, in = this.in, ltd = this.ltd, sd = net.sd, a = net.a, dpar = net.dpar;
        final float[][] ltp = this.ltp;
        final int[] pstart = net.pstart, pin = net.pin;
        final int dshift = net.dshift, dmask = net.dmask;
        final float ltdSet = net.ltdSet;
        // the LTP ring twice over: time t-1-k of step t (potentiation) is ring2[now + slots - 1 - k],
        // one subtraction instead of an array of the step's slots rebuilt every step
        final float[][] ring2 = new float[2 * slots][];
        for (int k = 0; k < ring2.length; k++) ring2[k] = ltp[k % slots];
        final SpikeList list = recent;
        int nf = list.n;
        final DaStdp da = this.da;
        // the excitatory neurons of the other workers: [0, excLo) and [excHi, ne)
        final int excLo = Math.min(lo, ne), excHi = Math.min(hi, ne);
        for (int t = 0; t < SpnetNetwork.STEPS; t++) {
            final long tg = sec * SpnetNetwork.STEPS + t;
            final int now = (int) (tg % slots);
            final float[] cur = ltp[now], nxt = ltp[now + 1 == slots ? 0 : now + 1];
            final int back = now + slots - 1;
            // 2. spikes: reset, set the traces; published to the other workers at once
            final int[] out = exchange.buffer(w, tg);
            int c = 0;
            for (int i = lo; i < hi; i++) {
                if (v[i] >= 30) {
                    v[i] = -65;
                    u[i] += dpar[i];
                    cur[i] = 0.1f;
                    ltd[i] = ltdSet;
                    out[++c] = i;
                }
            }
            exchange.publish(w, tg, c);
            // While the other workers publish, what needs none of their spikes: potentiation
            // from the arrival-time LTP history (times t-1 .. t-D, complete in this worker's copy
            // since the last step), then step 1, the input (I is read again only by delivery),
            // and step 5 of the other workers' excitatory LTP history (after potentiation, which
            // reads time t-D, the slot of t+1; their spikes of this step are set in both slots
            // by merge)
            for (int k = 1; k <= c; k++) {
                final int i = out[k];
                for (int p = pstart[i], end = pstart[i + 1]; p < end; p++) {
                    int x = pin[p];
                    sd[p] += ring2[back - (x & dmask)][x >>> dshift];
                }
            }
            input(tg);
            decay(cur, nxt, 0, excLo);
            decay(cur, nxt, excHi, ne);
            exchange.await(w, tg);
            nf = merge(t, tg, nf, cur, nxt);
            // 3. arrival-time delivery, newest spike first, with depression at excitatory synapses
            deliver(t, list.t, list.i, nf);
            // 4. integrate; 5. decay the own neurons' traces
            integrate(v, u, in, a, ltd, cur, nxt, lo, hi);
            if (da != null && (t + 1) % DaStdp.UPDATE_MS == 0) modulate();
        }
        list.n = nf;
        // the end of the second: the weight update of the worker's own block, in the same job
        // (a second job would wake the other workers once more per second)
        tally(pstart[lo], pstart[hi]);
    }

    /** Step 1 of step {@code tg} for the neurons [lo, hi): I = 0, then spnet's or DA-STDP's input. */
    private void input(long tg) {
        final int n = net.n, lo = this.lo, hi = this.hi;
        final float[] in = this.in;
        Arrays.fill(in, lo, hi, 0f);
        final long key = CounterRandom.key(net.kin, tg);
        if (da == null) {
            for (int k = 0, draws = net.draws; k < draws; k++) {
                int x = CounterRandom.below(key, k, n);
                if (x >= lo && x < hi) in[x] = 20f;
            }
        } else {
            for (int i = lo; i < hi; i++) in[i] = DaStdp.input(key, i);
        }
    }

    /**
     * This worker takes step t's spikes of all workers (the workers' ranges ascend, so in
     * ascending neuron order): the excitatory ones onto its list, the inhibitory ones into its
     * {@link #inhNow}, and worker 0 all of them onto {@link SpnetNetwork#fired}. It sets the LTP history of
     * the other workers' excitatory spikes in its copy, at time t (0.1) and t+1 (its decay), and
     * steps its copy of DA-STDP's dopamine. The list holds {@code nf} spikes before; returns how
     * many after.
     */
    private int merge(int t, long tg, int nf, float[] cur, float[] nxt) {
        final int ne = net.ne, w = id, workers = net.workers.length;
        final int[] inh = inhNow;
        final SpikeList list = recent, all = w == 0 ? net.fired : null;
        final DaStdp da = this.da;
        int ni = 0;
        boolean preFired = false, postFired = false;
        for (int x = 0; x < workers; x++) {
            int[] b = net.exchange.buffer(x, tg);
            int c = b[0];
            list.reserve(nf, c);
            int[] ft = list.t, fi = list.i;
            if (all != null) {
                all.reserve(all.n, c);
                for (int k = 1; k <= c; k++) {
                    all.t[all.n] = t;
                    all.i[all.n++] = b[k];
                }
            }
            for (int k = 1; k <= c; k++) {
                int i = b[k];
                if (i < ne) {
                    ft[nf] = t;
                    fi[nf++] = i;
                    if (x != w) {
                        cur[i] = 0.1f;
                        nxt[i] = (float) (0.95 * cur[i]);
                    }
                } else {
                    inh[++ni] = i;
                }
                if (da != null) {
                    preFired |= i == da.pre;
                    postFired |= i == da.post;
                }
            }
        }
        inh[0] = ni;
        if (da != null) da.step(tg, preFired, postFired);
        return nf;
    }

    /**
     * DA-STDP's weight update at the end of every 10th ms, on the excitatory synapses onto the
     * posts [lo, hi): w ← clip(w + (0.002 + DA)·c, 0, sm), c ← 0.99·c, where c is sd. Each
     * synapse's update is independent of the others, so the direct loop of one worker and the
     * incoming lists of several give the same values.
     */
    private void modulate() {
        final float[] s = net.s, sd = net.sd;
        final int[] pstart = net.pstart;
        final float sm = net.cfg.sm();
        final double g = DaStdp.DA_BASELINE + da.use;
        // the excitatory synapses are stored by post: those onto [lo, hi) are one block
        for (int p = pstart[lo], end = pstart[hi]; p < end; p++) {
            s[p] += g * sd[p];
            sd[p] *= DaStdp.C_DECAY;
            if (s[p] > sm) s[p] = sm;
            if (s[p] < 0) s[p] = 0;
        }
    }

    /**
     * Steps 4 and 5 of the neurons [lo, hi): two 0.5 ms half-steps of v, then u from the new
     * v, each neuron's arithmetic as spnet.c's; then the LTD trace and the LTP history (from
     * slot {@code cur} into {@code nxt}) × 0.95, rounded to float.
     * The v updates are a loop of their own, the u update and the decay another: C2 (JDK 25)
     * vectorizes a single loop over v, u, in and a from a start it sees as a constant only
     * (BENCHMARKS.md §6), but these two from any worker's start (seen in the machine code C2
     * printed for them), and they are a large part of a step.
     */
    private static void integrate(float[] v, float[] u, float[] in, float[] a, float[] ltd, float[] cur, float[] nxt, int lo, int hi) {
        for (int i = lo; i < hi; i++) {
            v[i] += 0.5 * ((0.04 * v[i] + 5) * v[i] + 140 - u[i] + in[i]);
            v[i] += 0.5 * ((0.04 * v[i] + 5) * v[i] + 140 - u[i] + in[i]);
        }
        for (int i = lo; i < hi; i++) {
            u[i] += a[i] * (0.2 * v[i] - u[i]);
            ltd[i] *= 0.95;
            nxt[i] = (float) (0.95 * cur[i]);
        }
    }

    /** Step 5 of the LTP history of the neurons [lo, hi) only: from slot {@code cur} into {@code nxt}, × 0.95 rounded to float. */
    private static void decay(float[] cur, float[] nxt, int lo, int hi) {
        for (int i = lo; i < hi; i++) nxt[i] = (float) (0.95 * cur[i]);
    }

    /**
     * Step 3 for this worker's posts, newest spike first: this step's inhibitory spikes
     * ({@code inh}, descending; inhibitory neurons are the step's highest, and every inhibitory
     * synapse has delay 1 ms, delay index 0, so an older inhibitory spike delivers nothing),
     * then the excitatory list from its end. With one worker every post is its own and the
     * loops are spnet.c's. With more, worker w walks only its own synapses of each segment
     * ({@link #ownPost}), in the segment's order: each worker does its share of the delivery, not
     * the whole of it, and writes only its own posts' I, LTD and sd.
     */
    private void deliver(int t, int[] ft, int[] fi, int nf) {
        final int[] post = net.post, dbeg = net.dbeg, pos = net.pos, inh = inhNow;
        final float[] s = net.s, sd = net.sd, in = this.in, ltd = this.ltd;
        final int d = net.d, r = net.r;
        if (ownPost == null) {
            for (int k = inh[0]; k >= 1; k--) {
                final int b = inh[k] * r;
                for (int q = dbeg[b], q1 = dbeg[b + 1]; q < q1; q++) in[post[q]] += s[q];
            }
            for (int k = nf - 1; k >= 0 && t - ft[k] < d; k--) {
                final int b = fi[k] * r + t - ft[k], q1 = dbeg[b + 1];
                for (int q = dbeg[b]; q < q1; q++) {
                    int i = post[q], p = pos[q];
                    in[i] += s[p];
                    sd[p] -= ltd[i];
                }
            }
            return;
        }
        final int[] op = ownPost, ow = ownW, beg = ownBeg;
        for (int k = inh[0]; k >= 1; k--) {
            final int b = inh[k] * r;
            for (int x = beg[b], x1 = beg[b + 1]; x < x1; x++) in[op[x]] += s[ow[x]];
        }
        for (int k = nf - 1; k >= 0 && t - ft[k] < d; k--) {
            final int b = fi[k] * r + t - ft[k], x1 = beg[b + 1];
            for (int x = beg[b]; x < x1; x++) {
                int i = op[x], p = ow[x];
                in[i] += s[p];
                sd[p] -= ltd[i];
            }
        }
    }


    /**
     * For the excitatory synapses at [p0, p1) (post order): spnet's weight update (not
     * DA-STDP's, which {@link #modulate} does every 10 ms), then into {@link #histogram} the histogram
     * of the new weights, as {@link SpnetNetwork#TALLY_COPIES} interleaved copies of {@link SpnetNetwork#TALLY_STRIDE}
     * bins, and at [{@link SpnetNetwork#TALLY_EQ9}] the count of weights equal to 9. The clipping and the
     * binning are branch-free: the bimodal weights made their branches unpredictable, which
     * cost more than the arithmetic; the copies keep successive increments of one bin (most
     * weights are 0 or sm) out of one dependency chain.
     */
    private void tally(int p0, int p1) {
        final float[] s = net.s, sd = net.sd;
        final float sm = net.cfg.sm();
        final boolean update = da == null;
        final long[] c = new long[SpnetNetwork.TALLY_EQ9 + 1];
        for (int p = p0; p < p1; p++) {
            float x = s[p];
            if (update) {
                x = (float) (x + (0.01 + sd[p]));
                sd[p] = (float) (sd[p] * 0.9);
                // spnet.c's "if (s > sm) s = sm; if (s < 0) s = 0;" exactly (C2 compiles these
                // as branches, also when written as conditional expressions): min and max are
                // branch-free, and max(x, 0) differs from it only for x = -0, which stays -0
                x = Math.min(x, sm);
                float y = Math.max(x, 0f);
                x = x == 0 ? x : y;
                s[p] = x;
            }
            c[(p & (SpnetNetwork.TALLY_COPIES - 1)) * SpnetNetwork.TALLY_STRIDE + Math.min((int) x, SpnetNetwork.HIST_BINS - 1)]++;
            if (x == 9f) c[SpnetNetwork.TALLY_EQ9]++;
        }
        System.arraycopy(c, 0, histogram, 0, c.length);
    }
}
