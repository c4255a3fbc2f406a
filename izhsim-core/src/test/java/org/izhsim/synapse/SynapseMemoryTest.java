package org.izhsim.synapse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.izhsim.network.Connectivity;
import org.izhsim.network.Delays;
import org.izhsim.network.NeuronGroup;
import org.izhsim.network.SynapseGroup;
import org.izhsim.network.Weights;
import org.junit.jupiter.api.Test;

/**
 * The bytes per synapse that the package docs state, on spnet's excitatory synapses (800 pres,
 * 100 targets each among 1000 neurons, no duplicates or self-synapses, 5 per delay 1..20 ms):
 * a plastic synapse (rows by delay, sd, the incoming index) costs at most 12 bytes more than
 * a static one (issue 15).
 */
class SynapseMemoryTest {
    private static final int NE = 800, N = 1000, M = 100, D = 20;

    @Test
    void aPlasticSpnetSynapseCostsAtMostTwelveBytesMore() {
        SynapseGroup s = spnetExcitatory();
        long nnz = (long) NE * M;
        for (int workers = 1; workers <= 2; workers++) {
            Rows fixed = Fixtures.build(s, 0, N, 1, workers, Layout.BY_POST);
            Rows plastic = Fixtures.build(s, 0, N, 1, workers, Layout.BY_DELAY);
            assertEquals(nnz, fixed.count());
            // posts and weights, row starts, a delay byte, W - 1 cuts per pre
            assertEquals(8 * nnz + 4L * (NE + 1) + nnz + 4L * NE * (workers - 1), fixed.bytes());
            // posts and weights, row starts, a 2-byte count per (pre, worker, delay value), block starts past one worker
            assertEquals(8 * nnz + 4L * (NE + 1) + 2L * NE * workers * D + (workers > 1 ? 4L * (NE * workers + 1) : 0), plastic.bytes());
            plastic.sideArray("sd");
            plastic.incoming(Parallel.serial());
            double extra = (double) (plastic.bytes() - fixed.bytes()) / nnz;
            assertTrue(extra <= 12, extra + " bytes more per synapse with " + workers + " workers");
            assertTrue(extra > 11, "the count includes sd and the incoming index: " + extra);
        }
    }

    /** spnet.cpp's excitatory connectivity, drawn here with a seeded generator. */
    private static SynapseGroup spnetExcitatory() {
        Random r = new Random(42);
        int[] pre = new int[NE * M], post = new int[NE * M], delay = new int[NE * M];
        for (int i = 0; i < NE; i++) {
            boolean[] taken = new boolean[N];
            taken[i] = true;
            for (int j = 0; j < M; j++) {
                int q;
                do q = r.nextInt(N); while (taken[q]);
                taken[q] = true;
                pre[i * M + j] = i;
                post[i * M + j] = q;
                delay[i * M + j] = 1 + j / (M / D);
            }
        }
        NeuronGroup exc = NeuronGroup.builder("exc", NE).build(), all = NeuronGroup.builder("all", N).build();
        return SynapseGroup.builder("ee", exc, all).connect(Connectivity.explicit(pre, post)).weights(Weights.constant(6))
                .delays(Delays.array(delay)).build();
    }
}
