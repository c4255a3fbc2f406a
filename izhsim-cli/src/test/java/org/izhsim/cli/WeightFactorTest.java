package org.izhsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dense network's ×1000/N weight factor is said everywhere: --help, summary, run.json, the raster's title (#20 item 5). */
class WeightFactorTest {
    @TempDir
    Path dir;

    @Test
    void aRescaledNetworkSaysSoInEveryOutput() throws Exception {
        CliRunner r = CliRunner.run("net2003", "--ne", "400", "--ni", "100", "--duration", "20", "--figures", "svg",
                "--quiet", "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("weights scaled \u00d7 2 (1000 / inputs per neuron)"), r.out());
        JsonNode run = CommandLineTest.JSON.readTree(Files.readString(dir.resolve("run.json")));
        assertEquals(2.0, run.get("weight_factor").asDouble());
        assertEquals(2.0, run.get("parameters").get("weight_factor").asDouble());
        assertTrue(Files.readString(dir.resolve("raster.svg")).contains("title: Izhikevich 2003 network, 400 + 100 neurons, all-to-all, weights \u00d7 1000/500 = 2, scheme"), "title");
        assertTrue(CliRunner.run("net2003", "--help").out().replaceAll("\\s+", " ").contains("scaled by 1000/(ne + ni)"));
    }

    @Test
    void netMsOwnSizeIsNotRescaledAndSaysNothing() throws Exception {
        CliRunner r = CliRunner.run("net2003", "--duration", "20", "--figures", "svg", "--quiet", "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertFalse(r.out().contains("weights scaled"), r.out());
        assertEquals(1.0, CommandLineTest.JSON.readTree(Files.readString(dir.resolve("run.json"))).get("weight_factor").asDouble());
        assertFalse(Files.readString(dir.resolve("raster.svg")).contains("1000/1000"));
        // the peak heap printed is the one stored (#20 item 6)
        double heap = CommandLineTest.JSON.readTree(Files.readString(dir.resolve("run.json"))).get("peak_heap_mb").asDouble();
        assertTrue(r.out().contains("peak heap " + org.izhsim.run.Net2003Options.number(heap) + " MB"), r.out() + " vs " + heap);
    }
}
