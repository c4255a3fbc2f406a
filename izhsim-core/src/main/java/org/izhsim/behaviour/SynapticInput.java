package org.izhsim.behaviour;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Synaptic input from the afferent synapse groups with the given tags: per neuron the sum of
 * the weights from every source whose "fired" is set, accumulated (from 0, over the synapse
 * groups in the order they were added, each in ascending source order) into "I_syn", then
 * {@code I ← I + I_syn}. With exc→X declared before inh→X this is the sum in ascending global
 * source index that net.m's {@code I = I + sum(S(:,fired),2)} and the simulation compute.
 */
public final class SynapticInput implements Behaviour {
    private final Set<String> tags;
    private Synapses[] inputs;

    /** Input from afferent synapse groups tagged with any of {@code tags} (e.g. "GLUTAMATE", "GABA"). */
    public SynapticInput(String... tags) {
        if (tags.length == 0) throw new IllegalArgumentException("synaptic input needs at least one tag");
        this.tags = Set.of(tags);
    }

    @Override
    public void init(Group n) {
        List<Synapses> in = new ArrayList<>();
        for (Synapses s : n.afferent()) {
            if (tags.contains(s.tag())) in.add(s);
        }
        inputs = in.toArray(new Synapses[0]);
        n.vector("I");
        n.vector("I_syn");
    }

    @Override
    public void step(Group n, int from, int to) {
        double[] syn = n.existing("I_syn"), current = n.existing("I");
        java.util.Arrays.fill(syn, from, to, 0.0);
        for (Synapses s : inputs) s.addFired(syn, from, to);
        for (int i = from; i < to; i++) current[i] = current[i] + syn[i];
    }

    @Override
    public boolean parallel() {
        return true;
    }
}
