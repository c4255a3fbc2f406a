package org.izhsim.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.izhsim.equations.EquationModel;
import org.izhsim.integrate.Scheme;
import org.izhsim.network.Connectivity;
import org.izhsim.network.Network;
import org.izhsim.network.NeuronGroup;
import org.izhsim.network.Simulation;
import org.izhsim.network.SpikeMonitor;
import org.izhsim.network.SynapseGroup;
import org.junit.jupiter.api.Test;

/**
 * A jump onto v of an equation-model neuron that arrives in the step after it fired follows
 * Brian2's order ('thresholds', 'synapses', 'resets'): a reset that sets v without reading it
 * ({@code v = 0}) overwrites the jump, a reset that reads v ({@code v = v - 1}) carries it. The
 * expected spikes come from that order written out step by step below; the neuron drifts up at
 * 0.25 per step and a generator jumps it by 0.125 in every step (exact in binary, so both orders round alike), so that many jumps meet a spike.
 */
class ResetOverwritesJumpTest {
    private static final double DRIFT = 0.25, W = 0.125, THRESHOLD = 1;
    private static final int STEPS = 200, DELAY = 1;

    private static EquationModel model(String reset) {
        return EquationModel.parse("dv/dt = (0.25 + I)/ms : 1\nI : 1\nthreshold: v > 1\nreset: " + reset + "\n", "drift.eqs");
    }

    /** Brian2's step: update, threshold, the step's arrivals (v += w), reset; the steps that fired. */
    private static int[] brian2Order(boolean resetReadsV, boolean jumpBeforeReset) {
        List<Integer> fired = new ArrayList<>();
        double v = 0;
        for (int k = 0; k < STEPS; k++) {
            v += DRIFT;
            boolean spike = v > THRESHOLD;
            boolean arrival = k >= DELAY; // the generator fires in every step from 0 on
            if (arrival && jumpBeforeReset) v += W;
            if (spike) {
                v = resetReadsV ? v - 1 : 0;
                fired.add(k);
            }
            if (arrival && !jumpBeforeReset) v += W;
        }
        return fired.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int[] izhsim(String reset) {
        int[] every = new int[STEPS];
        double[] times = new double[STEPS];
        for (int k = 0; k < STEPS; k++) times[k] = k;
        NeuronGroup gen = NeuronGroup.spikeGenerator("gen", 1, every, times);
        NeuronGroup cell = NeuronGroup.builder("cell", 1).equations(model(reset), KernelCompiler.INSTANCE).v0(0).build();
        SynapseGroup s = SynapseGroup.builder("s", gen, cell).connect(Connectivity.oneToOne()).weight(W).delay(DELAY)
                .target("v").build();
        SpikeMonitor spikes = SpikeMonitor.of(cell);
        Network net = Network.builder().dt(1).scheme(Scheme.EULER).add(gen).add(cell).add(s).add(spikes).build();
        try (Simulation sim = Simulation.builder(net).threads(1).build()) {
            sim.runSteps(STEPS);
            return sim.recording(spikes).steps();
        }
    }

    @Test
    void aResetThatSetsVDropsTheJumpOfTheStepAfterTheSpike() {
        int[] expected = brian2Order(false, true);
        assertFalse(Arrays.equals(expected, brian2Order(false, false)), "the data make the two orders differ");
        assertArrayEquals(expected, izhsim("v = 0"));
    }

    @Test
    void aResetThatReadsVKeepsIt() {
        int[] expected = brian2Order(true, true);
        assertArrayEquals(expected, brian2Order(true, false), "for v = v - 1 the two orders agree");
        assertArrayEquals(expected, izhsim("v = v - 1"));
    }
}
