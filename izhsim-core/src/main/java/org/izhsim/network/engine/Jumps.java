package org.izhsim.network.engine;

import java.util.Map;
import org.izhsim.equations.EquationModel;
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
 *
 * <p>Brian2 applies those arrivals in step k − 1, after its threshold and before its reset
 * ('synapses' before 'resets'), so the reset of a neuron that fired in step k − 1 overwrites
 * them when it sets the variable without reading it ({@code v = c}). For an equation-model
 * group with such a reset (not under netm, whose cut-off comes first) the jump of a neuron
 * that fired in step k − 1 is dropped here, which gives Brian2's spikes; any other target and
 * reset keep it (the two orders then agree).
 */
final class Jumps {
    private Jumps() {}

    /** One post group's variable and its arrivals J[slot][neuron]. */
    static final class Target {
        final String variable;
        final double[] x;
        final double[][] ring;
        /** The step of each neuron's last spike when its reset overwrites the variable, else null. */
        final long[] lastSpike;

        Target(String variable, double[] x, double[][] ring, long[] lastSpike) {
            this.variable = variable;
            this.x = x;
            this.ring = ring;
            this.lastSpike = lastSpike;
        }
    }

    /** Creates the rings of every variable a synapse of {@code net} targets, on its post group's state. */
    static void attach(Network net, Map<NeuronGroup, GroupState> byGroup, int depth) {
        for (SynapseGroup s : net.synapses()) {
            if (s.targetsCurrent()) continue;
            GroupState g = byGroup.get(s.post());
            if (find(g, s.target()) != null) continue;
            g.jumps = InputState.append(g.jumps, new Target(s.target(), g.vector(s.target()), new double[depth][g.n],
                    overwrittenByReset(net, s.post(), s.target()) ? g.lastSpike : null));
        }
    }

    private static boolean overwrittenByReset(Network net, NeuronGroup post, String variable) {
        EquationModel m = post.equations();
        if (m == null || net.scheme().cutoffBeforeUpdate()) return false;
        int state = m.indexOf(variable);
        return state >= 0 && state < m.states().size() && m.resetOverwrites(state);
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
        for (Target t : targets) {
            if (t.lastSpike == null) add(t.ring[slot], t.x, b, e);
            else addUnlessFired(t.ring[slot], t.x, t.lastSpike, k - 1, b, e);
        }
    }

    private static void addUnlessFired(double[] now, double[] x, long[] lastSpike, long fired, int b, int e) {
        for (int i = b; i < e; i++) {
            if (lastSpike[i] != fired) x[i] += now[i];
            now[i] = 0.0;
        }
    }

    private static void add(double[] now, double[] x, int b, int e) {
        for (int i = b; i < e; i++) {
            x[i] += now[i];
            now[i] = 0.0;
        }
    }
}
