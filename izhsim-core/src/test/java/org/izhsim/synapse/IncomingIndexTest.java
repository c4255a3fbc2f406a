package org.izhsim.synapse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.izhsim.network.Connectivity;
import org.izhsim.network.Delays;
import org.izhsim.network.NeuronGroup;
import org.izhsim.network.SynapseGroup;
import org.izhsim.network.Weights;
import org.junit.jupiter.api.Test;

/** The incoming index equals a brute-force transpose, in storage order, for any thread count. */
class IncomingIndexTest {
    @Test
    void equalsTheBruteForceTransposeInBothLayouts() {
        List<SynapseGroup> groups = new ArrayList<>(Fixtures.groups());
        groups.add(Fixtures.fixedInDegree("big", 300, 400, 200, 0, 20)); // 80,000 synapses: the parallel build
        for (SynapseGroup s : groups) {
            int n = s.post().size();
            for (Layout layout : Layout.values()) {
                for (int threads = 1; threads <= 3; threads++) {
                    Rows m = Fixtures.build(s, 0, n, 1, 1, layout);
                    check(m, m.incoming(Threads.of(threads)), s.name() + " " + layout + ", " + threads + " threads");
                }
                Rows slice = Fixtures.build(s, n / 4, n / 2, 1, 2, layout);
                check(slice, slice.incoming(Threads.of(2)), s.name() + " " + layout + ", a rank's slice");
            }
        }
        assertTrue(Fixtures.build(groups.getLast(), 0, 400, 1, 1, Layout.BY_POST).count() >= IncomingIndex.PARALLEL_MIN);
    }

    @Test
    void preAndDelayThatDoNotFitOneIntTakeTwo() {
        // 2^20 pres need 20 bits, delays up to 5000 another 13: more than 31
        int nPre = 1 << 20, n = 500;
        int[] pre = new int[n], post = new int[n], delay = new int[n];
        for (int i = 0; i < n; i++) {
            pre[i] = nPre - 1 - 2097 * i % nPre;
            post[i] = i % 7;
            delay[i] = 5000 - 9 * i;
        }
        SynapseGroup s = SynapseGroup.builder("far", NeuronGroup.builder("many", nPre).build(), NeuronGroup.builder("few", 7).build())
                .connect(Connectivity.explicit(pre, post)).weights(Weights.constant(1)).delays(Delays.array(delay)).build();
        Rows m = Fixtures.build(s, 0, 7, 1, 1, Layout.BY_POST);
        IncomingIndex in = m.incoming(Parallel.serial());
        check(m, in, "wide pre and delay");
        assertEquals(4L * (8 + 3 * n), in.bytes());
    }

    @Test
    void isBuiltOnceAndCounted() {
        SynapseGroup s = Fixtures.fixedInDegree("once", 50, 60, 10, 1, 4);
        Rows m = Fixtures.build(s, 0, 60, 1, 1, Layout.BY_DELAY);
        long before = m.bytes();
        IncomingIndex in = m.incoming(Parallel.serial());
        assertSame(in, m.incoming(Threads.of(2)));
        assertEquals(before + 8L * m.count() + 4L * 61, m.bytes());
    }

    /** Every post's entries are its synapses in ascending storage order, with their pre and delay. */
    private static void check(Rows m, IncomingIndex in, String what) {
        List<List<int[]>> want = new ArrayList<>();
        for (int q = m.postFrom(); q < m.postTo(); q++) want.add(new ArrayList<>());
        for (int p = 0; p < m.preCount(); p++) {
            for (int j = m.rowStart(p); j < m.rowEnd(p); j++) want.get(m.post(j) - m.postFrom()).add(new int[] {j, p, m.delay(j)});
        }
        for (List<int[]> l : want) l.sort((x, y) -> Integer.compare(x[0], y[0]));
        assertEquals(m.count(), in.size(), what);
        for (int q = m.postFrom(); q < m.postTo(); q++) {
            List<int[]> w = want.get(q - m.postFrom());
            assertEquals(w.size(), in.end(q) - in.start(q), what + ": in-degree of " + q);
            for (int i = 0; i < w.size(); i++) {
                int k = in.start(q) + i;
                String at = what + ": post " + q + " entry " + i;
                assertEquals(w.get(i)[0], in.index(k), at + " index");
                assertEquals(w.get(i)[1], in.pre(k), at + " pre");
                assertEquals(w.get(i)[2], in.delay(k), at + " delay");
            }
        }
    }
}
