package org.izhsim.network;

import java.util.Arrays;
import java.util.Objects;

/**
 * Records spikes as (step, neuron) pairs sorted by (step, neuron). For a group the neuron is
 * the index within the group; for {@link #all()} it is the global index (groups concatenated
 * in declaration order, so net.m's numbering for an exc + inh network).
 *
 * <p>By default the spikes are kept in memory. A {@link #streaming streaming} monitor instead
 * hands them to a {@link Sink} in chunks and keeps none, so a run can record more spikes than
 * the heap holds; the sink sees exactly the pairs the in-memory monitor would have kept.
 */
public final class SpikeMonitor implements Monitor<SpikeRecording> {
    private final String name;
    private final NeuronGroup group;
    private final int[] subset;
    private final Sink sink;
    private final int chunkSteps;

    private SpikeMonitor(String name, NeuronGroup group, int[] subset) {
        this(name, group, subset, null, 0);
    }

    private SpikeMonitor(String name, NeuronGroup group, int[] subset, Sink sink, int chunkSteps) {
        this.name = Objects.requireNonNull(name);
        this.group = group;
        this.subset = subset;
        this.sink = sink;
        this.chunkSteps = chunkSteps;
    }

    /**
     * Receives a streaming monitor's spikes, serially on the simulation's thread, in (step,
     * neuron) order. The arrays are reused after the call returns: copy or write them out.
     */
    @FunctionalInterface
    public interface Sink {
        /** Spikes {@code steps[j], neurons[j]} for j in [0, count). */
        void accept(int[] steps, int[] neurons, int count);
    }

    /**
     * This monitor, handing its spikes to {@code sink} after every {@code chunkSteps} steps (and
     * what is left when the recording is asked for) instead of keeping them; its
     * {@link Simulation#recording recording} is then empty.
     */
    public SpikeMonitor streaming(Sink sink, int chunkSteps) {
        if (chunkSteps < 1) throw new IllegalArgumentException("chunkSteps must be >= 1, got " + chunkSteps);
        return new SpikeMonitor(name, group, subset, Objects.requireNonNull(sink), chunkSteps);
    }

    /** All neurons of all groups, global indices. */
    public static SpikeMonitor all() {
        return new SpikeMonitor("spikes", null, null);
    }

    /** All neurons of one group, indices within the group. */
    public static SpikeMonitor of(NeuronGroup group) {
        return new SpikeMonitor("spikes:" + group.name(), Objects.requireNonNull(group), null);
    }

    /** Chosen neurons of one group (indices within the group). */
    public static SpikeMonitor of(NeuronGroup group, int... neurons) {
        int[] s = neurons.clone();
        Arrays.sort(s);
        for (int i : s) {
            if (i < 0 || i >= group.size()) throw new IllegalArgumentException("neuron " + i + " is not in group '"
                    + group.name() + "' of " + group.size());
        }
        return new SpikeMonitor("spikes:" + group.name(), group, s);
    }

    public SpikeMonitor named(String n) {
        return new SpikeMonitor(n, group, subset, sink, chunkSteps);
    }

    @Override
    public String name() {
        return name;
    }

    /** The group, or null for all neurons. */
    public NeuronGroup group() {
        return group;
    }

    @Override
    public Session<SpikeRecording> start(MonitorContext ctx) {
        final int lo, hi, base;
        final boolean[] keep;
        if (group == null) {
            lo = 0;
            hi = Integer.MAX_VALUE;
            base = 0;
            keep = null;
        } else {
            lo = ctx.offset(group);
            hi = lo + group.size();
            base = lo;
            if (subset != null) {
                keep = new boolean[group.size()];
                for (int i : subset) keep[i] = true;
            } else {
                keep = null;
            }
        }
        final double dt = ctx.dt();
        return new Session<>() {
            final GrowableInts steps = new GrowableInts(1024), neurons = new GrowableInts(1024);

            @Override
            public void observeSpikes(long step, int[] ns, int count) {
                if (step > Integer.MAX_VALUE) throw new IllegalStateException("spike monitors hold steps up to 2^31 - 1");
                // chunk c holds steps [c·chunkSteps, (c+1)·chunkSteps), as a streaming StateMonitor's
                if (sink != null && step > 0 && step % chunkSteps == 0) drain();
                if (keep == null) {
                    // ns is ascending, so the group's spikes are one run [from, to): copied in bulk
                    // (this runs in the step's serial part, while the other workers wait). For all
                    // neurons no loop or test here takes an empty step, such as a run's first,
                    // differently: the JIT, having met none in the warm-up, would deoptimise
                    // at it.
                    int from = 0, to = count;
                    if (group != null) {
                        while (from < to && ns[from] < lo) from++;
                        while (to > from && ns[to - 1] >= hi) to--;
                    }
                    int m = to - from, at = steps.size;
                    steps.ensure(at + m);
                    neurons.ensure(at + m);
                    Arrays.fill(steps.a, at, at + m, (int) step);
                    int[] dst = neurons.a;
                    if (base == 0) System.arraycopy(ns, from, dst, at, m);
                    else for (int j = 0; j < m; j++) dst[at + j] = ns[from + j] - base;
                    steps.size = at + m;
                    neurons.size = at + m;
                    return;
                }
                for (int j = 0; j < count; j++) {
                    int g = ns[j];
                    if (g < lo || g >= hi) continue;
                    int local = g - base;
                    if (!keep[local]) continue;
                    steps.add((int) step);
                    neurons.add(local);
                }
            }

            private void drain() {
                if (steps.size > 0) sink.accept(steps.a, neurons.a, steps.size);
                steps.size = 0;
                neurons.size = 0;
            }

            @Override
            public SpikeRecording finish() {
                if (sink != null) {
                    drain();
                    return new SpikeRecording(name, dt, new int[0], new int[0]);
                }
                return new SpikeRecording(name, dt, steps.toArray(), neurons.toArray());
            }
        };
    }
}
