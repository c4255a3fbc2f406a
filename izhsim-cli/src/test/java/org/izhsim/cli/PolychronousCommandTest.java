package org.izhsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.izhsim.io.Npz;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code izhsim polychronous} end to end on a weight snapshot written with the project's Npz writer. */
class PolychronousCommandTest {
    @TempDir
    Path dir;

    /** Inputs of X1..X8 (neurons 3..10) by neuron; anchors are 0, 1, 2, each linked twice. */
    private static final int[][] INPUTS = {{0, 1, 2}, {0, 1, 3}, {2, 3, 4}, {3, 4, 5}, {4, 5, 6}, {5, 6, 7}, {6, 7, 8}, {7, 8, 9}};

    /** Spike time [ms] of neuron i in the chain: anchors at 0, 1, 2, then every 3 ms from 7. */
    private static int time(int i) {
        return i < 3 ? i : 7 + 3 * (i - 3);
    }

    /** The chain, plus an exc->inh and an inhibitory synapse; three coincident 10-mV PSPs fire a neuron 2 ms later. */
    private Path snapshot(String name, boolean withMetadata) throws Exception {
        List<int[]> syn = new ArrayList<>();
        for (int k = 0; k < INPUTS.length; k++) {
            int post = k + 3;
            for (int pre : INPUTS[k]) syn.add(new int[] {pre, post, time(post) - 2 - time(pre)});
        }
        syn.add(new int[] {5, 17, 3});
        syn.add(new int[] {17, 12, 1});
        int m = syn.size();
        int[] pre = new int[m], post = new int[m], delay = new int[m];
        float[] w = new float[m];
        for (int i = 0; i < m; i++) {
            pre[i] = syn.get(i)[0];
            post[i] = syn.get(i)[1];
            delay[i] = syn.get(i)[2];
            w[i] = pre[i] >= 16 ? -5f : post[i] >= 16 ? 6f : 10f;
        }
        Npz npz = new Npz().put("pre", pre).put("post", post).put("delay_ms", delay).put("w", w);
        if (withMetadata) npz.putScalar("ne", 16).putScalar("ni", 4).putScalar("sm", 10);
        return npz.write(dir.resolve(name));
    }

    @Test
    void findsTheChainWritesGroupsAndDrawsIt() throws Exception {
        Path out = dir.resolve("out");
        CliRunner r = CliRunner.run("polychronous", snapshot("w.npz", true).toString(), "--json", "--quiet", "--threads", "2",
                "--out", out.toString(), "--figures", "png", "--shuffle-control");
        assertEquals(0, r.code(), r.err());
        JsonNode j = CommandLineTest.JSON.readTree(r.out());
        assertEquals(20, j.get("n").asInt());
        assertEquals(16, j.get("ne").asInt());
        assertEquals(1, j.get("groups").get("count").asInt());
        assertEquals(8, j.get("groups").get("longest_path").get("max").asInt());
        assertEquals(11, j.get("groups").get("size").get("median").asDouble());
        assertEquals(28, j.get("groups").get("time_span_ms").get("min").asInt());
        assertTrue(j.get("control").get("groups").get("count").asInt() <= 1);
        assertEquals(0, j.get("drawn_group").asInt());
        JsonNode g = CommandLineTest.JSON.readTree(Files.readString(out.resolve("groups.json"))).get("group_records").get(0);
        assertEquals(3, g.get("mother").asInt());
        for (int i = 0; i < 11; i++) {
            assertEquals(time(i), g.get("spikes").get("t_ms").get(i).asInt(), "spike " + i);
            assertEquals(i, g.get("spikes").get("neuron").get(i).asInt());
        }
        assertEquals(24, g.get("links").get("pre").size());
        assertTrue(Files.size(out.resolve("group-0.png")) > 1000);
        List<String> csv = Files.readAllLines(out.resolve("groups.csv"));
        assertEquals("group,mother,anchor_1,anchor_2,anchor_3,size,spikes,links,longest_path,time_span_ms",
                csv.stream().filter(l -> !l.startsWith("#")).findFirst().orElseThrow());
        assertTrue(csv.contains("0,3,0,1,2,11,11,24,8,28"), String.join("\n", csv));
        assertTrue(Files.exists(out.resolve("groups-control.json")));
    }

    @Test
    void sizesFromOptionsWhenTheFileHasNoMetadata() throws Exception {
        Path f = snapshot("bare.npz", false);
        CliRunner r = CliRunner.run("polychronous", f.toString(), "--quiet", "--figures", "none", "--out", dir.resolve("o").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("no scalar 'ne'") && r.err().contains("--ne"), r.err());
        r = CliRunner.run("polychronous", f.toString(), "--json", "--quiet", "--ne", "16", "--figures", "none",
                "--out", dir.resolve("o").toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = CommandLineTest.JSON.readTree(r.out());
        assertEquals(18, j.get("n").asInt()); // the largest index + 1
        assertEquals("default", j.get("sizes_from").get("sm").asText());
        assertEquals(1, j.get("groups").get("count").asInt());
        r = CliRunner.run("polychronous", f.toString(), "--json", "--quiet", "--ne", "16", "--min-path", "9", "--figures", "none",
                "--out", dir.resolve("o").toString());
        assertEquals(0, CommandLineTest.JSON.readTree(r.out()).get("groups").get("count").asInt());
    }

    @Test
    void badInputIsOneLineAndExitTwoWithNothingWritten() throws Exception {
        Path out = dir.resolve("bad-out");
        Path text = Files.writeString(dir.resolve("notes.npz"), "not a zip");
        expectBad(out, "is not an .npz archive", text.toString());
        expectBad(out, "no such file", dir.resolve("missing.npz").toString());
        Path noW = new Npz().put("pre", new int[] {0}).put("post", new int[] {1}).put("delay_ms", new int[] {1})
                .putScalar("ne", 2).write(dir.resolve("now.npz"));
        expectBad(out, "has no array 'w'", noW.toString());
        Path mismatched = new Npz().put("pre", new int[] {0, 1}).put("post", new int[] {1}).put("delay_ms", new int[] {1})
                .put("w", new double[] {1}).putScalar("ne", 2).write(dir.resolve("mismatch.npz"));
        expectBad(out, "differ in length", mismatched.toString());
        Path negative = new Npz().put("pre", new int[] {0}).put("post", new int[] {1}).put("delay_ms", new int[] {-3})
                .put("w", new double[] {1}).putScalar("ne", 2).write(dir.resolve("neg.npz"));
        expectBad(out, "delay_ms[0] = -3", negative.toString());
        Path huge = new Npz().put("pre", new int[] {0}).put("post", new int[] {1}).put("delay_ms", new int[] {1})
                .put("w", new double[] {1}).putScalar("ne", 2e7).putScalar("ni", 1e7).write(dir.resolve("huge.npz"));
        expectBad(out, "more than the 10000000", huge.toString());
        Path floats = new Npz().put("pre", new double[] {0.5}).put("post", new int[] {1}).put("delay_ms", new int[] {1})
                .put("w", new double[] {1}).putScalar("ne", 2).write(dir.resolve("floats.npz"));
        expectBad(out, "array 'pre' holds floats", floats.toString());
        expectBad(out, "--anchor-width must be in [1, 8]", snapshot("ok.npz", true).toString(), "--anchor-width", "0");
    }

    private static void expectBad(Path out, String message, String... args) {
        List<String> all = new ArrayList<>(List.of("polychronous"));
        all.addAll(List.of(args));
        all.addAll(List.of("--out", out.toString(), "--quiet"));
        CliRunner r = CliRunner.run(all.toArray(String[]::new));
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(message), r.err());
        assertFalse(Files.exists(out), "nothing written");
    }
}
