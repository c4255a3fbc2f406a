package org.izhsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** {@code izhsim cost --json}: the documented rows, FLOPs as counted by hand (FlopCountTest), timings present. */
class CostCommandTest {
    @Test
    void jsonRowsForBuiltinsAndAFile() throws Exception {
        CliRunner r = CliRunner.run("cost", "--json", "--quiet", "--neurons", "64", "--steps", "5", "--equations",
                EquationsCommandTest.example("adex.eqs").toString(), "--dt", "0.5");
        assertEquals(0, r.code(), r.err());
        JsonNode j = CommandLineTest.JSON.readTree(r.out());
        JsonNode rows = j.get("rows");
        assertEquals(3 * 4 + 4, rows.size());
        JsonNode first = rows.get(0);
        for (String key : new String[] {"model", "scheme", "dt_ms", "flops_per_step", "flops_per_ms", "ns_per_neuron_step"}) {
            assertTrue(first.has(key), key);
        }
        assertEquals("izh2003", first.get("model").asText());
        assertEquals("figure1", first.get("scheme").asText());
        assertEquals(15, first.get("flops_per_step").asInt());
        assertEquals(30.0, first.get("flops_per_ms").asDouble());
        assertEquals(24, rows.get(1).get("flops_per_step").asInt()); // netm
        assertEquals(67, rows.get(3).get("flops_per_step").asInt()); // rk4
        assertTrue(first.get("ns_per_neuron_step").asDouble() > 0);
        JsonNode adex = rows.get(12);
        assertTrue(adex.get("model").asText().endsWith("adex.eqs"));
        assertTrue(adex.get("ns_per_neuron_step_compiled").asDouble() > 0);
        assertEquals(13, j.get("reference").get("flops_per_ms").asInt());
        assertTrue(j.has("izhsim_version") && j.has("izhsim_commit"));
    }
}
