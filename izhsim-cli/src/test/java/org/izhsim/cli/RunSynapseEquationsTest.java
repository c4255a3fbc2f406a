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
 * and column (with the statement and a caret below), and writes nothing.
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
}
