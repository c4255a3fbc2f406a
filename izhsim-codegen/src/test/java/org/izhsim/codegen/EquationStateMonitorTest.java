package org.izhsim.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.izhsim.equations.BuiltinEquations;
import org.izhsim.equations.EquationModel;
import org.izhsim.integrate.Scheme;
import org.izhsim.model.IzhikevichModel;
import org.izhsim.network.Input;
import org.izhsim.network.Network;
import org.izhsim.network.NeuronGroup;
import org.izhsim.network.PerNeuron;
import org.izhsim.network.Simulation;
import org.izhsim.network.StateMonitor;
import org.izhsim.network.StateRecording;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A state monitor records an equation model's own variables by name: the 2003 model written as
 * equations with its recovery variable renamed w gives, recorded as "w", the built-in group's u
 * to the bit (driven by the same noise: the streams are keyed by the group's name), and the
 * equation group's vectors are its own names.
 */
class EquationStateMonitorTest {
    private static final int[] COLUMNS = {0, 17, 199};

    private static EquationModel renamed(Scheme scheme) {
        String text = BuiltinEquations.text(IzhikevichModel.STANDARD, scheme)
                .replace("du/dt = a*(b*v - u)", "dw/dt = a*(b*v - w)").replace("- u + I", "- w + I").replace("u += d", "w += d");
        return EquationModel.parse(text, "renamed.eqs");
    }

    private static StateRecording run(Scheme scheme, double dt, boolean equations, String var) {
        NeuronGroup.Builder b = NeuronGroup.builder("g", 200).u0(-13);
        if (equations) b.equations(renamed(scheme), KernelCompiler.INSTANCE).set("w", PerNeuron.constant(-13));
        NeuronGroup g = b.build();
        StateMonitor m = StateMonitor.ofVariables(g, COLUMNS, 5, var);
        Network net = Network.builder().dt(dt).scheme(scheme).seed(3).add(g).add(Input.noise(g, 5)).add(Input.constant(g, 3))
                .add(m).build();
        try (Simulation sim = Simulation.builder(net).threads(2).minNeuronsPerThread(1).build()) {
            if (equations) assertEquals(List.of("v", "w", "a", "b", "c", "d", "u", "I", "I_syn"), sim.vectorNames(g));
            sim.run(200);
            return sim.recording(m);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Scheme.class, names = {"NETM", "EULER"})
    void recordsAnEquationModelsOwnVariable(Scheme scheme) {
        double dt = scheme == Scheme.NETM ? 1 : 0.5;
        StateRecording builtin = run(scheme, dt, false, "u"), eq = run(scheme, dt, true, "w");
        assertEquals(List.of("w"), eq.variables());
        for (int j = 0; j < COLUMNS.length; j++) {
            double[] w = eq.trace("w", j);
            assertArrayEquals(builtin.trace("u", j), w, scheme + " column " + j);
            double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
            for (double x : w) {
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
            assertTrue(hi - lo > 1, "w moves: " + lo + " .. " + hi);
        }
    }
}
