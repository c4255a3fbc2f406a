package org.izhsim.network.engine;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.izhsim.network.Connectivity;
import org.izhsim.network.Network;
import org.izhsim.network.NeuronGroup;
import org.izhsim.network.Storage;
import org.izhsim.network.SynapseGroup;
import org.izhsim.synapse.Csr;
import org.izhsim.synapse.Layout;
import org.izhsim.synapse.Parallel;
import org.izhsim.synapse.SynapseMatrix;

/**
 * The built synapses: one matrix per synapse group for this rank's posts, built in declaration
 * order (groups that share a partner draw in one joint pass), and per pre group the matrices
 * its spikes go through at spike time; plastic groups are rows grouped by delay, delivered at
 * arrival by {@link Learning} instead.
 */
final class Wiring {
    /** An outgoing synapse matrix of a pre group. */
    static final class Out {
        final SynapseMatrix m;
        final GroupState target;
        /** The arrivals it adds to: the target's pulse ring, or the ring of the state variable it jumps ({@link Jumps}). */
        final double[][] ring;
        final boolean[] active; // per worker: owns posts of the target

        Out(SynapseMatrix m, GroupState target, double[][] ring, boolean[] active) {
            this.m = m;
            this.target = target;
            this.ring = ring;
            this.active = active;
        }
    }

    final Map<SynapseGroup, SynapseMatrix> matrices = new IdentityHashMap<>();
    /** The declared plastic groups, in declaration order (not in {@link #outgoing}). */
    final List<SynapseGroup> plastic = new ArrayList<>();
    /** Per pre group (by index). */
    final Out[][] outgoing;
    /** Per pre group: its matrices all target different post groups. */
    final boolean[] distinctTargets;
    final long synapseCount;

    /**
     * Builds {@code all}, the declared synapse groups, as {@code built} describes them (the same
     * list, or with the weights behaviours set in init); matrices stay keyed by the declared ones.
     */
    Wiring(List<SynapseGroup> declared, List<SynapseGroup> all, Map<NeuronGroup, GroupState> byGroup, GroupState[] groups,
           long seed, int threads, WorkerPool pool, boolean narrowPosts) {
        Map<SynapseGroup, SynapseMatrix> builtBy = new IdentityHashMap<>();
        Parallel buildPar = pool.parallel();
        for (int si = 0; si < all.size(); si++) {
            SynapseGroup s = all.get(si);
            if (builtBy.containsKey(s)) continue;
            GroupState post = byGroup.get(s.post());
            int[] bounds = Partition.postBounds(post, threads);
            List<SynapseGroup> joint = jointDraw(s, all.subList(si, all.size()));
            if (joint.size() > 1) {
                SynapseMatrix[] ms = SynapseMatrix.buildJoint(joint, seed, post.from, post.to, buildPar, bounds, Wiring::layout, narrowPosts);
                for (int m = 0; m < ms.length; m++) builtBy.put(joint.get(m), ms[m]);
            } else {
                builtBy.put(s, SynapseMatrix.build(s, seed, post.from, post.to, buildPar, bounds, layout(s), narrowPosts));
            }
        }
        long syn = 0;
        outgoing = new Out[groups.length][0];
        for (int si = 0; si < all.size(); si++) {
            SynapseGroup s = all.get(si);
            GroupState pre = byGroup.get(s.pre()), post = byGroup.get(s.post());
            SynapseMatrix m = builtBy.get(s);
            matrices.put(declared.get(si), m);
            syn += m.size();
            if (s.plasticity() != null) {
                plastic.add(declared.get(si)); // delivered at arrival by Learning
                continue;
            }
            if (post.custom()) continue; // its behaviours read it (Synapses.addFired)
            int[] bounds = Partition.postBounds(post, threads);
            boolean[] active = new boolean[threads];
            for (int t = 0; t < threads; t++) active[t] = bounds[t] < bounds[t + 1];
            outgoing[pre.index] = InputState.append(outgoing[pre.index], new Out(m, post, Jumps.ringOf(s, post), active));
        }
        synapseCount = syn;
        distinctTargets = new boolean[groups.length];
        for (int gi = 0; gi < groups.length; gi++) {
            boolean distinct = true;
            Out[] outs = outgoing[gi];
            for (int i = 0; i < outs.length; i++) for (int j = 0; j < i; j++) if (outs[i].ring == outs[j].ring) distinct = false;
            distinctTargets[gi] = distinct;
        }
    }

    /**
     * Whether every static CSR group's posts on the rank that owns neurons [lo, hi) span at most
     * {@link Csr#NARROW_SPAN}, so that all of them can keep narrow posts.
     */
    static boolean narrowPostsFit(Network net, int lo, int hi) {
        for (SynapseGroup s : net.synapses()) {
            if (s.plasticity() != null || s.resolvedStorage() == Storage.DENSE) continue;
            int from = net.offset(s.post()), to = from + s.post().size();
            if (Math.min(to, hi) - Math.max(from, lo) > Csr.NARROW_SPAN) return false;
        }
        return true;
    }

    /** Plastic groups act when a spike arrives, one (pre, delay) segment at a time. */
    private static Layout layout(SynapseGroup s) {
        return s.plasticity() != null ? Layout.BY_DELAY : Layout.BY_POST;
    }

    /** The built matrix of a declared synapse group, or null. */
    SynapseMatrix matrix(SynapseGroup declared) {
        return matrices.get(declared);
    }

    /**
     * The synapse groups (s first) that share s's partner draw and can be built in one pass:
     * same {@link Connectivity.FixedInDegreeFrom} draw, population, k and post group, CSR.
     */
    private static List<SynapseGroup> jointDraw(SynapseGroup s, List<SynapseGroup> rest) {
        if (!(s.connectivity() instanceof Connectivity.FixedInDegreeFrom f) || s.resolvedStorage() != Storage.CSR) {
            return List.of(s);
        }
        List<SynapseGroup> out = new ArrayList<>();
        for (SynapseGroup x : rest) {
            if (x.post() == s.post() && x.resolvedStorage() == Storage.CSR
                    && x.connectivity() instanceof Connectivity.FixedInDegreeFrom g
                    && g.draw().equals(f.draw()) && g.k() == f.k() && g.population().equals(f.population())) {
                boolean dupPre = false;
                for (SynapseGroup y : out) dupPre |= y.pre() == x.pre();
                if (!dupPre) out.add(x);
            }
        }
        return out;
    }
}
