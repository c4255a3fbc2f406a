package org.izhsim.io.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.izhsim.codegen.KernelCompiler;
import org.izhsim.codegen.SynapseKernelCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Synapse groups with equations in a model file: Brian2's strings ({@code model}, {@code on_pre},
 * {@code on_post}, {@code every}, {@code namespace}) or a synapse model file
 * ({@code equations: FILE}). Every refusal is one line naming the model file (or the synapse
 * file), line and column of the culprit inside the text; the messages are compared whole.
 */
class SynapseEquationsFileTest {
    static final String HEAD = """
            izhsim: 1
            simulation: {duration_ms: 100, dt_ms: 1}
            groups:
              a: {size: 4}
              b: {size: 2}
            synapses:
              - from: a
                to: b
            """;

    @TempDir
    Path dir;

    ModelFile load(String synapseLines, String synFile) throws Exception {
        Files.createDirectories(dir.resolve("models"));
        Files.createDirectories(dir.resolve("syn"));
        if (synFile != null) Files.writeString(dir.resolve("syn/rule.syn"), synFile);
        Files.writeString(dir.resolve("models/net.yaml"), HEAD + synapseLines);
        return ModelFile.load(dir.resolve("models/net.yaml"), ModelFile.Overrides.NONE, KernelCompiler.INSTANCE,
                SynapseKernelCompiler.INSTANCE);
    }

    String error(String synapseLines) {
        return error(synapseLines, null);
    }

    String error(String synapseLines, String synFile) {
        String m = assertThrows(ModelFileException.class, () -> load(synapseLines, synFile)).getMessage();
        return m.replace(dir.toString() + java.io.File.separator, "").replace(java.io.File.separatorChar, '/');
    }

    @Test
    void unknownNamesInABlockArePlacedOnTheModelFilesLine() {
        assertEquals("models/net.yaml:12:41: synapses[0].on_pre: unknown name 'apost'; known: taupre, w, apre, v_pre, u_pre, a_pre, b_pre, c_pre, d_pre, I_pre, v_post, u_post, a_post, b_post, c_post, d_post, I_post, v, u, a, b, c, d, I, t, dt, lastspike_pre, lastspike_post, and units such as mV, ms, pA, nS, pF, Hz",
                error("""
                    model: |
                      w : 1
                      dapre/dt = -apre/taupre : 1 (event-driven)
                    on_pre: "apre += 0.01; w = clip(w + apost, 0, 1)"
                    namespace: {taupre: 20*ms}
                """));
    }

    @Test
    void unitMismatch() {
        assertEquals("models/net.yaml:10:19: synapses[0].on_pre: units do not match in 'w += 1*mV': w is 1 (dimensionless) but the value is volt",
                error("""
                    model: "w : 1"
                    on_pre: "w += 1*mV"
                """));
    }

    @Test
    void assignmentToAConstant() {
        assertEquals("models/net.yaml:13:7: synapses[0].on_post: 'wmax' is a constant; on_post may assign the synapse variables w and the post-synaptic variables v_post, u_post; pre-synaptic variables (_pre) are read-only",
                error("""
                    model: "w : 1"
                    namespace: {wmax: 2}
                    on_post: |
                      w = clip(w + 0.1, 0, wmax)
                      wmax = 3
                """));
    }

    @Test
    void onPreWritingAPreVariable() {
        assertEquals("models/net.yaml:10:24: synapses[0].on_pre: 'v_pre' is a pre-synaptic variable (a pre neuron is shared by all its synapses, which other workers update in the same step); on_pre may assign the synapse variables w and the post-synaptic variables v_post, u_post; pre-synaptic variables (_pre) are read-only",
                error("""
                    model: "w : 1"
                    on_pre: "w += 0.1; v_pre += 1"
                """));
    }

    @Test
    void aStatementChangingAnotherSynapse() {
        assertEquals("models/net.yaml:10:15: synapses[0].on_post: expected a statement 'name = expression' (or +=, -=, *=, /=) but found 'w[3] = 0'; a statement changes a variable of its own synapse or of that synapse's post neuron, named without an index",
                error("""
                    model: "w : 1"
                    on_post: "w[3] = 0"
                """));
    }

    @Test
    void deliveringTheWeightByHandIsRefused() {
        assertEquals("models/net.yaml:10:14: synapses[0].on_pre: 'I_post' is a read-only post-synaptic variable (the engine sums I every step from the inputs and the arrivals, and delivers each synapse's w itself when its spike arrives: write no I_post += w); on_pre may assign the synapse variables w and the post-synaptic variables v_post, u_post; pre-synaptic variables (_pre) are read-only",
                error("""
                    model: "w : 1"
                    on_pre: "I_post += w"
                """));
    }

    @Test
    void periodsAreTimes() {
        assertEquals("models/net.yaml:10:13: synapses[0].every.2*mV (its period): the period of 'every' must be a constant time > 0, such as 1*second or 100*ms; '2*mV' is volt",
                error("""
                    model: "w : 1"
                    every: {2*mV: "w *= 0.9"}
                """));
    }

    @Test
    void errorsInASynapseFileNameThatFileAndWhereItIsUsed() {
        assertEquals("syn/rule.syn:4:10: unknown name 'tau'; known: w, v_pre, u_pre, a_pre, b_pre, c_pre, d_pre, I_pre, v_post, u_post, a_post, b_post, c_post, d_post, I_post, v, u, a, b, c, d, I, t, dt, lastspike_pre, lastspike_post, and units such as mV, ms, pA, nS, pF, Hz (used at models/net.yaml:9:16: synapses[0].equations)",
                error("""
                    equations: ../syn/rule.syn
                """, """
                model:
                    w : 1
                on_pre:
                    w += tau
                """));
    }

    @Test
    void initialValuesAreTheModelsVariablesInTheirUnits() {
        assertEquals("models/net.yaml:10:18: synapses[0].initial.g: 'g' is siemens but the value '0.5*r' is 1 (dimensionless)",
                error("""
                    model: "w : 1\\ng : nS"
                    initial: {g: "0.5*r"}
                """));
        assertEquals("models/net.yaml:10:15: synapses[0].initial.x: unknown name; synapse variables of the model: w",
                error("""
                    model: "w : 1"
                    initial: {x: 0}
                """));
        assertEquals("models/net.yaml:11:18: synapses[0].initial.w: w is given twice: here and as 'weight'; keep one",
                error("""
                    model: "w : 1"
                    weight: 0.5
                    initial: {w: 0.2}
                """));
    }

    @Test
    void qualifiersNeedEquations() {
        assertEquals("models/net.yaml:9:14: synapses[0].initial: 'initial' qualifies synapse equations, and this group has none; write them under model, on_pre, on_post, every, or equations: FILE",
                error("""
                    initial: {w: 0}
                """));
        assertEquals("models/net.yaml:10:13: synapses[0].on_pre: 'on_pre' and 'equations' exclude each other: the equations'"
                + " text has its own sections (model:, on_pre:, on_post:, every TIME:)", error("""
                    equations: ../syn/rule.syn
                    on_pre: "w += 1"
                """, "model:\n    w : 1\n"));
    }
    /** The weights of synapse group {@code name} after running {@code file} of examples/models for {@code ms}. */
    static float[] learned(String file, String name, double ms, int[] spikes) throws Exception {
        ModelFile mf = ModelFile.load(Path.of("..", "examples", "models", file), new ModelFile.Overrides(null, ms, null),
                KernelCompiler.INSTANCE, SynapseKernelCompiler.INSTANCE);
        org.izhsim.network.SynapseGroup s = mf.network().synapses().stream().filter(g -> g.name().equals(name)).findFirst()
                .orElseThrow();
        try (org.izhsim.network.Simulation sim = org.izhsim.network.Simulation.of(mf.network())) {
            sim.run(ms);
            spikes[0] = sim.recording(mf.spikes()).count();
            org.izhsim.network.SynapseView v = sim.synapses(s);
            float[] w = new float[(int) v.size()];
            int n = 0;
            for (int p = 0; p < v.preCount(); p++) for (int j = 0; j < v.rowLength(p); j++) w[n++] = v.weight(p, j);
            return w;
        }
    }

    @Test
    void theStdpExampleLearnsWithinItsBounds() throws Exception {
        int[] spikes = new int[1];
        float[] w = learned("stdp-song2000.yaml", "stdp", 3000, spikes);
        float[] w0 = learned("stdp-song2000.yaml", "stdp", 1, new int[1]);
        int changed = 0;
        for (int j = 0; j < w.length; j++) {
            assertTrue(w[j] >= 0 && w[j] <= 1, "clipped to [0, gmax]: " + w[j]);
            if (w[j] != w0[j]) changed++;
        }
        assertTrue(spikes[0] > 3 * 1000 * 10, "the inputs fire near 15 Hz: " + spikes[0]);
        // every input has pre and post events in 3 s; the bimodal distribution takes Brian2's 100 s
        assertTrue(changed > 990, "weights learn: " + changed + " of 1000 changed");
    }

    @Test
    void theSpnetExampleChangesItsExcitatoryWeightsOnceASecond() throws Exception {
        int[] spikes = new int[1];
        float[] w = learned("spnet-equations.yaml", "ee", 1100, spikes);
        int changed = 0;
        for (float x : w) {
            assertTrue(x >= 0 && x <= 10, "clipped to [0, sm]: " + x);
            if (x != 6) changed++;
        }
        assertTrue(spikes[0] > 1000, "the network fires: " + spikes[0]);
        assertEquals(w.length, changed, "every weight moved at 1 s (the drift 0.01 alone moves it)");
    }
}
