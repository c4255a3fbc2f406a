package org.izhsim.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.izhsim.equations.BuiltinEquations;
import org.izhsim.equations.EquationKernel;
import org.izhsim.equations.EquationModel;
import org.izhsim.integrate.Izhikevich2007Kernel;
import org.izhsim.integrate.Scheme;
import org.izhsim.integrate.SpikeList;
import org.izhsim.model.Izhikevich2007Model;
import org.izhsim.model.Izhikevich2007Presets;
import org.izhsim.model.Izhikevich2007Presets.Preset2007;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The 2007 cells written as equations ({@link BuiltinEquations#text(Izhikevich2007Model)}), the
 * trees {@code izhsim cost} and {@code izhsim accuracy} count, compute what
 * {@link Izhikevich2007Kernel} computes: under rk4 the compiled equations and the kernel give
 * the same doubles for v and u at every step and the same spike steps, for the plain cells and
 * for LTS, whose cut-off and reset (both depending on u) are in the file. (FS, TC and RTN choose
 * their u-nullcline by a branch the language cannot write, so their files hold the plain one;
 * euler differs in rounding only, the kernel computing dt·X/C where the tree has dt·(X/C).)
 */
class Builtin2007EquivalenceTest {
    @ParameterizedTest
    @ValueSource(strings = {"RS", "IB", "CH", "LTS"})
    void compiledEquationsMatchTheKernelUnderRk4(String id) {
        Preset2007 p = Izhikevich2007Presets.byId(id);
        Izhikevich2007Model m = p.model();
        EquationModel eq = BuiltinEquations.model(m);
        int n = 3;
        double[] v = filled(n, m.vr()), u = filled(n, 0);
        double[][] state = {filled(n, m.vr()), filled(n, 0)};
        double[] values = {m.C(), m.k(), m.vr(), m.vt(), m.vpeak(), m.a(), m.b(), m.c(), m.d()};
        assertEquals(values.length, eq.parameters().size());
        double[][] params = new double[values.length][];
        for (int j = 0; j < values.length; j++) params[j] = filled(n, values[j]);
        long[] last = new long[n];
        Arrays.fill(last, EquationKernel.NEVER);
        Izhikevich2007Kernel kernel = new Izhikevich2007Kernel(m, Scheme.RK4, v, u);
        EquationKernel compiled = KernelCompiler.INSTANCE.compile(eq, Scheme.RK4).create(state, params, last);
        double[] current = {p.amplitude(), p.amplitudes().getFirst(), 0.5 * p.amplitude()};
        SpikeList a = new SpikeList(n), b = new SpikeList(n);
        int spikes = 0;
        for (long step = 0; step < Math.round(p.duration() / p.dt()); step++) {
            a.clear();
            b.clear();
            kernel.step(0, n, p.dt(), current, current, current, a);
            compiled.detectAndReset(0, n, step, b);
            compiled.step(0, n, step, p.dt(), current, current, current, b);
            assertArrayEquals(a.toArray(), b.toArray(), id + " spikes at step " + step);
            assertArrayEquals(v, state[0], id + " v at step " + step);
            assertArrayEquals(u, state[1], id + " u at step " + step);
            spikes += a.size();
        }
        assertTrue(spikes > 3, id + " spikes " + spikes);
    }

    private static double[] filled(int n, double x) {
        double[] a = new double[n];
        Arrays.fill(a, x);
        return a;
    }
}
