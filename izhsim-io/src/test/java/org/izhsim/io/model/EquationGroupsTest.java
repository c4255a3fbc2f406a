package org.izhsim.io.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.izhsim.codegen.KernelCompiler;
import org.izhsim.network.NeuronGroup;
import org.izhsim.network.Simulation;
import org.izhsim.network.SpikeRecording;
import org.izhsim.random.CounterRandom;
import org.izhsim.random.Streams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Groups that run an equation model ({@code model: {equations: FILE}}): the file is found
 * relative to the model file, its own names (not just a, b, c, d) are the keys of params and
 * initial, values follow its declared units, and every refusal names the place — the model
 * file's for names and values, the equation file's own line and column for the equations.
 * The messages are compared whole.
 */
class EquationGroupsTest {
    static final String IZH = """
            dv/dt = (0.04*v**2 + 5*v + 140 - u + I)/ms : 1
            du/dt = a*(b*v - u)/ms : 1
            a : 1
            b : 1
            c : 1
            d : 1
            I : 1
            threshold: v >= 30
            reset: v = c; u += d
            """;

    @TempDir
    Path dir;

    /** A model file {@code models/net.yaml} whose one group {@code g} has the given lines; the equation file is eqs/m.eqs. */
    ModelFile load(String eqs, String groupLines) throws Exception {
        Files.createDirectories(dir.resolve("models"));
        Files.createDirectories(dir.resolve("eqs"));
        Files.writeString(dir.resolve("eqs/m.eqs"), eqs);
        Files.writeString(dir.resolve("models/net.yaml"), """
                izhsim: 1
                simulation: {duration_ms: 200, dt_ms: 0.1, scheme: euler}
                groups:
                  g:
                    size: 3
                """ + groupLines + """
                inputs:
                  - {type: constant, group: g, amplitude: 10}
                """);
        return ModelFile.load(dir.resolve("models/net.yaml"), ModelFile.Overrides.NONE, KernelCompiler.INSTANCE);
    }

    String error(String eqs, String groupLines) {
        String m = assertThrows(ModelFileException.class, () -> load(eqs, groupLines)).getMessage();
        return m.replace(dir.toString() + java.io.File.separator, "").replace(java.io.File.separatorChar, '/');
    }

    @Test
    void valuesReachTheSimulationAndTheModelRuns() throws Exception {
        ModelFile mf = load(IZH, """
                    model: {equations: ../eqs/m.eqs}
                    params: {a: 0.02, b: "0.25-0.05*r", c: [-65, -60, -55], d: 8}
                    initial: {v: "-70+r"}
                """);
        NeuronGroup g = mf.network().group("g");
        long key = CounterRandom.key(Streams.key(1, "params/g"), 0);
        try (Simulation sim = Simulation.of(mf.network())) {
            for (int i = 0; i < 3; i++) {
                double r = CounterRandom.uniform(key, i);
                assertEquals(0.25 - 0.05 * r, sim.b(g)[i]);
                assertEquals(-65 + 5 * i, sim.c(g)[i]);
                assertEquals(-70 + r, sim.v(g)[i]);
                assertEquals((0.25 - 0.05 * r) * (-70 + r), sim.u(g)[i], "u defaults to b*v");
            }
            sim.run(200);
            SpikeRecording s = sim.recording(mf.spikes());
            // I = 10: regular spiking around 10-30 Hz, each neuron
            for (int i = 0; i < 3; i++) assertTrue(s.countNeurons(i, i + 1) >= 2, "neuron " + i + ": " + s.countNeurons(i, i + 1));
        }
    }

    @Test
    void namesOtherThanABCDAndDeclaredUnits() throws Exception {
        // AdEx: a and b are a conductance and a current, v a voltage; w has no built-in twin
        String adex = Files.readString(Path.of("..", "examples", "equations", "adex.eqs"));
        ModelFile mf = load(adex, """
                    model: {equations: ../eqs/m.eqs}
                    params: {C: 281*pF, gL: 30*nS, EL: -70.6*mV, VT: -50.4*mV, DeltaT: 2*mV, tauw: 144*ms,
                             a: 4*nS, b: 0.0805*namp, Vr: "(-70.6+r)*mV"}
                    initial: {v: -70.6*mV, w: 0.01*namp}
                """);
        NeuronGroup g = mf.network().group("g");
        assertEquals(10.0, g.values().get("w").resolve("w", 3, null)[0], 1e-12); // 0.01 nA = 10 pA, model units
        try (Simulation sim = Simulation.of(mf.network())) {
            assertEquals(-70.6, sim.v(g)[0], 1e-12);
            assertEquals(80.5, sim.b(g)[0], 1e-12);
            sim.run(200);
            assertTrue(sim.recording(mf.spikes()).count() == 0, "10 pA is below the AdEx rheobase");
        }
        @SuppressWarnings("unchecked")
        var gOut = (java.util.Map<String, java.util.Map<String, Object>>) ((java.util.Map<String, Object>) mf.resolved()
                .get("groups")).get("g");
        assertEquals("(-70.6+r)*mV", gOut.get("params").get("Vr"));
        assertEquals(java.util.Map.of("v", "-70.6*mV", "w", "0.01*namp"), gOut.get("initial"));
    }

    @Test
    void unknownNamesListTheModelsNames() {
        assertEquals("models/net.yaml:7:23: groups.g.params.k: unknown name; parameters of eqs/m.eqs: a, b, c, d",
                error(IZH, """
                            model: {equations: ../eqs/m.eqs}
                            params: {a: 0.02, k: 1}
                        """));
        assertEquals("models/net.yaml:8:15: groups.g.initial.w: unknown name; state variables of eqs/m.eqs: v, u",
                error(IZH, """
                            model: {equations: ../eqs/m.eqs}
                            params: {a: 0.02, b: 0.2, c: -65, d: 8}
                            initial: {w: 0}
                        """));
        assertEquals("models/net.yaml:7:13: groups.g.params: no value for parameter(s) c, d of eqs/m.eqs; give them under 'params'",
                error(IZH, """
                            model: {equations: ../eqs/m.eqs}
                            params: {a: 0.02, b: 0.2}
                        """));
    }

    @Test
    void valuesFollowTheDeclaredUnits() {
        String volts = IZH.replace(": 1\ndu/dt", ": volt\ndu/dt").replace("0.04*v**2 + 5*v + 140 - u + I)/ms : volt",
                "0.04*v**2/mV + 5*v + 140*mV - u*mV + I*mV)/ms : volt").replace("b*v - u", "b*v/mV - u")
                .replace("v >= 30", "v >= 30*mV").replace("v = c;", "v = c*mV;");
        String group = """
                    model: {equations: ../eqs/m.eqs}
                    params: {a: 0.02, b: 0.2, c: -65, d: 8}
                    initial: {v: %s}
                """;
        assertEquals("models/net.yaml:8:18: groups.g.initial.v: 'v' is volt but the value '-65' is 1 (dimensionless)",
                error(volts, group.formatted("-65")));
        assertEquals("models/net.yaml:8:18: groups.g.initial.v: 'v' is volt but the value '-65*nS' is siemens",
                error(volts, group.formatted("-65*nS")));
        assertEquals("models/net.yaml:8:18: groups.g.initial.v: 'v' cannot depend on the time t; use numbers, units and r",
                error(volts, group.formatted("\"-65*mV+t*mV/ms\"")));
    }

    @Test
    void missingFilesAndEquationErrorsKeepTheirOwnPlace() {
        assertEquals("models/net.yaml:6:24: groups.g.model.equations: equation file eqs/none.eqs does not exist (paths are "
                + "relative to the model file)", error(IZH, "    model: {equations: ../eqs/none.eqs}\n"));
        assertEquals("eqs/m.eqs:2:12: unknown name 'w'; known: v, u, a, b, c, d, I, t and units such as mV, ms, pA, nS, pF, Hz"
                        + " (used at models/net.yaml:6:24: groups.g.model.equations)",
                error(IZH.replace("a*(b*v - u)", "a*(w*v - u)"), "    model: {equations: ../eqs/m.eqs}\n"));
        assertEquals("models/net.yaml:6:13: groups.g.model.file: unknown key; allowed: equations",
                error(IZH, "    model: {file: ../eqs/m.eqs}\n"));
        assertEquals("models/net.yaml:7:13: groups.g.preset: a preset takes a built-in model; an equation model's values come "
                        + "from 'params' and 'initial'",
                error(IZH, "    model: {equations: ../eqs/m.eqs}\n    preset: RS\n"));
    }

    /** The equations in the model file itself ({@code equations: |}): the same model as from a file; errors placed in the model file. */
    @Test
    void inlineEquationsRunAsTheFileAndPlaceTheirErrorsInTheModelFile() throws Exception {
        String values = "    params: {a: 0.02, b: \"0.25-0.05*r\", c: \"-65+15*r**2\", d: 8}\n";
        String inline = "    model:\n      equations: |\n" + IZH.indent(8);
        ModelFile fromFile = load(IZH, "    model: {equations: ../eqs/m.eqs}\n" + values);
        ModelFile fromText = load(IZH, inline + values);
        SpikeRecording a, b;
        try (Simulation sim = Simulation.of(fromFile.network())) {
            sim.run(200);
            a = sim.recording(fromFile.spikes());
        }
        try (Simulation sim = Simulation.of(fromText.network())) {
            sim.run(200);
            b = sim.recording(fromText.spikes());
        }
        assertTrue(a.count() > 10, "fires: " + a.count());
        assertEquals(a, b);
        @SuppressWarnings("unchecked")
        var model = (java.util.Map<String, Object>) ((java.util.Map<String, java.util.Map<String, Object>>) fromText.resolved()
                .get("groups")).get("g").get("model");
        assertEquals("(inline)", model.get("equations"));
        assertEquals(fromFile.network().group("g").equations().hash(), model.get("hash"));
        // line 2 of the equations is line 9 of the file, indented by 8: 'w' at column 12 of its line
        assertEquals("models/net.yaml:9:20: groups.g.model.equations: unknown name 'w'; known: v, u, a, b, c, d, I, t and units "
                + "such as mV, ms, pA, nS, pF, Hz", error(IZH, inline.replace("b*v - u", "w*v - u") + values));
    }

    @Test
    void withoutACompilerEquationModelsAreRefused() throws Exception {
        Files.writeString(dir.resolve("m.eqs"), IZH);
        String text = "izhsim: 1\nsimulation: {duration_ms: 10}\ngroups:\n  g: {size: 1, model: {equations: m.eqs}}\n";
        String m = assertThrows(ModelFileException.class,
                () -> ModelFile.parse(dir.resolve("net.yaml").toString(), text, ModelFile.Overrides.NONE)).getMessage();
        assertTrue(m.endsWith("net.yaml:4:35: groups.g.model.equations: equation models need a compiler, and this reader was "
                + "given none (izhsim run passes one)"), m);
    }
}
