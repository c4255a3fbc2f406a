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
