package org.izhsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Command;

/** #20 item 6: whole summaries in --help, no progress litter off a terminal, "1 spike". */
class CliReadsWellTest {
    @TempDir
    Path dir;

    @Test
    void helpListsEveryCommandWithAWholeOneLineSummary() {
        CliRunner r = CliRunner.run("--help");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        int first = lines.indexOf("Commands:") + 1;
        for (Class<?> c : IzhsimCommand.SUBCOMMANDS) {
            String name = c.getAnnotation(Command.class).name();
            String line = lines.stream().skip(first).filter(l -> l.startsWith("  " + name + " ")).findFirst().orElseThrow();
            assertTrue(line.endsWith("."), "cut summary: " + line);
            int at = lines.indexOf(line);
            assertFalse(lines.get(at + 1).startsWith("    "), "summary of " + name + " runs on: " + lines.get(at + 1));
        }
    }

    /** Surefire's stderr is a pipe, as a log file or `2> file` is: no bar, no "timed i/N" lines. */
    @Test
    void noProgressLinesWhenStderrIsNotATerminal() {
        assertFalse(ProgressBar.stderrIsTerminal());
        assertFalse(new ProgressBar("run", false).enabled());
        CliRunner r = CliRunner.run("cost", "--neurons", "64", "--steps", "5");
        assertEquals(0, r.code(), r.err());
        assertFalse(r.err().contains("timed") || r.err().contains("\r"), r.err());
    }

    @Test
    void oneSpikeIsOneSpike() {
        CliRunner r = CliRunner.run("neuron", "--preset", "RS", "--current", "10", "--duration", "20", "--figures", "none",
                "--out", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("RS: 1 spike in 20 ms"), r.out());
        assertEquals("1 spike", org.izhsim.run.Net2003Options.counted(1, "spike"));
        assertEquals("0 spikes", org.izhsim.run.Net2003Options.counted(0, "spike"));
        assertEquals("12,345 spikes", org.izhsim.run.Net2003Options.counted(12345, "spike"));
    }
}
