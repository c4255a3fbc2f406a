package org.izhsim.network.engine;

import java.util.Map;
import org.izhsim.synapse.DelayRows;
import org.izhsim.synapse.IncomingIndex;

/**
 * What the trace-pair rules ({@link StdpRule}, {@link SpnetRule}) share: a pre-synaptic trace
 * kept as a history long enough to be read at arrival time (the group's largest delay, see
 * {@link TraceHistory}), a post-synaptic trace of two steps, their step at each spike phase
 * (the pre neurons of other ranks from the exchanged spikes) and their checkpoint. A rule says
 * how the two traces move and what an arrival and a post spike do to a weight.
 */
abstract class PairTraceRule implements PlasticRule {
    final PlasticSite site;
    final DelayRows rows;
    final IncomingIndex in;
    final TraceHistory pre, post;
    final TraceHistory.Kinetics preMoves, postMoves;
    /** Whether this rule steps the histories (false for one another rule shares and steps, see {@link SharedTraces}). */
    private final boolean stepsPre, stepsPost;

    PairTraceRule(PlasticSite site, SharedTraces traces, TraceHistory.Kinetics preMoves, TraceHistory.Kinetics postMoves) {
        this.site = site;
        this.rows = site.rows();
        this.in = site.incoming();
        SharedTraces.Use p = traces.of(site.pre(), preMoves, rows.maxDelay() + 3), q = traces.of(site.post(), postMoves, 2);
        this.pre = p.history();
        this.stepsPre = p.steps();
        this.post = q.history();
        this.stepsPost = q.steps();
        this.preMoves = preMoves;
        this.postMoves = postMoves;
    }

    @Override
    public final void spikes(Worker wk, long k) {
        if (stepsPre) pre.step(wk, k, site.pre(), preMoves);
        if (stepsPost) post.step(wk, k, site.post(), postMoves);
    }

    @Override
    public final void remoteSpikes(long s, int[] spikes, int from, int to) {
        if (stepsPre) pre.stepRemote(s, site.pre(), preMoves, spikes, from, to);
    }

    @Override
    public final void save(Map<String, double[]> out, String prefix) {
        pre.save(out, prefix + preMoves.name());
        post.save(out, prefix + postMoves.name());
    }

    @Override
    public final void load(Map<String, double[]> from, String prefix) {
        pre.load(from, prefix + preMoves.name());
        post.load(from, prefix + postMoves.name());
    }
}
