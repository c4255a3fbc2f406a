package org.izhsim.behaviour;

import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.izhsim.network.Connectivity;
import org.izhsim.network.SynapseGroup;
import org.izhsim.network.SynapseView;
import org.izhsim.network.Weights;

/**
 * A synapse group as its behaviours see it (PymoNNto's {@code SynapseGroup}): from group
 * {@code src} to group {@code dst} with a tag, the {@link Connectivity} and {@link Weights} of
 * its {@link SynapseGroup} description, built by the simulation (the same matrix as for every
 * synapse group). A behaviour of a group whose dynamics are its behaviours reads its afferent
 * synapses with {@link #addFired}; synapses onto a group with a built-in model are delivered by
 * the simulation (delays, pulses) and may be read this way too.
 */
public final class Synapses {
    private final Group src, dst;
    private final Function<SynapseGroup, SynapseView> build;
    private SynapseGroup description;
    private SynapseView view;
    private boolean built;
    private final LongAdder events = new LongAdder();

    /**
     * For the simulation: {@code build} turns the (possibly re-weighted) description into the
     * built synapses, once, after every behaviour's init.
     */
    public Synapses(SynapseGroup description, Group src, Group dst, Function<SynapseGroup, SynapseView> build) {
        this.description = Objects.requireNonNull(description, "description");
        this.src = Objects.requireNonNull(src, "src");
        this.dst = Objects.requireNonNull(dst, "dst");
        this.build = Objects.requireNonNull(build);
        src.efferent.add(this);
        dst.afferent.add(this);
    }

    /** Names the random streams of partners and weights ("connect/&lt;name&gt;", "weights/&lt;name&gt;"). */
    public String name() { return description.name(); }
    public Group src() { return src; }
    public Group dst() { return dst; }
    public String tag() { return description.tag(); }
    public Connectivity connectivity() { return description.connectivity(); }
    public Weights weights() { return description.weights(); }
    /** The description as it will be (or was) built, with the weights of {@link #setWeights}. */
    public SynapseGroup description() { return description; }

    /**
     * Replaces the weights, in a behaviour's init (PymoNNto's {@code s.W = s.matrix('uniform')}):
     * the synapses are built with them once every init ran.
     */
    public synchronized void setWeights(Weights w) {
        if (built) throw new IllegalStateException("synapses '" + name() + "' are built; set their weights in init");
        SynapseGroup d = description;
        description = SynapseGroup.builder(d.name(), d.pre(), d.post()).tag(d.tag()).connect(d.connectivity())
                .weights(Objects.requireNonNull(w, "weights")).delays(d.delays()).storage(d.storage()).plasticity(d.plasticity()).build();
    }

    /** Called by the simulation when it builds the synapses; from then on the weights are fixed. */
    public synchronized void markBuilt() {
        built = true;
    }

    /** The built synapses: rows are src neurons, posts are dst indices ascending within a row. */
    public synchronized SynapseView view() {
        if (!built) throw new IllegalStateException("synapses '" + name() + "' are built after every behaviour's init");
        if (view == null) view = build.apply(description);
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
