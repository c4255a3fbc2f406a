package org.izhsim.network;

import java.util.Arrays;
import java.util.Objects;
import org.izhsim.model.TimeGrid;

/**
 * What a spike-source group ({@link NeuronGroup#spikeGenerator}, {@link NeuronGroup#poisson})
 * fires instead of integrating a model: given spike times (Brian2's {@code SpikeGeneratorGroup},
 * PyNN's {@code SpikeSourceArray}) or independent Poisson trains (Brian2's {@code PoissonGroup},
 * PyNN's {@code SpikeSourcePoisson}). A source's spikes of step k are taken where a neuron's
 * are ({@link Phase#CUTOFF} under netm, else {@link Phase#INTEGRATE}), stamped t_k = k·dt, and
 * go through synapses and into spike monitors exactly like them. A source has no v or u and
 * receives neither synapses nor inputs.
 */
public sealed interface SpikeSource {

    /**
     * Spikes of neuron {@code indices[j]} at {@code timesMs[j]} (any order). A time goes to the
     * step Brian2 2.5.1's SpikeGeneratorGroup puts it in: k = ⌊(t + dt/1000) / dt⌋, so a time
     * on the grid stays on its step (despite rounding in t/dt) and one between grid points goes
     * to the step before it. Two spikes of one neuron in one step are refused, as Brian2 does.
     */
    record Generator(int[] indices, double[] timesMs) implements SpikeSource {
        public Generator {
            Objects.requireNonNull(indices, "indices");
            Objects.requireNonNull(timesMs, "times");
            if (indices.length != timesMs.length) {
                throw new IllegalArgumentException("spike generator: " + indices.length + " indices but " + timesMs.length + " times");
            }
            for (int j = 0; j < timesMs.length; j++) {
                if (!(timesMs[j] >= 0) || !Double.isFinite(timesMs[j])) {
                    throw new IllegalArgumentException("spike generator: time [" + j + "] must be a finite number >= 0 ms, got "
                            + timesMs[j]);
                }
            }
        }

        /** The step of a spike at {@code ms} on {@code grid} (Brian2's binning, see above). */
        public static long stepOf(double ms, TimeGrid grid) {
            double dt = grid.dt();
            return (long) ((ms + 1e-3 * dt) / dt);
        }

        /**
         * The spikes as steps on {@code grid}: sorted by (step, neuron), as parallel arrays; a
         * neuron twice in one step is refused, naming the group (indices were checked against
         * the group's size by {@link NeuronGroup#spikeGenerator}).
         */
        public Schedule schedule(String group, int size, TimeGrid grid) {
            int n = indices.length;
            long[] packed = new long[n];
            for (int j = 0; j < n; j++) {
                int i = indices[j];
                long k = stepOf(timesMs[j], grid);
                if (k > (Long.MAX_VALUE >> 32)) {
                    throw new IllegalArgumentException("spike generator '" + group + "': time " + timesMs[j] + " ms is too late");
                }
                packed[j] = (k << 32) | i;
            }
            Arrays.sort(packed);
            long[] steps = new long[n];
            int[] neurons = new int[n];
            for (int j = 0; j < n; j++) {
                steps[j] = packed[j] >>> 32;
                neurons[j] = (int) packed[j];
                if (j > 0 && packed[j] == packed[j - 1]) {
                    throw new IllegalArgumentException("spike generator '" + group + "': neuron " + neurons[j] + " spikes twice in step "
                            + steps[j] + " (t = " + grid.timeMs(steps[j]) + " ms) at dt " + grid.dt()
                            + " ms; give one time per step, or a smaller dt");
                }
            }
            return new Schedule(steps, neurons);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Generator g && Arrays.equals(indices, g.indices) && Arrays.equals(timesMs, g.timesMs);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(indices) + Arrays.hashCode(timesMs);
        }

        @Override
        public String toString() {
            return "Generator(" + indices.length + " spikes, hash " + hashCode() + ")";
        }
    }

    /** A generator's spikes by step: {@code steps} ascending, the neurons of one step ascending. */
    record Schedule(long[] steps, int[] neurons) {}

    /**
     * Independent Poisson trains of {@code rateHz} per neuron [Hz]. Neuron i fires in step k
     * when {@code CounterRandom.uniform(CounterRandom.key(Streams.key(seed, "poisson-group/" +
     * name), k), i) < rate_i·dt} (Brian2's {@code rand() < rates*dt}), a pure function of
     * (seed, group, step, neuron): the spikes do not depend on threads or ranks. rate·dt must
     * not exceed 1 (one spike per step at most). The rates are the group's vector
     * {@code rate_hz}, so a parameter change or monitor reaches them by that name.
     *
     * <p>With {@code startMs} and {@code stopMs} (one per neuron, or both null for the whole
     * run) neuron i fires only in the steps with startMs[i] ≤ k·dt ≤ stopMs[i], as PyNN's
     * SpikeSourcePoisson(start, duration) on Brian2 ({@code t >= start_time and t <= end_time});
     * the draws of the other steps are the same as without a window.
     */
    record Poisson(PerNeuron rateHz, double[] startMs, double[] stopMs) implements SpikeSource {
        public Poisson {
            Objects.requireNonNull(rateHz, "rate");
            if (rateHz.isConstant()) checkRate(rateHz.constantValue(), -1);
            if ((startMs == null) != (stopMs == null)) throw new IllegalArgumentException("Poisson window: give start and stop, or neither");
            if (startMs != null) {
                if (startMs.length != stopMs.length) {
                    throw new IllegalArgumentException("Poisson window: " + startMs.length + " starts but " + stopMs.length + " stops");
                }
                for (int i = 0; i < startMs.length; i++) {
                    if (!(startMs[i] >= 0) || Double.isInfinite(startMs[i]) || !(stopMs[i] >= startMs[i])) {
                        throw new IllegalArgumentException("Poisson window of neuron " + i + ": start " + startMs[i] + " ms, stop "
                                + stopMs[i] + " ms; need 0 <= start <= stop (stop may be infinite)");
                    }
                }
                startMs = startMs.clone();
                stopMs = stopMs.clone();
            }
        }

        /** Firing for the whole run. */
        public Poisson(PerNeuron rateHz) {
            this(rateHz, null, null);
        }

        /**
         * The window as steps {first[], last[]} (inclusive) on a grid of {@code dtMs}, or null;
         * a bound within 1e-9 of a step is on it (k·dt and the bound in ms rounded alike).
         */
        public long[][] windowSteps(int size, double dtMs) {
            if (startMs == null) return null;
            if (startMs.length != size) {
                throw new IllegalArgumentException("Poisson window: " + startMs.length + " starts for " + size + " neurons");
            }
            long[] first = new long[size], last = new long[size];
            for (int i = 0; i < size; i++) {
                first[i] = (long) Math.ceil(startMs[i] / dtMs - 1e-9);
                last[i] = Double.isInfinite(stopMs[i]) || stopMs[i] / dtMs > 9e18 ? Long.MAX_VALUE : (long) Math.floor(stopMs[i] / dtMs + 1e-9);
            }
            return new long[][] {first, last};
        }

        /** The rates of group {@code g} under {@code seed} [Hz], refused if above one spike per step of {@code dtMs}. */
        public double[] checkRates(NeuronGroup g, long seed, double dtMs) {
            double[] r = rateHz.resolve("group '" + g.name() + "' rate_hz", g.size(), rateHz.needsUniform() ? g.uniforms(seed) : null);
            for (int i = 0; i < r.length; i++) {
                checkRate(r[i], i);
                if (r[i] * dtMs * 1e-3 > 1) {
                    throw new IllegalArgumentException("Poisson group '" + g.name() + "': rate " + r[i] + " Hz of neuron " + i
                            + " exceeds one spike per step of dt " + dtMs + " ms (at most " + 1e3 / dtMs + " Hz)");
                }
            }
            return r;
        }

        /** Refuses a rate that is negative or not finite, naming the neuron (or −1 for all). */
        public static void checkRate(double hz, int neuron) {
            if (!(hz >= 0) || !Double.isFinite(hz)) {
                throw new IllegalArgumentException("Poisson rate" + (neuron < 0 ? "" : " of neuron " + neuron)
                        + " must be a finite number >= 0 Hz, got " + hz);
            }
        }
    }

    /** The name of the random stream of a Poisson group. */
    static String poissonStream(String group) {
        return "poisson-group/" + group;
    }
}
