package org.izhsim.analysis;

import org.izhsim.network.SpikeRecording;

/** Mean firing rates. */
public final class Rates {
    private Rates() {}

    /**
     * Mean rates [Hz] of all neurons and of the blocks [0, ne) and [ne, ne + ni) (the 2003
     * network's excitatory and inhibitory neurons in global numbering).
     */
    public record Summary(double allHz, double excHz, double inhHz) {}

    /** spikes / (neurons · duration). */
    public static double meanRateHz(long spikes, int neurons, double durationMs) {
        return spikes / (neurons * durationMs * 1e-3);
    }

    public static Summary of(SpikeRecording spikes, int ne, int ni, double durationMs) {
        int exc = spikes.countNeurons(0, ne), inh = spikes.countNeurons(ne, ne + ni);
        return new Summary(meanRateHz(spikes.count(), ne + ni, durationMs),
                ne > 0 ? meanRateHz(exc, ne, durationMs) : 0, ni > 0 ? meanRateHz(inh, ni, durationMs) : 0);
    }
}
