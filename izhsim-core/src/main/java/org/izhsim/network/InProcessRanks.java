package org.izhsim.network;

import java.util.concurrent.Phaser;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * N fake ranks in one process, for testing the distributed code path without MPI: run one
 * {@link Simulation} per rank, each on its own thread, with {@code ranks.communicator(r)}.
 * Every rank must make the same collective calls. Spikes must equal a single-rank run's.
 *
 * <p>Every collective deposits this rank's part, meets the others at a barrier, reads all
 * parts, and meets them again (so that no rank overwrites its deposit before all have read it).
 * {@link Communicator#abort} terminates the barrier (a {@link Phaser}: a terminated one also
 * releases ranks that arrive later, where a reset barrier would hold a rank that checked for an
 * abort just before it came): every rank's pending or next call throws
 * {@link Communicator.RankAbortedException} naming the aborting rank, as MPI_Abort ends all
 * processes of a job.
 */
public final class InProcessRanks {
    private final int size;
    private final Object[] deposits;
    private final Phaser barrier;
    private volatile Communicator.RankAbortedException aborted;

    public InProcessRanks(int size) {
        if (size < 1) throw new IllegalArgumentException("ranks must be >= 1");
        this.size = size;
        this.deposits = new Object[size];
        this.barrier = new Phaser(size);
    }

    public int size() {
        return size;
    }

    /**
     * Runs {@code body} on every rank, each on its own thread, and returns the results indexed
     * by rank; the first rank's failure is rethrown (after every rank ended: an abort wakes them).
     */
    public <T> java.util.List<T> run(java.util.function.Function<Communicator, T> body) throws InterruptedException {
        java.util.List<java.util.concurrent.FutureTask<T>> tasks = new java.util.ArrayList<>();
        for (int r = 0; r < size; r++) {
            Communicator c = communicator(r);
            java.util.concurrent.FutureTask<T> t = new java.util.concurrent.FutureTask<>(() -> body.apply(c));
            tasks.add(t);
            Thread.ofPlatform().name("rank-" + r).daemon().start(t);
        }
        java.util.List<T> out = new java.util.ArrayList<>();
        RuntimeException first = null;
        for (java.util.concurrent.FutureTask<T> t : tasks) {
            try {
                out.add(t.get());
            } catch (java.util.concurrent.ExecutionException e) {
                if (first == null) first = e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
                out.add(null);
            }
        }
        if (first != null) throw first;
        return out;
    }

    /** The communicator of rank r. */
    public Communicator communicator(int r) {
        if (r < 0 || r >= size) throw new IllegalArgumentException("rank " + r + " of " + size);
        return new Rank(r);
    }

    private final class Rank implements Communicator {
        private final int r;

        Rank(int r) {
            this.r = r;
        }

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
            SpikeBuffer[] parts = new SpikeBuffer[size];
            for (int q = 0; q < size; q++) parts[q] = (SpikeBuffer) deposits[q];
            SpikeBuffer.mergeRanks(parts, new int[size], global);
            await();
        }

        @Override
        public byte[][] gather(byte[] mine) {
            deposits[r] = mine.clone();
            await();
            byte[][] all = null;
            if (r == 0) {
                all = new byte[size][];
                for (int q = 0; q < size; q++) all[q] = (byte[]) deposits[q];
            }
            await();
            return all;
        }

        @Override
        public void allreduce(double[] values, Op op) {
            deposits[r] = values.clone();
            await();
            double[] acc = ((double[]) deposits[0]).clone();
            for (int q = 1; q < size; q++) {
                double[] d = (double[]) deposits[q];
                checkLength(acc.length, d.length, q);
                for (int i = 0; i < acc.length; i++) acc[i] = op.apply(acc[i], d[i]);
            }
            await();
            System.arraycopy(acc, 0, values, 0, acc.length);
        }

        @Override
        public void allreduce(long[] values, Op op) {
            deposits[r] = values.clone();
            await();
            long[] acc = ((long[]) deposits[0]).clone();
            for (int q = 1; q < size; q++) {
                long[] d = (long[]) deposits[q];
                checkLength(acc.length, d.length, q);
                for (int i = 0; i < acc.length; i++) acc[i] = op.apply(acc[i], d[i]);
            }
            await();
            System.arraycopy(acc, 0, values, 0, acc.length);
        }

        @Override
        public void barrier() {
            await();
        }

        @Override
        public void abort(int exitCode, String message) {
            Communicator.RankAbortedException e = new Communicator.RankAbortedException(r, exitCode, message);
            synchronized (InProcessRanks.this) {
                if (aborted == null) aborted = e;
            }
            barrier.forceTermination(); // releases every waiting rank, and every later arrival
            throw aborted;
        }

        private void checkLength(int expected, int got, int q) {
            if (expected != got) {
                throw new IllegalStateException("allreduce: rank 0 passed " + expected + " values, rank " + q + " " + got);
            }
        }
    }

    private void await() {
        if (aborted != null) throw aborted;
        try {
            int phase = barrier.arrive();
            if (phase >= 0) barrier.awaitAdvanceInterruptibly(phase, 60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("rank interrupted", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("another rank stopped exchanging spikes", e);
        }
        if (aborted != null) throw aborted; // the barrier was terminated by an abort
    }
}
