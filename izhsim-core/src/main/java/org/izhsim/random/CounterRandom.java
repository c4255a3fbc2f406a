package org.izhsim.random;

/**
 * Counter-based random numbers: every value is a pure function of (seed, stream, two counters),
 * so results never depend on which thread, rank or order asks for them.
 *
 * <h2>Construction</h2>
 * <pre>
 *   streamKey = streamKey(seed, stream)          // once per (seed, stream)
 *   key       = key(streamKey, c2)               // once per step / post neuron / ...
 *   word      = bits(key, c1) = mix64(key + γ·(c1 + 1))
 * </pre>
 * {@code mix64} is the SplitMix64 finalizer (Stafford's "variant 13", the output function of
 * {@link java.util.SplittableRandom}); {@code bits(key, ·)} is therefore exactly the SplitMix64
 * sequence seeded with {@code key}, which passes BigCrush and PractRand for sequential
 * counters. The keys are built by further strong mixing so that neighbouring steps, posts or
 * streams start unrelated SplitMix64 sequences. In izhsim's engine c2 is the slow counter (the
 * step or draw index, the post-synaptic neuron) and c1 the fast one (the neuron inside a loop,
 * the pre-synaptic neuron), so a hot loop costs one {@code mix64} per value.
 *
 * <h2>Gaussians</h2>
 * {@link #gaussian(long, long)} is Marsaglia and Tsang's ziggurat (J. Stat. Softw. 5(8), 2000)
 * with 256 layers on 53-bit uniforms: from one 64-bit word, bits 0–7 select the layer, bit 8
 * the sign, bits 11–63 the uniform. About 99% of draws are accepted on the fast path (one
 * multiply, one compare); the rest (wedges, and the tail beyond r = 3.654 drawn with
 * Marsaglia's exponential method) continue with further words of the SplitMix64 sequence
 * seeded by the first word, so a draw stays a pure function of its counters.
 */
public final class CounterRandom {
    /** The SplitMix64 increment (golden ratio · 2^64, odd). */
    public static final long GAMMA = 0x9E3779B97F4A7C15L;

    private CounterRandom() {}

    /** See {@link #vectorApi()}. */
    private static final boolean VECTOR_API = vectorApiUsable();
    private static final int VECTOR_LANES = 8;

    /**
     * Whether SIMD loops written with the incubating Vector API can run: the JVM was started
     * with {@code --add-modules jdk.incubator.vector} and the CPU has 512-bit vectors. Results
     * are bit-identical either way; only the speed differs (faster once compiled, but the JIT
     * takes seconds of CPU to compile Vector API code, so short runs get slower).
     */
    public static boolean vectorApi() {
        return VECTOR_API;
    }

    private static boolean vectorApiUsable() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) return false;
        try {
            return VectorRandom.usable() && VectorRandom.LANES == VECTOR_LANES;
        } catch (LinkageError e) {
            return false;
        }
    }

    /** SplitMix64's finalizer: a bijection of 64-bit words with full avalanche. */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The key of one named stream under one seed (see {@link Streams#named(String)}). */
    public static long streamKey(long seed, long stream) {
        return mix64(mix64(seed ^ 0x6A09E667F3BCC909L) ^ mix64(stream + 0xBB67AE8584CAA73BL));
    }

    /** The key of counter value {@code c2} (a step, a draw index, a post neuron) within a stream. */
    public static long key(long streamKey, long c2) {
        return mix64(streamKey ^ mix64(c2 + 0x3C6EF372FE94F82BL));
    }

    /** The 64 random bits for counter {@code c1} under {@code key}. */
    public static long bits(long key, long c1) {
        return mix64(key + GAMMA * (c1 + 1));
    }

    /** Uniform on [0, 1) with 53 random bits. */
    public static double uniform(long key, long c1) {
        return (bits(key, c1) >>> 11) * 0x1.0p-53;
    }

    /** Uniform on [0, 1) from a raw word. */
    public static double toUniform(long word) {
        return (word >>> 11) * 0x1.0p-53;
    }

    /**
     * An integer uniform on [0, n) by Lemire's multiply-high map of a 64-bit word; the bias is
     * at most n / 2^64 (below 10^-10 for any int n), which izhsim accepts instead of rejection.
     */
    public static int below(long key, long c1, int n) {
        return (int) Math.unsignedMultiplyHigh(bits(key, c1), n);
    }

    /** A standard normal N(0, 1) draw (ziggurat, see the class comment). */
    public static double gaussian(long key, long c1) {
        return gaussianFromWord(bits(key, c1));
    }

    /**
     * The ziggurat draw that starts from the 64-bit word {@code w}: {@code gaussian(key, c) ==
     * gaussianFromWord(bits(key, c))}. For SIMD implementations that produce the words themselves.
     */
    public static double gaussianFromWord(long w) {
        // the layer (bits 0-7) and sign (bit 8) pick one signed width: no 50/50 sign branch
        int j = (int) w & 0x1FF;
        double g = (w >>> 11) * Ziggurat.SIGNED_WIDTH[j];
        return Math.abs(g) < Ziggurat.NEXT_EDGE[j] ? g : Ziggurat.slow(w);
    }

    /**
     * Fills {@code out[i − off] = s_i · gaussian(key, i)} for i in [from, to), where s_i is
     * {@code sigma[i]} or, if {@code sigma} is null, {@code scale}: bit-identical to calling
     * {@link #gaussian} per neuron, but faster — a call-free loop takes the ziggurat's fast path
     * for every neuron and notes the ~1.5% it rejects in {@code rejected} (length ≥ to − from),
     * which a second loop then redraws with the full algorithm.
     */
    public static void gaussians(long key, int from, int to, double scale, double[] sigma, double[] out, int off,
                                 int[] rejected) {
        gaussiansScalar(key, from, to, scale, sigma, out, off, rejected);
    }

    /**
     * {@link #gaussians} with the Vector API (bit-identical results) where {@link #vectorApi()}
     * is true; the scalar loop otherwise.
     */
    public static void gaussiansSimd(long key, int from, int to, double scale, double[] sigma, double[] out, int off,
                                     int[] rejected) {
        if (VECTOR_API) VectorRandom.gaussians(key, from, to, scale, sigma, out, off, rejected);
        else gaussiansScalar(key, from, to, scale, sigma, out, off, rejected);
    }

    /** {@link #gaussians}: the reference loop (and the vector loop's tail). */
    static void gaussiansScalar(long key, int from, int to, double scale, double[] sigma, double[] out, int off,
                                int[] rejected) {
        // gaussianFromWord's fast path inline, the rejected ones noted and redrawn afterwards
        final double[] xs = Ziggurat.SIGNED_WIDTH, xn = Ziggurat.NEXT_EDGE;
        int nr = 0;
        long z = key + GAMMA * (from + 1L);
        for (int i = from; i < to; i++, z += GAMMA) {
            long w = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            w = (w ^ (w >>> 27)) * 0x94D049BB133111EBL;
            w = w ^ (w >>> 31);
            int j = (int) w & 0x1FF;
            double g = (w >>> 11) * xs[j];
            rejected[nr] = i;
            nr += Math.abs(g) < xn[j] ? 0 : 1;
            out[i - off] = (sigma == null ? scale : sigma[i]) * g;
        }
        for (int j = 0; j < nr; j++) {
            int i = rejected[j];
            out[i - off] = (sigma == null ? scale : sigma[i]) * gaussian(key, i);
        }
    }

    /** Ziggurat tables and the rare slow path. */
    static final class Ziggurat {
        static final int LAYERS = 256;
        /** Right edge of the base rectangle (the tail starts here). */
        static final double R = 3.6541528853610088;
        /** Area of each layer under f(x) = exp(−x²/2). */
        static final double V = 4.92867323399e-3;
        /** X[0] = V/f(R) (virtual width of the base strip), X[1] = R, …, X[256] = 0. */
        static final double[] X = new double[LAYERS + 1];
        /** F[i] = f(X[i]). */
        static final double[] F = new double[LAYERS + 1];
        /**
         * For the 9 low bits j of a word: ±X[j & 0xFF]·2^-53, negative when bit 8 is set. u ·
         * (±X[l]·2^-53) rounds exactly as ±(u · X[l])·2^-53, since scaling by a power of two
         * commutes with rounding: the same values as the unfolded ziggurat.
         */
        static final double[] SIGNED_WIDTH = new double[2 * LAYERS];
        /** X[(j & 0xFF) + 1]: the fast path's acceptance bound for SIGNED_WIDTH[j]. */
        static final double[] NEXT_EDGE = new double[2 * LAYERS];

        static {
            double f = Math.exp(-0.5 * R * R);
            X[0] = V / f;
            X[1] = R;
            F[0] = f;
            F[1] = f;
            for (int i = 2; i < LAYERS; i++) {
                double fi = F[i - 1] + V / X[i - 1];
                F[i] = fi;
                X[i] = Math.sqrt(-2 * Math.log(fi));
            }
            X[LAYERS] = 0;
            F[LAYERS] = 1;
            for (int j = 0; j < 2 * LAYERS; j++) {
                int l = j & 0xFF;
                SIGNED_WIDTH[j] = ((j & 0x100) != 0 ? -X[l] : X[l]) * 0x1.0p-53;
                NEXT_EDGE[j] = X[l + 1];
            }
        }

        private Ziggurat() {}

        static double slow(long w) {
            long s = w;
            while (true) {
                int i = (int) w & 0xFF;
                boolean neg = (w & 0x100) != 0;
                double u = (w >>> 11) * 0x1.0p-53;
                double x = u * X[i];
                if (x < X[i + 1]) return neg ? -x : x;
                if (i == 0) {
                    // tail beyond R: Marsaglia (1964)
                    double a, b;
                    do {
                        s += GAMMA;
                        a = -Math.log(((mix64(s) >>> 11) + 1) * 0x1.0p-53) / R;
                        s += GAMMA;
                        b = -Math.log(((mix64(s) >>> 11) + 1) * 0x1.0p-53);
                    } while (b + b < a * a);
                    double t = R + a;
                    return neg ? -t : t;
                }
                s += GAMMA;
                double y = F[i] + toUniform(mix64(s)) * (F[i + 1] - F[i]);
                if (y < Math.exp(-0.5 * x * x)) return neg ? -x : x;
                s += GAMMA;
                w = mix64(s);
            }
        }
    }
}
