package org.izhsim.random;

import org.izhsim.cref.CReference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The C reference programs of izhsim-bench/c draw exactly izhsim's random numbers: the C port of
 * {@link CounterRandom} and {@link Streams} gives bit-identical words, uniforms and integers, and
 * spnet.c builds its network and input from the streams its README documents. That is what lets
 * a golden test compare {@code izhsim spnet} with spnet.c spike for spike. Skipped without gcc
 * (the C sources are in izhsim-bench/c; this test lives here because it checks this package).
 */
class CounterRandomCPortTest {
    static final String[] STREAMS = {"spnet/input", "connect/spnet", "delays/spnet", "noise/exc", "", "x"};

    @TempDir
    static Path dir;

    @BeforeAll
    static void needGcc() {
        CReference.requireGcc("the checks of the C reference programs");
    }

    static Path compile(String source, String exe) throws IOException, InterruptedException {
        return CReference.compile(source, dir.resolve(exe));
    }

    /** Runs cmd with stdin from a file (a pipe written while the output is unread could deadlock). */
    static String run(List<String> cmd, String stdin) throws IOException, InterruptedException {
        Path in = Files.writeString(Files.createTempFile(dir, "stdin", ".txt"), stdin);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectInput(in.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + out);
        return out;
    }

    @Test
    void counterRandomPortIsBitIdentical() throws Exception {
        Path rngcheck = compile("rngcheck.c", "rngcheck");
        SplittableRandom r = new SplittableRandom(15);
        long[] edges = {0, 1, -1, Long.MAX_VALUE, Long.MIN_VALUE, 86_400_000L};
        int[] ns = {1, 20, 800, 1000, 100_000, Integer.MAX_VALUE};
        StringBuilder in = new StringBuilder();
        List<long[]> cases = new ArrayList<>();
        for (int k = 0; k < 4000; k++) {
            // small counters as spnet uses them, and arbitrary 64-bit ones
            long seed = k % 7 == 0 ? edges[k % edges.length] : r.nextLong(-1000, 1000);
            long c2 = k % 3 == 0 ? r.nextLong() : k % 5 == 0 ? edges[(k / 5) % edges.length] : r.nextLong(0, 100_000_000);
            long c1 = k % 4 == 0 ? r.nextLong() : r.nextLong(0, 200);
            int n = k % 2 == 0 ? ns[(k / 2) % ns.length] : r.nextInt(1, Integer.MAX_VALUE);
            int s = k % STREAMS.length;
            if (STREAMS[s].isEmpty()) continue; // scanf cannot read an empty token
            cases.add(new long[] {seed, s, c2, c1, n});
            in.append(seed).append(' ').append(STREAMS[s]).append(' ').append(c2).append(' ').append(c1)
                    .append(' ').append(n).append('\n');
        }
        String[] lines = run(List.of(rngcheck.toString()), in.toString()).split("\n");
        assertEquals(cases.size(), lines.length);
        for (int k = 0; k < cases.size(); k++) {
            long[] c = cases.get(k);
            String name = STREAMS[(int) c[1]];
            long key = CounterRandom.key(Streams.key(c[0], name), c[2]);
            String expected = String.format("%016x %016x %016x %016x %d", Streams.named(name), key,
                    CounterRandom.bits(key, c[3]), Double.doubleToRawLongBits(CounterRandom.uniform(key, c[3])),
                    CounterRandom.below(key, c[3], (int) c[4]));
            assertEquals(expected, lines[k], "case " + k + ": " + in.toString().split("\n")[k]);
        }
    }

    /** The targets and delays that spnet.c's README documents, derived here from CounterRandom. */
    static List<String> documentedSynapses(long seed, int ne, int ni, int m, int d, boolean uniform) {
        int n = ne + ni;
        long kc = Streams.key(seed, "connect/spnet"), kd = Streams.key(seed, "delays/spnet");
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long key = CounterRandom.key(kc, i), dkey = CounterRandom.key(kd, i);
            Set<Integer> seen = new HashSet<>();
            List<String> row = new ArrayList<>();
            for (long attempt = 0; row.size() < m; attempt++) {
                int t = CounterRandom.below(key, attempt, i < ne ? n : ne);
                if (t == i || !seen.add(t)) continue;
                int j = row.size();
                int delay = i >= ne ? 1 : uniform ? 1 + CounterRandom.below(dkey, j, d) : 1 + j / (m / d);
                row.add(i + " " + t + " " + delay);
            }
            // stored sorted by delay, stable in slot order
            row.sort((x, y) -> Integer.compare(Integer.parseInt(x.split(" ")[2]), Integer.parseInt(y.split(" ")[2])));
            rows.addAll(row);
        }
        return rows;
    }

    @Test
    void spnetBuildsTheDocumentedNetworkAndInput() throws Exception {
        Path spnet = compile("spnet.c", "spnet");
        for (boolean uniform : new boolean[] {false, true}) {
            Path w = dir.resolve("w-" + uniform + ".txt"), sp = dir.resolve("s-" + uniform + ".txt");
            run(List.of(spnet.toString(), "--seconds", "1", "--seed", "-7", "--ne", "160", "--ni", "40", "--m", "20",
                    "--d", "5", "--delays", uniform ? "uniform" : "fixed", "--weights", w.toString(), "--spikes",
                    sp.toString()), "");
            List<String> got = Files.readAllLines(w).stream().map(l -> l.substring(0, l.lastIndexOf(' '))).toList();
            List<String> expected = documentedSynapses(-7, 160, 40, 20, 5, uniform);
            assertEquals(expected.size(), got.size(), "synapses");
            for (int q = 0; q < got.size(); q++)
                assertEquals(expected.get(q), got.get(q), "synapse " + q + " (pre post delay), uniform delays " + uniform);
            // at rest, only input makes a neuron fire: the first spike is the neuron driven at step 0
            String first = Files.readAllLines(sp).get(0).split(" ")[1];
            long key = CounterRandom.key(Streams.key(-7, "spnet/input"), 0);
            assertEquals(String.valueOf(CounterRandom.below(key, 0, 200)), first);
        }
    }
}
