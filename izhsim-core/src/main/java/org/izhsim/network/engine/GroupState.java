package org.izhsim.network.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.izhsim.equations.EquationKernel;
import org.izhsim.integrate.Izhikevich2007Kernel;
import org.izhsim.integrate.IzhikevichKernel;
import org.izhsim.integrate.NeuronKernel;
import org.izhsim.integrate.Scheme;
import org.izhsim.model.Izhikevich2007Model;
import org.izhsim.model.TimeGrid;
import org.izhsim.network.NeuronGroup;
import org.izhsim.network.SpikeSource;

/**
 * One neuron group's state as named vectors (structure of arrays, one entry per neuron of the
 * group): its model's state variables and parameters, the input current {@code I} of the last
 * step and the synaptic part {@code I_syn}, plus the ring buffer A of arrivals and the inputs
 * that drive it. {@link #vectors} names every vector a monitor, a snapshot or a behaviour may
 * reach; the fields are the same arrays, final, for the step loops.
 *
 * <p>Which model the group runs decides which vectors exist: the 2003 model v, u, a, b, c, d;
 * the 2007 model v, u; an equation model its own states and parameters (a state named v or u
 * and parameters named a … d share the 2003 names' arrays; where it has none of those names,
 * they are the group's initial values, not updated).
 */
final class GroupState {
    final NeuronGroup group;
    final int index, off, n;
    /** 2003 state and parameters; v and u also for the 2007 model; null where the model has none. */
    final double[] v, u, a, b, c, d;
    /** The input current I of the last step, and its synaptic part. */
    final double[] current, syn;
    /** RK4's currents at t + dt/2 and t + dt (with time-dependent inputs), else null. */
    double[] iMid, iEnd;
    /** A[slot][neuron]: arrivals per step (null if nothing arrives at this group). */
    double[][] ring;
    /** The synapses' jumps into state variables other than I (none if no synapse targets one). */
    Jumps.Target[] jumps = new Jumps.Target[0];
    /** The model's kernel: every group the fast path does not take runs through it. */
    final NeuronKernel kernel;
    /** An equation model's step of each neuron's last spike (its refractory clock), else null. */
    final long[] lastSpike;
    /** Whether {@link StandardKernels} update this group (standard 2003 recovery, euler or netm). */
    boolean fast;
    /** a and b of every neuron when they are the same for all (then the kernels skip the arrays), else NaN. */
    final double aUniform, bUniform;
    /** Lowest non-finite neuron seen by {@link StandardKernels}, or −1. */
    private int nonFiniteFast = -1;
    double[] r;
    int[] wFrom, wTo; // per worker local ranges
    int from, to;     // owned local range
    InputState.Noise[] noises = new InputState.Noise[0];
    InputState.Constant[] constants = new InputState.Constant[0];
    double extScalar;
    double[] extArray;
    DoubleUnaryOperator[] currents = new DoubleUnaryOperator[0];
    InputState.Poisson[] poissons = new InputState.Poisson[0];
    private final Map<String, double[]> vectors = new LinkedHashMap<>();

    GroupState(NeuronGroup g, int index, int off, long seed, Scheme scheme, TimeGrid grid, boolean withBehaviours) {
        this.group = g;
        this.index = index;
        this.off = off;
        this.n = g.size();
        if (g.needsUniform()) r = g.uniforms(seed);
        String who = "group '" + g.name() + "' ";
        Izhikevich2007Model cell = g.model2007();
        if (g.behaviourDynamics() || g.source() != null) {
            a = b = c = d = v = u = null;
        } else if (cell != null) {
            a = b = c = d = null;
            v = g.v0().resolve(who + "v0", n, r);
            u = g.u0() == null ? new double[n] : g.u0().resolve(who + "u0", n, r);
            put("v", v);
            put("u", u);
        } else {
            a = g.a().resolve(who + "a", n, r);
            b = g.b().resolve(who + "b", n, r);
            c = g.c().resolve(who + "c", n, r);
            d = g.d().resolve(who + "d", n, r);
            v = g.v0().resolve(who + "v0", n, r);
            if (g.u0() == null) {
                u = new double[n];
                for (int i = 0; i < n; i++) u[i] = b[i] * v[i];
            } else {
                u = g.u0().resolve(who + "u0", n, r);
            }
            if (g.equations() == null) {
                put("v", v);
                put("u", u);
                put("a", a);
                put("b", b);
                put("c", c);
                put("d", d);
            }
        }
        current = new double[n];
        syn = new double[n];
        boolean same = a != null;
        for (int i = 1; i < n && same; i++) same = a[i] == a[0] && b[i] == b[0];
        aUniform = same && n > 0 ? a[0] : Double.NaN;
        bUniform = same && n > 0 ? b[0] : Double.NaN;
        if (g.behaviourDynamics()) {
            kernel = null;
            lastSpike = null;
        } else if (g.source() != null) {
            double[] rates = g.source() instanceof SpikeSource.Poisson p ? p.checkRates(g, seed, grid.dt()) : null;
            if (rates != null) put("rate_hz", rates);
            kernel = SourceKernels.of(g, grid, scheme.cutoffBeforeUpdate(), seed, rates);
            lastSpike = null;
        } else if (cell != null) {
            kernel = new Izhikevich2007Kernel(cell, scheme, v, u);
            lastSpike = null;
        } else if (g.equations() != null) {
            EquationGroups.Built eq = EquationGroups.kernel(g, scheme, v, u, a, b, c, d, r);
            kernel = eq.kernel();
            lastSpike = eq.lastSpike();
            vectors.putAll(eq.vectors());
            // a model without a state v or u, or parameters a .. d, still has those vectors (the
            // initial v0 and b·v0, the group's a .. d, none updated), so that every group can be
            // traced as v, u and I by the faces that trace any group
            String[] legacy = {"v", "u", "a", "b", "c", "d"};
            double[][] arrays = {v, u, a, b, c, d};
            for (int j = 0; j < legacy.length; j++) vectors.putIfAbsent(legacy[j], arrays[j]);
        } else {
            kernel = new IzhikevichKernel(g.model(), scheme, v, u, a, b, c, d);
            lastSpike = null;
        }
        put("I", current);
        put("I_syn", syn);
        fired = withBehaviours ? new double[n] : null;
        if (fired != null) put("fired", fired);
    }

    /** 1 for the neurons that spiked in the last step whose spikes were taken, else 0; only in a network with behaviours. */
    final double[] fired;

    /** Whether the group's behaviours are its dynamics (no kernel, no deliver). */
    boolean custom() {
        return kernel == null;
    }

    /** The live map of vectors, to which behaviours add theirs during init. */
    Map<String, double[]> liveVectors() {
        return vectors;
    }

    private void put(String name, double[] x) {
        vectors.put(name, x);
    }

    /** The live vectors of this group by name, in a fixed order (the model's, then I and I_syn). */
    Map<String, double[]> vectors() {
        return Collections.unmodifiableMap(vectors);
    }

    /** The live vector {@code name}, or a clear error naming the ones this group has. */
    double[] vector(String name) {
        double[] x = vectors.get(name);
        if (x == null) {
            throw new IllegalArgumentException("group '" + group.name() + "' has no variable '" + name + "'; known: "
                    + String.join(", ", vectors.keySet()));
        }
        return x;
    }

    synchronized void nonFinite(int neuron) {
        if (nonFiniteFast < 0 || neuron < nonFiniteFast) nonFiniteFast = neuron;
    }

    synchronized int firstNonFinite() {
        int k = kernel == null ? -1 : kernel.firstNonFinite();
        if (nonFiniteFast >= 0 && (k < 0 || nonFiniteFast < k)) k = nonFiniteFast;
        return k;
    }

    double[] r(long seed) {
        if (r == null) r = group.uniforms(seed);
        return r;
    }

    void recomputeExt() {
        double s = 0;
        double[] arr = null;
        for (InputState.Constant ci : constants) {
            if (ci.array == null) {
                s += ci.scalar;
            } else {
                if (arr == null) arr = new double[n];
                for (int i = 0; i < n; i++) arr[i] += ci.array[i];
            }
        }
        extScalar = s;
        extArray = arr;
    }
}
