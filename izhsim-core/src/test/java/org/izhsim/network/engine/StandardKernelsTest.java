package org.izhsim.network.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.izhsim.integrate.IzhikevichKernel;
import org.izhsim.integrate.Scheme;
import org.izhsim.integrate.SpikeList;
import org.izhsim.model.IzhikevichModel;
import org.izhsim.network.Izhikevich2003Network;
import org.izhsim.network.Simulation;
import org.izhsim.network.SpikeRecording;
import org.junit.jupiter.api.Test;

/** The network's fast loops are bit-identical to IzhikevichKernel. */
class StandardKernelsTest {

    private static double[][] state(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] s = new double[7][n]; // v u a b c d I
        for (int i = 0; i < n; i++) {
            s[0][i] = r.nextDouble(-80, 35);
            s[1][i] = r.nextDouble(-20, 10);
            s[2][i] = r.nextDouble(0.01, 0.1);
            s[3][i] = r.nextDouble(0.2, 0.25);
            s[4][i] = r.nextDouble(-65, -50);
            s[5][i] = r.nextDouble(2, 8);
            s[6][i] = r.nextDouble(-10, 40);
        }
        s[0][5] = Double.NaN; // non-finite neurons are reported by both
        s[6][11] = 1e300;
        return s;
    }

    @Test
    void eulerAndNetmAreBitIdenticalToTheKernel() {
        for (Scheme scheme : new Scheme[] {Scheme.EULER, Scheme.NETM}) {
            for (double dt : new double[] {1.0, 0.5, 0.1}) {
                int n = 1013;
                double[][] x = state(n, 7), y = state(n, 7);
                IzhikevichKernel kx = new IzhikevichKernel(IzhikevichModel.STANDARD, scheme, x[0], x[1], x[2], x[3], x[4], x[5]);
                int total = 0;
                for (int step = 0; step < 60; step++) {
                    SpikeList sx = new SpikeList();
                    int[] spikes = new int[n], nf = {-1};
                    int count = 0;
                    if (scheme == Scheme.NETM) {
                        kx.detectAndReset(0, n, sx);
                        kx.step(0, n, dt, x[6], x[6], x[6], sx);
                        count = StandardKernels.detect(0, n, 30, y[0], y[1], y[4], y[5], spikes, 0);
                        StandardKernels.netm(0, n, dt, 0.04, 5, 140, y[0], y[1], y[2], y[3], y[6], nf);
                    } else {
                        kx.step(0, n, dt, x[6], x[6], x[6], sx);
                        count = StandardKernels.euler(0, n, dt, 0.04, 5, 140, 30, y[0], y[1], y[2], y[3], y[4], y[5], y[6], spikes, 0, nf);
                    }
                    total += count;
                    assertArrayEquals(sx.toArray(), Arrays.copyOf(spikes, count), scheme + " dt " + dt + " spikes, step " + step);
                    assertArrayEquals(x[0], y[0], 0.0, scheme + " v");
                    assertArrayEquals(x[1], y[1], 0.0, scheme + " u");
                    if (step == 0) assertEquals(kx.firstNonFinite(), nf[0], "lowest non-finite neuron");
                    for (int i = 0; i < n; i++) x[6][i] = y[6][i] = (i * 37 + step) % 23 - 5.0;
                }
                assertTrue(total > 100, "neurons spiked: " + total);
            }
        }
    }

    @Test
    void eulerWithDeliverIsBitIdenticalToDeliverThenEuler() {
        int n = 777, off = 100;
        double[][] x = state(n, 9), y = state(n, 9);
        SplittableRandom r = new SplittableRandom(3);
        double[] nowX = new double[n], nowY = new double[n], noise = new double[n - off], curX = new double[n], curY = new double[n];
        int total = 0;
        for (int step = 0; step < 60; step++) {
            for (int i = 0; i < n; i++) nowX[i] = nowY[i] = r.nextDouble(-20, 20);
            for (int i = 0; i < n - off; i++) noise[i] = r.nextDouble(-10, 15);
            double ext = step % 3 == 0 ? 0.0 : 1.25;
            int[] sx = new int[n], sy = new int[n], nfx = {-1}, nfy = {-1};
            for (int i = off; i < n; i++) {
                double syn = nowX[i];
                nowX[i] = 0.0;
                curX[i] = (noise[i - off] + ext) + syn;
            }
            int cx = StandardKernels.euler(off, n, 1.0, 0.04, 5, 140, 30, x[0], x[1], x[2], x[3], x[4], x[5], curX, sx, 0, nfx);
            int cy = StandardKernels.eulerDeliver(off, n, 1.0, 0.04, 5, 140, 30, y[0], y[1], y[2], y[3], y[4], y[5],
                    nowY, noise, off, ext, curY, sy, 0, nfy);
            total += cx;
            assertArrayEquals(Arrays.copyOf(sx, cx), Arrays.copyOf(sy, cy), "spikes, step " + step);
            assertArrayEquals(x[0], y[0], 0.0, "v");
            assertArrayEquals(x[1], y[1], 0.0, "u");
            assertArrayEquals(curX, curY, 0.0, "I");
            assertArrayEquals(nowX, nowY, 0.0, "A[k] cleared");
            assertEquals(nfx[0], nfy[0], "lowest non-finite neuron");
        }
        assertTrue(total > 100, "neurons spiked: " + total);
    }

    @Test
    void inPlaceDeliverIsBitIdenticalToDeliverThenEuler() {
        int n = 777, from = 100;
        for (boolean uniform : new boolean[] {false, true}) {
            double[][] x = state(n, 11), y = state(n, 11);
            if (uniform) {
                Arrays.fill(x[2], 0.02);
                Arrays.fill(y[2], 0.02);
                Arrays.fill(x[3], 0.2);
                Arrays.fill(y[3], 0.2);
            }
            SplittableRandom r = new SplittableRandom(5);
            double[] nowX = new double[n], nowY = new double[n], curX = new double[n], curY = new double[n];
            int total = 0;
            for (int step = 0; step < 60; step++) {
                for (int i = 0; i < n; i++) nowX[i] = nowY[i] = r.nextDouble(-20, 20);
                for (int i = 0; i < n; i++) curY[i] = r.nextDouble(-10, 15); // the noise, drawn into I
                double ext = step % 3 == 0 ? 0.0 : 1.25;
                int[] sx = new int[n], sy = new int[n], nfx = {-1}, nfy = {-1};
                for (int i = from; i < n; i++) {
                    double syn = nowX[i];
                    nowX[i] = 0.0;
                    curX[i] = (curY[i] + ext) + syn;
                }
                // the pulse-only deliver of NETM, on a copy
                double[] nowZ = nowY.clone(), curZ = curY.clone();
                StandardKernels.deliverPulse1InPlace(from, n, nowZ, ext, curZ);
                int cx = StandardKernels.euler(from, n, 1.0, 0.04, 5, 140, 30, x[0], x[1], x[2], x[3], x[4], x[5], curX, sx, 0, nfx);
                int cy = StandardKernels.eulerDeliverInPlace(from, n, 1.0, 0.04, 5, 140, 30, y[0], y[1],
                        uniform ? null : y[2], uniform ? null : y[3], 0.02, 0.2, y[4], y[5], nowY, ext, curY, sy, 0, nfy);
                total += cx;
                String what = (uniform ? "uniform a, b" : "a, b per neuron") + ", step " + step;
                assertArrayEquals(Arrays.copyOf(sx, cx), Arrays.copyOf(sy, cy), "spikes, " + what);
                assertArrayEquals(x[0], y[0], 0.0, "v, " + what);
                assertArrayEquals(x[1], y[1], 0.0, "u, " + what);
                assertArrayEquals(Arrays.copyOfRange(curX, from, n), Arrays.copyOfRange(curY, from, n), 0.0, "I, " + what);
                assertArrayEquals(Arrays.copyOfRange(curY, from, n), Arrays.copyOfRange(curZ, from, n), 0.0, "pulse deliver I, " + what);
                assertArrayEquals(nowX, nowY, 0.0, "A[k] cleared, " + what);
                assertArrayEquals(nowY, nowZ, 0.0, "pulse deliver A[k] cleared, " + what);
                assertEquals(nfx[0], nfy[0], "lowest non-finite neuron, " + what);
            }
            assertTrue(total > 100, "neurons spiked: " + total);
        }
    }

    @Test
    void networksGiveTheSameSpikesWithBothPaths() {
        // dt 1: one-step pulses, noise drawn into I, uniform a and b in the excitatory group;
        // dt 0.5: the general deliver
        for (Scheme s : new Scheme[] {Scheme.NETM, Scheme.EULER}) for (double dt : new double[] {1.0, 0.5}) {
            Izhikevich2003Network.Built b = Izhikevich2003Network.builder().scheme(s).dt(dt).seed(12).build();
            SpikeRecording fast, kernel;
            try (Simulation sim = Simulation.builder(b.network()).threads(2).minNeuronsPerThread(1).build()) {
                assertTrue(sim.vectorized());
                sim.run(300);
                fast = sim.recording(b.spikes());
            }
            try (Simulation sim = Simulation.builder(b.network()).threads(2).minNeuronsPerThread(1).vectorize(false).build()) {
                assertFalse(sim.vectorized());
                sim.run(300);
                kernel = sim.recording(b.spikes());
            }
            assertTrue(fast.count() > 1000);
            assertEquals(kernel, fast, s + " dt " + dt + ": StandardKernels and IzhikevichKernel spikes");
        }
    }
}
