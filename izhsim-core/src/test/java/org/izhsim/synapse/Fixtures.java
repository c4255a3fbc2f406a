package org.izhsim.synapse;

import java.util.List;
import java.util.Random;
import org.izhsim.network.Connectivity;
import org.izhsim.network.Delays;
import org.izhsim.network.NeuronGroup;
import org.izhsim.network.Storage;
import org.izhsim.network.SynapseGroup;
import org.izhsim.network.Weights;

/** Synapse groups with per-synapse delays for the tests of this package, and their builds. */
final class Fixtures {
    static final long SEED = 2006;

    private Fixtures() {}

    /** k distinct random partners per post, weights uniform in [−1, 1), delays uniform in [dLo, dHi]. */
    static SynapseGroup fixedInDegree(String name, int nPre, int nPost, int k, int dLo, int dHi) {
        NeuronGroup pre = NeuronGroup.builder(name + "-pre", nPre).build(), post = NeuronGroup.builder(name + "-post", nPost).build();
        return SynapseGroup.builder(name, pre, post).connect(Connectivity.fixedInDegree(k)).weights(Weights.uniform(-1, 1))
                .delays(Delays.uniform(dLo, dHi)).storage(Storage.CSR).build();
    }

    /**
     * {@code n} explicit pairs drawn with replacement (so pairs repeat, with the same and with
     * different delays), weights of widely spread magnitudes and delays as arrays.
     */
    static SynapseGroup explicitWithRepeats(String name, int nPre, int nPost, int n, int maxDelay, long seed) {
        Random r = new Random(seed);
        int[] pre = new int[n], post = new int[n], delay = new int[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            pre[i] = r.nextInt(nPre);
            post[i] = r.nextInt(nPost);
            delay[i] = r.nextInt(maxDelay + 1);
            // magnitudes 2^-40 .. 2^40: sums of such floats round in double, so the order of
            // additions shows in the bits (sums of floats of like magnitude are exact)
            w[i] = r.nextGaussian() * Math.scalb(1.0, r.nextInt(81) - 40);
        }
        NeuronGroup a = NeuronGroup.builder(name + "-pre", nPre).build(), b = NeuronGroup.builder(name + "-post", nPost).build();
        return SynapseGroup.builder(name, a, b).connect(Connectivity.explicit(pre, post)).weights(Weights.array(w))
                .delays(Delays.array(delay)).build();
    }

    /** The groups the layout tests run on: random rules, repeated explicit pairs, wide delays. */
    static List<SynapseGroup> groups() {
        NeuronGroup exc = NeuronGroup.builder("exc", 240).build(), inh = NeuronGroup.builder("inh", 60).build();
        NeuronGroup post = NeuronGroup.builder("post", 350).build();
        return List.of(
                fixedInDegree("k", 300, 400, 40, 1, 12),
                SynapseGroup.builder("p", exc, post).connect(Connectivity.probability(0.08)).weights(Weights.uniform(0, 2))
                        .delays(Delays.uniform(0, 5)).build(),
                explicitWithRepeats("x", 50, 60, 3000, 7, 11),
                explicitWithRepeats("xx", 20, 10, 2000, 3, 12), // each (pre, post, delay) about 2.5 times
                SynapseGroup.builder("wide", inh, post).connect(Connectivity.fixedInDegree(6)).weights(Weights.uniform(-3, 0))
                        .delays(Delays.uniform(2, 300)).build());
    }

    /** The matrix of {@code s} for posts [q0, q1), built on {@code threads} threads and prepared for {@code workers}. */
    static Rows build(SynapseGroup s, int q0, int q1, int threads, int workers, Layout layout) {
        return (Rows) SynapseMatrix.build(s, SEED, q0, q1, Threads.of(threads), SynapseMatrix.split(q0, q1, workers), layout);
    }
}
