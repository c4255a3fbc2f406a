package org.izhsim.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.izhsim.io.GridTimes;
import org.izhsim.equations.EquationModel;
import org.izhsim.equations.EquationNeuron;
import org.izhsim.io.RunInfo;
import org.izhsim.model.Izhikevich2007Model;
import org.izhsim.neuron.Neuron2007Setup;
import org.izhsim.neuron.NeuronSetup;
import org.izhsim.neuron.NeuronSpec;
import org.izhsim.neuron.NeuronTrace;

/** The JSON results of the commands, with the provenance every output carries. */
final class Summaries {
    private Summaries() {}

    /** A trace's spike times as files print them: k·dt in decimal ({@link GridTimes}). */
    static double[] spikeTimes(NeuronTrace tr) {
        return GridTimes.onGrid(tr.spikeTimes(), tr.dt());
    }

    static Map<String, Object> neuron(String command, String label, String currentText, NeuronSpec s, NeuronTrace tr,
                                      double runSeconds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scheme", s.scheme().id());
        m.put("dt_ms", s.dt());
        m.put("duration_ms", s.duration());
        m.put("params", params(s));
        m.put("spike_count", tr.spikeCount());
        m.put("spike_times_ms", spikeTimes(tr));
        m.put("rate_hz", tr.rateHz());
        m.put("neuron", label);
        m.put("model", s.modelName());
        m.put("equations", s.equations());
        m.put("current", currentText);
        if (!s.currentUnit().isEmpty()) m.put("current_unit", s.currentUnit());
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
        m.put("spike_times_ms", spikeTimes(tr));
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

    static Map<String, Object> params(NeuronSpec spec) {
        Map<String, Object> p = new LinkedHashMap<>();
        if (spec instanceof Neuron2007Setup s7) {
            Izhikevich2007Model m = s7.model();
            p.put("C_pF", m.C());
            p.put("k_nS_per_mV", m.k());
            p.put("vr_mV", m.vr());
            p.put("vt_mV", m.vt());
            p.put("vpeak_mV", m.vpeak());
            p.put("a_per_ms", m.a());
            p.put("b_nS", m.b());
            p.put("c_mV", m.c());
            p.put("d_pA", m.d());
            p.put("rule", m.rule().name());
            p.put("cutoff", m.strictCutoff() ? "v > vpeak" : "v >= vpeak");
            p.put("v0_mV", s7.v0());
            p.put("u0_pA", s7.u0());
            return p;
        }
        NeuronSetup s = (NeuronSetup) spec;
        p.put("a", s.params().a());
        p.put("b", s.params().b());
        p.put("c", s.params().c());
        p.put("d", s.params().d());
        p.put("v0", s.v0());
        p.put("u0", s.u0());
        return p;
    }
}
