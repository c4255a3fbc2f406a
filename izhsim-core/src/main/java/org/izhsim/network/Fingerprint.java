package org.izhsim.network;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * What a {@link Snapshot} must match to be resumed on a network: a hash of the network's
 * description (groups, their models and sizes, synapse groups and their rules, inputs, dt,
 * scheme, pulse, seed; not monitors, which observe only) and a checksum of the synapses as
 * built, which also catches a weight or delay function that changed between the two runs (for a
 * plastic group posts and delays only: its weights are state, carried by the snapshot).
 */
final class Fingerprint {
    private Fingerprint() {}

    /** The first 8 bytes of the SHA-256 of the description. */
    static long description(Network net) {
        StringBuilder s = new StringBuilder();
        s.append("dt=").append(net.dt()).append(";scheme=").append(net.scheme().id()).append(";pulse=").append(net.pulseSteps())
                .append(";seed=").append(net.seed()).append('\n');
        for (NeuronGroup g : net.groups()) {
            s.append("group ").append(g.name()).append(' ').append(g.size()).append(' ');
            if (g.equations() != null) s.append("equations ").append(g.equations().hash());
            else if (g.model2007() != null) s.append(g.model2007());
            else if (g.source() instanceof SpikeSource.Generator gen) s.append(gen);
            else if (g.source() instanceof SpikeSource.Poisson p) {
                s.append("poisson"); // its rates are a vector of the snapshot
                if (p.startMs() != null) s.append(" window ").append(Arrays.hashCode(p.startMs())).append(' ').append(Arrays.hashCode(p.stopMs()));
            }
            else s.append(g.model().name());
            s.append('\n');
        }
        for (SynapseGroup y : net.synapses()) {
            s.append("synapses ").append(y.name()).append(' ').append(y.pre().name()).append("->").append(y.post().name())
                    .append(' ').append(y.resolvedStorage()).append(" delays ").append(y.delays().min()).append("..")
                    .append(y.delays().max()).append(' ');
            if (y.connectivity() instanceof Connectivity.Explicit e) {
                s.append("explicit ").append(Arrays.hashCode(e.pre())).append(' ').append(Arrays.hashCode(e.post()));
            } else {
                s.append(y.connectivity());
            }
            // an equation rule by its model's text (the record's compiler has no stable name)
            if (y.plasticity() instanceof Plasticity.Equations e) {
                s.append(" plasticity equations ").append(e.model().normalized());
                if (!e.order().equals(Plasticity.PathwayOrder.BRIAN2)) s.append(" order ").append(e.order());
            } else if (y.plasticity() != null) s.append(" plasticity ").append(y.plasticity());
            if (!y.targetsCurrent()) s.append(" target ").append(y.target());
            s.append('\n');
        }
        for (Input in : net.inputs()) {
            s.append("input ").append(in.getClass().getSimpleName()).append(' ').append(in.name()).append(' ')
                    .append(in.group().name());
            if (in instanceof Input.Noise n) s.append(" period ").append(n.periodMs());
            if (in instanceof Input.Poisson p) s.append(" sources ").append(p.sources()).append(" weight ").append(p.weight());
            s.append('\n');
        }
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(s.toString().getBytes(StandardCharsets.UTF_8));
            long x = 0;
            for (int i = 0; i < 8; i++) x = (x << 8) | (h[i] & 0xff);
            return x;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }

    /** A 64-bit checksum of every built synapse (post, weight bits, delay) of the simulation, in build order. */
    static long synapses(Simulation sim) {
        long h = 0xcbf29ce484222325L;
        for (SynapseGroup y : sim.network().synapses()) {
            SynapseView v = sim.synapses(y);
            // a plastic group's weights are state (the snapshot carries them), not structure
            boolean weights = y.plasticity() == null;
            h = mix(h, v.size());
            for (int pre = 0; pre < v.preCount(); pre++) {
                int n = v.rowLength(pre);
                h = mix(h, n);
                for (int j = 0; j < n; j++) {
                    h = mix(h, ((long) v.post(pre, j) << 32) ^ (weights ? Float.floatToRawIntBits(v.weight(pre, j)) : 0));
                    h = mix(h, v.delay(pre, j));
                }
            }
        }
        return h;
    }

    private static long mix(long h, long x) {
        h ^= x;
        h *= 0x100000001b3L;
        return h ^ (h >>> 29);
    }
}
