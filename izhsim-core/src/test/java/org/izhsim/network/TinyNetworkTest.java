package org.izhsim.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.izhsim.integrate.Scheme;
import org.junit.jupiter.api.Test;

/**
 * One source neuron that fires in step 0, three targets reached with delays 0, 1 and 3 steps:
 * the recorded input current of each target shows, to the step, when a spike acts and for how
 * long (the pulse of 1 ms = 1/dt steps), for netm and euler at dt = 1 and 0.5 ms.
 */
class TinyNetworkTest {
    static final double W = 2.0;
    static final int[] DELAYS = {0, 1, 3};

    private record Result(SpikeRecording spikes, StateRecording state) {}

    private static Result run(Scheme scheme, double dt, Storage storage) {
        NeuronGroup src = NeuronGroup.builder("src", 1).v0(35).build();
        NeuronGroup dst = NeuronGroup.builder("dst", 3).v0(-70).build();
        SynapseGroup syn = SynapseGroup.builder("s", src, dst)
                .connect(Connectivity.explicit(new int[] {0, 0, 0}, new int[] {0, 1, 2}))
                .weight(W)
                .delays(Delays.array(DELAYS))
                .storage(storage)
                .build();
        SpikeMonitor sm = SpikeMonitor.of(src);
        StateMonitor st = StateMonitor.of(dst, new int[] {0, 1, 2}, 1, StateMonitor.Variable.I);
        Network net = Network.builder().dt(dt).scheme(scheme).add(src).add(dst).add(syn).add(sm).add(st).build();
        try (Simulation sim = Simulation.builder(net).threads(1).build()) {
            sim.runSteps(12);
            return new Result(sim.recording(sm), sim.recording(st));
        }
    }

    /** The expected current of target j: W in steps first .. first + pulse − 1, else 0. */
    private static double[] expected(int first, int pulse) {
        double[] e = new double[12];
        for (int k = first; k < first + pulse; k++) e[k] = W;
        return e;
    }

    private static void check(Scheme scheme, double dt, int latency, int pulse) {
        Result r = run(scheme, dt, Storage.CSR);
        assertEquals(1, r.spikes().count(), "source fires once");
        assertEquals(0, r.spikes().step(0), "source fires in step 0");
        assertEquals(0.0, r.spikes().timeMs(0));
        for (int j = 0; j < 3; j++) {
            assertArrayEquals(expected(latency + DELAYS[j], pulse), r.state().trace(StateMonitor.Variable.I, j), 0.0,
                    scheme + " dt=" + dt + " target " + j + " (delay " + DELAYS[j] + ")");
        }
    }

    @Test
    void netmAtDt1ActsInTheSameStepForOneStep() {
        check(Scheme.NETM, 1.0, 0, 1);
    }

    @Test
    void eulerAtDt1ActsInTheNextStepForOneStep() {
        check(Scheme.EULER, 1.0, 1, 1);
    }

    /** Brian2: I_post += w after the update of step 0, I_post -= w after the update of step 2 (1 ms later). */
    @Test
    void eulerAtDtHalfIsBrian2UpDownPulse() {
        check(Scheme.EULER, 0.5, 1, 2);
    }

    @Test
    void netmAtDtHalfLastsOneMillisecond() {
        check(Scheme.NETM, 0.5, 0, 2);
    }

    @Test
    void rk4AndFigure1UseTheNextStepLikeEuler() {
        check(Scheme.RK4, 1.0, 1, 1);
        check(Scheme.FIGURE1, 0.5, 1, 2);
    }
}
