package org.izhsim.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.izhsim.integrate.Scheme;
import org.izhsim.model.Checks;
import org.izhsim.model.TimeGrid;

/**
 * A network description: neuron groups, synapse groups, inputs and monitors, plus the numerics
 * (scheme, dt, pulse length) and the seed of every random stream. Plain immutable data, no
 * threads and no state (Arbor's recipe): a {@link Simulation} builds and runs it, and two
 * simulations of one network give the same spikes.
 *
 * <p>Neurons have global indices: groups are laid out in declaration order.
 */
public final class Network {
    private final long seed;
    private final TimeGrid grid;
    private final Scheme scheme;
    private final int pulseSteps;
    private final List<NeuronGroup> groups;
    private final List<SynapseGroup> synapses;
    private final List<Input> inputs;
    private final List<Monitor<?>> monitors;
    private final Map<NeuronGroup, Integer> offsets = new IdentityHashMap<>();
    private final int neuronCount;

    private Network(Builder b) {
        this.seed = b.seed;
        this.grid = new TimeGrid(b.dt); // the builder has checked dt
        this.scheme = b.scheme;
        this.groups = List.copyOf(b.groups);
        this.synapses = List.copyOf(b.synapses);
        this.inputs = List.copyOf(b.inputs);
        this.monitors = Collections.unmodifiableList(new ArrayList<>(b.monitors));
        if (groups.isEmpty()) throw new IllegalArgumentException("a network needs at least one neuron group");
        long off = 0;
        Set<String> names = new HashSet<>();
        for (NeuronGroup g : groups) {
            if (!names.add(g.name())) throw new IllegalArgumentException("two neuron groups are named '" + g.name() + "'");
            if (offsets.put(g, (int) off) != null) throw new IllegalArgumentException("group '" + g.name() + "' added twice");
            off += g.size();
            // refused here, where dt is known, not at the run
            if (g.source() instanceof SpikeSource.Generator gen) gen.schedule(g.name(), g.size(), grid);
            if (g.source() instanceof SpikeSource.Poisson p) p.checkRates(g, seed, grid.dt());
            if (off > Integer.MAX_VALUE - 64) throw new IllegalArgumentException("a network holds at most 2^31 - 64 neurons");
        }
        this.neuronCount = (int) off;
        names.clear();
        for (SynapseGroup s : synapses) {
            if (!names.add(s.name())) throw new IllegalArgumentException("two synapse groups are named '" + s.name() + "'");
            requireMember(s.pre(), "synapse group '" + s.name() + "'");
            requireMember(s.post(), "synapse group '" + s.name() + "'");
            s.resolvedStorage();
        }
        names.clear();
        for (Input in : inputs) {
            if (!names.add(in.name())) throw new IllegalArgumentException("two inputs are named '" + in.name()
                    + "'; give one another name with named(...)");
            requireMember(in.group(), "input '" + in.name() + "'");
            if (in.group().source() != null) {
                throw new IllegalArgumentException("input '" + in.name() + "': group '" + in.group().name()
                        + "' is a spike source and takes no inputs");
            }
            switch (in) {
                case Input.Noise n -> {
                    n.sigma().checkSize("noise '" + n.name() + "' sigma", n.group().size());
                    stepsOf("noise '" + n.name() + "' period", n.periodMs());
                }
                case Input.Constant c -> c.amplitude().checkSize("constant '" + c.name() + "'", c.group().size());
                default -> { }
            }
        }
        names.clear();
        for (Monitor<?> m : monitors) {
            if (!names.add(m.name())) throw new IllegalArgumentException("two monitors are named '" + m.name()
                    + "'; give one another name with named(...)");
        }
        if (b.pulseSteps > 0) {
            this.pulseSteps = b.pulseSteps;
        } else {
            this.pulseSteps = stepsOf("synaptic pulse length", b.pulseMs);
        }
    }

    /**
     * A whole number of steps in {@code ms} (at least 1, at most 2^31 / 4, since ring buffers
     * and noise periods are int arrays), or a clear error naming {@code what}. The engine then
     * takes the same {@link TimeGrid#positiveSteps} of a noise period unchecked.
     */
    private int stepsOf(String what, double ms) {
        long k = grid.positiveSteps(ms, what);
        if (k > Integer.MAX_VALUE / 4) throw new IllegalArgumentException(what + " is too many steps");
        return (int) k;
    }

    private void requireMember(NeuronGroup g, String who) {
        if (!offsets.containsKey(g)) throw new IllegalArgumentException(who + " refers to group '" + g.name()
                + "', which is not in this network");
    }

    /**
     * This network with {@code more} monitors appended (groups, synapses and inputs are shared,
     * not copied): how a client adds its own recorders, e.g. streaming ones, to a network built
     * elsewhere.
     */
    public Network withMonitors(List<? extends Monitor<?>> more) {
        Builder b = builder().seed(seed).dt(grid.dt()).scheme(scheme).pulseSteps(pulseSteps);
        groups.forEach(b::add);
        synapses.forEach(b::add);
        inputs.forEach(b::add);
        monitors.forEach(b::add);
        more.forEach(b::add);
        return b.build();
    }

    /**
     * This network without the given monitors (compared by identity): a run that does not need
     * a monitor's recording need not keep it.
     */
    public Network withoutMonitors(List<? extends Monitor<?>> drop) {
        Builder b = builder().seed(seed).dt(grid.dt()).scheme(scheme).pulseSteps(pulseSteps);
        groups.forEach(b::add);
        synapses.forEach(b::add);
        inputs.forEach(b::add);
        for (Monitor<?> m : monitors) {
            if (drop.stream().noneMatch(d -> d == m)) b.add(m);
        }
        return b.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public long seed() { return seed; }
    /** Step length [ms]. */
    public double dt() { return grid.dt(); }
    /** ms ↔ steps of this network's dt. */
    public TimeGrid grid() { return grid; }
    public Scheme scheme() { return scheme; }
    /** Length of a synaptic current pulse in steps. */
    public int pulseSteps() { return pulseSteps; }
    public List<NeuronGroup> groups() { return groups; }
    public List<SynapseGroup> synapses() { return synapses; }
    public List<Input> inputs() { return inputs; }
    public List<Monitor<?>> monitors() { return monitors; }
    public int neuronCount() { return neuronCount; }

    /** Global index of the group's first neuron. */
    public int offset(NeuronGroup g) {
        Integer o = offsets.get(g);
        if (o == null) throw new IllegalArgumentException("group '" + g.name() + "' is not in this network");
        return o;
    }

    /** The group with this name. */
    public NeuronGroup group(String name) {
        for (NeuronGroup g : groups) if (g.name().equals(name)) return g;
        throw new IllegalArgumentException("no group named '" + name + "'; known: " + groups.stream().map(NeuronGroup::name).toList());
    }

    /** The input with this name. */
    public Input input(String name) {
        for (Input in : inputs) if (in.name().equals(name)) return in;
        throw new IllegalArgumentException("no input named '" + name + "'; known: " + inputs.stream().map(Input::name).toList());
    }

    /** Expected number of synapses of the whole network. */
    public double synapseCount() {
        double n = 0;
        for (SynapseGroup s : synapses) n += s.expectedSynapses();
        return n;
    }

    /** The largest synaptic delay in steps (0 without synapses). */
    public int maxDelay() {
        int m = 0;
        for (SynapseGroup s : synapses) m = Math.max(m, s.delays().max());
        return m;
    }

    /** Bytes a single-rank simulation of this network needs with the default thread count. */
    public long estimateBytes() {
        return estimateBytes(Runtime.getRuntime().availableProcessors());
    }

    /**
     * Bytes a single-rank simulation needs with {@code threads} workers: neuron state and
     * parameters, input buffers, the arrival ring buffers and every synapse matrix (dense: 4 bytes
     * per pair; CSR: 8 bytes per synapse, plus 1–2 for non-uniform delays, plus row indices; an
     * upper bound where static groups get narrow posts, 6 bytes per synapse),
     * without recordings (they grow with the run). Summed in doubles, so that a network of
     * billions of neurons saturates at {@link Long#MAX_VALUE} instead of overflowing into a small
     * number that any JVM seems to hold.
     */
    public long estimateBytes(int threads) {
        return estimateBytes(threads, 1);
    }

    /**
     * {@link #estimateBytes(int)} of the most loaded of {@code ranks} ranks, each owning its block
     * of neurons ({@link Communicator#blockFrom}): the largest of {@link #estimateBytes(int, int,
     * int)} over the ranks.
     */
    public long estimateBytes(int threads, int ranks) {
        long most = 0;
        for (int r = 0; r < ranks; r++) most = Math.max(most, estimateBytes(threads, r, ranks));
        return most;
    }

    /**
     * Bytes that rank {@code rank} of {@code ranks} needs with {@code threads} workers: the
     * synapses onto its own neurons (per synapse group, the part whose posts it owns: a group
     * onto another rank's neurons costs it only its row indices), and every neuron's state, as
     * the engine keeps the state of the whole network on every rank.
     */
    public long estimateBytes(int threads, int rank, int ranks) {
        double bytes = 0;
        int depth = maxDelay() + pulseSteps + 2; // an upper bound of the simulation's ring depth
        for (NeuronGroup g : groups) {
            double n = g.size();
            bytes += n * 8 * 10; // v, u, a, b, c, d, I, I_syn, r, stage currents
            boolean receives = synapses.stream().anyMatch(s -> s.post() == g)
                    || inputs.stream().anyMatch(in -> in.group() == g && in instanceof Input.Poisson);
            if (receives) bytes += n * 8 * depth;
            for (Input in : inputs) if (in.group() == g) bytes += n * 8;
        }
        for (SynapseGroup s : synapses) bytes += rankBytes(s, threads, rank, ranks);
        return saturated(bytes + 8.0 * 1024 * 1024);
    }

    /** {@link #synapseBytes(SynapseGroup, int, int, int)} of the posts of {@code s} that rank {@code rank} of {@code ranks} owns. */
    private double rankBytes(SynapseGroup s, int threads, int rank, int ranks) {
        int from = Communicator.blockFrom(neuronCount, rank, ranks), to = Communicator.blockFrom(neuronCount, rank + 1, ranks);
        int off = offset(s.post()), n = s.post().size();
        return synapseBytes(s, threads, Math.clamp(from - off, 0, n), Math.clamp(to - off, 0, n));
    }

    /** A byte count as a long, {@link Long#MAX_VALUE} beyond it (the cast saturates). */
    private static long saturated(double bytes) {
        return (long) Math.ceil(bytes);
    }

    /**
     * Bytes of the part of {@code s} onto its posts [q0, q1): what scales with the synapses
     * scales with that part, the row indices of every pre do not.
     */
    static double synapseBytes(SynapseGroup s, int threads, int q0, int q1) {
        double np = s.pre().size(), nq = q1 - q0;
        if (s.resolvedStorage() == Storage.DENSE) {
            return np * nq * 4 + np * 8;
        }
        double mean = s.connectivity() instanceof Connectivity.Explicit e
                ? Arrays.stream(e.post()).filter(q -> q >= q0 && q < q1).count()
                : s.expectedSynapses() * nq / s.post().size(); // the random rules draw per post, alike for every post
        double nnz = switch (s.connectivity()) {
            case Connectivity.Probability p -> mean + 6 * Math.sqrt(mean * (1 - p.p())) + 1;
            case Connectivity.FixedInDegreeFrom f -> {
                double q = np / Connectivity.FixedInDegreeFrom.populationSize(f.population());
                yield mean + 6 * Math.sqrt(mean * (1 - q)) + 1;
            }
            default -> mean;
        };
        int delayBytes = s.uniformDelay() ? 0 : (s.delays().max() <= 255 ? 1 : 2);
        if (s.plasticity() != null) {
            // rows by delay (segment offsets instead of a delay per synapse), the incoming index
            // (8 per synapse + 4 per post), a side array (spnet's sd) and the per-neuron traces
            double span = s.delays().max() - s.delays().min() + 1;
            return Math.ceil(nnz) * (8 + 8 + 4) + (np * span + np + 1) * 4 + (nq + 1) * 4
                    + 8.0 * (np * (s.delays().max() + 3) + 2.0 * s.post().size());
        }
        return Math.ceil(nnz) * (8 + delayBytes) + (np + 1) * 4 + (threads + 1.0) * np * 4 * 2;
    }

    /**
     * Refuses a network that cannot fit: names the -Xmx to use, or a smaller size.
     *
     * @throws IllegalStateException if {@link #estimateBytes(int)} exceeds what the JVM may still allocate
     */
    public void checkMemory(int threads) {
        checkMemory(threads, 0, "");
    }

    /**
     * {@link #checkMemory(int)} with {@code extraBytes} more that the caller will allocate for the
     * run (recordings sized by its duration, the summary's spectrum), described by {@code extra}
     * ("a 3-variable trace of 10^9 steps (24000 MB)"), which the message names when it refuses
     * and they are a noticeable part (5 %) of the estimate.
     *
     * @throws IllegalStateException if the network and the extra bytes exceed what the JVM may still allocate
     */
    public void checkMemory(int threads, long extraBytes, String extra) {
        checkMemory(threads, extraBytes, extra, 0, 1);
    }

    /**
     * {@link #checkMemory(int, long, String)} on rank {@code rank} of {@code ranks}, for its own
     * share ({@link #estimateBytes(int, int, int)}): each rank is refused only if its share does
     * not fit its JVM; the refusal names more ranks as a way out.
     */
    public void checkMemory(int threads, long extraBytes, String extra, int rank, int ranks) {
        long need = saturated((double) estimateBytes(threads, rank, ranks) + extraBytes);
        Runtime rt = Runtime.getRuntime();
        long used = rt.totalMemory() - rt.freeMemory();
        long max = rt.maxMemory();
        if (need > max - used && need <= max) {
            System.gc(); // garbage (e.g. a closed simulation) counts as used until collected
            used = rt.totalMemory() - rt.freeMemory();
        }
        if (need > max - used) {
            double suggestMb = Math.ceil((need + (double) used) * 1.15 / (1024.0 * 1024.0)) + 64;
            SynapseGroup largest = null;
            for (SynapseGroup s : synapses) {
                if (largest == null || rankBytes(s, threads, rank, ranks) > rankBytes(largest, threads, rank, ranks)) largest = s;
            }
            String hint = largest == null ? "" : String.format(Locale.ROOT,
                    "; the largest synapse group '%s' holds %.3g synapses (%s%s)", largest.name(), largest.expectedSynapses(),
                    mb(rankBytes(largest, threads, rank, ranks)), ranks > 1 ? " of them on this rank" : "");
            if (extraBytes > 0.05 * need) hint += "; the run's recordings add " + extra; // named where they matter
            long mb = (long) suggestMb;
            String xmx = mb >= 4096 ? ((mb + 1023) / 1024) + "g" : mb + "m";
            // the synapses split over ranks (each holds those onto its posts); the neurons' state does not
            String ranksOut = ranks > 1 ? "more ranks than " + ranks : "several ranks";
            String remedy = suggestMb <= 1024.0 * 1024 * 16
                    ? "run java with -Xmx" + xmx + " (./izhsim: IZHSIM_JAVA_OPTS=-Xmx" + xmx + "), use fewer neurons or synapses per "
                    + "neuron, or spread the synapses over " + ranksOut + " (mpirun, docs/cluster.md)"
                    : "no -Xmx on one machine holds this; use fewer neurons or synapses per neuron, or spread the synapses over "
                    + ranksOut + " (mpirun -np R on several machines, docs/cluster.md)";
            throw new IllegalStateException(String.format(Locale.ROOT,
                    "%s needs about %s but the JVM may allocate at most %s more (-Xmx is %s): %s%s",
                    ranks > 1 ? "rank " + rank + "'s share of this network (of " + ranks + " ranks)" : "this network",
                    mb(need), mb(max - used), mb(max), remedy, hint));
        }
    }

    private static String mb(double bytes) {
        return String.format(Locale.ROOT, "%.0f MB", bytes / (1024.0 * 1024.0));
    }

    /** Builds a {@link Network}. Defaults: seed 1, dt 1 ms, netm, pulse 1 ms. */
    public static final class Builder {
        private long seed = 1;
        private double dt = 1.0;
        private Scheme scheme = Scheme.NETM;
        private double pulseMs = 1.0;
        private int pulseSteps = 0;
        private final List<NeuronGroup> groups = new ArrayList<>();
        private final List<SynapseGroup> synapses = new ArrayList<>();
        private final List<Input> inputs = new ArrayList<>();
        private final List<Monitor<?>> monitors = new ArrayList<>();

        private Builder() {}

        public Builder seed(long s) { this.seed = s; return this; }

        /** Step length [ms]. */
        public Builder dt(double ms) { this.dt = Checks.positive("dt", ms); return this; }

        public Builder scheme(Scheme s) { this.scheme = Objects.requireNonNull(s); return this; }

        /** Length of the current pulse of one synaptic event [ms]; default 1 ms (net.m, Brian2's example). */
        public Builder pulseMs(double ms) { this.pulseMs = Checks.positive("pulse", ms); this.pulseSteps = 0; return this; }

        /** Pulse length in steps (overrides {@link #pulseMs}). */
        public Builder pulseSteps(int steps) {
            if (steps < 1) throw new IllegalArgumentException("pulse must last at least one step");
            this.pulseSteps = steps;
            return this;
        }

        public Builder add(NeuronGroup g) { groups.add(Objects.requireNonNull(g)); return this; }
        public Builder add(SynapseGroup s) { synapses.add(Objects.requireNonNull(s)); return this; }
        public Builder add(Input in) { inputs.add(Objects.requireNonNull(in)); return this; }
        public Builder add(Monitor<?> m) { monitors.add(Objects.requireNonNull(m)); return this; }

        public Network build() {
            return new Network(this);
        }
    }
}
