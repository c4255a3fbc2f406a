package org.izhsim.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.izhsim.equations.EquationModel;
import org.izhsim.integrate.Scheme;
import org.izhsim.network.Connectivity;
import org.izhsim.network.Network;
import org.izhsim.network.NeuronGroup;
import org.izhsim.network.Simulation;
import org.izhsim.network.StateMonitor;
import org.izhsim.network.StateRecording;
import org.izhsim.network.SynapseGroup;
import org.junit.jupiter.api.Test;

/**
 * A synapse group whose target is an equation model's own state variable (a conductance ge, as
 * PyNN's IF_cond_exp needs): the spike of a generator jumps ge by w at the deliver of the
 * arrival step, which the same step's Euler update then decays; v feels it only through the
 * equations, and the pulse current I stays 0.
 */
class EquationSynapseTargetTest {
    private static final EquationModel COND = EquationModel.parse("""
            dv/dt = (ge*(E - v) - v + I)/(10*ms) : 1
            dge/dt = -ge/(5*ms) : 1
            E : 1
            I : 1
            threshold: v > 1000
            reset: v = 0
            """, "cond.eqs");

    @Test
    void geJumpsAtTheArrivalStepAndDecays() {
        double dt = 0.5, w = 0.75;
        NeuronGroup gen = NeuronGroup.spikeGenerator("gen", 1, new int[] {0}, new double[] {2.0});
        NeuronGroup post = NeuronGroup.builder("post", 1).equations(COND, KernelCompiler.INSTANCE)
                .set("E", org.izhsim.network.PerNeuron.constant(60)).v0(0).build();
        assertEquals(List.of("I", "v", "ge"), post.synapseTargets());
        SynapseGroup s = SynapseGroup.builder("s", gen, post).connect(Connectivity.oneToOne()).weight(w).delay(1).target("ge").build();
        StateMonitor m = StateMonitor.ofVariables(post, new int[] {0}, 1, "ge", "v", "I");
        Network net = Network.builder().dt(dt).scheme(Scheme.EULER).add(gen).add(post).add(s).add(m).build();
        try (Simulation sim = Simulation.builder(net).threads(1).build()) {
            sim.runSteps(12);
            StateRecording r = sim.recording(m);
            double[] ge = r.trace("ge", 0), v = r.trace("v", 0), current = r.trace("I", 0);
            int arrival = 4 + 1 + 1; // the spike of step 4 (2 ms), latency 1, delay 1
            double expected = 0;
            for (int k = 0; k < 12; k++) {
                if (k == arrival) expected += w;
                expected = expected + dt * (-expected / 5);
                assertEquals(expected, ge[k], 1e-15, "ge after step " + k);
                assertEquals(0.0, current[k], "no pulse current");
                if (k < arrival) assertEquals(0.0, v[k], "v before the jump");
            }
            assertTrue(v[arrival] > 0, "the update of the arrival step already sees the jumped ge");
        }
    }

    @Test
    void aParameterIsNoTarget() {
        NeuronGroup post = NeuronGroup.builder("post", 1).equations(COND, KernelCompiler.INSTANCE)
                .set("E", org.izhsim.network.PerNeuron.constant(60)).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SynapseGroup.builder("s", post, post).target("E").build());
        assertEquals("synapse group 's': target 'E' is not a variable of group 'post'; allowed: I, v, ge "
                + "(I: a current pulse; the others: a jump of w)", e.getMessage());
    }
}
