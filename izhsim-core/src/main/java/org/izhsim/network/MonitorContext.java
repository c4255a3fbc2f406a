package org.izhsim.network;

/** What a {@link Monitor.Session} may see of the running simulation. */
public interface MonitorContext {
    Network network();

    /** Step length [ms]. */
    double dt();

    /** Global index of the group's first neuron (groups are laid out in declaration order). */
    int offset(NeuronGroup group);

    /** The global neuron range [ownedFrom, ownedTo) this rank simulates. */
    int ownedFrom();

    int ownedTo();

    /** The live membrane potentials of the group [mV] (read only; valid for owned neurons). */
    double[] v(NeuronGroup group);

    /** The live recovery variables of the group. */
    double[] u(NeuronGroup group);

    /** Steps completed so far (the next step to run). */
    long stepsDone();

    /** The total input current I used in the last step of each neuron of the group. */
    double[] current(NeuronGroup group);

    /**
     * The live vector {@code name} of the group (read only; valid for owned neurons): its model's
     * state variables and parameters (v, u, a, b, c, d for the 2003 model, v and u for the 2007
     * model, an equation model's own names), {@code I} and its synaptic part {@code I_syn}.
     *
     * @throws IllegalArgumentException naming the group's variables if it has none of that name
     */
    double[] vector(NeuronGroup group, String name);
}
