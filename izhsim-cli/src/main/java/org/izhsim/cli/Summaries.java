package org.izhsim.cli;

import java.util.LinkedHashMap;
import java.util.Map;
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
