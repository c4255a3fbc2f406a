package org.izhsim.network;

import java.util.Arrays;
import java.util.List;
import org.izhsim.network.engine.WorkerPool;
import org.izhsim.random.CounterRandom;
import org.izhsim.random.Streams;

/**
 * The built synapses of one {@link SynapseGroup} for the post neurons [q0, q1) this rank owns.
 * Two forms: {@link Csr} (pre-major rows, post indices ascending within a row, (int post, float
 * weight) pairs in one int array, byte/short delays only when not uniform) and {@link Dense} (float matrix, row = pre).
 * Rows hold group-local post indices.
 *
 * <p>Building never copies the synapse arrays: random rules run twice over the post neurons
 * (pass 1 counts the synapses of each pre per thread range, pass 2 regenerates the same
 * partners and writes them straight into their CSR slots), since the partners of a post are a
 * pure function of (seed, name, post).
 *
 * <p>The direct write of pass 2 is measured to beat two rewrites that promised to be faster
 * (net2003, 100,000 neurons, K = 1000, 2 threads, on the 2-core Xeon with 105 MB of L3, one JVM
 * alternating the variants, median of 7–9 pairs of 2.0–2.7 s builds): a blocked transpose
 * through per-thread buckets of 64–1024 rows, scattered into their rows when full, was
 * 0.13–0.63 s slower (the rows' ~13 MB of partly written lines stay in L3, so the direct
 * scatter's misses are cheap, while the appends stream another 8 bytes a synapse out of L2);
 * keeping pass 1's draws bit-packed (17 bits a partner) instead of drawing again was 0.24 s
 * slower; one loop over a shared draw looking up each partner's member, instead of a keep per
 * member, was 0.6 s slower in pass 2 (in pass 1's count it wins 0.5 s). What did help there is the JVM's {@code -XX:+UseTransparentHugePages} (cold build
 * 3.7 → 2.9 s, medians of 4 alternating fresh JVMs): much of the build is page faults and TLB
 * misses on the 800 MB of rows, which 2 MB pages cut 512-fold.
 */
public abstract sealed class SynapseMatrix permits SynapseMatrix.Csr, SynapseMatrix.Dense {
    final SynapseGroup group;
    final int nPre, nPost, q0, q1;
    /** The delay of every synapse, or −1 if per synapse. */
    final int uniformDelay;
    /** Per worker boundaries in post index (length workers + 1), set by {@link #prepare}. */
    int[] bounds;

    SynapseMatrix(SynapseGroup group, int q0, int q1) {
        this.group = group;
        this.nPre = group.pre().size();
        this.nPost = group.post().size();
        this.q0 = q0;
        this.q1 = q1;
        this.uniformDelay = group.uniformDelay() ? group.delays().max() : -1;
    }

    public abstract long size();

    abstract long bytes();

    /** Precomputes the worker splits for worker post boundaries {@code b} (group-local, clamped to [q0, q1]). */
    public abstract void prepare(int[] b);

    /**
     * Adds the row of {@code pre} restricted to worker {@code w}'s posts to the arrival ring:
     * a synapse with delay d lands in {@code ring[(slot0 + d) % depth]} (slot0 = the slot of the
     * spike's step + latency; d < depth). Returns the events delivered.
     */
    public abstract long deliver(int pre, int w, double[][] ring, int slot0);

    /**
     * {@link #deliver} for the spikes {@code neurons[from..to) − off} in that order (the same
     * additions in the same order); {@code fs} and {@code ts} are scratch arrays of length
     * {@link #BATCH} + 1. Returns the events delivered.
     */
    public long deliverBatch(int[] neurons, int from, int to, int off, int w, double[][] ring, int slot0, int[] fs, int[] ts) {
        long ev = 0;
        for (int i = from; i < to; i++) ev += deliver(neurons[i] - off, w, ring, slot0);
        return ev;
    }

    /** Spikes per gather pass of {@link #deliverBatch} (its scratch arrays have BATCH + 1 entries). */
    public static final int BATCH = 256;
    /** Synapses at the start of each row that {@link #deliverBatch} touches ahead. */
    static final int TOUCH = 32;

    /** Number of synapses of row {@code pre}. */
    abstract int rowLength(int pre);

    abstract int postAt(int pre, int j);

    abstract float weightAt(int pre, int j);

    abstract int delayAt(int pre, int j);

    // ------------------------------------------------------------------------------------------
    // random values shared by both forms

    /** Weight and delay values as pure functions of (seed, name, pre, post[, index]). */
    static final class Values {
        final Weights weights;
        final Delays delays;
        final long wKey, dKey;
        final double lo, span, constant;
        final int kind; // 0 constant, 1 uniform, 2 function, 3 array

        Values(SynapseGroup s, long seed) {
            weights = s.weights();
            delays = s.delays();
            wKey = Streams.key(seed, "weights/" + s.name());
            dKey = Streams.key(seed, "delays/" + s.name());
            switch (weights) {
                case Weights.Constant c -> { kind = 0; constant = c.w(); lo = 0; span = 0; }
                case Weights.Uniform u -> { kind = 1; lo = u.lo(); span = u.hi() - u.lo(); constant = 0; }
                case Weights.OfUniform f -> { kind = 2; lo = 0; span = 0; constant = 0; }
                case Weights.Array a -> { kind = 3; lo = 0; span = 0; constant = 0; }
            }
        }

        /** The key of post q for weights (one mix per post). */
        long postKey(int q) {
            return CounterRandom.key(wKey, q);
        }

        float weight(long postKey, int pre, long index) {
            return switch (kind) {
                case 0 -> (float) constant;
                case 1 -> (float) (lo + span * CounterRandom.uniform(postKey, pre));
                case 2 -> {
                    double x = ((Weights.OfUniform) weights).f().applyAsDouble(CounterRandom.uniform(postKey, pre));
                    if (!Double.isFinite(x)) throw new IllegalArgumentException("weight function gave " + x);
                    yield (float) x;
                }
                default -> (float) ((Weights.Array) weights).w()[(int) index];
            };
        }

        int delay(int q, int pre, long index) {
            return switch (delays) {
                case Delays.Constant c -> c.steps();
                case Delays.Array a -> a.steps()[(int) index];
                case Delays.Uniform u -> u.lo() + CounterRandom.below(CounterRandom.key(dKey, q), pre, u.hi() - u.lo() + 1);
            };
        }
    }

    /** Per-thread scratch for the partner generators. */
    static final class Scratch {
        final long[] bits;
        int[] out;

        Scratch(int nPre, int cap) {
            bits = new long[(nPre >>> 6) + 1];
            out = new int[Math.max(16, cap)];
        }
    }

    /** Generates the presynaptic partners of one post neuron for the random rules. */
    static final class Partners {
        final Connectivity rule;
        final long cKey;
        final int nPre;
        final double logq;
        /** For FixedInDegreeFrom: the population size and this pre group's block in it. */
        final int popSize, blockOff;

        Partners(SynapseGroup s, long seed) {
            rule = s.connectivity();
            nPre = s.pre().size();
            logq = rule instanceof Connectivity.Probability p ? Math.log1p(-p.p()) : 0;
            if (rule instanceof Connectivity.FixedInDegreeFrom f) {
                cKey = Streams.key(seed, "connect/" + f.draw());
                long pop = Connectivity.FixedInDegreeFrom.populationSize(f.population());
                if (pop > Integer.MAX_VALUE - 64) throw new IllegalArgumentException("population too large");
                popSize = (int) pop;
                blockOff = f.offsetOf(s.pre());
            } else {
                cKey = Streams.key(seed, "connect/" + s.name());
                popSize = nPre;
                blockOff = 0;
            }
        }

        /**
         * Copies the drawn population indices that fall in [lo, lo + n) to {@code dst} as pre
         * indices, branch-free (the exc/inh split would mispredict a branch 20% of the time).
         */
        static int keep(int[] drawn, int count, int lo, int n, int[] dst) {
            int c = 0;
            for (int i = 0; i < count; i++) {
                int x = drawn[i] - lo;
                dst[c] = x;
                c += (int) ((((long) x - n) >>> 63) & ((~x) >>> 31));
            }
            return c;
        }

        /** Bits of scratch bitmap needed. */
        int universe() {
            return popSize;
        }

        /**
         * Draws k distinct indices in [0, range) from the counter stream {@code key} into
         * {@code s.out} in draw order (a duplicate is skipped and the next counter drawn), using
         * {@code s.bits} as a scratch bit set that is left cleared; returns k.
         */
        private static int distinct(long key, int k, int range, Scratch s) {
            int[] out = s.out;
            long[] bits = s.bits;
            int n = 0;
            long j = 0;
            while (n < k) {
                int p = CounterRandom.below(key, j++, range);
                long m = 1L << p;
                int wi = p >>> 6;
                if ((bits[wi] & m) == 0) {
                    bits[wi] |= m;
                    out[n++] = p;
                }
            }
            for (int i = 0; i < n; i++) bits[out[i] >>> 6] = 0;
            return n;
        }

        /**
         * Fills {@code s.out[0..n)} with the partners of post q and returns n: pre indices, or for
         * a shared draw ({@link Connectivity.FixedInDegreeFrom}) population indices, which each
         * member keeps if they fall in its block (see {@link #keep}).
         */
        int of(int q, Scratch s) {
            long key = CounterRandom.key(cKey, q);
            if (rule instanceof Connectivity.FixedInDegreeFrom f) return distinct(key, f.k(), popSize, s);
            if (rule instanceof Connectivity.FixedInDegree f) return distinct(key, f.k(), nPre, s);
            double p = ((Connectivity.Probability) rule).p();
            if (p <= 0) return 0;
            int n = 0;
            long pre = -1;
            long j = 0;
            while (true) {
                if (p >= 1) {
                    pre++;
                } else {
                    double u = CounterRandom.uniform(key, j++);
                    double skip = Math.floor(Math.log1p(-u) / logq);
                    if (skip >= nPre) break;
                    pre += (long) skip + 1;
                }
                if (pre >= nPre) break;
                if (n == s.out.length) s.out = Arrays.copyOf(s.out, Math.min(nPre, n * 2));
                s.out[n++] = (int) pre;
            }
            return n;
        }
    }

    static int capacity(Connectivity c) {
        return switch (c) {
            case Connectivity.FixedInDegree f -> f.k();
            case Connectivity.FixedInDegreeFrom f -> f.k();
            default -> 64;
        };
    }

    /** Builds the matrix of {@code s} for posts [q0, q1) on the pool. */
    public static SynapseMatrix build(SynapseGroup s, long seed, int q0, int q1, WorkerPool pool, int[] workerBounds) {
        SynapseMatrix m = s.resolvedStorage() == Storage.DENSE
                ? Dense.build(s, seed, q0, q1, pool, workerBounds)
                : Csr.build(s, seed, q0, q1, pool);
        m.prepare(workerBounds);
        return m;
    }

    /** Splits [q0, q1) into one contiguous range per worker: bounds[t] .. bounds[t+1]. */
    static int[] split(int q0, int q1, int parts) {
        int[] b = new int[parts + 1];
        for (int t = 0; t <= parts; t++) b[t] = (int) (q0 + (long) (q1 - q0) * t / parts);
        return b;
    }

    // ==========================================================================================

    /**
     * Compressed sparse rows by presynaptic neuron. Synapse j of the matrix is stored as the pair
     * {@code entries[2j] = post}, {@code entries[2j+1] = Float.floatToRawIntBits(weight)}: the
     * same 8 bytes per synapse as an int[] post + float[] weight pair, but one stream per row
     * instead of two (a row is fetched with one memory latency, and the build's scattered writes
     * touch one cache line per synapse instead of two).
     */
    public static final class Csr extends SynapseMatrix {
        final int[] rowStart;
        final int[] entries;
        final int nnz;
        final byte[] delay8;
        final short[] delay16;
        int[][] cut; // cut[w][pre]: first index of row pre for worker w (w = 0..workers)

        private Csr(SynapseGroup g, int q0, int q1, int[] rowStart, int nnz) {
            super(g, q0, q1);
            this.rowStart = rowStart;
            checkNnz(g, nnz);
            this.nnz = nnz;
            this.entries = new int[2 * nnz];
            boolean perSynapse = uniformDelay < 0;
            this.delay8 = perSynapse && g.delays().max() <= 255 ? new byte[nnz] : null;
            this.delay16 = perSynapse && delay8 == null ? new short[nnz] : null;
        }

        void setDelay(int j, int d) {
            if (delay8 != null) delay8[j] = (byte) d;
            else if (delay16 != null) delay16[j] = (short) d;
        }

        @Override
        int delayAt(int pre, int j) {
            int i = rowStart[pre] + j;
            if (delay8 != null) return delay8[i] & 0xFF;
            if (delay16 != null) return delay16[i];
            return uniformDelay;
        }

        void set(int j, int post, float weight) {
            entries[2 * j] = post;
            entries[2 * j + 1] = Float.floatToRawIntBits(weight);
        }

        @Override
        public long size() {
            return nnz;
        }

        @Override
        long bytes() {
            return 8L * nnz + (delay8 != null ? nnz : 0) + (delay16 != null ? 2L * nnz : 0) + 4L * rowStart.length;
        }

        @Override
        int rowLength(int pre) {
            return rowStart[pre + 1] - rowStart[pre];
        }

        @Override
        int postAt(int pre, int j) {
            return entries[2 * (rowStart[pre] + j)];
        }

        @Override
        float weightAt(int pre, int j) {
            return Float.intBitsToFloat(entries[2 * (rowStart[pre] + j) + 1]);
        }

        @Override
        public void prepare(int[] b) {
            int workers = b.length - 1;
            bounds = b;
            cut = new int[workers + 1][];
            cut[0] = rowStart;
            for (int w = 1; w < workers; w++) {
                int[] c = new int[nPre];
                int key = b[w];
                for (int pre = 0; pre < nPre; pre++) c[pre] = lowerBound(entries, rowStart[pre], rowStart[pre + 1], key);
                cut[w] = c;
            }
            // cut[workers][pre] = rowStart[pre + 1]: handled in deliver
        }

        @Override
        public long deliver(int pre, int w, double[][] ring, int slot0) {
            int from = cut[w][pre];
            int to = w + 1 == cut.length - 1 ? rowStart[pre + 1] : cut[w + 1][pre];
            if (from >= to) return 0;
            final int[] e = this.entries;
            int depth = ring.length;
            if (uniformDelay >= 0) {
                int slot = slot0 + uniformDelay;
                if (slot >= depth) slot -= depth;
                final double[] acc = ring[slot];
                for (int j = 2 * from, end = 2 * to; j < end; j += 2) acc[e[j]] += Float.intBitsToFloat(e[j + 1]);
            } else {
                int b0 = slot0;
                for (int j = from; j < to; j++) {
                    int d = delay8 != null ? delay8[j] & 0xFF : delay16[j];
                    int slot = b0 + d;
                    if (slot >= depth) slot -= depth;
                    ring[slot][e[2 * j]] += Float.intBitsToFloat(e[2 * j + 1]);
                }
            }
            return to - from;
        }

        @Override
        public long deliverBatch(int[] neurons, int from, int to, int off, int w, double[][] ring, int slot0, int[] fs, int[] ts) {
            if (uniformDelay < 0) return super.deliverBatch(neurons, from, to, off, w, ring, slot0, fs, ts);
            int slot = slot0 + uniformDelay;
            if (slot >= ring.length) slot -= ring.length;
            final double[] acc = ring[slot];
            final int[] e = this.entries, cf = cut[w], ct = w + 1 == cut.length - 1 ? null : cut[w + 1], rs = rowStart;
            long ev = 0;
            for (int c0 = from; c0 < to; c0 += BATCH) {
                final int c1 = Math.min(to, c0 + BATCH);
                // gather the row bounds first: independent loads, so their cache misses overlap
                int m = 0;
                if (ct == null) {
                    for (int i = c0; i < c1; i++, m++) {
                        int pre = neurons[i] - off;
                        fs[m] = cf[pre];
                        ts[m] = rs[pre + 1];
                    }
                } else {
                    for (int i = c0; i < c1; i++, m++) {
                        int pre = neurons[i] - off;
                        fs[m] = cf[pre];
                        ts[m] = ct[pre];
                    }
                }
                // touch the first cache lines of every row: independent loads whose misses
                // overlap, so the rows are in cache when the additions below reach them
                int touch = 0;
                for (int q = 0; q < m; q++) {
                    final int end = 2 * Math.min(ts[q], fs[q] + TOUCH);
                    for (int j = 2 * fs[q]; j < end; j += 16) touch += e[j];
                }
                fs[BATCH] = touch; // keeps the loads
                for (int q = 0; q < m; q++) {
                    final int f = fs[q], t = ts[q];
                    for (int j = 2 * f, end = 2 * t; j < end; j += 2) acc[e[j]] += Float.intBitsToFloat(e[j + 1]);
                    // branch-free: a warm-up that never met an empty row segment would leave a
                    // branch for it uncompiled, and the run's first one would deoptimise this
                    ev += Math.max(0, t - f);
                }
            }
            return ev;
        }

        /** The first synapse index in [from, to) whose post (entries[2j]) is ≥ key. */
        static int lowerBound(int[] entries, int from, int to, int key) {
            int lo = from, hi = to;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (entries[2 * mid] < key) lo = mid + 1;
                else hi = mid;
            }
            return lo;
        }

        static Csr build(SynapseGroup s, long seed, int q0, int q1, WorkerPool pool) {
            Values vals = new Values(s, seed);
            int nPre = s.pre().size();
            return switch (s.connectivity()) {
                case Connectivity.AllToAll a -> {
                    long nnzL = (long) nPre * (q1 - q0);
                    int[] rowStart = new int[nPre + 1];
                    checkNnz(s, nnzL);
                    for (int p = 0; p <= nPre; p++) rowStart[p] = (int) ((long) p * (q1 - q0));
                    Csr m = new Csr(s, q0, q1, rowStart, (int) nnzL);
                    int nPost = s.post().size();
                    int[] b = split(0, nPre, pool.size());
                    pool.run(w -> {
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
                    Csr m = new Csr(s, q0, q1, rowStart, rowStart[nPre]);
                    for (int p = q0; p < q1; p++) {
                        int j = rowStart[p];
                        m.set(j, p, vals.weight(vals.postKey(p), p, p));
                        m.setDelay(j, vals.delay(p, p, p));
                    }
                    yield m;
                }
                case Connectivity.Explicit e -> buildExplicit(s, vals, e, q0, q1);
                default -> buildRandom(List.of(s), seed, q0, q1, pool)[0];
            };
        }

        private static void checkNnz(SynapseGroup s, long nnz) {
            if (nnz > (Integer.MAX_VALUE - 16) / 2) {
                throw new IllegalArgumentException("synapse group '" + s.name() + "' has " + nnz
                        + " synapses; one CSR group holds at most 2^30 - 8 (split it into several groups)");
            }
        }

        private static Csr buildExplicit(SynapseGroup s, Values vals, Connectivity.Explicit e, int q0, int q1) {
            int nPre = s.pre().size();
            int[] pre = e.pre(), post = e.post();
            int[] rowStart = new int[nPre + 1];
            for (int i = 0; i < pre.length; i++) if (post[i] >= q0 && post[i] < q1) rowStart[pre[i] + 1]++;
            for (int p = 0; p < nPre; p++) rowStart[p + 1] += rowStart[p];
            int nnz = rowStart[nPre];
            int[] order = new int[nnz];
            int[] cursor = Arrays.copyOf(rowStart, nPre);
            for (int i = 0; i < pre.length; i++) if (post[i] >= q0 && post[i] < q1) order[cursor[pre[i]]++] = i;
            // stable sort of each row by post (insertion sort on short rows, merge sort otherwise)
            for (int p = 0; p < nPre; p++) sortRowByPost(order, rowStart[p], rowStart[p + 1], post);
            Csr m = new Csr(s, q0, q1, rowStart, nnz);
            for (int j = 0; j < nnz; j++) {
                int i = order[j];
                m.set(j, post[i], vals.weight(vals.postKey(post[i]), pre[i], i));
                m.setDelay(j, vals.delay(post[i], pre[i], i));
            }
            return m;
        }

        private static void sortRowByPost(int[] order, int from, int to, int[] post) {
            if (to - from < 2) return;
            long[] keys = new long[to - from];
            for (int j = from; j < to; j++) keys[j - from] = ((long) post[order[j]] << 32) | (j - from);
            Arrays.sort(keys); // (post, original position): stable by construction
            int[] tmp = new int[to - from];
            for (int j = 0; j < tmp.length; j++) tmp[j] = order[from + (int) keys[j]];
            System.arraycopy(tmp, 0, order, from, tmp.length);
        }

        /**
         * Pass 2 of {@link #buildRandom} for one worker, one post per call. A call per post, not
         * one loop over the worker's share, so that a deoptimisation here (a branch or class
         * that the warm-up sample's build never met) costs the rest of one post in the
         * interpreter instead of the rest of the share (measured: 1.5-2 s on the 10^8 build).
         */
        private static final class RowWriter {
            private final Partners partners;
            private final Csr[] out;
            private final Values[] vals;
            private final int[][] cursors;
            private final boolean shared;
            private final int[] lo, np;
            private final Scratch sc;
            private int[] kept;

            RowWriter(Partners partners, Csr[] out, Values[] vals, int[][] cursors, boolean shared, int[] lo, int[] np,
                      Scratch sc, int cap) {
                this.partners = partners;
                this.out = out;
                this.vals = vals;
                this.cursors = cursors;
                this.shared = shared;
                this.lo = lo;
                this.np = np;
                this.sc = sc;
                this.kept = new int[Math.max(16, cap)];
            }

            /** Writes post q's synapses into each member's rows at the worker's cursors. */
            void post(int q) {
                int n = partners.of(q, sc);
                for (int m = 0; m < out.length; m++) {
                    Csr mat = out[m];
                    Values v = vals[m];
                    int[] cur = cursors[m];
                    int[] sel = sc.out;
                    int k = n;
                    if (shared) {
                        if (kept.length < n) kept = new int[n];
                        k = Partners.keep(sc.out, n, lo[m], np[m], kept);
                        sel = kept;
                    }
                    final int[] me = mat.entries;
                    final boolean perSynapseDelay = mat.uniformDelay < 0;
                    long key = v.postKey(q);
                    for (int i = 0; i < k; i++) {
                        int p = sel[i];
                        int j = cur[p]++;
                        me[2 * j] = q;
                        me[2 * j + 1] = Float.floatToRawIntBits(v.weight(key, p, -1));
                        if (perSynapseDelay) mat.setDelay(j, v.delay(q, p, -1));
                    }
                }
            }
        }

        /**
         * Builds the CSR matrices of random-rule synapse groups in two passes over the posts;
         * {@code members} share one partner draw (several groups of a
         * {@link Connectivity.FixedInDegreeFrom} population) or is a single group.
         */
        public static Csr[] buildRandom(List<SynapseGroup> members, long seed, int q0, int q1, WorkerPool pool) {
            final int nm = members.size();
            final SynapseGroup first = members.get(0);
            final Partners partners = new Partners(first, seed);
            final boolean shared = first.connectivity() instanceof Connectivity.FixedInDegreeFrom;
            final int[] lo = new int[nm], np = new int[nm];
            final Values[] vals = new Values[nm];
            for (int m = 0; m < nm; m++) {
                SynapseGroup s = members.get(m);
                np[m] = s.pre().size();
                lo[m] = shared ? ((Connectivity.FixedInDegreeFrom) s.connectivity()).offsetOf(s.pre()) : 0;
                vals[m] = new Values(s, seed);
            }
            final int threads = pool.size();
            final int[] tb = split(q0, q1, threads);
            final int cap = capacity(first.connectivity());
            final int[][][] counts = new int[threads][nm][];
            final Scratch[] scratch = new Scratch[threads];
            // pass 1: count per pre in each thread's post range, per drawn index (a population
            // index for a shared draw), then cut out each member's block: one increment per
            // partner instead of a keep per member (measured 2.3 -> 1.7 s for the 10^8 build)
            pool.run(w -> {
                Scratch sc = new Scratch(partners.universe(), cap);
                int[] c = new int[partners.universe()];
                for (int q = tb[w]; q < tb[w + 1]; q++) {
                    int n = partners.of(q, sc);
                    int[] drawn = sc.out;
                    for (int i = 0; i < n; i++) c[drawn[i]]++;
                }
                for (int m = 0; m < nm; m++) counts[w][m] = nm == 1 && lo[m] == 0 && np[m] == c.length ? c : Arrays.copyOfRange(c, lo[m], lo[m] + np[m]);
                scratch[w] = sc;
            });
            Csr[] out = new Csr[nm];
            for (int m = 0; m < nm; m++) {
                SynapseGroup s = members.get(m);
                int nPre = np[m];
                int[] rowStart = new int[nPre + 1];
                long total = 0;
                for (int p = 0; p < nPre; p++) {
                    rowStart[p] = (int) Math.min(total, Integer.MAX_VALUE);
                    for (int t = 0; t < threads; t++) {
                        int c = counts[t][m][p];
                        counts[t][m][p] = (int) Math.min(total, Integer.MAX_VALUE); // thread t's cursor in row p
                        total += c;
                    }
                }
                checkNnz(s, total);
                rowStart[nPre] = (int) total;
                out[m] = new Csr(s, q0, q1, rowStart, (int) total);
            }
            // pass 2: regenerate and write into the slots
            pool.run(w -> {
                RowWriter writer = new RowWriter(partners, out, vals, counts[w], shared, lo, np, scratch[w], cap);
                for (int q = tb[w]; q < tb[w + 1]; q++) writer.post(q);
                counts[w] = null;
            });
            return out;
        }
    }

    // ==========================================================================================

    /** A float matrix, row = pre, columns = posts [q0, q1); absent pairs weigh 0. */
    static final class Dense extends SynapseMatrix {
        final float[] w;
        final int cols;
        /** Synapses per (worker, pre) for event counts; null for all-to-all. */
        int[][] rowCounts;
        final boolean full;

        private Dense(SynapseGroup g, int q0, int q1) {
            super(g, q0, q1);
            long cells = (long) nPre * (q1 - q0);
            if (cells > Integer.MAX_VALUE - 16) {
                throw new IllegalArgumentException("synapse group '" + g.name() + "': a dense " + nPre + " x " + (q1 - q0)
                        + " matrix exceeds one Java array; use Storage.CSR");
            }
            this.cols = q1 - q0;
            this.w = new float[(int) cells];
            this.full = g.connectivity() instanceof Connectivity.AllToAll;
        }

        @Override
        public long size() {
            if (full) return w.length;
            long n = 0;
            for (int[] rc : rowCounts) for (int c : rc) n += c;
            return n;
        }

        @Override
        long bytes() {
            return 4L * w.length;
        }

        @Override
        int rowLength(int pre) {
            return cols;
        }

        @Override
        int postAt(int pre, int j) {
            return q0 + j;
        }

        @Override
        float weightAt(int pre, int j) {
            return w[pre * cols + j];
        }

        @Override
        int delayAt(int pre, int j) {
            return uniformDelay;
        }

        @Override
        public void prepare(int[] b) {
            bounds = b;
        }

        @Override
        public long deliver(int pre, int wk, double[][] ring, int slot0) {
            int from = bounds[wk], to = bounds[wk + 1];
            if (from >= to) return 0;
            int slot = slot0 + uniformDelay;
            if (slot >= ring.length) slot -= ring.length;
            final double[] acc = ring[slot];
            final float[] w = this.w;
            final int off = pre * cols - q0;
            for (int q = from; q < to; q++) acc[q] += w[off + q];
            return full ? to - from : rowCounts[wk][pre];
        }

        public static Dense build(SynapseGroup s, long seed, int q0, int q1, WorkerPool pool, int[] workerBounds) {
            Dense m = new Dense(s, q0, q1);
            Values vals = new Values(s, seed);
            int nPre = m.nPre, nPost = m.nPost, cols = m.cols;
            if (m.full) {
                int[] b = split(0, nPre, pool.size());
                pool.run(wk -> {
                    long[] keys = new long[cols];
                    for (int q = q0; q < q1; q++) keys[q - q0] = vals.postKey(q);
                    for (int p = b[wk]; p < b[wk + 1]; p++) {
                        int row = p * cols;
                        for (int q = q0; q < q1; q++) m.w[row + q - q0] = vals.weight(keys[q - q0], p, (long) p * nPost + q);
                    }
                });
                return m;
            }
            int workers = workerBounds.length - 1;
            m.rowCounts = new int[workers][nPre];
            Partners partners = new Partners(s, seed);
            int cap = capacity(s.connectivity());
            int[] tb = split(q0, q1, pool.size());
            int[][] local = new int[pool.size()][];
            final boolean shared = s.connectivity() instanceof Connectivity.FixedInDegreeFrom;
            final int lo = shared ? ((Connectivity.FixedInDegreeFrom) s.connectivity()).offsetOf(s.pre()) : 0;
            pool.run(t -> {
                Scratch sc = new Scratch(partners.universe(), cap);
                int[] counts = new int[workers * nPre];
                int[] kept = new int[Math.max(16, cap)];
                for (int q = tb[t]; q < tb[t + 1]; q++) {
                    int worker = workerOf(workerBounds, q);
                    int n = partners.of(q, sc);
                    int[] sel = sc.out;
                    if (shared) {
                        n = Partners.keep(sc.out, n, lo, nPre, kept);
                        sel = kept;
                    }
                    long key = vals.postKey(q);
                    for (int i = 0; i < n; i++) {
                        int p = sel[i];
                        m.w[p * cols + q - q0] = vals.weight(key, p, -1);
                        counts[worker * nPre + p]++;
                    }
                }
                local[t] = counts;
            });
            for (int[] counts : local) {
                for (int wk = 0; wk < workers; wk++) for (int p = 0; p < nPre; p++) m.rowCounts[wk][p] += counts[wk * nPre + p];
            }
            return m;
        }

        private static int workerOf(int[] b, int q) {
            int w = 0;
            while (w + 1 < b.length - 1 && q >= b[w + 1]) w++;
            return w;
        }
    }
}
