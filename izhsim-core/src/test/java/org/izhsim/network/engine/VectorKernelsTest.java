package org.izhsim.network.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.izhsim.integrate.Scheme;
import org.izhsim.random.CounterRandom;
import org.izhsim.network.Izhikevich2003Network;
import org.izhsim.network.Simulation;
import org.izhsim.network.SpikeRecording;
import org.junit.jupiter.api.Test;

/** The Vector API kernel is bit-identical to the scalar reference, {@link StandardKernels#eulerDeliver}. */
class VectorKernelsTest {

    private static long[] bits(double[] x) {
        long[] b = new long[x.length];
        for (int i = 0; i < x.length; i++) b[i] = Double.doubleToRawLongBits(x[i]);
        return b;
    }

    @Test
    void eulerDeliverIsBitIdenticalToTheScalarKernel() {
        SplittableRandom r = new SplittableRandom(17);
        int total = 0;
        // block lengths that leave every tail 0..7 after the 8-lane loop, and odd offsets
        for (int len : new int[] {0, 1, 7, 8, 9, 15, 16, 63, 256, 257, 300}) {
            int from = len % 5, to = from + len, n = to + 3, noff = from == 0 ? 0 : from - 1;
            double[][] x = new double[7][n];
            for (int i = 0; i < n; i++) {
                x[0][i] = r.nextDouble(-80, 35);
                x[1][i] = r.nextDouble(-20, 10);
                x[2][i] = r.nextDouble(0.01, 0.1);
                x[3][i] = r.nextDouble(0.2, 0.25);
                x[4][i] = r.nextDouble(-65, -50);
                x[5][i] = r.nextDouble(2, 8);
            }
            if (len > 20) x[0][from + 11] = 1e200; // overflows to infinity: the non-finite report must agree
            double[][] y = new double[7][];
            for (int q = 0; q < 7; q++) y[q] = x[q].clone();
            double[] nowX = new double[n], nowY = new double[n], noise = new double[n], curX = new double[n], curY = new double[n];
            for (int step = 0; step < 40; step++) {
                for (int i = 0; i < n; i++) nowX[i] = nowY[i] = r.nextDouble(-20, 20);
                for (int i = 0; i < n; i++) noise[i] = r.nextDouble(-10, 15);
                double ext = step % 3 == 0 ? 0.0 : 1.25, dt = step % 2 == 0 ? 1.0 : 0.5;
                int[] sx = new int[n], sy = new int[n], nfx = {-1}, nfy = {-1};
                int cx = StandardKernels.eulerDeliver(from, to, dt, 0.04, 5, 140, 30, x[0], x[1], x[2], x[3], x[4], x[5],
                        nowX, noise, noff, ext, curX, sx, 0, nfx);
                int cy = VectorKernels.eulerDeliver(from, to, dt, 0.04, 5, 140, 30, y[0], y[1], y[2], y[3], y[4], y[5],
                        nowY, noise, noff, ext, curY, sy, 0, nfy);
                total += cx;
                String at = "length " + len + ", step " + step;
                assertArrayEquals(Arrays.copyOf(sx, cx), Arrays.copyOf(sy, cy), "spikes, " + at);
                assertArrayEquals(bits(x[0]), bits(y[0]), "v, " + at);
                assertArrayEquals(bits(x[1]), bits(y[1]), "u, " + at);
                assertArrayEquals(bits(curX), bits(curY), "I, " + at);
                assertArrayEquals(bits(nowX), bits(nowY), "A[k] cleared, " + at);
                assertEquals(nfx[0], nfy[0], "lowest non-finite neuron, " + at);
            }
        }
        assertTrue(total > 100, "neurons spiked: " + total);
    }

    @Test
    void netmIsBitIdenticalToTheScalarKernel() {
        SplittableRandom r = new SplittableRandom(23);
        int total = 0;
        for (int len : new int[] {0, 3, 8, 13, 256, 261}) {
            int from = len % 3, to = from + len, n = to + 2;
            double[][] x = new double[5][n];
            for (int i = 0; i < n; i++) {
                x[0][i] = r.nextDouble(-80, 29);
                x[1][i] = r.nextDouble(-20, 10);
                x[2][i] = r.nextDouble(0.01, 0.1);
                x[3][i] = r.nextDouble(0.2, 0.25);
            }
            if (len > 20) x[1][from + 17] = Double.NaN;
            double[][] y = new double[5][];
            for (int q = 0; q < 5; q++) y[q] = x[q].clone();
            double[] c = new double[n], d = new double[n];
            Arrays.fill(c, -65);
            Arrays.fill(d, 8);
            for (int step = 0; step < 30; step++) {
                for (int i = 0; i < n; i++) x[4][i] = y[4][i] = r.nextDouble(-10, 30);
                double dt = step % 2 == 0 ? 1.0 : 0.25;
                int[] nfx = {-1}, nfy = {-1};
                StandardKernels.netm(from, to, dt, 0.04, 5, 140, x[0], x[1], x[2], x[3], x[4], nfx);
                VectorKernels.netm(from, to, dt, 0.04, 5, 140, y[0], y[1], y[2], y[3], y[4], nfy);
                // net.m's cut-off runs at the start of the next step; apply it alike to both
                int cx = StandardKernels.detect(from, to, 30, x[0], x[1], c, d, new int[n], 0);
                int cy = StandardKernels.detect(from, to, 30, y[0], y[1], c, d, new int[n], 0);
                total += cx;
                String at = "length " + len + ", step " + step;
                assertEquals(cx, cy, "spikes, " + at);
                assertArrayEquals(bits(x[0]), bits(y[0]), "v, " + at);
                assertArrayEquals(bits(x[1]), bits(y[1]), "u, " + at);
                assertEquals(nfx[0], nfy[0], "lowest non-finite neuron, " + at);
            }
        }
        assertTrue(total > 50, "neurons spiked: " + total);
    }

    @Test
    void networkSpikesAreTheSameWithAndWithoutTheVectorApi() {
        // surefire starts the JVM with --add-modules jdk.incubator.vector; on a CPU without
        // 512-bit vectors simd(true) falls back to the scalar kernels
        for (Scheme s : new Scheme[] {Scheme.EULER, Scheme.NETM}) sameSpikes(s);
    }

    private static void sameSpikes(Scheme scheme) {
        Izhikevich2003Network.Built b = Izhikevich2003Network.builder().ne(1600).ni(400).sparse(200)
                .scheme(scheme).dt(0.5).seed(21).build();
        SpikeRecording simd, scalar;
        try (Simulation sim = Simulation.builder(b.network()).threads(2).minNeuronsPerThread(1).simd(true).build()) {
            assertEquals(CounterRandom.vectorApi(), sim.simd());
            sim.run(300);
            simd = sim.recording(b.spikes());
        }
        try (Simulation sim = Simulation.builder(b.network()).threads(2).minNeuronsPerThread(1).simd(false).build()) {
            assertFalse(sim.simd());
            sim.run(300);
            scalar = sim.recording(b.spikes());
        }
        assertTrue(simd.count() > 1000, "network is active: " + simd.count());
        assertArrayEquals(scalar.steps(), simd.steps());
        assertArrayEquals(scalar.neurons(), simd.neurons());
    }

    @Test
    void vectorApiIsInUseWhereTheCpuHasIt() {
        boolean avx512 = jdk.incubator.vector.LongVector.SPECIES_PREFERRED.vectorBitSize() >= 512;
        assertEquals(avx512, CounterRandom.vectorApi());
    }
}
