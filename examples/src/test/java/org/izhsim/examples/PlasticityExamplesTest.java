package org.izhsim.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.izhsim.plot.ImageFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plasticity examples run and write their figures: STDP (Brian2's STDP example as a model
 * file) moves weights to the upper bound; the DA-STDP pair (Brian2's Izhikevich_2007) gives Brian2's
 * curves; the DA-STDP network records the chosen synapse second by second.
 */
class PlasticityExamplesTest {
    private static final Example.Options PNG = new Example.Options(1, 2, Set.of(ImageFormat.PNG), null);

    @Test
    void stdpSong2000PushesWeightsToTheBoundAndWritesItsFigures(@TempDir Path dir) throws Exception {
        Example.Result r = new StdpSong2000Example().run(dir, PNG);
        for (String f : List.of("weights.png", "weights_over_time.png")) assertTrue(Files.size(dir.resolve(f)) > 1000, f);
        assertTrue(Files.readString(dir.resolve("run.json")).contains("\"final_histogram\""));
        assertEquals(1000L, r.summary().get("synapses"));
        // uniform on [0, gmax] at the start (a tenth of 1000 in the top tenth, ± 9.5); after the file's 100 s STDP has
        // pushed weights to the bound (plasticity off would leave ~100 there)
        double high = (double) r.summary().get("final_fraction_above_0.9_gmax");
        assertTrue(high > 0.12, "top tenth " + high);
    }

    /**
     * The whole example (its own neurons, spikes and rewards) against Brian2 2.5.1's run of the
     * same protocol (izhsim-codegen's resource, written by izhsim-bench/scripts/brian2_izhikevich_2007.py):
     * the same 12 spikes, and s, c, d within 0.5 % of each curve's largest value at every ms
     * (docs/plasticity.md gives why not closer: Euler against exact decays, float against double).
     */
    @Test
    void daStdpPairGivesBrian2sCurvesAndWritesItsFigures(@TempDir Path dir) throws Exception {
        Path csv = Path.of("").toAbsolutePath().getParent().resolve("izhsim-codegen/src/test/resources/brian2/izhikevich_2007.csv");
        List<double[]> spikes = new ArrayList<>(), trace = new ArrayList<>();
        for (String line : Files.readAllLines(csv)) {
            String[] f = line.split(",", -1);
            if (f[0].equals("spike")) spikes.add(new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2]) * DaStdpPairExample.DT});
            if (f[0].equals("trace")) trace.add(new double[] {Double.parseDouble(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4])});
        }
        DaStdpPairExample.Curves ours = DaStdpPairExample.simulate();
        assertEquals(spikes.size(), ours.spikes().size());
        for (double[] e : spikes) {
            assertTrue(ours.spikes().stream().anyMatch(o -> o[0] == e[0] && Math.abs(o[1] - e[1]) < 1e-9), "Brian2's spike " + e[0] + " at " + e[1] + " ms");
        }
        assertEquals(trace.size(), ours.tMs().length);
        double[][] curves = {ours.s(), ours.c(), ours.d()};
        for (int v = 0; v < 3; v++) {
            double max = 0, worst = 0;
            for (double[] row : trace) max = Math.max(max, Math.abs(row[v]));
            for (int p = 0; p < trace.size(); p++) worst = Math.max(worst, Math.abs(curves[v][p] - trace.get(p)[v]));
            assertTrue(max > 1e-6 && worst <= 5e-3 * max, "curve " + "scd".charAt(v) + ": " + worst + " against " + 5e-3 * max);
        }
        Example.Result r = new DaStdpPairExample().run(dir, PNG);
        for (String f : List.of("strength.png", "dopamine.png", "curves.csv", "run.json")) assertTrue(Files.size(dir.resolve(f)) > 1000, f);
        assertEquals(12, r.summary().get("spikes"));
    }

    @Test
    void daStdpNetworkRecordsTheChosenSynapseAndWritesItsFigure(@TempDir Path dir) throws Exception {
        Example.Result r = new DaStdpNetworkExample(5).run(dir, PNG);
        assertTrue(Files.size(dir.resolve("chosen_weight.png")) > 1000);
        String run = Files.readString(dir.resolve("run.json"));
        assertEquals(5, run.split("\"others_at_max\"", -1).length - 1, "one row per second");
        assertTrue((double) r.summary().get("final_chosen_w") < 0.1, "the chosen synapse starts at 0");
        assertEquals(-1L, r.summary().get("first_other_at_max_s"), "nothing reaches sm in 5 s");
        assertTrue(r.summary().get("chosen") instanceof Map<?, ?>);
    }
}
