package org.izhsim.integrate;

/**
 * The one interface through which every neuron model is advanced, in a single-neuron run and in
 * a network alike: the built-in 2003 model ({@link IzhikevichKernel}), the 2007 dimensional
 * model ({@link Izhikevich2007Kernel}) and compiled equation models
 * ({@code org.izhsim.equations.EquationKernel}). A kernel holds references to its state and
 * parameter arrays (structure of arrays, one entry per neuron) and writes them in place; each
 * method touches only neurons [from, to), so disjoint ranges may be advanced concurrently.
 *
 * <p>Per step k a driver calls, in this order: {@link #detectAndReset} if the scheme tests
 * before the update ({@link Scheme#cutoffBeforeUpdate()}, net.m), then {@link #step}. The step
 * index is passed so that a model with a refractory period can tell how long ago a neuron fired;
 * the built-in models ignore it. A network calls these once per block of neurons, never per
 * neuron, so one call site may see several kernel classes at no measurable cost.
 */
public interface NeuronKernel {
    /** The start-of-step cut-off of step {@code step}, for schemes that test before the update. */
    void detectAndReset(int from, int to, long step, SpikeList spikes);

    /**
     * Advances neurons [from, to) from t = step·dt by dt, with the input current at the start,
     * the mid-point and the end of the step (only rk4 reads the last two), appending those that
     * crossed the cut-off to {@code spikes} (ascending) and resetting them.
     */
    void step(int from, int to, long step, double dt, double[] iStart, double[] iMid, double[] iEnd, SpikeList spikes);

    /** The lowest-index neuron seen with a non-finite state, or −1. */
    int firstNonFinite();

    /**
     * The v [mV] at which neuron i's latest spike is drawn (the published figures pad the sample
     * of a spike with the cut-off), or NaN where the kernel does not know it (an equation model's
     * single-neuron run finds it from the model's threshold instead).
     */
    default double drawnPeak(int i) {
        return Double.NaN;
    }
}
