package org.izhsim.neuron;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.izhsim.model.Izhikevich2007Model;
import org.izhsim.model.IzhikevichModel;
import org.izhsim.model.Recovery;

/**
 * What a v–u phase plane of a single-neuron run shows, as plain arrays: the trajectory and both
 * nullclines for one input current. The CLI's figures and the browser explorer draw the same
 * curves from here.
 *
 * @param trajectoryV v of each sample [mV]
 * @param trajectoryU u of each sample, before the spike increment d (see {@link #uBeforeReset})
 * @param current     the current I the v-nullcline is drawn for
 * @param vNullV      v of the v-nullcline points [mV], −90 … 40 in 0.5 mV steps
 * @param vNullU      u = k2·v² + k1·v + k0 + I at those points (2007: u = k(v − vr)(v − vt) + I [pA])
 * @param uNullV      v of the u-nullcline's points [mV]: its two end points for a straight line (the
 *                    same v twice for a vertical one), a sampled curve where it bends (2007 FS, TC, RTN)
 * @param uNullU      u at those end points
 * @param uNullLabel  the u-nullcline's equation, e.g. "u = bv" or "v = -65"
 */
public record PhasePlane(double[] trajectoryV, double[] trajectoryU, double current, double[] vNullV, double[] vNullU,
                         double[] uNullV, double[] uNullU, String uNullLabel) {

    /** Left and right edge of the nullclines [mV]: the rest state, resets and the peak (+30) in view. */
    public static final double V_MIN = -90, V_MAX = 40;

    /** The plane of a run with the nullclines drawn for the current held longest ({@link #prevailing}). */
    public static PhasePlane of(NeuronSpec spec, NeuronTrace tr) {
        return of(spec, tr, prevailing(tr.current()));
    }

    /** The plane of a run of either model with the v-nullcline drawn for {@code current}. */
    public static PhasePlane of(NeuronSpec spec, NeuronTrace tr, double current) {
        return switch (spec) {
            case NeuronSetup s -> of(s, tr, current);
            case Neuron2007Setup s -> of2007(s.model(), tr, current);
            default -> throw new IllegalArgumentException("no phase plane for " + spec.modelName());
        };
    }

    /**
     * The 2007 model's plane. The book's recording already shows the peak (old u) and then the
     * reset (new u), so the trajectory is drawn as recorded; the v range reaches past the cell's
     * vpeak so that IB's 50 mV stays in view.
     */
    private static PhasePlane of2007(Izhikevich2007Model m, NeuronTrace tr, double current) {
        double vMax = Math.max(V_MAX, Math.ceil(m.vpeak() / 10) * 10 + 10);
        double[][] vn = sample(v -> m.vNullcline(v, current), vMax), un = sample(m::uNullcline, vMax);
        String label = m.rule() == Izhikevich2007Model.CellRule.FS ? "u = U(v)" : "u = b(v - vr)";
        return new PhasePlane(tr.v(), tr.u(), current, vn[0], vn[1], un[0], un[1], label);
    }

    /** u = f(v) every 0.5 mV from {@link #V_MIN} to {@code vMax}. */
    private static double[][] sample(DoubleUnaryOperator f, double vMax) {
        int n = (int) Math.round((vMax - V_MIN) / 0.5) + 1;
        double[] v = new double[n], u = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = V_MIN + i * 0.5;
            u[i] = f.applyAsDouble(v[i]);
        }
        return new double[][] {v, u};
    }

    /** The plane of a run with the v-nullcline drawn for {@code current}. */
    public static PhasePlane of(NeuronSetup s, NeuronTrace tr, double current) {
        IzhikevichModel model = s.model();
        double[][] vNull = sample(v -> model.vNullcline(v, current), V_MAX);
        double[] vv = vNull[0], vu = vNull[1];
        double[] u = uBeforeReset(s, tr);
        double[] uv, uu;
        String label;
        if (model.recovery() == Recovery.ACCOMMODATION) {
            double lo = Arrays.stream(tr.u()).min().orElse(-20) - 10, hi = Arrays.stream(tr.u()).max().orElse(20) + 10;
            double vn = IzhikevichModel.accommodationNullclineV();
            uv = new double[] {vn, vn};
            uu = new double[] {lo, hi};
            label = "v = -65";
        } else {
            uv = new double[] {V_MIN, V_MAX};
            uu = new double[] {model.uNullcline(V_MIN, s.params()), model.uNullcline(V_MAX, s.params())};
            label = "u = bv";
        }
        return new PhasePlane(tr.v(), u, current, vv, vu, uv, uu, label);
    }

    /**
     * u as the trajectory passes through each spike: figure1.m records the peak v with the u
     * already incremented by d, which would draw the upstroke as a jump in u; the phase plane
     * shows u before the increment, so the reset appears as its own segment.
     */
    public static double[] uBeforeReset(NeuronSetup s, NeuronTrace tr) {
        double[] u = tr.u().clone();
        if (s.scheme().cutoffBeforeUpdate()) return u;
        for (double t : tr.spikeTimes()) {
            int k = (int) Math.round(t / tr.dt());
            u[k] -= s.params().d();
        }
        return u;
    }

    /** The current value held for the most steps: the phase plane's nullclines are drawn for it. */
    public static double prevailing(double[] current) {
        double[] sorted = current.clone();
        Arrays.sort(sorted);
        double best = sorted[0];
        int bestRun = 0;
        for (int i = 0, run = 0; i < sorted.length; i++) {
            run = i > 0 && sorted[i] == sorted[i - 1] ? run + 1 : 1;
            if (run > bestRun) {
                bestRun = run;
                best = sorted[i];
            }
        }
        return best;
    }
}
