package org.izhsim.neuron;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.izhsim.integrate.Scheme;
import org.izhsim.model.Izhikevich2007Presets;
import org.izhsim.model.Izhikevich2007Presets.Preset2007;
import org.izhsim.model.Presets;
import org.junit.jupiter.api.Test;

/**
 * The accuracy report: errors shrink at each scheme's order, matching is the first
 * min(n, n_ref) spikes in order, and the book cells' euler and rk4 converge to the same spikes.
 */
class SpikeTimeAccuracyTest {
    static final double[] DTS = {0.2, 0.1, 0.05, 0.025};

    static double order(double coarse, double fine) {
        return Math.log(coarse / fine) / Math.log(2);
    }

    /**
     * 2007 RS at 100 pA for 200 ms (3 spikes): euler's spike-time and subthreshold errors fall
     * at order 1, rk4's subthreshold error at order 4 (observed 3.8 to 3.9), while rk4's spike
     * times are limited by the time grid (error at most dt per spike so far).
     */
    @Test
    void errorsShrinkAtTheSchemesOrder() {
        Neuron2007Setup rs = Neuron2007Setup.of(Izhikevich2007Presets.byId("RS"), 100).withDuration(200);
        var res = SpikeTimeAccuracy.compute(rs, List.of(Scheme.EULER, Scheme.RK4), DTS, 0.001, f -> { });
        assertEquals(3, res.reference().spikeCount());
        List<SpikeTimeAccuracy.Row> euler = res.rows().subList(0, 4), rk4 = res.rows().subList(4, 8);
        for (int i = 0; i + 1 < 4; i++) {
            double pt = order(euler.get(i).meanErrorMs(), euler.get(i + 1).meanErrorMs());
            double pv = order(euler.get(i).vErrorMv(), euler.get(i + 1).vErrorMv());
            double p4 = order(rk4.get(i).vErrorMv(), rk4.get(i + 1).vErrorMv());
            assertTrue(pt > 0.8 && pt < 1.3, "euler spike-time order " + pt);
            assertTrue(pv > 0.7 && pv < 1.2, "euler v order " + pv);
            assertTrue(p4 > 3.6 && p4 < 4.3, "rk4 v order " + p4);
        }
        for (SpikeTimeAccuracy.Row r : res.rows()) {
            assertEquals(0, r.countDiff());
            assertEquals(3, r.matched());
            assertEquals(r.flopsPerStep() / r.dt(), r.flopsPerMs(), 1e-9);
        }
        // each spike is stamped on the grid, up to dt late, and the reset restarts from there:
        // the lateness can add up along the train
        for (SpikeTimeAccuracy.Row r : rk4) assertTrue(r.maxErrorMs() <= r.matched() * r.dt() + 1e-9, r.toString());
    }

    /** Matching pairs spike i with reference spike i; the count mismatch is reported, not folded in. */
    @Test
    void matchingIsInOrderAndCountMismatchIsSeparate() {
        NeuronTrace ref = trace(new double[] {10, 20, 30});
        NeuronTrace extra = trace(new double[] {11, 19, 30.5, 40});
        var row = SpikeTimeAccuracy.row(Scheme.EULER, 0.5, extra, ref, 0.001, true, 15, 0);
        assertEquals(1, row.countDiff());
        assertEquals(3, row.matched());
        assertEquals((1 + 1 + 0.5) / 3, row.meanErrorMs(), 1e-12);
        assertEquals(1, row.maxErrorMs(), 0);
        var none = SpikeTimeAccuracy.row(Scheme.EULER, 0.5, trace(new double[0]), ref, 0.001, true, 15, 0);
        assertEquals(-3, none.countDiff());
        assertTrue(Double.isNaN(none.meanErrorMs()) && Double.isNaN(none.maxErrorMs()));
    }

    private static NeuronTrace trace(double[] spikes) {
        double[] z = new double[1];
        return new NeuronTrace(Scheme.EULER, 0.5, 50, z, z, z, z, spikes);
    }

    /**
     * Where the reference gives only the euler counts at dt = 0.25, the book cells' default
     * protocols must converge: euler (OSB's quirks vanish as dt → 0) and rk4, both at 0.001 ms,
     * give the same spike count and times within 0.2 ms (observed at most 0.093 ms, FS 0.118 ms).
     * FS needs the fine step for rk4 too: its cubic U(v) is evaluated at RK4 stages past the
     * cut-off, so at 0.01 ms rk4's FS train is 0.6 ms late by the fifth spike.
     */
    @Test
    void bookCellsConvergeUnderBothSchemes() {
        for (Preset2007 p : Izhikevich2007Presets.all()) {
            if (p.id().equals("RS-book")) continue;
            Neuron2007Setup s = Neuron2007Setup.of(p, p.amplitude());
            double[] e = NeuronSimulator.run(s.withDt(0.001)).spikeTimes();
            double[] r = NeuronSimulator.run(s.withScheme(Scheme.RK4).withDt(0.001)).spikeTimes();
            assertEquals(r.length, e.length, p.id() + ": " + java.util.Arrays.toString(e) + " vs " + java.util.Arrays.toString(r));
            double worst = 0;
            for (int i = 0; i < e.length; i++) worst = Math.max(worst, Math.abs(r[i] - e[i]));
            assertTrue(worst <= 0.2, p.id() + ": euler and rk4 differ by " + worst + " ms");
        }
    }

    /** The 2003 model runs through the same report, its harness schemes included. */
    @Test
    void the2003ModelRunsEveryScheme() {
        NeuronSetup rs = NeuronSetup.of(Presets.byId("RS"), Scheme.FIGURE1, CurrentSource.constant(10)).withDuration(100);
        var res = SpikeTimeAccuracy.compute(rs, List.of(Scheme.values()), new double[] {0.25, 0.1}, 0.001, f -> { });
        assertEquals(8, res.rows().size());
        assertTrue(res.reference().spikeCount() > 0);
        for (SpikeTimeAccuracy.Row r : res.rows()) assertEquals(res.reference().spikeCount(), r.spikes() - r.countDiff());
    }
}
