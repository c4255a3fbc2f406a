package org.izhsim.network.engine;

import org.izhsim.network.Plasticity;
import org.izhsim.synapse.DelayRows;

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

    StdpRule(Plasticity.Stdp p, PlasticSite site, SharedTraces traces) {
        super(site, traces, moves("x_pre", p.tauPreMs(), p.aPre(), p, site), moves("x_post", p.tauPostMs(), p.aPost(), p, site));
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

    /** One pass: each synapse delivers and is depressed before the next is touched (same order as the two walks). */
    @Override
    public int arrive(Worker wk, long k, int p, int delay, int from, int to, DelayRows rows, double[] acc) {
        final double[] before = post.columnAt(k - 1);
        for (int j = from; j < to; j++) {
            int q = rows.post(j);
            float w = rows.weight(j);
            if (!deliverAfterUpdate) acc[q] += w;
            double y = fPost * (before == null ? 0 : before[q]);
            float updated = clip(w + (multiplicative ? y * w / wMax : y));
            rows.setWeight(j, updated);
            if (deliverAfterUpdate) acc[q] += updated;
        }
        return to - from;
    }

    /**
     * Two passes: the first only loads each incoming synapse's pre trace and weight (independent
     * loads of random lines, so many are in flight at once: Java's stand-in for a prefetch), the
     * second updates the weights from the gathered values.
     */
    @Override
    public void postSpike(Worker wk, long k, int q, int from, int to) {
        final int slot = pre.slotOf(k), n = to - from;
        final double[] xs = wk.gatherX(n);
        final float[] ws = wk.gatherW(n);
        for (int e = from, i = 0; e < to; e++, i++) {
            xs[i] = pre.back(in.pre(e), k, slot, in.delay(e));
            ws[i] = rows.weight(in.index(e));
        }
        for (int e = from, i = 0; e < to; e++, i++) {
            double x = xs[i];
            float w = ws[i];
            rows.setWeight(in.index(e), clip(w + (multiplicative ? x * (wMax - w) / wMax : x)));
        }
    }

    private float clip(double w) {
        return (float) Math.max(0, Math.min(wMax, w));
    }
}
