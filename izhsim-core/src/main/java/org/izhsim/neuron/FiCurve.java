package org.izhsim.neuron;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleConsumer;
import java.util.stream.IntStream;
import org.izhsim.model.Checks;

/**
 * Frequency–current curve: the neuron is driven by a constant current from t = 0 and the rate
 * is spikes / duration. Currents are simulated independently (in parallel), so the result is
 * the same whatever the number of cores.
 *
 * @param currents input currents
 * @param rates    firing rate at each current [Hz]
 * @param spikes   spike count at each current
 */
public record FiCurve(double[] currents, double[] rates, int[] spikes) {
    /**
     * The protocol's duration [ms] unless one is asked for (izhsim fi, the explorer's F–I tab):
     * long enough that the rate resolves 1 Hz, where a preset's own window (150 ms for RS)
     * would step it in 6.7 Hz.
     */
    public static final double DURATION_MS = 1000;

    /** The currents from, from + step, … up to and including {@code to} (within 1e-9 of a step). */
    public static double[] range(double from, double to, double step) {
        Checks.finite("from", from);
        Checks.finite("to", to);
        Checks.positive("step", step);
        if (to < from) throw new IllegalArgumentException("--to (" + to + ") must not be below --from (" + from + ")");
        long n = (long) Math.floor((to - from) / step + 1e-9) + 1;
        if (n > 100_000) throw new IllegalArgumentException("the F-I range has " + n + " currents; at most 100000");
        double[] out = new double[(int) n];
        for (int i = 0; i < n; i++) out[i] = from + i * step;
        return out;
    }

    /** Simulates {@code base} (its current is replaced) at each current. */
    public static FiCurve compute(NeuronSpec base, double[] currents) {
        return compute(base, currents, fraction -> { });
    }

    /** As {@link #compute(NeuronSpec, double[])}, telling {@code progress} the fraction of currents done. */
    public static FiCurve compute(NeuronSpec base, double[] currents, DoubleConsumer progress) {
        NeuronTrace[] traces = new NeuronTrace[currents.length];
        AtomicInteger done = new AtomicInteger();
        IntStream.range(0, currents.length).parallel().forEach(i -> {
            traces[i] = NeuronSimulator.run(base.withCurrent(CurrentSource.constant(currents[i])));
            progress.accept((double) done.incrementAndGet() / currents.length);
        });
        double[] rates = new double[currents.length];
        int[] spikes = new int[currents.length];
        for (int i = 0; i < currents.length; i++) {
            rates[i] = traces[i].rateHz();
            spikes[i] = traces[i].spikeCount();
        }
        return new FiCurve(currents.clone(), rates, spikes);
    }
}
