package org.izhsim.model;

/**
 * The Izhikevich (2003) simple model in the generalized form that Izhikevich's
 * {@code figure1.m} needs:
 *
 * <pre>
 *   v' = k2·v² + k1·v + k0 − u + I          [mV/ms]
 *   u' = a·(b·v − u)        (STANDARD)       or   u' = a·b·(v + 65)   (ACCOMMODATION)
 *   if v reaches vPeak:  v ← c,  u ← u + d
 * </pre>
 *
 * <p>v is in mV, t in ms; u and I are in the model's dimensionless current units (mV/ms).
 * The standard model has k2 = 0.04, k1 = 5, k0 = 140 and vPeak = 30 mV; panels G and L of the
 * 2004 paper use 0.04, 4.1, 108; panel R uses the accommodation recovery. vPeak is the spike
 * cut-off (apex), not a threshold: the effective threshold lies near −55 to −40 mV.
 *
 * <p>Whether the cut-off test is strict ({@code v > vPeak}, figure1.m) or not ({@code v >= vPeak},
 * net.m, Brian2, NEST) is part of the scheme, not the model: see {@code Scheme}.
 *
 * @param name     short name used in reports
 * @param k2       quadratic coefficient [1/(mV·ms)]
 * @param k1       linear coefficient [1/ms]
 * @param k0       constant term [mV/ms]
 * @param recovery the recovery equation
 * @param vPeak    spike cut-off [mV]
 */
public record IzhikevichModel(String name, double k2, double k1, double k0, Recovery recovery, double vPeak) {

    /** The 2003 model: v' = 0.04v² + 5v + 140 − u + I, u' = a(bv − u), cut-off 30 mV. */
    public static final IzhikevichModel STANDARD =
            new IzhikevichModel("izh2003", 0.04, 5, 140, Recovery.STANDARD, 30);

    /** Panels G and L of figure1.m: v' = 0.04v² + 4.1v + 108 − u + I. */
    public static final IzhikevichModel CLASS1_VARIANT =
            new IzhikevichModel("izh2003-4.1v+108", 0.04, 4.1, 108, Recovery.STANDARD, 30);

    /** Panel R of figure1.m: u' = a·b·(v + 65). */
    public static final IzhikevichModel ACCOMMODATION =
            new IzhikevichModel("izh2003-accommodation", 0.04, 5, 140, Recovery.ACCOMMODATION, 30);

    public IzhikevichModel {
        Checks.finite("k2", k2);
        Checks.finite("k1", k1);
        Checks.finite("k0", k0);
        Checks.finite("vPeak", vPeak);
        if (recovery == null) throw new IllegalArgumentException("recovery must not be null");
    }

    /** dv/dt at (v, u, I) [mV/ms], evaluated in the order figure1.m writes it. */
    public double dv(double v, double u, double current) {
        return k2 * (v * v) + k1 * v + k0 - u + current;
    }

    /** du/dt at (v, u) for the given parameters. */
    public double du(double v, double u, NeuronParams p) {
        return recovery == Recovery.STANDARD ? p.a() * (p.b() * v - u) : p.a() * (p.b() * (v + 65));
    }

    /** The v-nullcline u = k2·v² + k1·v + k0 + I (where v' = 0). */
    public double vNullcline(double v, double current) {
        return k2 * (v * v) + k1 * v + k0 + current;
    }

    /**
     * The u-nullcline (where u' = 0): u = b·v for the standard recovery. For the accommodation
     * form u' vanishes on the vertical line v = −65, which this method cannot express as u(v);
     * it returns NaN there and callers draw the line from {@link #accommodationNullclineV()}.
     */
    public double uNullcline(double v, NeuronParams p) {
        return recovery == Recovery.STANDARD ? p.b() * v : Double.NaN;
    }

    /** The v of the vertical u-nullcline of the accommodation form [mV]. */
    public static double accommodationNullclineV() {
        return -65;
    }

    /** A one-line description of the equations, for reports and figure titles. */
    public String equations() {
        return "v' = " + k2 + "v^2 + " + k1 + "v + " + k0 + " - u + I; " + recovery.equation()
                + "; spike at v = " + vPeak + ": v <- c, u <- u + d";
    }
}
