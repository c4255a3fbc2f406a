package org.izhsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code izhsim neuron --equations FILE --set ...}: same spikes and JSON shape as the built-in, one-line errors. */
class EquationsCommandTest {
    @TempDir
    Path dir;

    static Path example(String name) {
        Path p = Path.of("..", "examples", "equations", name);
        return Files.exists(p) ? p : Path.of("examples", "equations", name);
    }

    private JsonNode json(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--json", "--quiet", "--figures", "none", "--out", dir.toString()));
        CliRunner r = CliRunner.run(all.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        return CommandLineTest.JSON.readTree(r.out());
    }

    /** Panel A (figure1 order at dt 0.25): the file's threshold is v >= 30, which gives the same 5 spikes here. */
    @Test
    void panelAFromTheExampleFileMatchesTheBuiltin() throws Exception {
        JsonNode builtin = json("neuron", "--preset", "A");
        JsonNode eq = json("neuron", "--preset", "A", "--equations", example("izhikevich2003.eqs").toString(),
                "--set", "a=0.02", "--set", "b=0.2", "--set", "c=-65", "--set", "d=6", "--set", "v=-70", "--set", "u=-14");
        assertEquals(builtin.get("spike_times_ms"), eq.get("spike_times_ms"));
        for (String key : List.of("scheme", "dt_ms", "duration_ms", "params", "spike_count", "spike_times_ms", "rate_hz",
                "izhsim_version", "izhsim_commit", "model_hash", "equations")) {
            assertTrue(eq.has(key), key);
        }
        assertEquals(0.02, eq.get("params").get("a").asDouble());
        assertEquals(-70.0, eq.get("params").get("v0").asDouble());
        assertTrue(Files.exists(dir.resolve("neuron-equations-izhikevich2003.json")));
    }

    @Test
    void dimensionalModelWithUnits() throws Exception {
        JsonNode j = json("neuron", "--equations", example("izhikevich2007.eqs").toString(), "--scheme", "euler",
                "--dt", "1", "--duration", "1000", "--current", "int(t>100*ms)*70",
                "--set", "C=100*pF", "--set", "k=0.7*nS/mV", "--set", "vr=-60*mV", "--set", "vt=-40*mV",
                "--set", "vpeak=35*mV", "--set", "a=0.03/ms", "--set", "b=-2*nS", "--set", "c=-50*mV",
                "--set", "d=100*pA", "--set", "v=-60*mV");
        int n = j.get("spike_count").asInt();
        assertTrue(n >= 4 && n <= 8, "RS 2007 under 70 pA spikes a few times: " + n);
    }

    /** net2003 --equations: the same spikes as the built-in network (NetworkEquivalenceTest checks every pair). */
    @Test
    void net2003WithEquations() throws Exception {
        String[] common = {"net2003", "--ne", "80", "--ni", "20", "--duration", "200", "--scheme", "euler"};
        JsonNode builtin = json(common);
        List<String> withEqs = new ArrayList<>(List.of(common));
        withEqs.addAll(List.of("--equations", example("izhikevich2003.eqs").toString()));
        JsonNode eq = json(withEqs.toArray(String[]::new));
        assertTrue(builtin.get("spikes").asInt() > 50, builtin.toString());
        assertEquals(builtin.get("spikes"), eq.get("spikes"));
        assertEquals(builtin.get("mean_rate_hz"), eq.get("mean_rate_hz"));
        assertTrue(eq.get("model").asText().endsWith("izhikevich2003.eqs"));
        Path other = dir.resolve("adex.eqs");
        Files.copy(example("adex.eqs"), other);
        List<String> bad = new ArrayList<>(List.of(common));
        bad.addAll(List.of("--equations", other.toString(), "--out", dir.resolve("o").toString()));
        CliRunner r = CliRunner.run(bad.toArray(String[]::new));
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("parameter 'C' of " + other + " has no value"), r.err());
    }

    static Stream<Object[]> badInputs() {
        String eqs = example("izhikevich2003.eqs").toString();
        return Stream.of(
                new Object[] {List.of("--equations", eqs, "--set", "a=0.02"), "parameter 'b' of " + eqs + " has no value; give --set b=VALUE"},
                new Object[] {List.of("--equations", eqs, "--set", "w=1"), "unknown name 'w'"},
                new Object[] {List.of("--equations", eqs, "--set", "a=0.02*mV"), "'a' is 1 (dimensionless) but the value '0.02*mV' is volt"},
                new Object[] {List.of("--equations", eqs, "--a", "0.02"), "with --equations use --set NAME=VALUE"},
                // issue #19 defect 21: the second value used to win silently, while --a twice is refused
                new Object[] {List.of("--equations", eqs, "--set", "a=0.02", "--set", "b=0.2", "--set", "a=0.1"),
                        "--set a given twice ('a=0.02' and 'a=0.1'); give each name once"},
                new Object[] {List.of("--equations", eqs, "--set", "v=-65", "--set", "v = -70"), "--set v given twice"},
                new Object[] {List.of("--a", "0.02", "--a", "0.03"), "should be specified only once"},
                new Object[] {List.of("--set", "a=1"), "--set needs --equations FILE"},
                new Object[] {List.of("--equations", "no-such-file.eqs"), "cannot read --equations no-such-file.eqs"});
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    void badInputIsOneLineExit2(List<String> args, String expected) throws Exception {
        Path out = dir.resolve("out");
        List<String> all = new ArrayList<>(List.of("neuron"));
        all.addAll(args);
        all.addAll(List.of("--out", out.toString()));
        CliRunner r = CliRunner.run(all.toArray(String[]::new));
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(Files.exists(out) && Files.list(out).findAny().isPresent(), "nothing written to --out");
    }

    /** Errors in the file: file, line and column in one line, exit 2. */
    @Test
    void badModelFileNamesLineAndColumn() throws Exception {
        String good = Files.readString(example("izhikevich2003.eqs"));
        String[][] cases = {
                {"- u + I)/ms : 1", "- w + I)/ms : 1", ":4:34: unknown name 'w'"},
                {"du/dt = a*(b*v - u)/ms : 1", "du/dt = a*(b*v - u)/ms", ":5:23: missing ': unit'"},
                {"u += d", "z += d", ":12:15: the reset assigns unknown variable 'z'"},
                {"- u + I)/ms : 1", "- u + I*mV)/ms : 1", ":4:9: units do not match"},
        };
        for (String[] c : cases) {
            Path f = dir.resolve("bad.eqs");
            Files.writeString(f, good.replace(c[0], c[1]));
            CliRunner r = CliRunner.run("neuron", "--equations", f.toString(), "--set", "a=0.02", "--set", "b=0.2",
                    "--set", "c=-65", "--set", "d=8", "--out", dir.resolve("o").toString());
            assertEquals(2, r.code(), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains(f + c[2]), r.err());
        }
    }
}
