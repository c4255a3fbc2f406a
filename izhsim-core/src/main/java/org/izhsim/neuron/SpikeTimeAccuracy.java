package org.izhsim.neuron;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleConsumer;
import org.izhsim.equations.BuiltinEquations;
import org.izhsim.equations.FlopCount;
import org.izhsim.integrate.Scheme;
import org.izhsim.model.Checks;

/**
 * How far each scheme's spike times are from a fine-step RK4 reference as dt shrinks: the
 * accuracy-versus-cost question of the Izhikevich model.
 *
 * <p>Definitions (per scheme and dt):
 * <ul>
 *   <li><b>matching</b>: the first min(n_ref, n) spikes in order are paired, spike i with
 *       reference spike i; the count difference n − n_ref is reported on its own, never hidden
 *       in the time error;</li>
 *   <li><b>mean / max error</b>: mean and max |t_i − t_ref,i| over the paired spikes [ms]
 *       (NaN without a pair). Spike times are grid times, so for any scheme they cannot beat
 *       about dt/2: this error falls at most at order 1 in dt;</li>
 *   <li><b>subthreshold v error</b>: max |v − v_ref| [mV] over the samples common to both runs
 *       before the earlier of the two first spikes less {@link #SUBTHRESHOLD_MARGIN_MS}, where the flow is smooth and
 *       a scheme shows its true order (euler 1, rk4 4); NaN if there is no such sample;</li>
 *   <li><b>cost</b>: FLOPs per step counted from the model's equation trees
 *       ({@link BuiltinEquations#count}, the convention of {@link FlopCount}: the same numbers
 *       as {@code izhsim cost}) divided by dt, per ms of
 *       simulated time; and the measured wall time of the run (median of three, one neuron with
 *       its trace recorded: an indication, not a benchmark).</li>
 * </ul>
 * The reference is the same neuron, protocol and recording under {@link Scheme#RK4} at
 * {@code refDt} (0.001 ms by default), a whole divisor of every dt compared.
 */
public final class SpikeTimeAccuracy {
    /** The default reference step [ms]. */
    public static final double DEFAULT_REF_DT = 0.001;

    /**
     * The subthreshold window ends this long before the first spike [ms]: the upstroke just
     * before a spike is so steep that a coarse scheme's error there is dominated by where the
     * spike falls, not by the smooth flow the order describes.
     */
    public static final double SUBTHRESHOLD_MARGIN_MS = 2;

    private SpikeTimeAccuracy() {}

    /**
     * One scheme at one dt.
     *
     * @param scheme       the scheme
     * @param dt           step [ms]
     * @param spikes       spike count n
     * @param countDiff    n − n_ref
     * @param matched      min(n, n_ref)
     * @param meanErrorMs  mean |t_i − t_ref,i| over matched spikes [ms], NaN if none
     * @param maxErrorMs   max |t_i − t_ref,i| [ms], NaN if none
     * @param vErrorMv     max subthreshold |v − v_ref| [mV], NaN if no common sample
     * @param flopsPerStep FLOPs per step ({@link #flopsPerStep})
     * @param flopsPerMs   flopsPerStep / dt
     * @param runSeconds   median wall time of three runs [s]
     */
    public record Row(Scheme scheme, double dt, int spikes, int countDiff, int matched, double meanErrorMs,
                      double maxErrorMs, double vErrorMv, int flopsPerStep, double flopsPerMs, double runSeconds) {}

    /**
     * @param reference the RK4 run at refDt
     * @param refDt     its step [ms]
     * @param rows      scheme by scheme, each over the dts in the order given
     */
    public record Result(NeuronTrace reference, double refDt, List<Row> rows) {}

    /**
     * Runs the reference and every (scheme, dt) of {@code base}'s neuron and protocol,
     * telling {@code progress} the fraction done.
     */
    public static Result compute(NeuronSpec base, List<Scheme> schemes, double[] dts, double refDt,
                                 DoubleConsumer progress) {
        Checks.positive("reference dt", refDt);
        if (schemes.isEmpty() || dts.length == 0) throw new IllegalArgumentException("give at least one scheme and one dt");
        for (double dt : dts) {
            Checks.positive("dt", dt);
            double ratio = dt / refDt;
            if (Math.abs(ratio - Math.rint(ratio)) > 1e-9 * ratio || ratio < 1) {
                throw new IllegalArgumentException("dt " + dt + " ms is not a whole multiple of the reference dt " + refDt
                        + " ms");
            }
            base.withDt(dt); // refuses a duration that is not a whole number of steps, before the long reference run
        }
        for (Scheme s : schemes) base.withScheme(s); // refuses a scheme the model has no kernel for
        NeuronTrace ref = NeuronSimulator.run(base.withScheme(Scheme.RK4).withDt(refDt));
        int total = schemes.size() * dts.length, done = 0;
        progress.accept(1.0 / (total + 1));
        List<Row> rows = new ArrayList<>();
        boolean book = base.samplesFromInitialState();
        for (Scheme s : schemes) {
            for (double dt : dts) {
                NeuronSpec spec = base.withScheme(s).withDt(dt);
                double[] times = new double[3];
                NeuronTrace tr = null;
                for (int r = 0; r < 3; r++) {
                    long t0 = System.nanoTime();
                    tr = NeuronSimulator.run(spec);
                    times[r] = (System.nanoTime() - t0) / 1e9;
                }
                Arrays.sort(times);
                int flops = flopsPerStep(spec);
                rows.add(row(s, dt, tr, ref, refDt, book, flops, times[1]));
                progress.accept((double) (++done + 1) / (total + 1));
            }
        }
        return new Result(ref, refDt, List.copyOf(rows));
    }

    /** FLOPs per neuron per step of the spec's model under its scheme, from {@link BuiltinEquations#count}. */
    public static int flopsPerStep(NeuronSpec spec) {
        FlopCount c = switch (spec) {
            case NeuronSetup s -> BuiltinEquations.count(s.model(), s.scheme());
            case Neuron2007Setup s -> BuiltinEquations.count(s.model(), s.scheme());
            default -> throw new IllegalArgumentException("no FLOP count for model " + spec.modelName());
        };
        return c.perStep();
    }

    static Row row(Scheme s, double dt, NeuronTrace tr, NeuronTrace ref, double refDt, boolean book, int flops,
                   double seconds) {
        double[] t = tr.spikeTimes(), r = ref.spikeTimes();
        int m = Math.min(t.length, r.length);
        double sum = 0, max = 0;
        for (int i = 0; i < m; i++) {
            double e = Math.abs(t[i] - r[i]);
            sum += e;
            max = Math.max(max, e);
        }
        double mean = m == 0 ? Double.NaN : sum / m;
        if (m == 0) max = Double.NaN;
        return new Row(s, dt, t.length, t.length - r.length, m, mean, max, subthresholdError(tr, ref, dt, refDt, book),
                flops, flops / dt, seconds);
    }

    /**
     * Max |v − v_ref| over common samples before the first spike of either run, less the margin.
     * Sample k of a run holds the state at (k + shift)·dt, shift 0 for the book's recording and
     * 1 for figure1.m's (the state after step k).
     */
    static double subthresholdError(NeuronTrace tr, NeuronTrace ref, double dt, double refDt, boolean book) {
        int shift = book ? 0 : 1;
        double end = Double.POSITIVE_INFINITY;
        if (tr.spikeCount() > 0) end = Math.min(end, tr.spikeTimes()[0]);
        if (ref.spikeCount() > 0) end = Math.min(end, ref.spikeTimes()[0]);
        end -= Math.max(dt, SUBTHRESHOLD_MARGIN_MS);
        long per = Math.round(dt / refDt);
        double max = Double.NaN;
        for (int k = 0; k < tr.samples(); k++) {
            double time = (k + shift) * dt;
            if (time >= end) break;
            long j = (k + shift) * per - shift;
            if (j < 0 || j >= ref.samples()) continue;
            double e = Math.abs(tr.v()[k] - ref.v()[(int) j]);
            max = Double.isNaN(max) ? e : Math.max(max, e);
        }
        return max;
    }
}
