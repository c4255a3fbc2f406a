package org.izhsim.behaviour;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.izhsim.random.CounterRandom;
import org.izhsim.random.Streams;

/**
 * N neurons as named vectors (PymoNNto's {@code NeuronGroup}): {@code n.vector("v")} is the
 * membrane potential of every neuron, created (zeros) by the first behaviour that asks for it.
 * Scalars ({@code n.scalar("dt")}) hold per-group constants. The group also knows its behaviours
 * (by index), its afferent and efferent {@link Synapses}, the iteration and the random streams.
 *
 * <p>Vectors are created during {@link Behaviour#init} or in serial steps; parallel steps only
 * read and write existing ones.
 */
public final class Group {
    private final BehaviourNetwork net;
    private final String tag;
    private final int size;
    private final SortedMap<Integer, Behaviour> behaviours;
    private final Map<String, double[]> vectors = new LinkedHashMap<>();
    private final Map<String, Double> scalars = new LinkedHashMap<>();
    final List<Synapses> afferent = new ArrayList<>(), efferent = new ArrayList<>();
    private final Map<String, Long> streamKeys = new ConcurrentHashMap<>();

    Group(BehaviourNetwork net, String tag, int size, Map<Integer, ? extends Behaviour> behaviours) {
        this.net = net;
        this.tag = Objects.requireNonNull(tag, "tag");
        if (tag.isBlank()) throw new IllegalArgumentException("group tag must not be blank");
        if (size < 1) throw new IllegalArgumentException("group '" + tag + "' needs at least one neuron, got " + size);
        this.size = size;
        this.behaviours = Collections.unmodifiableSortedMap(new TreeMap<>(behaviours));
        for (Map.Entry<Integer, ? extends Behaviour> e : this.behaviours.entrySet()) {
            Objects.requireNonNull(e.getValue(), () -> "group '" + tag + "': behaviour " + e.getKey() + " is null");
        }
    }

    /** The group's name (SORNSim's tag); it names its random streams. */
    public String tag() {
        return tag;
    }

    /** Number of neurons N. */
    public int size() {
        return size;
    }

    public BehaviourNetwork network() {
        return net;
    }

    /** The behaviours by index, ascending. */
    public SortedMap<Integer, Behaviour> behaviours() {
        return behaviours;
    }

    /** The behaviour of this type with the lowest index, or null. */
    public <B extends Behaviour> B behaviour(Class<B> type) {
        for (Behaviour b : behaviours.values()) {
            if (type.isInstance(b)) return type.cast(b);
        }
        return null;
    }

    // ------------------------------------------------------------------------------ vectors

    /** The vector of this name, created as N zeros if absent. Writes go straight to the group's state. */
    public double[] vector(String name) {
        double[] x = vectors.get(name);
        if (x == null) {
            checkName(name);
            x = new double[size];
            vectors.put(name, x);
        }
        return x;
    }

    /** The vector of this name filled with {@code value} (created if absent). */
    public double[] vector(String name, double value) {
        double[] x = vector(name);
        Arrays.fill(x, value);
        return x;
    }

    /** Sets a vector (copied; length N). */
    public double[] setVector(String name, double[] values) {
        if (values.length != size) {
            throw new IllegalArgumentException("vector '" + name + "' of group '" + tag + "': " + values.length
                    + " values for " + size + " neurons");
        }
        double[] x = vector(name);
        System.arraycopy(values, 0, x, 0, size);
        return x;
    }

    /** The existing vector of this name; the error names the known ones. */
    public double[] existing(String name) {
        double[] x = vectors.get(name);
        if (x == null) {
            throw new IllegalArgumentException("group '" + tag + "' has no vector '" + name + "'; known: "
                    + String.join(", ", vectors.keySet()));
        }
        return x;
    }

    public boolean has(String name) {
        return vectors.containsKey(name);
    }

    /** Names of the vectors, in creation order. */
    public Set<String> vectorNames() {
        return Collections.unmodifiableSet(vectors.keySet());
    }

    /** The scalar of this name; the error names the known ones. */
    public double scalar(String name) {
        Double x = scalars.get(name);
        if (x == null) {
            throw new IllegalArgumentException("group '" + tag + "' has no scalar '" + name + "'; known: "
                    + String.join(", ", scalars.keySet()));
        }
        return x;
    }

    public void scalar(String name, double value) {
        checkName(name);
        scalars.put(name, value);
    }

    private void checkName(String name) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("vector and scalar names must not be blank");
    }

    // ------------------------------------------------------------------------------ synapses

    /** The synapse groups that end at this group with this tag, in the order they were added. */
    public List<Synapses> afferent(String synapseTag) {
        List<Synapses> out = new ArrayList<>();
        for (Synapses s : afferent) {
            if (s.tag().equals(synapseTag)) out.add(s);
        }
        return out;
    }

    /** All synapse groups that end at this group, in the order they were added. */
    public List<Synapses> afferent() {
        return Collections.unmodifiableList(afferent);
    }

    /** The synapse groups that start at this group with this tag. */
    public List<Synapses> efferent(String synapseTag) {
        List<Synapses> out = new ArrayList<>();
        for (Synapses s : efferent) {
            if (s.tag().equals(synapseTag)) out.add(s);
        }
        return out;
    }

    // ------------------------------------------------------------------------------ time, random

    /** The current iteration k (0 for the first step; −1 during {@link Behaviour#init}). */
    public long iteration() {
        return net.iteration();
    }

    /** The network's step [ms]. */
    public double dt() {
        return net.dt();
    }

    /** t_k = k·dt [ms]. */
    public double timeMs() {
        return net.iteration() * net.dt();
    }

    /** The network's seed. */
    public long seed() {
        return net.seed();
    }

    /**
     * A uniform number on [0, 1) for neuron i in this iteration from the stream
     * "&lt;tag&gt;/&lt;stream&gt;": {@code CounterRandom.uniform(key(Streams.key(seed, tag + "/" +
     * stream), k), i)} with k the iteration (−1 in init), the same for any thread count.
     */
    public double uniform(String stream, int i) {
        return CounterRandom.uniform(iterationKey(stream), i);
    }

    /** A standard normal draw for neuron i in this iteration (same keys as {@link #uniform}). */
    public double gaussian(String stream, int i) {
        return CounterRandom.gaussian(iterationKey(stream), i);
    }

    /** The counter key of this iteration in stream "&lt;tag&gt;/&lt;stream&gt;" (for hot loops: {@code CounterRandom.uniform(key, i)}). */
    public long iterationKey(String stream) {
        long sk = streamKeys.computeIfAbsent(stream, s -> Streams.key(net.seed(), tag + "/" + s));
        return CounterRandom.key(sk, net.iteration());
    }

    @Override
    public String toString() {
        return "Group(" + tag + ", " + size + ")";
    }
}
