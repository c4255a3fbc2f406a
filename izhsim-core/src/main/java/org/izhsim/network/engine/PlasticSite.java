package org.izhsim.network.engine;

import org.izhsim.network.SynapseGroup;
import org.izhsim.synapse.DelayRows;
import org.izhsim.synapse.IncomingIndex;

/**
 * What the engine gives a {@link PlasticRule} of one plastic synapse group: its rows grouped
 * by delay (weights by storage index, side arrays), the post → incoming index, the pre and post
 * groups' state, the worker split of the posts and the time step.
 *
 * @param group    the declared synapse group
 * @param rows     its synapses (storage index j: {@code rows.post(j)}, {@code rows.weight(j)}, {@code rows.sideArray(name)})
 * @param incoming the incoming synapses of each post, in storage order
 * @param pre      the pre group's state (vectors, {@code off}, worker ranges {@code wFrom/wTo})
 * @param post     the post group's state
 * @param bounds   worker w owns posts [bounds[w], bounds[w + 1]) (group-local)
 * @param dt       the time step [ms]
 */
record PlasticSite(SynapseGroup group, DelayRows rows, IncomingIndex incoming, GroupState pre, GroupState post,
                   int[] bounds, double dt) {

    /** The first incoming entry of worker w's posts. */
    int incomingFrom(int w) {
        return incoming.start(bounds[w]);
    }

    /** One past the last incoming entry of worker w's posts. */
    int incomingTo(int w) {
        return incoming.start(bounds[w + 1]);
    }

    /** The first of worker {@code wk}'s spikes of step k (global indices, ascending) in group g. */
    static int spikesFrom(Worker wk, GroupState g) {
        return g.index == 0 ? 0 : wk.groupEnd[g.index - 1];
    }

    /** One past the last of worker {@code wk}'s spikes of step k in group g. */
    static int spikesTo(Worker wk, GroupState g) {
        return wk.groupEnd[g.index];
    }
}
