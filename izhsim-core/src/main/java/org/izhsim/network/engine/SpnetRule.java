package org.izhsim.network.engine;

import java.util.Map;
import org.izhsim.network.Plasticity;
import org.izhsim.synapse.DelayRows;
import org.izhsim.synapse.IncomingIndex;

/**
 * Izhikevich's (2006) STDP of the polychronization network ({@link Plasticity.Spnet},
 * docs/reference/spnet.md §2.3–2.4) in spnet's order: post spikes (sd += LTP(pre, k − d − 1),
 * the pre history as it was before this step's arrivals) before arrivals (sd −= LTD(post),
 * this step's post spike included); at a spike the history is set to ltp and the LTD trace to
 * ltd; both decay by decayPerMs^dt per step, in float as spnet's; every periodMs
 * w ← clip(w + drift + sd, 0, wMax), sd ← sdDecay·sd. The per-synapse sd is the side array
 * {@code "sd"}.
 */
final class SpnetRule implements PlasticRule {
    private final PlasticSite site;
    private final DelayRows rows;
    private final IncomingIndex in;
    private final TraceHistory ltp, ltd;
    private final float[] sd;
    private final double decay, drift, sdDecay, wMax;
    private final float ltpSet, ltdSet;
    private final long period;

    SpnetRule(Plasticity.Spnet p, PlasticSite site) {
        this.site = site;
        this.rows = site.rows();
        this.in = site.incoming();
        this.ltp = new TraceHistory(site.pre().n, rows.maxDelay() + 3);
        this.ltd = new TraceHistory(site.post().n, 2);
        this.sd = rows.sideArray("sd");
        this.decay = Math.pow(p.decayPerMs(), site.dt());
        this.drift = p.drift();
        this.sdDecay = p.sdDecay();
        this.wMax = p.wMax();
        this.ltpSet = (float) p.ltp();
        this.ltdSet = (float) p.ltd();
        double steps = p.periodMs() / site.dt();
        this.period = Math.round(steps);
        if (period < 1 || Math.abs(steps - period) > 1e-9 * steps) {
            throw new IllegalArgumentException("synapse group '" + site.group().name() + "': the spnet rule's period "
                    + p.periodMs() + " ms is not a whole number of steps of dt = " + site.dt() + " ms");
        }
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
    public void spikes(Worker wk, long k) {
        ltp.step(wk, k, site.pre(), decay, true, ltpSet, true);
        ltd.step(wk, k, site.post(), decay, true, ltdSet, true);
    }

    @Override
    public void remoteSpikes(long s, int[] spikes, int from, int to) {
        ltp.stepRemote(s, site.pre(), decay, true, ltpSet, true, spikes, from, to);
    }

    @Override
    public void arrival(Worker wk, long k, int pre, int delay, int from, int to) {
        for (int j = from; j < to; j++) sd[j] -= (float) ltd.at(rows.post(j), k);
    }

    @Override
    public void postSpike(Worker wk, long k, int q, int from, int to) {
        for (int e = from; e < to; e++) sd[in.index(e)] += (float) ltp.at(in.pre(e), k - in.delay(e) - 1);
    }

    @Override
    public void save(Map<String, double[]> out, String prefix) {
        ltp.save(out, prefix + "ltp");
        ltd.save(out, prefix + "ltd");
    }

    @Override
    public void load(Map<String, double[]> in, String prefix) {
        ltp.load(in, prefix + "ltp");
        ltd.load(in, prefix + "ltd");
    }
}
