package org.izhsim.integrate;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The named numerical schemes. Each fixes the update order, the cut-off test and the time a
 * spike is stamped with; every output records which one produced it. Time is always
 * t_k = k·dt, never summed.
 *
 * <p>Within one step k (the current is held at its value for the step):
 * <ul>
 *   <li>{@link #FIGURE1}: Izhikevich's 2004 harness ({@code figure1.m}). One Euler step of v from
 *       the old v and u, then one Euler step of u from the <em>new</em> v, then the strict test
 *       {@code v > vPeak}; a spike is stamped t_k.</li>
 *   <li>{@link #NETM}: Izhikevich's 2003 network ({@code net.m}). First the test
 *       {@code v >= vPeak} on the v left by step k−1 and the reset (a spike is stamped t_k and
 *       its synaptic input acts in this same step), then two Euler half-steps of dt/2 for v with
 *       the same u and I, then one step of u from the new v.</li>
 *   <li>{@link #EULER}: plain forward Euler, v and u both from the old values (Brian2's
 *       {@code euler}, NEST's default); then {@code v >= vPeak}; a spike is stamped t_k, the
 *       step whose update crossed (Brian2's convention).</li>
 *   <li>{@link #RK4}: classical fourth-order Runge–Kutta for the subthreshold dynamics, with the
 *       current evaluated at t_k, t_k + dt/2 and t_k + dt; same test and stamp as EULER.</li>
 * </ul>
 */
public enum Scheme {
    FIGURE1("figure1", "Izhikevich 2004 figure1.m: Euler v, then u from new v, spike if v > 30 after the update",
            true, false),
    NETM("netm", "Izhikevich 2003 net.m: spike if v >= 30 at step start, two dt/2 Euler steps for v, u from new v",
            false, true),
    EULER("euler", "forward Euler, v and u from old values (Brian2 euler), spike if v >= 30 after the update",
            false, false),
    RK4("rk4", "classical Runge-Kutta 4 for the subthreshold dynamics, spike if v >= 30 after the update",
            false, false);

    private final String id;
    private final String description;
    private final boolean strictCutoff;
    private final boolean cutoffBeforeUpdate;

    Scheme(String id, String description, boolean strictCutoff, boolean cutoffBeforeUpdate) {
        this.id = id;
        this.description = description;
        this.strictCutoff = strictCutoff;
        this.cutoffBeforeUpdate = cutoffBeforeUpdate;
    }

    /** The name used on the command line and in every output. */
    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** True if the cut-off test is {@code v > vPeak}, false if {@code v >= vPeak}. */
    public boolean strictCutoff() {
        return strictCutoff;
    }

    /** True if the cut-off is tested at the start of the step, before the update (net.m). */
    public boolean cutoffBeforeUpdate() {
        return cutoffBeforeUpdate;
    }

    /** True if the scheme needs the current at the mid-point and end of the step. */
    public boolean usesStageCurrents() {
        return this == RK4;
    }

    /** The scheme with this id (case-insensitive); the error lists the known ones. */
    public static Scheme byId(String id) {
        for (Scheme s : values()) {
            if (s.id.equalsIgnoreCase(id.trim())) return s;
        }
        throw new IllegalArgumentException("unknown scheme '" + id + "'; known: " + knownIds());
    }

    /** "figure1, netm, euler, rk4". */
    public static String knownIds() {
        return Arrays.stream(values()).map(Scheme::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id.toLowerCase(Locale.ROOT);
    }
}
