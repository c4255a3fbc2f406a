package org.izhsim.behaviour;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.izhsim.model.Checks;
import org.izhsim.network.BlockTiming;
import org.izhsim.network.Connectivity;
import org.izhsim.network.ProgressListener;
import org.izhsim.network.SynapseGroup;
import org.izhsim.network.Weights;

/**
 * Groups, synapses and the loop that runs their behaviours (PymoNNto's {@code Network}).
 *
 * <pre>{@code
 * BehaviourNetwork net = new BehaviourNetwork(42, 1.0);           // seed, dt [ms]
 * Group exc = net.group("exc", 800, Map.of(1, dynamics, 2, input, 9, recorder));
 * net.synapses(exc, exc, "GLUTAMATE");
 * net.initialize();
 * List<BlockTiming> t = net.simulateIterations(1000, 100);       // blocks of 100 iterations
 * }</pre>
 *
 * <p>Each iteration runs, for every behaviour index in ascending order, that index's behaviour
 * of every group that has one (groups in the order added), then advances the iteration
 * counter. With {@link #threads(int) n > 1 threads} a {@link Behaviour#parallel() parallel}
 * behaviour is split into n contiguous ranges run at once; the next index waits for all of
 * them. Close the network to stop its worker threads.
 */
public final class BehaviourNetwork implements AutoCloseable {
    private final long seed;
    private final double dt;
    private final List<Group> groups = new ArrayList<>();
    private final List<Synapses> synapses = new ArrayList<>();
    private int threads = 1;
    private ExecutorService pool;
    private boolean initialized;
    private long iteration = -1;
    private ProgressListener progress;
    /** (index, group) pairs in run order, fixed by {@link #initialize()}. */
    private final List<Slot> order = new ArrayList<>();

    private record Slot(Group group, Behaviour behaviour) {}

    /**
     * @param seed the seed of every random stream (parameters, weights, noise)
     * @param dt   the step [ms] that built-in dynamics integrate over; one iteration is one step
     */
    public BehaviourNetwork(long seed, double dt) {
        this.seed = seed;
        this.dt = Checks.positive("dt", dt);
    }

    /** Adds a group of {@code size} neurons with behaviours by index (any map; run in ascending index). */
    public Group group(String tag, int size, Map<Integer, ? extends Behaviour> behaviours) {
        requireNotInitialized();
        for (Group g : groups) {
            if (g.tag().equals(tag)) throw new IllegalArgumentException("two groups are tagged '" + tag + "'");
        }
        Group g = new Group(this, tag, size, behaviours);
        groups.add(g);
        return g;
    }

    /** All-to-all synapses with weight 0 (behaviours set them, e.g. {@link Synapses#setWeights}), named "src->dst". */
    public Synapses synapses(Group src, Group dst, String tag) {
        return synapses(src.tag() + "->" + dst.tag(), src, dst, tag, Connectivity.allToAll(), Weights.constant(0));
    }

    /** Synapses from {@code src} to {@code dst}; the name keys their random streams and must be unique. */
    public Synapses synapses(String name, Group src, Group dst, String tag, Connectivity c, Weights w) {
        return synapses(Synapses.describe(name, src, dst, tag, c, w), src, dst);
    }

    /**
     * Synapses as described for a {@link org.izhsim.network.Simulation} (name, tag, connectivity,
     * weights, storage; delay 0), from {@code src} to {@code dst}: the same matrix the simulation
     * builds under this seed.
     */
    public Synapses synapses(SynapseGroup description, Group src, Group dst) {
        requireNotInitialized();
        String name = description.name();
        if (src.network() != this || dst.network() != this) {
            throw new IllegalArgumentException("synapses '" + name + "' join groups of another network");
        }
        for (Synapses s : synapses) {
            if (s.name().equals(name)) throw new IllegalArgumentException("two synapse groups are named '" + name + "'");
        }
        Synapses s = new Synapses(description, src, dst);
        synapses.add(s);
        src.efferent.add(s);
        dst.afferent.add(s);
        return s;
    }

    /** Worker threads for parallel behaviours (default 1; results are the same for any count). */
    public BehaviourNetwork threads(int n) {
        if (n < 1) throw new IllegalArgumentException("threads must be >= 1, got " + n);
        requireNotInitialized();
        this.threads = n;
        return this;
    }

    public void setProgressListener(ProgressListener listener) {
        this.progress = listener;
    }

    /** Calls every behaviour's init in index order (groups in the order added). */
    public void initialize() {
        requireNotInitialized();
        TreeSet<Integer> keys = new TreeSet<>();
        for (Group g : groups) keys.addAll(g.behaviours().keySet());
        for (int k : keys) {
            for (Group g : groups) {
                Behaviour b = g.behaviours().get(k);
                if (b != null) order.add(new Slot(g, b));
            }
        }
        for (Slot s : order) s.behaviour().init(s.group());
        for (Synapses s : synapses) s.view();
        if (threads > 1) {
            pool = Executors.newFixedThreadPool(threads - 1, r -> {
                Thread t = new Thread(r, "izhsim-behaviour");
                t.setDaemon(true);
                return t;
            });
        }
        initialized = true;
        iteration = 0;
    }

    /** Runs {@code n} iterations. */
    public void simulateIterations(long n) {
        simulateIterations(n, n <= 0 ? 1 : n);
    }

    /**
     * Runs {@code n} iterations in blocks of {@code blockSize} and returns each block's wall time
     * and spike count (SORNSim's {@code measure_block_time}); events are the synaptic events
     * added by {@link Synapses#addFired} in the block.
     */
    public List<BlockTiming> simulateIterations(long n, long blockSize) {
        if (!initialized) initialize();
        if (n < 0) throw new IllegalArgumentException("iterations must be >= 0, got " + n);
        if (blockSize < 1) throw new IllegalArgumentException("block size must be >= 1, got " + blockSize);
        List<BlockTiming> blocks = new ArrayList<>();
        long done = 0;
        long lastReport = -1;
        long totalSpikes = 0;
        while (done < n) {
            long len = Math.min(blockSize, n - done);
            long events0 = events();
            long spikes = 0;
            long t0 = System.nanoTime();
            for (long i = 0; i < len; i++) {
                spikes += iterate();
                done++;
                long pct = done * 100 / n;
                if (progress != null && pct != lastReport) {
                    lastReport = pct;
                    progress.progress((double) done / n, totalSpikes + spikes);
                }
            }
            totalSpikes += spikes;
            blocks.add(new BlockTiming(blocks.size(), len, (System.nanoTime() - t0) * 1e-9, spikes, events() - events0));
        }
        return Collections.unmodifiableList(blocks);
    }

    /** One iteration; returns the spikes ("fired" entries ≠ 0 over all groups) after it. */
    private long iterate() {
        for (Slot s : order) {
            Behaviour b = s.behaviour();
            Group g = s.group();
            if (pool == null || !b.parallel() || g.size() < threads) {
                b.step(g, 0, g.size());
            } else {
                runParallel(b, g);
            }
        }
        long spikes = 0;
        for (Group g : groups) {
            if (!g.has("fired")) continue;
            for (double f : g.existing("fired")) if (f != 0) spikes++;
        }
        iteration++;
        return spikes;
    }

    private void runParallel(Behaviour b, Group g) {
        int n = g.size();
        List<Future<?>> futures = new ArrayList<>(threads - 1);
        for (int t = 1; t < threads; t++) {
            int from = (int) ((long) n * t / threads), to = (int) ((long) n * (t + 1) / threads);
            futures.add(pool.submit(() -> b.step(g, from, to)));
        }
        RuntimeException first = null;
        try {
            b.step(g, 0, n / threads);
        } catch (RuntimeException e) {
            first = e;
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                if (first == null) {
                    first = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        if (first != null) throw first;
    }

    private long events() {
        long e = 0;
        for (Synapses s : synapses) e += s.events();
        return e;
    }

    private void requireNotInitialized() {
        if (initialized) throw new IllegalStateException("the network is already initialised");
    }

    /** The iteration about to run (−1 before {@link #initialize()}, so init-time draws have their own key). */
    public long iteration() {
        return iteration;
    }

    public double dt() {
        return dt;
    }

    public long seed() {
        return seed;
    }

    public int threads() {
        return threads;
    }

    public List<Group> groups() {
        return Collections.unmodifiableList(groups);
    }

    public List<Synapses> synapses() {
        return Collections.unmodifiableList(synapses);
    }

    /** The group with this tag; the error lists the known ones. */
    public Group group(String tag) {
        for (Group g : groups) {
            if (g.tag().equals(tag)) return g;
        }
        List<String> known = new ArrayList<>();
        for (Group g : groups) known.add(g.tag());
        throw new IllegalArgumentException("no group '" + tag + "'; known: " + String.join(", ", known));
    }

    @Override
    public void close() {
        if (pool != null) pool.shutdownNow();
    }
}
