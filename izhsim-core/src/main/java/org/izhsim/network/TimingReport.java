package org.izhsim.network;

import java.util.Locale;

/**
 * What a simulation cost so far.
 *
 * @param buildSeconds  building the network: state, parameters, synapse matrices [s]
 * @param runSeconds    wall time inside {@code run} calls [s]
 * @param steps         steps simulated
 * @param neurons       neurons simulated by this rank
 * @param synapses      synapses held by this rank
 * @param spikes        spikes of this rank
 * @param events        synaptic events delivered (one per synapse per presynaptic spike; Brian2's
 *                      up/down formulation processes two per spike)
 * @param threads       worker threads
 */
public record TimingReport(double buildSeconds, double runSeconds, long steps, int neurons, long synapses,
                           long spikes, long events, int threads) {
    /** Synaptic events per second of run time. */
    public double eventsPerSecond() {
        return runSeconds > 0 ? events / runSeconds : Double.NaN;
    }

    /** Neuron updates per second of run time. */
    public double neuronStepsPerSecond() {
        return runSeconds > 0 ? (double) neurons * steps / runSeconds : Double.NaN;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT,
                "build_s=%.4f run_s=%.4f steps=%d neurons=%d synapses=%d spikes=%d events=%d events/s=%.3e neuron-steps/s=%.3e threads=%d",
                buildSeconds, runSeconds, steps, neurons, synapses, spikes, events, eventsPerSecond(), neuronStepsPerSecond(), threads);
    }
}
