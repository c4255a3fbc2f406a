package org.izhsim.io.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.izhsim.integrate.Scheme;
import org.izhsim.model.Izhikevich2007Presets;
import org.izhsim.network.Input;
import org.izhsim.network.Network;
import org.izhsim.network.NeuronGroup;
import org.izhsim.network.Simulation;
import org.izhsim.network.SpikeMonitor;
import org.izhsim.network.SpikeRecording;
import org.junit.jupiter.api.Test;

/** {@code model: izh2007} groups: the book's cells with overrides, the same run as the Java API's. */
class Izhikevich2007ModelFileTest {
    private static final String LTS = """
            izhsim: 1
            simulation: {scheme: euler, dt_ms: 0.25, duration_ms: 500}
            groups:
              lts:
                size: 100
                model: izh2007
                preset: LTS
                params: {d: 120}
                initial: {v: "-60-5*r"}
            inputs:
              - {type: constant, group: lts, amplitude: 150}
            """;

    @Test
    void theDocumentedExampleRunsTheBookCellWithItsOverrides() {
        ModelFile mf = ModelFileValuesTest.parse(LTS);
        NeuronGroup g = mf.network().group("lts");
        assertEquals(Izhikevich2007Presets.byId("LTS").model().rule(), g.model2007().rule());
        assertEquals(120.0, g.model2007().d());
        assertEquals(Izhikevich2007Presets.byId("LTS").model().C(), g.model2007().C());
        try (Simulation sim = Simulation.builder(mf.network()).threads(1).build()) {
            double[] v = sim.v(g);
            for (double x : v) assertTrue(x <= -60 && x > -65, "v0 " + x);
            sim.run(500);
            assertTrue(sim.timing().spikes() > 100, "the cells fire: " + sim.timing().spikes());
        }
    }

    @Test
    void oneCellGivesTheJavaApisSpikes() {
        ModelFile mf = ModelFileValuesTest.parse("""
                izhsim: 1
                simulation: {scheme: rk4, dt_ms: 0.25, duration_ms: 300}
                groups:
                  c: {size: 1, model: izh2007, preset: CH}
                inputs:
                  - {type: constant, group: c, amplitude: 400}
                """);
        NeuronGroup c = NeuronGroup.builder("c", 1).model2007(Izhikevich2007Presets.byId("CH").model()).build();
        SpikeMonitor m = SpikeMonitor.of(c);
        Network net = Network.builder().scheme(Scheme.RK4).dt(0.25).add(c).add(Input.constant(c, 400)).add(m).build();
        SpikeRecording api, file;
        try (Simulation sim = Simulation.builder(net).threads(1).build()) {
            sim.run(300);
            api = sim.recording(m);
        }
        try (Simulation sim = Simulation.builder(mf.network()).threads(1).build()) {
            sim.run(300);
            file = sim.recording(mf.spikes());
        }
        assertTrue(api.count() > 3, "CH bursts: " + api.count());
        assertArrayEquals(api.steps(), file.steps());
    }

    @Test
    void aSchemeThe2007ModelLacksAndAnUnknownParameterAreRefusedAtTheirKeys() {
        ModelFileException netm = assertThrows(ModelFileException.class, () -> ModelFileValuesTest.parse("""
                izhsim: 1
                simulation: {scheme: netm, duration_ms: 10}
                groups:
                  c: {size: 1, model: izh2007}
                """));
        assertTrue(netm.getMessage().contains("groups.c.model") && netm.getMessage().contains("2003-model harness"),
                netm.getMessage());
        ModelFileException key = assertThrows(ModelFileException.class, () -> ModelFileValuesTest.parse("""
                izhsim: 1
                simulation: {scheme: euler, dt_ms: 0.25, duration_ms: 10}
                groups:
                  c: {size: 1, model: izh2007, params: {tau: 3}}
                """));
        assertTrue(key.getMessage().contains("groups.c.params.tau") && key.getMessage().contains("C, k, vr, vt, vpeak"),
                key.getMessage());
    }
}
