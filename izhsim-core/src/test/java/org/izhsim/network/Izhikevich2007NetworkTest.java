package org.izhsim.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.izhsim.integrate.Scheme;
import org.izhsim.model.Izhikevich2007Presets;
import org.izhsim.model.Izhikevich2007Presets.Preset2007;
import org.izhsim.neuron.Neuron2007Setup;
import org.izhsim.neuron.NeuronSimulator;
import org.izhsim.neuron.NeuronTrace;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The built-in 2007 model runs in networks through the same kernel as the single-neuron
 * simulator: a network of one such neuron with a constant input and no synapses gives the single
 * neuron's spikes, u and v to the bit. The two label samples differently (the book's recording
 * starts with the initial state, so sample k + 1 follows the update of step k, and a spike of
 * step k is stamped t_(k+1); the network stamps it t_k, {@link Phase}); the book pads the sample
 * before a spike with the cut-off, so v is compared where it is not padded.
 */
class Izhikevich2007NetworkTest {
    @ParameterizedTest(name = "{0} at {1} pA, {2}")
    @CsvSource({"RS, 100, euler", "LTS, 200, euler", "FS, 200, euler", "TC, 100, euler", "RTN, 70, euler",
            "CH, 400, rk4", "FS, 100, rk4"})
    void oneNeuronGivesTheSingleNeuronSimulatorsRun(String id, double amp, String schemeId) {
        Preset2007 p = Izhikevich2007Presets.byId(id);
        Scheme scheme = Scheme.byId(schemeId);
        NeuronTrace single = NeuronSimulator.run(Neuron2007Setup.of(p, amp).withScheme(scheme));

        NeuronGroup cell = NeuronGroup.builder("cell", 1).model2007(p.model()).build();
        SpikeMonitor spikes = SpikeMonitor.of(cell);
        StateMonitor state = StateMonitor.of(cell, new int[] {0}, 1, StateMonitor.Variable.V, StateMonitor.Variable.U);
        Network net = Network.builder().dt(p.dt()).scheme(scheme).add(cell).add(Input.constant(cell, amp))
                .add(spikes).add(state).build();
        long steps = net.grid().positiveSteps(p.duration(), "duration");
        SpikeRecording s;
        StateRecording st;
        try (Simulation sim = Simulation.builder(net).threads(1).build()) {
            sim.runSteps(steps);
            s = sim.recording(spikes);
            st = sim.recording(state);
        }
        assertTrue(single.spikeTimes().length > 0, id + " fires");
        assertEquals(single.spikeTimes().length, s.count(), id + " spike count");
        boolean[] spiked = new boolean[(int) steps + 1];
        for (int i = 0; i < s.count(); i++) {
            assertEquals(single.spikeTimes()[i], (s.step(i) + 1) * p.dt(), id + " spike " + i);
            spiked[(int) s.step(i)] = true;
        }
        double[] v = st.trace("v", 0), u = st.trace("u", 0);
        for (int k = 0; k < steps; k++) {
            assertEquals(single.u()[k + 1], u[k], 0.0, id + " u after step " + k);
            if (!spiked[k + 1]) assertEquals(single.v()[k + 1], v[k], 0.0, id + " v after step " + k);
        }
    }

    @Test
    void netmIsRefusedForThe2007Model() {
        NeuronGroup cell = NeuronGroup.builder("cell", 1).model2007(Izhikevich2007Presets.byId("RS").model()).build();
        Network net = Network.builder().dt(1).scheme(Scheme.NETM).add(cell).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Simulation.builder(net).threads(1).build());
        assertTrue(e.getMessage().contains("2003-model harness"), e.getMessage());
    }

    @Test
    void aStateMonitorOfAnUnknownVariableNamesTheKnownOnes() {
        NeuronGroup cell = NeuronGroup.builder("cell", 1).model2007(Izhikevich2007Presets.byId("RS").model()).build();
        Network net = Network.builder().dt(0.25).scheme(Scheme.EULER).add(cell)
                .add(StateMonitor.ofVariables(cell, new int[] {0}, 1, "a")).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Simulation.builder(net).threads(1).build());
        assertEquals("group 'cell' has no variable 'a'; known: v, u, I, I_syn", e.getMessage());
    }
}
