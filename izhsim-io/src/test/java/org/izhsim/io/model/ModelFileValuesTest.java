package org.izhsim.io.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.izhsim.model.IzhikevichModel;
import org.izhsim.model.Preset;
import org.izhsim.model.Presets;
import org.izhsim.network.NeuronGroup;
import org.izhsim.network.Simulation;
import org.izhsim.random.CounterRandom;
import org.izhsim.random.Streams;
import org.junit.jupiter.api.Test;

/**
 * Per-neuron values reach the simulation exactly as documented: expressions of the neuron's r
 * (drawn from the stream {@code params/GROUP}, one r shared by all of a neuron's expressions),
 * lists, constants and presets.
 */
class ModelFileValuesTest {
    static ModelFile parse(String text) {
        return ModelFile.parse("m.yaml", text, ModelFile.Overrides.NONE);
    }

    @Test
    void expressionsOfRListsAndConstants() {
        ModelFile mf = parse("""
                izhsim: 1
                simulation: {duration_ms: 1, seed: 42}
                groups:
                  g:
                    size: 5
                    params: {a: [0.01, 0.02, 0.03, 0.04, 0.05], b: "0.25-0.05*r", c: "-65+15*r**2", d: "2*3"}
                    initial: {v: "-70+r", u: -14}
                """);
        NeuronGroup g = mf.network().group("g");
        try (Simulation sim = Simulation.of(mf.network())) {
            long key = CounterRandom.key(Streams.key(42, "params/g"), 0);
            for (int i = 0; i < 5; i++) {
                double r = CounterRandom.uniform(key, i);
                assertEquals(0.01 * (i + 1), sim.a(g)[i], 1e-15);
                assertEquals(0.25 - 0.05 * r, sim.b(g)[i]);
                assertEquals(-65 + 15 * (r * r), sim.c(g)[i]);
                assertEquals(6.0, sim.d(g)[i]);
                assertEquals(-70 + r, sim.v(g)[i]);
                assertEquals(-14.0, sim.u(g)[i]);
            }
        }
    }

    @Test
    void presetsSetModelParametersAndInitialStateAndParamsOverrideThem() {
        Preset r = Presets.byId("R");
        ModelFile mf = parse("""
                izhsim: 1
                simulation: {duration_ms: 1}
                groups:
                  acc: {size: 2, preset: R}
                  fs: {size: 2, preset: FS, params: {d: 3}}
                """);
        NeuronGroup acc = mf.network().group("acc"), fs = mf.network().group("fs");
        assertEquals(IzhikevichModel.ACCOMMODATION, acc.model());
        Preset fsp = Presets.byId("FS");
        try (Simulation sim = Simulation.of(mf.network())) {
            assertArrayEquals(new double[] {r.params().a(), r.params().a()}, sim.a(acc));
            assertArrayEquals(new double[] {r.v0(), r.v0()}, sim.v(acc));
            assertArrayEquals(new double[] {r.u0(), r.u0()}, sim.u(acc));
            assertArrayEquals(new double[] {fsp.params().a(), fsp.params().a()}, sim.a(fs));
            assertArrayEquals(new double[] {3, 3}, sim.d(fs));
        }
        assertEquals("m.yaml:5:26: groups.acc.preset: unknown preset 'Q1'; known: RS, IB, CH, FS, LTS, TC, TC-burst, RZ, A..T",
                assertThrows(ModelFileException.class, () -> parse("""
                        izhsim: 1
                        simulation: {duration_ms: 1}
                        groups:
                          fs: {size: 2}
                          acc: {size: 2, preset: Q1}
                        """)).getMessage());
    }

    @Test
    void secondItemsOfOneNameAreRefused() {
        String twice = """
                izhsim: 1
                simulation: {duration_ms: 1}
                groups: {g: {size: 2}}
                synapses:
                  - {from: g, to: g}
                  - {from: g, to: g, weight: 1}
                """;
        assertEquals("m.yaml:6:5: synapses[1]: a second synapse group named 'g->g'; give one of them another 'name'",
                assertThrows(ModelFileException.class, () -> parse(twice)).getMessage());
        parse(twice.replace("weight: 1}", "weight: 1, name: g2}"));
        assertEquals("m.yaml:6:5: monitors[1]: a second monitor named 'rate:g'; give one of them another 'name'",
                assertThrows(ModelFileException.class, () -> parse("""
                        izhsim: 1
                        simulation: {duration_ms: 1}
                        groups: {g: {size: 2}}
                        monitors:
                          - {type: rate, group: g}
                          - {type: rate, group: g, bin_ms: 2}
                        """)).getMessage());
    }
}
