package org.izhsim.io.model;

import java.util.LinkedHashMap;
import java.util.Map;
import org.izhsim.integrate.Scheme;
import org.izhsim.model.TimeGrid;
import org.izhsim.network.NeuronGroup;

/**
 * What the sections of one model file share while it is read: the time grid and scheme of its
 * {@code simulation} section, where equation files come from, the groups read so far (that
 * later sections refer to by name) and the equation files used (for the model hash).
 */
final class Context {
    private final ModelFileReader.Equations equations;
    private final TimeGrid grid;
    private final Scheme scheme;
    private final Map<String, NeuronGroup> groups = new LinkedHashMap<>();
    /** SHA-256 of each equation file used, by its path as shown, in order of first use. */
    private final Map<String, String> equationFiles = new LinkedHashMap<>();

    Context(ModelFileReader.Equations equations, TimeGrid grid, Scheme scheme) {
        this.equations = equations;
        this.grid = grid;
        this.scheme = scheme;
    }

    ModelFileReader.Equations equations() {
        return equations;
    }

    TimeGrid grid() {
        return grid;
    }

    double dt() {
        return grid.dt();
    }

    Scheme scheme() {
        return scheme;
    }

    Map<String, NeuronGroup> groups() {
        return groups;
    }

    Map<String, String> equationFiles() {
        return equationFiles;
    }

    NeuronGroup groupRef(YamlNode node) {
        String n = Fields.string(node);
        NeuronGroup g = groups.get(n);
        if (g == null) throw ModelFileException.at(node, "unknown group '" + n + "'; groups: " + String.join(", ", groups.keySet()));
        return g;
    }

    int stepsOf(YamlNode n, double ms) {
        return Values.stepsOf(n, ms, false, grid);
    }

    int stepsOf(YamlNode n, double ms, boolean zeroOk) {
        return Values.stepsOf(n, ms, zeroOk, grid);
    }
}
