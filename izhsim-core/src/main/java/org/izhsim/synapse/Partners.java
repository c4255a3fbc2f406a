package org.izhsim.synapse;

import java.util.Arrays;
import org.izhsim.network.Connectivity;
import org.izhsim.network.SynapseGroup;
import org.izhsim.random.CounterRandom;
import org.izhsim.random.Streams;

/**
 * Draws the presynaptic partners of one post neuron for the random rules, as a pure function of
 * (seed, rule's stream name, post): the build can draw them twice (count, then write) instead
 * of keeping them.
 */
final class Partners {
    final Connectivity rule;
    final long cKey;
    final int nPre;
    final double logq;
    /** For FixedInDegreeFrom: the population size and this pre group's block in it. */
    final int popSize, blockOff;

    /** Per-thread scratch for the draws. */
    static final class Scratch {
        final long[] bits;
        int[] out;

        Scratch(int nPre, int cap) {
            bits = new long[(nPre >>> 6) + 1];
            out = new int[Math.max(16, cap)];
        }
    }

    Partners(SynapseGroup s, long seed) {
        rule = s.connectivity();
        nPre = s.pre().size();
        logq = rule instanceof Connectivity.Probability p ? Math.log1p(-p.p()) : 0;
        if (rule instanceof Connectivity.FixedInDegreeFrom f) {
            cKey = Streams.key(seed, "connect/" + f.draw());
            long pop = Connectivity.FixedInDegreeFrom.populationSize(f.population());
            if (pop > Integer.MAX_VALUE - 64) throw new IllegalArgumentException("population too large");
            popSize = (int) pop;
            blockOff = f.offsetOf(s.pre());
        } else {
            cKey = Streams.key(seed, "connect/" + s.name());
            popSize = nPre;
            blockOff = 0;
        }
    }

    /** The initial size of a scratch output: the in-degree if the rule fixes it. */
    static int capacity(Connectivity c) {
        return switch (c) {
            case Connectivity.FixedInDegree f -> f.k();
            case Connectivity.FixedInDegreeFrom f -> f.k();
            default -> 64;
        };
    }

    /**
     * Copies the drawn population indices that fall in [lo, lo + n) to {@code dst} as pre
     * indices, branch-free (the exc/inh split would mispredict a branch 20% of the time).
     */
    static int keep(int[] drawn, int count, int lo, int n, int[] dst) {
        int c = 0;
        for (int i = 0; i < count; i++) {
            int x = drawn[i] - lo;
            dst[c] = x;
            c += (int) ((((long) x - n) >>> 63) & ((~x) >>> 31));
        }
        return c;
    }

    /** Bits of scratch bitmap needed. */
    int universe() {
        return popSize;
    }

    /**
     * Draws k distinct indices in [0, range) from the counter stream {@code key} into
     * {@code s.out} in draw order (a duplicate is skipped and the next counter drawn), using
     * {@code s.bits} as a scratch bit set that is left cleared; returns k.
     */
    private static int distinct(long key, int k, int range, Scratch s) {
        int[] out = s.out;
        long[] bits = s.bits;
        int n = 0;
        long j = 0;
        while (n < k) {
            int p = CounterRandom.below(key, j++, range);
            long m = 1L << p;
            int wi = p >>> 6;
            if ((bits[wi] & m) == 0) {
                bits[wi] |= m;
                out[n++] = p;
            }
        }
        for (int i = 0; i < n; i++) bits[out[i] >>> 6] = 0;
        return n;
    }

    /**
     * Fills {@code s.out[0..n)} with the partners of post q and returns n: pre indices, or for
     * a shared draw ({@link Connectivity.FixedInDegreeFrom}) population indices, which each
     * member keeps if they fall in its block (see {@link #keep}).
     */
    int of(int q, Scratch s) {
        long key = CounterRandom.key(cKey, q);
        if (rule instanceof Connectivity.FixedInDegreeFrom f) return distinct(key, f.k(), popSize, s);
        if (rule instanceof Connectivity.FixedInDegree f) return distinct(key, f.k(), nPre, s);
        double p = ((Connectivity.Probability) rule).p();
        if (p <= 0) return 0;
        int n = 0;
        long pre = -1;
        long j = 0;
        while (true) {
            if (p >= 1) {
                pre++;
            } else {
                double u = CounterRandom.uniform(key, j++);
                double skip = Math.floor(Math.log1p(-u) / logq);
                if (skip >= nPre) break;
                pre += (long) skip + 1;
            }
            if (pre >= nPre) break;
            if (n == s.out.length) s.out = Arrays.copyOf(s.out, Math.min(nPre, n * 2));
            s.out[n++] = (int) pre;
        }
        return n;
    }
}
