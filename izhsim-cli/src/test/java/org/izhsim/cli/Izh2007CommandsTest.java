package org.izhsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code neuron --model izh2007}, {@code neuron --nml} with the shipped examples/neuroml files,
 * and {@code accuracy}: outputs, golden spikes through the CLI, and one-line refusals.
 */
class Izh2007CommandsTest {
    static final String NML = Path.of("..", "examples", "neuroml", "izhikevich2007_cells.nml").toString();
    static final String NML_2003 = Path.of("..", "examples", "neuroml", "izhikevich2003_cells.nml").toString();

    @TempDir
    Path dir;

    static JsonNode json(CliRunner r) throws Exception {
        return CommandLineTest.ok(r);
    }

    /** The command: 7 spikes (reference §5.2, RS at 100 pA), euler by default, units in the JSON. */
    @Test
    void izh2007PresetRunsTheBookCell() throws Exception {
        JsonNode j = json(CliRunner.run("neuron", "--model", "izh2007", "--preset", "RS", "--current", "100", "--dt", "0.25",
                "--duration", "520", "--json", "--quiet", "--out", dir.toString()));
        assertEquals("euler", j.get("scheme").asText());
        assertEquals("izh2007", j.get("model").asText());
        assertEquals("pA", j.get("current_unit").asText());
        assertEquals(7, j.get("spike_count").asInt());
        assertEquals(-60.0, j.get("params").get("v0_mV").asDouble());
        assertEquals(0.0, j.get("params").get("u0_pA").asDouble());
        for (String f : List.of("neuron-RS-izh2007.json", "neuron-RS-izh2007-v.png", "neuron-RS-izh2007-v.svg", "neuron-RS-izh2007-u.svg", "neuron-RS-izh2007-phase.png")) {
            assertTrue(Files.exists(dir.resolve(f)), f);
        }
        // the SVG draws text as outlines; the axis titles in pA are checked in the plot module
        assertTrue(Files.readString(dir.resolve("neuron-RS-izh2007-v.svg")).contains("current_unit: pA"), "provenance");
    }

    /** The burst-mode preset runs its own protocol (−1200 pA for 120 ms, then 100 pA: 18 spikes, §5.2). */
    @Test
    void burstPresetRunsItsProtocol() throws Exception {
        JsonNode j = json(CliRunner.run("neuron", "--model", "izh2007", "--preset", "TC-burst", "--json", "--quiet",
                "--figures", "none", "--out", dir.toString()));
        assertEquals(18, j.get("spike_count").asInt());
        assertTrue(j.get("spike_times_ms").get(0).asDouble() > 120, "rebound after the hold");
    }

    /** NeuroML's RS is the book's RS with a strict cut-off: the same 7 spikes at 100 pA over 520 ms. */
    @Test
    void nmlCellRunsLikeThePreset() throws Exception {
        JsonNode preset = json(CliRunner.run("neuron", "--model", "izh2007", "--preset", "RS", "--json", "--quiet",
                "--figures", "none", "--out", dir.toString()));
        JsonNode nml = json(CliRunner.run("neuron", "--nml", NML, "--cell", "RS_SI", "--current", "100", "--duration", "520",
                "--json", "--quiet", "--figures", "none", "--out", dir.toString()));
        assertEquals(preset.get("spike_times_ms"), nml.get("spike_times_ms"));
        assertEquals("RS_SI", nml.get("neuron").asText());
        assertEquals("v > vpeak", nml.get("params").get("cutoff").asText());
    }

    @Test
    void nml2003CellRunsThe2003Model() throws Exception {
        JsonNode j = json(CliRunner.run("neuron", "--nml", NML_2003, "--cell", "RS03", "--current", "10", "--json", "--quiet",
                "--figures", "none", "--out", dir.toString()));
        assertEquals("izh2003", j.get("model").asText());
        assertEquals("figure1", j.get("scheme").asText());
        assertEquals(-14.0, j.get("params").get("u0").asDouble(), 1e-12);
        assertTrue(j.get("spike_count").asInt() > 5);
    }

    static Stream<Object[]> badInputs() throws Exception {
        Path tmp = Files.createTempDirectory("nml");
        Path malformed = Files.writeString(tmp.resolve("malformed.nml"), "<neuroml><izhikevich2007Cell id=\"X\"");
        String cell = "<neuroml><izhikevich2007Cell id=\"X\" v0=\"-60mV\" C=\"100pF\" k=\"0.7nS_per_mV\" vr=\"-60mV\""
                + " vt=\"-40mV\" vpeak=\"35mV\" a=\"0.03per_ms\" b=\"-2nS\" c=\"-50mV\" d=\"100pA\"/></neuroml>";
        Path missing = Files.writeString(tmp.resolve("missing.nml"), cell.replace(" vt=\"-40mV\"", ""));
        Path wrongUnit = Files.writeString(tmp.resolve("unit.nml"), cell.replace("0.03per_ms", "0.03mV"));
        return Stream.of(
                new Object[] {List.of("neuron", "--model", "izh2007", "--preset", "RZ"),
                        "unknown izh2007 preset 'RZ'; known: RS, IB, CH, LTS, FS, TC, TC-burst, RTN, RTN-burst, RS-book"},
                new Object[] {List.of("neuron", "--model", "izh2009"), "unknown model 'izh2009' in --model; known: izh2003, izh2007"},
                new Object[] {List.of("neuron", "--model", "izh2007", "--scheme", "figure1"),
                        "scheme 'figure1' is a 2003-model harness; the 2007 model runs euler (the book's) or rk4"},
                new Object[] {List.of("neuron", "--nml", malformed.toString(), "--cell", "X"), "malformed XML"},
                new Object[] {List.of("neuron", "--nml", missing.toString(), "--cell", "X"), "has no attribute 'vt'"},
                new Object[] {List.of("neuron", "--nml", wrongUnit.toString(), "--cell", "X"),
                        "'0.03mV' is a voltage, expected a per time in per_s, per_ms, Hz"},
                new Object[] {List.of("neuron", "--nml", NML, "--cell", "XX"),
                        "no cell 'XX' in " + NML + "; its cells: RS, RS_SI, WeaklyAdapting, StronglyAdapting"},
                new Object[] {List.of("neuron", "--nml", NML), "--nml needs --cell ID"},
                new Object[] {List.of("neuron", "--nml", NML, "--cell", "RS", "--preset", "RS"),
                        "--preset and --nml exclude each other"},
                new Object[] {List.of("neuron", "--nml", tmp.resolve("none.nml").toString(), "--cell", "X"), "does not exist"},
                new Object[] {List.of("accuracy", "--dt", "0.1"), "--dt does not apply to accuracy"},
                new Object[] {List.of("accuracy", "--dts", "0.7"), "not a whole number of steps"},
                new Object[] {List.of("accuracy", "--dts", "0.0015"), "not a whole multiple of the reference dt"},
                new Object[] {List.of("accuracy", "--model", "izh2007", "--schemes", "netm"), "is a 2003-model harness"});
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    void badInputIsOneClearLineWithExitCode2(List<String> args, String expected) throws Exception {
        CommandLineTest.checkBadInput(dir, args, expected, 1);
    }

    /** accuracy: table, JSON rows per (scheme, dt), the figure, and errors that fall with dt. */
    @Test
    void accuracyReport() throws Exception {
        JsonNode j = json(CliRunner.run("accuracy", "--model", "izh2007", "--preset", "RS", "--duration", "200",
                "--dts", "0.2,0.1,0.05", "--ref-dt", "0.005", "--json", "--quiet", "--out", dir.toString()));
        assertEquals(6, j.get("rows").size());
        assertEquals(0.005, j.get("reference").get("dt_ms").asDouble());
        assertTrue(j.has("izhsim_commit") && j.has("izhsim_version"));
        JsonNode e0 = j.get("rows").get(0), e2 = j.get("rows").get(2);
        assertEquals("euler", e0.get("scheme").asText());
        // 16 FLOPs per euler step counted from the trees (the threshold test included; the hand
        // table it replaced had 15, without the test) at dt 0.2 ms
        assertEquals(80.0, e0.get("flops_per_ms").asDouble());
        assertTrue(e2.get("mean_abs_error_ms").asDouble() < e0.get("mean_abs_error_ms").asDouble() / 2.5);
        for (String f : List.of("accuracy-RS-izh2007.json", "accuracy-RS-izh2007.png", "accuracy-RS-izh2007.svg")) {
            assertTrue(Files.exists(dir.resolve(f)), f);
        }
        assertTrue(Files.readString(dir.resolve("accuracy-RS-izh2007.svg")).contains("izhsim_commit"), "provenance");
        CliRunner table = CliRunner.run("accuracy", "--preset", "RS", "--duration", "50", "--dts", "0.5,0.25",
                "--ref-dt", "0.01", "--figures", "none", "--quiet", "--out", dir.toString());
        assertEquals(0, table.code(), table.err());
        for (String s : List.of("figure1", "netm", "euler", "rk4", "mean_err_ms", "flops/ms")) {
            assertTrue(table.out().contains(s), table.out());
        }
    }
}
