package org.izhsim.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.izhsim.equations.BuiltinEquations;
import org.izhsim.equations.EquationModel;
import org.izhsim.equations.EquationNeuron;
import org.izhsim.expr.Expression;
import org.izhsim.integrate.Scheme;
import org.izhsim.model.Preset;
import org.izhsim.model.Presets;
import org.izhsim.neuron.CurrentSource;
import org.izhsim.neuron.NeuronSetup;
import org.izhsim.neuron.NeuronSimulator;
import org.izhsim.neuron.NeuronTrace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The built-in models written as equations (BuiltinEquations) give bit-identical runs to the
 * built-in kernel: every preset (the 20 panels of 2004 and the 2003 classes) at its published
 * dt and protocol, under every scheme. Not only the spike steps but every sample of u and
 * every non-spike sample of v must be the same double.
 */
class BuiltinEquivalenceTest {
    static Stream<Arguments> presetsAndSchemes() {
        List<Arguments> cases = new ArrayList<>();
        for (Preset p : Presets.all()) for (Scheme s : Scheme.values()) cases.add(Arguments.of(p.id(), s));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("presetsAndSchemes")
    void sameRunAsBuiltin(String id, Scheme scheme) {
        NeuronTrace[] runs = builtinAndEquations(id, scheme);
        NeuronTrace builtin = runs[0], eq = runs[1];
        Preset p = Presets.byId(id);
        assertArrayEquals(builtin.spikeTimes(), eq.spikeTimes(), id + " " + scheme + " spike times");
        assertArrayEquals(builtin.u(), eq.u(), id + " " + scheme + " u trace");
        double peak = p.model().vPeak();
        for (int k = 0; k < builtin.samples(); k++) {
            if (builtin.v()[k] != peak) assertEquals(builtin.v()[k], eq.v()[k], 0.0, id + " " + scheme + " v at sample " + k);
        }
    }

    /** The preset's published run by the built-in kernel and by its model written as equations. */
    static NeuronTrace[] builtinAndEquations(String id, Scheme scheme) {
        Preset p = Presets.byId(id);
        Expression e = Expression.parse(p.current());
        CurrentSource current = e::at;
        NeuronTrace builtin = NeuronSimulator.run(NeuronSetup.of(p, scheme, current));
        EquationModel model = BuiltinEquations.model(p.model(), scheme);
        double[] params = {p.params().a(), p.params().b(), p.params().c(), p.params().d()};
        NeuronTrace eq = new EquationNeuron(model, new double[] {p.v0(), p.u0()}, params, scheme, p.dt(), p.duration(),
                current).run(KernelCompiler.INSTANCE);
        return new NeuronTrace[] {builtin, eq};
    }

    @Test
    void all20PanelsArePresent() {
        assertEquals(20, Presets.panels().size());
        assertTrue(Presets.all().size() >= 20);
    }
}
