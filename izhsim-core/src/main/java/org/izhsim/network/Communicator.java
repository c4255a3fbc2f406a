package org.izhsim.network;

/**
 * How the ranks of a distributed simulation talk to each other. Rank r simulates the global
 * neuron block [ownedFrom, ownedTo) (contiguous blocks of equal size in rank order) and holds the
 * synapses onto its own neurons; once per min-delay interval every rank calls
 * {@link #exchange} with the spikes its neurons fired in that interval and receives everyone's.
 * The interval is D = max(1, L + d_min) steps, where d_min is the smallest synaptic delay and
 * L = 0 for netm, 1 otherwise (see {@link Phase}): a spike of the interval's first step cannot
 * act before the next interval, so spikes are bit-identical to one rank's.
 *
 * <p>Besides the spike exchange, the collectives a run needs around it: {@link #gather} to rank
 * 0 (outputs are written once, by rank 0), {@link #allreduce} (counts and sums for progress and
 * summaries), {@link #barrier}, and {@link #abort} (one rank's error ends every rank, never a
 * hang).
 *
 * <p><b>Threads.</b> A simulation calls its communicator from one thread at a time, but not
 * always from the same one: {@link #exchange} runs in the step's serial action, on whichever
 * worker reached the step barrier last; the other calls come from the thread that drives the
 * simulation (or from the serial action). Calls never overlap and follow each other with
 * happens-before edges (the barrier), which is what MPI calls {@code MPI_THREAD_SERIALIZED}: an
 * MPI binding must initialise MPI at that level (or higher). Every rank makes the same sequence
 * of collective calls.
 *
 * <p>{@link #local()} is the single-process case; {@link InProcessRanks} fakes N ranks with
 * threads (for tests); an MPI implementation lives in its own module.
 */
public interface Communicator {
    /** Element-wise reductions of {@link #allreduce}. */
    enum Op {
        SUM, MIN, MAX;

        /** a op b, as every communicator combines two ranks' values. */
        public double apply(double a, double b) {
            return switch (this) {
                case SUM -> a + b;
                case MIN -> Math.min(a, b);
                case MAX -> Math.max(a, b);
            };
        }

        public long apply(long a, long b) {
            return switch (this) {
                case SUM -> a + b;
                case MIN -> Math.min(a, b);
                case MAX -> Math.max(a, b);
            };
        }
    }

    int rank();

    int size();

    /**
     * Collective: every rank calls it at the same steps. {@code local} holds this rank's spikes
     * of the interval sorted by (step, neuron); {@code global} is cleared and filled with all
     * ranks' spikes of the interval, sorted by (step, neuron).
     */
    void exchange(SpikeBuffer local, SpikeBuffer global);

    /**
     * Collective: rank 0 receives every rank's bytes, indexed by rank (its own included); the
     * other ranks receive null. Payloads may differ in length.
     */
    byte[][] gather(byte[] mine);

    /**
     * Collective: replaces {@code values} on every rank by the element-wise {@code op} over all
     * ranks' arrays (same length everywhere). SUM of doubles is combined in rank order, so
     * every rank gets the same bits whatever the transport.
     */
    void allreduce(double[] values, Op op);

    /** Collective: as {@link #allreduce(double[], Op)} for longs. */
    void allreduce(long[] values, Op op);

    /** Collective: returns once every rank has called it. */
    void barrier();

    /**
     * Not collective: ends every rank of the job with {@code exitCode} after this rank reported
     * {@code message} (the caller prints it first; an implementation may print it again where
     * the transport loses it). Does not return normally: MPI ends the process; the in-process
     * fake makes every rank's next or pending call throw {@link RankAbortedException}.
     */
    void abort(int exitCode, String message);

    /** First global neuron of this rank's block. */
    default int ownedFrom(int neurons) {
        return blockFrom(neurons, rank(), size());
    }

    /** One past the last global neuron of this rank's block. */
    default int ownedTo(int neurons) {
        return blockFrom(neurons, rank() + 1, size());
    }

    /** First global neuron of rank {@code rank}'s block of {@code neurons} over {@code size} ranks ({@code rank = size}: the end). */
    static int blockFrom(int neurons, int rank, int size) {
        return (int) ((long) neurons * rank / size);
    }

    /** One rank: the exchange is the identity. */
    static Communicator local() {
        return Local.INSTANCE;
    }

    /** Thrown by a rank's communicator call after another rank (or this one) aborted. */
    final class RankAbortedException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int rank, exitCode;

        public RankAbortedException(int rank, int exitCode, String message) {
            super("rank " + rank + " aborted: " + message);
            this.rank = rank;
            this.exitCode = exitCode;
        }

        /** The rank that aborted. */
        public int abortingRank() {
            return rank;
        }

        public int exitCode() {
            return exitCode;
        }
    }

    /** The single-process communicator. */
    final class Local implements Communicator {
        static final Local INSTANCE = new Local();

        private Local() {}

        @Override
        public int rank() {
            return 0;
        }

        @Override
        public int size() {
            return 1;
        }

        @Override
        public void exchange(SpikeBuffer local, SpikeBuffer global) {
            global.clear();
            global.addRange(local, 0, local.size());
        }

        @Override
        public byte[][] gather(byte[] mine) {
            return new byte[][] {mine.clone()};
        }

        @Override
        public void allreduce(double[] values, Op op) {}

        @Override
        public void allreduce(long[] values, Op op) {}

        @Override
        public void barrier() {}

        @Override
        public void abort(int exitCode, String message) {
            throw new RankAbortedException(0, exitCode, message);
        }
    }
}
