package org.izhsim.network.engine;

import org.izhsim.network.Plasticity;

/**
 * Pair-based STDP with exponential traces ({@link Plasticity.Stdp}), Brian2's order: at an
 * arrival w += Δw−(x_post of step k before its post spikes, i.e. f_post·Y(k − 1)), at a post
 * spike w += Δw+(X(k − d)), the pre trace at arrival time with this step's arrivals included.
 * Traces are in weight units (a spike adds or sets aPre, aPost) and decay by exp(−dt/τ) per
 * step; each update is computed in double from the float weight, clipped to [0, wMax] and
 * stored as float.
 */
final class StdpRule extends PairTraceRule {
    private final double fPost, wMax;
    private final boolean multiplicative, deliverAfterUpdate;

    StdpRule(Plasticity.Stdp p, PlasticSite site) {
        super(site, moves("x_pre", p.tauPreMs(), p.aPre(), p, site), moves("x_post", p.tauPostMs(), p.aPost(), p, site));
        this.fPost = postMoves.f();
        this.wMax = p.wMax();
        this.multiplicative = p.dependence() == Plasticity.WeightDependence.MULTIPLICATIVE;
        this.deliverAfterUpdate = p.deliverAfterUpdate();
    }

    /** Traces in double, exp(−dt/τ) per step; a spike adds a, or sets it with nearest-spike pairing. */
    private static TraceHistory.Kinetics moves(String name, double tauMs, double a, Plasticity.Stdp p, PlasticSite site) {
        return new TraceHistory.Kinetics(name, StrictMath.exp(-site.dt() / tauMs), false, a,
                p.pairing() == Plasticity.Pairing.NEAREST);
    }

    @Override
    public boolean deliversAfterArrival() {
        return deliverAfterUpdate;
    }

    @Override
    public void arrival(Worker wk, long k, int p, int delay, int from, int to) {
        final double[] before = post.columnAt(k - 1);
        for (int j = from; j < to; j++) {
            double y = fPost * (before == null ? 0 : before[rows.post(j)]);
            float w = rows.weight(j);
            rows.setWeight(j, clip(w + (multiplicative ? y * w / wMax : y)));
        }
    }

    @Override
    public void postSpike(Worker wk, long k, int q, int from, int to) {
        final int slot = pre.slotOf(k);
        for (int e = from; e < to; e++) {
            double x = pre.back(in.pre(e), k, slot, in.delay(e));
            int j = in.index(e);
            float w = rows.weight(j);
            rows.setWeight(j, clip(w + (multiplicative ? x * (wMax - w) / wMax : x)));
        }
    }

    private float clip(double w) {
        return (float) Math.max(0, Math.min(wMax, w));
    }
}
