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
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.izhsim.network.NeuronGroup;
import org.izhsim.random.CounterRandom;
import org.izhsim.random.Streams;

/**
 * What a {@link Behaviour} sees of its neuron group while a simulation runs (PymoNNto's {@code
 * NeuronGroup}): the group's state as named vectors ({@code n.vector("v")}: v, u, I, fired, the
 * model's parameters, and whatever behaviours create), scalars, its afferent and efferent
 * {@link Synapses} by tag, the iteration (the step k) and counter-based random streams.
 *
 * <p>The vectors are the simulation's own arrays: a behaviour's writes are the group's state,
 * seen by monitors, snapshots and {@code Simulation.vector}. Vectors are created in
 * {@link Behaviour#init}; steps read and write existing ones. Made by the simulation, one per
 * group.
 */
public final class Group {
    private final NeuronGroup description;
    private final Map<String, double[]> vectors;
    private final Map<String, Double> scalars = new LinkedHashMap<>();
    final List<Synapses> afferent = new ArrayList<>(), efferent = new ArrayList<>();
    private final Map<String, Long> streamKeys = new ConcurrentHashMap<>();
    private final long seed;
    private final double dt;
    private final LongSupplier iteration;
    private boolean running;

    /**
     * For the simulation that runs {@code description}: {@code vectors} is the group's live state
     * by name (new vectors are added to it during init), {@code iteration} the step being run (−1
     * during init).
     */
    public Group(NeuronGroup description, Map<String, double[]> vectors, long seed, double dt, LongSupplier iteration) {
        this.description = Objects.requireNonNull(description);
        this.vectors = Objects.requireNonNull(vectors);
        this.seed = seed;
        this.dt = dt;
        this.iteration = Objects.requireNonNull(iteration);
    }

    /** Called by the simulation once every behaviour's init ran: from now on vectors are only read and written. */
    public void startRunning() {
        running = true;
    }

    /** The group's name (SORNSim's tag); it names its random streams. */
    public String tag() {
        return description.name();
    }

    /** Number of neurons N. */
    public int size() {
        return description.size();
    }

    /** The group's description. */
    public NeuronGroup description() {
        return description;
    }

    /** The behaviours by order, ascending. */
    public SortedMap<Integer, Behaviour> behaviours() {
        return description.behaviours();
    }

    /** The behaviour of this type with the lowest order, or null. */
    public <B extends Behaviour> B behaviour(Class<B> type) {
        for (Behaviour b : behaviours().values()) {
            if (type.isInstance(b)) return type.cast(b);
        }
        return null;
    }

    // ------------------------------------------------------------------------------ vectors

    /** The vector of this name, created as N zeros if absent (in init). Writes go straight to the group's state. */
    public double[] vector(String name) {
        double[] x = vectors.get(name);
        if (x == null) {
            if (name == null || name.isBlank()) throw new IllegalArgumentException("vector and scalar names must not be blank");
            if (running) {
                throw new IllegalStateException("group '" + tag() + "': vector '" + name + "' does not exist; create vectors in init");
            }
            x = new double[size()];
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
        if (values.length != size()) {
            throw new IllegalArgumentException("vector '" + name + "' of group '" + tag() + "': " + values.length
                    + " values for " + size() + " neurons");
        }
        double[] x = vector(name);
        System.arraycopy(values, 0, x, 0, size());
        return x;
    }

    /** The existing vector of this name; the error names the known ones. */
    public double[] existing(String name) {
        double[] x = vectors.get(name);
        if (x == null) {
            throw new IllegalArgumentException("group '" + tag() + "' has no vector '" + name + "'; known: "
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
            throw new IllegalArgumentException("group '" + tag() + "' has no scalar '" + name + "'; known: "
                    + String.join(", ", scalars.keySet()));
        }
        return x;
    }

    public void scalar(String name, double value) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("vector and scalar names must not be blank");
        scalars.put(name, value);
    }

    // ------------------------------------------------------------------------------ synapses

    /** The synapse groups that end at this group with this tag, in the order they were declared. */
    public List<Synapses> afferent(String synapseTag) {
        return byTag(afferent, synapseTag);
    }

    /** All synapse groups that end at this group, in the order they were declared. */
    public List<Synapses> afferent() {
        return Collections.unmodifiableList(afferent);
    }

    /** The synapse groups that start at this group with this tag. */
    public List<Synapses> efferent(String synapseTag) {
        return byTag(efferent, synapseTag);
    }

    private static List<Synapses> byTag(List<Synapses> all, String tag) {
        List<Synapses> out = new ArrayList<>();
        for (Synapses s : all) {
            if (s.tag().equals(tag)) out.add(s);
        }
        return out;
    }

    // ------------------------------------------------------------------------------ time, random

    /** The current iteration: the step k being run (0 for the first step; −1 during {@link Behaviour#init}). */
    public long iteration() {
        return iteration.getAsLong();
    }

    /** The network's step [ms]. */
    public double dt() {
        return dt;
    }

    /** t_k = k·dt [ms]. */
    public double timeMs() {
        return iteration() * dt;
    }

    /** The network's seed. */
    public long seed() {
        return seed;
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
        long sk = streamKeys.computeIfAbsent(stream, s -> Streams.key(seed, tag() + "/" + s));
        return CounterRandom.key(sk, iteration());
    }

    @Override
    public String toString() {
        return "Group(" + tag() + ", " + size() + ")";
    }
}
