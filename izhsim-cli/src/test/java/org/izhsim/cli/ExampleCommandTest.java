package org.izhsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExampleCommandTest {
    @TempDir
    Path dir;

    @Test
    void listShowsEveryExampleWithItsDescription() throws Exception {
        CliRunner r = CliRunner.run("example", "--list");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(5, lines.size(), r.out());
        assertTrue(lines.get(0).startsWith("sornsim-izhikevich  PymoNNto/SORNSim's Izhikevich example"), lines.get(0));
        String[] next = {"homeostasis", "stdp-song2000", "dastdp-pair", "dastdp-network"};
        for (int k = 0; k < next.length; k++) assertTrue(lines.get(k + 1).startsWith(next[k] + " "), lines.get(k + 1));
        JsonNode j = CommandLineTest.JSON.readTree(CliRunner.run("example", "--list", "--json").out());
        assertEquals("sornsim-izhikevich", j.get("examples").get(0).get("name").asText());
        assertTrue(j.get("examples").get(1).has("reproduces"));
    }

    @Test
    void unknownOrMissingNameListsTheKnownOnesWithExitTwo() {
        Path out = dir.resolve("o");
        CliRunner r = CliRunner.run("example", "sornsim", "--out", out.toString());
        assertEquals(2, r.code());
        assertEquals("izhsim example: unknown example 'sornsim'; known: sornsim-izhikevich, homeostasis, stdp-song2000, dastdp-pair, dastdp-network", r.err().strip());
        assertFalse(Files.exists(out), "nothing written");
        CliRunner none = CliRunner.run("example");
        assertEquals(2, none.code());
        assertTrue(none.err().contains("known: sornsim-izhikevich, homeostasis, stdp-song2000, dastdp-pair, dastdp-network"), none.err());
        assertEquals(2, CliRunner.run("example", "homeostasis", "--threads", "0").code());
    }

    @Test
    void runsTheSornsimExampleIntoOut() throws Exception {
        Path out = dir.resolve("sornsim");
        CliRunner r = CliRunner.run("example", "sornsim-izhikevich", "--seed", "2", "--threads", "2", "--json", "--quiet",
                "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = CommandLineTest.JSON.readTree(r.out());
        assertEquals(2, j.get("seed").asInt());
        assertEquals(0.5, j.get("dt_ms").asDouble());
        assertEquals(10, j.get("blocks").size());
        assertTrue(j.has("izhsim_commit") && j.has("wall_s") && j.has("scheme"));
        double exc = j.get("exc_rate_hz").asDouble();
        assertTrue(exc > 25.5 && exc < 30, "exc " + exc);
        for (String f : List.of("v.png", "v.svg", "u.png", "u.svg", "fired.png", "fired.svg", "spikes.npz", "run.json")) {
            assertTrue(Files.exists(out.resolve(f)), f);
        }
        try (var left = Files.list(out)) {
            assertEquals(8, left.count(), "no staging directory left behind");
        }
    }

    @Test
    void runsTheDaStdpPairExampleIntoOut() throws Exception {
        Path out = dir.resolve("pair");
        CliRunner r = CliRunner.run("example", "dastdp-pair", "--json", "--quiet", "--figures", "png", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = CommandLineTest.JSON.readTree(r.out());
        assertEquals(12, j.get("spikes").asInt());
        assertTrue(j.get("s_at_6s").asDouble() > j.get("s_at_3s").asDouble(), "the rewards strengthen the synapse");
        for (String f : List.of("strength.png", "dopamine.png", "curves.csv", "run.json")) assertTrue(Files.size(out.resolve(f)) > 1000, f);
    }
}
