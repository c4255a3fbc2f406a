package org.izhsim.equations;

import org.izhsim.expr.PythonMath;

/**
 * The compiled form of one {@link SynapseModel}: the seam through which an engine runs
 * Brian2-style synapse equations. Implementations are generated from the model's checked trees
 * and compiled at run time ({@code izhsim-codegen}); the core defines the shape only.
 *
 * <h2>What one call does</h2>
 * Every call acts on one synapse (or one storage range), named by its storage index
 * {@code syn} ({@code org.izhsim.synapse.Rows}), with its group-local {@code pre} and
 * {@code post} neurons, at time step {@code step} (t = step·dt). For one event the order is
 * Brian2's ({@code SynapticPathway} with event-driven variables):
 * <ol>
 *   <li>every event-driven variable x ← x·exp(−(gap·dt)/τ), gap = step − lastupdate in steps
 *       (Brian2 subtracts the two times; the gap is exact), stored as float ({@link Decay});</li>
 *   <li>the statements of {@code on_pre} (or {@code on_post}) in the order written, each
 *       evaluated in double and assigned at once: a synapse variable is rounded to float (the
 *       storage) at every assignment, so a later statement reads the stored value; a post
 *       variable is written to its double array;</li>
 *   <li>lastupdate ← step.</li>
 * </ol>
 *
 * <h2>How an engine calls it (one step)</h2>
 * Brian2's schedule within one step, which the methods map onto:
 * <ol>
 *   <li>{@link #periodic} for each block due (steps n, 2n, … of {@link SynapseModel#periodSteps};
 *       Brian2's {@code run_regularly} also runs at t = 0, this does not) — Brian2's 'start';</li>
 *   <li>{@link #summand}: each summed post variable ← Σ over its incoming synapses; then
 *       {@link #clockStep} on every synapse with clock-driven variables and the neurons'
 *       integration — 'groups' (the summed updater has the target's order − 1, so it comes
 *       first);</li>
 *   <li>threshold of the neurons;</li>
 *   <li>{@link #onPre} for each synapse whose pre spike arrives now (after its delay), then
 *       {@link #onPost} for each synapse of a post neuron that spiked — 'synapses' (the pre
 *       pathway has Brian2 order −1, the post pathway +1);</li>
 *   <li>reset of the neurons.</li>
 * </ol>
 * A rule written for another program's order (spnet runs post spikes before arrivals) states
 * the order it needs; the calls themselves do not depend on it.
 * Events of one pathway in one step go in a fixed order (spikes by step, then pre; synapses in
 * row or incoming-index order), so results do not depend on threads. Writes stay within one
 * synapse and its post neuron ({@code *_pre} variables are read-only), so workers that own
 * disjoint post ranges never race; periodic statements change synapse variables only, so any
 * split of the storage range gives the same result.
 *
 * <h2>State</h2>
 * {@link State}: the synapse variable called {@code w} through {@link Weights} (the stored
 * weight that delivery reads); every other one and the step of the synapse's last event (with
 * event-driven variables) packed per synapse by storage index ({@link SynapseWords}: one cache
 * line per event); and the neuron variables of both groups as double arrays in the order of {@link SynapseModel#pre()} and
 * {@link SynapseModel#post()}, with their last spike steps ({@link EquationKernel#NEVER} before
 * the first: {@code lastspike} is then −∞).
 */
public abstract class SynapseKernel {
    /** The stored weight of each synapse ({@code org.izhsim.synapse.Rows} has both methods). */
    public interface Weights {
        float weight(int syn);

        void setWeight(int syn, float w);
    }

    /**
     * What a kernel reads and writes.
     *
     * @param weights       the variable {@code w}, or null if the model has none
     * @param synapses      every other synapse variable and each synapse's last event step, packed
     *                      per synapse ({@link SynapseWords}, made for the model), by storage
     *                      index; a fresh run starts from last update 0, so the first event
     *                      decays from there, as Brian2's lastupdate starts at 0
     * @param pre           the pre group's variables, {@code pre[k][i]}
     * @param post          the post group's variables, {@code post[k][i]}
     * @param lastSpikePre  the step of each pre neuron's last spike
     * @param lastSpikePost the step of each post neuron's last spike
     * @param dt            the time step [ms]
     */
    public record State(Weights weights, SynapseWords synapses, double[][] pre, double[][] post,
                        long[] lastSpikePre, long[] lastSpikePost, double dt) {
        /**
         * @throws IllegalArgumentException if the arrays do not fit {@code model}
         */
        public void check(SynapseModel model) {
            int w = model.weightIndex();
            if (w >= 0 && weights == null) throw new IllegalArgumentException(model.source() + ": the model has w; give Weights");
            if (synapses == null || !synapses.fits(model)) {
                throw new IllegalArgumentException(model.source() + ": the synapse words " + synapses + " are not laid out for"
                        + " this model (make them with SynapseWords.of(model, n))");
            }
            if (pre.length != model.pre().variables().size() || post.length != model.post().variables().size()) {
                throw new IllegalArgumentException(model.source() + ": neuron variable arrays do not match the model's"
                        + " pre " + model.pre().variables().keySet() + " and post " + model.post().variables().keySet());
            }
            if (!(dt > 0) || Double.isInfinite(dt)) throw new IllegalArgumentException("dt must be > 0, not " + dt);
        }
    }

    /** Makes a kernel over given state; what the code generator hands out. */
    @FunctionalInterface
    public interface Factory {
        /** @throws IllegalArgumentException if the state does not fit the model */
        SynapseKernel create(State state);
    }

    /** Compiles a synapse model (implemented by izhsim-codegen). */
    @FunctionalInterface
    public interface Compiler {
        Factory compile(SynapseModel model);
    }

    protected final Weights weights;
    /** {@link SynapseWords#words()}: synapse syn's state at [syn·stride, (syn + 1)·stride). */
    protected final int[] words;
    protected final double[][] pre, post;
    protected final long[] lastSpikePre, lastSpikePost;
    protected final double dt;

    protected SynapseKernel(State s) {
        this.weights = s.weights();
        this.words = s.synapses().words();
        this.pre = s.pre();
        this.post = s.post();
        this.lastSpikePre = s.lastSpikePre();
        this.lastSpikePost = s.lastSpikePost();
        this.dt = s.dt();
    }

    /** A pre spike arrives at synapse {@code syn} (after its delay): event-driven updates, on_pre, lastupdate. */
    public abstract void onPre(int syn, int pre, int post, long step);

    /** Post neuron {@code post} spiked: event-driven updates, on_post, lastupdate, for its synapse {@code syn}. */
    public abstract void onPost(int syn, int pre, int post, long step);

    /**
     * Advances the clock-driven variables of synapse {@code syn} from step to step + 1: x·exp(−dt/τ)
     * for a decay dx/dt = −x/τ (Brian2's exact solution), Euler from the old values otherwise.
     */
    public abstract void clockStep(int syn, int pre, int post, long step);

    /** Runs periodic block {@code block} on the synapses [from, to) at step {@code step}. */
    public abstract void periodic(int block, int from, int to, long step);

    /** The term of synapse {@code syn} in summed variable {@code which} ({@link SynapseModel#summed()}). */
    public abstract double summand(int which, int syn, int pre, int post, long step);

    /** The time [ms] of a last spike, −∞ for none. */
    protected final double spikeTime(long step) {
        return step == EquationKernel.NEVER ? Double.NEGATIVE_INFINITY : step * dt;
    }

    /**
     * The decay of an event-driven variable over the steps since a synapse's last event,
     * exp(−(gap·dt)/τ). The first {@value #GAPS} gaps come from a table (one exp per variable and
     * event was half the run of an STDP network); the table holds the same expression, so a gap
     * inside it and one beyond give the same bits as computing it every time.
     */
    public static final class Decay {
        private static final int GAPS = 8192;
        private final double dt, tauMs;
        private final double[] table = new double[GAPS];

        private Decay(double dt, double tauMs) {
            this.dt = dt;
            this.tauMs = tauMs;
            for (int g = 0; g < GAPS; g++) table[g] = factor(g);
        }

        /** The factor after {@code gap} ≥ 0 steps. */
        public double after(long gap) {
            return gap >= 0 && gap < GAPS ? table[(int) gap] : factor(gap);
        }

        private double factor(long gap) {
            return StrictMath.exp(-(gap * dt) / tauMs);
        }
    }

    /** The {@link Decay} of an event-driven variable of time constant {@code tauMs}, for generated code. */
    protected final Decay decay(double tauMs) {
        return new Decay(dt, tauMs);
    }

    /** The step as lastupdate stores it. */
    protected static int updateStep(long step) {
        if (step < 0 || step > Integer.MAX_VALUE) {
            throw new IllegalStateException("step " + step + " is outside the 2^31 steps an event-driven synapse records");
        }
        return (int) step;
    }

    /** Python's {@code %}, for generated code. */
    protected static double modulo(double a, double b) {
        return PythonMath.modulo(a, b);
    }

    /** {@code int(x)}, for generated code. */
    protected static double truncate(double x) {
        return PythonMath.truncate(x);
    }
}
