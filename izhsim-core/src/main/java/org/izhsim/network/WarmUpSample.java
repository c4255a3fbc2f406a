package org.izhsim.network;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small network of the same kind as a given one, for the JIT warm-up before a run
 * ({@code Simulation.Builder.warmUp}): the same groups, models, synapse groups (kinds of
 * connectivity, weights, delays, storage, plasticity), inputs, scheme and dt, each group cut to
 * its first neurons so that the whole has at most a given number. What the run's loops
 * execute, the sample's execute too, so HotSpot compiles them before the timed run; net2003
 * has its own ({@code Izhikevich2003Network.Builder.warmUpSample}), this one serves any
 * {@link Network} (model files, the Java API).
 *
 * <p>Nothing of it reaches the run: it is another network on another engine, and its results
 * are thrown away. It has no monitors (the run adds its own watchers, see
 * {@code NetworkRun}). A network the sample cannot stand for gets none ({@link #of} returns
 * null): groups with behaviours (their objects carry state that a rehearsal would change) and
 * per-synapse arrays of weights or delays over all-to-all or one-to-one connectivity (the
 * sample would have to re-index them; explicit pairs are cut with their arrays).
 */
public final class WarmUpSample {
    private WarmUpSample() {}

    /** The neurons of a sample: as net2003's (≤ 4,000 + 1,000), enough for C2 to see the run's loop shapes. */
    public static final int NEURONS = 2000;

    /** The sample of {@code net} with at most {@code maxNeurons} neurons, or null if it has none (see the class comment). */
    public static Network of(Network net, int maxNeurons) {
        if (maxNeurons < 1) throw new IllegalArgumentException("a sample needs at least one neuron, got " + maxNeurons);
        double f = Math.min(1.0, (double) maxNeurons / net.neuronCount());
        Map<NeuronGroup, NeuronGroup> small = new IdentityHashMap<>();
        Network.Builder b = Network.builder().seed(net.seed()).dt(net.dt()).scheme(net.scheme()).pulseSteps(net.pulseSteps());
        for (NeuronGroup g : net.groups()) {
            if (!g.behaviours().isEmpty()) return null;
            NeuronGroup s = g.resized(Math.max(1, (int) Math.floor(g.size() * f)));
            small.put(g, s);
            b.add(s);
        }
        for (SynapseGroup s : net.synapses()) {
            SynapseGroup t = resized(s, small);
            if (t == null) return null;
            b.add(t);
        }
        for (Input in : net.inputs()) b.add(resized(in, small));
        return b.build();
    }

    private static SynapseGroup resized(SynapseGroup s, Map<NeuronGroup, NeuronGroup> small) {
        Weights w = s.weights();
        Delays d = s.delays();
        if (!(s.connectivity() instanceof Connectivity.Explicit) && (w instanceof Weights.Array || d instanceof Delays.Array)) return null;
        NeuronGroup pre = small.get(s.pre()), post = small.get(s.post());
        Connectivity c;
        switch (s.connectivity()) {
            case Connectivity.Explicit e -> {
                List<Integer> kept = new ArrayList<>();
                for (int j = 0; j < e.pre().length; j++) {
                    if (e.pre()[j] < pre.size() && e.post()[j] < post.size()) kept.add(j);
                }
                int[] p = new int[kept.size()], q = new int[kept.size()];
                for (int j = 0; j < p.length; j++) {
                    p[j] = e.pre()[kept.get(j)];
                    q[j] = e.post()[kept.get(j)];
                }
                c = new Connectivity.Explicit(p, q);
                if (w instanceof Weights.Array a) {
                    double[] x = new double[p.length];
                    for (int j = 0; j < x.length; j++) x[j] = a.w()[kept.get(j)];
                    w = new Weights.Array(x);
                }
                if (d instanceof Delays.Array a) {
                    int[] x = new int[p.length];
                    for (int j = 0; j < x.length; j++) x[j] = a.steps()[kept.get(j)];
                    d = new Delays.Array(x);
                }
            }
            case Connectivity.FixedInDegree k -> c = new Connectivity.FixedInDegree(Math.min(k.k(), pre.size()));
            case Connectivity.FixedInDegreeFrom k -> {
                List<NeuronGroup> pop = new ArrayList<>();
                for (NeuronGroup g : k.population()) pop.add(small.get(g));
                c = new Connectivity.FixedInDegreeFrom((int) Math.min(k.k(), Connectivity.FixedInDegreeFrom.populationSize(pop)), k.draw(), pop);
            }
            default -> c = s.connectivity();
        }
        return SynapseGroup.builder(s.name(), pre, post).tag(s.tag()).connect(c).weights(w).delays(d)
                .storage(s.resolvedStorage()).plasticity(s.plasticity()).target(s.target()).build();
    }

    private static Input resized(Input in, Map<NeuronGroup, NeuronGroup> small) {
        return switch (in) {
            case Input.Noise n -> new Input.Noise(n.name(), small.get(n.group()), n.sigma().head(small.get(n.group()).size()), n.periodMs());
            case Input.Constant k -> new Input.Constant(k.name(), small.get(k.group()), k.amplitude().head(small.get(k.group()).size()));
            case Input.TimeCurrent t -> new Input.TimeCurrent(t.name(), small.get(t.group()), t.f());
            case Input.Poisson p -> new Input.Poisson(p.name(), small.get(p.group()), p.sources(), p.rateHz(), p.weight());
        };
    }
}
