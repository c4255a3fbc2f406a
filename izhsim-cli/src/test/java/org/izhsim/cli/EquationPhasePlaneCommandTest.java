package org.izhsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code izhsim neuron --equations F}: the phase plane of a two-variable model; other models refused with --phase-plane. */
class EquationPhasePlaneCommandTest {
    @TempDir
    Path dir;

    @Test
    void aTwoVariableModelGetsItsPhasePlane() throws Exception {
        Path out = dir.resolve("adex");
        CliRunner r = CliRunner.run("neuron", "--equations", EquationsCommandTest.example("adex.eqs").toString(),
                "--scheme", "euler", "--dt", "0.1", "--duration", "200", "--set", "C=281*pF", "--set", "gL=30*nS",
                "--set", "EL=-70.6*mV", "--set", "VT=-50.4*mV", "--set", "DeltaT=2*mV", "--set", "tauw=144*ms",
                "--set", "a=4*nS", "--set", "b=80.5*pA", "--set", "Vr=-70.6*mV", "--set", "v=-70.6*mV",
                "--current", "int(t>50*ms)*0.8*nA", "--phase-plane", "--figures", "svg", "--quiet", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        Path svg = out.resolve("neuron-equations-adex-phase.svg");
        assertTrue(Files.size(svg) > 10_000, "the phase plane is drawn: " + Files.size(svg) + " bytes");
        assertTrue(r.err().isEmpty(), r.err());
    }

    @Test
    void threeVariablesAreRefusedNamingThem() throws Exception {
        Path model = dir.resolve("three.eqs");
        Files.writeString(model, Files.readString(EquationsCommandTest.example("izhikevich2003.eqs"))
                + "dz/dt = -z/ms : 1\n");
        Path out = dir.resolve("three");
        CliRunner r = CliRunner.run("neuron", "--equations", model.toString(), "--set", "a=0.02", "--set", "b=0.2",
                "--set", "c=-65", "--set", "d=8", "--phase-plane", "--out", out.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals("izhsim neuron: a phase plane needs a model with two state variables (v and one other); " + model
                + " has 3: v, u, z", r.err().strip());
        assertFalse(Files.exists(out.resolve("neuron-equations-three.json")), "nothing written");
    }
}
