package org.izhsim.analysis.polychronous;

import java.util.Arrays;

/**
 * One polychronous group: the spikes that firing its anchors causes in the silent network, and
 * the links between them. Spike j fired neuron {@code spikeNeuron[j]} at {@code spikeTimeMs[j]}
 * [ms after the first anchor spike], {@code spikeLayer[j]} links after an anchor (the longest
 * chain of links that ends at it; anchors are layer 0). Spikes are in time order, neurons
 * ascending within a millisecond. Link i says that the PSP of spike {@code linkPre[i]} over
 * synapse {@code linkSynapse[i]} (an index into the snapshot's arrays; delay
 * {@code linkDelayMs[i]}) arrived at the neuron of spike {@code linkPost[i]} within the window
 * before it fired.
 *
 * @param mother       the neuron whose strong inputs the anchors are
 * @param anchors      the anchor neurons, in the order of their synapses onto the mother
 * @param anchorSynapses the anchors' synapses onto the mother (snapshot indices)
 * @param anchorSpikes the spike (index into the spike arrays) each anchor's input fired
 */
public record PolychronousGroup(int mother, int[] anchors, int[] anchorSynapses, int[] anchorSpikes, int[] spikeTimeMs, int[] spikeNeuron,
                                int[] spikeLayer, int[] linkPre, int[] linkPost, int[] linkSynapse, int[] linkDelayMs) {

    /** The longest path from an anchor, in links (Izhikevich's {@code longest_path}). */
    public int longestPath() {
        return Arrays.stream(spikeLayer).max().orElse(0);
    }

    /** Distinct neurons that fire in the group. */
    public int size() {
        return (int) Arrays.stream(spikeNeuron).distinct().count();
    }

    public int spikeCount() {
        return spikeTimeMs.length;
    }

    public int linkCount() {
        return linkPre.length;
    }

    /** Time from the first spike to the last [ms]. */
    public int timeSpanMs() {
        return spikeTimeMs.length == 0 ? 0 : spikeTimeMs[spikeTimeMs.length - 1] - spikeTimeMs[0];
    }

    /** How many links leave the spike of anchor {@code a}. */
    public int anchorUse(int a) {
        int uses = 0;
        for (int p : linkPre) if (p == anchorSpikes[a]) uses++;
        return uses;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PolychronousGroup g && mother == g.mother && Arrays.equals(anchors, g.anchors)
                && Arrays.equals(anchorSynapses, g.anchorSynapses) && Arrays.equals(anchorSpikes, g.anchorSpikes)
                && Arrays.equals(spikeTimeMs, g.spikeTimeMs)
                && Arrays.equals(spikeNeuron, g.spikeNeuron) && Arrays.equals(spikeLayer, g.spikeLayer)
                && Arrays.equals(linkPre, g.linkPre) && Arrays.equals(linkPost, g.linkPost)
                && Arrays.equals(linkSynapse, g.linkSynapse) && Arrays.equals(linkDelayMs, g.linkDelayMs);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * mother + Arrays.hashCode(anchorSynapses)) + Arrays.hashCode(spikeNeuron);
    }

    @Override
    public String toString() {
        return "group(mother " + mother + ", anchors " + Arrays.toString(anchors) + ", " + spikeCount() + " spikes of "
                + size() + " neurons, path " + longestPath() + ", span " + timeSpanMs() + " ms)";
    }
}
