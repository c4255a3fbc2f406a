package org.izhsim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.izhsim.io.NpzReader;
import org.izhsim.spnet.SpnetCheckpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code izhsim spnet}: equal to izhsim-bench/c/spnet.c (float) in every per-second statistic
 * and every final weight; checkpoints resume bit-identically; bad input is one line, exit 2,
 * nothing written.
 */
class SpnetCommandTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Path C = Path.of(System.getProperty("basedir", ".")).resolve("../izhsim-bench/c").normalize();

    @TempDir
    Path dir;

    static JsonNode json(CliRunner r) throws IOException {
        assertEquals(0, r.code(), () -> "stderr: " + r.err() + "; stdout: " + r.out());
        return JSON.readTree(r.out());
    }

    @Test
    void equalsTheCProgramSecondBySecondAndWeightByWeight() throws Exception {
        boolean gcc;
        try {
            gcc = new ProcessBuilder("gcc", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            gcc = false;
        }
        assumeTrue(gcc, "gcc not found: skipping the comparison with spnet.c");
        Path exe = dir.resolve("spnet_float"), weights = dir.resolve("w.txt");
        Process cc = new ProcessBuilder("gcc", "-O2", "-std=c11", "-ffp-contract=off", "-DREAL=float", C.resolve("spnet.c").toString(), "-o",
                exe.toString(), "-lm").redirectErrorStream(true).start();
        assertEquals(0, cc.waitFor(), new String(cc.getInputStream().readAllBytes()));
        Process p = new ProcessBuilder(exe.toString(), "--seconds", "6", "--seed", "5", "--json", "--weights", weights.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        JsonNode c = JSON.readTree(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor());

        Path out = dir.resolve("out");
        JsonNode j = json(CliRunner.run("spnet", "--seconds", "6", "--seed", "5", "--threads", "2", "--json", "--quiet", "--figures", "none",
                "--out", out.toString()));
        assertEquals(6, j.get("per_second").size());
        for (int k = 0; k < 6; k++) {
            JsonNode a = c.get("per_second").get(k), b = j.get("per_second").get(k);
            for (String f : List.of("t_s", "rate_hz", "rate_exc_hz", "rate_inh_hz", "mean_exc_w", "frac_exc_w_above_9", "hist")) {
                // the C program prints %.17g (0 comes out as the integer 0): compare the numbers
                if (a.get(f).isNumber()) assertEquals(a.get(f).asDouble(), b.get(f).asDouble(), 0.0, f + " of second " + (k + 1));
                else assertEquals(a.get(f), b.get(f), f + " of second " + (k + 1));
            }
        }
        assertTrue(j.get("build_s").isNumber() && j.get("run_s").isNumber());
        List<String> lines = Files.readAllLines(weights);
        try (NpzReader npz = NpzReader.open(out.resolve("weights.npz"))) {
            int[] pre = npz.ints("pre"), post = npz.ints("post"), delay = npz.ints("delay_ms");
            double[] w = npz.doubles("w");
            assertEquals(lines.size(), w.length);
            for (int q = 0; q < w.length; q++) {
                String[] f = lines.get(q).split(" ");
                assertArrayEquals(new int[] {Integer.parseInt(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2])},
                        new int[] {pre[q], post[q], delay[q]}, "synapse " + q);
                assertEquals(Double.parseDouble(f[3]), w[q], 0.0, "weight of synapse " + q);
            }
            assertEquals(800, npz.scalar("ne"));
            assertEquals(200, npz.scalar("ni"));
            assertEquals(10, npz.scalar("sm"));
        }
        assertTrue(Files.exists(out.resolve("per_second.csv")) && Files.exists(out.resolve("per_second.json")));
        CliRunner poly = CliRunner.run("polychronous", out.resolve("weights.npz").toString(), "--json", "--quiet", "--figures", "none",
                "--threads", "1", "--out", dir.resolve("poly").toString());
        assertEquals(0, poly.code(), poly.err());
    }

    @Test
    void resumeFromACheckpointContinuesBitIdentically() throws Exception {
        String[] net = {"--ne", "240", "--ni", "60", "--m", "40", "--seed", "9"};
        Path straight = dir.resolve("straight"), half = dir.resolve("half"), rest = dir.resolve("rest");
        JsonNode a = json(CliRunner.run(cat(net, "spnet", "--seconds", "20", "--json", "--quiet", "--figures", "none", "--out", straight.toString(),
                "--record-spikes", "11-20")));
        JsonNode b = json(CliRunner.run(cat(net, "spnet", "--seconds", "10", "--json", "--quiet", "--figures", "none", "--out", half.toString(),
                "--checkpoint-every", "5", "--keep", "2")));
        assertEquals(List.of(SpnetCheckpoint.file(half.resolve("checkpoints"), 5), SpnetCheckpoint.file(half.resolve("checkpoints"), 10)),
                SpnetCheckpoint.list(half.resolve("checkpoints")));
        JsonNode c = json(CliRunner.run("spnet", "--resume", half.resolve("checkpoints").toString(), "--seconds", "20", "--threads", "2",
                "--json", "--quiet", "--figures", "none", "--out", rest.toString(), "--record-spikes", "11-20"));
        assertEquals(10, c.get("per_second").size());
        for (int k = 0; k < 20; k++) {
            JsonNode x = k < 10 ? b.get("per_second").get(k) : c.get("per_second").get(k - 10);
            assertEquals(a.get("per_second").get(k), x, "second " + (k + 1));
        }
        try (NpzReader s = NpzReader.open(straight.resolve("weights.npz")); NpzReader r = NpzReader.open(rest.resolve("weights.npz"))) {
            assertArrayEquals(s.doubles("w"), r.doubles("w"));
            assertArrayEquals(s.doubles("sd"), r.doubles("sd"));
        }
        try (NpzReader s = NpzReader.open(straight.resolve("spikes.npz")); NpzReader r = NpzReader.open(rest.resolve("spikes.npz"))) {
            assertTrue(s.doubles("t_ms").length > 100);
            assertArrayEquals(s.doubles("t_ms"), r.doubles("t_ms"));
            assertArrayEquals(s.ints("i"), r.ints("i"));
        }
    }

    @Test
    void polychronousReadsACheckpointAsItsWeightSnapshot() throws Exception {
        Path out = dir.resolve("ck");
        json(CliRunner.run("spnet", "--seconds", "4", "--ne", "160", "--ni", "40", "--m", "20", "--sm", "7", "--json", "--quiet", "--figures",
                "none", "--checkpoint-every", "4", "--out", out.toString()));
        JsonNode fromNpz = json(CliRunner.run("polychronous", out.resolve("weights.npz").toString(), "--json", "--quiet", "--figures", "none",
                "--threads", "1", "--min-path", "2", "--out", dir.resolve("p1").toString()));
        JsonNode fromCkpt = json(CliRunner.run("polychronous", SpnetCheckpoint.file(out.resolve("checkpoints"), 4).toString(), "--json",
                "--quiet", "--figures", "none", "--threads", "1", "--min-path", "2", "--out", dir.resolve("p2").toString()));
        assertTrue(fromNpz.get("strong_synapses").asLong() > 0 && fromNpz.get("combinations").asLong() > 0, fromNpz.toString());
        for (String f : List.of("synapses", "strong_synapses", "mothers", "combinations", "groups")) assertEquals(fromNpz.get(f), fromCkpt.get(f), f);
        assertEquals("checkpoint", fromCkpt.get("sizes_from").get("sm").asText());
        CliRunner bad = CliRunner.run("polychronous", SpnetCheckpoint.file(out.resolve("checkpoints"), 4).toString(), "--sm", "10", "--quiet",
                "--out", dir.resolve("p3").toString());
        assertEquals(2, bad.code(), bad.err());
        assertTrue(bad.err().contains("is a checkpoint of ne 160, ni 40, sm 7.0"), bad.err());
    }

    @Test
    void writesTheFigures() {
        Path out = dir.resolve("fig");
        CliRunner r = CliRunner.run("spnet", "--seconds", "3", "--ne", "160", "--ni", "40", "--m", "20", "--quiet", "--figures", "png",
                "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        for (String f : List.of("raster.png", "rates.png", "weights.png", "spectrum.png")) assertTrue(Files.exists(out.resolve(f)), f);
    }

    @Test
    void badInputIsOneLineExitTwoAndNothingWritten() throws Exception {
        Path out = dir.resolve("bad");
        Path junk = dir.resolve("junk");
        Files.createDirectories(junk);
        Files.writeString(junk.resolve("spnet-0000000005.ckpt"), "not a checkpoint");
        String[][] cases = {
            {"--seconds", "0"}, {"--seconds", "-3"}, {"--seconds", "NaN"}, {"--sm", "NaN"}, {"--sm", "-1"}, {"--ne", "-5"},
            {"--m", "1000"}, {"--m", "99"}, {"--delays", "random"}, {"--ne", "20000000", "--m", "100"},
            {"--record-spikes", "5-2"}, {"--record-spikes", "20"}, {"--checkpoint-every", "0"},
            {"--resume", junk.toString()}, {"--resume", dir.resolve("none").toString()}, {"--resume", junk.toString(), "--ne", "10"},
        };
        for (String[] c : cases) {
            CliRunner r = CliRunner.run(cat(c, "spnet", "--out", out.toString(), "--figures", "none"));
            String what = String.join(" ", c);
            assertEquals(2, r.code(), what + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), what + ": " + r.err());
            assertFalse(r.err().contains("Exception"), what + ": " + r.err());
            assertFalse(Files.exists(out), what + " wrote " + out);
        }
    }

    private static String[] cat(String[] tail, String... head) {
        String[] out = new String[head.length + tail.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(tail, 0, out, head.length, tail.length);
        return out;
    }
}
