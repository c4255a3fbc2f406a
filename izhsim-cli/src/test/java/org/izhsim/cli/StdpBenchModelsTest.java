package org.izhsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.izhsim.io.NpzReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two izhsim forms of the STDP benchmark network (izhsim-bench/models/stdp100k-builtin.yaml
 * and stdp100k-equations.yaml, issues #15/#16) run one network: at 2,000 neurons for 1 s, the
 * built-in rule on 1 thread and the synapse equations on 2 give the same spikes, the same
 * synapses, and weights that differ by float rounding only. They are not bit-identical because
 * the built-in rule keeps one double trace per neuron decayed every step and the equations a
 * float trace per synapse decayed over each gap (docs/plasticity.md, "Against the built-in pair
 * rule"); a weight update then differs by about 1e-8 and a weight by a few float ulps after its
 * updates of one second (at 10,000 neurons: 7 % of the weights differ, by at most 2 ulps of 5).
 * The bound is 1e-6·w_max, as the engine's own test of the two rules uses.
 */
class StdpBenchModelsTest {
    private static final Path MODELS = Path.of("..", "izhsim-bench", "models");
    private static final double W_MAX = 5;

    @TempDir
    Path dir;

    /** The model file at 1,600 + 400 neurons: the same lines that izhsim_stdp_net.py --ne --ni rewrites. */
    private Path small(String file) throws IOException {
        String text = Files.readString(MODELS.resolve(file));
        String exc = "exc: {size: 80000,", inh = "inh: {size: 20000,";
        assertTrue(text.contains(exc) && text.contains(inh), file + " still has the two size lines the benchmark rewrites");
        String sized = text.replace(exc, "exc: {size: 1600,").replace(inh, "inh: {size: 400,");
        Path model = dir.resolve(file);
        Files.writeString(model, sized);
        return model;
    }

    private Path run(String file, String threads, String durationMs) throws IOException {
        Path out = dir.resolve(file + "-" + threads + "-" + durationMs);
        CliRunner r = CliRunner.run("run", small(file).toString(), "--duration", durationMs, "--threads", threads, "--quiet",
                "--figures", "none", "--data", "npz", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        return out;
    }

    @Test
    void builtInRuleAndEquationsGiveTheSameSpikesAndWeightsToRounding() throws IOException {
        Path builtIn = run("stdp100k-builtin.yaml", "1", "1000"), equations = run("stdp100k-equations.yaml", "2", "1000");
        int spikes;
        try (NpzReader a = NpzReader.open(builtIn.resolve("spikes.npz")); NpzReader b = NpzReader.open(equations.resolve("spikes.npz"))) {
            assertArrayEquals(a.ints("i"), b.ints("i"), "spiking neurons");
            assertArrayEquals(a.doubles("t_ms"), b.doubles("t_ms"), "spike times");
            spikes = a.ints("i").length;
        }
        // a few Hz: the network is meant to be quiet and stable, not silent and not running away
        double rate = spikes / 2000.0;
        assertTrue(rate > 2 && rate < 15, "rate " + rate + " Hz");
        double[] wa, wb;
        try (NpzReader a = NpzReader.open(builtIn.resolve("weights.npz")); NpzReader b = NpzReader.open(equations.resolve("weights.npz"))) {
            for (String key : new String[] {"pre", "post", "group"}) assertArrayEquals(a.ints(key), b.ints(key), key);
            assertArrayEquals(a.doubles("delay_ms"), b.doubles("delay_ms"), "delays");
            wa = a.doubles("w");
            wb = b.doubles("w");
        }
        assertEquals(0.8 * 2000 * 100, wa.length, 3000, "the excitatory synapses, about 80 % of 2,000 x 100");
        double worst = 0;
        for (int k = 0; k < wa.length; k++) worst = Math.max(worst, Math.abs(wa[k] - wb[k]));
        assertTrue(worst <= 1e-6 * W_MAX, "largest weight difference " + worst);
        double[] w0;
        try (NpzReader z = NpzReader.open(run("stdp100k-builtin.yaml", "2", "1").resolve("weights.npz"))) {
            w0 = z.doubles("w");
        }
        int changed = 0;
        for (int k = 0; k < wa.length; k++) changed += wa[k] != w0[k] ? 1 : 0;
        assertTrue(changed > wa.length / 2, "STDP changed " + changed + " of " + wa.length + " weights in 1 s");
    }
}
