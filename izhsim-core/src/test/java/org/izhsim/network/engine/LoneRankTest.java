package org.izhsim.network.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.izhsim.network.SpikeBuffer;
import org.junit.jupiter.api.Test;

/** The warm-up's view of a job: other ranks fire as this one, each in its own block, sorted by (step, neuron). */
class LoneRankTest {
    private static long[][] pairs(SpikeBuffer b) {
        long[][] out = new long[b.size()][];
        for (int i = 0; i < b.size(); i++) out[i] = new long[] {b.step(i), b.neuron(i)};
        return out;
    }

    @Test
    void theOtherRanksFireAsThisOneShiftedToTheirBlocks() {
        // 10 neurons over 3 ranks: blocks [0,3) [3,6) [6,10); rank 1 owns 3, 4, 5
        LoneRank r1 = new LoneRank(1, 3, 10);
        SpikeBuffer local = new SpikeBuffer(), global = new SpikeBuffer();
        local.add(7, 3);
        local.add(7, 5);
        local.add(8, 4);
        global.add(99, 0); // cleared first
        r1.exchange(local, global);
        assertArrayEquals(new long[][] {{7, 0}, {7, 2}, {7, 3}, {7, 5}, {7, 6}, {7, 8}, {8, 1}, {8, 4}, {8, 7}}, pairs(global));
        assertEquals(3, local.size(), "the caller's spikes are left alone");
    }

    @Test
    void aShiftPastASmallerBlockIsDropped() {
        // rank 2's block [6,10) is one longer than the others' [0,3) and [3,6): neuron 9 has no twin there
        LoneRank r2 = new LoneRank(2, 3, 10);
        SpikeBuffer local = new SpikeBuffer(), global = new SpikeBuffer();
        local.add(0, 8);
        local.add(0, 9);
        r2.exchange(local, global);
        assertArrayEquals(new long[][] {{0, 2}, {0, 5}, {0, 8}, {0, 9}}, pairs(global));
    }

    @Test
    void gatherReachesRankZeroOnlyAndTheReductionsAreTheIdentity() {
        byte[][] all = new LoneRank(0, 2, 4).gather(new byte[] {1, 2});
        assertArrayEquals(new byte[] {1, 2}, all[0]);
        assertEquals(0, all[1].length);
        assertNull(new LoneRank(1, 2, 4).gather(new byte[] {1}));
        double[] v = {1.5, -2};
        new LoneRank(1, 2, 4).allreduce(v, org.izhsim.network.Communicator.Op.SUM);
        assertArrayEquals(new double[] {1.5, -2}, v);
    }

    @Test
    void oneRankIsNotAJob() {
        assertThrows(IllegalArgumentException.class, () -> new LoneRank(0, 1, 4));
        assertThrows(IllegalArgumentException.class, () -> new LoneRank(2, 2, 4));
    }
}
