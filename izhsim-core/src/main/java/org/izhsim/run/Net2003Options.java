package org.izhsim.run;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.izhsim.equations.EquationKernel;
import org.izhsim.equations.EquationModel;
import org.izhsim.integrate.Scheme;
import org.izhsim.model.TimeGrid;
import org.izhsim.network.Izhikevich2003Network;

/**
 * The options of one run of Izhikevich's 2003 network, whichever face they come from: the
 * command line ({@code net2003}, {@code run} without a model file), the explorer's network tab
 * and its replay files. Checked once, here, with messages that name the option as the face
 * spells it ({@link Spelling}) and say what would be accepted. A face adds only its own policy
 * on top (the explorer's size limits).
 *
 * @param spelling           how messages name the options
 * @param ne                 excitatory neurons (≥ 1)
 * @param ni                 inhibitory neurons (≥ 1)
 * @param durationMs         simulated time [ms], a whole number of steps of dt, at most {@link NetworkRun#MAX_STEPS} steps
 * @param dt                 step [ms]
 * @param seed               seed of every random stream
 * @param threads            worker threads asked for, 1..{@link NetworkRun#MAX_THREADS}, or null for all cores
 * @param scheme             numerical scheme
 * @param sparse             K random inputs per neuron instead of all-to-all
 * @param k                  inputs per neuron (sparse only; null: {@link #DEFAULT_K})
 * @param blocks             blocks the run is timed in, 1..steps
 * @param traceNeuron        excitatory neuron whose v, u and I are recorded
 * @param changeableCurrents also constant currents "constant:exc" and "constant:inh" at 0, so that
 *                           a run can change them (the explorer's sessions and their replays)
 * @param equations          both groups run this equation model instead of the built-in one, or null
 */
public record Net2003Options(Spelling spelling, int ne, int ni, double durationMs, double dt, long seed, Integer threads,
                             Scheme scheme, boolean sparse, Integer k, int blocks, int traceNeuron,
                             boolean changeableCurrents, EquationModel equations) {
    /** Inputs per neuron of a sparse network when none are given. */
    public static final int DEFAULT_K = 1000;

    public Net2003Options {
        Objects.requireNonNull(spelling);
        Objects.requireNonNull(scheme);
        if (ne < 1 || ni < 1) {
            throw new IllegalArgumentException(spelling.of("ne") + " and " + spelling.of("ni") + " must each be at least 1, got " + ne + " and " + ni);
        }
        if ((long) ne + ni > Integer.MAX_VALUE - 64) {
            throw new IllegalArgumentException(spelling.of("ne") + " + " + spelling.of("ni") + " = " + ((long) ne + ni)
                    + " neurons; a network holds at most 2^31 - 64");
        }
        int n = ne + ni;
        if (!sparse && k != null) {
            throw new IllegalArgumentException(spelling.of("k") + " applies to sparse connectivity only (all-to-all gives every neuron "
                    + n + " inputs); drop " + spelling.of("k") + ", or add " + spelling.of("connectivity") + " sparse");
        }
        int kIn = k == null ? DEFAULT_K : k;
        if (sparse && (kIn < 1 || kIn > n)) {
            throw new IllegalArgumentException(spelling.of("k") + " must be in 1.." + n + " (the number of neurons), got " + kIn);
        }
        if (traceNeuron < 0 || traceNeuron >= ne) {
            throw new IllegalArgumentException(spelling.of("trace_neuron") + " must be an excitatory neuron, 0.." + (ne - 1) + ", got " + traceNeuron);
        }
        NetworkRun.threads(threads, spelling);
        NetworkRun.steps(new TimeGrid(dt), durationMs, blocks, spelling);
    }

    /** The defaults of net.m (800 + 200 neurons, 1 s at dt 1 ms, netm, all-to-all, seed 1), to change. */
    public static Builder builder(Spelling spelling) {
        return new Builder(spelling);
    }

    public TimeGrid grid() {
        return new TimeGrid(dt);
    }

    public long steps() {
        return NetworkRun.steps(grid(), durationMs, blocks, spelling);
    }

    /** Inputs per neuron: K when sparse, else all Ne + Ni. */
    public int inDegree() {
        return sparse ? (k == null ? DEFAULT_K : k) : ne + ni;
    }

    /** Worker threads asked for: {@link #threads}, or all cores. */
    public int threadCount() {
        return NetworkRun.threads(threads, spelling);
    }

    /** The same options for another duration (a session stopped early replays what it ran). */
    public Net2003Options withDuration(double ms) {
        return new Net2003Options(spelling, ne, ni, ms, dt, seed, threads, scheme, sparse, k, blocks, traceNeuron,
                changeableCurrents, equations);
    }

    /** {@link #apply(Izhikevich2003Network.Builder, EquationKernel.Compiler)} for options without equations. */
    public Izhikevich2003Network.Builder apply(Izhikevich2003Network.Builder b) {
        return apply(b, null);
    }

    /**
     * Sets every option of the network on {@code b}: the one place every face builds the
     * network from, so that a session, its replay and a command line with the same options
     * simulate the same thing.
     *
     * @param compiler compiles {@link #equations} (izhsim-codegen's); may be null without them
     */
    public Izhikevich2003Network.Builder apply(Izhikevich2003Network.Builder b, EquationKernel.Compiler compiler) {
        b.ne(ne).ni(ni).scheme(scheme).dt(dt).seed(seed).traceNeuron(traceNeuron);
        if (sparse) b.sparse(inDegree());
        else b.dense();
        if (changeableCurrents) b.constantCurrent(0, 0);
        if (equations != null) {
            if (compiler == null) throw new IllegalArgumentException("an equation model needs a compiler (izhsim-codegen's)");
            b.equations(equations, compiler);
        }
        return b;
    }

    /**
     * The raster's title: "Izhikevich 2003 network, 800 + 200 neurons, all-to-all, scheme netm,
     * dt 1 ms, seed 1", with the {@link #weightNote()} after the connectivity when weights are rescaled.
     */
    public String title() {
        String note = weightNote();
        return String.format(Locale.ROOT, "Izhikevich 2003 network, %d + %d neurons, %s%s, scheme %s, dt %s ms, seed %d",
                ne, ni, sparse ? "K = " + inDegree() : "all-to-all", note.isEmpty() ? "" : ", " + note, scheme.id(), number(dt), seed);
    }

    /**
     * The factor every weight is multiplied by, 1000/K_in (the builder's default
     * {@code WeightScale.REF}): each neuron's expected input stays that of net.m's 1000 neurons,
     * whose weights are unscaled.
     */
    public double weightFactor() {
        return 1000.0 / inDegree();
    }

    /** "weights × 1000/2000 = 0.5" when the weights are rescaled, else empty: a rescaling is never silent. */
    public String weightNote() {
        if (inDegree() == 1000) return "";
        return "weights \u00d7 1000/" + inDegree() + " = " + significant(weightFactor());
    }

    /** A count and its noun, singular for one: "1 spike", "12,345 spikes" (the noun's plural adds an s). */
    public static String counted(long n, String noun) {
        return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? noun : noun + "s");
    }

    /** A factor to four significant digits, without trailing zeros: 2, 0.5, 0.3333. */
    public static String significant(double x) {
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.4g", x)).stripTrailingZeros().toPlainString();
    }

    /** A number as a person writes it: 1 for 1.0, 0.25 as is. */
    public static String number(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }

    /**
     * The network as run.json records it under "parameters" (and as the built-in network's
     * model hash is taken over): sizes, connectivity, weights, inputs and the model.
     */
    public Map<String, Object> description(double weightFactor) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("ne", ne);
        p.put("ni", ni);
        p.put("connectivity", sparse ? "sparse" : "dense");
        p.put("k", inDegree());
        p.put("weight_factor", weightFactor);
        p.put("noise_sigma_exc", 5.0);
        p.put("noise_sigma_inh", 2.0);
        p.put("noise_period_ms", 1.0);
        p.put("pulse_ms", 1.0);
        p.put("trace_neuron", traceNeuron);
        p.put("model", "izh2003: v' = 0.04v^2 + 5v + 140 - u + I, u' = a(bv - u), v >= 30: v <- c, u <- u + d");
        p.put("exc_params", "a=0.02, b=0.2, c=-65+15r^2, d=8-6r^2, r~U(0,1)");
        p.put("inh_params", "a=0.02+0.08r, b=0.25-0.05r, c=-65, d=2, r~U(0,1)");
        p.put("exc_weights", "U(0,0.5) x weight_factor");
        p.put("inh_weights", "-U(0,1) x weight_factor");
        return p;
    }

    /** Options to change one by one; {@link #build()} checks them all. */
    public static final class Builder {
        private final Spelling spelling;
        private int ne = 800, ni = 200, blocks = 1, traceNeuron = 0;
        private double durationMs = 1000, dt = 1;
        private long seed = 1;
        private Integer threads, k;
        private Scheme scheme = Scheme.NETM;
        private boolean sparse, changeableCurrents;
        private EquationModel equations;

        private Builder(Spelling spelling) {
            this.spelling = Objects.requireNonNull(spelling);
        }

        public Builder ne(int n) { ne = n; return this; }
        public Builder ni(int n) { ni = n; return this; }
        public Builder durationMs(double ms) { durationMs = ms; return this; }
        public Builder dt(double ms) { dt = ms; return this; }
        public Builder seed(long s) { seed = s; return this; }
        /** Worker threads, or null for all cores. */
        public Builder threads(Integer n) { threads = n; return this; }
        /** A scheme by its id ("netm", "euler", "figure1", "rk4"); an unknown id lists the known ones. */
        public Builder scheme(String id) { scheme = Scheme.byId(id); return this; }
        public Builder sparse(boolean on) { sparse = on; return this; }

        /** "dense" or "sparse" (any case); anything else is refused with both. */
        public Builder connectivity(String name) {
            sparse = switch (name.toLowerCase(Locale.ROOT)) {
                case "dense" -> false;
                case "sparse" -> true;
                default -> throw new IllegalArgumentException("unknown connectivity '" + name + "'; known: dense, sparse");
            };
            return this;
        }

        /** Inputs per neuron of a sparse network, or null for {@link #DEFAULT_K}; refused with all-to-all. */
        public Builder k(Integer n) { k = n; return this; }
        public Builder blocks(int n) { blocks = n; return this; }
        public Builder traceNeuron(int i) { traceNeuron = i; return this; }
        public Builder changeableCurrents(boolean on) { changeableCurrents = on; return this; }
        public Builder equations(EquationModel model) { equations = model; return this; }

        public Net2003Options build() {
            return new Net2003Options(spelling, ne, ni, durationMs, dt, seed, threads, scheme, sparse, k, blocks, traceNeuron,
                    changeableCurrents, equations);
        }
    }
}
