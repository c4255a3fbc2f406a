package org.izhsim.model;

import java.util.Locale;

/**
 * The Izhikevich (2007) dimensional simple model of <i>Dynamical Systems in Neuroscience</i>,
 * ch. 8:
 *
 * <pre>
 *   C·v' = k·(v − vr)·(v − vt) − u + I         [pF·mV/ms = pA]
 *   u'   = a·(b·(v − vr) − u)                   [pA/ms]
 *   if v reaches vpeak:  v ← c,  u ← u + d
 * </pre>
 *
 * <table>
 *   <caption>Parameters and units</caption>
 *   <tr><th>name</th><th>unit</th><th>meaning</th></tr>
 *   <tr><td>C</td><td>pF</td><td>membrane capacitance</td></tr>
 *   <tr><td>k</td><td>nS/mV</td><td>gain of the quadratic current</td></tr>
 *   <tr><td>vr</td><td>mV</td><td>resting potential</td></tr>
 *   <tr><td>vt</td><td>mV</td><td>instantaneous threshold potential</td></tr>
 *   <tr><td>vpeak</td><td>mV</td><td>spike cut-off (not a threshold; it shapes the after-spike dynamics)</td></tr>
 *   <tr><td>a</td><td>1/ms</td><td>recovery rate</td></tr>
 *   <tr><td>b</td><td>nS</td><td>recovery sensitivity to v − vr</td></tr>
 *   <tr><td>c</td><td>mV</td><td>reset of v</td></tr>
 *   <tr><td>d</td><td>pA</td><td>increment of u at a spike</td></tr>
 * </table>
 * v in mV, t in ms, u and I in pA (pA/pF = mV/ms).
 *
 * <p>Four of the book's cells add a rule of their own ({@link CellRule}): LTS and TC move vpeak
 * and c with u, FS replaces b·(v − vr) by a cubic U(v), TC and RTN switch b with v. The
 * rules are those of OpenSourceBrain's {@code izhi2007.m} (docs/reference/izhikevich-2007.md §2),
 * which reconstructs the book's figures.
 *
 * <p>Cut-off test: the book program tests {@code v >= vpeak}; OSB's LTS and TC branches and
 * NeuroML's {@code izhikevich2007Cell} test {@code v > vpeak} ({@link #strictCutoff()}).
 *
 * <p>Numerics: the book integrates with forward Euler, v and u both from the old values
 * ({@code Scheme.EULER}); {@code Izhikevich2007Kernel} also offers RK4 on the same vector
 * field. References: Izhikevich E.M. (2007) <i>Dynamical Systems in Neuroscience</i>, MIT
 * Press, ch. 8; OpenSourceBrain/IzhikevichModel {@code MATLAB/izhi2007.m}; NeuroML2
 * {@code Cells.xml} {@code izhikevich2007Cell}.
 *
 * @param name         short name used in reports
 * @param C            capacitance [pF]
 * @param k            [nS/mV]
 * @param vr           resting potential [mV]
 * @param vt           threshold potential [mV]
 * @param vpeak        cut-off [mV] (LTS: 40 − 0.1·u, TC: 35 + 0.1·u via the rule)
 * @param a            [1/ms]
 * @param b            [nS] (TC, RTN: the value above −65 mV comes from the rule)
 * @param c            reset [mV]
 * @param d            u increment [pA]
 * @param rule         the cell's extra rule
 * @param strictCutoff true for {@code v > vpeak}, false for {@code v >= vpeak}
 */
public record Izhikevich2007Model(String name, double C, double k, double vr, double vt, double vpeak,
                                  double a, double b, double c, double d, CellRule rule, boolean strictCutoff) {

    /** The extra rules of the book's cells (docs/reference/izhikevich-2007.md §2), as OSB's izhi2007.m has them. */
    public enum CellRule {
        /** The plain model (RS, IB, CH and imported NeuroML cells). */
        NONE(""),
        /** Cut-off at vpeak − 0.1·u, reset v ← c + 0.04·u, u ← min(u + d, 670 pA); u the updated value. */
        LTS("cut-off at vpeak - 0.1u, reset v <- c + 0.04u, u <- min(u + d, 670 pA)"),
        /** u' = a·(U(v) − u) with U(v) = 0 below vb = −55 mV and 0.025·(v − vb)³ above; u is not incremented. */
        FS("u' = a(U(v) - u), U(v) = 0 below -55 mV and 0.025(v + 55)^3 above; b and d unused"),
        /** b = 15 nS if v ≤ −65 mV else 0; cut-off at vpeak + 0.1·u, reset v ← c − 0.1·u, then u ← u + d. */
        TC("b as set at v <= -65 mV, 0 above; cut-off at vpeak + 0.1u, reset v <- c - 0.1u"),
        /** b = 10 nS if v ≤ −65 mV else 2 nS. */
        RTN("b as set at v <= -65 mV, 2 nS above");

        private final String description;

        CellRule(String description) {
            this.description = description;
        }

        /** The rule in one plain-text line for reports and the explorer ("" for {@link #NONE}). */
        public String description() {
            return description;
        }
    }

    /** FS: the v below which U(v) = 0 [mV] (OSB stores it in the d slot). */
    public static final double FS_VB = -55;
    /** FS: coefficient of the cubic U(v) [pA/mV³]. */
    public static final double FS_CUBIC = 0.025;
    /** LTS: the cap on u after a spike [pA]. */
    public static final double LTS_U_CAP = 670;
    /** TC and RTN: b switches at this v [mV]. */
    public static final double SWITCH_V = -65;

    public Izhikevich2007Model {
        Checks.positive("C", C);
        Checks.finite("k", k);
        Checks.finite("vr", vr);
        Checks.finite("vt", vt);
        Checks.finite("vpeak", vpeak);
        Checks.finite("a", a);
        Checks.finite("b", b);
        Checks.finite("c", c);
        Checks.finite("d", d);
        if (rule == null) throw new IllegalArgumentException("rule must not be null");
    }

    /** The plain model with the book's {@code v >= vpeak} test. */
    public static Izhikevich2007Model of(String name, double C, double k, double vr, double vt, double vpeak,
                                         double a, double b, double c, double d) {
        return new Izhikevich2007Model(name, C, k, vr, vt, vpeak, a, b, c, d, CellRule.NONE, false);
    }

    /** dv/dt at (v, u, I) [mV/ms], written as the book writes it. */
    public double dv(double v, double u, double current) {
        return (k * (v - vr) * (v - vt) - u + current) / C;
    }

    /** b at this v [nS]: switched for TC and RTN, the constant b otherwise. */
    public double bAt(double v) {
        return switch (rule) {
            case TC -> v > SWITCH_V ? 0 : b;
            case RTN -> v > SWITCH_V ? 2 : b;
            default -> b;
        };
    }

    /** The u-nullcline u = b·(v − vr), or U(v) for FS [pA]. */
    public double uNullcline(double v) {
        if (rule == CellRule.FS) return v < FS_VB ? 0 : FS_CUBIC * cube(v - FS_VB);
        return bAt(v) * (v - vr);
    }

    /** du/dt at (v, u) [pA/ms], every rule tested on this same v (the form RK4 integrates). */
    public double du(double v, double u) {
        return a * (uNullcline(v) - u);
    }

    /** The v-nullcline u = k·(v − vr)·(v − vt) + I [pA]. */
    public double vNullcline(double v, double current) {
        return k * (v - vr) * (v - vt) + current;
    }

    /** The cut-off for this (updated) u [mV]. */
    public double peakAt(double u) {
        return switch (rule) {
            case LTS -> vpeak - 0.1 * u;
            case TC -> vpeak + 0.1 * u;
            default -> vpeak;
        };
    }

    /** True if v has reached the cut-off for this u. */
    public boolean crossed(double v, double u) {
        double peak = peakAt(u);
        return strictCutoff ? v > peak : v >= peak;
    }

    /** v after the reset, from the u before its increment [mV]. */
    public double resetV(double u) {
        return switch (rule) {
            case LTS -> c + 0.04 * u;
            case TC -> c - 0.1 * u;
            default -> c;
        };
    }

    /** u after the reset [pA]. */
    public double resetU(double u) {
        return switch (rule) {
            case LTS -> Math.min(u + d, LTS_U_CAP);
            case FS -> u;
            default -> u + d;
        };
    }

    /** The same cell under another name. */
    public Izhikevich2007Model named(String newName) {
        return new Izhikevich2007Model(newName, C, k, vr, vt, vpeak, a, b, c, d, rule, strictCutoff);
    }

    /** A one-line description of the equations, for reports and figure titles. */
    public String equations() {
        String base = String.format(Locale.ROOT,
                "%s*v' = %s*(v - %s)*(v - %s) - u + I; u' = %s*(%s*(v - %s) - u); spike at v %s %s: v <- %s, u <- u + %s",
                num(C), num(k), num(vr), num(vt), num(a), num(b), num(vr), strictCutoff ? ">" : ">=", num(vpeak), num(c),
                num(d));
        return rule == CellRule.NONE ? base : base + "; rule " + rule + " (reference 5.2)";
    }

    /** A number as expression text: whole numbers without ".0". */
    static String num(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }

    /** x³, as x·x·x. */
    public static double cube(double x) {
        return x * x * x;
    }
}
