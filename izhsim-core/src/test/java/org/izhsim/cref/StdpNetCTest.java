package org.izhsim.cref;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * izhsim-bench/c/stdp_net.c, the plain C program that BENCHMARKS.md §8 times as the limit of
 * the STDP benchmark network: 1 and 2 threads give the same spikes and weights (every
 * statistic of its --json line but the timings and the thread count), and its network is the
 * one it states (mean initial weight of U(0, 5), weights moved by the learning, firing in the
 * range of the 100,000-neuron runs). Skipped without gcc.
 */
class StdpNetCTest {
    private static final Pattern TIMES = Pattern.compile("\"(build_s|run_s|threads)\": [0-9.]+, ");

    private static String run(Path exe, int threads) throws Exception {
        Process p = new ProcessBuilder(exe.toString(), "--ne", "4000", "--ni", "1000", "--seconds", "1", "--seed", "3",
                "--threads", String.valueOf(threads), "--json").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        assertEquals(0, p.waitFor(), "stdp_net failed: " + out);
        return out;
    }

    private static double field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\": ([-0-9.eE]+)").matcher(json);
        assertTrue(m.find(), name + " missing in " + json);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void oneAndTwoThreadsGiveTheSameNetworkAndItLearns(@TempDir Path dir) throws Exception {
        CReference.requireGcc("the check of stdp_net.c");
        Path exe = CReference.compile("stdp_net.c", dir.resolve("stdp_net"), "-pthread");
        String one = run(exe, 1), two = run(exe, 2);
        assertEquals(TIMES.matcher(one).replaceAll(""), TIMES.matcher(two).replaceAll(""), "1 and 2 threads differ");
        assertEquals(500_000, field(one, "synapses"));
        assertEquals(2.5, field(one, "mean_exc_w0"), 0.02, "initial excitatory weights are not U(0, 5)");
        assertNotEquals(field(one, "mean_exc_w0"), field(one, "mean_exc_w"), "STDP moved no weight");
        double rate = field(one, "rate_hz");
        assertTrue(rate > 3 && rate < 15, "rate " + rate + " Hz is outside the 3-15 Hz of the benchmark network");
    }
}
