package org.izhsim.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.izhsim.synapse.Layout;
import org.izhsim.synapse.Parallel;
import org.izhsim.synapse.Rows;
import org.izhsim.synapse.SynapseMatrix;
import org.junit.jupiter.api.Test;

/** {@link SynapseView} over rows grouped by delay: the same synapses, current weights. */
class SynapseViewLayoutTest {
    @Test
    void delayGroupedRowsShowTheSameSynapsesAndTheirCurrentWeights() {
        NeuronGroup pre = NeuronGroup.builder("pre", 120).build(), post = NeuronGroup.builder("post", 90).build();
        SynapseGroup s = SynapseGroup.builder("s", pre, post).connect(Connectivity.fixedInDegree(15))
                .weights(Weights.uniform(0, 1)).delays(Delays.uniform(1, 8)).build();
        SynapseView byPost = SynapseView.build(s, 7);
        Rows rows = (Rows) SynapseMatrix.build(s, 7, 0, 90, Parallel.serial(), SynapseMatrix.split(0, 90, 1), Layout.BY_DELAY);
        SynapseView byDelay = new SynapseView(rows);
        assertEquals(Storage.CSR, byDelay.storage());
        assertEquals(byPost.size(), byDelay.size());
        assertArrayEquals(byPost.inDegrees(), byDelay.inDegrees());
        for (int p = 0; p < s.pre().size(); p++) {
            assertEquals(sorted(byPost, p), sorted(byDelay, p), "row " + p);
            for (int j = 1; j < byDelay.rowLength(p); j++) {
                boolean ordered = byDelay.delay(p, j - 1) < byDelay.delay(p, j)
                        || byDelay.delay(p, j - 1) == byDelay.delay(p, j) && byDelay.post(p, j - 1) < byDelay.post(p, j);
                assertTrue(ordered, "row " + p + " is ordered by delay, then post");
            }
        }
        rows.setWeight(rows.rowStart(3), 42f);
        assertEquals(42f, byDelay.weight(3, 0));
        int[] posts = byDelay.posts(), delays = byDelay.delays();
        float[] weights = byDelay.weights();
        assertEquals(byDelay.size(), posts.length);
        for (int p = 0, k = 0; p < s.pre().size(); p++) {
            for (int j = 0; j < byDelay.rowLength(p); j++, k++) {
                assertEquals(byDelay.post(p, j), posts[k]);
                assertEquals(byDelay.delay(p, j), delays[k]);
                assertEquals(byDelay.weight(p, j), weights[k]);
            }
        }
    }

    /** Row p's synapses as "post weight delay" strings, sorted. */
    private static List<String> sorted(SynapseView v, int p) {
        List<String> r = new ArrayList<>();
        for (int j = 0; j < v.rowLength(p); j++) r.add(v.post(p, j) + " " + v.weight(p, j) + " " + v.delay(p, j));
        r.sort(Comparator.naturalOrder());
        return r;
    }
}
