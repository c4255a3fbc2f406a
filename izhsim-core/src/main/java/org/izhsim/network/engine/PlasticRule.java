package org.izhsim.network.engine;

import java.util.Map;

/**
 * The engine's seam for learning: one instance per plastic synapse group, made from the
 * group's {@link org.izhsim.network.Plasticity} in {@link PlasticRules#create} (a rule is one
 * file plus one line there) over the group's {@link PlasticSite}. {@link Learning} calls it.
 *
 * <h2>The calls of one step k (t = k·dt), per worker w</h2>
 * <ol>
 *   <li>Before the step's barrier, once the worker's own spikes of step k are known (after
 *       {@code CUTOFF} for netm, after {@code INTEGRATE} for the other schemes):
 *       {@link #periodic} if {@link #periodSteps()} n &gt; 0 and k is a positive multiple of n
 *       (so a 1 s rule first runs at the start of the 1001st step), then {@link #spikes}.
 *       The worker's own spikes of group g are {@code wk.spikes[PlasticSite.spikesFrom(wk, g)
 *       .. spikesTo(wk, g))} (global indices, ascending); here a rule updates the per-neuron
 *       state of the neurons the worker owns ({@code g.wFrom[w] .. g.wTo[w]}) and may run a
 *       clock-driven update of the synapses onto its posts.</li>
 *   <li>After the barrier and the static groups' propagation ({@code Phase.PLASTICITY_*}), group
 *       by group in declaration order: {@link #postSpike} for each of the worker's posts that
 *       spiked in step k (ascending), and the arrivals of step k — for each delay d ascending
 *       and each spike of the pre group at step k − d (pre ascending), the engine adds the
 *       weights of that (pre, d) segment restricted to the worker's posts to the post's input
 *       of the step it acts in (netm: k, others: k + 1), then calls {@link #arrival} with that
 *       storage range (only if it is not empty); if {@link #deliversAfterArrival()}, it calls
 *       {@link #arrival} first and then adds the updated weights. Arrivals come first, then post spikes
 *       (Brian2's order: pre pathway before post pathway), or the other way round if
 *       {@link #postSpikesFirst()} (spnet's order). {@link #beforeEvents} comes before both,
 *       {@link #afterEvents} after both (before the neurons' next integration).</li>
 * </ol>
 * In the barrier's serial part of step k (every worker waits) {@link #atBarrier} sees the
 * merged spikes of step k: the place to copy state that other workers' posts will read after
 * the barrier, while its owner may already be changing it.
 *
 * <h2>What a rule may touch</h2>
 * The synapses onto the worker's own posts (weights through {@code rows.setWeight}, side arrays
 * by storage index), the per-neuron state of the worker's own neurons (written before the
 * barrier only), and it may read any neuron's per-neuron state of steps ≤ k after the barrier.
 * Workers own posts, so these never race, and every synapse sees its events in an order that
 * does not depend on the number of workers: results are bit-identical for any thread count.
 *
 * <h2>Ranks</h2>
 * A rank holds the synapses onto its own posts, so every write above stays on the rank. What
 * a rule reads of pre neurons that other ranks own comes from their exchanged spikes: the
 * engine hands every rank's spikes of each step to {@link #remoteSpikes} once they are known,
 * and a rule keeps there its per-neuron pre state (traces) of those neurons exactly as
 * {@link #spikes} keeps it of its own. {@link Learning#exchanged} says why that state is
 * complete before any step reads it. A rule must not read other pre-neuron values (v, u, …):
 * they are not exchanged, so networks that need them are refused on more than one rank.
 *
 * <h2>State</h2>
 * Weights and side arrays ({@code rows.sideArray}) are saved by the engine; a rule saves only
 * its other state (per-neuron traces) with {@link #save} under keys starting with
 * {@code prefix}, and {@link #load} puts it back (refusing a missing or misshapen array with
 * {@link Checkpoint#missing}), so that a resumed run equals a straight one. Per-synapse state
 * of its own goes out and comes back in {@code rows.canonicalOrder()}, so that a run resumes on
 * any number of workers (the storage order depends on it).
 */
interface PlasticRule {
    /** Whether post spikes come before arrivals within a step (spnet) instead of after (Brian2). */
    default boolean postSpikesFirst() {
        return false;
    }

    /** Whether an arrival delivers the weight after {@link #arrival} updated it (PyNN, NEST) instead of before (Brian2). */
    default boolean deliversAfterArrival() {
        return false;
    }

    /** Steps between {@link #periodic} passes, 0 for none. */
    default long periodSteps() {
        return 0;
    }

    /** A periodic pass over the synapses onto worker {@code wk}'s posts (see the class comment). */
    default void periodic(Worker wk, long k) {}

    /** Before the barrier of step k: the worker's own spikes of step k are known. */
    void spikes(Worker wk, long k);

    /**
     * Serial, with several ranks only: every rank's spikes of step s, {@code spikes[from, to)}
     * (global indices, ascending), for each step of an exchange interval in order, in the
     * serial part of the barrier that ends it. A rule with per-neuron pre state updates it here
     * for the pre neurons outside this rank's range ({@code site.pre().from .. to}); a rule
     * without any has nothing to do.
     */
    default void remoteSpikes(long s, int[] spikes, int from, int to) {}

    /**
     * Serial, at the barrier of step k: this rank's merged spikes of step k (global indices,
     * ascending; with one rank every spike, with several the spikes of this rank's neurons,
     * which include all of its posts — other ranks' spikes come through {@link #remoteSpikes}).
     */
    default void atBarrier(long k, int[] spikes, int count) {}

    /** After the barrier of step k, before this group's arrivals and post spikes, for worker {@code wk}'s posts. */
    default void beforeEvents(Worker wk, long k) {}

    /** After this group's arrivals and post spikes of step k, for worker {@code wk}'s posts. */
    default void afterEvents(Worker wk, long k) {}

    /** A spike of {@code pre} sent at step k − delay arrives at step k at the synapses [from, to) (storage indices). */
    void arrival(Worker wk, long k, int pre, int delay, int from, int to);

    /**
     * Loads what an event at synapse {@code j} (storage index) will read and returns any mix of
     * the values: the first pass of a gather, which touches the random cache lines of many events
     * before any is used, so that their misses overlap (Java has no prefetch). Changes nothing.
     */
    default int touch(org.izhsim.synapse.DelayRows rows, int j) {
        return rows.post(j);
    }

    /**
     * The whole arrival of a non-empty segment: adds its weights to {@code acc} at their posts and
     * calls {@link #arrival}, in the order {@link #deliversAfterArrival()} says; returns the events
     * delivered. A rule may do both in one pass over the segment (one first touch of its cache
     * lines instead of two walks) if each synapse gets the same operations in the same order.
     */
    default int arrive(Worker wk, long k, int pre, int delay, int from, int to, org.izhsim.synapse.DelayRows rows, double[] acc) {
        if (deliversAfterArrival()) {
            arrival(wk, k, pre, delay, from, to);
            return rows.deliverRange(from, to, acc);
        }
        int n = rows.deliverRange(from, to, acc);
        arrival(wk, k, pre, delay, from, to);
        return n;
    }

    /** Post {@code post} (group-local) spiked at step k; its incoming entries are [from, to) of the incoming index. */
    void postSpike(Worker wk, long k, int post, int from, int to);

    /** Adds the rule's own state (not weights or side arrays) to {@code out}, keys starting with {@code prefix}. */
    void save(Map<String, double[]> out, String prefix);

    /** Puts back what {@link #save} wrote. */
    void load(Map<String, double[]> in, String prefix);
}
