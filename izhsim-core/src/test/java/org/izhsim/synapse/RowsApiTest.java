package org.izhsim.synapse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.izhsim.network.SynapseGroup;
import org.junit.jupiter.api.Test;

/** Mutable weights by storage index and per-synapse side arrays, in both row layouts. */
class RowsApiTest {
    @Test
    void weightsRoundTripAndDeliveryUsesThem() {
        float[] odd = {-0.0f, Float.MIN_VALUE, Float.MAX_VALUE, -3.25f, 1e-30f};
        for (SynapseGroup s : Fixtures.groups()) {
            int n = s.post().size();
            for (Layout layout : Layout.values()) {
                Rows m = Fixtures.build(s, 0, n, 1, 1, layout);
                int[] posts = new int[m.count()];
                for (int j = 0; j < m.count(); j++) posts[j] = m.post(j);
                for (int j = 0; j < m.count(); j++) m.setWeight(j, value(odd, j));
                for (int p = 0; p < m.preCount(); p++) {
                    for (int j = m.rowStart(p); j < m.rowEnd(p); j++) {
                        float want = value(odd, j);
                        assertEquals(Float.floatToRawIntBits(want), Float.floatToRawIntBits(m.weight(j)), s.name() + " " + j);
                        assertEquals(Float.floatToRawIntBits(want), Float.floatToRawIntBits(m.weightAt(p, j - m.rowStart(p))));
                    }
                }
                for (int j = 0; j < m.count(); j++) assertEquals(posts[j], m.post(j), "a weight write left the post alone");
                checkDelivery(m, s.name() + " " + layout);
            }
        }
    }

    @Test
    void updateWeightsIsTheSerialLoopForAnySplit() {
        SynapseGroup s = Fixtures.fixedInDegree("upd", 200, 300, 30, 1, 9);
        Rows.WeightUpdate f = (j, w) -> Math.min(10f, Math.max(0f, w + 0.01f + 0.001f * (j % 17)));
        Rows serial = Fixtures.build(s, 0, 300, 1, 1, Layout.BY_DELAY);
        float[] want = new float[serial.count()];
        for (int j = 0; j < want.length; j++) want[j] = f.apply(j, serial.weight(j));
        for (int threads = 1; threads <= 3; threads++) {
            Rows m = Fixtures.build(s, 0, 300, 1, 1, Layout.BY_DELAY);
            m.updateWeights(Threads.of(threads), f);
            float[] got = new float[m.count()];
            for (int j = 0; j < got.length; j++) got[j] = m.weight(j);
            assertArrayEquals(want, got, threads + " threads");
        }
        Rows halves = Fixtures.build(s, 0, 300, 1, 1, Layout.BY_DELAY);
        int mid = halves.count() / 3;
        halves.updateWeights(mid, halves.count(), f);
        halves.updateWeights(0, mid, f);
        for (int j = 0; j < want.length; j++) assertEquals(want[j], halves.weight(j), "ranges, synapse " + j);
    }

    @Test
    void sideArraysAreAllocatedOnRequestAndAlignedWithTheStorage() {
        for (SynapseGroup s : Fixtures.groups()) {
            int n = s.post().size();
            DelayRows m = (DelayRows) Fixtures.build(s, 0, n, 2, 2, Layout.BY_DELAY);
            long bytes = m.bytes();
            assertEquals(List.of(), List.copyOf(m.sideArrays().keySet()));
            float[] sd = m.sideArray("sd");
            assertEquals(m.count(), sd.length);
            assertArrayEquals(new float[m.count()], sd);
            assertSame(sd, m.sideArray("sd"));
            float[] pre = m.sideArray("pre");
            assertNotSame(sd, pre);
            assertEquals(List.of("sd", "pre"), List.copyOf(m.sideArrays().keySet()));
            assertEquals(bytes + 8L * m.count(), m.bytes());
            // written through the rows' segments, read through the incoming index: the same synapse
            int[] b = new int[m.span() + 1];
            for (int p = 0; p < m.preCount(); p++) {
                for (int w = 0; w < m.workers(); w++) {
                    m.segments(p, w, b, 0);
                    for (int k = 0; k < m.span(); k++) {
                        for (int j = b[k]; j < b[k + 1]; j++) {
                            pre[j] = p;
                            sd[j] = m.minDelay() + k + 0.5f * m.weight(j);
                        }
                    }
                }
            }
            IncomingIndex in = m.incoming(Threads.of(2));
            for (int q = 0; q < n; q++) {
                for (int k = in.start(q); k < in.end(q); k++) {
                    int j = in.index(k);
                    assertEquals(q, m.post(j), s.name());
                    assertEquals(in.pre(k), (int) pre[j], s.name());
                    assertEquals(in.delay(k) + 0.5f * m.weight(j), sd[j], s.name());
                }
            }
        }
    }

    /** Synapse j's test weight: the odd values themselves, and shifted by 1 and 2 (−0 only unshifted: −0 + 0 = +0). */
    private static float value(float[] odd, int j) {
        float x = odd[j / 3 % odd.length];
        return j % 3 == 0 ? x : x + j % 3;
    }

    /** One spike of each pre alone: each ring cell it reaches holds the sum of its current weights there. */
    private static void checkDelivery(Rows m, String what) {
        int dMax = m.group().delays().max(), nPost = m.postCount();
        m.prepare(SynapseMatrix.split(m.postFrom(), m.postTo(), 1));
        for (int p = 0; p < m.preCount(); p += 7) {
            double[][] ring = new double[dMax + 1][nPost];
            m.deliver(p, 0, ring, 0);
            double[][] want = new double[dMax + 1][nPost];
            for (int j = m.rowStart(p); j < m.rowEnd(p); j++) want[m.delay(j)][m.post(j)] += m.weight(j);
            for (int d = 0; d <= dMax; d++) assertArrayEquals(want[d], ring[d], what + " pre " + p + " delay " + d);
        }
    }
}
