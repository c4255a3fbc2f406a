package org.izhsim.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.izhsim.equations.EquationModel;
import org.izhsim.equations.EquationNeuron;
import org.izhsim.io.RunInfo;
import org.izhsim.neuron.NeuronSetup;
import org.izhsim.neuron.NeuronTrace;

/** The JSON results of the commands, with the provenance every output carries. */
final class Summaries {
    private Summaries() {}

    static Map<String, Object> neuron(String command, String label, String currentText, NeuronSetup s, NeuronTrace tr,
                                      double runSeconds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scheme", s.scheme().id());
        m.put("dt_ms", s.dt());
        m.put("duration_ms", s.duration());
        m.put("params", params(s));
        m.put("spike_count", tr.spikeCount());
        m.put("spike_times_ms", tr.spikeTimes());
        m.put("rate_hz", tr.rateHz());
        m.put("neuron", label);
        m.put("model", s.model().name());
        m.put("equations", s.model().equations());
        m.put("current", currentText);
        m.put("run_s", runSeconds);
        m.putAll(RunInfo.base(command));
        return m;
    }

    /** As {@link #neuron} for an equation model: the file, its normalized equations and the --set values. */
    static Map<String, Object> equationNeuron(String command, NeuronOptions.EquationRun run, String currentText,
                                              NeuronTrace tr, double runSeconds) {
        EquationNeuron n = run.neuron();
        EquationModel model = n.model();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scheme", n.scheme().id());
        m.put("dt_ms", n.dt());
        m.put("duration_ms", n.duration());
        Map<String, Object> p = new LinkedHashMap<>();
        for (int j = 0; j < model.parameters().size(); j++) p.put(model.parameters().get(j).name(), n.parameters()[j]);
        for (int j = 0; j < model.states().size(); j++) p.put(model.states().get(j).name() + "0", n.initial()[j]);
        m.put("params", p);
        m.put("spike_count", tr.spikeCount());
        m.put("spike_times_ms", tr.spikeTimes());
        m.put("rate_hz", tr.rateHz());
        m.put("neuron", "equations");
        m.put("model", model.source());
        m.put("model_hash", model.hash());
        m.put("equations", model.normalized());
        m.put("set", run.settings());
        m.put("current", currentText);
        m.put("run_s", runSeconds);
        m.putAll(RunInfo.base(command));
        return m;
    }

    static Map<String, Object> params(NeuronSetup s) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("a", s.params().a());
        p.put("b", s.params().b());
        p.put("c", s.params().c());
        p.put("d", s.params().d());
        p.put("v0", s.v0());
        p.put("u0", s.u0());
        return p;
    }
}
