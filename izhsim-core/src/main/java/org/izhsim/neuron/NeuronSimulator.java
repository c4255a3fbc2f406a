package org.izhsim.neuron;

import org.izhsim.integrate.IzhikevichKernel;
import org.izhsim.integrate.NeuronKernel;
import org.izhsim.integrate.NumericalBlowUpException;
import org.izhsim.integrate.Scheme;
import org.izhsim.integrate.SpikeList;

/**
 * Runs one neuron through its model's shared array kernel ({@link IzhikevichKernel} for the
 * 2003 model, the 2007 one likewise, see {@link NeuronSpec#kernel}), recording every step as
 * figure1.m does (see {@link NeuronTrace} for what a sample holds).
 */
public final class NeuronSimulator {
    /** Runs longer than this many samples are refused rather than exhausting memory. */
    public static final long MAX_SAMPLES = 50_000_000L;

    private NeuronSimulator() {}

    /** The samples of a run of {@code steps} steps (one per step and the start), refused above {@link #MAX_SAMPLES}. */
    public static int samples(long steps) {
        if (steps + 1 > MAX_SAMPLES) {
            throw new IllegalArgumentException("duration/dt = " + steps + " steps is more than a single-neuron trace holds ("
                    + MAX_SAMPLES + "); use a larger dt or a shorter duration");
        }
        return (int) steps + 1;
    }

    /**
     * The v a sample is drawn at, for built-in and equation models alike: the peak for the
     * sample of a spike, as the papers' figures draw every spike to the cut-off (+30 mV), and
     * under net.m's scheme, whose cut-off comes at the start of the next step, for a v at or
     * above the peak that awaits it; v as integrated otherwise, and always where the model has
     * no fixed peak ({@code peak} NaN).
     */
    public static double drawnV(double v, boolean spiked, double peak, Scheme scheme) {
        if (Double.isNaN(peak)) return v;
        return (scheme.cutoffBeforeUpdate() ? v >= peak : spiked) ? peak : v;
    }

    public static NeuronTrace run(NeuronSpec s) {
        final int samples = samples(s.steps());
        final double dt = s.dt();
        final Scheme scheme = s.scheme();
        double[] v = {s.v0()}, u = {s.u0()};
        double[] iStart = new double[1], iMid = new double[1], iEnd = new double[1];
        NeuronKernel kernel = s.kernel(v, u);
        double[] tt = new double[samples], vv = new double[samples], uu = new double[samples], ii = new double[samples];
        SpikeList spikes = new SpikeList();
        double[] spikeTimes = new double[16];
        int spikeCount = 0;
        CurrentSource current = s.current();
        // book recording (2007 model): sample 0 is the initial state, step k fills sample k + 1
        final boolean book = s.samplesFromInitialState();
        final int shift = book ? 1 : 0;
        if (book) {
            vv[0] = s.v0();
            uu[0] = s.u0();
        }
        for (int k = 0; k + shift < samples; k++) {
            double t = k * dt;
            current.stage(k, dt, scheme.usesStageCurrents(), iStart, iMid, iEnd);
            spikes.clear();
            if (scheme.cutoffBeforeUpdate()) kernel.detectAndReset(0, 1, k, spikes);
            kernel.step(0, 1, k, dt, iStart, iMid, iEnd, spikes);
            if (kernel.firstNonFinite() >= 0) throw new NumericalBlowUpException("single", k, t, 0);
            boolean spiked = spikes.size() > 0;
            int r = k + shift;
            if (spiked) {
                if (spikeCount == spikeTimes.length) spikeTimes = java.util.Arrays.copyOf(spikeTimes, spikeCount * 2);
                spikeTimes[spikeCount++] = r * dt;
            }
            tt[r] = r * dt;
            // the book pads the sample before the reset instead of the cut-off sample
            double peak = kernel.drawnPeak(0);
            vv[r] = book ? v[0] : drawnV(v[0], spiked, peak, scheme);
            if (book && spiked) vv[k] = peak;
            uu[r] = u[0];
            ii[k] = iStart[0];
        }
        if (book) ii[samples - 1] = current.at((samples - 1) * dt);
        return new NeuronTrace(scheme, dt, s.duration(), tt, vv, uu, ii, java.util.Arrays.copyOf(spikeTimes, spikeCount));
    }
}
