package org.izhsim.spnet;

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
 * <p>Threads: worker w ({@link SpnetWorker}, which runs the steps) owns the neurons [lo, hi)
 * as posts. Steps 1, 2 and 4 touch only the worker's own neurons and the synapses onto them;
 * step 3 walks every recent spike but only its own synapses of it (those onto its posts). A post's I
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
    // the weight histogram as TALLY_COPIES interleaved copies of TALLY_STRIDE bins (SpnetWorker.tally), then the count of weights equal to 9
    static final int TALLY_COPIES = 4, TALLY_STRIDE = 16, TALLY_EQ9 = TALLY_COPIES * TALLY_STRIDE;

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
    // all spikes of the second and of the last D ms before it, kept by worker 0: what is read out and checkpointed
    final SpikeList fired;
    /** The workers, each with its neurons and its own copies (v, u, I, LTD, the LTP history, the excitatory spikes). */
    final SpnetWorker[] workers;
    long second;        // seconds run

    final long kin;
    /** DA-STDP's dopamine and rewards ({@link #daStdp}), or null for spnet's own rule: worker 0's copy (each worker has one, all equal). */
    private final DaStdp da;
    final float ltdSet;
    private final WorkerPool pool;
    final StepExchange exchange;

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
        fired = new SpikeList(4 * n + 16);
        SpnetWiring.connect(this);
        int chosen = windowMs > 0 ? DaStdp.choose(cfg) : -1;
        da = chosen < 0 ? null : new DaStdp(cfg, windowMs, chosen, post[chosen]);
        float wExc = da == null ? 6f : DaStdp.W_EXC, wInh = da == null ? -5f : DaStdp.W_INH;
        for (int q = 0; q < syn; q++) s[q] = q < ne * m ? wExc : wInh;
        if (da != null) s[pos[da.chosen]] = 0f;
        ltdSet = da == null ? 0.12f : DaStdp.LTD_SET;
        for (int i = 0; i < n; i++) {
            a[i] = i < ne ? 0.02f : 0.1f;
            dpar[i] = i < ne ? 8f : 2f;
        }
        kin = da == null ? Streams.key(cfg.seed(), "spnet/input") : DaStdp.inputKey(cfg);
        pool = new WorkerPool(w, "spnet");
        int[] bounds = SpnetWiring.balancedBounds(this, w);
        int[][] ownPost = new int[w][], ownW = new int[w][], ownBeg = new int[w][];
        if (w > 1) {
            for (int k = 0; k < w; k++) ownBeg[k] = new int[n * r + 1];
            SpnetWiring.splitByWorker(this, bounds, ownPost, ownW, ownBeg);
        }
        workers = new SpnetWorker[w];
        for (int k = 0; k < w; k++) {
            DaStdp copy = k == 0 || da == null ? da : new DaStdp(cfg, windowMs, chosen, post[chosen]);
            workers[k] = new SpnetWorker(this, k, bounds[k], bounds[k + 1], ownPost[k], ownW[k], ownBeg[k], copy);
        }
        exchange = new StepExchange(bounds);
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
                workers[w].steps(sec);
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
        for (SpnetWorker x : workers) x.recent.keepPending(d);
        fired.keepPending(d);
        second = sec + 1;
        return statistics(excSpikes, inhSpikes, tMs, idx);
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
        for (SpnetWorker wk : workers) {
            long[] c = wk.histogram;
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
