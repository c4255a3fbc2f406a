package org.izhsim.synapse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.izhsim.network.Connectivity;
import org.izhsim.network.Delays;
import org.izhsim.network.NeuronGroup;
import org.izhsim.network.SynapseGroup;
import org.izhsim.network.Weights;
import org.junit.jupiter.api.Test;

/**
 * Rows grouped by delay hold the default rows stably sorted by delay, and deliver the same ring
 * sums, bit for bit, as the default layout: at spike time, and at arrival time one (pre, delay)
 * segment per recent spike, for 1 and 2 workers and a rank's slice of the posts.
 */
class DelayRowsTest {
    private static final int LATENCY = 1;

    @Test
    void rowsAreTheDefaultRowsStablySortedByDelay() {
        for (SynapseGroup s : Fixtures.groups()) {
            int n = s.post().size();
            Rows byPost = Fixtures.build(s, 0, n, 1, 1, Layout.BY_POST);
            DelayRows byDelay = assertInstanceOf(DelayRows.class, Fixtures.build(s, 0, n, 1, 1, Layout.BY_DELAY));
            assertInstanceOf(Csr.class, byPost);
            assertEquals(byPost.count(), byDelay.count(), s.name());
            for (int p = 0; p < s.pre().size(); p++) {
                List<int[]> want = row(byPost, p);
                want.sort(Comparator.comparingInt(x -> x[2])); // List.sort is stable
                List<int[]> got = row(byDelay, p);
                assertEquals(want.size(), got.size(), s.name() + " row " + p);
                for (int j = 0; j < want.size(); j++) assertArrayEquals(want.get(j), got.get(j), s.name() + " row " + p + " synapse " + j);
                int[] b = new int[byDelay.span() + 1];
                byDelay.segments(p, 0, b, 0);
                for (int k = 0; k < byDelay.span(); k++) {
                    for (int j = b[k]; j < b[k + 1]; j++) assertEquals(byDelay.minDelay() + k, byDelay.delay(j));
                }
                assertEquals(byDelay.rowStart(p), b[0]);
                assertEquals(byDelay.rowEnd(p), b[byDelay.span()]);
            }
        }
    }

    /**
     * Laid out for W workers, a row holds one block per worker of its synapses onto that
     * worker's posts, each grouped by delay; its canonical order (the view's) is the storage
     * order on one worker, and laying it out again for one worker gives that storage back.
     */
    @Test
    void blocksPerWorkerKeepTheCanonicalOrder() {
        for (SynapseGroup s : Fixtures.groups()) {
            int n = s.post().size();
            DelayRows one = (DelayRows) Fixtures.build(s, 0, n, 1, 1, Layout.BY_DELAY);
            for (int workers = 2; workers <= 3; workers++) {
                String what = s.name() + ", " + workers + " workers";
                int[] bounds = SynapseMatrix.split(0, n, workers);
                DelayRows m = (DelayRows) Fixtures.build(s, 0, n, 2, workers, Layout.BY_DELAY);
                assertEquals(workers, m.workers(), what);
                int[] b = new int[m.span() + 1];
                for (int p = 0; p < m.preCount(); p++) {
                    assertEquals(one.rowLength(p), m.rowLength(p), what);
                    for (int j = 0; j < m.rowLength(p); j++) {
                        assertEquals(one.post(one.rowStart(p) + j), m.postAt(p, j), what + " row " + p + " synapse " + j);
                        assertEquals(one.weight(one.rowStart(p) + j), m.weightAt(p, j), what + " row " + p + " synapse " + j);
                        assertEquals(one.delay(one.rowStart(p) + j), m.delayAt(p, j), what + " row " + p + " synapse " + j);
                    }
                    int next = m.rowStart(p);
                    for (int w = 0; w < workers; w++) {
                        m.segments(p, w, b, 0);
                        assertEquals(next, b[0], what + " row " + p + ": blocks follow each other");
                        for (int k = 0; k < m.span(); k++) {
                            for (int j = b[k]; j < b[k + 1]; j++) {
                                assertEquals(m.minDelay() + k, m.delay(j), what);
                                assertTrue(m.post(j) >= bounds[w] && m.post(j) < bounds[w + 1], what + ": post of worker " + w);
                                long r = m.ownedSegment(p, m.minDelay() + k, w);
                                assertEquals(b[k], DelayRows.first(r), what);
                                assertEquals(b[k + 1], DelayRows.last(r), what);
                            }
                        }
                        next = b[m.span()];
                    }
                    assertEquals(m.rowEnd(p), next, what);
                }
                m.prepare(SynapseMatrix.split(0, n, 1));
                assertArrayEquals(one.entries, m.entries, what + ", laid out again for one worker");
            }
        }
    }

    @Test
    void theBuildDoesNotDependOnTheThreads() {
        for (SynapseGroup s : Fixtures.groups()) {
            int n = s.post().size();
            DelayRows one = (DelayRows) Fixtures.build(s, 0, n, 1, 1, Layout.BY_DELAY);
            DelayRows three = (DelayRows) Fixtures.build(s, 0, n, 3, 1, Layout.BY_DELAY);
            assertArrayEquals(one.entries, three.entries, s.name());
            assertEquals(one.bytes(), three.bytes(), s.name());
            int[] a = new int[one.span() + 1], b = new int[one.span() + 1];
            for (int p = 0; p < one.preCount(); p++) {
                one.segments(p, 0, a, 0);
                three.segments(p, 0, b, 0);
                assertArrayEquals(a, b, s.name() + " row " + p);
            }
        }
    }

    @Test
    void spikeTimeAndArrivalDeliveryGiveTheDefaultRingSums() {
        for (SynapseGroup s : Fixtures.groups()) {
            int n = s.post().size();
            for (int workers = 1; workers <= 2; workers++) {
                compareRings(s, 0, n, workers);
                compareRings(s, n / 5, n - n / 3, workers); // a rank's slice
            }
        }
    }

    @Test
    void aJointDrawMemberCanBeGroupedByDelay() {
        NeuronGroup exc = NeuronGroup.builder("e", 160).build(), inh = NeuronGroup.builder("i", 40).build();
        NeuronGroup post = NeuronGroup.builder("q", 300).build();
        Connectivity joint = Connectivity.fixedInDegreeFrom(30, "joint", List.of(exc, inh));
        List<SynapseGroup> members = List.of(
                SynapseGroup.builder("je", exc, post).connect(joint).weights(Weights.uniform(0, 1)).delays(Delays.uniform(1, 20)).build(),
                SynapseGroup.builder("ji", inh, post).connect(joint).weights(Weights.constant(-1)).delay(1).build());
        int[] bounds = SynapseMatrix.split(0, 300, 2);
        SynapseMatrix[] got = SynapseMatrix.buildJoint(members, Fixtures.SEED, 0, 300, Threads.of(2), bounds,
                g -> g.name().equals("je") ? Layout.BY_DELAY : Layout.BY_POST, true); // a BY_DELAY member: 4-byte posts for all
        Csr[] plain = Csr.buildRandom(members, Fixtures.SEED, 0, 300, Parallel.serial(), false);
        DelayRows want = DelayRows.groupByDelay(Csr.buildRandom(members, Fixtures.SEED, 0, 300, Parallel.serial(), false)[0], Parallel.serial(),
                SynapseMatrix.split(0, 300, 1));
        DelayRows je = assertInstanceOf(DelayRows.class, got[0]);
        Csr ji = assertInstanceOf(Csr.class, got[1]);
        want.prepare(bounds);
        assertArrayEquals(want.entries, je.entries);
        int[] a = new int[want.span() + 1], b = new int[want.span() + 1];
        for (int p = 0; p < want.preCount(); p++) {
            for (int w = 0; w < 2; w++) {
                want.segments(p, w, a, 0);
                je.segments(p, w, b, 0);
                assertArrayEquals(a, b, "row " + p + " worker " + w);
            }
        }
        assertArrayEquals(plain[1].entries, ji.entries);
        assertTrue(je.count() > 0 && ji.count() > 0);
    }

    /** (post, weight bits, delay) of each synapse of row p, in storage order. */
    private static List<int[]> row(Rows m, int p) {
        List<int[]> r = new ArrayList<>();
        for (int j = m.rowStart(p); j < m.rowEnd(p); j++) r.add(new int[] {m.post(j), Float.floatToRawIntBits(m.weight(j)), m.delay(j)});
        return r;
    }

    /**
     * Random spikes for 60 steps: the default layout and the delay-grouped one deliver at spike
     * time into rings of depth latency + max delay + 1; at each step the cell that arrives now
     * must equal, bit for bit, the sum that arrival-time processing builds from the recent
     * spikes (steps ascending, pres ascending).
     */
    private static void compareRings(SynapseGroup s, int q0, int q1, int workers) {
        String what = s.name() + " posts [" + q0 + ", " + q1 + "), " + workers + " workers";
        Csr a = (Csr) Fixtures.build(s, q0, q1, 2, workers, Layout.BY_POST);
        DelayRows b = (DelayRows) Fixtures.build(s, q0, q1, 2, workers, Layout.BY_DELAY);
        int nPost = s.post().size(), dMin = s.delays().min(), dMax = s.delays().max();
        int depth = LATENCY + dMax + 1, steps = 60;
        double[][] ringA = new double[depth][nPost], ringB = new double[depth][nPost];
        Random r = new Random(s.name().hashCode() + 31L * q0 + workers);
        List<int[]> spikes = new ArrayList<>(); // per step, pres ascending
        long eventsA = 0, eventsB = 0, eventsC = 0;
        int[] fs = new int[SynapseMatrix.BATCH + 1], ts = new int[SynapseMatrix.BATCH + 1];
        for (int t = 0; t < steps + LATENCY + dMax; t++) {
            int[] now = t < steps ? spikesOf(r, s.pre().size()) : new int[0];
            spikes.add(now);
            int slot0 = (t + LATENCY) % depth;
            for (int w = 0; w < workers; w++) {
                eventsA += a.deliverBatch(now, 0, now.length, 0, w, ringA, slot0, fs, ts);
                for (int pre : now) eventsB += b.deliver(pre, w, ringB, slot0);
            }
            double[] arriving = new double[nPost];
            for (int f = Math.max(0, t - LATENCY - dMax); f <= t - LATENCY - dMin; f++) {
                for (int pre : spikes.get(f)) {
                    for (int w = 0; w < workers; w++) eventsC += b.deliverArrival(pre, t - LATENCY - f, w, arriving);
                }
            }
            int slot = t % depth;
            assertArrayEquals(bits(ringA[slot]), bits(ringB[slot]), what + ", step " + t + ": spike-time delivery");
            assertArrayEquals(bits(ringA[slot]), bits(arriving), what + ", step " + t + ": arrival-time delivery");
            Arrays.fill(ringA[slot], 0);
            Arrays.fill(ringB[slot], 0);
        }
        assertEquals(eventsA, eventsB, what);
        assertEquals(eventsA, eventsC, what);
        assertTrue(eventsA > 0, what);
    }

    private static int[] spikesOf(Random r, int n) {
        return java.util.stream.IntStream.range(0, n).filter(i -> r.nextDouble() < 0.1).toArray();
    }

    private static long[] bits(double[] x) {
        long[] b = new long[x.length];
        for (int i = 0; i < x.length; i++) b[i] = Double.doubleToRawLongBits(x[i]);
        return b;
    }
}
