package org.izhsim.behaviour;

import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import org.izhsim.network.Connectivity;
import org.izhsim.network.NeuronGroup;
import org.izhsim.network.SynapseGroup;
import org.izhsim.network.SynapseView;
import org.izhsim.network.Weights;

/**
 * Synapses from group {@code src} to group {@code dst} with a tag (PymoNNto's {@code
 * SynapseGroup}): a {@link Connectivity} rule and {@link Weights} as in {@link
 * org.izhsim.network}, built into the same storage a {@link org.izhsim.network.Simulation} uses
 * ({@link SynapseView#build}), so the partners and weights of synapse group "x" under seed s are
 * those of a simulation's synapse group "x" under s. No delays: a behaviour reads the source's
 * spikes of its choice (the "fired" vector) when it runs.
 */
public final class Synapses {
    private final Group src, dst;
    private SynapseGroup description;
    private SynapseView view;
    private final LongAdder events = new LongAdder();

    /** From a description whose pre and post sizes are those of {@code src} and {@code dst}; delay 0 only. */
    Synapses(SynapseGroup description, Group src, Group dst) {
        this.description = Objects.requireNonNull(description, "description");
        this.src = Objects.requireNonNull(src, "src");
        this.dst = Objects.requireNonNull(dst, "dst");
        String who = "synapses '" + description.name() + "'";
        if (description.pre().size() != src.size() || description.post().size() != dst.size()) {
            throw new IllegalArgumentException(who + " describe " + description.pre().size() + " -> " + description.post().size()
                    + " neurons but join groups of " + src.size() + " and " + dst.size());
        }
        if (description.delays().max() != 0) throw new IllegalArgumentException(who + " have delays; behaviours support delay 0 only");
    }

    /** A description for groups without one: pre and post named by the groups' tags. */
    static SynapseGroup describe(String name, Group src, Group dst, String tag, Connectivity c, Weights w) {
        return SynapseGroup.builder(name, NeuronGroup.builder(src.tag(), src.size()).build(),
                        NeuronGroup.builder(dst.tag(), dst.size()).build())
                .tag(tag).connect(c).weights(w).delay(0).build();
    }

    /** Names the random streams of partners and weights ("connect/&lt;name&gt;", "weights/&lt;name&gt;"). */
    public String name() { return description.name(); }
    public Group src() { return src; }
    public Group dst() { return dst; }
    public String tag() { return description.tag(); }
    public Connectivity connectivity() { return description.connectivity(); }
    public Weights weights() { return description.weights(); }

    /** Replaces the weights (e.g. in a behaviour's init, as PymoNNto's {@code s.W = s.matrix('uniform')}); rebuilt lazily. */
    public synchronized void setWeights(Weights w) {
        SynapseGroup d = description;
        description = SynapseGroup.builder(d.name(), d.pre(), d.post()).tag(d.tag()).connect(d.connectivity())
                .weights(Objects.requireNonNull(w, "weights")).delays(d.delays()).storage(d.storage()).build();
        view = null;
    }

    /** The built synapses: rows are src neurons, posts are dst indices ascending within a row. */
    public synchronized SynapseView view() {
        if (view == null) view = SynapseView.build(description, src.seed());
        return view;
    }

    /**
     * For every src neuron with {@code fired[pre] != 0}, in ascending order, adds its weights
     * onto {@code out[post]} for its posts in [from, to): the sum {@code Σ_fired W[post, pre]}
     * (PymoNNto's {@code np.sum(s.W[:, s.src.fired], axis=1)}) accumulated in ascending pre
     * order, so it is bit-identical for any split of [from, to). Returns the events added.
     */
    public long addFired(double[] fired, double[] out, int from, int to) {
        SynapseView m = view();
        if (fired.length != m.preCount()) {
            throw new IllegalArgumentException("synapses '" + name() + "': " + fired.length + " fired flags for "
                    + m.preCount() + " source neurons");
        }
        long ev = 0;
        for (int pre = 0, n = fired.length; pre < n; pre++) {
            if (fired[pre] == 0) continue;
            int len = m.rowLength(pre);
            int j = from == 0 ? 0 : firstAtLeast(m, pre, len, from);
            for (; j < len; j++) {
                int post = m.post(pre, j);
                if (post >= to) break;
                out[post] += m.weight(pre, j);
                ev++;
            }
        }
        events.add(ev);
        return ev;
    }

    /** {@link #addFired(double[], double[], int, int)} with the src group's "fired" vector. */
    public long addFired(double[] out, int from, int to) {
        return addFired(src.existing("fired"), out, from, to);
    }

    /** Synaptic events added so far by {@link #addFired}. */
    public long events() {
        return events.sum();
    }

    private static int firstAtLeast(SynapseView m, int pre, int len, int post) {
        int lo = 0, hi = len;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (m.post(pre, mid) < post) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    @Override
    public String toString() {
        return "Synapses(" + name() + ": " + src.tag() + " -> " + dst.tag() + ", " + tag() + ")";
    }
}
