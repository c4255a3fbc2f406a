package org.izhsim.equations;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The variables of the neuron group on one side of a synapse model, as the caller has them: the
 * names a synapse model may use with {@code _pre} or {@code _post}, each with its dimension, in
 * the order of the {@code double[][]} arrays the compiled {@link SynapseKernel} is given, and the
 * names synapse code may read but never write (parameters marked constant, say).
 *
 * @param variables name → dimension, in array order
 * @param readOnly  names among {@code variables} that statements may not assign
 * @param why       why each read-only name is read-only, where the caller says (it ends the
 *                  message that refuses an assignment)
 */
public record NeuronVariables(Map<String, Dimension> variables, Set<String> readOnly, Map<String, String> why) {
    public NeuronVariables {
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        readOnly = Set.copyOf(readOnly);
        why = Map.copyOf(why);
        for (String name : why.keySet()) {
            if (!readOnly.contains(name)) throw new IllegalArgumentException("a reason given for '" + name + "', which is not read-only");
        }
        for (String name : variables.keySet()) {
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException("neuron variable '" + name + "' is not a name: use letters, digits and"
                        + " '_', starting with a letter or '_'");
            }
        }
        for (String name : readOnly) {
            if (!variables.containsKey(name)) throw new IllegalArgumentException("read-only '" + name + "' is no variable");
        }
    }

    /** Variables with read-only ones and no reasons. */
    public NeuronVariables(Map<String, Dimension> variables, Set<String> readOnly) {
        this(variables, readOnly, Map.of());
    }

    /** Writable variables. */
    public static NeuronVariables of(Map<String, Dimension> variables) {
        return new NeuronVariables(variables, Set.of());
    }

    /** The state variables, parameters and the input I of an equation model, in that order, all writable. */
    public static NeuronVariables of(EquationModel model) {
        Map<String, Dimension> v = new LinkedHashMap<>();
        model.states().forEach(s -> v.put(s.name(), s.dimension()));
        model.parameters().forEach(p -> v.put(p.name(), p.dimension()));
        if (model.hasInput()) v.put("I", model.inputDimension());
        return of(v);
    }

    /** No variables (a spike source such as a generator group). */
    public static NeuronVariables none() {
        return of(Map.of());
    }

    /** The position of {@code name} in {@link #variables()}, or −1. */
    public int indexOf(String name) {
        int i = 0;
        for (String n : variables.keySet()) {
            if (n.equals(name)) return i;
            i++;
        }
        return -1;
    }
}
