package org.izhsim.network;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * N fake ranks in one process, for testing the distributed code path without MPI: run one
 * {@link Simulation} per rank, each on its own thread, with {@code ranks.communicator(r)}.
 * Every rank must run the same number of steps. Spikes must equal a single-rank run's.
 */
public final class InProcessRanks {
    private final int size;
    private final SpikeBuffer[] deposits;
    private final CyclicBarrier barrier;

    public InProcessRanks(int size) {
        if (size < 1) throw new IllegalArgumentException("ranks must be >= 1");
        this.size = size;
        this.deposits = new SpikeBuffer[size];
        this.barrier = new CyclicBarrier(size);
    }

    public int size() {
        return size;
    }

    /** The communicator of rank r. */
    public Communicator communicator(int r) {
        if (r < 0 || r >= size) throw new IllegalArgumentException("rank " + r + " of " + size);
        return new Communicator() {
            @Override
            public int rank() {
                return r;
            }

            @Override
            public int size() {
                return size;
            }

            @Override
            public void exchange(SpikeBuffer local, SpikeBuffer global) {
                deposits[r] = local;
                await();
                merge(global);
                await();
            }
        };
    }

    private void await() {
        try {
            barrier.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("rank interrupted", e);
        } catch (BrokenBarrierException | TimeoutException e) {
            throw new IllegalStateException("another rank stopped exchanging spikes", e);
        }
    }

    /** Merges the deposits by step; within a step rank blocks ascend, so rank order is neuron order. */
    private void merge(SpikeBuffer out) {
        out.clear();
        int[] pos = new int[size];
        while (true) {
            long s = Long.MAX_VALUE;
            for (int r = 0; r < size; r++) if (pos[r] < deposits[r].size()) s = Math.min(s, deposits[r].step(pos[r]));
            if (s == Long.MAX_VALUE) return;
            for (int r = 0; r < size; r++) {
                SpikeBuffer d = deposits[r];
                int from = pos[r], to = from;
                while (to < d.size() && d.step(to) == s) to++;
                out.addRange(d, from, to);
                pos[r] = to;
            }
        }
    }
}
