package org.izhsim.network.engine;

import org.izhsim.integrate.NeuronKernel;
import org.izhsim.integrate.SpikeList;
import org.izhsim.model.TimeGrid;
import org.izhsim.network.NeuronGroup;
import org.izhsim.network.SpikeSource;
import org.izhsim.random.CounterRandom;
import org.izhsim.random.Streams;

/**
 * The kernels of spike-source groups ({@link SpikeSource}): they fire in the call where a
 * neuron's spikes of step k are taken — {@link NeuronKernel#detectAndReset} under netm, else
 * {@link NeuronKernel#step} — so that the engine treats a source like any other group (same
 * blocks, same merge order, same monitors). Both are pure functions of the step: nothing to
 * checkpoint besides the rates, which are a group vector.
 */
final class SourceKernels {
    private SourceKernels() {}

    /** The kernel of source group {@code g}; a Poisson group's rates go into {@code rateHz}. */
    static NeuronKernel of(NeuronGroup g, TimeGrid grid, boolean netm, long seed, double[] rateHz) {
        return switch (g.source()) {
            case SpikeSource.Generator gen -> new Generator(gen.schedule(g.name(), g.size(), grid), netm);
            case SpikeSource.Poisson p -> new Poisson(Streams.key(seed, SpikeSource.poissonStream(g.name())), rateHz,
                    grid.dt(), netm, p.windowSteps(g.size(), grid.dt()));
        };
    }


    /** Base of the two: fires in the call the scheme takes spikes in. */
    private abstract static class Source implements NeuronKernel {
        private final boolean netm;

        Source(boolean netm) {
            this.netm = netm;
        }

        abstract void fire(int from, int to, long step, SpikeList spikes);

        @Override
        public final void detectAndReset(int from, int to, long step, SpikeList spikes) {
            if (netm) fire(from, to, step, spikes);
        }

        @Override
        public final void step(int from, int to, long step, double dt, double[] iStart, double[] iMid, double[] iEnd,
                               SpikeList spikes) {
            if (!netm) fire(from, to, step, spikes);
        }

        @Override
        public final int firstNonFinite() {
            return -1;
        }
    }

    /** Given spikes: the step's neurons in [from, to), found by binary search. */
    static final class Generator extends Source {
        private final long[] steps;
        private final int[] neurons;

        Generator(SpikeSource.Schedule s, boolean netm) {
            super(netm);
            this.steps = s.steps();
            this.neurons = s.neurons();
        }

        @Override
        void fire(int from, int to, long step, SpikeList spikes) {
            int lo = firstAtLeast(step, from);
            for (int j = lo; j < steps.length && steps[j] == step && neurons[j] < to; j++) spikes.add(neurons[j]);
        }

        /** The first entry at (step, neuron) ≥ (step, from) in the sorted schedule. */
        private int firstAtLeast(long step, int from) {
            int lo = 0, hi = steps.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (steps[mid] < step || (steps[mid] == step && neurons[mid] < from)) lo = mid + 1;
                else hi = mid;
            }
            return lo;
        }
    }

    /** Poisson trains: u < rate·dt per (step, neuron), see {@link SpikeSource.Poisson}. */
    static final class Poisson extends Source {
        private final long streamKey;
        private final double[] rateHz;
        private final double dtSeconds;
        /** Each neuron's first and last step of firing, or null: always. */
        private final long[] first, last;

        Poisson(long streamKey, double[] rateHz, double dtMs, boolean netm, long[][] window) {
            super(netm);
            this.streamKey = streamKey;
            this.rateHz = rateHz;
            this.dtSeconds = dtMs * 1e-3;
            this.first = window == null ? null : window[0];
            this.last = window == null ? null : window[1];
        }

        @Override
        void fire(int from, int to, long step, SpikeList spikes) {
            long key = CounterRandom.key(streamKey, step);
            // the group's vector rate_hz, read every step: whoever may write it (a behaviour,
            // a checkpoint restore) is seen from the next step on
            if (first == null) {
                for (int i = from; i < to; i++) {
                    if (CounterRandom.uniform(key, i) < rateHz[i] * dtSeconds) spikes.add(i);
                }
            } else {
                for (int i = from; i < to; i++) {
                    if (step >= first[i] && step <= last[i] && CounterRandom.uniform(key, i) < rateHz[i] * dtSeconds) spikes.add(i);
                }
            }
        }
    }
}
