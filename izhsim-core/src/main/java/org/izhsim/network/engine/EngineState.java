package org.izhsim.network.engine;

import java.util.List;
import java.util.Map;
import org.izhsim.network.AppliedChange;

/**
 * Everything an engine's future depends on between two steps, as plain named arrays (copies):
 * every group's vectors and ring buffer, an equation model's refractory clock, the inputs' live
 * values (σ, amplitudes, rates, held noise), the spikes not yet exchanged, the queued changes and
 * the change log. Random numbers are counter-based (a pure function of seed, stream, neuron and
 * step), so there is no generator state; synapses are rebuilt from the network (their weights do
 * not change during a run).
 *
 * @param step    the next step to run
 * @param ownedFrom this rank's global neuron range [ownedFrom, ownedTo)
 * @param doubles arrays by key ({@code g/GROUP.VECTOR}, {@code g/GROUP#ring}, {@code noise/NAME#held}, …)
 * @param longs   arrays by key ({@code g/GROUP#lastSpike}, the unexchanged spikes)
 * @param pending the queued changes in the order they will be applied
 * @param log     the changes applied so far
 */
public record EngineState(long step, int ownedFrom, int ownedTo, Map<String, double[]> doubles, Map<String, long[]> longs,
                          List<QueuedChange> pending, List<AppliedChange> log) {
    public EngineState {
        doubles = Map.copyOf(doubles);
        longs = Map.copyOf(longs);
        pending = List.copyOf(pending);
        log = List.copyOf(log);
    }

    /**
     * A queued parameter change with its validated value.
     *
     * @param kind        {@code noise-sigma}, {@code constant-current} or {@code poisson-rate}
     * @param scalar      true if the value is one number for all neurons ({@code values} has one entry)
     */
    public record QueuedChange(long step, String kind, String input, String description, boolean scalar, double[] values) {}
}
