package org.izhsim.neuron;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.izhsim.expr.Expression;
import org.izhsim.model.Izhikevich2007Presets;
import org.izhsim.model.Izhikevich2007Presets.Preset2007;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden spike counts and times of the 2007 model's book cells under the euler scheme.
 *
 * <p>Provenance: docs/reference/izhikevich-2007.md §3, "Book-figure protocols as OSB
 * reconstructs them", derived counts tagged [D] (an independent double-precision
 * re-implementation of OpenSourceBrain/IzhikevichModel MATLAB/izhi2007.m, commit 370d6133,
 * with its update semantics and quirks); and §1 there, the book's printed RS program at tau = 1 ms,
 * spike times [D]. Both are matched to the spike.
 */
class Izhikevich2007GoldenTest {

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of("RS", 60, 2), Arguments.of("RS", 70, 3), Arguments.of("RS", 85, 5), Arguments.of("RS", 100, 7),
                Arguments.of("IB", 290, 0), Arguments.of("IB", 370, 3), Arguments.of("IB", 500, 8), Arguments.of("IB", 550, 9),
                Arguments.of("CH", 200, 5), Arguments.of("CH", 300, 9), Arguments.of("CH", 400, 12), Arguments.of("CH", 600, 22),
                Arguments.of("LTS", 100, 1), Arguments.of("LTS", 125, 4), Arguments.of("LTS", 200, 9), Arguments.of("LTS", 300, 21),
                Arguments.of("FS", 73.2, 2), Arguments.of("FS", 100, 4), Arguments.of("FS", 200, 8), Arguments.of("FS", 400, 13),
                Arguments.of("TC", 50, 3), Arguments.of("TC", 100, 11), Arguments.of("TC", 150, 17),
                Arguments.of("TC-burst", 0, 6), Arguments.of("TC-burst", 50, 11), Arguments.of("TC-burst", 100, 18),
                Arguments.of("RTN", 50, 4), Arguments.of("RTN", 70, 6), Arguments.of("RTN", 110, 11),
                Arguments.of("RTN-burst", 30, 3), Arguments.of("RTN-burst", 50, 6), Arguments.of("RTN-burst", 90, 12));
    }

    @ParameterizedTest(name = "{0} at {1} pA: {2} spikes")
    @MethodSource("table")
    void spikeCountsOfTheBookFigures(String id, double amplitude, int spikes) {
        NeuronTrace tr = NeuronSimulator.run(Neuron2007Setup.of(Izhikevich2007Presets.byId(id), amplitude));
        assertEquals(spikes, tr.spikeCount(), () -> id + " " + amplitude + " pA: " + java.util.Arrays.toString(tr.spikeTimes()));
    }

    /** izhikevich-2007.md §1: 6 spikes at 203, 350, 499, 649, 796, 943 ms with tau = 1 ms. */
    @Test
    void bookRsProgramAtOneMillisecond() {
        NeuronTrace tr = NeuronSimulator.run(Neuron2007Setup.of(Izhikevich2007Presets.byId("RS-book"), 70));
        assertArrayEquals(new double[] {203, 350, 499, 649, 796, 943}, tr.spikeTimes(), 0);
    }

    /**
     * izhikevich-2007.md §1: with tau ≤ 0.25 ms still 6 spikes, about 2 to 3 ms earlier. The page
     * states no exact times here; we see 200.75, 348.5, 496.75, 644.75, 792.5, 940.75 at 0.25 ms and
     * the gap grows along the train (1.5 to 5.2 ms), so the test checks the count, a first spike
     * 2 to 3 ms earlier, and every spike earlier, at 0.25 and 0.1 ms.
     */
    @Test
    void bookRsProgramAtFinerSteps() {
        Neuron2007Setup s = Neuron2007Setup.of(Izhikevich2007Presets.byId("RS-book"), 70);
        double[] coarse = NeuronSimulator.run(s).spikeTimes();
        for (double dt : new double[] {0.25, 0.1}) {
            double[] fine = NeuronSimulator.run(s.withDt(dt)).spikeTimes();
            String both = java.util.Arrays.toString(fine) + " vs " + java.util.Arrays.toString(coarse);
            assertEquals(6, fine.length, both);
            double first = coarse[0] - fine[0];
            assertTrue(first >= 2 && first <= 3, both);
            for (int i = 0; i < 6; i++) assertTrue(fine[i] < coarse[i], both);
        }
    }

    /** The preset's current expression gives the same current as the protocol the golden runs use. */
    @Test
    void presetExpressionsMatchTheProtocols() {
        for (Preset2007 p : Izhikevich2007Presets.all()) {
            for (double amp : p.amplitudes()) {
                Expression e = Expression.parse(p.currentFor(amp));
                CurrentSource direct = Neuron2007Setup.of(p, amp).current();
                for (int k = 0; k <= Math.round(p.duration() / p.dt()); k++) {
                    double t = k * p.dt();
                    assertEquals(direct.at(t), e.at(t), 0, p.id() + " " + amp + " at t = " + t);
                }
            }
        }
    }
}
