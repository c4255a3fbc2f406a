package org.izhsim.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.izhsim.equations.BuiltinEquations;
import org.izhsim.integrate.Scheme;
import org.izhsim.model.IzhikevichModel;
import org.izhsim.network.Izhikevich2003Network;
import org.izhsim.network.SpikeRecording;
import org.izhsim.network.Simulation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The 2003 network (net.m's 800 + 200 neurons, all-to-all, noise) with both groups running the
 * model written as equations gives the very same spikes — every (step, neuron) pair — as the
 * built-in kernels (including the fast euler/netm loops), and the same final v and u to the
 * bit, under every scheme, on two threads.
 */
class NetworkEquivalenceTest {
    private record Result(SpikeRecording spikes, double[] v, double[] u) {}

    private static Result run(Scheme scheme, boolean equations, double dt) {
        Izhikevich2003Network.Builder b = Izhikevich2003Network.builder().scheme(scheme).dt(dt).seed(7);
        if (equations) b.equations(BuiltinEquations.model(IzhikevichModel.STANDARD, scheme), KernelCompiler.INSTANCE);
        Izhikevich2003Network.Built built = b.build();
        try (Simulation sim = Simulation.builder(built.network()).threads(2).minNeuronsPerThread(1).build()) {
            sim.run(300);
            double[] v = concat(sim.v(built.exc()), sim.v(built.inh())), u = concat(sim.u(built.exc()), sim.u(built.inh()));
            return new Result(sim.recording(built.spikes()), v, u);
        }
    }

    private static double[] concat(double[] x, double[] y) {
        double[] z = java.util.Arrays.copyOf(x, x.length + y.length);
        System.arraycopy(y, 0, z, x.length, y.length);
        return z;
    }

    @ParameterizedTest
    @EnumSource(Scheme.class)
    void sameSpikesAsBuiltin(Scheme scheme) {
        double dt = scheme == Scheme.RK4 ? 0.5 : 1.0;
        Result b = run(scheme, false, dt), e = run(scheme, true, dt);
        SpikeRecording builtin = b.spikes(), eq = e.spikes();
        assertTrue(builtin.count() > 1000, "the network fires: " + builtin.count());
        assertArrayEquals(builtin.steps(), eq.steps(), scheme + " spike steps");
        assertArrayEquals(builtin.neurons(), eq.neurons(), scheme + " spike neurons");
        assertArrayEquals(b.v(), e.v(), scheme + " final v, bit for bit");
        assertArrayEquals(b.u(), e.u(), scheme + " final u, bit for bit");
    }
}
