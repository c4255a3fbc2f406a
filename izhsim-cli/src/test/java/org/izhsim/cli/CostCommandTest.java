package org.izhsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code izhsim cost --json}: the documented rows, FLOPs as counted by hand (FlopCountTest),
 * timings present; and the one count: {@code izhsim accuracy} reports the same FLOPs per step.
 */
class CostCommandTest {
    @TempDir
    Path dir;

    @Test
    void jsonRowsForBuiltinsAndAFile() throws Exception {
        JsonNode j = cost("--equations", EquationsCommandTest.example("adex.eqs").toString());
        JsonNode rows = j.get("rows");
        assertEquals(3 * 4 + 7 * 2 + 4, rows.size()); // 2003 models x 4 schemes, 7 book cells x 2, the file x 4
        JsonNode first = rows.get(0);
        for (String key : new String[] {"model", "scheme", "dt_ms", "flops_per_step", "flops_per_ms", "ns_per_neuron_step"}) {
            assertTrue(first.has(key), key);
        }
        assertEquals("izh2003", first.get("model").asText());
        assertFalse(first.has("cell"));
        assertEquals("figure1", first.get("scheme").asText());
        assertEquals(15, first.get("flops_per_step").asInt());
        assertEquals(30.0, first.get("flops_per_ms").asDouble());
        assertEquals(24, rows.get(1).get("flops_per_step").asInt()); // netm
        assertEquals(67, rows.get(3).get("flops_per_step").asInt()); // rk4
        assertTrue(first.get("ns_per_neuron_step").asDouble() > 0);
        JsonNode rs = rows.get(12), fsRk4 = rows.get(12 + 2 * 4 + 1);
        assertEquals("izh2007", rs.get("model").asText());
        assertEquals("RS", rs.get("cell").asText());
        assertEquals("euler", rs.get("scheme").asText());
        assertEquals(16, rs.get("flops_per_step").asInt());
        assertEquals(32.0, rs.get("flops_per_ms").asDouble());
        assertTrue(rs.get("ns_per_neuron_step").asDouble() > 0);
        assertTrue(rs.get("ns_per_neuron_step_compiled").isNull());
        assertEquals("FS", fsRk4.get("cell").asText());
        assertEquals("rk4", fsRk4.get("scheme").asText());
        assertEquals(83, fsRk4.get("flops_per_step").asInt());
        JsonNode adex = rows.get(26);
        assertTrue(adex.get("model").asText().endsWith("adex.eqs"));
        assertTrue(adex.get("ns_per_neuron_step_compiled").asDouble() > 0);
        assertEquals(13, j.get("reference").get("flops_per_ms").asInt());
        assertTrue(j.has("izhsim_version") && j.has("izhsim_commit"));
    }

    /** The FLOP columns of cost and accuracy agree, scheme by scheme, for izh2003 and each 2007 cell with a rule of its own. */
    @Test
    void accuracyReportsTheFlopsOfCost() throws Exception {
        Map<String, Integer> costFlops = new HashMap<>();
        for (JsonNode r : cost().get("rows")) {
            String model = r.get("model").asText() + (r.has("cell") ? " " + r.get("cell").asText() : "");
            costFlops.put(model + " " + r.get("scheme").asText(), r.get("flops_per_step").asInt());
        }
        check(costFlops, "izh2003", List.of("--preset", "RS"), List.of("figure1", "netm", "euler", "rk4"));
        for (String cell : List.of("RS", "LTS", "FS", "TC", "RTN")) {
            check(costFlops, "izh2007 " + cell, List.of("--model", "izh2007", "--preset", cell), List.of("euler", "rk4"));
        }
    }

    private void check(Map<String, Integer> costFlops, String model, List<String> neuron, List<String> schemes) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("accuracy", "--duration", "20", "--dts", "0.25", "--ref-dt", "0.05",
                "--schemes", String.join(",", schemes), "--figures", "none", "--json", "--quiet", "--out", dir.toString()));
        args.addAll(neuron);
        CliRunner r = CliRunner.run(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        JsonNode rows = CommandLineTest.JSON.readTree(r.out()).get("rows");
        assertEquals(schemes.size(), rows.size());
        for (JsonNode row : rows) {
            String key = model + " " + row.get("scheme").asText();
            assertTrue(costFlops.containsKey(key), key);
            assertEquals(costFlops.get(key), row.get("flops_per_step").asInt(), key);
        }
    }

    private static JsonNode cost(String... more) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("cost", "--json", "--quiet", "--neurons", "64", "--steps", "5",
                "--dt", "0.5"));
        args.addAll(List.of(more));
        CliRunner r = CliRunner.run(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        return CommandLineTest.JSON.readTree(r.out());
    }
}
