package org.izhsim.spnet;

import java.util.Arrays;
import org.izhsim.random.CounterRandom;
import org.izhsim.random.Streams;

/**
 * The synapses of a {@link SpnetNetwork}, drawn into its arrays as izhsim-bench/c/spnet.c draws
 * them, and their split by worker. Build time only: the step reads the arrays, not this class.
 */
final class SpnetWiring {
    private SpnetWiring() {
    }

    /**
     * Targets by rejection as spnet.c (stream connect/spnet), delays fixed or from delays/spnet,
     * into the network's {@code post}, {@code dd} and {@code dbeg} (pre order) and its
     * {@code pstart}, {@code pos} and {@code pin} (the excitatory synapses in post order).
     */
    static void connect(SpnetNetwork net) {
        final SpnetConfig cfg = net.cfg;
        final int n = net.n, ne = net.ne, m = net.m, d = net.d, r = net.r, dshift = net.dshift;
        final int[] post = net.post, dbeg = net.dbeg, pstart = net.pstart, pos = net.pos, pin = net.pin;
        final byte[] dd = net.dd;
        long kc = Streams.key(cfg.seed(), "connect/spnet"), kd = Streams.key(cfg.seed(), "delays/spnet");
        int[] seen = new int[n], drawn = new int[m], count = new int[r + 1];
        byte[] ddrawn = new byte[m];
        for (int i = 0; i < n; i++) {
            long key = CounterRandom.key(kc, i);
            int range = i < ne ? n : ne;
            long attempt = 0;
            for (int j = 0; j < m; ) {
                int x = CounterRandom.below(key, attempt++, range);
                if (x == i || seen[x] == i + 1) continue;
                seen[x] = i + 1;
                drawn[j++] = x;
            }
            long dkey = CounterRandom.key(kd, i);
            for (int j = 0; j < m; j++) {
                ddrawn[j] = (byte) (i >= ne ? 0 : cfg.uniformDelays() ? CounterRandom.below(dkey, j, d) : j / (m / d));
            }
            Arrays.fill(count, 0);
            for (int j = 0; j < m; j++) count[(ddrawn[j] & 0xFF) + 1]++;
            for (int k = 0; k < d; k++) count[k + 1] += count[k];
            int base = i * m, b0 = i * r;
            for (int k = 0; k <= d; k++) dbeg[b0 + k] = base + count[k];
            for (int j = 0; j < m; j++) {
                int q = base + count[ddrawn[j] & 0xFF]++;
                post[q] = drawn[j];
                dd[q] = ddrawn[j];
            }
        }
        for (int q = 0; q < ne * m; q++) pstart[post[q] + 1]++;
        for (int i = 0; i < n; i++) pstart[i + 1] += pstart[i];
        int[] fill = Arrays.copyOf(pstart, n);
        for (int j = 0; j < ne; j++) {
            for (int q = j * m; q < (j + 1) * m; q++) {
                int p = fill[post[q]]++;
                pos[q] = p;
                pin[p] = j << dshift | (dd[q] & 0xFF);
            }
        }
    }

    /**
     * Fills {@code ownQ} and {@code ownBeg} (one row each per worker of {@code bounds}; ownBeg's
     * rows of n·(d+1) + 1): each segment's synapses split by the worker that owns their post, in
     * the segment's order. A post appears at most once in a segment (distinct targets), so every
     * post's additions keep spnet.c's order, whichever worker makes them.
     */
    static void splitByWorker(SpnetNetwork net, int[] bounds, int[][] ownQ, int[][] ownBeg) {
        final int[] post = net.post, dbeg = net.dbeg;
        int w = bounds.length - 1, syn = net.n * net.m, segments = net.n * net.r;
        int[] owner = new int[net.n], count = new int[w];
        for (int k = 0; k < w; k++) Arrays.fill(owner, bounds[k], bounds[k + 1], k);
        for (int q = 0; q < syn; q++) count[owner[post[q]]]++;
        for (int k = 0; k < w; k++) ownQ[k] = new int[count[k]];
        Arrays.fill(count, 0);
        for (int b = 0, q = 0; b < segments; b++) {
            for (int k = 0; k < w; k++) ownBeg[k][b] = count[k];
            for (int end = b + 1 < segments ? dbeg[b + 1] : syn; q < end; q++) {
                int k = owner[post[q]];
                ownQ[k][count[k]++] = q;
            }
        }
        for (int k = 0; k < w; k++) ownBeg[k][segments] = count[k];
    }
}
