package org.izhsim.network.engine;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link StandardKernels#eulerDeliver} and {@link StandardKernels#netm} with the incubating Vector API: the same operations in
 * the same order on eight neurons at a time (multiply and add separately, never an FMA; a·b is
 * computed as b·a only where IEEE multiplication is commutative anyway), so v, u, I and the
 * spikes are bit-identical to the scalar kernel ({@code VectorKernelsTest}). C2 does not
 * vectorise the scalar loop here; this one runs it about twice as fast.
 *
 * <p>Used only when {@link org.izhsim.random.CounterRandom#vectorApi()} is true, so a JVM
 * without {@code --add-modules jdk.incubator.vector} never loads this class.
 */
final class VectorKernels {
    private VectorKernels() {}

    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_512;

    /** Same contract and results as {@link StandardKernels#eulerDeliver}. */
    static int eulerDeliver(int from, int to, double dt, double k2, double k1, double k0, double peak,
                            double[] v, double[] u, double[] a, double[] b, double[] c, double[] d,
                            double[] now, double[] noise, int noff, double ext, double[] cur,
                            int[] spikes, int n, int[] nonFinite) {
        final int lanes = D.length();
        final int bound = from + (to - from) / lanes * lanes;
        final DoubleVector zero = DoubleVector.zero(D);
        for (int i = from; i < bound; i += lanes) {
            DoubleVector sy = DoubleVector.fromArray(D, now, i);
            zero.intoArray(now, i);
            DoubleVector ci = DoubleVector.fromArray(D, noise, i - noff).add(ext).add(sy);
            ci.intoArray(cur, i);
            DoubleVector vi = DoubleVector.fromArray(D, v, i), ui = DoubleVector.fromArray(D, u, i);
            // k2·(v·v) + k1·v + k0 − u + I, left to right
            DoubleVector dv = vi.mul(vi).mul(k2).add(vi.mul(k1)).add(k0).sub(ui).add(ci);
            DoubleVector du = DoubleVector.fromArray(D, a, i).mul(DoubleVector.fromArray(D, b, i).mul(vi).sub(ui));
            vi.add(dv.mul(dt)).intoArray(v, i);
            ui.add(du.mul(dt)).intoArray(u, i);
        }
        StandardKernels.deliverAndUpdate(bound, to, dt, k2, k1, k0, v, u, a, b, now, noise, noff, ext, cur);
        StandardKernels.checkFinite(from, to, v, u, nonFinite);
        return StandardKernels.detect(from, to, peak, v, u, c, d, spikes, n);
    }

    /** Same contract and results as {@link StandardKernels#netm}. */
    static void netm(int from, int to, double dt, double k2, double k1, double k0,
                     double[] v, double[] u, double[] a, double[] b, double[] cur, int[] nonFinite) {
        final double half = 0.5 * dt;
        final int lanes = D.length();
        final int bound = from + (to - from) / lanes * lanes;
        for (int i = from; i < bound; i += lanes) {
            DoubleVector vi = DoubleVector.fromArray(D, v, i), ui = DoubleVector.fromArray(D, u, i);
            DoubleVector ii = DoubleVector.fromArray(D, cur, i);
            vi = vi.add(vi.mul(vi).mul(k2).add(vi.mul(k1)).add(k0).sub(ui).add(ii).mul(half));
            vi = vi.add(vi.mul(vi).mul(k2).add(vi.mul(k1)).add(k0).sub(ui).add(ii).mul(half));
            vi.intoArray(v, i);
            // dt·a·(b·v − u) as (dt·a)·(…), the scalar loop's order
            ui.add(DoubleVector.fromArray(D, a, i).mul(dt).mul(DoubleVector.fromArray(D, b, i).mul(vi).sub(ui))).intoArray(u, i);
        }
        StandardKernels.netmUpdate(bound, to, dt, k2, k1, k0, v, u, a, b, cur);
        StandardKernels.checkFinite(from, to, v, u, nonFinite);
    }
}
