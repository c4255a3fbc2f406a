package org.izhsim.network.engine;

import java.util.Map;
import org.izhsim.network.Plasticity;
import org.izhsim.synapse.DelayRows;
import org.izhsim.synapse.IncomingIndex;

/**
 * Pair-based STDP with exponential traces ({@link Plasticity.Stdp}), Brian2's order: at an
 * arrival w += Δw−(x_post of step k before its post spikes, i.e. f_post·Y(k − 1)), at a post
 * spike w += Δw+(X(k − d)), the pre trace at arrival time with this step's arrivals included.
 * Traces are in weight units (a spike adds or sets aPre, aPost) and decay by exp(−dt/τ) per
 * step; each update is computed in double from the float weight, clipped to [0, wMax] and
 * stored as float.
 */
final class StdpRule implements PlasticRule {
    private final PlasticSite site;
    private final DelayRows rows;
    private final IncomingIndex in;
    private final TraceHistory pre, post;
    private final double fPre, fPost, aPre, aPost, wMax;
    private final boolean multiplicative, nearest, deliverAfterUpdate;

    StdpRule(Plasticity.Stdp p, PlasticSite site) {
        this.site = site;
        this.rows = site.rows();
        this.in = site.incoming();
        this.pre = new TraceHistory(site.pre().n, rows.maxDelay() + 3);
        this.post = new TraceHistory(site.post().n, 2);
        this.fPre = StrictMath.exp(-site.dt() / p.tauPreMs());
        this.fPost = StrictMath.exp(-site.dt() / p.tauPostMs());
        this.aPre = p.aPre();
        this.aPost = p.aPost();
        this.wMax = p.wMax();
        this.multiplicative = p.dependence() == Plasticity.WeightDependence.MULTIPLICATIVE;
        this.nearest = p.pairing() == Plasticity.Pairing.NEAREST;
        this.deliverAfterUpdate = p.deliverAfterUpdate();
    }

    @Override
    public boolean deliversAfterArrival() {
        return deliverAfterUpdate;
    }

    @Override
    public void spikes(Worker wk, long k) {
        pre.step(wk, k, site.pre(), fPre, false, aPre, nearest);
        post.step(wk, k, site.post(), fPost, false, aPost, nearest);
    }

    @Override
    public void remoteSpikes(long s, int[] spikes, int from, int to) {
        pre.stepRemote(s, site.pre(), fPre, false, aPre, nearest, spikes, from, to);
    }

    @Override
    public void arrival(Worker wk, long k, int p, int delay, int from, int to) {
        for (int j = from; j < to; j++) {
            double y = fPost * post.at(rows.post(j), k - 1);
            float w = rows.weight(j);
            rows.setWeight(j, clip(w + (multiplicative ? y * w / wMax : y)));
        }
    }

    @Override
    public void postSpike(Worker wk, long k, int q, int from, int to) {
        for (int e = from; e < to; e++) {
            double x = pre.at(in.pre(e), k - in.delay(e));
            int j = in.index(e);
            float w = rows.weight(j);
            rows.setWeight(j, clip(w + (multiplicative ? x * (wMax - w) / wMax : x)));
        }
    }

    private float clip(double w) {
        return (float) Math.max(0, Math.min(wMax, w));
    }

    @Override
    public void save(Map<String, double[]> out, String prefix) {
        pre.save(out, prefix + "x_pre");
        post.save(out, prefix + "x_post");
    }

    @Override
    public void load(Map<String, double[]> in, String prefix) {
        pre.load(in, prefix + "x_pre");
        post.load(in, prefix + "x_post");
    }
}
