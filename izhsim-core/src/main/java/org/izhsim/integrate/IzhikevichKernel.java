package org.izhsim.integrate;

import org.izhsim.model.IzhikevichModel;
import org.izhsim.model.Recovery;

/**
 * The array kernel that advances Izhikevich neurons under one {@link Scheme}. It is shared by
 * single-neuron runs (arrays of length 1) and networks (one kernel per group, called by worker
 * threads over disjoint index ranges), so that every face of izhsim runs the same arithmetic.
 *
 * <p>State and parameters are structure-of-arrays, one entry per neuron; the kernel keeps
 * references and writes v and u in place. Each method touches only [from, to), so disjoint
 * ranges may be advanced concurrently.
 *
 * <p>Per step, callers do, in this order:
 * <ol>
 *   <li>{@link #detectAndReset} if {@link Scheme#cutoffBeforeUpdate()} (net.m), collecting the
 *       spikes of this step; then deliver their same-step input;</li>
 *   <li>{@link #step}: the update, and for the other schemes the cut-off test and reset right
 *       after it.</li>
 * </ol>
 * The arithmetic follows Izhikevich's programs operation by operation (e.g.
 * {@code v + dt*(0.04*v*v + 5*v + 140 - u + I)}, then {@code u + dt*a*(b*v - u)}), so golden
 * spike times match to the step.
 */
public final class IzhikevichKernel implements NeuronKernel {
    private final Scheme scheme;
    private final double k2, k1, k0, vPeak;
    private final boolean accommodation;
    private final double[] v, u, a, b, c, d;
    private volatile int nonFiniteNeuron = -1;

    /**
     * @param model  the equations (coefficients, recovery form, cut-off)
     * @param scheme the numerical scheme
     * @param v      membrane potential per neuron [mV], updated in place
     * @param u      recovery variable per neuron, updated in place
     * @param a      per-neuron a; b, c, d likewise
     */
    public IzhikevichKernel(IzhikevichModel model, Scheme scheme, double[] v, double[] u,
                            double[] a, double[] b, double[] c, double[] d) {
        int n = v.length;
        if (u.length != n || a.length != n || b.length != n || c.length != n || d.length != n) {
            throw new IllegalArgumentException("state and parameter arrays must all have length " + n);
        }
        this.scheme = scheme;
        this.k2 = model.k2();
        this.k1 = model.k1();
        this.k0 = model.k0();
        this.vPeak = model.vPeak();
        this.accommodation = model.recovery() == Recovery.ACCOMMODATION;
        this.v = v;
        this.u = u;
        this.a = a;
        this.b = b;
        this.c = c;
        this.d = d;
    }

    public Scheme scheme() {
        return scheme;
    }

    /** Every spike is drawn at the cut-off vPeak, as the papers' figures do. */
    @Override
    public double drawnPeak(int i) {
        return vPeak;
    }

    /**
     * The start-of-step cut-off of net.m: every neuron in [from, to) with v >= vPeak is reset
     * (v ← c, u ← u + d) and appended to {@code spikes}. Only for schemes that test before the
     * update; the others test inside {@link #step}.
     */
    public void detectAndReset(int from, int to, SpikeList spikes) {
        final double peak = vPeak;
        final double[] v = this.v, u = this.u, c = this.c, d = this.d;
        for (int i = from; i < to; i++) {
            if (v[i] >= peak) {
                spikes.add(i);
                v[i] = c[i];
                u[i] = u[i] + d[i];
            }
        }
    }

    /**
     * Advances neurons [from, to) by one step of dt. {@code iStart} is the input current of each
     * neuron at the start of the step; RK4 also reads {@code iMid} (t + dt/2) and {@code iEnd}
     * (t + dt), the others ignore them (pass the same array when the current is held constant).
     * Schemes that test after the update append the neurons that crossed to {@code spikes} and
     * reset them. A neuron whose v or u stops being finite is remembered
     * ({@link #firstNonFinite()}); the caller decides how to report it.
     */
    public void step(int from, int to, double dt, double[] iStart, double[] iMid, double[] iEnd, SpikeList spikes) {
        switch (scheme) {
            case FIGURE1 -> figure1(from, to, dt, iStart, spikes);
            case NETM -> netm(from, to, dt, iStart);
            case EULER -> euler(from, to, dt, iStart, spikes);
            case RK4 -> rk4(from, to, dt, iStart, iMid, iEnd, spikes);
        }
    }

    /** The lowest-index neuron seen with a non-finite v or u, or −1. */
    /** {@link #detectAndReset(int, int, SpikeList)}: the model has no refractory period, the step does not matter. */
    @Override
    public void detectAndReset(int from, int to, long step, SpikeList spikes) {
        detectAndReset(from, to, spikes);
    }

    /** {@link #step(int, int, double, double[], double[], double[], SpikeList)}; the step does not matter. */
    @Override
    public void step(int from, int to, long step, double dt, double[] iStart, double[] iMid, double[] iEnd, SpikeList spikes) {
        step(from, to, dt, iStart, iMid, iEnd, spikes);
    }

    @Override
    public int firstNonFinite() {
        return nonFiniteNeuron;
    }

    private void figure1(int from, int to, double dt, double[] current, SpikeList spikes) {
        final double k2 = this.k2, k1 = this.k1, k0 = this.k0, peak = vPeak;
        final boolean acc = accommodation;
        final double[] v = this.v, u = this.u, a = this.a, b = this.b, c = this.c, d = this.d;
        for (int i = from; i < to; i++) {
            double vi = v[i], ui = u[i];
            vi = vi + dt * (k2 * (vi * vi) + k1 * vi + k0 - ui + current[i]);
            ui = acc ? ui + dt * a[i] * (b[i] * (vi + 65)) : ui + dt * a[i] * (b[i] * vi - ui);
            if (!finite(vi, ui)) nonFinite(i);
            if (vi > peak) {
                spikes.add(i);
                vi = c[i];
                ui = ui + d[i];
            }
            v[i] = vi;
            u[i] = ui;
        }
    }

    private void netm(int from, int to, double dt, double[] current) {
        final double k2 = this.k2, k1 = this.k1, k0 = this.k0, half = 0.5 * dt;
        final boolean acc = accommodation;
        final double[] v = this.v, u = this.u, a = this.a, b = this.b;
        for (int i = from; i < to; i++) {
            double vi = v[i], ui = u[i], ii = current[i];
            vi = vi + half * (k2 * (vi * vi) + k1 * vi + k0 - ui + ii);
            vi = vi + half * (k2 * (vi * vi) + k1 * vi + k0 - ui + ii);
            ui = acc ? ui + dt * a[i] * (b[i] * (vi + 65)) : ui + dt * a[i] * (b[i] * vi - ui);
            if (!finite(vi, ui)) nonFinite(i);
            v[i] = vi;
            u[i] = ui;
        }
    }

    private void euler(int from, int to, double dt, double[] current, SpikeList spikes) {
        final double k2 = this.k2, k1 = this.k1, k0 = this.k0, peak = vPeak;
        final boolean acc = accommodation;
        final double[] v = this.v, u = this.u, a = this.a, b = this.b, c = this.c, d = this.d;
        for (int i = from; i < to; i++) {
            double vi = v[i], ui = u[i];
            double dv = k2 * (vi * vi) + k1 * vi + k0 - ui + current[i];
            double du = acc ? a[i] * (b[i] * (vi + 65)) : a[i] * (b[i] * vi - ui);
            vi = vi + dt * dv;
            ui = ui + dt * du;
            if (!finite(vi, ui)) nonFinite(i);
            if (vi >= peak) {
                spikes.add(i);
                vi = c[i];
                ui = ui + d[i];
            }
            v[i] = vi;
            u[i] = ui;
        }
    }

    private void rk4(int from, int to, double dt, double[] i0, double[] iHalf, double[] i1, SpikeList spikes) {
        final double k2 = this.k2, k1 = this.k1, k0 = this.k0, peak = vPeak, h = 0.5 * dt, sixth = dt / 6;
        final boolean acc = accommodation;
        final double[] v = this.v, u = this.u, a = this.a, b = this.b, c = this.c, d = this.d;
        for (int i = from; i < to; i++) {
            final double vi = v[i], ui = u[i], ai = a[i], bi = b[i], im = iHalf[i];
            double v1 = k2 * (vi * vi) + k1 * vi + k0 - ui + i0[i];
            double u1 = acc ? ai * (bi * (vi + 65)) : ai * (bi * vi - ui);
            double va = vi + h * v1, ua = ui + h * u1;
            double v2 = k2 * (va * va) + k1 * va + k0 - ua + im;
            double u2 = acc ? ai * (bi * (va + 65)) : ai * (bi * va - ua);
            double vb = vi + h * v2, ub = ui + h * u2;
            double v3 = k2 * (vb * vb) + k1 * vb + k0 - ub + im;
            double u3 = acc ? ai * (bi * (vb + 65)) : ai * (bi * vb - ub);
            double vc = vi + dt * v3, uc = ui + dt * u3;
            double v4 = k2 * (vc * vc) + k1 * vc + k0 - uc + i1[i];
            double u4 = acc ? ai * (bi * (vc + 65)) : ai * (bi * vc - uc);
            double vn = vi + sixth * (v1 + 2 * v2 + 2 * v3 + v4);
            double un = ui + sixth * (u1 + 2 * u2 + 2 * u3 + u4);
            if (!finite(vn, un)) nonFinite(i);
            if (vn >= peak) {
                spikes.add(i);
                vn = c[i];
                un = un + d[i];
            }
            v[i] = vn;
            u[i] = un;
        }
    }

    static boolean finite(double x, double y) {
        return Math.abs(x) <= Double.MAX_VALUE && Math.abs(y) <= Double.MAX_VALUE;
    }

    private synchronized void nonFinite(int neuron) {
        if (nonFiniteNeuron < 0 || neuron < nonFiniteNeuron) nonFiniteNeuron = neuron;
    }
}
