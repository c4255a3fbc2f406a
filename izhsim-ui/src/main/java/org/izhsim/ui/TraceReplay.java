package org.izhsim.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.izhsim.network.Network;
import org.izhsim.network.Simulation;
import org.izhsim.network.SpikeRecording;
import org.izhsim.network.StateMonitor;
import org.izhsim.network.StateRecording;

/**
 * A clicked neuron's v and u, replayed rather than recorded: the session records only one
 * neuron, and recording every neuron in case it is clicked would cost memory in proportion to
 * the network. Since a run is a pure function of its network, seed and timed changes (random
 * numbers are keyed by seed, stream, neuron and step; changes commit between steps), running it
 * again with a monitor on the clicked neuron gives that neuron's exact history; the spikes of
 * the replay are compared with the session's to show it.
 */
final class TraceReplay {
    private TraceReplay() {}

    static Map<String, Object> run(NetPlan plan, List<NetworkSession.Timed> changes, NetworkSession.Snapshot upTo, int neuron) {
        StateMonitor[] monitor = new StateMonitor[1];
        Network net = plan.withTraceOf(neuron, monitor);
        long t0 = System.nanoTime();
        StateRecording rec;
        SpikeRecording spikes;
        try (Simulation sim = Simulation.builder(net).threads(1).build()) {
            for (NetworkSession.Timed c : changes) sim.schedule(c.step(), c.change());
            sim.runSteps(upTo.steps());
            rec = sim.recording(monitor[0]);
            spikes = sim.recording(plan.spikes());
        }
        double[] v = plan.drawnV(rec.trace("v", 0), spikes, neuron);
        double[] u = rec.trace("u", 0);
        int[] keep = Downsample.minMax(v, Limits.TRACE_POINTS);
        int own = 0;
        for (int k = 0; k < spikes.count(); k++) if (spikes.neuron(k) == neuron) own++;
        double[] spikeT = new double[own];
        for (int k = 0, j = 0; k < spikes.count(); k++) if (spikes.neuron(k) == neuron) spikeT[j++] = spikes.timeMs(k);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("neuron", neuron);
        m.put("group", plan.groupOf(neuron).name());
        m.put("mode", "replayed");
        m.put("steps", upTo.steps());
        m.put("t_ms", plan.network().grid().timeMs(upTo.steps()));
        m.put("samples", v.length);
        m.put("t", Downsample.pick(rec.timesMs(), keep));
        m.put("v", Downsample.pick(v, keep));
        m.put("u", Downsample.pick(u, keep));
        m.put("spike_t", spikeT);
        // the replay's spikes are the session's, or the trace would be another run's
        m.put("identical", spikes.equals(upTo.spikes()));
        m.put("replay_ms", (System.nanoTime() - t0) / 1e6);
        return m;
    }
}
