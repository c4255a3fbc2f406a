package org.izhsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code izhsim run} with synapse equations: the STDP example runs and writes its learned
 * weights; a model file whose equations are wrong exits with 2 and one line naming file, line
 * and column (with the statement and a caret below), and writes nothing; so does a (summed)
 * target that is a state variable, and an unknown pathway under {@code order}. A summed
 * conductance reading {@code v_pre} runs and run.json records the pathway order.
 */
class RunSynapseEquationsTest {
    @TempDir
    Path dir;

    @Test
    void theStdpExampleRunsAndWritesItsWeights() throws Exception {
        Path out = dir.resolve("stdp");
        CliRunner r = CliRunner.run("run", RunModelFileTest.EXAMPLES.resolve("stdp-song2000.yaml").toString(), "--duration",
                "500", "--json", "--quiet", "--figures", "none", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.exists(out.resolve("weights.npz")), "the plastic group's weights are written");
        assertTrue(Files.readString(out.resolve("run.json")).contains("\"synapse_model\""), "run.json records the model");
    }

    @Test
    void aWrongStatementIsOneLineWithItsPlaceAndNothingIsWritten() throws Exception {
        Path model = dir.resolve("bad.yaml"), out = dir.resolve("bad-out");
        Files.writeString(model, """
                izhsim: 1
                simulation: {duration_ms: 100}
                groups:
                  a: {size: 2}
                synapses:
                  - from: a
                    to: a
                    model: "w : 1"
                    on_pre: |
                      w += 0.1
                      v_pre += 1
                """);
        CliRunner r = CliRunner.run("run", model.toString(), "--out", out.toString());
        assertEquals(2, r.code(), r.err());
        String err = r.err().strip();
        // the message line, then the statement with a caret under the column
        assertTrue(err.startsWith("izhsim run: " + model + ":11:7: synapses[0].on_pre: 'v_pre' is a pre-synaptic variable"), err);
        assertTrue(err.lines().skip(1).findFirst().orElse("").strip().equals("v_pre += 1"), err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), err);
        assertFalse(Files.exists(out), "nothing is written");
    }

    private static final String SUMMED = """
            izhsim: 1
            simulation: {duration_ms: 200, scheme: euler, dt_ms: 0.5, seed: 3}
            groups:
              a: {size: 4}
              b:
                size: 3
                model:
                  equations: |
                    dv/dt = (ge*(5 - v) - v + I)/(10*ms) : 1
                    %s
                    I : 1
                    threshold: v > 1
                    reset: v = 0
                params: {%s}
            synapses:
              - from: a
                to: b
                model: |
                  dg/dt = -g/(5*ms) : 1 (clock-driven)
                  ge_post = g*(1 + 0.001*(v_pre + 65)) : 1 (summed)
                on_pre: "g += 0.05"
                order: %s
            inputs:
              - {type: noise, group: a, sigma: 6}
            """;

    private CliRunner runSummed(String name, String ge, String params, String order) throws Exception {
        Path model = dir.resolve(name + ".yaml");
        Files.writeString(model, SUMMED.formatted(ge, params, order));
        return CliRunner.run("run", model.toString(), "--quiet", "--figures", "none", "--out", dir.resolve(name + "-out").toString());
    }

    @Test
    void aSummedConductanceRunsAndItsOrderIsRecorded() throws Exception {
        CliRunner r = runSummed("summed", "ge : 1", "ge: 0", "{pre: 1, post: -1}");
        assertEquals(0, r.code(), r.err());
        String json = Files.readString(dir.resolve("summed-out").resolve("run.json"));
        assertTrue(json.replaceAll("\\s", "").contains("\"order\":{\"pre\":1,\"post\":-1,\"first\":\"on_post\"}"), json);
    }

    @Test
    void aSummedStateVariableAndAnUnknownPathwayAreOneLineWithTheirPlace() throws Exception {
        CliRunner r = runSummed("state", "dge/dt = -ge/(5*ms) : 1", "", "{pre: 1, post: -1}");
        assertEquals(2, r.code(), r.err());
        String err = r.err().strip();
        Path model = dir.resolve("state.yaml");
        assertTrue(err.startsWith("izhsim run: " + model + ":20:7: synapses[0].model: 'ge_post' is (summed), but 'ge' is a"
                + " state variable of "), err);
        assertTrue(err.lines().skip(1).findFirst().orElse("").strip().startsWith("ge_post = g*"), err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), err);
        assertFalse(Files.exists(dir.resolve("state-out")), "nothing is written");

        r = runSummed("pathway", "ge : 1", "ge: 0", "{pre: 1, psot: -1}");
        assertEquals(2, r.code(), r.err());
        err = r.err().strip();
        assertTrue(err.startsWith("izhsim run: " + dir.resolve("pathway.yaml") + ":22:"), err);
        assertTrue(err.contains("psot") && err.contains("S.pre.order and S.post.order") && err.endsWith("are: pre, post"), err);
        assertFalse(Files.exists(dir.resolve("pathway-out")), "nothing is written");
    }
}
