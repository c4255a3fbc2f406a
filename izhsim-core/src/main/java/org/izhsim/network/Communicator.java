package org.izhsim.network;

/**
 * How the ranks of a distributed simulation exchange spikes. Rank r simulates the global neuron
 * block [ownedFrom, ownedTo) (contiguous blocks of equal size in rank order) and holds the
 * synapses onto its own neurons; once per min-delay interval every rank calls
 * {@link #exchange} with the spikes its neurons fired in that interval and receives everyone's.
 * The interval is D = max(1, L + d_min) steps, where d_min is the smallest synaptic delay and
 * L = 0 for netm, 1 otherwise (see {@link Phase}): a spike of the interval's first step cannot
 * act before the next interval, so spikes are bit-identical to one rank's.
 *
 * <p>{@link #local()} is the single-process case; {@link InProcessRanks} fakes N ranks with
 * threads (for tests); an MPI implementation lives in its own module.
 */
public interface Communicator {
    int rank();

    int size();

    /**
     * Collective: every rank calls it at the same steps. {@code local} holds this rank's spikes
     * of the interval sorted by (step, neuron); {@code global} is cleared and filled with all
     * ranks' spikes of the interval, sorted by (step, neuron).
     */
    void exchange(SpikeBuffer local, SpikeBuffer global);

    /** First global neuron of this rank's block. */
    default int ownedFrom(int neurons) {
        return (int) ((long) neurons * rank() / size());
    }

    /** One past the last global neuron of this rank's block. */
    default int ownedTo(int neurons) {
        return (int) ((long) neurons * (rank() + 1) / size());
    }

    /** One rank: the exchange is the identity. */
    static Communicator local() {
        return Local.INSTANCE;
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
    }
}
