package org.izhsim.neuron;

import java.util.Arrays;
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
 * @param vNullU      u = k2·v² + k1·v + k0 + I at those points
 * @param uNullV      v of the u-nullcline's two end points [mV] (the same v twice for a vertical line)
 * @param uNullU      u at those end points
 * @param uNullLabel  the u-nullcline's equation, e.g. "u = bv" or "v = -65"
 */
public record PhasePlane(double[] trajectoryV, double[] trajectoryU, double current, double[] vNullV, double[] vNullU,
                         double[] uNullV, double[] uNullU, String uNullLabel) {

    /** Left and right edge of the nullclines [mV]: the rest state, resets and the peak (+30) in view. */
    public static final double V_MIN = -90, V_MAX = 40;

    /** The plane of a run with the nullclines drawn for the current held longest ({@link #prevailing}). */
    public static PhasePlane of(NeuronSetup s, NeuronTrace tr) {
        return of(s, tr, prevailing(tr.current()));
    }

    /** The plane of a run with the v-nullcline drawn for {@code current}. */
    public static PhasePlane of(NeuronSetup s, NeuronTrace tr, double current) {
        IzhikevichModel model = s.model();
        int n = 261;
        double[] vv = new double[n], vu = new double[n];
        for (int i = 0; i < n; i++) {
            vv[i] = V_MIN + i * 0.5;
            vu[i] = model.vNullcline(vv[i], current);
        }
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
