package org.izhsim.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.izhsim.network.Network;
import org.izhsim.network.NeuronGroup;
import org.izhsim.network.SynapseGroup;
import org.izhsim.network.SynapseView;

/**
 * The weight tab's numbers, read through the public {@link SynapseView} (weights by pre and
 * row position, so a plastic group shows its current weights): a histogram of each synapse
 * group's weights, sampled during the run, and the incoming weights of one neuron.
 *
 * <p>Each group's bins are fixed by its first sample (from min(0, w_min) to max(0, w_max), in
 * {@link #BINS} bins), so that samples over time are comparable; a later weight outside them is
 * counted apart ({@code outside}), never folded into an end bin. A group counts as plastic when
 * it has a {@link SynapseGroup#plasticity()} rule or when its histogram ever differs from the
 * first: either way the page can say truthfully whether any weight of the run has changed.
 */
final class WeightStats {
    static final int BINS = 40;

    private final NetPlan plan;
    private final List<double[]> edges = new ArrayList<>();
    private final List<long[]> first = new ArrayList<>();
    private final boolean[] changed;

    WeightStats(NetPlan plan) {
        this.plan = plan;
        this.changed = new boolean[plan.synapseGroups().size()];
    }

    /** Whether synapse group {@code k} has a plasticity rule (the built-in network has none). */
    boolean configured(int k) {
        return plan.synapseGroups().get(k).plasticity() != null;
    }

    /** One sample: per group, the counts in its bins and the weights outside them. Run on the simulation's thread. */
    Map<String, Object> sample(Function<SynapseGroup, SynapseView> views, long step, double tMs) {
        List<SynapseGroup> groups = plan.synapseGroups();
        List<long[]> counts = new ArrayList<>();
        List<Long> outside = new ArrayList<>();
        for (int k = 0; k < groups.size(); k++) {
            SynapseView v = views.apply(groups.get(k));
            if (edges.size() <= k) edges.add(binsOf(v));
            double[] e = edges.get(k);
            long[] c = new long[BINS];
            long out = 0;
            double lo = e[0], width = (e[BINS] - e[0]) / BINS;
            for (int p = 0; p < v.preCount(); p++) {
                int len = v.rowLength(p);
                for (int j = 0; j < len; j++) {
                    double w = v.weight(p, j);
                    if (absent(v, w)) continue;
                    int b = (int) Math.floor((w - lo) / width);
                    if (b == BINS && w == e[BINS]) b = BINS - 1; // the top edge belongs to the last bin
                    if (b < 0 || b >= BINS) out++;
                    else c[b]++;
                }
            }
            if (first.size() <= k) first.add(c);
            else if (!java.util.Arrays.equals(first.get(k), c)) changed[k] = true;
            counts.add(c);
            outside.add(out);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("step", step);
        m.put("t_ms", tMs);
        m.put("counts", counts);
        m.put("outside", outside);
        return m;
    }

    /** The groups' names, ends, bin edges and plasticity, once the first sample fixed the edges. */
    List<Map<String, Object>> groups() {
        List<Map<String, Object>> out = new ArrayList<>();
        List<SynapseGroup> groups = plan.synapseGroups();
        for (int k = 0; k < groups.size() && k < edges.size(); k++) {
            SynapseGroup s = groups.get(k);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", s.name());
            m.put("pre", s.pre().name());
            m.put("post", s.post().name());
            m.put("edges", edges.get(k));
            m.put("plasticity_configured", configured(k));
            m.put("changed", changed[k]);
            out.add(m);
        }
        return out;
    }

    boolean anyPlastic() {
        for (int k = 0; k < changed.length; k++) if (changed[k] || configured(k)) return true;
        return false;
    }

    /**
     * A dense group's row lists every post, and a pair without a synapse weighs 0; such pairs are
     * left out (a real synapse of weight exactly 0 with them, which the view cannot tell apart).
     */
    private static boolean absent(SynapseView v, double w) {
        return w == 0 && v.storage() == org.izhsim.network.Storage.DENSE;
    }

    private static double[] binsOf(SynapseView v) {
        double lo = 0, hi = 0;
        for (int p = 0; p < v.preCount(); p++) {
            int len = v.rowLength(p);
            for (int j = 0; j < len; j++) {
                lo = Math.min(lo, v.weight(p, j));
                hi = Math.max(hi, v.weight(p, j));
            }
        }
        if (hi == lo) hi = lo + 1;
        double[] e = new double[BINS + 1];
        for (int b = 0; b <= BINS; b++) e[b] = lo + (hi - lo) * b / BINS;
        return e;
    }

    /** The weights onto global neuron {@code i}: per synapse group ending on its group, each input's pre (global), weight and delay. */
    static Map<String, Object> incoming(NetPlan plan, Function<SynapseGroup, SynapseView> views, int i) {
        Network net = plan.network();
        NeuronGroup g = plan.groupOf(i);
        int local = i - net.offset(g);
        List<Map<String, Object>> groups = new ArrayList<>();
        int total = 0;
        for (SynapseGroup s : plan.synapseGroups()) {
            if (s.post() != g) continue;
            SynapseView v = views.apply(s);
            int off = net.offset(s.pre());
            List<Integer> pre = new ArrayList<>();
            List<Double> w = new ArrayList<>();
            List<Integer> delay = new ArrayList<>();
            for (int p = 0; p < v.preCount(); p++) {
                int len = v.rowLength(p);
                for (int j = 0; j < len; j++) {
                    if (v.post(p, j) != local || absent(v, v.weight(p, j))) continue;
                    pre.add(off + p);
                    w.add(Double.parseDouble(Float.toString(v.weight(p, j)))); // the float as written, not its binary expansion
                    delay.add(v.delay(p, j));
                }
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", s.name());
            m.put("pre_group", s.pre().name());
            m.put("pre", pre.stream().mapToInt(Integer::intValue).toArray());
            m.put("w", w.stream().mapToDouble(Double::doubleValue).toArray());
            m.put("delay_steps", delay.stream().mapToInt(Integer::intValue).toArray());
            groups.add(m);
            total += pre.size();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("neuron", i);
        out.put("group", g.name());
        out.put("inputs", total);
        out.put("synapse_groups", groups);
        return out;
    }
}
