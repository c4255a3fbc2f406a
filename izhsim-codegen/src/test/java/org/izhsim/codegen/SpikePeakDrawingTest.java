package org.izhsim.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


import org.izhsim.equations.BuiltinEquations;
import org.izhsim.equations.EquationModel;
import org.izhsim.equations.EquationNeuron;
import org.izhsim.integrate.Scheme;
import org.izhsim.model.Izhikevich2007Model;
import org.izhsim.model.Izhikevich2007Presets;
import org.izhsim.neuron.CurrentSource;
import org.izhsim.neuron.NeuronTrace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Spikes are drawn alike for built-in and equation models: the 2003 model written as equations
 * gives the built-in trace sample for sample, its spike peaks at +30 mV included (under netm
 * also a v awaiting the next step's cut-off); an equation model's fixed cut-off is where its
 * spikes are drawn, and a moving one leaves them as integrated.
 */
class SpikePeakDrawingTest {
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("org.izhsim.codegen.BuiltinEquivalenceTest#presetsAndSchemes")
    void everySampleOfVAsBuiltin(String id, Scheme scheme) {
        NeuronTrace[] runs = BuiltinEquivalenceTest.builtinAndEquations(id, scheme);
        assertArrayEquals(runs[0].v(), runs[1].v(), id + " " + scheme + " v, peaks included");
    }

    @Test
    void aFixedCutOffIsWhereSpikesAreDrawn() throws java.io.IOException {
        // the shipped AdEx example: threshold v > -40*mV
        EquationModel m = EquationModel.parse(java.nio.file.Files.readString(example("adex.eqs")), "adex.eqs");
        double[] p = {281, 30, -70.6, -50.4, 2, 144, 4, 80.5, -70.6};
        NeuronTrace tr = new EquationNeuron(m, new double[] {-70.6, 0}, p, Scheme.EULER, 0.1, 300,
                t -> t > 50 ? 800 : 0).run(KernelCompiler.INSTANCE);
        assertTrue(tr.spikeCount() > 2, "spikes: " + tr.spikeCount());
        for (double t : tr.spikeTimes()) assertEquals(-40, tr.v()[(int) Math.round(t / 0.1)], 0.0, "spike at " + t);
        // the flow itself never reaches the cut-off: only spike samples are at -40
        long atCutoff = java.util.Arrays.stream(tr.v()).filter(v -> v == -40).count();
        assertEquals(tr.spikeCount(), atCutoff);
    }

    static java.nio.file.Path example(String name) {
        java.nio.file.Path p = java.nio.file.Path.of("..", "examples", "equations", name);
        return java.nio.file.Files.exists(p) ? p : java.nio.file.Path.of("examples", "equations", name);
    }

    /** The LTS cell's cut-off vpeak − 0.1·u moves with u: its spikes stay as integrated, after the reset. */
    @Test
    void aMovingCutOffLeavesTheSampleAsIntegrated() {
        Izhikevich2007Model lts = Izhikevich2007Presets.byId("LTS").model();
        EquationModel m = BuiltinEquations.model(lts);
        double[] params = {lts.C(), lts.k(), lts.vr(), lts.vt(), lts.vpeak(), lts.a(), lts.b(), lts.c(), lts.d()};
        assertTrue(Double.isNaN(m.cutoff(0, params)));
        NeuronTrace tr = new EquationNeuron(m, new double[] {lts.vr(), 0}, params, Scheme.EULER, 0.25, 500,
                CurrentSource.constant(200)).run(KernelCompiler.INSTANCE);
        assertTrue(tr.spikeCount() > 2, "spikes: " + tr.spikeCount());
        for (double t : tr.spikeTimes()) assertTrue(tr.v()[(int) Math.round(t / 0.25)] < lts.vt(), "after the reset at " + t);
    }
}
