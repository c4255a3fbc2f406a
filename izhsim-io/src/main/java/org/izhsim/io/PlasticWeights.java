package org.izhsim.io;

import java.util.ArrayList;
import java.util.List;
import org.izhsim.network.Network;
import org.izhsim.network.Simulation;
import org.izhsim.network.SynapseGroup;
import org.izhsim.network.SynapseView;

/**
 * The weights of a simulation's plastic synapse groups as {@code weights.npz}, in the names
 * {@code izhsim spnet} uses (so {@code izhsim polychronous} and the same scripts read both):
 * {@code pre}, {@code post} (network-wide neuron indices, groups laid end to end in declaration
 * order), {@code delay_ms}, {@code w}, and {@code group} (the index of the synapse group in
 * {@code groups}, a string of the plastic groups' names separated by commas). Synapses are in
 * storage order (rows by pre, grouped by delay).
 */
public final class PlasticWeights {
    private PlasticWeights() {}

    /** The weights of {@code sim}'s plastic groups, or null if it has none. */
    public static Npz npz(Simulation sim) {
        Network net = sim.network();
        List<SynapseGroup> plastic = new ArrayList<>();
        long total = 0;
        for (SynapseGroup s : net.synapses()) {
            if (s.plasticity() == null) continue;
            plastic.add(s);
            total += sim.synapses(s).size();
        }
        if (plastic.isEmpty()) return null;
        if (total > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("weights.npz: " + total + " plastic synapses do not fit one array; split the groups");
        }
        int n = (int) total;
        int[] pre = new int[n], post = new int[n], group = new int[n];
        double[] delay = new double[n];
        float[] w = new float[n];
        int k = 0;
        List<String> names = new ArrayList<>();
        for (int g = 0; g < plastic.size(); g++) {
            SynapseGroup s = plastic.get(g);
            names.add(s.name());
            SynapseView v = sim.synapses(s);
            int preOff = net.offset(s.pre()), postOff = net.offset(s.post());
            for (int p = 0; p < v.preCount(); p++) {
                for (int j = 0, len = v.rowLength(p); j < len; j++, k++) {
                    pre[k] = preOff + p;
                    post[k] = postOff + v.post(p, j);
                    delay[k] = v.delay(p, j) * net.dt();
                    w[k] = v.weight(p, j);
                    group[k] = g;
                }
            }
        }
        return new Npz().put("pre", pre).put("post", post).put("delay_ms", delay).put("w", w).put("group", group)
                .putString("groups", String.join(",", names));
    }
}
