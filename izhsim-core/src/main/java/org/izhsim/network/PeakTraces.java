package org.izhsim.network;

import org.izhsim.integrate.Scheme;

/** How a recorded network trace is drawn: every spike reaching the peak, as the papers' figures show. */
public final class PeakTraces {
    private PeakTraces() {}

    /**
     * The trace of {@code neuron} with each spike drawn to {@code peak} mV, as in the 2003 paper's
     * Fig. 3. Under netm the recorded v of a spiking neuron is still above the peak (the cut-off
     * comes next step); under the other schemes it is already reset, so the spike's own step is
     * set to the peak.
     *
     * @param v      v of the neuron, one sample per step from step 0 [mV]
     * @param spikes spikes with the same neuron numbering as {@code neuron}
     */
    public static double[] peakPadded(double[] v, SpikeRecording spikes, int neuron, Scheme scheme, double peak) {
        double[] out = v.clone();
        for (int i = 0; i < out.length; i++) if (out[i] >= peak) out[i] = peak;
        if (!scheme.cutoffBeforeUpdate()) {
            for (int k = 0; k < spikes.count(); k++) {
                if (spikes.neuron(k) == neuron && spikes.step(k) < out.length) out[spikes.step(k)] = peak;
            }
        }
        return out;
    }
}
