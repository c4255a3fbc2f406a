package org.izhsim.network.engine;

import java.util.Map;
import org.izhsim.network.Network;
import org.izhsim.network.NeuronGroup;
import org.izhsim.network.SynapseGroup;

/**
 * Synapses whose {@link SynapseGroup#target()} is a state variable rather than the pulse
 * current I (delta synapses onto v, conductance jumps onto ge …): one ring of arrivals per post
 * group and variable, filled by propagation exactly as the pulse ring A is (same slots, same
 * ascending-source order of additions), and emptied into the variable at the start of the
 * deliver of each block of neurons: x ← x + J[k], J[k] ← 0. The jump of step k thus happens
 * before step k's integration, after its netm cut-off; a spike of step s through delay d jumps
 * in step s + L + d, like a pulse (L = 0 for netm, else 1).
 */
final class Jumps {
    private Jumps() {}

    /** One post group's variable and its arrivals J[slot][neuron]. */
    static final class Target {
        final String variable;
        final double[] x;
        final double[][] ring;

        Target(String variable, double[] x, double[][] ring) {
            this.variable = variable;
            this.x = x;
            this.ring = ring;
        }
    }

    /** Creates the rings of every variable a synapse of {@code net} targets, on its post group's state. */
    static void attach(Network net, Map<NeuronGroup, GroupState> byGroup, int depth) {
        for (SynapseGroup s : net.synapses()) {
            if (s.targetsCurrent()) continue;
            GroupState g = byGroup.get(s.post());
            if (find(g, s.target()) != null) continue;
            g.jumps = InputState.append(g.jumps, new Target(s.target(), g.vector(s.target()), new double[depth][g.n]));
        }
    }

    /** The ring into which synapse group {@code s} delivers on its post group {@code g}. */
    static double[][] ringOf(SynapseGroup s, GroupState g) {
        return s.targetsCurrent() ? g.ring : find(g, s.target()).ring;
    }

    static Target find(GroupState g, String variable) {
        for (Target t : g.jumps) if (t.variable.equals(variable)) return t;
        return null;
    }

    /** x[i] += J[k][i] and J[k][i] ← 0 for neurons [b, e) of every jump target of the group. */
    static void apply(Target[] targets, long k, int depth, int b, int e) {
        int slot = (int) (k % depth);
        for (Target t : targets) add(t.ring[slot], t.x, b, e);
    }

    private static void add(double[] now, double[] x, int b, int e) {
        for (int i = b; i < e; i++) {
            x[i] += now[i];
            now[i] = 0.0;
        }
    }
}
