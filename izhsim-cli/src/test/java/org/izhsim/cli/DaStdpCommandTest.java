package org.izhsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code izhsim dastdp}: the JSON per second (the chosen weight starts at 0, percentiles in
 * order), a resumed run equals the straight one, bad input is one line with exit code 2.
 */
class DaStdpCommandTest {
    @TempDir
    Path dir;

    @Test
    void perSecondJsonAndResumeEqualTheStraightRun() throws Exception {
        JsonNode straight = SpnetCommandTest.json(CliRunner.run("dastdp", "--seconds", "4", "--seed", "2", "--threads", "2", "--json",
                "--quiet", "--figures", "none", "--out", dir.resolve("a").toString()));
        JsonNode rows = straight.get("per_second");
        assertEquals(4, rows.size());
        assertTrue(rows.get(0).get("chosen_w").asDouble() < 0.1, "the chosen synapse starts at 0");
        // after 1 s the others are all near their initial 1, so all 79,999 are stronger than the chosen one
        assertEquals(79_999, rows.get(0).get("others_at_least_chosen").asInt());
        for (JsonNode r : rows) {
            double last = -1;
            for (int p : org.izhsim.examples.DaStdpTally.PERCENTILES) {
                double x = r.get("others_p" + p).asDouble();
                assertTrue(x >= last && x <= 4, r.toString());
                last = x;
            }
            assertTrue(r.get("others_max_w").asDouble() >= last && r.get("others_max_w").asDouble() < 3.99, r.toString());
            assertEquals(0, r.get("others_at_max").asInt(), "nothing reaches sm = 4 in 4 s");
        }
        assertEquals(-1, straight.get("first_other_at_max_s").asInt());
        assertEquals(-1, straight.get("first_chosen_at_max_s").asInt());
        assertTrue(Files.exists(dir.resolve("a/dastdp.json")));
        SpnetCommandTest.json(CliRunner.run("dastdp", "--seconds", "2", "--seed", "2", "--threads", "1", "--json", "--quiet", "--figures", "none",
                "--checkpoint-every", "2", "--out", dir.resolve("b").toString()));
        JsonNode resumed = SpnetCommandTest.json(CliRunner.run("dastdp", "--resume", dir.resolve("b/checkpoints").toString(), "--seconds", "4",
                "--json", "--quiet", "--figures", "none", "--out", dir.resolve("c").toString()));
        assertEquals(2, resumed.get("per_second").size());
        // each command refuses the other's checkpoint in one line
        CliRunner wrong = CliRunner.run("spnet", "--resume", dir.resolve("b/checkpoints").toString(), "--seconds", "4", "--quiet",
                "--out", dir.resolve("d").toString());
        assertEquals(2, wrong.code(), wrong.err());
        assertEquals("izhsim spnet: --resume " + dir.resolve("b/checkpoints") + ": a DA-STDP checkpoint; resume it with izhsim dastdp",
                wrong.err().strip());
        for (int k = 0; k < 2; k++) {
            JsonNode a = rows.get(k + 2), b = resumed.get("per_second").get(k);
            assertEquals(a.get("chosen_w"), b.get("chosen_w"));
            assertEquals(a.get("others_mean_w"), b.get("others_mean_w"));
            assertEquals(a.get("rate_hz"), b.get("rate_hz"));
        }
    }

    @Test
    void badInputIsOneLineAndExitTwo() {
        for (String[] args : new String[][] {{"--seconds", "0"}, {"--window", "0"}, {"--resume", dir.resolve("none").toString()}}) {
            String[] full = new String[args.length + 3];
            full[0] = "dastdp";
            System.arraycopy(args, 0, full, 1, args.length);
            full[args.length + 1] = "--out";
            full[args.length + 2] = dir.resolve("x").toString();
            CliRunner r = CliRunner.run(full);
            assertEquals(2, r.code(), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
    }

    /** spnet and dastdp take --threads, --checkpoint-every and --resume from one mixin: the same help and the same refusals. */
    @Test
    void sharedOptionsReadAndRefuseTheSameInBothCommands() {
        String spnet = CliRunner.run("spnet", "--help").out(), dastdp = CliRunner.run("dastdp", "--help").out();
        for (String opt : new String[] {"--threads=N", "--checkpoint-every=S", "--resume=DIR"}) {
            String a = helpOf(spnet, opt);
            assertTrue(a.length() > opt.length() + 20, a);
            assertEquals(a, helpOf(dastdp, opt));
        }
        for (String cmd : new String[] {"spnet", "dastdp"}) {
            CliRunner r = CliRunner.run(cmd, "--checkpoint-every", "0", "--seconds", "2", "--out", dir.resolve(cmd).toString());
            assertEquals(2, r.code(), r.err());
            assertEquals("izhsim " + cmd + ": --checkpoint-every must be at least 1 model second, got 0", r.err().strip());
        }
    }

    /** The help lines of option {@code opt}: its line and the indented continuation lines below it. */
    private static String helpOf(String help, String opt) {
        StringBuilder b = new StringBuilder();
        boolean in = false;
        for (String line : help.lines().toList()) {
            if (line.strip().startsWith("-")) in = line.strip().startsWith(opt);
            if (in) b.append(line.strip()).append(' ');
        }
        return b.toString();
    }
}
