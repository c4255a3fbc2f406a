package org.izhsim.integrate;

import org.izhsim.model.Izhikevich2007Model;
import org.izhsim.model.Izhikevich2007Model.CellRule;

/**
 * The array kernel of the 2007 dimensional model ({@link Izhikevich2007Model}) under
 * {@link Scheme#EULER} (the book's) or {@link Scheme#RK4}. All neurons share one model; v and
 * u are written in place, and each method touches only [from, to).
 *
 * <p>{@code EULER} is the book's program operation by operation, with the cell rules exactly
 * as OpenSourceBrain's {@code izhi2007.m} applies them (docs/reference/izhikevich-2007.md §2), quirks
 * included, since these reproduce the derived spike counts there (§3):
 * <ol>
 *   <li>v' and u' are both taken at the old (v, u): {@code v + dt*(k*(v-vr)*(v-vt) - u + I)/C};</li>
 *   <li>TC and RTN pick b from the <em>new</em> v, then apply it to the old v − vr;</li>
 *   <li>FS tests the <em>new</em> v against vb but takes the cube of the <em>old</em> v;</li>
 *   <li>the cut-off (LTS and TC: at vpeak ∓ 0.1·u) uses the new v and new u; the reset
 *       follows {@link Izhikevich2007Model#resetV} and {@link Izhikevich2007Model#resetU}.</li>
 * </ol>
 * As dt → 0 the quirks vanish and EULER converges to the same vector field that {@code RK4}
 * integrates ({@link Izhikevich2007Model#dv}, {@link Izhikevich2007Model#du}: every rule tested
 * on the stage's own v). A spike is stamped t_k, the step whose update crossed, and drawn at
 * the cut-off that applied (the book pads the sample before the reset with vpeak).
 */
public final class Izhikevich2007Kernel implements NeuronKernel {
    private final Izhikevich2007Model m;
    private final Scheme scheme;
    private final double[] v, u, peak;
    private volatile int nonFiniteNeuron = -1;

    /**
     * @param model  the cell
     * @param scheme {@link Scheme#EULER} or {@link Scheme#RK4}
     * @param v      membrane potential per neuron [mV], updated in place
     * @param u      recovery current per neuron [pA], updated in place
     */
    public Izhikevich2007Kernel(Izhikevich2007Model model, Scheme scheme, double[] v, double[] u) {
        requireSupported(scheme);
        if (u.length != v.length) throw new IllegalArgumentException("v and u must have the same length");
        this.m = model;
        this.scheme = scheme;
        this.v = v;
        this.u = u;
        this.peak = new double[v.length];
    }

    /** True for the schemes this kernel runs: {@link Scheme#EULER} (the book's) and {@link Scheme#RK4}. */
    public static boolean supports(Scheme scheme) {
        return scheme == Scheme.EULER || scheme == Scheme.RK4;
    }

    /**
     * Refuses the 2003 programs' schemes: figure1 and netm are Izhikevich's harnesses for the
     * 2003 model, and the book defines none of them for this one.
     */
    public static Scheme requireSupported(Scheme scheme) {
        if (!supports(scheme)) {
            throw new IllegalArgumentException("scheme '" + scheme.id() + "' is a 2003-model harness; the 2007 model runs "
                    + Scheme.EULER.id() + " (the book's) or " + Scheme.RK4.id());
        }
        return scheme;
    }

    public Scheme scheme() {
        return scheme;
    }

    /** Both schemes test after the update; nothing to do at the start of a step. */
    public void detectAndReset(int from, int to, SpikeList spikes) {
    }

    public void step(int from, int to, double dt, double[] iStart, double[] iMid, double[] iEnd, SpikeList spikes) {
        final double h = 0.5 * dt, sixth = dt / 6;
        for (int i = from; i < to; i++) {
            if (scheme == Scheme.EULER) euler(i, dt, iStart[i]);
            else rk4(i, dt, h, sixth, iStart[i], iMid[i], iEnd[i]);
            if (!IzhikevichKernel.finite(v[i], u[i])) nonFinite(i);
            if (m.crossed(v[i], u[i])) {
                spikes.add(i);
                peak[i] = m.peakAt(u[i]);
                v[i] = m.resetV(u[i]);
                u[i] = m.resetU(u[i]);
            }
        }
    }

    private void euler(int i, double dt, double current) {
        final double vi = v[i], ui = u[i];
        final double vn = vi + dt * (m.k() * (vi - m.vr()) * (vi - m.vt()) - ui + current) / m.C();
        final double un;
        if (m.rule() == CellRule.FS) {
            un = vn < Izhikevich2007Model.FS_VB
                    ? ui + dt * m.a() * (0 - ui)
                    : ui + dt * m.a() * ((Izhikevich2007Model.FS_CUBIC * Izhikevich2007Model.cube(vi - Izhikevich2007Model.FS_VB)) - ui);
        } else {
            un = ui + dt * m.a() * (m.bAt(vn) * (vi - m.vr()) - ui);
        }
        v[i] = vn;
        u[i] = un;
    }

    private void rk4(int i, double dt, double h, double sixth, double i0, double iHalf, double i1) {
        final double vi = v[i], ui = u[i];
        double v1 = m.dv(vi, ui, i0), u1 = m.du(vi, ui);
        double va = vi + h * v1, ua = ui + h * u1;
        double v2 = m.dv(va, ua, iHalf), u2 = m.du(va, ua);
        double vb = vi + h * v2, ub = ui + h * u2;
        double v3 = m.dv(vb, ub, iHalf), u3 = m.du(vb, ub);
        double vc = vi + dt * v3, uc = ui + dt * u3;
        double v4 = m.dv(vc, uc, i1), u4 = m.du(vc, uc);
        v[i] = vi + sixth * (v1 + 2 * v2 + 2 * v3 + v4);
        u[i] = ui + sixth * (u1 + 2 * u2 + 2 * u3 + u4);
    }

    /** Both schemes test after the update: nothing to do at the start of a step. */
    @Override
    public void detectAndReset(int from, int to, long step, SpikeList spikes) {
    }

    /** The model has no refractory period: the same as {@link #step(int, int, double, double[], double[], double[], SpikeList)}. */
    @Override
    public void step(int from, int to, long step, double dt, double[] iStart, double[] iMid, double[] iEnd, SpikeList spikes) {
        step(from, to, dt, iStart, iMid, iEnd, spikes);
    }

    @Override
    public int firstNonFinite() {
        return nonFiniteNeuron;
    }

    @Override
    public double drawnPeak(int i) {
        return peak[i];
    }

    private synchronized void nonFinite(int neuron) {
        if (nonFiniteNeuron < 0 || neuron < nonFiniteNeuron) nonFiniteNeuron = neuron;
    }
}
