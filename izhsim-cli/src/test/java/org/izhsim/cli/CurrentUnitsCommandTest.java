package org.izhsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --current} with Brian2's units where the model's I has them; plain numbers as before; one-line mismatches. */
class CurrentUnitsCommandTest {
    @TempDir
    Path dir;

    private static final String[] RS2007 = {"--equations", EquationsCommandTest.example("izhikevich2007.eqs").toString(),
        "--scheme", "euler", "--dt", "1", "--duration", "1000", "--set", "C=100*pF", "--set", "k=0.7*nS/mV",
        "--set", "vr=-60*mV", "--set", "vt=-40*mV", "--set", "vpeak=35*mV", "--set", "a=0.03/ms", "--set", "b=-2*nS",
        "--set", "c=-50*mV", "--set", "d=100*pA", "--set", "v=-60*mV"};

    private CliRunner run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--json", "--quiet", "--figures", "none", "--out", dir.toString()));
        return CliRunner.run(all.toArray(String[]::new));
    }

    private JsonNode spikes(String... args) throws Exception {
        CliRunner r = run(args);
        assertEquals(0, r.code(), r.err());
        JsonNode times = CommandLineTest.JSON.readTree(r.out()).get("spike_times_ms");
        assertTrue(times.size() > 0, "the run should spike");
        return times;
    }

    private static String[] with(String[] base, String... more) {
        List<String> all = new ArrayList<>(List.of("neuron"));
        all.addAll(List.of(base));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void anEquationModelInAmpTakesPicoAndNanoAmp() throws Exception {
        JsonNode plain = spikes(with(RS2007, "--current", "int(t>100*ms)*70"));
        assertEquals(plain, spikes(with(RS2007, "--current", "int(t>100*ms)*70*pA")));
        assertEquals(plain, spikes(with(RS2007, "--current", "int(t>0.1*second)*0.07*nA")));
    }

    @Test
    void theBuiltInModelsTakeTheirUnits() throws Exception {
        String[] izh2007 = {"--model", "izh2007", "--preset", "RS", "--current"};
        assertEquals(spikes(with(izh2007, "100")), spikes(with(izh2007, "0.1*nA")));
        String[] izh2003 = {"--preset", "RS", "--current"};
        assertEquals(spikes(with(izh2003, "int(t>100*ms)*10")), spikes(with(izh2003, "int(t>100*ms)*10*mV/ms")));
    }

    @Test
    void aMismatchIsOneLineNamingBothUnits() {
        CliRunner r = run("neuron", "--model", "izh2007", "--preset", "RS", "--current", "10*mV");
        assertEquals(2, r.code(), r.err());
        assertEquals("izhsim neuron: --current: '10*mV' is volt, but I of izh2007 is amp: write it in amp (e.g. 10*pA)"
                + " or as a plain number in pA", r.err().strip());
        CliRunner dimensionless = run("neuron", "--equations", EquationsCommandTest.example("izhikevich2003.eqs").toString(),
                "--set", "a=0.02", "--set", "b=0.2", "--set", "c=-65", "--set", "d=8", "--current", "10*pA");
        assertEquals(2, dimensionless.code(), dimensionless.err());
        assertEquals(1, dimensionless.err().strip().lines().count(), dimensionless.err());
        assertTrue(dimensionless.err().contains("is amp, but the input I of") && dimensionless.err().contains("dimensionless"),
                dimensionless.err());
        assertFalse(dimensionless.err().contains("Exception"), dimensionless.err());
    }

    /** A mistake in an expression with units is shown as any other: the text and a caret under its column. */
    @Test
    void aMistakeWithUnitsGetsItsCaret() {
        CliRunner r = run("neuron", "--model", "izh2007", "--current", "int(t>100)*10*pA");
        assertEquals(2, r.code(), r.err());
        List<String> lines = r.err().lines().toList();
        assertEquals(2, lines.size(), r.err());
        assertEquals("--current int(t>100)*10*pA", lines.get(0));
        assertTrue(lines.get(1).contains("^ units do not match"), r.err());
    }
}
