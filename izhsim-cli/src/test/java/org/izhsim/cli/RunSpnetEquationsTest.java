package org.izhsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.izhsim.io.NpzReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code examples/models/spnet-equations.yaml} (spnet's STDP written as synapse equations,
 * {@code order: {pre: 1, post: -1}}) through {@code izhsim run} for 10 s gives the spikes and the
 * final weights of the same file with the engine's built-in rule ({@code plasticity: {rule:
 * spnet}}) bit for bit: the equations keep per-synapse float copies of spnet's per-neuron traces,
 * which take the same values, and with post spikes before arrivals every sd update is the
 * built-in rule's. The built-in rule against {@code izhsim spnet} is {@code SpnetEngineTest}'s
 * (statistics: the engine's input and sums are not spnet.cpp's). With Brian2's default order
 * (arrivals first) the same file gives other weights: the order is what the key changes.
 */
class RunSpnetEquationsTest {
    private static final String EQUATIONS = """
                equations: ../synapses/spnet-network.syn
                order: {pre: 1, post: -1}
            """;

    @TempDir
    Path dir;

    @Test
    void spnetAsEquationsEqualsTheBuiltInRuleForTenSeconds() throws Exception {
        String yaml = Files.readString(RunModelFileTest.EXAMPLES.resolve("spnet-equations.yaml"));
        assertEquals(2, yaml.split("\n    order: \\{pre: 1, post: -1}\n", -1).length - 1, "both plastic groups run spnet's order");
        Path equations = run("equations", RunModelFileTest.EXAMPLES.resolve("spnet-equations.yaml"), "1");
        String builtIn = yaml.replace(EQUATIONS.stripIndent() + "    initial: {sd: 0}\n", "    plasticity: {rule: spnet, w_max: 10}\n")
                .replace(EQUATIONS.stripIndent(), "    plasticity: {rule: spnet, w_max: 10}\n");
        assertEquals(2, builtIn.split("\n    plasticity: \\{rule: spnet, w_max: 10}\n", -1).length - 1,
                "both plastic groups get the built-in rule");
        assertTrue(!builtIn.contains("equations:"), builtIn);
        Path builtInFile = dir.resolve("spnet-builtin.yaml");
        Files.writeString(builtInFile, builtIn);
        Path reference = run("builtin", builtInFile, "2");

        int[] spikes = ints(equations, "spikes.npz", "i");
        assertTrue(spikes.length > 20_000, "10 s of 1000 neurons at a few Hz: " + spikes.length + " spikes");
        assertArrayEquals(ints(reference, "spikes.npz", "i"), spikes, "the same neurons fire");
        assertArrayEquals(doubles(reference, "spikes.npz", "t_ms"), doubles(equations, "spikes.npz", "t_ms"), "at the same times");
        double[] w = doubles(equations, "weights.npz", "w");
        assertArrayEquals(doubles(reference, "weights.npz", "w"), w, "the same weights after 10 s, bit for bit");
        long moved = java.util.Arrays.stream(w).filter(x -> x != 6).count();
        assertTrue(moved > w.length / 2, "the weights learned: " + moved + " of " + w.length + " moved from 6");

        Path brian2 = dir.resolve("spnet-brian2-order.yaml");
        Files.writeString(brian2, yaml.replace("    order: {pre: 1, post: -1}\n", "")
                .replace("../synapses/", RunModelFileTest.EXAMPLES.resolve("../synapses").toAbsolutePath().normalize() + "/"));
        Path other = run("brian2-order", brian2, "1");
        assertNotEquals(java.util.Arrays.toString(w), java.util.Arrays.toString(doubles(other, "weights.npz", "w")),
                "Brian2's order gives other weights");
    }

    private Path run(String name, Path model, String threads) {
        Path out = dir.resolve(name);
        CliRunner r = CliRunner.run("run", model.toString(), "--duration", "10000", "--threads", threads, "--quiet",
                "--figures", "none", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        return out;
    }

    private static int[] ints(Path dir, String file, String key) throws Exception {
        try (NpzReader r = NpzReader.open(dir.resolve(file))) {
            return r.ints(key);
        }
    }

    private static double[] doubles(Path dir, String file, String key) throws Exception {
        try (NpzReader r = NpzReader.open(dir.resolve(file))) {
            return r.doubles(key);
        }
    }
}
