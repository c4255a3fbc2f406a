package org.izhsim.io.model;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.izhsim.expr.Expression;
import org.izhsim.expr.ExpressionException;
import org.izhsim.io.model.YamlNode.Scalar;
import org.izhsim.io.model.YamlNode.Sequence;
import org.izhsim.model.TimeGrid;
import org.izhsim.network.NeuronGroup;
import org.izhsim.network.PerNeuron;

/**
 * Checks and conversions every section of a model file shares: numbers, per-neuron values and
 * expressions, names, choices, and the core's one-line refusals turned into errors at a node.
 */
final class Values {
    /** The variable of per-neuron expressions and weights: r ~ U(0, 1), one draw per neuron or synapse. */
    static final List<String> R = List.of("r");

    private Values() {}

    /** Refuses a second item of the same name (names key random streams and files). */
    static void unique(Set<String> seen, YamlNode item, String what, String name) {
        if (!seen.add(name)) {
            throw ModelFileException.at(item, "a second " + what + " named '" + name + "'; give one of them another 'name'");
        }
    }

    static int[] neurons(YamlNode node, NeuronGroup g) {
        List<YamlNode> items = Fields.sequence(node).items();
        if (items.isEmpty()) throw ModelFileException.at(node, "the list of neurons is empty");
        int[] ns = new int[items.size()];
        for (int i = 0; i < ns.length; i++) ns[i] = Fields.intIn(items.get(i), 0, g.size() - 1);
        return ns;
    }

    /** A per-neuron value: a number, an expression of the neuron's r ~ U(0, 1), or one number per neuron. */
    static PerNeuron perNeuron(YamlNode node, int size, Map<String, Object> out, String key) {
        switch (node) {
            case Sequence s -> {
                if (s.items().size() != size) {
                    throw ModelFileException.at(node, s.items().size() + " values given for " + size + " neurons");
                }
                double[] xs = new double[size];
                for (int i = 0; i < size; i++) xs[i] = Fields.number(s.items().get(i));
                out.put(key, "array[" + size + "]");
                return PerNeuron.array(xs);
            }
            case Scalar s when s.type() == Scalar.Type.STRING -> {
                Expression e = expression(node, R);
                out.put(key, e.text());
                return e.dependsOn("r") ? PerNeuron.ofUniform(e::at) : checked(node, () -> PerNeuron.constant(e.at(0)));
            }
            default -> {
                double x = Fields.number(node);
                out.put(key, x);
                return PerNeuron.constant(x);
            }
        }
    }

    static Expression expression(YamlNode node, List<String> variables) {
        String text = Fields.string(node);
        try {
            return Expression.parse(text, variables);
        } catch (ExpressionException e) {
            throw new ModelFileException(node.position() + ": " + node.path() + ": " + e.getMessage(), e.caretDiagram(), e);
        }
    }

    static void checkName(YamlNode.Position at, String path, String name) {
        if (!name.matches("[A-Za-z_][A-Za-z0-9_.:>-]*")) {
            throw ModelFileException.at(at, path, "name '" + name + "' must start with a letter or '_' and hold only letters, "
                    + "digits and _ . : > -");
        }
    }

    static Set<String> choices(YamlNode node, List<String> allowed, boolean noneAllowed) {
        Set<String> out = new LinkedHashSet<>();
        if (noneAllowed && node instanceof Scalar s && s.type() == Scalar.Type.STRING && s.text().trim().equalsIgnoreCase("none")) {
            return out;
        }
        List<YamlNode> items = node instanceof Sequence s ? s.items() : List.of(node);
        for (YamlNode i : items) {
            if (!out.add(Fields.choice(i, allowed))) throw ModelFileException.at(i, "listed twice");
        }
        return out;
    }

    static double positive(YamlNode n) {
        double x = Fields.number(n);
        if (!(x > 0)) throw ModelFileException.at(n, "must be positive, got " + Fields.string(n));
        return x;
    }

    /** Runs a core constructor; its one-line refusal becomes an error at {@code node}. */
    static <T> T checked(YamlNode node, Supplier<T> make) {
        try {
            return make.get();
        } catch (ModelFileException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw ModelFileException.at(node, e.getMessage());
        }
    }

    static String describe(YamlNode n) {
        return n instanceof Scalar s ? s.text() : n.kind();
    }

    /** {@code ms} as whole steps of the grid's dt (at least 1 unless {@code zeroOk}). */
    static int stepsOf(YamlNode n, double ms, boolean zeroOk, TimeGrid grid) {
        long k = grid.wholeSteps(ms);
        if (ms < 0 || k < 0 || (k == 0 && !zeroOk) || k > Integer.MAX_VALUE / 4) {
            throw ModelFileException.at(n, ms + " ms is not a " + (zeroOk ? "" : "positive ") + "whole number of steps of dt_ms " + grid.dt());
        }
        return (int) k;
    }

    /**
     * Which kind of item {@code node} is, by its key {@code key} ("type", "rule"): one of the
     * keys of {@code kinds}, listed as {@code plural} when the key is missing.
     */
    static String kind(YamlNode node, String key, String plural, Map<String, List<String>> kinds) {
        YamlNode.Mapping m = Fields.mapping(node);
        YamlNode k = m.entries().get(key);
        if (k == null) {
            throw ModelFileException.at(m, "missing required key '" + key + "'; " + plural + ": " + String.join(", ", kinds.keySet()));
        }
        return Fields.choice(k, List.copyOf(kinds.keySet()));
    }
}
