package org.izhsim.spnet;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * How the workers of one {@link SpnetNetwork} job hand each other the spikes of every step, with
 * no shared counter and no serial action: worker w writes its step's spikes into its own buffer
 * ({@link #buffer}), {@link #publish}es them with one release store of its own flag, does the
 * work that needs no other worker's spikes (spnet's potentiation), and only then {@link #await}s
 * the others' flags of that step and reads their buffers. Each worker has one buffer per step
 * parity, so one flag per step suffices: a worker writes the buffer of parity p again only at
 * the step after next, after it has seen every other worker's flag of the next step, which
 * that worker sets only once it has read the buffer of p. Flags and buffers are the
 * publisher's own cache lines; readers only read them. Waiters spin with the CPU's pause hint,
 * then yield, then sleep in short parks (a worker off its core for a long time), and give up
 * once {@link #abort} says a worker failed, instead of hanging.
 */
final class StepExchange {
    private static final VarHandle FLAG = MethodHandles.arrayElementVarHandle(long[].class);
    // one flag per 128 bytes: the adjacent-line prefetcher pairs 64-byte lines
    private static final int STRIDE = 16;
    private static final int SPINS = 20_000, YIELDS = 2_000;
    private static final long PARK_NS = 20_000;

    private final int parties;
    private final long[] flags;
    // buffers[w][parity]: [0] the count, then the neurons in ascending order
    private final int[][][] buffers;
    private volatile boolean aborted;

    /** Workers {@code w} hold the neurons [bounds[w], bounds[w+1]). */
    StepExchange(int[] bounds) {
        parties = bounds.length - 1;
        flags = new long[(parties + 1) * STRIDE];
        buffers = new int[parties][2][];
        for (int w = 0; w < parties; w++) {
            for (int p = 0; p < 2; p++) buffers[w][p] = new int[bounds[w + 1] - bounds[w] + 1 + STRIDE];
        }
    }

    /** Where worker {@code w} writes its spikes of step {@code step}, from index 1. */
    int[] buffer(int w, long step) {
        return buffers[w][(int) (step & 1)];
    }

    /** Worker {@code w}'s {@code count} spikes of {@code step} are in its buffer. */
    void publish(int w, long step, int count) {
        buffers[w][(int) (step & 1)][0] = count;
        FLAG.setRelease(flags, (w + 1) * STRIDE, step + 1);
    }

    /** Returns once every worker has published {@code step}; then {@link #buffer} of any worker holds its spikes. */
    void await(int w, long step) {
        for (int x = 0; x < parties; x++) {
            if (x == w) continue;
            int slot = (x + 1) * STRIDE;
            for (int spins = 0; (long) FLAG.getAcquire(flags, slot) <= step; spins++) {
                if (aborted) throw new IllegalStateException("another worker of the network failed");
                if (spins < SPINS) Thread.onSpinWait();
                else if (spins < SPINS + YIELDS) Thread.yield();
                else LockSupport.parkNanos(this, PARK_NS);
            }
        }
    }

    /** A worker failed: the others stop waiting for it. */
    void abort() {
        aborted = true;
    }
}
