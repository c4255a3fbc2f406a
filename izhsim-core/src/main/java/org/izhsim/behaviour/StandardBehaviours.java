package org.izhsim.behaviour;

import java.util.LinkedHashMap;
import java.util.Map;
import org.izhsim.network.Input;
import org.izhsim.network.Network;
import org.izhsim.network.NeuronGroup;
import org.izhsim.network.SynapseGroup;

/**
 * A described {@link Network} run by behaviours: every group gets the built-in behaviours at
 * fixed indices — {@link #NOISE} its noise input (or I ← 0), {@link #THRESHOLD} the netm cut-off,
 * {@link #SYNAPSES} synaptic input from all its afferent groups, {@link #DYNAMICS} the
 * Izhikevich update, {@link #SPIKES} a {@link SpikeRecorder} — plus whatever the caller adds
 * at other indices (e.g. 35 for a rule that acts on the input before the update). The result
 * is the {@link org.izhsim.network.Simulation}'s run of the same network, spike for spike, for
 * what both engines support: at most one noise input per group, delay-0 synapses and a pulse of one step (the
 * behaviour engine has no delay buffers, so anything else is refused by name).
 */
public final class StandardBehaviours {
    public static final int NOISE = 10, THRESHOLD = 20, SYNAPSES = 30, DYNAMICS = 40, SPIKES = 90;

    private StandardBehaviours() {}

    /** The behaviour form of {@code net} (seed, dt, scheme, groups, synapses and noise from it). */
    public static BehaviourNetwork of(Network net) {
        return of(net, Map.of());
    }

    /**
     * As {@link #of(Network)}, adding {@code extra.get(groupName)} (index → behaviour) to each
     * named group; an extra index may not be one of the standard ones.
     */
    public static BehaviourNetwork of(Network net, Map<String, Map<Integer, Behaviour>> extra) {
        if (net.pulseSteps() != 1) {
            throw new IllegalArgumentException("behaviours support a synaptic pulse of one step, not " + net.pulseSteps());
        }
        for (Input in : net.inputs()) {
            if (!(in instanceof Input.Noise)) {
                throw new IllegalArgumentException("input '" + in.name() + "' is not noise; behaviours support noise inputs only");
            }
        }
        for (String g : extra.keySet()) net.group(g); // names the culprit if unknown
        BehaviourNetwork b = new BehaviourNetwork(net.seed(), net.dt());
        Map<NeuronGroup, Group> groups = new LinkedHashMap<>();
        for (NeuronGroup g : net.groups()) {
            Map<Integer, Behaviour> bs = new LinkedHashMap<>();
            for (Input in : net.inputs()) {
                if (in.group() != g) continue;
                if (bs.containsKey(NOISE)) throw new IllegalArgumentException("group '" + g.name()
                        + "' has two noise inputs; behaviours support one per group");
                bs.put(NOISE, new NoiseInput((Input.Noise) in));
            }
            if (!bs.containsKey(NOISE)) bs.put(NOISE, new ZeroCurrent());
            IzhikevichDynamics dyn = new IzhikevichDynamics(g, net.scheme());
            bs.put(THRESHOLD, dyn.threshold());
            String[] tags = tags(net);
            if (tags.length > 0) bs.put(SYNAPSES, new SynapticInput(tags));
            bs.put(DYNAMICS, dyn);
            bs.put(SPIKES, new SpikeRecorder());
            for (Map.Entry<Integer, Behaviour> e : extra.getOrDefault(g.name(), Map.of()).entrySet()) {
                if (bs.containsKey(e.getKey())) {
                    throw new IllegalArgumentException("group '" + g.name() + "': index " + e.getKey() + " is taken by "
                            + bs.get(e.getKey()).getClass().getSimpleName());
                }
                bs.put(e.getKey(), e.getValue());
            }
            groups.put(g, b.group(g.name(), g.size(), bs));
        }
        for (SynapseGroup s : net.synapses()) {
            b.synapses(s, groups.get(s.pre()), groups.get(s.post()));
        }
        return b;
    }

    private static String[] tags(Network net) {
        return net.synapses().stream().map(SynapseGroup::tag).distinct().toArray(String[]::new);
    }

    /** I ← 0 at the start of the step, for a group without noise. */
    static final class ZeroCurrent implements Behaviour {
        @Override
        public void init(Group n) {
            n.vector("I");
        }

        @Override
        public void step(Group n, int from, int to) {
            java.util.Arrays.fill(n.existing("I"), from, to, 0.0);
        }

        @Override
        public boolean parallel() {
            return true;
        }
    }
}
