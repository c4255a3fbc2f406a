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
 * <p>Threads: worker w owns the neurons [bounds[w], bounds[w+1]) as posts. Steps 1, 2 and 4
 * touch only the worker's own neurons and the synapses onto them; step 3 walks every recent
 * spike but only its own synapses of it (those onto its posts, {@link #ownPost}). A post's I
 * therefore sums the same values in the same order (spike order, newest first; no pre reaches a
 * post twice with one delay, since targets are distinct) for any number of workers, so spikes
 * and weights do not depend on it. The workers exchange their spikes once per step
 * ({@link StepExchange}); fewer cannot do, since a delay-1 synapse (every inhibitory one, M/D of
 * the excitatory ones) delivers a spike in the step it is found, into any worker's posts. A
 * worker publishes its spikes as soon as they are found, then does what needs no other
 * worker's spikes (potentiation, the input of step 1, which touches nothing step 2 reads, and
 * step 5 of the other workers' LTP history), and only then waits for the others'. What depends
 * on the spike times only is kept by every worker for itself, all copies equal: the list of
 * excitatory spikes, the LTP history of the excitatory neurons and DA-STDP's dopamine. Each
 * worker also has its own copy of v, u, I and LTD. So no worker reads what another writes,
 * except the published spikes; the writes of the excitatory weights and sd are in the worker's
 * own block.
 */
public final class SpnetNetwork implements AutoCloseable {
    /** Bins of the excitatory weight histogram: [k, k+1) for k = 0..8, then [9, ∞). */
    public static final int HIST_BINS = 10;
    static final int STEPS = 1000;
    private static final int TALLY_COPIES = 4, TALLY_STRIDE = 16, TALLY_EQ9 = TALLY_COPIES * TALLY_STRIDE;

    final SpnetConfig cfg;
    final int n, ne, m, d, r, draws;
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
    final float[] a, dpar;
    // Each worker's own copy of v, u, I and the LTD trace, v[w][i]: worker w reads and writes
    // only its own neurons' values, [bounds[w], bounds[w+1]), the global index kept. In one
    // array for all workers, the lines at each worker's border, and where one array ends and the
    // next begins, moved between the cores several times a step, and two workers' integration
    // cost 1.6 times one worker's (BENCHMARKS.md §6). 16 floats more per copy: no copy shares a
    // cache line with the next object.
    final float[][] v, u, in, ltd;
    // Each worker's own copy of the LTP history: time T of neuron i at ltp[w][T mod (d+1)][i],
    // one array per slot, so that the decay from one slot into the next is a loop over two
    // arrays, which C2 vectorizes. The history is a function of the spike times alone, so each
    // worker keeps it for every excitatory neuron (the pres that potentiation reads) and for its
    // own neurons, and no core reads a line that another rewrites every step (shared, this cost
    // two workers 1.7 times one's potentiation time: BENCHMARKS.md §6). d+1 slots, as spnet.c's:
    // a step decays into time t+1, the slot of t-d, after its last read of t-d.
    final float[][][] ltp;
    // each worker's own copy of the excitatory spikes of the second and of the last D ms
    // before it, all equal: delivery walks these only (an inhibitory spike delivers in the step
    // it is found only, from inhNow), so it tests no spike for its kind
    final SpikeList[] recent;
    // all spikes of the second and of the last D ms before it, kept by worker 0: what is read out and checkpointed
    final SpikeList fired;
    // each worker's copy of the step's inhibitory spikes: [0] the count, then the neurons ascending
    private final int[][] inhNow;
    long second;        // seconds run

    private final long kin;
    /** DA-STDP's dopamine and rewards ({@link #daStdp}), or null for spnet's own rule; a copy per worker, all equal. */
    private final DaStdp da;
    final DaStdp[] das;
    private final float ltdSet;
    private final WorkerPool pool;
    private final int[] bounds;
    // with several workers, worker w's synapses onto its own posts, those of segment b (pre j,
    // delay index k: b = j·(d+1) + k) at [ownBeg[w][b], ownBeg[w][b+1]) in the segment's order:
    // the post in ownPost[w], the weight's (and an excitatory one's sd's) index in ownW[w].
    // Copied out of post and pos so that a worker's delivery reads its own synapses only, in
    // sequence, not the half of every line of the shared arrays that is its own (the whole of
    // them then stayed in each worker's cache). null with one worker (deliver)
    private final int[][] ownPost, ownW, ownBeg;
    private final StepExchange exchange;
    private final long[][] tallies;

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
        draws = Math.max(1, n / 1000);
        int syn = n * m, w = Math.max(1, Math.min(threads, n));
        post = new int[syn];
        dd = new byte[syn];
        dbeg = new int[n * r];
        s = new float[syn];
        sd = new float[ne * m];
        pstart = new int[n + 1];
        pos = new int[ne * m];
        pin = new int[ne * m];
        // pre < n and n·(d+1) < 2^31 (checkMemory), so pre << dshift < 2^32: read back with >>>
        dshift = 32 - Integer.numberOfLeadingZeros(Math.max(1, d - 1));
        dmask = (1 << dshift) - 1;
        a = new float[n];
        dpar = new float[n];
        v = new float[w][n + 16];
        u = new float[w][n + 16];
        in = new float[w][n + 16];
        ltd = new float[w][n + 16];
        // 16 floats more per slot: no slot array shares a cache line with another worker's
        ltp = new float[w][r][n + 16];
        recent = new SpikeList[w];
        inhNow = new int[w][];
        for (int k = 0; k < w; k++) {
            recent[k] = new SpikeList(4 * n + 16);
            inhNow[k] = new int[n - ne + 1 + 16];
        }
        fired = new SpikeList(4 * n + 16);
        SpnetWiring.connect(this);
        das = new DaStdp[w];
        if (windowMs > 0) {
            int q = DaStdp.choose(cfg);
            for (int k = 0; k < w; k++) das[k] = new DaStdp(cfg, windowMs, q, post[q]);
        }
        da = das[0];
        float wExc = da == null ? 6f : DaStdp.W_EXC, wInh = da == null ? -5f : DaStdp.W_INH;
        for (int q = 0; q < syn; q++) s[q] = q < ne * m ? wExc : wInh;
        if (da != null) s[pos[da.chosen]] = 0f;
        ltdSet = da == null ? 0.12f : DaStdp.LTD_SET;
        for (int i = 0; i < n; i++) {
            a[i] = i < ne ? 0.02f : 0.1f;
            dpar[i] = i < ne ? 8f : 2f;
        }
        for (int k = 0; k < w; k++) {
            Arrays.fill(v[k], 0, n, -65f);
            Arrays.fill(u[k], 0, n, (float) (0.2 * -65f));
        }
        kin = da == null ? Streams.key(cfg.seed(), "spnet/input") : DaStdp.inputKey(cfg);
        pool = new WorkerPool(w, "spnet");
        bounds = SpnetWiring.balancedBounds(this, w);
        if (w > 1) {
            ownPost = new int[w][];
            ownW = new int[w][];
            ownBeg = new int[w][n * r + 1];
            SpnetWiring.splitByWorker(this, bounds, ownPost, ownW, ownBeg);
        } else {
            ownPost = ownW = ownBeg = null;
        }
        exchange = new StepExchange(bounds);
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
        pool.run(w -> {
            try {
                steps(w, sec);
            } catch (Throwable e) {
                exchange.abort();
                throw e;
            }
        });
        long[] tMs = null;
        int[] idx = null;
        SpikeList f = fired;
        // the list starts with the last D ms of the previous second (negative times)
        int first = 0;
        while (first < f.n && f.t[first] < 0) first++;
        long excSpikes = 0;
        for (int k = first; k < f.n; k++) {
            if (f.i[k] < ne) excSpikes++;
        }
        long inhSpikes = f.n - first - excSpikes;
        if (keepSpikes) {
            tMs = new long[f.n - first];
            idx = new int[f.n - first];
            for (int k = first; k < f.n; k++) {
                tMs[k - first] = sec * STEPS + f.t[k];
                idx[k - first] = f.i[k];
            }
        }
        for (SpikeList x : recent) x.keepPending(d);
        fired.keepPending(d);
        second = sec + 1;
        return statistics(excSpikes, inhSpikes, tMs, idx);
    }

    private void steps(int w, long sec) {
        final int lo = bounds[w], hi = bounds[w + 1], n = this.n, ne = this.ne, slots = this.r;
        final float[] v = this.v[w], u = this.u[w], in = this.in[w], ltd = this.ltd[w], sd = this.sd, a = this.a, dpar = this.dpar;
        final float[][] ltp = this.ltp[w];
        final int[] pstart = this.pstart, pin = this.pin;
        final int dshift = this.dshift, dmask = this.dmask;
        // the LTP ring twice over: time t-1-k of step t (potentiation) is ring2[now + slots - 1 - k],
        // one subtraction instead of an array of the step's slots rebuilt every step
        final float[][] ring2 = new float[2 * slots][];
        for (int k = 0; k < ring2.length; k++) ring2[k] = ltp[k % slots];
        final SpikeList list = recent[w];
        int nf = list.n;
        final DaStdp da = das[w];
        // the excitatory neurons of the other workers: [0, excLo) and [excHi, ne)
        final int excLo = Math.min(lo, ne), excHi = Math.min(hi, ne);
        for (int t = 0; t < STEPS; t++) {
            final long tg = sec * STEPS + t;
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
            input(tg, lo, hi, in, da);
            decay(cur, nxt, 0, excLo);
            decay(cur, nxt, excHi, ne);
            exchange.await(w, tg);
            nf = merge(w, t, tg, list, nf, cur, nxt, da);
            // 3. arrival-time delivery, newest spike first, with depression at excitatory synapses
            deliver(w, t, list.t, list.i, nf, inhNow[w], in, ltd);
            // 4. integrate; 5. decay the own neurons' traces
            integrate(v, u, in, a, ltd, cur, nxt, lo, hi);
            if (da != null && (t + 1) % DaStdp.UPDATE_MS == 0) modulate(lo, hi, da);
        }
        list.n = nf;
        // the end of the second: the weight update of the worker's own block, in the same job
        // (a second job would wake the other workers once more per second)
        tally(pstart[lo], pstart[hi], tallies[w]);
    }

    /** Step 1 of step {@code tg} for the neurons [lo, hi): I = 0, then spnet's or DA-STDP's input. */
    private void input(long tg, int lo, int hi, float[] in, DaStdp da) {
        final int n = this.n;
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
    }

    /**
     * Worker w takes step t's spikes of all workers (the workers' ranges ascend, so in ascending
     * neuron order): the excitatory ones onto its list, the inhibitory ones into its
     * {@link #inhNow}, and worker 0 all of them onto {@link #fired}. It sets the LTP history of
     * the other workers' excitatory spikes in its copy, at time t (0.1) and t+1 (its decay), and
     * steps its copy of DA-STDP's dopamine. The list holds {@code nf} spikes before; returns how
     * many after.
     */
    private int merge(int w, int t, long tg, SpikeList list, int nf, float[] cur, float[] nxt, DaStdp da) {
        final int ne = this.ne;
        final int[] inh = inhNow[w];
        final SpikeList all = w == 0 ? fired : null;
        int ni = 0;
        boolean preFired = false, postFired = false;
        for (int x = 0; x < bounds.length - 1; x++) {
            int[] b = exchange.buffer(x, tg);
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
    private void modulate(int lo, int hi, DaStdp da) {
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
     * Step 3 for the posts of worker w, newest spike first: this step's inhibitory spikes
     * ({@code inh}, descending; inhibitory neurons are the step's highest, and every inhibitory
     * synapse has delay 1 ms, delay index 0, so an older inhibitory spike delivers nothing),
     * then the excitatory list from its end. With one worker every post is its own and the
     * loops are spnet.c's. With more, worker w walks only its own synapses of each segment
     * ({@link #ownPost}), in the segment's order: each worker does its share of the delivery, not
     * the whole of it, and writes only its own posts' I, LTD and sd.
     */
    private void deliver(int w, int t, int[] ft, int[] fi, int nf, int[] inh, float[] in, float[] ltd) {
        final int[] post = this.post, dbeg = this.dbeg, pos = this.pos;
        final float[] s = this.s, sd = this.sd;
        final int d = this.d, r = this.r;
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
        final int[] op = ownPost[w], ow = ownW[w], beg = ownBeg[w];
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

    /** The end of a second, after the weight update: the statistics. */
    private Second statistics(long excSpikes, long inhSpikes, long[] tMs, int[] idx) {
        final float[] s = this.s;
        final int nexc = ne * m;
        final int[] pos = this.pos;
        // the workers updated and counted their own posts' blocks at the end of the steps (the
        // counts do not depend on the order); the sum in stored order, as spnet.c sums (double addition is not associative)
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

    /** Worker w owns the neurons [bounds[w], bounds[w+1]). */
    int[] bounds() {
        return bounds;
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
