package org.izhsim.network.engine;

import org.izhsim.network.Plasticity;

/**
 * Izhikevich's (2006) STDP of the polychronization network ({@link Plasticity.Spnet},
 * docs/reference/spnet.md §2.3–2.4) in spnet's order: post spikes (sd += LTP(pre, k − d − 1),
 * the pre history as it was before this step's arrivals) before arrivals (sd −= LTD(post),
 * this step's post spike included); at a spike the history is set to ltp and the LTD trace to
 * ltd; both decay by decayPerMs^dt per step, in float as spnet's; every periodMs
 * w ← clip(w + drift + sd, 0, wMax), sd ← sdDecay·sd. The per-synapse sd is the side array
 * {@code "sd"}.
 */
final class SpnetRule extends PairTraceRule {
    private final float[] sd;
    private final double drift, sdDecay, wMax;
    private final long period;

    SpnetRule(Plasticity.Spnet p, PlasticSite site, SharedTraces traces) {
        super(site, traces, moves("ltp", p, p.ltp(), site), moves("ltd", p, p.ltd(), site));
        this.sd = rows.sideArray("sd");
        this.drift = p.drift();
        this.sdDecay = p.sdDecay();
        this.wMax = p.wMax();
        double steps = p.periodMs() / site.dt();
        this.period = Math.round(steps);
        if (period < 1 || Math.abs(steps - period) > 1e-9 * steps) {
            throw new IllegalArgumentException("synapse group '" + site.group().name() + "': the spnet rule's period "
                    + p.periodMs() + " ms is not a whole number of steps of dt = " + site.dt() + " ms");
        }
    }

    /** spnet's traces: float, set (not added) at a spike, decayPerMs^dt per step. */
    private static TraceHistory.Kinetics moves(String name, Plasticity.Spnet p, double set, PlasticSite site) {
        return new TraceHistory.Kinetics(name, Math.pow(p.decayPerMs(), site.dt()), true, (float) set, true);
    }

    @Override
    public boolean postSpikesFirst() {
        return true;
    }

    @Override
    public long periodSteps() {
        return period;
    }

    @Override
    public void periodic(Worker wk, long k) {
        for (int e = site.incomingFrom(wk.id), end = site.incomingTo(wk.id); e < end; e++) {
            int j = in.index(e);
            double w = rows.weight(j) + drift + sd[j];
            sd[j] = (float) (sdDecay * sd[j]);
            rows.setWeight(j, (float) Math.max(0, Math.min(wMax, (float) w)));
        }
    }

    @Override
    public void arrival(Worker wk, long k, int source, int delay, int from, int to) {
        final double[] now = post.columnAt(k);
        for (int j = from; j < to; j++) sd[j] -= (float) now[rows.post(j)];
    }

    @Override
    public void postSpike(Worker wk, long k, int q, int from, int to) {
        final int slot = pre.slotOf(k);
        for (int e = from; e < to; e++) sd[in.index(e)] += (float) pre.back(in.pre(e), k, slot, in.delay(e) + 1);
    }
}
