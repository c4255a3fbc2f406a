package org.izhsim.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.izhsim.io.model.ModelFile;
import org.izhsim.network.Input;
import org.izhsim.network.Izhikevich2003Network;
import org.izhsim.network.Network;
import org.izhsim.network.NeuronGroup;
import org.izhsim.network.ParameterChange;
import org.izhsim.network.SpikeMonitor;
import org.izhsim.network.StateMonitor;
import org.izhsim.network.SynapseGroup;
import org.izhsim.run.Net2003Options;

/**
 * What a network session runs, whichever source it came from: the built-in 2003 network of the
 * form's settings, or a model file. A session needs only this: the network with its spike
 * monitor and one traced neuron, the duration, how to draw it (groups, title) and which inputs
 * the page may steer. Only built-in plans have {@link #builtin} options, which is what a replay
 * file records; a model file's session is reproduced from the file itself.
 *
 * @param builtin     the 2003 network's options, or null for a model file
 * @param model       the model file, or null for the built-in network
 * @param network     the network to simulate (built, monitors in place)
 * @param spikes      its monitor of every spike (global indices)
 * @param trace       the default traced neuron's state monitor
 * @param traceGlobal that neuron's global index
 * @param durationMs  simulated time [ms]
 * @param title       the raster's title
 * @param peakMv      the v a spike is drawn to in the trace (the 2003 model's 30 mV), or NaN to draw v as recorded
 */
record NetPlan(Net2003Options builtin, ModelFile model, Network network, SpikeMonitor spikes, StateMonitor trace, int traceGlobal,
               double durationMs, String title, double peakMv) {

    static NetPlan of(Net2003Options o) {
        Izhikevich2003Network.Built b = o.apply(Izhikevich2003Network.builder()).build();
        return new NetPlan(o, null, b.network(), b.spikes(), b.trace(), o.traceNeuron(), o.durationMs(), o.title(), 30);
    }

    static NetPlan of(ModelFile mf) {
        Network n = mf.network();
        // the 2003 model's groups spike at its 30 mV cut-off; a 2007 or equation group's v is drawn as recorded
        boolean izh2003 = n.groups().stream().allMatch(g -> g.equations() == null && g.model2007() == null && g.model().vPeak() == 30);
        String title = mf.name() + ", " + n.neuronCount() + " neurons, scheme " + n.scheme().id() + ", dt "
                + Net2003Options.number(n.dt()) + " ms, seed " + n.seed();
        return new NetPlan(null, mf, n, mf.spikes(), mf.trace(), n.offset(mf.traceGroup()) + mf.traceNeuron(), mf.durationMs(), title,
                izh2003 ? 30 : Double.NaN);
    }

    long steps() {
        return network.grid().positiveSteps(durationMs, "duration");
    }

    int neurons() {
        return network.neuronCount();
    }

    /** The group holding global neuron {@code i}. */
    NeuronGroup groupOf(int i) {
        if (i < 0 || i >= neurons()) throw ApiException.badRequest("neuron = " + i + " is outside 0 .. " + (neurons() - 1));
        for (NeuronGroup g : network.groups()) {
            int off = network.offset(g);
            if (i < off + g.size()) return g;
        }
        throw new IllegalStateException("neuron " + i + " in no group");
    }

    /** Groups as the page colours the raster by: name and global index range [from, to). */
    List<Map<String, Object>> groups() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (NeuronGroup g : network.groups()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", g.name());
            m.put("from", network.offset(g));
            m.put("to", network.offset(g) + g.size());
            out.add(m);
        }
        return out;
    }

    /** The inputs a change may name, with their kind (noise, constant, poisson); time-dependent currents are fixed. */
    List<Map<String, Object>> steerable() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Input in : network.inputs()) {
            String kind = kind(in);
            if (kind == null) continue;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", in.name());
            m.put("kind", kind);
            m.put("group", in.group().name());
            Double value = switch (in) {
                case Input.Noise x -> x.sigma().isConstant() ? x.sigma().constantValue() : null;
                case Input.Constant x -> x.amplitude().isConstant() ? x.amplitude().constantValue() : null;
                case Input.Poisson x -> x.rateHz();
                case Input.TimeCurrent x -> null;
            };
            m.put("value", value);
            out.add(m);
        }
        return out;
    }

    private static String kind(Input in) {
        return switch (in) {
            case Input.Noise x -> "noise";
            case Input.Constant x -> "constant";
            case Input.Poisson x -> "poisson";
            case Input.TimeCurrent x -> null;
        };
    }

    /**
     * The change "from now on, {@code input} has {@code value}" for this network: σ of a noise
     * input, the amplitude of a constant current, the rate of a Poisson input. The built-in
     * network keeps the replay file's rules ({@link Replay.Change}).
     */
    ParameterChange change(String input, double value) {
        if (builtin != null) return replayChange(0, input, value).toParameterChange();
        Input in = network.inputs().stream().filter(x -> x.name().equals(input)).findFirst().orElse(null);
        if (in == null || kind(in) == null) {
            throw ApiException.badRequest("unknown input '" + input + "'; steerable here: "
                    + String.join(", ", steerable().stream().map(m -> (String) m.get("name")).toList()));
        }
        if (!Double.isFinite(value) || Math.abs(value) > Replay.MAX_VALUE) {
            throw ApiException.badRequest(input + " = " + value + " is outside -" + Replay.MAX_VALUE + " .. " + Replay.MAX_VALUE);
        }
        if (!(in instanceof Input.Constant) && value < 0) throw ApiException.badRequest(input + " must be >= 0, got " + value);
        return switch (in) {
            case Input.Noise x -> ParameterChange.noiseSigma(input, value);
            case Input.Constant x -> ParameterChange.constantCurrent(input, value);
            default -> ParameterChange.poissonRate(input, value);
        };
    }

    static Replay.Change replayChange(long step, String input, double value) {
        try {
            return new Replay.Change(step, input, value);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    /** v as the page draws it: each spike of global neuron {@code neuron} to {@link #peakMv} ({@link PeakTraces}), or as recorded. */
    double[] drawnV(double[] v, org.izhsim.network.SpikeRecording spikes, int neuron) {
        return Double.isNaN(peakMv) ? v : org.izhsim.network.PeakTraces.peakPadded(v, spikes, neuron, network.scheme(), peakMv);
    }

    /** The synapse groups whose weights the page may show. */
    List<SynapseGroup> synapseGroups() {
        return network.synapses();
    }

    /** A fresh copy of the network that also records v and u of global neuron {@code i} every step. */
    Network withTraceOf(int i, StateMonitor[] monitor) {
        NeuronGroup g = groupOf(i);
        monitor[0] = StateMonitor.ofVariables(g, new int[] {i - network.offset(g)}, 1, "v", "u").named("ui-trace");
        return network.withMonitors(List.of(monitor[0]));
    }
}
