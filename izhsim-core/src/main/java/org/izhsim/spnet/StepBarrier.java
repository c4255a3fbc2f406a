package org.izhsim.spnet;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A split-phase barrier over the workers of one {@link SpnetNetwork} job: {@link #arrive}
 * says "my part of this phase is published" and returns at once, {@link #await} waits until
 * every worker has arrived. The last to arrive runs the serial action before anyone is
 * released, so the action sees every worker's writes made before its arrival, and every
 * worker sees the action's writes after its await. Work placed between the two calls (spnet's
 * potentiation) overlaps the wait for the slower workers instead of adding to it. Waiters spin
 * briefly, then park.
 */
final class StepBarrier {
    // spin-wait hints before parking (0.1-1 ms, by the CPU's pause latency; a step of the
    // default network is some µs), so that a waiter parks only when another worker is off its core
    private static final int SPINS = 20_000;

    private final int parties;
    private final AtomicInteger arrived = new AtomicInteger();
    private volatile int generation;
    private final Thread[] threads;
    private final AtomicInteger[] parked;

    StepBarrier(int parties) {
        this.parties = parties;
        threads = new Thread[parties];
        parked = new AtomicInteger[parties];
        for (int w = 0; w < parties; w++) parked[w] = new AtomicInteger();
    }

    /**
     * Worker {@code worker} has finished this phase's published part; the last to arrive runs
     * {@code action}. Returns the ticket to pass to {@link #await}.
     */
    int arrive(int worker, Runnable action) {
        int gen = generation;
        if (parties == 1) {
            action.run();
            return gen;
        }
        threads[worker] = Thread.currentThread();
        if (arrived.incrementAndGet() == parties) {
            arrived.set(0);
            try {
                action.run();
            } finally {
                generation = gen + 1;
                for (int w = 0; w < parties; w++) {
                    if (w != worker && parked[w].get() != 0) LockSupport.unpark(threads[w]);
                }
            }
        }
        return gen;
    }

    /** Returns once every worker has arrived with the phase of {@code ticket}. */
    void await(int worker, int ticket) {
        if (parties == 1) return;
        for (int spins = 0; generation == ticket; spins++) {
            if (spins < SPINS) {
                Thread.onSpinWait();
                continue;
            }
            parked[worker].set(1);
            if (generation == ticket) LockSupport.park(this);
            parked[worker].set(0);
        }
    }
}
