package org.izhsim.network;

/**
 * Describes something to record (a spike list, state traces, a population rate); part of a
 * {@link Network}. A {@link Simulation} {@link #start starts} one {@link Session} per monitor,
 * feeds it during the run (the record phase of {@link Phase}) and turns it into an immutable
 * {@link Recording} with {@link Session#finish()}.
 *
 * @param <R> the recording type
 */
public interface Monitor<R extends Recording> {
    String name();

    Session<R> start(MonitorContext context);

    /**
     * The live side of a monitor. Calls come from the simulation's threads as documented per
     * method; a session never needs its own locking.
     */
    interface Session<R extends Recording> {
        /** Serial, before steps [fromStep, toStep) run: grow buffers so that observe* never allocates. */
        default void reserve(long fromStep, long toStep) {}

        /**
         * Serial, once per step: the spikes of step {@code step} of this rank, as global neuron
         * indices in ascending order ({@code neurons[0 .. count)}).
         */
        default void observeSpikes(long step, int[] neurons, int count) {}

        /** True if {@link #observeState} wants step {@code step}. */
        default boolean wantsState(long step) {
            return false;
        }

        /**
         * In parallel, by each worker after the update of step {@code step}, for its own global
         * neuron range [from, to): different workers call with disjoint ranges.
         */
        default void observeState(long step, int from, int to) {}

        /** An immutable snapshot of everything recorded so far (may be called repeatedly). */
        R finish();
    }
}
