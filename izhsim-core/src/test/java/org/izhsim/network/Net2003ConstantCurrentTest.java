package org.izhsim.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The optional constant-current inputs of the 2003 network (used by the browser explorer). */
class Net2003ConstantCurrentTest {

    private static SpikeRecording run(Izhikevich2003Network.Builder b, Long changeAt, double value) {
        Izhikevich2003Network.Built net = b.ne(80).ni(20).seed(3).build();
        try (Simulation sim = Simulation.builder(net.network()).threads(1).build()) {
            if (changeAt != null) sim.schedule(changeAt, ParameterChange.constantCurrent("constant:exc", value));
            sim.run(300);
            return sim.recording(net.spikes());
        }
    }

    @Test
    void zeroCurrentsLeaveTheSpikesBitIdentical() {
        SpikeRecording plain = run(Izhikevich2003Network.builder(), null, 0);
        SpikeRecording withZero = run(Izhikevich2003Network.builder().constantCurrent(0, 0), null, 0);
        assertTrue(plain.count() > 100, "the network fires: " + plain.count());
        assertEquals(plain, withZero);
    }

    @Test
    void aChangedCurrentActsFromItsStepOnly() {
        SpikeRecording base = run(Izhikevich2003Network.builder().constantCurrent(0, 0), null, 0);
        SpikeRecording changed = run(Izhikevich2003Network.builder().constantCurrent(0, 0), 150L, 10);
        int before = 0;
        while (before < base.count() && base.step(before) < 150) before++;
        for (int k = 0; k < before; k++) {
            assertEquals(base.step(k), changed.step(k));
            assertEquals(base.neuron(k), changed.neuron(k));
        }
        assertTrue(changed.count() > base.count() + 50, base.count() + " -> " + changed.count());
        assertNotEquals(base, changed);
    }
}
