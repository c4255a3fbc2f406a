package org.izhsim.network;

import org.izhsim.equations.EquationKernel;
import org.izhsim.equations.EquationModel;
import org.izhsim.integrate.Scheme;

/**
 * Builds the kernel of a group that runs an equation model ({@link NeuronGroup#equations()}),
 * over the simulation's own v, u, a, b, c, d arrays where the model has variables and
 * parameters of those names, so that monitors and parameter changes see them as for a
 * built-in group. Kept out of {@code Simulation} so that its edit is a few lines.
 */
final class EquationGroups {
    private EquationGroups() {}

    static EquationKernel kernel(NeuronGroup g, Scheme scheme, double[] v, double[] u, double[] a, double[] b, double[] c,
                                 double[] d, double[] uniforms) {
        EquationModel m = g.equations();
        int n = g.size();
        double[][] state = new double[m.states().size()][];
        for (int j = 0; j < state.length; j++) {
            String name = m.states().get(j).name();
            double[] target = switch (name) {
                case "v" -> v;
                case "u" -> u;
                default -> new double[n];
            };
            PerNeuron given = g.values().get(name);
            if (given != null) System.arraycopy(given.resolve("group '" + g.name() + "' " + name, n, uniforms), 0, target, 0, n);
            state[j] = target;
        }
        double[][] params = new double[m.parameters().size()][];
        for (int j = 0; j < params.length; j++) {
            String name = m.parameters().get(j).name();
            PerNeuron given = g.values().get(name);
            if (given != null) {
                params[j] = given.resolve("group '" + g.name() + "' " + name, n, uniforms);
                continue;
            }
            params[j] = switch (name) {
                case "a" -> a;
                case "b" -> b;
                case "c" -> c;
                case "d" -> d;
                default -> throw new IllegalArgumentException("group '" + g.name() + "': parameter '" + name + "' of "
                        + m.source() + " has no value; give it with set(\"" + name + "\", ...)");
            };
        }
        long[] last = new long[n];
        java.util.Arrays.fill(last, EquationKernel.NEVER);
        return g.compiler().compile(m, scheme).create(state, params, last);
    }
}
