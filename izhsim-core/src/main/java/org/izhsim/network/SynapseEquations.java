package org.izhsim.network;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.izhsim.equations.Dimension;
import org.izhsim.equations.EquationException;
import org.izhsim.equations.EquationModel;
import org.izhsim.equations.NeuronVariables;
import org.izhsim.equations.SynapseModel;

/**
 * What a synapse model ({@link org.izhsim.equations.SynapseModel}) sees of the neuron groups on
 * either side of a synapse group in a network: the names it may use as {@code x_pre} and
 * {@code x_post}, their units, and which of them it may not assign. Parse a model for a group
 * with {@code SynapseModel.parse(..., variables(pre), variables(post))}; the engine hands the
 * compiled kernel the group's vectors in this order.
 *
 * <table>
 *   <caption>variables by model</caption>
 *   <tr><th>group</th><th>variables (read-only in italics)</th></tr>
 *   <tr><td>izh2003 (and its variants)</td><td>v, u, <i>a, b, c, d, I</i> — all dimensionless, as in
 *       {@code izhikevich2003.eqs}</td></tr>
 *   <tr><td>izh2007</td><td>v [mV], u [pA], <i>I</i> [pA]</td></tr>
 *   <tr><td>an equation model</td><td>its states and parameters, <i>I</i> (if it has an input)</td></tr>
 *   <tr><td>behaviour dynamics</td><td>none (the behaviours own the vectors)</td></tr>
 *   <tr><td>a spike source (generator, Poisson group)</td><td>none (only {@code lastspike_pre})</td></tr>
 * </table>
 *
 * <p>Why these are read-only: {@code I} is recomputed every step from the inputs and the
 * arrivals, and the engine already delivers each synapse's stored weight {@code w} at arrival
 * as for any synapse group — an {@code I_post += w} (Brian2's way of delivering) would count it
 * twice, and any other write would be lost. The 2003 parameters a … d feed the engine's
 * uniform-parameter fast path, which reads them once.
 */
public final class SynapseEquations {
    private SynapseEquations() {}

    /** The name of the input variable, read-only in every group. */
    public static final String INPUT = "I";

    /** The variables a synapse model may name with {@code _pre} or {@code _post} on group {@code g}, in array order. */
    public static NeuronVariables variables(NeuronGroup g) {
        Map<String, Dimension> vars = new LinkedHashMap<>();
        Set<String> readOnly = new LinkedHashSet<>();
        // a spike source (generator, Poisson group) has spikes and no state to read
        if (g.behaviourDynamics() || g.source() != null) return NeuronVariables.none();
        EquationModel eq = g.equations();
        if (eq != null) {
            vars.putAll(NeuronVariables.of(eq).variables());
        } else if (g.model2007() != null) {
            vars.put("v", Dimension.VOLTAGE);
            vars.put("u", Dimension.CURRENT);
            vars.put(INPUT, Dimension.CURRENT);
        } else {
            for (String n : new String[] {"v", "u", "a", "b", "c", "d", INPUT}) vars.put(n, Dimension.NONE);
            readOnly.addAll(java.util.List.of("a", "b", "c", "d"));
        }
        Map<String, String> why = new LinkedHashMap<>();
        if (vars.containsKey(INPUT)) {
            readOnly.add(INPUT);
            why.put(INPUT, "the engine sums I every step from the inputs and the arrivals, and delivers each synapse's w"
                    + " itself when its spike arrives: write no I_post += w");
        }
        for (String p : readOnly) {
            if (!p.equals(INPUT)) why.put(p, "the 2003 model's parameters are fixed during a run");
        }
        return new NeuronVariables(vars, readOnly, why);
    }

    /**
     * Checks that {@code model} was parsed for these two groups and that its weight can be
     * delivered: {@code w} must have the unit of the post group's input I, to which the engine
     * adds it at arrival.
     *
     * @throws IllegalArgumentException naming the model, the group and what differs
     */
    public static void check(SynapseModel model, NeuronGroup pre, NeuronGroup post) {
        if (!model.pre().equals(variables(pre)) || !model.post().equals(variables(post))) {
            throw new IllegalArgumentException(model.source() + ": the model was parsed for pre " + model.pre().variables().keySet()
                    + " and post " + model.post().variables().keySet() + ", not for groups '" + pre.name() + "' "
                    + variables(pre).variables().keySet() + " and '" + post.name() + "' " + variables(post).variables().keySet()
                    + "; parse it with SynapseEquations.variables of the two groups");
        }
        checkSummed(model, post);
        int w = model.weightIndex();
        Dimension input = model.post().variables().get(INPUT);
        if (w >= 0 && input != null && !model.variables().get(w).dimension().equals(input)) {
            throw new IllegalArgumentException(model.source() + ": w is " + model.variables().get(w).dimension()
                    + ", but the engine adds it to the input I of '" + post.name() + "', which is " + input
                    + "; declare w in I's unit");
        }
    }

    /**
     * Brian2's rule for {@code (summed)} variables: each target is a parameter of the post group's
     * equations (which the group reads and never integrates), so the sum is all that sets it.
     *
     * @throws EquationException at the declaration that breaks it
     */
    public static void checkSummed(SynapseModel model, NeuronGroup post) {
        for (SynapseModel.Summed x : model.summed()) checkSummed(model, x, post);
    }

    private static void checkSummed(SynapseModel model, SynapseModel.Summed x, NeuronGroup post) {
        String name = java.util.List.copyOf(model.post().variables().keySet()).get(x.postIndex());
        EquationModel eq = post.equations();
        java.util.List<String> params = eq == null ? java.util.List.of()
                : eq.parameters().stream().map(EquationModel.Parameter::name).toList();
        if (params.contains(name)) return;
        String why = eq == null ? "group '" + post.name() + "' runs a built-in model, whose v and u are state variables"
                : "'" + name + "' is a state variable of " + eq.source() + ", which the group integrates itself";
        throw x.refuse("'" + name + "_post' is (summed), but " + why + "; as in Brian2,"
                + " a summed variable sets a parameter of the post group's equations (declared 'name : unit' and read in"
                + " its equations, e.g. 'I_syn : amp' with 'dv/dt = (... + I_syn)/C')"
                + (params.isEmpty() ? "" : "; parameters of '" + post.name() + "': " + String.join(", ", params)));
    }
}
