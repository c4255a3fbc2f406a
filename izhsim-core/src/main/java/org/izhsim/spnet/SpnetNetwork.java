package org.izhsim.spnet;

import java.util.Arrays;
import org.izhsim.network.engine.WorkerPool;
import org.izhsim.random.CounterRandom;
import org.izhsim.random.Streams;

/**
 * Izhikevich's (2006) polychronization network with spnet.cpp's STDP, in float as spnet.cpp
 * (docs/reference/spnet.md §2), drawn from izhsim's counter-based streams as
 * izhsim-bench/c/spnet.c draws it, so that both give the same spikes and weights bit for bit.
 *
 * <p>One millisecond, in this order (the plasticity steps are marked): 1. input (one random
 * neuron per 1000 gets I = 20); 2. cut-off and reset, the LTP history set to 0.1 and the LTD
 * trace to 0.12, and <b>potentiation</b> of the spiking neuron's excitatory afferents from the
 * LTP history at their arrival time; 3. <b>arrival-time delivery</b> of every spike of the last
 * D ms, newest first: I += w with the weight as it is now, and <b>depression</b> sd −= LTD(post)
 * for excitatory synapses; 4. two 0.5 ms half-steps of v, then u; 5. <b>trace decay</b> (× 0.95).
 * Once per second: w += 0.01 + sd, sd ×= 0.9, w clipped to [0, sm], excitatory synapses only;
 * the statistics follow the update. Every statement narrows to float where spnet.cpp's does
 * (izhsim-bench/c/README.md, "What a bit-identical Java port must keep"): Java's compound
 * assignment to a float evaluates the double literals' arithmetic in double and rounds once,
 * as C does.
 *
 * <p>Threads: worker w owns the neurons [bounds[w], bounds[w+1]) as posts. Steps 1, 2, 4 and 5
 * touch only the worker's own neurons and the synapses onto them; step 3 walks every recent
 * spike but only its own synapses of it (those onto its posts, {@link #ownQ}). A post's I therefore sums the same values in the
 * same order (spike order, newest first; no pre reaches a post twice with one delay, since
 * targets are distinct) for any number of workers, so spikes and weights do not depend on it.
 * One barrier per step merges the workers' spikes in ascending neuron order; fewer cannot do,
 * since a delay-1 synapse (every inhibitory one, M/D of the excitatory ones) delivers a spike in
 * the step it is found, into any worker's posts. The barrier is split ({@link StepBarrier}): a
 * worker arrives once its spikes are found, potentiates, and only then waits, so the
 * potentiation overlaps the wait for the others. The reads that cross workers are the LTP
 * history of other neurons at steps before the current one, written before the previous
 * barrier (the ring has a slot more than spnet.c's for a worker that runs ahead); the writes
 * of the excitatory weights and sd are in the worker's own block.
 */
public final class SpnetNetwork implements AutoCloseable {
    /** Bins of the excitatory weight histogram: [k, k+1) for k = 0..8, then [9, ∞). */
    public static final int HIST_BINS = 10;
    static final int STEPS = 1000;
    private static final int TALLY_COPIES = 4, TALLY_STRIDE = 16, TALLY_EQ9 = TALLY_COPIES * TALLY_STRIDE;

    final SpnetConfig cfg;
    final int n, ne, m, d, r, slots, draws;
    // synapses of pre i: [i·m, (i+1)·m), by delay index, stable in draw order
    final int[] post;
    final byte[] dd;    // delay index: delay = dd + 1 ms
    final int[] dbeg;   // dbeg[i·(d+1) + k]: first synapse of pre i with delay index k
    // The excitatory synapses' weight and sd live in post order ("incoming order"): those onto
    // post i at [pstart[i], pstart[i+1]), pre ascending; pos[q] is where synapse q's are, pin[p]
    // the pre and delay index of entry p in one int (pre << dshift | delay index). So each
    // worker writes weights and sd only in its own posts' block (no cache line written by two
    // cores, which with the synapses in pre order every potentiation and depression did), and
    // potentiation walks its entries in sequence. The inhibitory weights stay at s[q], q >= ne·m.
    // Per plastic synapse 12 bytes beyond a static one's 9 (docs/spnet.md, "Memory").
    final float[] s;
    final float[] sd;   // ne·m: the inhibitory synapses have no plasticity state
    final int[] pstart, pos, pin;
    final int dshift, dmask;
    final float[] a, dpar, v, u;
    final float[] in, ltd;  // n
    // ring: time T of neuron i at ltp[T mod (d+2)][i]; one array per slot, so that the decay
    // from one slot into the next is a loop over two arrays, which C2 vectorizes. d+1 slots
    // would hold every time the step reads; the one more lets a worker run ahead of a slower
    // one's potentiation (steps) without overwriting the oldest time that one still reads.
    final float[][] ltp;
    int[] ft, fi;       // spike list: ms relative to the current second, neuron
    int nf;
    long second;        // seconds run

    private final long kin;
    /** DA-STDP's dopamine and rewards ({@link #daStdp}), or null for spnet's own rule. */
    private final DaStdp da;
    private final float ltdSet;
    private final WorkerPool pool;
    private final int[] bounds;
    // with several workers, worker w's synapses onto its own posts: their q (pre order) in
    // ownQ[w], those of segment b (pre j, delay index k: b = j·(d+1) + k) at
    // [ownBeg[w][b], ownBeg[w][b+1]); null with one worker (deliver)
    private final int[][] ownQ, ownBeg;
    private final int[][] mine;
    private final int[] mineCount;
    // per worker: the LTP ring's slots of times t-1 .. t-d in the current step t (potentiation)
    private final float[][][] back;
    private final StepBarrier barrier;
    private final long[][] tallies;
    private int mergeStep;
    private long excSpikes, inhSpikes;
    private final Runnable merge = this::merge;

    /** Builds the network of {@code cfg} (validated here) at second 0, run on {@code threads} workers. */
    public SpnetNetwork(SpnetConfig cfg, int threads) {
        this(cfg, 0, threads);
    }

    /**
     * The network of {@code cfg} with dopamine-modulated STDP ({@link DaStdp}; the paper's
     * network is {@link DaStdp#paperNetwork}): the same wiring, neurons, STDP traces and
     * delivery as spnet, with DA-STDP's weights, input and weight update, one excitatory
     * synapse chosen from the seed (its weight starts at 0), and rewards for its pre → post
     * coincidences of 1 to {@code windowMs} ms.
     */
    public static SpnetNetwork daStdp(SpnetConfig cfg, int windowMs, int threads) {
        if (windowMs < 1) throw new IllegalArgumentException("the coincidence window must be at least 1 ms, got " + windowMs);
        return new SpnetNetwork(cfg, windowMs, threads);
    }

    private SpnetNetwork(SpnetConfig cfg, int windowMs, int threads) {
        this.cfg = cfg.validate();
        checkMemory(cfg, Math.max(1, Math.min(threads, cfg.n())));
        n = cfg.n();
        ne = cfg.ne();
        m = cfg.m();
        d = cfg.d();
        r = d + 1;
        slots = d + 2;
        draws = Math.max(1, n / 1000);
        int syn = n * m;
        post = new int[syn];
        dd = new byte[syn];
        dbeg = new int[n * r];
        s = new float[syn];
        int w = Math.max(1, Math.min(threads, n));
        sd = new float[ne * m];
        pstart = new int[n + 1];
        pos = new int[ne * m];
        pin = new int[ne * m];
        // pre < n and n·(d+1) < 2^31 (checkMemory), so pre << dshift < 2^32: read back with >>>
        dshift = 32 - Integer.numberOfLeadingZeros(Math.max(1, d - 1));
        dmask = (1 << dshift) - 1;
        a = new float[n];
        dpar = new float[n];
        v = new float[n];
        u = new float[n];
        in = new float[n];
        ltd = new float[n];
        ltp = new float[slots][n];
        ft = new int[4 * n + 16];
        fi = new int[4 * n + 16];
        SpnetWiring.connect(this);
        if (windowMs > 0) {
            int q = DaStdp.choose(cfg);
            da = new DaStdp(cfg, windowMs, q, post[q]);
        } else {
            da = null;
        }
        float wExc = da == null ? 6f : DaStdp.W_EXC, wInh = da == null ? -5f : DaStdp.W_INH;
        for (int q = 0; q < syn; q++) s[q] = q < ne * m ? wExc : wInh;
        if (da != null) s[pos[da.chosen]] = 0f;
        ltdSet = da == null ? 0.12f : DaStdp.LTD_SET;
        for (int i = 0; i < n; i++) {
            a[i] = i < ne ? 0.02f : 0.1f;
            dpar[i] = i < ne ? 8f : 2f;
            v[i] = -65;
            u[i] = (float) (0.2 * v[i]);
        }
        kin = da == null ? Streams.key(cfg.seed(), "spnet/input") : DaStdp.inputKey(cfg);
        pool = new WorkerPool(w, "spnet");
        bounds = new int[w + 1];
        for (int k = 0; k <= w; k++) bounds[k] = (int) ((long) n * k / w);
        mine = new int[w][];
        for (int k = 0; k < w; k++) mine[k] = new int[bounds[k + 1] - bounds[k]];
        if (w > 1) {
            ownQ = new int[w][];
            ownBeg = new int[w][n * r + 1];
            SpnetWiring.splitByWorker(this, bounds, ownQ, ownBeg);
        } else {
            ownQ = ownBeg = null;
        }
        mineCount = new int[w];
        back = new float[w][d][];
        barrier = new StepBarrier(w);
        tallies = new long[w][TALLY_EQ9 + 1];
    }

    /**
     * Refuses a network the JVM's heap cannot hold (with the synapse count and the -Xmx to ask
     * for), before anything is allocated.
     */
    public static void checkMemory(SpnetConfig cfg) {
        checkMemory(cfg, 1);
    }

    /** As {@link #checkMemory(SpnetConfig)} for {@code workers} workers ({@link SpnetConfig#bytes(int)}). */
    public static void checkMemory(SpnetConfig cfg, int workers) {
        if ((long) cfg.n() * (cfg.d() + 1) > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("--ne + --ni times the largest delay + 1 exceeds 2^31 (the LTP history); use fewer neurons");
        }
        long need = cfg.bytes(workers), have = Runtime.getRuntime().maxMemory();
        if (need > have * 0.9) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "--ne %d --ni %d --m %d needs about %.2f GB, more than the %.2f GB this JVM may use; use smaller sizes or a larger -Xmx",
                    cfg.ne(), cfg.ni(), cfg.m(), need / 1e9, have / 1e9));
        }
    }

    public SpnetConfig config() {
        return cfg;
    }

    /** Model seconds run so far. */
    public long second() {
        return second;
    }

    /**
     * Runs one model second (1000 steps, then the weight update) and returns its statistics;
     * with {@code keepSpikes}, also its spikes (global ms, neuron; in step and neuron order).
     */
    public Second runSecond(boolean keepSpikes) {
        final long sec = second;
        excSpikes = inhSpikes = 0;
        mergeStep = 0;
        pool.run(w -> steps(w, sec));
        long[] tMs = null;
        int[] idx = null;
        if (keepSpikes) {
            int first = 0;
            while (first < nf && ft[first] < 0) first++;
            tMs = new long[nf - first];
            idx = new int[nf - first];
            for (int k = first; k < nf; k++) {
                tMs[k - first] = sec * STEPS + ft[k];
                idx[k - first] = fi[k];
            }
        }
        int keep = 0;
        for (int k = 0; k < nf; k++) {
            if (STEPS - ft[k] < d) {
                ft[keep] = ft[k] - STEPS;
                fi[keep++] = fi[k];
            }
        }
        nf = keep;
        second = sec + 1;
        return updateWeights(tMs, idx);
    }

    private void steps(int w, long sec) {
        final int lo = bounds[w], hi = bounds[w + 1], n = this.n, d = this.d, slots = this.slots;
        final float[] v = this.v, u = this.u, in = this.in, ltd = this.ltd, sd = this.sd, a = this.a, dpar = this.dpar;
        final float[][] ltp = this.ltp;
        final int[] pstart = this.pstart, pin = this.pin;
        final int dshift = this.dshift, dmask = this.dmask;
        final int[] out = mine[w];
        final float[][] back = this.back[w];
        for (int t = 0; t < STEPS; t++) {
            final long tg = sec * STEPS + t;
            final int now = (int) (tg % slots);
            final float[] cur = ltp[now], nxt = ltp[now + 1 == slots ? 0 : now + 1];
            for (int k = 0, b = now; k < d; k++) back[k] = ltp[b = b == 0 ? slots - 1 : b - 1];
            // 1. input
            Arrays.fill(in, lo, hi, 0f);
            final long key = CounterRandom.key(kin, tg);
            if (da == null) {
                for (int k = 0; k < draws; k++) {
                    int x = CounterRandom.below(key, k, n);
                    if (x >= lo && x < hi) in[x] = 20f;
                }
            } else {
                for (int i = lo; i < hi; i++) in[i] = DaStdp.input(key, i);
            }
            // 2. spikes: reset, set the traces; published to the other workers at once
            int c = 0;
            for (int i = lo; i < hi; i++) {
                if (v[i] >= 30) {
                    v[i] = -65;
                    u[i] += dpar[i];
                    cur[i] = 0.1f;
                    ltd[i] = ltdSet;
                    out[c++] = i;
                }
            }
            mineCount[w] = c;
            int ticket = barrier.arrive(w, merge);
            // potentiation from the arrival-time LTP history (times t-1 .. t-D, which no worker
            // writes before this step's barrier: one running ahead writes time t+1 at most, a
            // slot of its own in the ring of d+2), while the slower workers reach the barrier
            for (int k = 0; k < c; k++) {
                final int i = out[k];
                for (int p = pstart[i], end = pstart[i + 1]; p < end; p++) {
                    int x = pin[p];
                    sd[p] += back[x & dmask][x >>> dshift];
                }
            }
            barrier.await(w, ticket);
            // 3. arrival-time delivery, newest spike first, with depression at excitatory synapses
            deliver(w, t, lo, hi);
            // 4. integrate; 5. decay the traces
            integrate(v, u, in, a, ltd, cur, nxt, lo, hi);
            if (da != null && (t + 1) % DaStdp.UPDATE_MS == 0) modulate(lo, hi);
        }
    }

    /**
     * DA-STDP's weight update at the end of every 10th ms, on the excitatory synapses onto the
     * posts [lo, hi): w ← clip(w + (0.002 + DA)·c, 0, sm), c ← 0.99·c, where c is sd. Each
     * synapse's update is independent of the others, so the direct loop of one worker and the
     * incoming lists of several give the same values.
     */
    private void modulate(int lo, int hi) {
        final float[] s = this.s, sd = this.sd;
        final float sm = cfg.sm();
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
     * Steps 4 and 5: two 0.5 ms half-steps of v, then u from the new v, each neuron's
     * arithmetic as spnet.c's; then the LTD trace and the LTP history (from slot {@code cur}
     * into {@code nxt}) × 0.95, rounded to float. The v updates are a loop of their own, the u
     * update and the decays another: C2 (JDK 25) vectorizes a single loop over v, u, in and a
     * from a start it sees as a constant only (BENCHMARKS.md §6), but these two from any
     * worker's start (seen in the machine code C2 printed for them), and they are a large part
     * of a step.
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

    /**
     * Step 3 for the posts [lo, hi) of worker w. With one worker every post is its own and the
     * loops are spnet.c's. With more, worker w walks only its own synapses of each segment
     * ({@link #ownQ}), in the segment's order: each worker does its share of the delivery, not
     * the whole of it, and writes only its own posts' I, LTD and sd.
     */
    private void deliver(int w, int t, int lo, int hi) {
        final int[] ft = this.ft, fi = this.fi, post = this.post, dbeg = this.dbeg, pos = this.pos;
        final float[] in = this.in, s = this.s, sd = this.sd, ltd = this.ltd;
        final int ne = this.ne, d = this.d, r = this.r;
        if (ownQ == null) {
            for (int k = nf - 1; k >= 0 && t - ft[k] < d; k--) {
                final int j = fi[k], b = j * r + t - ft[k], q1 = dbeg[b + 1];
                if (j < ne) {
                    for (int q = dbeg[b]; q < q1; q++) {
                        int i = post[q], p = pos[q];
                        in[i] += s[p];
                        sd[p] -= ltd[i];
                    }
                } else {
                    for (int q = dbeg[b]; q < q1; q++) in[post[q]] += s[q];
                }
            }
            return;
        }
        final int[] own = ownQ[w], beg = ownBeg[w];
        for (int k = nf - 1; k >= 0 && t - ft[k] < d; k--) {
            final int j = fi[k], b = j * r + t - ft[k], x1 = beg[b + 1];
            if (j < ne) {
                for (int x = beg[b]; x < x1; x++) {
                    int q = own[x], i = post[q], p = pos[q];
                    in[i] += s[p];
                    sd[p] -= ltd[i];
                }
            } else {
                for (int x = beg[b]; x < x1; x++) {
                    int q = own[x];
                    in[post[q]] += s[q];
                }
            }
        }
    }

    /** Serial, at each step's barrier: the workers' spikes appended in ascending neuron order. */
    private void merge() {
        int t = mergeStep++, total = 0, from = nf;
        for (int c : mineCount) total += c;
        if (nf + total > ft.length) {
            int cap = Math.max(2 * ft.length, nf + total);
            ft = Arrays.copyOf(ft, cap);
            fi = Arrays.copyOf(fi, cap);
        }
        for (int w = 0; w < mine.length; w++) {
            int[] x = mine[w];
            for (int k = 0, c = mineCount[w]; k < c; k++) {
                ft[nf] = t;
                fi[nf++] = x[k];
                if (x[k] < ne) excSpikes++;
                else inhSpikes++;
            }
        }
        if (da != null) {
            boolean preFired = false, postFired = false;
            for (int k = from; k < nf; k++) {
                preFired |= fi[k] == da.pre;
                postFired |= fi[k] == da.post;
            }
            da.step(second * STEPS + t, preFired, postFired);
        }
    }

    /** The end of a second: the weight update on the excitatory rows, then the statistics. */
    private Second updateWeights(long[] tMs, int[] idx) {
        final float[] s = this.s;
        final int nexc = ne * m;
        final int[] pos = this.pos;
        // each worker its own posts' block, as in the steps; the counts do not depend on the order
        pool.run(w -> tally(pstart[bounds[w]], pstart[bounds[w + 1]], tallies[w]));
        // the sum in stored order, as spnet.c sums (double addition is not associative)
        double sum = 0;
        for (int q = 0; q < nexc; q++) sum += s[pos[q]];
        long[] hist = new long[HIST_BINS];
        long at9 = 0;
        for (long[] c : tallies) {
            for (int k = 0; k < TALLY_COPIES; k++) {
                for (int b = 0; b < HIST_BINS; b++) hist[b] += c[k * TALLY_STRIDE + b];
            }
            at9 += c[TALLY_EQ9];
        }
        // the last bin is [9, ∞), so the weights above 9 are its count less those equal to 9
        long above9 = hist[HIST_BINS - 1] - at9;
        int ni = n - ne;
        return new Second(second, (double) (excSpikes + inhSpikes) / n, (double) excSpikes / ne,
                ni > 0 ? (double) inhSpikes / ni : 0.0, nexc > 0 ? sum / nexc : 0.0, nexc > 0 ? (double) above9 / nexc : 0.0,
                hist, tMs, idx);
    }

    /**
     * For the excitatory synapses at [p0, p1) (post order): spnet's weight update (not
     * DA-STDP's, which {@link #modulate} does every 10 ms), then into {@code into} the histogram
     * of the new weights, as {@link #TALLY_COPIES} interleaved copies of {@link #TALLY_STRIDE}
     * bins, and at [{@link #TALLY_EQ9}] the count of weights equal to 9. The clipping and the
     * binning are branch-free: the bimodal weights made their branches unpredictable, which
     * cost more than the arithmetic; the copies keep successive increments of one bin (most
     * weights are 0 or sm) out of one dependency chain.
     */
    private void tally(int p0, int p1, long[] into) {
        final float[] s = this.s, sd = this.sd;
        final float sm = cfg.sm();
        final boolean update = da == null;
        final long[] c = new long[TALLY_EQ9 + 1];
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
            c[(p & (TALLY_COPIES - 1)) * TALLY_STRIDE + Math.min((int) x, HIST_BINS - 1)]++;
            if (x == 9f) c[TALLY_EQ9]++;
        }
        System.arraycopy(c, 0, into, 0, c.length);
    }

    /** The synapses in stored order (pre ascending, then delay, then draw order). */
    public Synapses synapses() {
        int syn = n * m;
        int[] pre = new int[syn], delay = new int[syn];
        for (int q = 0; q < syn; q++) {
            pre[q] = q / m;
            delay[q] = (dd[q] & 0xFF) + 1;
        }
        return new Synapses(pre, post.clone(), delay, storedW(), storedSd());
    }

    /**
     * The state between two seconds: everything a run continues from bit-identically (the
     * wiring is redrawn from the configuration and checked against {@link #wiring()}; the input
     * is a pure function of (seed, step)).
     */
    public SpnetState snapshot() {
        return SpnetStates.of(this);
    }

    /**
     * The network of {@code st} on {@code threads} workers, continuing where it was taken.
     * Refuses a state whose wiring or array sizes do not belong to its configuration.
     */
    public static SpnetNetwork resume(SpnetState st, int threads) {
        SpnetNetwork net = st.dopamine() == null ? new SpnetNetwork(st.config(), threads)
                : daStdp(st.config(), st.dopamine().windowMs(), threads);
        try {
            SpnetStates.restore(st, net);
            return net;
        } catch (IllegalArgumentException e) {
            net.close();
            throw e;
        }
    }

    /** The weights in stored order. */
    float[] storedW() {
        float[] w = s.clone();
        for (int q = 0; q < pos.length; q++) w[q] = s[pos[q]];
        return w;
    }

    /** sd of every synapse in stored order (0 for the inhibitory ones, which have none). */
    float[] storedSd() {
        float[] x = new float[s.length];
        for (int q = 0; q < pos.length; q++) x[q] = sd[pos[q]];
        return x;
    }

    /** A 64-bit digest of the synapses' targets and delays (which the configuration determines). */
    public long wiring() {
        long h = CounterRandom.mix64(((long) n << 32) ^ m);
        for (int q = 0; q < post.length; q++) h = CounterRandom.mix64(h ^ ((long) post[q] << 8 | (dd[q] & 0xFF)));
        return h;
    }

    /** DA-STDP's dopamine and rewards, or null for spnet's rule. */
    public DaStdp dopamine() {
        return da;
    }

    /** The weight and the eligibility trace (sd) of synapse {@code q} (stored index), now. */
    public float weight(int q) {
        return s[q < pos.length ? pos[q] : q];
    }

    public float trace(int q) {
        return q < pos.length ? sd[pos[q]] : 0f;
    }

    /** Copies the ne·m excitatory weights, in stored order, into {@code into} (of that length). */
    public void excitatoryWeights(float[] into) {
        for (int q = 0, end = ne * m; q < end; q++) into[q] = s[pos[q]];
    }

    /** Worker threads. */
    public int threads() {
        return pool.size();
    }

    @Override
    public void close() {
        pool.close();
    }

    /**
     * The statistics of model second {@code tS} (1 = the first), the definitions of spnet.c's
     * --json: rates are that second's spikes per neuron; the weight figures are over the ne·m
     * excitatory weights after the second's update. {@code tMs}/{@code neuron}: the second's
     * spikes when asked for, else null.
     */
    public record Second(long tS, double rateHz, double rateExcHz, double rateInhHz, double meanExcW, double fracExcWAbove9,
                         long[] hist, long[] tMs, int[] neuron) {
    }

    /** Every synapse (parallel arrays in stored order); {@code delayMs} in ms. */
    public record Synapses(int[] pre, int[] post, int[] delayMs, float[] w, float[] sd) {
    }
}
