package org.izhsim.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.izhsim.integrate.Scheme;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Profiling decorates the step's stages: the same spikes as without it, and time in the columns
 * the scheme's stages have (update, propagate, barrier; the cut-off only under netm).
 */
class ProfilingTest {
    @ParameterizedTest
    @EnumSource(value = Scheme.class, names = {"NETM", "EULER"})
    void profiledStagesGiveTheSameSpikesAndFillTheirColumns(Scheme scheme) {
        Izhikevich2003Network.Built b = Izhikevich2003Network.builder().ne(400).ni(100).scheme(scheme).seed(3).build();
        SpikeRecording plain, profiled;
        double[][] seconds;
        try (Simulation sim = Simulation.builder(b.network()).threads(2).minNeuronsPerThread(1).build()) {
            sim.run(100);
            plain = sim.recording(b.spikes());
            for (double[] row : sim.phaseSeconds()) for (double s : row) assertEquals(0.0, s, "not profiled");
        }
        try (Simulation sim = Simulation.builder(b.network()).threads(2).minNeuronsPerThread(1).profile(true).build()) {
            sim.run(100);
            profiled = sim.recording(b.spikes());
            seconds = sim.phaseSeconds();
        }
        assertArrayEquals(plain.steps(), profiled.steps());
        assertArrayEquals(plain.neurons(), profiled.neurons());
        assertEquals(2, seconds.length);
        for (double[] row : seconds) {
            assertEquals(4, row.length);
            assertTrue(row[0] > 0 && row[1] > 0 && row[2] > 0, "update, propagate, barrier: " + java.util.Arrays.toString(row));
            assertEquals(scheme == Scheme.NETM, row[3] > 0, "cut-off: " + row[3]);
        }
    }
}
