package org.izhsim.network.engine;

import org.izhsim.network.Communicator;
import org.izhsim.network.SpikeBuffer;

/**
 * Rank {@code rank} of a job of {@code size} ranks whose other ranks never fire, for the JIT
 * warm-up of a distributed run ({@link JitWarmUp}): the sample network then takes the paths the
 * rank's own run takes (its block of neurons, the exchange once per interval, propagation of
 * the exchanged spikes), so that the JIT compiles them before the run. Without it the warm-up
 * ran as one whole process, and a rank's run started by deoptimising and recompiling its step
 * loop, each rank's JIT stalling the other at the next exchange (BENCHMARKS.md §9). No call
 * waits for another process. The other ranks fire as this one does, each in its own block: the
 * exchange hands back this rank's spikes and their copies shifted to the other blocks, so that
 * spikes of every group reach the propagation, as in the run (spikes of a group that lies
 * wholly in another rank's block otherwise first arrive in the run, where the compiled
 * propagation met them with an uncommon trap). Gather returns empty payloads for the other
 * ranks; the reductions combine with ranks that hold the same values (the identity).
 */
final class LoneRank implements Communicator {
    private final int rank, size, neurons;

    /** Rank {@code rank} of {@code size} ranks, simulating a network of {@code neurons} neurons. */
    LoneRank(int rank, int size, int neurons) {
        if (size < 2 || rank < 0 || rank >= size) throw new IllegalArgumentException("rank " + rank + " of " + size);
        this.rank = rank;
        this.size = size;
        this.neurons = neurons;
    }

    @Override
    public int rank() {
        return rank;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public void exchange(SpikeBuffer local, SpikeBuffer global) {
        global.clear();
        int lo = ownedFrom(neurons), n = local.size();
        for (int i = 0; i < n; ) {
            long step = local.step(i);
            int j = i;
            while (j < n && local.step(j) == step) j++;
            for (int r = 0; r < size; r++) {
                int from = Communicator.blockFrom(neurons, r, size), to = Communicator.blockFrom(neurons, r + 1, size);
                for (int k = i; k < j; k++) {
                    int shifted = local.neuron(k) - lo + from;
                    if (shifted < to) global.add(step, shifted);
                }
            }
            i = j;
        }
    }

    @Override
    public byte[][] gather(byte[] mine) {
        if (rank != 0) return null;
        byte[][] all = new byte[size][];
        for (int r = 0; r < size; r++) all[r] = r == 0 ? mine.clone() : new byte[0];
        return all;
    }

    @Override
    public void allreduce(double[] values, Op op) {}

    @Override
    public void allreduce(long[] values, Op op) {}

    @Override
    public void barrier() {}

    @Override
    public void abort(int exitCode, String message) {
        throw new RankAbortedException(rank, exitCode, message);
    }
}
