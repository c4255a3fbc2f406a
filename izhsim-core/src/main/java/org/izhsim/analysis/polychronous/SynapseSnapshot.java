package org.izhsim.analysis.polychronous;

import org.izhsim.random.CounterRandom;
import org.izhsim.random.Streams;

/**
 * The synapses of a network at one moment, as a weight snapshot stores them: synapse k goes from
 * {@code pre[k]} to {@code post[k]} with axonal delay {@code delayMs[k]} [ms] and weight
 * {@code w[k]} [mV]. Neurons {@code [0, ne)} are excitatory, {@code [ne, n)} inhibitory (spnet's
 * numbering); {@code sm} [mV] is the largest excitatory weight of the run that made the
 * snapshot. The arrays are not copied: do not change them afterwards.
 */
public record SynapseSnapshot(int n, int ne, double sm, int[] pre, int[] post, int[] delayMs, double[] w) {
    /** Largest network the search accepts: each worker keeps a few arrays of n entries. */
    public static final int MAX_NEURONS = 10_000_000;

    /** Longest delay accepted [ms]; spnet's are 1 to 20. */
    public static final int MAX_DELAY_MS = 1000;

    public SynapseSnapshot {
        if (n < 1 || n > MAX_NEURONS) {
            throw new IllegalArgumentException("the number of neurons N must be in [1, " + MAX_NEURONS + "], got " + n);
        }
        if (ne < 0 || ne > n) throw new IllegalArgumentException("ne must be in [0, N = " + n + "], got " + ne);
        if (!(sm > 0) || !Double.isFinite(sm)) throw new IllegalArgumentException("sm must be a positive finite weight, got " + sm);
        int m = pre.length;
        if (post.length != m || delayMs.length != m || w.length != m) {
            throw new IllegalArgumentException("the synapse arrays differ in length: pre " + m + ", post " + post.length
                    + ", delay_ms " + delayMs.length + ", w " + w.length);
        }
        for (int k = 0; k < m; k++) {
            if (pre[k] < 0 || pre[k] >= n) throw bad("pre", k, pre[k], "a neuron in [0, " + n + ")");
            if (post[k] < 0 || post[k] >= n) throw bad("post", k, post[k], "a neuron in [0, " + n + ")");
            if (delayMs[k] < 1 || delayMs[k] > MAX_DELAY_MS) throw bad("delay_ms", k, delayMs[k], "a delay in [1, " + MAX_DELAY_MS + "] ms");
            if (!Double.isFinite(w[k])) throw bad("w", k, w[k], "a finite weight");
        }
    }

    private static IllegalArgumentException bad(String array, int k, Object value, String expected) {
        return new IllegalArgumentException(array + "[" + k + "] = " + value + " is not " + expected);
    }

    public int synapseCount() {
        return pre.length;
    }

    public boolean excitatory(int neuron) {
        return neuron < ne;
    }

    /**
     * The control of Izhikevich's polychron.m: the weights of the excitatory→excitatory synapses
     * permuted among those synapses (a Fisher–Yates shuffle driven by the counter-based stream
     * "polychronous/shuffle" of {@code seed}), everything else unchanged. Permuting weights
     * rather than targets keeps every neuron's in- and out-degree, every delay and the whole
     * weight distribution, and destroys only which strong synapse sits where: the structure
     * that polychronous groups are made of.
     */
    public SynapseSnapshot withShuffledExcExcWeights(long seed) {
        int count = 0;
        for (int k = 0; k < pre.length; k++) if (pre[k] < ne && post[k] < ne) count++;
        int[] idx = new int[count];
        for (int k = 0, j = 0; k < pre.length; k++) if (pre[k] < ne && post[k] < ne) idx[j++] = k;
        double[] shuffled = w.clone();
        long key = Streams.key(seed, "polychronous/shuffle");
        for (int i = count - 1; i > 0; i--) {
            int j = CounterRandom.below(key, i, i + 1);
            double t = shuffled[idx[i]];
            shuffled[idx[i]] = shuffled[idx[j]];
            shuffled[idx[j]] = t;
        }
        return new SynapseSnapshot(n, ne, sm, pre, post, delayMs, shuffled);
    }
}
