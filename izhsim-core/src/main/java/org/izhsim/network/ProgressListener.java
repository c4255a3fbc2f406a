package org.izhsim.network;

/** Told about a run's progress between steps (about every 1% of a run, and at its end). */
@FunctionalInterface
public interface ProgressListener {
    /**
     * @param fractionDone fraction of the current {@code run} call completed, in (0, 1]
     * @param spikesSoFar  spikes of this rank since the simulation started
     */
    void progress(double fractionDone, long spikesSoFar);
}
