package org.izhsim.spnet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Same seed, same spikes and weights for 1, 2 and 4 threads; a run continued from a snapshot
 * (in memory and through a checkpoint file) equals the straight run; bad checkpoints are refused.
 */
class SpnetDeterminismTest {
    static final SpnetConfig SMALL = new SpnetConfig(400, 100, 50, 10, 10f, false, 7);

    /** Spikes (t, i) of all seconds, the per-second stats and the final weights and sd. */
    record Trace(List<Long> spikes, List<String> stats, float[] w, float[] sd) {
    }

    static Trace run(SpnetNetwork net, int seconds, Trace into) {
        for (int k = 0; k < seconds; k++) {
            SpnetNetwork.Second s = net.runSecond(true);
            for (int j = 0; j < s.tMs().length; j++) into.spikes.add(s.tMs()[j] << 32 | s.neuron()[j]);
            into.stats.add(s.tS() + " " + s.rateHz() + " " + s.rateExcHz() + " " + s.rateInhHz() + " " + s.meanExcW() + " "
                    + s.fracExcWAbove9() + " " + java.util.Arrays.toString(s.hist()));
        }
        SpnetNetwork.Synapses syn = net.synapses();
        return new Trace(into.spikes, into.stats, syn.w(), syn.sd());
    }

    static Trace fresh() {
        return new Trace(new ArrayList<>(), new ArrayList<>(), null, null);
    }

    static void assertSame(Trace a, Trace b) {
        assertEquals(a.spikes, b.spikes);
        assertEquals(a.stats, b.stats);
        assertArrayEquals(a.w, b.w);
        assertArrayEquals(a.sd, b.sd);
    }

    @Test
    void oneTwoFourThreadsGiveIdenticalSpikesAndWeights() {
        Trace one;
        try (SpnetNetwork net = new SpnetNetwork(SMALL, 1)) {
            one = run(net, 4, fresh());
        }
        assertTrue(one.spikes.size() > 1000);
        for (int threads : new int[] {2, 4}) {
            try (SpnetNetwork net = new SpnetNetwork(SMALL, threads)) {
                assertEquals(threads, net.threads());
                assertSame(one, run(net, 4, fresh()));
            }
        }
        try (SpnetNetwork other = new SpnetNetwork(new SpnetConfig(400, 100, 50, 10, 10f, false, 8), 1)) {
            assertNotEquals(one.spikes, run(other, 4, fresh()).spikes, "another seed must give other spikes");
        }
    }

    @Test
    void resumeFromSnapshotAndCheckpointEqualsStraightRun(@TempDir Path dir) throws Exception {
        Trace straight;
        try (SpnetNetwork net = new SpnetNetwork(SMALL, 2)) {
            straight = run(net, 6, fresh());
        }
        Trace split = fresh();
        Path file;
        try (SpnetNetwork net = new SpnetNetwork(SMALL, 1)) {
            run(net, 3, split);
            file = SpnetCheckpoint.write(dir, net.snapshot(), 2);
        }
        assertEquals(List.of(file), SpnetCheckpoint.list(dir));
        SpnetState st = SpnetCheckpoint.read(file);
        assertEquals(3, st.second());
        try (SpnetNetwork net = SpnetNetwork.resume(st, 4)) {
            assertSame(straight, run(net, 3, split));
        }
    }

    @Test
    void checkpointsKeepTheNewestK(@TempDir Path dir) throws Exception {
        try (SpnetNetwork net = new SpnetNetwork(new SpnetConfig(80, 20, 10, 5, 10f, false, 1), 1)) {
            for (int k = 0; k < 4; k++) {
                net.runSecond(false);
                SpnetCheckpoint.write(dir, net.snapshot(), 2);
            }
        }
        assertEquals(List.of(SpnetCheckpoint.file(dir, 3), SpnetCheckpoint.file(dir, 4)), SpnetCheckpoint.list(dir));
        assertEquals(SpnetCheckpoint.file(dir, 4), SpnetCheckpoint.latest(dir));
        try (var s = Files.list(dir)) {
            assertEquals(2, s.count(), "no temporary file is left");
        }
    }

    @Test
    void corruptTruncatedForeignAndMismatchedCheckpointsAreRefused(@TempDir Path dir) throws Exception {
        Path file;
        SpnetState st;
        try (SpnetNetwork net = new SpnetNetwork(new SpnetConfig(80, 20, 10, 5, 10f, false, 1), 1)) {
            net.runSecond(false);
            st = net.snapshot();
            file = SpnetCheckpoint.write(dir, st, 1);
        }
        byte[] good = Files.readAllBytes(file);
        byte[] flipped = good.clone();
        flipped[good.length / 2] ^= 1;
        Path bad = dir.resolve("flipped");
        Files.write(bad, flipped);
        assertTrue(message(bad).contains("checksum"), message(bad));
        Files.write(bad, java.util.Arrays.copyOf(good, good.length - 7));
        assertTrue(message(bad).contains("truncated"), message(bad));
        Files.writeString(bad, "PK\u0003\u0004 not a checkpoint at all");
        assertTrue(message(bad).contains("not an izhsim spnet checkpoint"), message(bad));
        byte[] v2 = good.clone();
        v2[11] = 2;
        Files.write(bad, v2);
        assertTrue(message(bad).contains("format version 2"), message(bad));
        SpnetState otherSeed = new SpnetState(new SpnetConfig(80, 20, 10, 5, 10f, false, 2), st.second(), st.wiring(), st.v(), st.u(),
                st.ltd(), st.ltp(), st.w(), st.sd(), st.spikeMs(), st.spikeNeuron());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SpnetNetwork.resume(otherSeed, 1));
        assertTrue(e.getMessage().contains("not the ones its configuration draws"), e.getMessage());
    }

    private static String message(Path file) {
        return assertThrows(IllegalArgumentException.class, () -> SpnetCheckpoint.read(file)).getMessage();
    }

    @Test
    void configurationsThatCannotBeBuiltAreRefusedByName() {
        assertTrue(refusal(new SpnetConfig(800, 200, 1000, 20, 10f, false, 1)).startsWith("--m 1000 is larger than the 999 targets"));
        assertTrue(refusal(new SpnetConfig(800, 200, 801, 1, 10f, true, 1)).contains("targets of an inhibitory neuron"));
        assertTrue(refusal(new SpnetConfig(800, 200, 99, 20, 10f, false, 1)).contains("--delays uniform"));
        assertTrue(refusal(new SpnetConfig(800, 200, 100, 20, Float.NaN, false, 1)).startsWith("--sm"));
        assertTrue(refusal(new SpnetConfig(0, 200, 100, 20, 10f, false, 1)).startsWith("--ne"));
        assertTrue(refusal(new SpnetConfig(20_000_000, 0, 100, 10, 10f, false, 1)).contains("needs about"));
    }

    private static String refusal(SpnetConfig c) {
        return assertThrows(IllegalArgumentException.class, () -> new SpnetNetwork(c, 1)).getMessage();
    }
}
