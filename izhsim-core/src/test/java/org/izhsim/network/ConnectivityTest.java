package org.izhsim.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.izhsim.integrate.Scheme;
import org.izhsim.random.CounterRandom;
import org.izhsim.random.Streams;
import org.junit.jupiter.api.Test;

/** Connectivity rules and storage forms. */
class ConnectivityTest {

    private static SynapseView build(SynapseGroup s, int threads, NeuronGroup... groups) {
        Network.Builder nb = Network.builder().seed(77);
        for (NeuronGroup g : groups) nb.add(g);
        try (Simulation sim = Simulation.builder(nb.add(s).build()).threads(threads).minNeuronsPerThread(1).build()) {
            return sim.synapses(s);
        }
    }

    private static void assertRowsStrictlySorted(SynapseView v) {
        for (int p = 0; p < v.preCount(); p++) {
            for (int j = 1; j < v.rowLength(p); j++) {
                assertTrue(v.post(p, j - 1) < v.post(p, j), "row " + p + " sorted and without duplicates");
            }
        }
    }

    @Test
    void fixedInDegreeGivesExactlyKDistinctUniformInputs() {
        int nPre = 1000, nPost = 2000, k = 50;
        NeuronGroup pre = NeuronGroup.builder("pre", nPre).build(), post = NeuronGroup.builder("post", nPost).build();
        SynapseGroup s = SynapseGroup.builder("s", pre, post).connect(Connectivity.fixedInDegree(k)).weights(Weights.uniform(0, 1)).build();
        SynapseView v = build(s, 2, pre, post);
        assertEquals(Storage.CSR, v.storage());
        assertEquals((long) k * nPost, v.size());
        for (int d : v.inDegrees()) assertEquals(k, d, "in-degree");
        assertRowsStrictlySorted(v); // distinct partners: no post twice in a row
        // uniform over pre: chi-square of the out-degrees; draws without replacement shrink the
        // variance by (1 - k/nPre)
        double expected = (double) k * nPost / nPre, chi2 = 0;
        for (int p = 0; p < nPre; p++) chi2 += Math.pow(v.rowLength(p) - expected, 2) / expected;
        double dof = nPre - 1, mean = dof * (1 - (double) k / nPre);
        assertTrue(Math.abs(chi2 - mean) < 5 * Math.sqrt(2 * dof), "chi2 " + chi2 + " vs " + mean);
    }

    @Test
    void buildDoesNotDependOnThreadCount() {
        NeuronGroup pre = NeuronGroup.builder("pre", 700).build(), post = NeuronGroup.builder("post", 900).build();
        SynapseGroup s = SynapseGroup.builder("s", pre, post).connect(Connectivity.fixedInDegree(33))
                .weights(Weights.uniform(-1, 1)).delays(Delays.uniform(0, 7)).build();
        SynapseView a = build(s, 1, pre, post), b = build(s, 3, pre, post);
        for (int p = 0; p < 700; p++) {
            assertEquals(a.rowLength(p), b.rowLength(p));
            for (int j = 0; j < a.rowLength(p); j++) {
                assertEquals(a.post(p, j), b.post(p, j));
                assertEquals(a.weight(p, j), b.weight(p, j));
                assertEquals(a.delay(p, j), b.delay(p, j));
            }
        }
    }

    @Test
    void weightsAreThePublishedFunctionOfPreAndPost() {
        NeuronGroup pre = NeuronGroup.builder("pre", 50).build(), post = NeuronGroup.builder("post", 60).build();
        SynapseGroup s = SynapseGroup.builder("w", pre, post).connect(Connectivity.fixedInDegree(10))
                .weights(Weights.uniform(2, 3)).build();
        SynapseView v = build(s, 2, pre, post);
        long sk = Streams.key(77, "weights/w");
        for (int p = 0; p < 50; p++) {
            for (int j = 0; j < v.rowLength(p); j++) {
                int q = v.post(p, j);
                assertEquals((float) (2 + 1 * CounterRandom.uniform(CounterRandom.key(sk, q), p)), v.weight(p, j));
            }
        }
    }

    @Test
    void sharedDrawGivesKDistinctInputsFromThePopulation() {
        NeuronGroup e = NeuronGroup.builder("e", 800).build(), i = NeuronGroup.builder("i", 200).build();
        List<NeuronGroup> pop = List.of(e, i);
        SynapseGroup ee = SynapseGroup.builder("ee", e, e).connect(Connectivity.fixedInDegreeFrom(100, "toE", pop)).build();
        SynapseGroup ie = SynapseGroup.builder("ie", i, e).connect(Connectivity.fixedInDegreeFrom(100, "toE", pop)).build();
        try (Simulation sim = Simulation.builder(Network.builder().add(e).add(i).add(ee).add(ie).build()).threads(2).minNeuronsPerThread(1).build()) {
            int[] de = sim.synapses(ee).inDegrees(), di = sim.synapses(ie).inDegrees();
            long fromE = 0;
            for (int q = 0; q < 800; q++) {
                assertEquals(100, de[q] + di[q], "post " + q + " gets exactly K inputs in total");
                fromE += de[q];
            }
            double share = fromE / (800.0 * 100);
            assertTrue(Math.abs(share - 0.8) < 0.01, "80% of the inputs are excitatory, got " + share);
            assertRowsStrictlySorted(sim.synapses(ee));
            assertRowsStrictlySorted(sim.synapses(ie));
        }
    }

    @Test
    void probabilityCountIsBinomial() {
        int n = 1000;
        double p = 0.05;
        NeuronGroup g = NeuronGroup.builder("g", n).build();
        SynapseGroup s = SynapseGroup.builder("s", g, g).connect(Connectivity.probability(p)).build();
        SynapseView v = build(s, 2, g);
        double mean = p * n * n, sd = Math.sqrt(n * (double) n * p * (1 - p));
        assertTrue(Math.abs(v.size() - mean) < 5 * sd, v.size() + " synapses, expected " + mean + " ± " + sd);
        assertRowsStrictlySorted(v);
        assertEquals(Storage.CSR, v.storage());
        SynapseGroup all = SynapseGroup.builder("all", g, g).connect(Connectivity.probability(1)).build();
        assertEquals((long) n * n, build(all, 2, g).size(), "p = 1 connects every pair");
    }

    @Test
    void explicitPairsAreSortedWithTheirWeightsAndDelays() {
        NeuronGroup g = NeuronGroup.builder("g", 5).build();
        int[] pre = {3, 0, 3, 0, 3}, post = {4, 2, 1, 2, 0};
        double[] w = {1, 2, 3, 4, 5};
        int[] d = {7, 6, 5, 4, 3};
        SynapseGroup s = SynapseGroup.builder("s", g, g).connect(Connectivity.explicit(pre, post))
                .weights(Weights.array(w)).delays(Delays.array(d)).build();
        SynapseView v = build(s, 1, g);
        assertEquals(2, v.rowLength(0));
        assertEquals(2, v.post(0, 0));
        assertEquals(2.0f, v.weight(0, 0)); // parallel synapses keep their given order
        assertEquals(4.0f, v.weight(0, 1));
        assertEquals(6, v.delay(0, 0));
        assertEquals(3, v.rowLength(3));
        assertArrayEquals(new int[] {0, 1, 4}, new int[] {v.post(3, 0), v.post(3, 1), v.post(3, 2)});
        assertArrayEquals(new float[] {5, 3, 1}, new float[] {v.weight(3, 0), v.weight(3, 1), v.weight(3, 2)});
        assertArrayEquals(new int[] {3, 5, 7}, new int[] {v.delay(3, 0), v.delay(3, 1), v.delay(3, 2)});
    }

    @Test
    void storageChoice() {
        NeuronGroup g = NeuronGroup.builder("g", 100).build();
        assertEquals(Storage.DENSE, SynapseGroup.builder("a", g, g).build().resolvedStorage());
        assertEquals(Storage.DENSE, SynapseGroup.builder("b", g, g).connect(Connectivity.probability(0.5)).build().resolvedStorage());
        assertEquals(Storage.CSR, SynapseGroup.builder("c", g, g).connect(Connectivity.probability(0.1)).build().resolvedStorage());
        assertEquals(Storage.CSR, SynapseGroup.builder("d", g, g).delays(Delays.uniform(0, 3)).build().resolvedStorage());
        assertThrows(IllegalArgumentException.class, () -> SynapseGroup.builder("e", g, g)
                .delays(Delays.uniform(0, 3)).storage(Storage.DENSE).build().resolvedStorage());
    }

    private static SpikeRecording spikes(Storage st, Scheme scheme, int sparseK) {
        Izhikevich2003Network.Builder b = Izhikevich2003Network.builder().seed(21).scheme(scheme).storage(st);
        if (sparseK > 0) b.sparse(sparseK);
        Izhikevich2003Network.Built net = b.build();
        try (Simulation sim = Simulation.builder(net.network()).threads(2).minNeuronsPerThread(1).build()) {
            sim.run(300);
            return sim.recording(net.spikes());
        }
    }

    @Test
    void denseEqualsCsrInResults() {
        for (Scheme s : new Scheme[] {Scheme.NETM, Scheme.EULER}) {
            SpikeRecording dense = spikes(Storage.DENSE, s, 0), csr = spikes(Storage.CSR, s, 0);
            assertTrue(dense.count() > 1000);
            assertEquals(dense, csr, "all-to-all dense vs CSR, " + s);
            SpikeRecording sd = spikes(Storage.DENSE, s, 500), sc = spikes(Storage.CSR, s, 500);
            assertEquals(sd, sc, "fixed in-degree dense vs CSR, " + s);
        }
    }
}
