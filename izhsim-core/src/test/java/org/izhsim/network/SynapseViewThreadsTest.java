package org.izhsim.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A built synapse group reads the same through {@link SynapseView} whatever the number of workers. */
class SynapseViewThreadsTest {

    @Test
    void viewIsTheWholeGroupForAnyWorkerCount() {
        for (Storage storage : Storage.values()) {
            NeuronGroup e = NeuronGroup.builder("e", 300).build(), i = NeuronGroup.builder("i", 100).build();
            SynapseGroup ee = SynapseGroup.builder("ee", e, e).connect(Connectivity.probability(0.4)).weight(0.5).storage(storage).build();
            SynapseGroup ie = SynapseGroup.builder("ie", i, e).connect(Connectivity.fixedInDegree(20)).weight(-1).storage(storage).build();
            Network net = Network.builder().seed(5).add(e).add(i).add(ee).add(ie).build();
            long[] sizes = new long[2];
            double[] sums = new double[2];
            for (int threads : new int[] {1, 2, 4}) {
                try (Simulation sim = Simulation.builder(net).threads(threads).minNeuronsPerThread(1).build()) {
                    int k = 0;
                    for (SynapseGroup s : new SynapseGroup[] {ee, ie}) {
                        SynapseView v = sim.synapses(s);
                        long n = 0;
                        double sum = 0;
                        for (int p = 0; p < v.preCount(); p++) {
                            for (int j = 0; j < v.rowLength(p); j++) {
                                n++;
                                sum += v.weight(p, j);
                            }
                        }
                        if (threads == 1) {
                            sizes[k] = v.size();
                            sums[k] = sum;
                        }
                        assertEquals(sizes[k], v.size(), storage + " " + s.name() + ": size, threads " + threads);
                        assertEquals(sums[k], sum, 0.0, storage + " " + s.name() + ": weights, threads " + threads);
                        if (s.resolvedStorage() != Storage.DENSE) assertEquals(v.size(), n, storage + " " + s.name() + ": rows, threads " + threads);
                        k++;
                    }
                }
            }
        }
    }
}
