package org.izhsim.model;

/**
 * The four parameters of one Izhikevich neuron.
 *
 * @param a time scale of the recovery variable u [1/ms]; smaller is slower recovery
 * @param b sensitivity of u to subthreshold v [1]
 * @param c after-spike reset value of v [mV]
 * @param d after-spike increment of u
 */
public record NeuronParams(double a, double b, double c, double d) {
    public NeuronParams {
        Checks.finite("a", a);
        Checks.finite("b", b);
        Checks.finite("c", c);
        Checks.finite("d", d);
    }
}
