package org.izhsim.network.engine;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed pool of platform threads that run one job on every worker at once; the caller is
 * worker 0 (with one thread everything runs inline on the caller). Between jobs the pool
 * threads spin briefly, then park. Jobs synchronise with the {@link #await cheap barrier},
 * whose last arriver runs a serial action: one barrier costs well under a microsecond while
 * all workers are busy, instead of an executor hand-off per step.
 */
public final class WorkerPool implements AutoCloseable {
    /** Work for one worker. */
    public interface Job {
        void run(int worker);
    }

    private static final long SPIN_NANOS = 100_000;

    private final int parties;
    private final Thread[] threads;
    private final Thread[] owner;
    private final AtomicInteger[] parkedFlags;
    // job hand-off
    private volatile int jobGeneration;
    private volatile Job job;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean closed;
    // barrier
    private final AtomicInteger arrived = new AtomicInteger();
    private volatile int barrierGeneration;

    public WorkerPool(int parties, String name) {
        if (parties < 1) throw new IllegalArgumentException("threads must be >= 1, got " + parties);
        this.parties = parties;
        this.threads = new Thread[parties];
        this.owner = new Thread[parties];
        this.parkedFlags = new AtomicInteger[parties];
        for (int i = 0; i < parties; i++) parkedFlags[i] = new AtomicInteger();
        for (int w = 1; w < parties; w++) {
            final int worker = w;
            Thread t = new Thread(() -> loop(worker), name + "-worker-" + w);
            t.setDaemon(true);
            threads[w] = t;
            owner[w] = t;
            t.start();
        }
    }

    /** This pool as the {@link org.izhsim.synapse.Parallel} the synapse builds run on. */
    org.izhsim.synapse.Parallel parallel() {
        return org.izhsim.synapse.Parallel.of(size(), job -> run(job::accept));
    }

    public int size() {
        return parties;
    }

    /** Runs {@code j} on all workers and returns when all are done; rethrows the first failure. */
    public void run(Job j) {
        if (closed) throw new IllegalStateException("simulation closed");
        owner[0] = Thread.currentThread();
        failure.set(null);
        if (parties == 1) {
            j.run(0);
            return;
        }
        job = j;
        running.set(parties - 1);
        jobGeneration = jobGeneration + 1;
        for (int w = 1; w < parties; w++) {
            if (parkedFlags[w].get() != 0) LockSupport.unpark(threads[w]);
        }
        try {
            j.run(0);
        } catch (Throwable t) {
            failure.compareAndSet(null, t);
        }
        long t0 = System.nanoTime();
        int spins = 0;
        while (running.get() != 0) {
            if (++spins < 64 || System.nanoTime() - t0 < SPIN_NANOS) {
                Thread.onSpinWait();
            } else {
                parkedFlags[0].set(1);
                if (running.get() != 0) LockSupport.parkNanos(this, 50_000);
                parkedFlags[0].set(0);
            }
        }
        job = null;
        Throwable t = failure.getAndSet(null);
        if (t instanceof RuntimeException re) throw re;
        if (t instanceof Error e) throw e;
        if (t != null) throw new RuntimeException(t);
    }

    private void loop(int w) {
        int seen = 0;
        while (true) {
            long t0 = System.nanoTime();
            int spins = 0;
            while (jobGeneration == seen && !closed) {
                if (++spins < 64 || System.nanoTime() - t0 < SPIN_NANOS) {
                    Thread.onSpinWait();
                } else {
                    parkedFlags[w].set(1);
                    if (jobGeneration == seen && !closed) LockSupport.park(this);
                    parkedFlags[w].set(0);
                }
            }
            if (closed) return;
            seen = jobGeneration;
            Job j = job;
            try {
                j.run(w);
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            }
            if (running.decrementAndGet() == 0 && parkedFlags[0].get() != 0) LockSupport.unpark(owner[0]);
        }
    }

    /**
     * A barrier over all workers of the running job; the last to arrive runs {@code action}
     * (may be null) before anyone is released, so the action sees every worker's writes and
     * every worker sees the action's. Must be called the same number of times by all workers.
     */
    public void await(int worker, Runnable action) {
        if (parties == 1) {
            if (action != null) action.run();
            return;
        }
        int gen = barrierGeneration;
        if (arrived.incrementAndGet() == parties) {
            arrived.set(0);
            try {
                if (action != null) action.run();
            } finally {
                barrierGeneration = gen + 1;
                for (int w = 0; w < parties; w++) {
                    if (w != worker && parkedFlags[w].get() != 0) LockSupport.unpark(owner[w]);
                }
            }
            return;
        }
        long t0 = 0;
        int spins = 0;
        while (barrierGeneration == gen) {
            if (++spins < 256) {
                Thread.onSpinWait();
                continue;
            }
            if (t0 == 0) t0 = System.nanoTime();
            if (System.nanoTime() - t0 < SPIN_NANOS) {
                Thread.onSpinWait();
            } else {
                parkedFlags[worker].set(1);
                if (barrierGeneration == gen) LockSupport.park(this);
                parkedFlags[worker].set(0);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        for (int w = 1; w < parties; w++) LockSupport.unpark(threads[w]);
    }
}
