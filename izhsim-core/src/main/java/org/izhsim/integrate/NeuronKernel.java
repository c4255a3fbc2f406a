package org.izhsim.integrate;

/**
 * What a driver needs from an array kernel that advances neurons of one model under one
 * {@link Scheme}: the optional start-of-step cut-off, the step itself, the blow-up flag, and
 * the height a spike is drawn at. {@link IzhikevichKernel} (2003 model) and
 * {@link Izhikevich2007Kernel} (2007 model) implement it, so one single-neuron driver
 * ({@code NeuronSimulator}) serves both. Methods touch only neurons [from, to).
 */
public interface NeuronKernel {
    Scheme scheme();

    /** The start-of-step cut-off, for schemes whose {@link Scheme#cutoffBeforeUpdate()} is true. */
    void detectAndReset(int from, int to, SpikeList spikes);

    /**
     * Advances neurons [from, to) by one step of dt with the current at the start, mid-point
     * and end of the step, appending those that crossed the cut-off to {@code spikes}.
     */
    void step(int from, int to, double dt, double[] iStart, double[] iMid, double[] iEnd, SpikeList spikes);

    /** The lowest-index neuron seen with a non-finite v or u since the last clear, or −1. */
    int firstNonFinite();

    /** The v [mV] at which neuron i's latest spike is drawn (the published figures' padding). */
    double drawnPeak(int i);
}
