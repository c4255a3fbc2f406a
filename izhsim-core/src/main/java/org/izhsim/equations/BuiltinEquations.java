package org.izhsim.equations;

import org.izhsim.integrate.Scheme;
import org.izhsim.model.IzhikevichModel;
import org.izhsim.model.Recovery;

/**
 * The built-in Izhikevich models written as equation files, operation for operation as
 * {@code IzhikevichKernel} computes them, so that one FLOP counter serves both kinds of model
 * and tests can demand identical spikes from the two. Parameters a, b, c, d are per neuron;
 * the threshold is strict ({@code v > 30}) for figure1 and {@code v >= 30} otherwise, as the
 * schemes define the built-in cut-off.
 */
public final class BuiltinEquations {
    private BuiltinEquations() {}

    /** The model file text for a built-in model under a scheme. */
    public static String text(IzhikevichModel model, Scheme scheme) {
        String recovery = model.recovery() == Recovery.STANDARD ? "a*(b*v - u)" : "a*(b*(v + 65))";
        return "# " + model.name() + " (" + model.equations() + ")\n"
                + "dv/dt = (" + model.k2() + "*v**2 + " + model.k1() + "*v + " + model.k0() + " - u + I)/ms : 1\n"
                + "du/dt = " + recovery + "/ms : 1\n"
                + "a : 1\nb : 1\nc : 1\nd : 1\nI : 1\n"
                + "threshold: v " + (scheme.strictCutoff() ? ">" : ">=") + " " + model.vPeak() + "\n"
                + "reset: v = c; u += d\n";
    }

    /** The parsed model of {@link #text}. */
    public static EquationModel model(IzhikevichModel model, Scheme scheme) {
        return EquationModel.parse(text(model, scheme), model.name() + ".eqs");
    }
}
