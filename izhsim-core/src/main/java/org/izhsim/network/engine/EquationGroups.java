package org.izhsim.network.engine;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.izhsim.equations.EquationKernel;
import org.izhsim.equations.EquationModel;
import org.izhsim.integrate.Scheme;
import org.izhsim.network.NeuronGroup;
import org.izhsim.network.PerNeuron;

/**
 * Builds the kernel of a group that runs an equation model ({@link NeuronGroup#equations()}),
 * over the group's own v, u, a, b, c, d arrays where the model has variables and parameters of
 * those names, so that monitors and parameter changes see them as for a built-in group; every
 * state and parameter is a named vector of the group.
 */
final class EquationGroups {
    private EquationGroups() {}

    /** The kernel, its refractory clock and its vectors by the model's names (states, then parameters). */
    record Built(EquationKernel kernel, long[] lastSpike, Map<String, double[]> vectors) {}

    static Built kernel(NeuronGroup g, Scheme scheme, double[] v, double[] u, double[] a, double[] b, double[] c,
                        double[] d, double[] uniforms) {
        EquationModel m = g.equations();
        int n = g.size();
        Map<String, double[]> vectors = new LinkedHashMap<>();
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
            vectors.put(name, target);
        }
        double[][] params = new double[m.parameters().size()][];
        for (int j = 0; j < params.length; j++) {
            String name = m.parameters().get(j).name();
            PerNeuron given = g.values().get(name);
            if (given != null) {
                params[j] = given.resolve("group '" + g.name() + "' " + name, n, uniforms);
            } else {
                params[j] = switch (name) {
                    case "a" -> a;
                    case "b" -> b;
                    case "c" -> c;
                    case "d" -> d;
                    default -> throw new IllegalArgumentException("group '" + g.name() + "': parameter '" + name + "' of "
                            + m.source() + " has no value; give it with set(\"" + name + "\", ...)");
                };
            }
            vectors.put(name, params[j]);
        }
        long[] last = new long[n];
        Arrays.fill(last, EquationKernel.NEVER);
        return new Built(g.compiler().compile(m, scheme).create(state, params, last), last, vectors);
    }
}
