package org.izhsim.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The Vector API Gaussians are bit-identical to the scalar reference loop. */
class VectorRandomTest {

    private static long[] bits(double[] x) {
        long[] b = new long[x.length];
        for (int i = 0; i < x.length; i++) b[i] = Double.doubleToRawLongBits(x[i]);
        return b;
    }

    @Test
    void gaussiansAreBitIdenticalToTheScalarLoop() {
        int rejectedSeen = 0;
        for (long step = 0; step < 200; step++) {
            long key = CounterRandom.key(Streams.key(5, "noise/vector"), step);
            int from = (int) (step % 13), to = from + 3 + (int) (step * 37 % 600), off = from % 4;
            double[] sigma = new double[to];
            for (int i = 0; i < to; i++) sigma[i] = 0.25 + (i * 7 + step) % 11;
            for (double[] sig : new double[][] {null, sigma}) {
                double[] x = new double[to - off], y = new double[to - off];
                int[] rx = new int[to - from], ry = new int[to - from];
                CounterRandom.gaussiansScalar(key, from, to, 5.0, sig, x, off, rx);
                VectorRandom.gaussians(key, from, to, 5.0, sig, y, off, ry);
                assertArrayEquals(bits(x), bits(y), "step " + step + (sig == null ? ", scalar sigma" : ", sigma array"));
                for (int i = from; i < to; i++) {
                    double g = CounterRandom.gaussian(key, i);
                    if (Math.abs(g) > 3.0) rejectedSeen++;
                }
            }
        }
        // draws beyond 3 come from the slow path (wedges, tail) or the outer layers: both are exercised
        assertTrue(rejectedSeen > 50, "outer draws: " + rejectedSeen);
    }
}
