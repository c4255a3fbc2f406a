package org.izhsim.integrate;

/**
 * Floating-point operations per neuron per step of the built-in kernels, counted by hand from
 * {@link IzhikevichKernel} and {@link Izhikevich2007Kernel}: additions, subtractions,
 * multiplications and divisions; comparisons, the reset (once per spike) and loop overhead are
 * not counted. FLOPs per ms of simulated time are these divided by dt. This is the one table
 * to replace when an automatic FLOP counter for compiled equations is available.
 *
 * <table>
 *   <caption>FLOPs per step (standard recovery; plain 2007 cell)</caption>
 *   <tr><th>scheme</th><th>izh2003</th><th>izh2007</th><th>count</th></tr>
 *   <tr><td>figure1</td><td>14</td><td>—</td><td>v: the slope k2·(v·v) + k1·v + k0 − u + I (7), dt·, +
 *       (9); u: b·v, −u, dt·a, ·, + (5)</td></tr>
 *   <tr><td>netm</td><td>23</td><td>—</td><td>two v half-steps (9 each) and the u step (5)</td></tr>
 *   <tr><td>euler</td><td>14</td><td>15</td><td>2003: dv 7, du 3, two updates 2 each; 2007: v 9
 *       (v−vr, v−vt, k·, ·, −u, +I, dt·, /C, +), u 6 (v−vr, b·, −u, dt·a, ·, +)</td></tr>
 *   <tr><td>rk4</td><td>66</td><td>70</td><td>four slopes (2003: 7 + 3; 2007: 7 + 4), three stage
 *       states (2 × 2 each), the weighted sums (7 each for v and u; dt/2 and dt/6 once per call)</td></tr>
 * </table>
 * For comparison, Izhikevich (2004, Fig. 2) quotes 13 FLOPs per 1 ms for his model (reference
 * §6, recalled, not machine-checked).
 */
public final class KernelCost {
    private KernelCost() {}

    /**
     * FLOPs per neuron per step.
     *
     * @param dimensional true for the 2007 model, false for the 2003 model
     */
    public static int flopsPerStep(Scheme scheme, boolean dimensional) {
        if (dimensional) {
            return switch (scheme) {
                case EULER -> 15;
                case RK4 -> 70;
                default -> throw new IllegalArgumentException("no " + scheme.id() + " kernel for the 2007 model");
            };
        }
        return switch (scheme) {
            case FIGURE1 -> 14;
            case NETM -> 23;
            case EULER -> 14;
            case RK4 -> 66;
        };
    }
}
