package org.izhsim.analysis.polychronous;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The search for polychronous groups over every anchor combination of a snapshot (the package
 * documentation defines it). The combinations are cut into chunks in a fixed order (mother
 * ascending, then combinations in lexicographic order); worker threads of a fixed pool take
 * chunks in turn, each with its own {@link GroupSimulator}, and every chunk's groups are kept
 * under the chunk's number, so the merged list is the same for any thread count.
 */
public final class PolychronousSearch {
    /** Combinations per chunk: small enough to balance the threads, large enough that taking one costs nothing. */
    static final int CHUNK = 64;

    /** Most combinations a search takes on (about a day of CPU at the cost measured on a quiet network). */
    public static final long MAX_COMBINATIONS = 10_000_000_000L;

    private PolychronousSearch() {}

    /** Receives progress from the workers (any thread); {@code done} of {@code total} combinations. */
    @FunctionalInterface
    public interface Progress {
        void update(long done, long total, int groupsFound);
    }

    /**
     * @param groups             the accepted groups, by mother, then anchor combination
     * @param combinations       anchor combinations simulated
     * @param mothers            excitatory neurons with at least anchor-width strong inputs
     * @param strongSynapses     exc→exc synapses above the strong threshold (the anchor candidates)
     */
    public record Result(List<PolychronousGroup> groups, long combinations, int mothers, long strongSynapses) {}

    private record Chunk(int mother, long first, int count) {}

    /** How many anchor combinations {@link #find} would simulate; refuses more than {@link #MAX_COMBINATIONS}. */
    public static long combinations(SynapseSnapshot snapshot, SearchParams params) {
        SearchNetwork net = new SearchNetwork(snapshot, params);
        return count(net, params);
    }

    private static long count(SearchNetwork net, SearchParams params) {
        long total = 0;
        for (int i = 0; i < net.ne; i++) {
            total += choose(net.candidates(i), params.anchorWidth());
            if (total > MAX_COMBINATIONS) {
                throw new IllegalArgumentException("the search would simulate more than " + MAX_COMBINATIONS
                        + " anchor combinations (neuron " + i + " alone has " + net.candidates(i)
                        + " strong inputs); raise the strong threshold or lower the anchor width");
            }
        }
        return total;
    }

    public static Result find(SynapseSnapshot snapshot, SearchParams params, int threads, Progress progress)
            throws InterruptedException {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        SearchNetwork net = new SearchNetwork(snapshot, params);
        long total = count(net, params);
        List<Chunk> chunks = new ArrayList<>();
        int mothers = 0;
        for (int i = 0; i < net.ne; i++) {
            long c = choose(net.candidates(i), params.anchorWidth());
            if (c > 0) mothers++;
            for (long first = 0; first < c; first += CHUNK) chunks.add(new Chunk(i, first, (int) Math.min(CHUNK, c - first)));
        }
        List<List<PolychronousGroup>> found = new ArrayList<>(chunks.size());
        for (int k = 0; k < chunks.size(); k++) found.add(null);
        AtomicInteger next = new AtomicInteger();
        AtomicLong done = new AtomicLong();
        AtomicInteger groups = new AtomicInteger();
        int workers = (int) Math.max(1, Math.min(threads, chunks.size()));
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "polychronous-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                futures.add(pool.submit(() -> {
                    GroupSimulator sim = new GroupSimulator(net, params);
                    int[] comb = new int[params.anchorWidth()];
                    for (int k; (k = next.getAndIncrement()) < chunks.size(); ) {
                        if (Thread.currentThread().isInterrupted()) return;
                        Chunk c = chunks.get(k);
                        List<PolychronousGroup> mine = List.of();
                        unrank(c.first(), net.candidates(c.mother()), comb);
                        for (int j = 0; j < c.count(); j++) {
                            if (j > 0) nextCombination(comb, net.candidates(c.mother()));
                            sim.run(c.mother(), comb);
                            if (sim.accepted()) {
                                if (mine.isEmpty()) mine = new ArrayList<>();
                                mine.add(sim.group());
                            }
                        }
                        found.set(k, mine);
                        int g = groups.addAndGet(mine.size());
                        long d = done.addAndGet(c.count());
                        if (progress != null) progress.update(d, total, g);
                    }
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException re) throw re;
                    if (e.getCause() instanceof Error err) throw err;
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        List<PolychronousGroup> all = new ArrayList<>();
        for (List<PolychronousGroup> l : found) all.addAll(l);
        return new Result(List.copyOf(all), total, mothers, net.candSynapse.length);
    }

    /** C(n, k), or 0 for n < k; saturates at Long.MAX_VALUE. */
    static long choose(int n, int k) {
        if (n < k) return 0;
        long c = 1;
        for (int i = 0; i < k; i++) {
            long num = n - i;
            if (c > Long.MAX_VALUE / num) return Long.MAX_VALUE;
            c = c * num / (i + 1);
        }
        return c;
    }

    /** The combination of rank {@code rank} among the k-subsets of [0, n) in lexicographic order. */
    static void unrank(long rank, int n, int[] out) {
        int k = out.length, x = 0;
        for (int i = 0; i < k; i++) {
            while (true) {
                long c = choose(n - x - 1, k - i - 1);
                if (rank < c) break;
                rank -= c;
                x++;
            }
            out[i] = x++;
        }
    }

    /** The next combination in lexicographic order (polychron.m's loop); false after the last. */
    static boolean nextCombination(int[] comb, int n) {
        int k = comb.length, i = k - 1;
        while (i >= 0 && comb[i] == n - k + i) i--;
        if (i < 0) return false;
        comb[i]++;
        for (int j = i + 1; j < k; j++) comb[j] = comb[j - 1] + 1;
        return true;
    }
}
