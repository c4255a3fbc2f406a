package org.izhsim.model;

/**
 * A published neuron with its protocol: parameters, initial state, step, duration and input.
 *
 * @param id       short name used on the command line (RS, TC-burst, A … T)
 * @param name     descriptive name ("tonic spiking")
 * @param family   which publication it reproduces
 * @param model    the equations (panels G, L and R use variants)
 * @param params   a, b, c, d
 * @param v0       initial v [mV]
 * @param u0       initial u (b·v0 except panel R)
 * @param dt       published step [ms]
 * @param duration published duration [ms]
 * @param current  the input protocol I(t) as a current expression (t in ms)
 * @param source   where the protocol comes from
 */
public record Preset(String id, String name, Family family, IzhikevichModel model, NeuronParams params,
                     double v0, double u0, double dt, double duration, String current, String source) {

    /** The publication a preset reproduces. */
    public enum Family {
        /** The neuron classes of Izhikevich 2003, Fig. 2 (protocols from OpenSourceBrain's izhi2003.m). */
        CLASSES_2003,
        /** The 20 panels A–T of Izhikevich 2004, Fig. 1 ({@code figure1.m}). */
        PANELS_2004
    }

    /** "(A) tonic spiking" for panels, "RS: regular spiking" for classes. */
    public String title() {
        return family == Family.PANELS_2004 ? "(" + id + ") " + name : id + ": " + name;
    }
}
