package org.izhsim.network.engine;

import org.izhsim.network.Communicator;
import org.izhsim.network.Phase;
import org.izhsim.network.SpikeBuffer;

/**
 * Propagation and exchange: the spikes of a step, merged at the barrier in ascending global
 * neuron order, are exchanged with the other ranks when a min-delay interval ends (serially, by
 * the last worker to arrive), then each worker adds, spike by spike in ascending source order,
 * the part of each source's rows that targets its own posts into their ring buffers. So every
 * post sums its arrivals in the same order whatever the number of threads and ranks.
 */
final class Propagation {
    private final GroupState[] groups;
    private final Wiring.Out[][] outgoing;
    private final boolean[] distinctTargets;
    private final int latency, depth, interval;
    private final boolean distributed;
    private final Communicator comm;
    /** The spikes of the current step, merged (global indices, ascending). */
    final int[] stepSpikes;
    int stepCount;
    private final SpikeBuffer localBuf = new SpikeBuffer(), globalBuf = new SpikeBuffer();
    private int globalCount;      // entries of globalBuf to propagate in this step (0 if none)

    Propagation(GroupState[] groups, Wiring wiring, int latency, int depth, int interval, Communicator comm, int owned) {
        this.groups = groups;
        this.outgoing = wiring.outgoing;
        this.distinctTargets = wiring.distinctTargets;
        this.latency = latency;
        this.depth = depth;
        this.interval = interval;
        this.comm = comm;
        this.distributed = comm.size() > 1;
        this.stepSpikes = new int[Math.max(1, owned)];
    }

    /**
     * Serial, at the barrier of step k: gathers the workers' spikes group by group, worker by
     * worker (each worker's block of a group precedes the next worker's), which is ascending
     * global neuron order; returns their count.
     */
    int merge(Worker[] workers) {
        int c = 0;
        for (int gi = 0; gi < groups.length; gi++) {
            for (Worker w : workers) {
                int from = gi == 0 ? 0 : w.groupEnd[gi - 1], n = w.groupEnd[gi] - from;
                System.arraycopy(w.spikes, from, stepSpikes, c, n);
                c += n;
            }
        }
        stepCount = c;
        return c;
    }

    /** Adds the spikes of this rank not yet exchanged (their steps and neurons) to {@code out}. */
    void unexchanged(java.util.Map<String, long[]> out) {
        int n = localBuf.size();
        long[] steps = new long[n], neurons = new long[n];
        for (int i = 0; i < n; i++) {
            steps[i] = localBuf.step(i);
            neurons[i] = localBuf.neuron(i);
        }
        out.put("comm#steps", steps);
        out.put("comm#neurons", neurons);
    }

    /** Puts back what {@link #unexchanged} saved. */
    void restoreUnexchanged(java.util.Map<String, long[]> in) {
        long[] steps = in.get("comm#steps"), neurons = in.get("comm#neurons");
        if (steps == null || neurons == null || steps.length != neurons.length) {
            throw new IllegalArgumentException("the snapshot lacks the spikes not yet exchanged ('comm#steps', 'comm#neurons')");
        }
        localBuf.clear();
        for (int i = 0; i < steps.length; i++) localBuf.add(steps[i], (int) neurons[i]);
    }

    /** Serial, at the barrier of step k: hands this rank's spikes to the communicator when an interval ends. */
    void exchange(long k) {
        if (!distributed) return;
        localBuf.addAll(k, stepSpikes, stepCount);
        if (endsInterval(k)) {
            comm.exchange(localBuf, globalBuf);
            localBuf.clear();
            globalCount = globalBuf.size();
        } else {
            globalCount = 0;
        }
    }

    /** Whether the barrier of step k ends an exchange interval (with several ranks). */
    boolean endsInterval(long k) {
        return (k + 1) % interval == 0;
    }

    /** Every rank's spikes of the interval that the last {@link #exchange} ended, sorted by (step, neuron). */
    SpikeBuffer exchanged() {
        return globalBuf;
    }

    /**
     * {@link Phase#PROPAGATE_SAME_STEP} / {@link Phase#PROPAGATE_NEXT_STEP}: the spikes to
     * propagate land in A[s + L + d] of the worker's posts.
     */
    void propagate(Worker wk, long k) {
        if (!distributed) {
            propagateStep(wk, k, stepSpikes, 0, stepCount);
            return;
        }
        int n = globalCount;
        int i = 0;
        SpikeBuffer buf = globalBuf;
        while (i < n) {
            long s = buf.step(i);
            int j = i;
            while (j < n && buf.step(j) == s) j++;
            propagateStep(wk, s, buf.neuronArray(), i, j);
            i = j;
        }
    }

    private void propagateStep(Worker wk, long s, int[] neurons, int from, int to) {
        // no early return for a step without spikes: a warm-up whose every step had spikes
        // would leave that branch uncompiled, and the first silent step of the run would
        // then throw the compiled method away (the loop below simply does nothing)
        final int slot0 = (int) ((s + latency) % depth);
        final int w = wk.id;
        long events = 0;
        int gi = 0;
        int idx = from;
        while (idx < to) {
            // the spikes [idx, end) of one pre group (spikes are in ascending global order)
            while (neurons[idx] >= groups[gi].off + groups[gi].n) gi++;
            final GroupState g = groups[gi];
            final int limit = g.off + g.n;
            int end = idx + 1;
            while (end < to && neurons[end] < limit) end++;
            final Wiring.Out[] outs = outgoing[gi];
            if (distinctTargets[gi]) {
                // every post group gets at most one matrix from this pre group: matrix by matrix
                // adds the same values to each post in the same (ascending source) order
                for (Wiring.Out o : outs) {
                    if (o.active[w]) events += o.m.deliverBatch(neurons, idx, end, g.off, w, o.ring, slot0, wk.batchFrom, wk.batchTo);
                }
            } else {
                for (int i = idx; i < end; i++) {
                    int pre = neurons[i] - g.off;
                    for (Wiring.Out o : outs) {
                        if (o.active[w]) events += o.m.deliver(pre, w, o.ring, slot0);
                    }
                }
            }
            idx = end;
        }
        wk.events += events;
    }
}
