package org.izhsim.io;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.izhsim.network.Communicator;
import org.izhsim.network.Network;
import org.izhsim.network.Simulation;
import org.izhsim.network.SynapseGroup;
import org.izhsim.network.SynapseView;

/**
 * The weights of a simulation's plastic synapse groups as {@code weights.npz}, in the names
 * {@code izhsim spnet} uses (so {@code izhsim polychronous} and the same scripts read both):
 * {@code pre}, {@code post} (network-wide neuron indices, groups laid end to end in declaration
 * order), {@code delay_ms}, {@code w}, and {@code group} (the index of the synapse group in
 * {@code groups}, a string of the plastic groups' names separated by commas). Synapses are in
 * storage order (rows by pre, grouped by delay, posts ascending within a delay).
 *
 * <p>With several ranks each rank holds the synapses onto its own posts, in that same order;
 * {@link #of(Simulation, Communicator)} gathers them to rank 0 and interleaves them into the
 * order one process has (see {@link #merge}), so the file and the statistics are one process's.
 */
public final class PlasticWeights {
    private PlasticWeights() {}

    /**
     * The plastic synapses, one entry per synapse in one process's storage order.
     *
     * @param groups  the plastic groups' names, in declaration order
     * @param group   each synapse's index in {@code groups}
     * @param pre     network-wide pre index
     * @param post    network-wide post index
     * @param delayMs the delay [ms]
     * @param w       the weight
     */
    public record Table(List<String> groups, int[] group, int[] pre, int[] post, double[] delayMs, float[] w) {
        /** As {@code weights.npz}. */
        public Npz npz() {
            return new Npz().put("pre", pre).put("post", post).put("delay_ms", delayMs).put("w", w).put("group", group)
                    .putString("groups", String.join(",", groups));
        }

        /**
         * Per plastic group: {@code group}, {@code synapses}, and if it has any {@code mean_w},
         * {@code min_w}, {@code max_w}. The mean is summed in storage order in double, the order one process
         * has, so it has the same bits for any number of ranks.
         */
        public List<Map<String, Object>> statistics() {
            List<Map<String, Object>> out = new ArrayList<>();
            int k = 0;
            for (int g = 0; g < groups.size(); g++) {
                double sum = 0;
                float min = Float.POSITIVE_INFINITY, max = Float.NEGATIVE_INFINITY;
                int from = k;
                for (; k < group.length && group[k] == g; k++) {
                    sum += w[k];
                    min = Math.min(min, w[k]);
                    max = Math.max(max, w[k]);
                }
                int n = k - from;
                Map<String, Object> s = new LinkedHashMap<>();
                s.put("group", groups.get(g));
                s.put("synapses", n);
                if (n > 0) {
                    s.put("mean_w", sum / n);
                    s.put("min_w", (double) min);
                    s.put("max_w", (double) max);
                }
                out.add(s);
            }
            return out;
        }
    }

    /** The weights of {@code sim}'s plastic groups (one process), or null if it has none. */
    public static Npz npz(Simulation sim) {
        Table t = of(sim, Communicator.local());
        return t == null ? null : t.npz();
    }

    /**
     * Collective: every rank's plastic synapses in one process's order, on rank 0; null on the
     * other ranks, and everywhere for a network without plastic groups.
     */
    public static Table of(Simulation sim, Communicator comm) {
        // a gather moves at most 2^31 bytes in all (MPI's int counts): as many rounds as that takes
        return of(sim, comm, Math.max(1, (Integer.MAX_VALUE - 1024) / BYTES_PER_SYNAPSE / comm.size()));
    }

    /** {@link #of(Simulation, Communicator)}, each rank sending at most {@code perRound} synapses per gather. */
    static Table of(Simulation sim, Communicator comm, int perRound) {
        Table mine = local(sim);
        if (mine == null || comm.size() == 1) return mine;
        int n = mine.w().length;
        long[] rounds = {Math.max(1, (n + (long) perRound - 1) / perRound)};
        comm.allreduce(rounds, Communicator.Op.MAX);
        List<List<Table>> slices = new ArrayList<>();
        for (long round = 0; round < rounds[0]; round++) {
            int from = (int) Math.min(n, round * perRound), to = (int) Math.min(n, from + (long) perRound);
            byte[][] all = comm.gather(encode(mine, from, to));
            if (all == null) continue;
            for (int r = 0; r < all.length; r++) {
                if (round == 0) slices.add(new ArrayList<>());
                slices.get(r).add(decode(all[r], mine.groups()));
            }
        }
        if (slices.isEmpty()) return null;
        List<Table> parts = new ArrayList<>();
        for (int r = 0; r < slices.size(); r++) {
            parts.add(concat(slices.get(r)));
            slices.set(r, null); // a rank's slices go once they are one table: rank 0 may hold the whole network's
        }
        return merge(parts);
    }

    private static Table local(Simulation sim) {
        Network net = sim.network();
        List<SynapseGroup> plastic = new ArrayList<>();
        long total = 0;
        for (SynapseGroup s : net.synapses()) {
            if (s.plasticity() == null) continue;
            plastic.add(s);
            total += sim.synapses(s).size();
        }
        if (plastic.isEmpty()) return null;
        int n = checkedSize(total);
        int[] pre = new int[n], post = new int[n], group = new int[n];
        double[] delay = new double[n];
        float[] w = new float[n];
        int k = 0;
        List<String> names = new ArrayList<>();
        for (int g = 0; g < plastic.size(); g++) {
            SynapseGroup s = plastic.get(g);
            names.add(s.name());
            SynapseView v = sim.synapses(s);
            int preOff = net.offset(s.pre()), postOff = net.offset(s.post());
            for (int p = 0; p < v.preCount(); p++) {
                for (int j = 0, len = v.rowLength(p); j < len; j++, k++) {
                    pre[k] = preOff + p;
                    post[k] = postOff + v.post(p, j);
                    delay[k] = v.delay(p, j) * net.dt();
                    w[k] = v.weight(p, j);
                    group[k] = g;
                }
            }
        }
        return new Table(List.copyOf(names), group, pre, post, delay, w);
    }

    private static int checkedSize(long total) {
        if (total > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("weights.npz: " + total + " plastic synapses do not fit one array; split the groups");
        }
        return (int) total;
    }

    private static final int BYTES_PER_SYNAPSE = 4 + 4 + 4 + 8 + 4;

    /** Synapses [from, to) of {@code t}. */
    private static byte[] encode(Table t, int from, int to) {
        int n = to - from;
        ByteBuffer b = ByteBuffer.allocate(4 + n * BYTES_PER_SYNAPSE).putInt(n);
        b.asIntBuffer().put(t.group(), from, n).put(t.pre(), from, n).put(t.post(), from, n);
        b.position(b.position() + 12 * n);
        b.asDoubleBuffer().put(t.delayMs(), from, n);
        b.position(b.position() + 8 * n);
        b.asFloatBuffer().put(t.w(), from, n);
        return b.array();
    }

    private static Table decode(byte[] bytes, List<String> groups) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        int n = b.getInt();
        int[] group = new int[n], pre = new int[n], post = new int[n];
        double[] delay = new double[n];
        float[] w = new float[n];
        b.asIntBuffer().get(group).get(pre).get(post);
        b.position(b.position() + 12 * n);
        b.asDoubleBuffer().get(delay);
        b.position(b.position() + 8 * n);
        b.asFloatBuffer().get(w);
        return new Table(groups, group, pre, post, delay, w);
    }

    /** The tables one after the other (one rank's slices). */
    private static Table concat(List<Table> slices) {
        Table out = allocate(slices);
        int k = 0;
        for (Table t : slices) {
            copy(t, 0, t.w().length, out, k);
            k += t.w().length;
        }
        return out;
    }

    /**
     * The ranks' synapses in one process's storage order. Each rank's part is sorted by (group,
     * pre, delay) with posts ascending within, and rank r's posts all precede rank r + 1's
     * (ranks own ascending blocks); one process holds, for each (group, pre, delay), all those
     * posts ascending. So for each key, taken in ascending order, the ranks' runs of that key
     * follow each other in rank order.
     */
    static Table merge(List<Table> parts) {
        Table out = allocate(parts);
        int[] at = new int[parts.size()];
        for (int k = 0; k < out.w().length; ) {
            int best = -1;
            for (int r = 0; r < parts.size(); r++) {
                if (at[r] < parts.get(r).w().length && (best < 0 || compare(parts.get(r), at[r], parts.get(best), at[best]) < 0)) best = r;
            }
            Table t = parts.get(best);
            int i = at[best], end = i;
            while (end < t.w().length && compare(t, end, t, i) == 0) end++;
            copy(t, i, end - i, out, k);
            at[best] = end;
            k += end - i;
        }
        return out;
    }

    private static Table allocate(List<Table> parts) {
        long total = 0;
        for (Table t : parts) total += t.w().length;
        int n = checkedSize(total);
        return new Table(parts.get(0).groups(), new int[n], new int[n], new int[n], new double[n], new float[n]);
    }

    /** Synapses [i, i + len) of {@code from} to [k, k + len) of {@code to}. */
    private static void copy(Table from, int i, int len, Table to, int k) {
        System.arraycopy(from.group(), i, to.group(), k, len);
        System.arraycopy(from.pre(), i, to.pre(), k, len);
        System.arraycopy(from.post(), i, to.post(), k, len);
        System.arraycopy(from.delayMs(), i, to.delayMs(), k, len);
        System.arraycopy(from.w(), i, to.w(), k, len);
    }

    /** Orders synapse i of a and synapse j of b by (group, pre, delay). */
    private static int compare(Table a, int i, Table b, int j) {
        int c = Integer.compare(a.group()[i], b.group()[j]);
        if (c == 0) c = Integer.compare(a.pre()[i], b.pre()[j]);
        return c != 0 ? c : Double.compare(a.delayMs()[i], b.delayMs()[j]);
    }
}
