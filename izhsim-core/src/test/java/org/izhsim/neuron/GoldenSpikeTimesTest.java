package org.izhsim.neuron;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.izhsim.integrate.Scheme;
import org.izhsim.model.Preset;
import org.izhsim.model.Presets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden spike times of the 20 panels of Izhikevich 2004 and the 2003 classes under the
 * figure1 scheme at the published dt.
 *
 * <p>Provenance: docs/reference/izhikevich-2003-2004.md §4.4 (panels) and §3 (classes),
 * values tagged [D] there — derived by an independent double-precision re-implementation of
 * figure1.m / izhi2003.m exactly as published (OpenSourceBrain/IzhikevichModel MATLAB/izhi2003.m,
 * commit 370d6133). Where the reference gives only a summary (counts, burst structure, ranges)
 * the test checks exactly that summary.
 */
class GoldenSpikeTimesTest {

    static NeuronTrace run(String id) {
        Preset p = Presets.byId(id);
        return NeuronSimulator.run(NeuronSetup.of(p, Scheme.FIGURE1, MatlabProtocols.BY_ID.get(id.toUpperCase(Locale.ROOT))));
    }

    /** Panels whose spike times the reference lists in full. */
    static final Map<String, double[]> FULL = Map.ofEntries(
            Map.entry("A", new double[] {13.0, 17.0, 31.5, 59.25, 86.75}),
            Map.entry("B", new double[] {43.75}),
            Map.entry("D", new double[] {39.0, 42.8, 47.0, 51.8, 57.6, 67.2}),
            Map.entry("E", new double[] {20.0, 22.75, 27.25, 67.0, 99.25, 131.5}),
            Map.entry("F", new double[] {10.25, 12.25, 15.0, 19.75, 42.5, 71.5}),
            Map.entry("G", new double[] {84.5, 125.0, 155.75, 181.0, 203.5, 223.75, 242.0, 259.25, 275.5, 290.5}),
            Map.entry("I", new double[] {26.6}),
            Map.entry("J", new double[] {26.5}),
            Map.entry("K", new double[] {338.0}),
            Map.entry("L", new double[] {20.0}),
            Map.entry("M", new double[] {68.0}),
            Map.entry("N", new double[] {68.0, 71.0, 74.2, 77.8, 81.8, 86.4, 92.2}),
            Map.entry("O", new double[] {93.25}),
            Map.entry("P", new double[] {45.25, 86.0, 126.5, 167.25, 208.0}),
            Map.entry("Q", new double[] {11.3}),
            Map.entry("R", new double[] {311.5}),
            Map.entry("S", new double[] {94.5, 166.0, 236.0}),
            // 2003 classes (izhikevich-2003-2004.md §3)
            Map.entry("RS", new double[] {18.25, 24.25, 54.5, 87.75, 121.0}),
            Map.entry("IB", new double[] {18.75, 21.25, 25.0, 58.25, 87.75, 117.5, 147.0}),
            Map.entry("TC", new double[] {39.5, 53.5, 83.0, 120.25}),
            Map.entry("RZ", new double[] {62.75, 67.5}));

    static Iterable<String> fullIds() {
        return FULL.keySet().stream().sorted().toList();
    }

    /** Grid times are compared to the step: within a tenth of the smallest dt (0.1 ms). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("fullIds")
    void spikeTimesMatchReferenceToTheStep(String id) {
        double[] expected = FULL.get(id);
        double[] actual = run(id).spikeTimes();
        assertEquals(expected.length, actual.length, () -> id + " spike count, got " + Arrays.toString(actual));
        assertArrayEquals(expected, actual, 1e-9, () -> id + " spike times " + Arrays.toString(actual));
    }

    @Test
    void panelCTonicBurstingHasFourBurstsOf10_6_6_6() {
        double[] s = run("C").spikeTimes();
        assertEquals(28, s.length);
        int[] sizes = burstSizes(s, 10);
        assertArrayEquals(new int[] {10, 6, 6, 6}, sizes, Arrays.toString(s));
        assertArrayEquals(new double[] {25.0, 80.0, 132.75, 185.5}, burstStarts(s, 10), 1e-9);
    }

    @Test
    void panelHClass2StartsAtAHighRate() {
        double[] s = run("H").spikeTimes();
        assertEquals(14, s.length);
        assertEquals(105.75, s[0], 1e-9);
        assertEquals(293.0, s[13], 1e-9);
        assertEquals(20.75, s[1] - s[0], 1e-9);
        assertEquals(11.0, s[13] - s[12], 0.5);
    }

    @Test
    void panelJRingsBetweenMinus66p4AndMinus61p6() {
        NeuronTrace tr = run("J");
        double lo = Double.MAX_VALUE, hi = -Double.MAX_VALUE;
        for (int k = 0; k < tr.samples(); k++) {
            if (tr.t()[k] >= 40) {
                lo = Math.min(lo, tr.v()[k]);
                hi = Math.max(hi, tr.v()[k]);
            }
        }
        assertEquals(-66.4, lo, 0.05);
        assertEquals(-61.6, hi, 0.05);
    }

    @Test
    void panelQAfterDepolarizationPeaksNearMinus51p2() {
        NeuronTrace tr = run("Q");
        double peak = -Double.MAX_VALUE;
        for (int k = 0; k < tr.samples(); k++) if (tr.t()[k] > 11.3) peak = Math.max(peak, tr.v()[k]);
        // the reference says "peaks at about -51.2 mV"; this engine gives -51.06 at t = 14.3 ms
        // while matching the spike time exactly, so the summary is checked at its own precision
        assertEquals(-51.2, peak, 0.2);
        assertEquals(-70.0, tr.v()[tr.samples() - 1], 0.05);
    }

    @Test
    void panelRSlowRampStaysBelowMinus62p1() {
        NeuronTrace tr = run("R");
        double max = -Double.MAX_VALUE;
        for (int k = 0; k < tr.samples(); k++) if (tr.t()[k] <= 300) max = Math.max(max, tr.v()[k]);
        assertEquals(-62.1, max, 0.05);
    }

    @Test
    void panelTBurstsOf7And5() {
        double[] s = run("T").spikeTimes();
        assertEquals(12, s.length);
        assertArrayEquals(new int[] {7, 5}, burstSizes(s, 20));
        assertEquals(86.5, s[0], 1e-9);
        assertEquals(103.0, s[6], 1e-9);
        assertEquals(191.5, s[7], 1e-9);
        assertEquals(204.0, s[11], 1e-9);
    }

    @Test
    void classChAndFsAndLtsAndTcBurst() {
        double[] ch = run("CH").spikeTimes();
        assertEquals(15, ch.length);
        assertArrayEquals(new int[] {7, 4, 4}, burstSizes(ch, 15), Arrays.toString(ch));
        double[] fs = run("FS").spikeTimes();
        assertEquals(15, fs.length);
        assertEquals(5.0, fs[1] - fs[0], 1e-9);
        // "ISIs settle at about 9 to 10": after the transient every ISI lies in [8.5, 10]
        for (int i = 5; i < fs.length; i++) {
            double isi = fs[i] - fs[i - 1];
            assertTrue(isi >= 8.5 && isi <= 10.0, "FS ISI " + isi + " at spike " + i);
        }
        double[] lts = run("LTS").spikeTimes();
        assertEquals(18, lts.length);
        assertEquals(3.5, lts[1] - lts[0], 1e-9);
        assertEquals(15.0, lts[17] - lts[16], 1e-9);
        double[] tcb = run("TC-burst").spikeTimes();
        assertEquals(5, tcb.length);
        assertEquals(51.0, tcb[0], 1e-9);
        assertEquals(79.75, tcb[4], 1e-9);
    }

    @Test
    void everyPanelRecordsTOverDtPlusOneSamplesOnTheGrid() {
        for (Preset p : Presets.panels()) {
            NeuronTrace tr = run(p.id());
            long k = Math.round(p.duration() / p.dt());
            assertEquals(k + 1, tr.samples(), p.id());
            for (int i = 0; i < tr.samples(); i++) assertEquals(i * p.dt(), tr.t()[i], 0.0);
        }
    }

    /** Spike counts per panel from izhikevich-2003-2004.md §4.5 (the figure1.m row). */
    @Test
    void spikeCountsOfAllTwentyPanels() {
        int[] expected = {5, 1, 28, 6, 6, 6, 10, 14, 1, 1, 1, 1, 1, 7, 1, 5, 1, 1, 3, 12};
        int[] actual = Presets.panels().stream().mapToInt(p -> run(p.id()).spikeCount()).toArray();
        assertArrayEquals(expected, actual);
    }

    /** izhikevich-2003-2004.md §4.5: plain Euler (u from the old v) changes the counts as listed. */
    @Test
    void plainEulerCountsMatchTheSensitivityTable() {
        int[] expected = {5, 1, 29, 7, 6, 6, 10, 16, 1, 1, 1, 1, 1, 11, 1, 7, 4, 1, 4, 390};
        int[] actual = Presets.panels().stream().mapToInt(p -> NeuronSimulator.run(NeuronSetup.of(p, Scheme.EULER,
                MatlabProtocols.BY_ID.get(p.id()))).spikeCount()).toArray();
        assertArrayEquals(expected, actual);
    }

    static int[] burstSizes(double[] spikes, double gap) {
        return Arrays.stream(burstBounds(spikes, gap)).mapToInt(b -> b[1] - b[0]).toArray();
    }

    static double[] burstStarts(double[] spikes, double gap) {
        return Arrays.stream(burstBounds(spikes, gap)).mapToDouble(b -> spikes[b[0]]).toArray();
    }

    private static int[][] burstBounds(double[] s, double gap) {
        java.util.List<int[]> out = new java.util.ArrayList<>();
        int start = 0;
        for (int i = 1; i <= s.length; i++) {
            if (i == s.length || s[i] - s[i - 1] > gap) {
                out.add(new int[] {start, i});
                start = i;
            }
        }
        return out.toArray(int[][]::new);
    }
}
