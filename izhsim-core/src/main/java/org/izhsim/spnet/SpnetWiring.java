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
     * Fills {@code ownPost}, {@code ownW} and {@code ownBeg} (one row each per worker of
     * {@code bounds}; ownBeg's rows of n·(d+1) + 1): each segment's synapses split by the worker
     * that owns their post, in the segment's order, as their post and the index of their weight
     * in {@code s} (pos[q] for an excitatory synapse q, q for an inhibitory one). A post appears
     * at most once in a segment (distinct targets), so every post's additions keep spnet.c's
     * order, whichever worker makes them.
     */
    static void splitByWorker(SpnetNetwork net, int[] bounds, int[][] ownPost, int[][] ownW, int[][] ownBeg) {
        final int[] post = net.post, dbeg = net.dbeg, pos = net.pos;
        int w = bounds.length - 1, syn = net.n * net.m, segments = net.n * net.r;
        int[] owner = new int[net.n], count = new int[w];
        for (int k = 0; k < w; k++) Arrays.fill(owner, bounds[k], bounds[k + 1], k);
        for (int q = 0; q < syn; q++) count[owner[post[q]]]++;
        for (int k = 0; k < w; k++) {
            ownPost[k] = new int[count[k]];
            ownW[k] = new int[count[k]];
        }
        Arrays.fill(count, 0);
        for (int b = 0, q = 0; b < segments; b++) {
            for (int k = 0; k < w; k++) ownBeg[k][b] = count[k];
            for (int end = b + 1 < segments ? dbeg[b + 1] : syn; q < end; q++) {
                int k = owner[post[q]], x = count[k]++;
                ownPost[k][x] = post[q];
                ownW[k][x] = q < pos.length ? pos[q] : q;
            }
        }
        for (int k = 0; k < w; k++) ownBeg[k][segments] = count[k];
    }

    /**
     * The workers' neuron ranges (bounds[w] to bounds[w+1]) with about equal work: each post
     * costs its integration, the delivery of its incoming synapses and the potentiation of its
     * excitatory afferents at its own spikes, at rates typical of spnet (4.5 Hz excitatory,
     * 33 Hz inhibitory). Cut at 1/W, the workers of the inhibitory neurons, which fire more
     * often, made the others wait at every step. The integration's weight is what a per-phase
     * timing of the two workers gave (596 / 404 for the default network; BENCHMARKS.md §6).
     * Spikes and weights do not depend on the cuts.
     */
    static int[] balancedBounds(SpnetNetwork net, int workers) {
        final int n = net.n, ne = net.ne, m = net.m;
        final double rateExc = 4.5, rateInh = 33, integration = 2000, delivery = 1, potentiation = 2;
        double[] cost = new double[n];
        for (int q = 0, syn = n * m; q < syn; q++) cost[net.post[q]] += delivery * (q / m < ne ? rateExc : rateInh);
        double total = 0;
        for (int i = 0; i < n; i++) {
            cost[i] += integration + potentiation * (i < ne ? rateExc : rateInh) * (net.pstart[i + 1] - net.pstart[i]);
            total += cost[i];
        }
        int[] bounds = new int[workers + 1];
        bounds[workers] = n;
        double acc = 0;
        for (int i = 0, w = 1; i < n && w < workers; i++) {
            while (w < workers && acc + cost[i] / 2 >= total * w / workers) bounds[w++] = i;
            acc += cost[i];
        }
        for (int w = 1; w < workers; w++) bounds[w] = Math.max(bounds[w], bounds[w - 1]);
        return bounds;
    }
}
