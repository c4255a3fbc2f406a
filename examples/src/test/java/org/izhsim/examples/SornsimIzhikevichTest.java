package org.izhsim.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.izhsim.behaviour.VectorRecording;
import org.izhsim.network.BlockTiming;
import org.izhsim.plot.ImageFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SORNSim example's firing statistics. Reference: {@code examples/scripts/sornsim_izhikevich.py}
 * (a NumPy transliteration of the original, run 2026-11-22 with numpy 1.24: seeds 0–4 gave exc
 * 27.11–27.92 Hz, inh 27.27–27.99 Hz; the spread between seeds is ≈ 0.3 Hz). Different random
 * generators, so the test is statistical: every seed's mean rates must lie in 25.5–30 Hz,
 * ≈ 2 Hz (over five seed standard deviations) either side of the reference range. A wrong
 * behaviour order, a missing GABA term or the wrong dt moves the rate far outside it.
 */
class SornsimIzhikevichTest {

    private static double rateHz(VectorRecording r) {
        double spikes = 0;
        for (int i = 0; i < r.count(); i++) for (double f : r.row("fired", i)) spikes += f;
        return spikes / r.size() / (r.count() * 0.5e-3);
    }

    @Test
    void ratesMatchTheNumpyTransliterationOfTheOriginal() {
        for (long seed : new long[] {1, 2}) {
            SornsimIzhikevich.Run run = SornsimIzhikevich.simulate(seed, 1, null);
            assertEquals(800, run.excitatory().size());
            assertEquals(200, run.inhibitory().size());
            assertEquals(1000, run.excitatory().count());
            double exc = rateHz(run.excitatory()), inh = rateHz(run.inhibitory());
            assertTrue(exc > 25.5 && exc < 30, "seed " + seed + " exc " + exc + " Hz");
            assertTrue(inh > 25.5 && inh < 30, "seed " + seed + " inh " + inh + " Hz");
            assertEquals(10, run.blocks().size());
            long blockSpikes = run.blocks().stream().mapToLong(BlockTiming::spikes).sum();
            assertEquals(Math.round(exc * 800 * 0.5) + Math.round(inh * 200 * 0.5), blockSpikes);
        }
    }

    @Test
    void identicalForAnyThreadCount() {
        SornsimIzhikevich.Run one = SornsimIzhikevich.simulate(3, 1, null);
        SornsimIzhikevich.Run three = SornsimIzhikevich.simulate(3, 3, null);
        for (String v : new String[] {"v", "u", "fired"}) {
            assertArrayEquals(one.excitatory().matrix(v), three.excitatory().matrix(v), v);
            assertArrayEquals(one.inhibitory().matrix(v), three.inhibitory().matrix(v), v);
        }
    }

    @Test
    void writesThreePlotsSpikesAndProvenance(@TempDir Path dir) throws Exception {
        Example.Result r = new SornsimIzhikevich().run(dir, new Example.Options(5, 2, Set.of(ImageFormat.PNG, ImageFormat.SVG), null));
        for (String f : new String[] {"v.png", "v.svg", "u.png", "u.svg", "fired.png", "fired.svg", "run.json", "spikes.npz"}) {
            assertTrue(Files.size(dir.resolve(f)) > 100, f);
        }
        String json = Files.readString(dir.resolve("run.json"));
        for (String key : new String[] {"\"seed\":5", "\"dt_ms\":0.5", "\"scheme\"", "\"izhsim_version\"", "\"izhsim_commit\"", "\"blocks\""}) {
            assertTrue(json.contains(key), key + " in " + json);
        }
        assertTrue(Files.readString(dir.resolve("fired.svg")).contains("izhsim_commit"));
        assertEquals(5L, r.summary().get("seed"));
        assertEquals(8, r.files().size());
    }
}
