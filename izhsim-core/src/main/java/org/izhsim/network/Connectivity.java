package org.izhsim.network;

import java.util.List;
import java.util.Objects;

/**
 * Which pre → post pairs a {@link SynapseGroup} connects. Self pairs (i → i when pre and post
 * are the same group) are allowed by every rule, as in net.m. Random rules are pure functions
 * of (seed, synapse-group name, post neuron): the partners of post neuron j are drawn from the
 * stream {@code "connect/" + name} with key {@code CounterRandom.key(streamKey, j)}, so the
 * result does not depend on thread count, build order or on which rank builds which posts.
 */
public sealed interface Connectivity {

    /** Every pre to every post, self included (net.m's dense S). */
    static Connectivity allToAll() {
        return AllToAll.INSTANCE;
    }

    /** Pre i → post i (groups of equal size). */
    static Connectivity oneToOne() {
        return OneToOne.INSTANCE;
    }

    /** Each pair independently with probability p (per post: geometric skips over the pres). */
    static Connectivity probability(double p) {
        return new Probability(p);
    }

    /**
     * Each post neuron gets exactly k distinct presynaptic partners chosen uniformly (the first
     * k distinct values of the sequence {@code CounterRandom.below(key(post), j, Npre)},
     * j = 0, 1, …; duplicates are skipped, which is a deterministic redraw).
     */
    static Connectivity fixedInDegree(int k) {
        return new FixedInDegree(k);
    }

    /**
     * Each post neuron gets exactly k distinct partners drawn uniformly from a population made of
     * several groups laid end to end (Brian2's sparse net2003: K inputs from all Ne + Ni neurons);
     * the synapse group keeps the partners that fall in its own pre group. Synapse groups that
     * share {@code draw} and the population split one and the same draw per post neuron (stream
     * {@code "connect/" + draw}), so together they give every post exactly k distinct inputs.
     */
    static Connectivity fixedInDegreeFrom(int k, String draw, List<NeuronGroup> population) {
        return new FixedInDegreeFrom(k, draw, List.copyOf(population));
    }

    /** Explicit pairs (pre[i], post[i]); arrays are copied. Duplicate pairs make parallel synapses. */
    static Connectivity explicit(int[] pre, int[] post) {
        return new Explicit(pre.clone(), post.clone());
    }

    /** Expected number of synapses for these group sizes. */
    double expectedSynapses(int nPre, int nPost);

    /** All pairs. */
    record AllToAll() implements Connectivity {
        static final AllToAll INSTANCE = new AllToAll();

        @Override
        public double expectedSynapses(int nPre, int nPost) {
            return (double) nPre * nPost;
        }
    }

    /** i → i. */
    record OneToOne() implements Connectivity {
        static final OneToOne INSTANCE = new OneToOne();

        @Override
        public double expectedSynapses(int nPre, int nPost) {
            return Math.min(nPre, nPost);
        }
    }

    /** Bernoulli(p) per pair. */
    record Probability(double p) implements Connectivity {
        public Probability {
            if (!(p >= 0 && p <= 1)) throw new IllegalArgumentException("connection probability must be in [0, 1], got " + p);
        }

        @Override
        public double expectedSynapses(int nPre, int nPost) {
            return p * nPre * nPost;
        }
    }

    /** Exactly k distinct inputs per post. */
    record FixedInDegree(int k) implements Connectivity {
        public FixedInDegree {
            if (k < 0) throw new IllegalArgumentException("in-degree must be >= 0, got " + k);
        }

        @Override
        public double expectedSynapses(int nPre, int nPost) {
            return (double) k * nPost;
        }
    }

    /** k distinct partners per post from a population of groups; this group keeps its share. */
    record FixedInDegreeFrom(int k, String draw, List<NeuronGroup> population) implements Connectivity {
        public FixedInDegreeFrom {
            Objects.requireNonNull(draw);
            if (population.isEmpty()) throw new IllegalArgumentException("empty population");
            if (k < 0) throw new IllegalArgumentException("in-degree must be >= 0, got " + k);
            if (k > populationSize(population)) throw new IllegalArgumentException("in-degree " + k
                    + " exceeds the population of " + populationSize(population) + " neurons");
        }

        public static long populationSize(List<NeuronGroup> pop) {
            long n = 0;
            for (NeuronGroup g : pop) n += g.size();
            return n;
        }

        /** Index of the group's first neuron within the population, or −1. */
        public int offsetOf(NeuronGroup g) {
            int off = 0;
            for (NeuronGroup x : population) {
                if (x == g) return off;
                off += x.size();
            }
            return -1;
        }

        @Override
        public double expectedSynapses(int nPre, int nPost) {
            return (double) k * nPost * nPre / populationSize(population);
        }
    }

    /** Given pairs. */
    record Explicit(int[] pre, int[] post) implements Connectivity {
        public Explicit {
            Objects.requireNonNull(pre, "pre");
            Objects.requireNonNull(post, "post");
            if (pre.length != post.length) {
                throw new IllegalArgumentException("explicit connectivity: " + pre.length + " pre but " + post.length + " post indices");
            }
        }

        @Override
        public double expectedSynapses(int nPre, int nPost) {
            return pre.length;
        }
    }
}
