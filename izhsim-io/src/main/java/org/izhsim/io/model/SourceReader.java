package org.izhsim.io.model;

import static org.izhsim.io.model.Values.checked;
import static org.izhsim.io.model.Values.perNeuron;

import java.util.List;
import java.util.Map;
import org.izhsim.io.model.YamlNode.Mapping;
import org.izhsim.io.model.YamlNode.Sequence;
import org.izhsim.network.NeuronGroup;
import org.izhsim.network.PerNeuron;
import org.izhsim.network.SpikeSource;

/**
 * Groups of spike sources: {@code model: spike_generator} with {@code spikes} (indices and
 * times inline, or a .npz / .csv file with {@code i} and {@code t_ms}), and {@code model:
 * poisson} with {@code rate_hz} per neuron (a number, an expression of r, or one per neuron).
 */
final class SourceReader {
    static final String GENERATOR = "spike_generator", POISSON = "poisson";
    static final List<String> NAMES = List.of(GENERATOR, POISSON);

    private SourceReader() {}

    static NeuronGroup group(Context ctx, String name, YamlNode node, String model, int size, Map<String, Object> out) {
        out.put("model", model);
        if (model.equals(POISSON)) {
            Fields f = Fields.of(node, List.of("size", "model", "rate_hz"));
            PerNeuron rate = perNeuron(f.get("rate_hz"), size, out, "rate_hz");
            return checked(f.get("rate_hz"), () -> NeuronGroup.poisson(name, size, rate));
        }
        Fields f = Fields.of(node, List.of("size", "model", "spikes"));
        YamlNode spikes = f.get("spikes");
        int[] indices;
        double[] times;
        if (spikes instanceof Mapping) {
            Fields s = Fields.of(spikes, Schema.SPIKES);
            indices = ints(s.get("indices"));
            times = numbers(s.get("times_ms"));
            if (indices.length != times.length) {
                throw ModelFileException.at(spikes, indices.length + " indices but " + times.length + " times_ms");
            }
            out.put("spikes", indices.length + " spikes");
        } else {
            Map<String, double[]> cols = DataFiles.columns(spikes, ctx, List.of("i", "t_ms"), List.of());
            indices = DataFiles.ints(spikes, "i", cols.get("i"));
            times = cols.get("t_ms");
            out.put("spikes", Fields.string(spikes) + " (" + indices.length + " spikes)");
        }
        NeuronGroup g = checked(spikes, () -> NeuronGroup.spikeGenerator(name, size, indices, times));
        // two spikes of a neuron in one step: refused here, at the spikes, rather than by the network
        checked(spikes, () -> ((SpikeSource.Generator) g.source()).schedule(name, size, ctx.grid()));
        return g;
    }

    static int[] ints(YamlNode node) {
        List<YamlNode> items = Fields.sequence(node).items();
        int[] out = new int[items.size()];
        for (int i = 0; i < out.length; i++) out[i] = Fields.intIn(items.get(i), Integer.MIN_VALUE, Integer.MAX_VALUE);
        return out;
    }

    static double[] numbers(YamlNode node) {
        Sequence s = Fields.sequence(node);
        double[] out = new double[s.items().size()];
        for (int i = 0; i < out.length; i++) out[i] = Fields.number(s.items().get(i));
        return out;
    }
}
