package org.izhsim.synapse;

import java.util.concurrent.atomic.AtomicReference;

/** A {@link Parallel} of real threads for tests: worker 0 is the caller, the others start per job. */
final class Threads {
    private Threads() {}

    static Parallel of(int n) {
        return Parallel.of(n, job -> {
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread[] ts = new Thread[n];
            for (int w = 1; w < n; w++) {
                final int worker = w;
                ts[w] = new Thread(() -> {
                    try {
                        job.accept(worker);
                    } catch (Throwable t) {
                        failure.compareAndSet(null, t);
                    }
                });
                ts[w].start();
            }
            try {
                job.accept(0);
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            }
            for (int w = 1; w < n; w++) {
                try {
                    ts[w].join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            if (failure.get() != null) throw new IllegalStateException("worker failed", failure.get());
        });
    }
}
