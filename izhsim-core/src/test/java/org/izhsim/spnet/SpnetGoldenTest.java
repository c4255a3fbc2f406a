package org.izhsim.spnet;

import org.izhsim.cref.CReference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SpnetNetwork} equals izhsim-bench/c/spnet.c built with -DREAL=float spike for spike,
 * weight for weight and in every per-second statistic. Skipped without gcc.
 */
class SpnetGoldenTest {

    @TempDir
    static Path dir;
    static Path exe;

    @BeforeAll
    static void build() throws Exception {
        exe = compile(dir);
    }

    /** Compiles spnet.c in float into {@code dir}; skips the calling test class without gcc. */
    static Path compile(Path dir) throws Exception {
        CReference.requireGcc("the comparison with spnet.c");
        return CReference.compile("spnet.c", dir.resolve("spnet_float"), "-DREAL=float");
    }

    /** The C program's spikes ("tg i" lines), weights ("pre post delay w") and JSON. */
    record CRun(List<long[]> spikes, List<String[]> weights, String json) {
    }

    static CRun runC(Path exe, Path dir, String... args) throws Exception {
        Path sp = dir.resolve("spikes.txt"), w = dir.resolve("weights.txt");
        List<String> cmd = new ArrayList<>(List.of(exe.toString(), "--json", "--spikes", sp.toString(), "--weights", w.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String json = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), "spnet.c failed");
        List<long[]> spikes = new ArrayList<>();
        for (String line : Files.readAllLines(sp)) {
            String[] f = line.split(" ");
            spikes.add(new long[] {Long.parseLong(f[0]), Long.parseLong(f[1])});
        }
        List<String[]> weights = new ArrayList<>();
        for (String line : Files.readAllLines(w)) weights.add(line.split(" "));
        return new CRun(spikes, weights, json);
    }

    static void assertSame(CRun c, SpnetConfig cfg, int seconds, int threads) {
        List<SpnetNetwork.Second> per = new ArrayList<>();
        List<long[]> spikes = new ArrayList<>();
        SpnetNetwork.Synapses syn;
        try (SpnetNetwork net = new SpnetNetwork(cfg, threads)) {
            for (int k = 0; k < seconds; k++) {
                SpnetNetwork.Second s = net.runSecond(true);
                per.add(s);
                for (int j = 0; j < s.tMs().length; j++) spikes.add(new long[] {s.tMs()[j], s.neuron()[j]});
            }
            syn = net.synapses();
        }
        assertTrue(c.spikes.size() > 1000, "too few spikes to compare: " + c.spikes.size());
        assertEquals(c.spikes.size(), spikes.size(), "spike count");
        for (int k = 0; k < spikes.size(); k++) assertArrayEquals(c.spikes.get(k), spikes.get(k), "spike " + k);
        assertEquals(c.weights.size(), syn.w().length, "synapse count");
        boolean changed = false;
        for (int q = 0; q < syn.w().length; q++) {
            String[] f = c.weights.get(q);
            String at = "synapse " + q;
            assertEquals(Integer.parseInt(f[0]), syn.pre()[q], at);
            assertEquals(Integer.parseInt(f[1]), syn.post()[q], at);
            assertEquals(Integer.parseInt(f[2]), syn.delayMs()[q], at);
            assertEquals(Double.parseDouble(f[3]), (double) syn.w()[q], 0.0, at);
            changed |= syn.w()[q] != 6f && syn.w()[q] != -5f;
        }
        assertTrue(changed, "no weight changed: the comparison would not test plasticity");
        Matcher m = Pattern.compile("\\{\"t_s\": (\\d+), \"rate_hz\": ([^,]+), \"rate_exc_hz\": ([^,]+), \"rate_inh_hz\": ([^,]+), "
                + "\"mean_exc_w\": ([^,]+), \"frac_exc_w_above_9\": ([^,]+), \"hist\": \\[([^\\]]*)\\]\\}").matcher(c.json);
        int k = 0;
        while (m.find()) {
            SpnetNetwork.Second s = per.get(k++);
            assertEquals(Long.parseLong(m.group(1)), s.tS());
            assertEquals(Double.parseDouble(m.group(2)), s.rateHz(), 0.0);
            assertEquals(Double.parseDouble(m.group(3)), s.rateExcHz(), 0.0);
            assertEquals(Double.parseDouble(m.group(4)), s.rateInhHz(), 0.0);
            assertEquals(Double.parseDouble(m.group(5)), s.meanExcW(), 0.0, "mean weight, second " + k);
            assertEquals(Double.parseDouble(m.group(6)), s.fracExcWAbove9(), 0.0);
            String[] h = m.group(7).split(", ");
            for (int b = 0; b < h.length; b++) assertEquals(Long.parseLong(h[b]), s.hist()[b], "hist " + b + ", second " + k);
        }
        assertEquals(seconds, k, "seconds in the C program's JSON");
    }

    @Test
    void defaultNetworkEightSecondsMatchesC() throws Exception {
        CRun c = runC(exe, dir, "--seconds", "8", "--seed", "3");
        assertSame(c, SpnetConfig.defaults(3), 8, 1);
    }

    @Test
    void uniformDelaysOnTwoThreadsMatchC() throws Exception {
        CRun c = runC(exe, dir, "--seconds", "4", "--seed", "11", "--delays", "uniform", "--ne", "480", "--ni", "120", "--m", "60");
        assertSame(c, new SpnetConfig(480, 120, 60, 20, 10f, true, 11), 4, 2);
    }

    @Test
    void noInhibitionShortDelaysOtherBoundOnFourThreadsMatchC() throws Exception {
        CRun c = runC(exe, dir, "--seconds", "5", "--seed", "-4", "--ne", "300", "--ni", "0", "--m", "30", "--d", "10", "--sm", "8");
        assertSame(c, new SpnetConfig(300, 0, 30, 10, 8f, false, -4), 5, 4);
    }
}
