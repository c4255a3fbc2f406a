package org.izhsim.spnet;

/**
 * A spnet network between two model seconds ({@link SpnetNetwork#snapshot}): what a checkpoint
 * holds. {@code spikeMs}/{@code spikeNeuron} are the spikes of the last D − 1 ms that have yet
 * to arrive, in ms relative to the next second (−D < t < 0); {@code ltp} is the LTP ring
 * (time T of neuron i at (T mod (D+1))·N + i); {@code w}/{@code sd} are per synapse in stored
 * order; {@code wiring} is {@link SpnetNetwork#wiring()} of the network it came from;
 * {@code dopamine} is the reward state of a DA-STDP network ({@link SpnetNetwork#daStdp}), null
 * for spnet.
 */
public record SpnetState(SpnetConfig config, long second, long wiring, float[] v, float[] u, float[] ltd, float[] ltp,
                         float[] w, float[] sd, int[] spikeMs, int[] spikeNeuron, DaStdp.State dopamine) {
    /** The state of an spnet network (no dopamine). */
    public SpnetState(SpnetConfig config, long second, long wiring, float[] v, float[] u, float[] ltd, float[] ltp,
                      float[] w, float[] sd, int[] spikeMs, int[] spikeNeuron) {
        this(config, second, wiring, v, u, ltd, ltp, w, sd, spikeMs, spikeNeuron, null);
    }
}
