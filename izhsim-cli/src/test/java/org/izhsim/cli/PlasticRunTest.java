package org.izhsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.izhsim.io.NpzReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code izhsim run} on a model with a plastic group writes its final weights to weights.npz; a static one writes none. */
class PlasticRunTest {
    @TempDir
    Path dir;

    private static final String MODEL = """
            izhsim: 1
            simulation: {duration_ms: 300, seed: 2}
            groups:
              exc: {size: 80}
            synapses:
              - {from: exc, to: exc, connectivity: {rule: fixed_indegree, k: 8}, weight: 2, delay_ms: [1, 4]%s}
            inputs:
              - {type: noise, group: exc, sigma: 6}
            """;

    private Path run(String name, String plasticity) throws Exception {
        Path file = dir.resolve(name + ".yaml"), out = dir.resolve(name);
        Files.writeString(file, MODEL.formatted(plasticity));
        CliRunner r = CliRunner.run("run", file.toString(), "--quiet", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        return out;
    }

    @Test
    void plasticGroupsWeightsAreWritten() throws Exception {
        Path out = run("stdp", ", plasticity: {rule: stdp, a_pre: 0.1, w_max: 4, pairing: nearest}");
        try (NpzReader r = NpzReader.open(out.resolve("weights.npz"))) {
            double[] w = r.doubles("w"), d = r.doubles("delay_ms");
            int[] pre = r.ints("pre"), post = r.ints("post");
            assertEquals(640, w.length, "80 posts x 8 inputs");
            boolean learned = false;
            for (int k = 0; k < w.length; k++) {
                assertTrue(w[k] >= 0 && w[k] <= 4 && d[k] >= 1 && d[k] <= 4 && pre[k] < 80 && post[k] < 80, "synapse " + k);
                learned |= w[k] != 2;
            }
            assertTrue(learned, "the weights changed");
        }
        assertFalse(Files.exists(run("static", "").resolve("weights.npz")), "no plastic group, no weights.npz");
    }
}
