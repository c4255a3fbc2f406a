package org.izhsim.network.engine;

/**
 * Faster loops for the most common case, the standard recovery under the EULER and NETM schemes:
 * the same arithmetic as {@code IzhikevichKernel}, operation by operation (Java never contracts
 * a·b + c into an FMA), so bit-identical results; {@code StandardKernelsTest} checks it.
 *
 * <p>They split the kernel's loop in two: a branch-free update of v and u that the JIT
 * auto-vectorises (SIMD, no incubator module needed), then a cheap scalar pass over the
 * just-written, L1-resident block for the cut-off test, reset and the finiteness check. The
 * kernel's single loop cannot be vectorised because of its per-neuron spike branch.
 */
final class StandardKernels {
    private StandardKernels() {}

    /**
     * EULER for neurons [from, to): v' and u' from the old values, then v ≥ peak → v ← c,
     * u ← u + d. Spike indices are appended to {@code spikes} from position {@code n} (ascending);
     * returns the new count. The lowest neuron whose v or u is not finite after the update goes
     * to {@code nonFinite[0]} (kept if lower).
     */
    static int euler(int from, int to, double dt, double k2, double k1, double k0, double peak,
                     double[] v, double[] u, double[] a, double[] b, double[] c, double[] d, double[] cur,
                     int[] spikes, int n, int[] nonFinite) {
        for (int i = from; i < to; i++) {
            double vi = v[i], ui = u[i];
            double dv = dv(k2, k1, k0, vi, ui, cur[i]);
            double du = a[i] * (b[i] * vi - ui);
            v[i] = vi + dt * dv;
            u[i] = ui + dt * du;
        }
        checkFinite(from, to, v, u, nonFinite);
        return detect(from, to, peak, v, u, c, d, spikes, n);
    }

    /**
     * {@link #euler} with the P = 1 deliver of the same neurons folded in (one pass instead of
     * two): I = (noise + ext) + A[k], A[k] ← 0, I stored in {@code cur}, then the update with
     * that I — the same operations as the two loops, so bit-identical.
     */
    static int eulerDeliver(int from, int to, double dt, double k2, double k1, double k0, double peak,
                            double[] v, double[] u, double[] a, double[] b, double[] c, double[] d,
                            double[] now, double[] noise, int noff, double ext, double[] cur,
                            int[] spikes, int n, int[] nonFinite) {
        deliverAndUpdate(from, to, dt, k2, k1, k0, v, u, a, b, now, noise, noff, ext, cur);
        checkFinite(from, to, v, u, nonFinite);
        return detect(from, to, peak, v, u, c, d, spikes, n);
    }

    /** The arithmetic of {@link #eulerDeliver} without its checks (also {@code VectorKernels}' tail). */
    static void deliverAndUpdate(int from, int to, double dt, double k2, double k1, double k0, double[] v, double[] u,
                                 double[] a, double[] b, double[] now, double[] noise, int noff, double ext, double[] cur) {
        for (int i = from; i < to; i++) {
            double sy = now[i];
            now[i] = 0.0;
            double ci = (noise[i - noff] + ext) + sy;
            cur[i] = ci;
            double vi = v[i], ui = u[i];
            double dv = dv(k2, k1, k0, vi, ui, ci);
            double du = a[i] * (b[i] * vi - ui);
            v[i] = vi + dt * dv;
            u[i] = ui + dt * du;
        }
    }

    /**
     * {@link #eulerDeliver} for a group whose noise was drawn straight into {@code cur} (so
     * every array is indexed alike, which lets the JIT vectorise the loop) and, when
     * {@code a} and {@code b} are null, whose a and b are the same for every neuron
     * ({@code aU}, {@code bU}): fewer arrays to stream per step. Same operations, so
     * bit-identical.
     */
    static int eulerDeliverInPlace(int from, int to, double dt, double k2, double k1, double k0, double peak,
                                   double[] v, double[] u, double[] a, double[] b, double aU, double bU, double[] c,
                                   double[] d, double[] now, double ext, double[] cur, int[] spikes, int n, int[] nonFinite) {
        if (a == null) deliverAndUpdateInPlace(from, to, dt, k2, k1, k0, v, u, aU, bU, now, ext, cur);
        else deliverAndUpdateInPlace(from, to, dt, k2, k1, k0, v, u, a, b, now, ext, cur);
        checkFinite(from, to, v, u, nonFinite);
        return detect(from, to, peak, v, u, c, d, spikes, n);
    }

    private static void deliverAndUpdateInPlace(int from, int to, double dt, double k2, double k1, double k0,
                                                double[] v, double[] u, double[] a, double[] b, double[] now, double ext,
                                                double[] cur) {
        for (int i = from; i < to; i++) {
            double ci = take(i, now, ext, cur);
            double vi = v[i], ui = u[i];
            double dv = dv(k2, k1, k0, vi, ui, ci);
            double du = a[i] * (b[i] * vi - ui);
            v[i] = vi + dt * dv;
            u[i] = ui + dt * du;
        }
    }

    // The same loop with a and b as scalars, on purpose: one loop taking both forms would keep
    // a branch or the two arrays in it, and the point is to stream two arrays fewer per step.
    // Kept as two copies: measured with the vectorised loop at about -20 % of the update phase (BENCHMARKS.md §1).
    private static void deliverAndUpdateInPlace(int from, int to, double dt, double k2, double k1, double k0,
                                                double[] v, double[] u, double a, double b, double[] now, double ext,
                                                double[] cur) {
        for (int i = from; i < to; i++) {
            double ci = take(i, now, ext, cur);
            double vi = v[i], ui = u[i];
            double dv = dv(k2, k1, k0, vi, ui, ci);
            double du = a * (b * vi - ui);
            v[i] = vi + dt * dv;
            u[i] = ui + dt * du;
        }
    }

    /** P = 1 deliver with the noise already in {@code cur}: I = (noise + ext) + A[k], A[k] ← 0 (vectorisable). */
    static void deliverPulse1InPlace(int from, int to, double[] now, double ext, double[] cur) {
        for (int i = from; i < to; i++) take(i, now, ext, cur);
    }

    /** Neuron i's P = 1 deliver with the noise already in {@code cur}; returns the new I. */
    private static double take(int i, double[] now, double ext, double[] cur) {
        double ci = (cur[i] + ext) + now[i];
        now[i] = 0.0;
        cur[i] = ci;
        return ci;
    }

    /** v' = k2·v² + k1·v + k0 − u + I in the kernel's operation order (the JIT inlines it). */
    private static double dv(double k2, double k1, double k0, double vi, double ui, double ci) {
        return k2 * (vi * vi) + k1 * vi + k0 - ui + ci;
    }

    /** NETM for [from, to): two half-steps of v with the same u and I, then u from the new v (no cut-off). */
    static void netm(int from, int to, double dt, double k2, double k1, double k0,
                     double[] v, double[] u, double[] a, double[] b, double[] cur, int[] nonFinite) {
        netmUpdate(from, to, dt, k2, k1, k0, v, u, a, b, cur);
        checkFinite(from, to, v, u, nonFinite);
    }

    /** The arithmetic of {@link #netm} without its check (also {@code VectorKernels}' tail). */
    static void netmUpdate(int from, int to, double dt, double k2, double k1, double k0,
                           double[] v, double[] u, double[] a, double[] b, double[] cur) {
        final double half = 0.5 * dt;
        for (int i = from; i < to; i++) {
            double vi = v[i], ui = u[i], ii = cur[i];
            vi = vi + half * dv(k2, k1, k0, vi, ui, ii);
            vi = vi + half * dv(k2, k1, k0, vi, ui, ii);
            v[i] = vi;
            u[i] = ui + dt * a[i] * (b[i] * vi - ui);
        }
    }

    /** net.m's start-of-step cut-off for [from, to): v ≥ peak → v ← c, u ← u + d; returns the new count. */
    static int detect(int from, int to, double peak, double[] v, double[] u, double[] c, double[] d, int[] spikes, int n) {
        for (int i = from; i < to; i++) {
            if (v[i] >= peak) {
                spikes[n++] = i;
                v[i] = c[i];
                u[i] = u[i] + d[i];
            }
        }
        return n;
    }

    /** A vectorisable max-reduction (NaN propagates), then the exact scan only if something is off. */
    static void checkFinite(int from, int to, double[] v, double[] u, int[] nonFinite) {
        double m = 0;
        for (int i = from; i < to; i++) m = Math.max(m, Math.max(Math.abs(v[i]), Math.abs(u[i])));
        if (m <= Double.MAX_VALUE) return;
        for (int i = from; i < to; i++) {
            if (!(Math.abs(v[i]) <= Double.MAX_VALUE && Math.abs(u[i]) <= Double.MAX_VALUE)) {
                if (nonFinite[0] < 0 || i < nonFinite[0]) nonFinite[0] = i;
                return;
            }
        }
    }
}
