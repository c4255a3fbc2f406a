package org.izhsim.network;

/**
 * The cost of one block of a {@link Simulation#runBlocks} call (SORNSim's measure_block_time).
 *
 * @param block    block number from 0
 * @param steps    steps in the block
 * @param seconds  wall time of the block [s]
 * @param spikes   spikes in the block (this rank)
 * @param events   synaptic events delivered in the block (this rank)
 */
public record BlockTiming(int block, long steps, double seconds, long spikes, long events) {
    /** The fields by name (block, steps, seconds, spikes, events), for JSON summaries. */
    public java.util.Map<String, Object> toMap() {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("block", block);
        m.put("steps", steps);
        m.put("seconds", seconds);
        m.put("spikes", spikes);
        m.put("events", events);
        return m;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "block %d: %d steps, %.4f s, %d spikes, %d events",
                block, steps, seconds, spikes, events);
    }
}
