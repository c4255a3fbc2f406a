package org.izhsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandLineTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    JsonNode json(CliRunner r) throws Exception {
        return ok(r);
    }

    /** The JSON on stdout of a run that must succeed. */
    static JsonNode ok(CliRunner r) throws Exception {
        assertEquals(0, r.code(), r.err());
        return JSON.readTree(r.out());
    }

    @Test
    void neuronJsonHasTheDocumentedShapeAndTheGoldenSpikes() throws Exception {
        JsonNode j = json(CliRunner.run("neuron", "--preset", "A", "--json", "--quiet", "--out", dir.toString()));
        for (String key : List.of("scheme", "dt_ms", "duration_ms", "params", "spike_count", "spike_times_ms", "rate_hz",
                "izhsim_version", "izhsim_commit")) {
            assertTrue(j.has(key), key);
        }
        assertEquals("figure1", j.get("scheme").asText());
        assertEquals(0.25, j.get("dt_ms").asDouble());
        assertEquals(5, j.get("spike_count").asInt());
        assertEquals(13.0, j.get("spike_times_ms").get(0).asDouble());
        assertEquals(86.75, j.get("spike_times_ms").get(4).asDouble());
        assertEquals(50.0, j.get("rate_hz").asDouble(), 1e-9);
        for (String k : List.of("a", "b", "c", "d", "v0", "u0")) assertTrue(j.get("params").has(k), k);
        assertTrue(Files.exists(dir.resolve("neuron-A.json")));
    }

    @Test
    void neuronWithOwnParametersAndCsv() throws Exception {
        Path csv = dir.resolve("trace.csv");
        JsonNode j = json(CliRunner.run("neuron", "--a", "0.02", "--b", "0.2", "--c", "-50", "--d", "2", "--v0", "-70",
                "--current", "int(t>100*ms)*10", "--duration", "1000", "--dt", "0.5", "--scheme", "euler", "--json",
                "--quiet", "--figures", "none", "--out", dir.toString(), "--csv", csv.toString()));
        assertEquals("euler", j.get("scheme").asText());
        assertTrue(j.get("spike_count").asInt() > 10, "chattering neuron fires");
        assertTrue(j.get("spike_times_ms").get(0).asDouble() > 100, "no spike before the step");
        List<String> lines = Files.readAllLines(csv);
        String header = lines.stream().filter(l -> !l.startsWith("#")).findFirst().orElseThrow();
        assertEquals("t_ms,v_mV,u,I", header);
        assertEquals(2001, lines.stream().filter(l -> !l.startsWith("#")).count() - 1);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("# scheme: euler")));
    }

    @Test
    void currentEverySamplesAndHolds() throws Exception {
        JsonNode held = json(CliRunner.run("neuron", "--preset", "RS", "--current", "5 + 2*sin(2*pi*t/ms/50)",
                "--current-every", "1", "--duration", "300", "--json", "--quiet", "--figures", "none", "--out", dir.toString()));
        JsonNode cont = json(CliRunner.run("neuron", "--preset", "RS", "--current", "5 + 2*sin(2*pi*t/ms/50)",
                "--duration", "300", "--json", "--quiet", "--figures", "none", "--out", dir.toString()));
        assertTrue(held.get("spike_count").asInt() > 0);
        assertFalse(held.get("spike_times_ms").equals(cont.get("spike_times_ms")), "holding the current changes the run");
    }

    @Test
    void featuresJsonListsAllTwentyPanels() throws Exception {
        JsonNode j = json(CliRunner.run("features", "--json", "--quiet", "--figures", "none", "--out", dir.toString()));
        JsonNode panels = j.get("panels");
        assertEquals(20, panels.size());
        JsonNode a = panels.get(0);
        assertEquals("A", a.get("id").asText());
        assertEquals("tonic spiking", a.get("name").asText());
        assertEquals(0.25, a.get("dt_ms").asDouble());
        assertEquals(100.0, a.get("duration_ms").asDouble());
        assertEquals(5, a.get("spike_times_ms").size());
        assertEquals(12, panels.get(19).get("spike_times_ms").size(), "T");
        assertEquals(1, json(CliRunner.run("features", "--panel", "k", "--json", "--quiet", "--figures", "none", "--out",
                dir.toString())).get("panels").size());
    }

    @Test
    void fiJsonAndCsv() throws Exception {
        JsonNode j = json(CliRunner.run("fi", "--preset", "RS", "--from", "0", "--to", "40", "--step", "1", "--duration",
                "1000", "--dt", "0.25", "--scheme", "euler", "--json", "--quiet", "--figures", "none", "--out", dir.toString()));
        assertEquals(41, j.get("currents").size());
        assertEquals(41, j.get("rates_hz").size());
        assertEquals(0.0, j.get("rates_hz").get(0).asDouble(), "no firing at I = 0");
        double prev = -1;
        for (JsonNode r : j.get("rates_hz")) {
            assertTrue(r.asDouble() >= prev - 1.0, "rate grows with current (up to a spike of jitter)");
            prev = r.asDouble();
        }
        assertTrue(prev > 30, "RS fires fast at I = 40");
        assertTrue(Files.exists(dir.resolve("fi-RS.csv")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "neuron", "features", "fi", "accuracy"})
    void everyCommandHasHelp(String cmd) {
        CliRunner r = cmd.isEmpty() ? CliRunner.run("--help") : CliRunner.run(cmd, "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("Usage:"), r.out());
        if (!cmd.isEmpty()) assertTrue(r.out().contains("--json") && r.out().contains("--out"), cmd);
    }

    @Test
    void versionNamesVersionAndCommit() {
        CliRunner r = CliRunner.run("--version");
        assertEquals(0, r.code());
        assertTrue(r.out().startsWith("izhsim 0.1.0 (commit "), r.out());
    }

    /** Each bad input: exit 2, one line on stderr naming the culprit, no stack trace, nothing in --out. */
    static Stream<Object[]> badInputs() {
        return Stream.of(
                new Object[] {List.of("neuron", "--preset", "RZZ"), "unknown preset 'RZZ'; known: RS, IB, CH, FS, LTS, TC, TC-burst, RZ, A..T"},
                new Object[] {List.of("neuron", "--dt", "0"), "dt must be a positive finite number, got 0.0"},
                new Object[] {List.of("neuron", "--dt", "-0.1"), "dt must be a positive finite number"},
                new Object[] {List.of("neuron", "--duration", "0"), "duration must be a positive finite number"},
                new Object[] {List.of("neuron", "--duration", "10", "--dt", "0.3"), "not a whole number of steps"},
                new Object[] {List.of("neuron", "--a", "abc"), "'abc' is not a double"},
                new Object[] {List.of("neuron", "--scheme", "heun"), "unknown scheme 'heun'; known: figure1, netm, euler, rk4"},
                new Object[] {List.of("neuron", "--a", "NaN"), "a must be a finite number, got NaN"},
                new Object[] {List.of("neuron", "--v0", "Infinity"), "v0 must be a finite number"},
                new Object[] {List.of("neuron", "--current", "foo(t)"), "unknown function 'foo'"},
                new Object[] {List.of("neuron", "--figures", "gif"), "unknown figure format 'gif'"},
                new Object[] {List.of("neuron", "--bogus"), "Unknown option: '--bogus'"},
                new Object[] {List.of("features", "--panel", "RS"), "unknown panel 'RS'; known: A..T"},
                new Object[] {List.of("fi", "--step", "0"), "step must be a positive finite number"},
                new Object[] {List.of("fi", "--from", "10", "--to", "0"), "must not be below"});
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("badInputs")
    void badInputIsOneClearLineWithExitCode2(List<String> args, String expected) throws Exception {
        checkBadInput(dir, args, expected, 2);
    }

    /** Exit 2, {@code expected} on stderr in at most {@code maxLines} lines, no stack trace, nothing in --out. */
    static void checkBadInput(Path dir, List<String> args, String expected, int maxLines) throws Exception {
        Path out = dir.resolve("out");
        String[] full = Stream.concat(args.stream(), Stream.of("--out", out.toString())).toArray(String[]::new);
        CliRunner r = CliRunner.run(full);
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace");
        assertTrue(r.err().strip().lines().count() <= maxLines, r.err());
        assertTrue(r.out().isEmpty(), r.out());
        assertFalse(Files.exists(out) && Files.list(out).findAny().isPresent(), "nothing written to --out");
    }

    @Test
    void malformedExpressionShowsTheCaretUnderTheColumn() {
        CliRunner r = CliRunner.run("neuron", "--current", "int(t>100*ms)*", "--out", dir.resolve("o").toString());
        assertEquals(2, r.code());
        List<String> lines = r.err().lines().toList();
        assertEquals(2, lines.size(), r.err());
        assertTrue(lines.get(0).endsWith("int(t>100*ms)*"), lines.get(0));
        int caret = lines.get(1).indexOf('^');
        assertEquals(lines.get(0).length(), caret, "caret just past the end of the expression");
    }

    @Test
    void blowUpNamesStepAndTimeWithExitCode3() {
        CliRunner r = CliRunner.run("neuron", "--v0", "1e160", "--scheme", "euler", "--out",
                dir.resolve("o").toString());
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().contains("numerical blow-up") && r.err().contains("step 0") && r.err().contains("t = 0.0 ms"),
                r.err());
        assertFalse(Files.exists(dir.resolve("o")), "no output directory left");
    }
}
