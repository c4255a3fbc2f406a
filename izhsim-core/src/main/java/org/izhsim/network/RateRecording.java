package org.izhsim.network;

/** Spike counts per bin and the population rate derived from them. */
public final class RateRecording implements Recording {
    private final String monitorName;
    private final double binMs;
    private final int neurons;
    private final long[] counts;

    RateRecording(String monitorName, double binMs, int neurons, long[] counts) {
        this.monitorName = monitorName;
        this.binMs = binMs;
        this.neurons = neurons;
        this.counts = counts;
    }

    /** A recording made elsewhere (e.g. received from another rank); {@code neurons} counted, the counts per bin (copied). */
    public static RateRecording of(String monitorName, double binMs, int neurons, long[] counts) {
        return new RateRecording(monitorName, binMs, neurons, counts.clone());
    }

    /** Several ranks' recordings of the same monitor as one: each counted its own neurons' spikes, so the counts add. */
    public static RateRecording merge(java.util.List<RateRecording> parts) {
        if (parts.isEmpty()) throw new IllegalArgumentException("nothing to merge");
        RateRecording first = parts.get(0);
        long[] sum = first.counts.clone();
        for (RateRecording p : parts.subList(1, parts.size())) {
            if (p.counts.length != sum.length) throw new IllegalArgumentException("'" + first.monitorName + "': parts of different lengths");
            for (int b = 0; b < sum.length; b++) sum[b] += p.counts[b];
        }
        return new RateRecording(first.monitorName, first.binMs, first.neurons, sum);
    }

    /** Neurons whose spikes are counted. */
    public int neurons() {
        return neurons;
    }

    @Override
    public String monitorName() {
        return monitorName;
    }

    public double binMs() {
        return binMs;
    }

    public long[] counts() {
        return counts.clone();
    }

    /** Population rate per bin [Hz]: count / (neurons · bin). */
    public double[] ratesHz() {
        double[] r = new double[counts.length];
        for (int b = 0; b < r.length; b++) r[b] = counts[b] / (neurons * binMs * 1e-3);
        return r;
    }
}
