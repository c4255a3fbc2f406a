package org.izhsim.synapse;

import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Where the builds of this package run their per-worker jobs: {@link #size} workers, each
 * called once with its number by {@link #run}, which returns when all are done. The engine
 * passes its worker pool (so a build uses the simulation's threads and no others); code outside
 * a simulation passes {@link #serial()}. Every build splits its work by worker number only, so
 * its result does not depend on the number of workers.
 */
public interface Parallel {
    int size();

    /** Runs {@code job} once for each worker 0 .. size − 1 and returns when all have finished. */
    void run(IntConsumer job);

    /** One worker, the calling thread. */
    static Parallel serial() {
        return of(1, job -> job.accept(0));
    }

    /** {@code size} workers run by {@code runner} (for example a pool's run-on-every-worker call). */
    static Parallel of(int size, Consumer<IntConsumer> runner) {
        if (size < 1) throw new IllegalArgumentException("workers must be >= 1, got " + size);
        return new Parallel() {
            @Override
            public int size() {
                return size;
            }

            @Override
            public void run(IntConsumer job) {
                runner.accept(job);
            }
        };
    }
}
