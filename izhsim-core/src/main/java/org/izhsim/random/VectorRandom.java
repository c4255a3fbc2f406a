package org.izhsim.random;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link CounterRandom#gaussians} with the incubating Vector API, eight draws at a time: the same
 * integer operations (SplitMix64 on the counters), the same long → double conversion and the
 * same two multiplications in the same order, so every value is bit-identical to the scalar
 * loop ({@code VectorRandomTest}). The ziggurat's layer edges come from two gathers; lanes that
 * miss the fast path (about 1.5%) are redrawn by the full scalar algorithm afterwards.
 *
 * <p>Loaded only when {@link CounterRandom#vectorApi()} found the module (a JVM started
 * without {@code --add-modules jdk.incubator.vector} never touches this class).
 */
final class VectorRandom {
    private VectorRandom() {}

    private static final VectorSpecies<Long> L = LongVector.SPECIES_512;
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_512;
    /** Lanes per vector (8). */
    static final int LANES = L.length();
    /** X[l + 1]: the fast path's acceptance bound of layer l, gathered with the same index as X[l]. */
    private static final double[] X = CounterRandom.Ziggurat.X;
    private static final double[] X_NEXT = java.util.Arrays.copyOfRange(X, 1, X.length + 1);
    /** γ·lane: lane j of a vector holds counter c + j. */
    private static final LongVector LANE_STEPS = LongVector.zero(L).addIndex(1).mul(CounterRandom.GAMMA);

    /** Whether this CPU runs 512-bit vectors natively (else the scalar loop is faster). */
    static boolean usable() {
        return LongVector.SPECIES_PREFERRED.vectorBitSize() >= 512;
    }

    /** Same contract and results as {@link CounterRandom#gaussians}. */
    static void gaussians(long key, int from, int to, double scale, double[] sigma, double[] out, int off, int[] rejected) {
        final int[] layer = new int[LANES];
        final long z0 = key + CounterRandom.GAMMA * (from + 1L);
        final int bound = from + (to - from) / LANES * LANES;
        int nr = 0, i = from;
        for (; i < bound; i += LANES) {
            LongVector z = LongVector.broadcast(L, z0 + CounterRandom.GAMMA * (i - from)).add(LANE_STEPS);
            z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 30)).mul(0xBF58476D1CE4E5B9L);
            z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 27)).mul(0x94D049BB133111EBL);
            LongVector w = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 31));
            ((IntVector) w.and(0xFFL).convertShape(VectorOperators.L2I, IntVector.SPECIES_256, 0)).intoArray(layer, 0);
            DoubleVector xl = DoubleVector.fromArray(D, X, 0, layer, 0);
            DoubleVector bound1 = DoubleVector.fromArray(D, X_NEXT, 0, layer, 0);
            DoubleVector u = (DoubleVector) w.lanewise(VectorOperators.LSHR, 11).convert(VectorOperators.L2D, 0);
            DoubleVector x = u.mul(xl).mul(0x1.0p-53);
            long accepted = x.compare(VectorOperators.LT, bound1).toLong();
            LongVector sign = w.and(0x100L).lanewise(VectorOperators.LSHL, 55);
            DoubleVector g = (DoubleVector) x.reinterpretAsLongs().lanewise(VectorOperators.XOR, sign).reinterpretAsDoubles();
            (sigma == null ? g.mul(scale) : g.mul(DoubleVector.fromArray(D, sigma, i))).intoArray(out, i - off);
            for (long miss = ~accepted & ((1L << LANES) - 1); miss != 0; miss &= miss - 1) {
                rejected[nr++] = i + Long.numberOfTrailingZeros(miss);
            }
        }
        for (int j = 0; j < nr; j++) {
            int q = rejected[j];
            out[q - off] = (sigma == null ? scale : sigma[q]) * CounterRandom.gaussian(key, q);
        }
        if (i < to) CounterRandom.gaussiansScalar(key, i, to, scale, sigma, out, off, rejected);
    }
}
