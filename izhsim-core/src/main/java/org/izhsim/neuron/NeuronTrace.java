package org.izhsim.neuron;

import org.izhsim.integrate.Scheme;

/**
 * The result of a single-neuron run: one sample per step k = 0 … K (K = duration/dt), as
 * figure1.m records them. Sample k holds t_k = k·dt, the current used in step k and the state
 * after step k; a step that ends in a spike records v = vPeak (the published traces draw every
 * spike to +30), and for net.m's scheme a v at or above vPeak awaiting next step's cut-off is
 * likewise drawn as vPeak.
 *
 * @param scheme     the scheme that produced it
 * @param dt         step [ms]
 * @param duration   simulated time [ms]
 * @param t          sample times [ms]
 * @param v          membrane potential [mV]
 * @param u          recovery variable
 * @param current    input current used in each step
 * @param spikeTimes spike times [ms], each a grid time t_k
 */
public record NeuronTrace(Scheme scheme, double dt, double duration, double[] t, double[] v, double[] u,
                          double[] current, double[] spikeTimes) {

    public int spikeCount() {
        return spikeTimes.length;
    }

    /** Mean firing rate over the run [Hz]: spikes / duration. */
    public double rateHz() {
        return spikeTimes.length / (duration / 1000.0);
    }

    public int samples() {
        return t.length;
    }
}
