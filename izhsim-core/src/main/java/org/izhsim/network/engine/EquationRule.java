package org.izhsim.network.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.izhsim.equations.EquationKernel;
import org.izhsim.equations.NeuronVariables;
import org.izhsim.equations.SynapseKernel;
import org.izhsim.equations.SynapseModel;
import org.izhsim.equations.SynapseWords;
import org.izhsim.expr.Node;
import org.izhsim.network.Plasticity;
import org.izhsim.network.SynapseEquations;
import org.izhsim.synapse.DelayRows;
import org.izhsim.synapse.IncomingIndex;

/**
 * A synapse model's compiled kernel ({@link Plasticity.Equations}) on the plasticity seam. Per
 * step k: periodic blocks at the start of steps n, 2n, … of each block's period (before the
 * step's barrier); after the barrier the clock-driven variables advance one step (Brian2
 * integrates them with the neurons, in 'groups', before the events), then the two pathways in
 * the group's {@link Plasticity.PathwayOrder} (Brian2's: arrivals' {@code on_pre}, after the
 * engine has delivered w, then post spikes' {@code on_post}; spnet's: the other way round),
 * then the {@code (summed)} variables of the worker's posts, which the neurons' next
 * integration reads (Brian2 runs the summed updater just before the target group's update).
 *
 * <p>Reads of pre-synaptic neurons ({@code v_pre}, {@code lastspike_pre}) see them as they are
 * at the barrier of step k, after that step's threshold and reset: the values the model reads
 * are copied there, in the serial part, because after the barrier the pre neuron's own worker
 * may already integrate it for the next step. Post-synaptic values are the worker's own and are
 * read live. Synapse variables other than w and the step of each synapse's last event are
 * packed per synapse ({@link SynapseWords}: an event touches one line for them, not one per
 * variable); they and the last spike of every neuron are this rule's own state (saved in
 * snapshots).
 */
final class EquationRule implements PlasticRule {
    private final PlasticSite site;
    private final SynapseModel model;
    private final SynapseKernel kernel;
    private final DelayRows rows;
    private final IncomingIndex in;
    private final boolean postFirst;
    /** Every synapse variable but w and each synapse's last event step, packed per synapse (one line per event). */
    private final SynapseWords synapses;
    private final int[] words;
    private final int stride;
    /** Whether an arrival adds w to the pulse ring (the target is I), which no statement reads. */
    private final boolean pulse;
    private final long[] lastSpikePre, lastSpikePost;
    private final long[] blockSteps;
    private final long period;
    /** The pre group's live vectors that the model reads, and the copies the kernel reads instead. */
    private final double[][] preLive, preCopy;
    /** The post vectors that the summed variables set, by {@link SynapseModel#summed()} position. */
    private final double[][] summedTargets;

    EquationRule(Plasticity.Equations e, PlasticSite site) {
        this.site = site;
        this.model = e.model();
        this.rows = site.rows();
        this.in = site.incoming();
        this.postFirst = e.order().postFirst();
        String who = "synapse group '" + site.group().name() + "': ";
        try {
            SynapseEquations.check(model, site.group().pre(), site.group().post());
        } catch (IllegalArgumentException x) {
            throw new IllegalArgumentException(who + x.getMessage(), x);
        }
        int n = rows.count();
        int w = model.weightIndex();
        try {
            synapses = SynapseWords.of(model, n);
        } catch (IllegalArgumentException x) {
            throw new IllegalArgumentException(who + x.getMessage(), x);
        }
        for (int j = 0; j < model.variables().size(); j++) {
            if (j == w) continue;
            Double x = e.initial().get(model.variables().get(j).name());
            if (x != null) synapses.fill(j, (float) x.doubleValue());
        }
        words = synapses.words();
        stride = synapses.stride();
        pulse = site.group().targetsCurrent();
        lastSpikePre = never(site.pre().n);
        lastSpikePost = never(site.post().n);
        SynapseKernel.Weights weights = w < 0 ? null : new SynapseKernel.Weights() {
            @Override
            public float weight(int syn) {
                return rows.weight(syn);
            }

            @Override
            public void setWeight(int syn, float x) {
                rows.setWeight(syn, x);
            }
        };
        double[][] pre = arrays(site.pre(), model.pre());
        BitSet read = preReads(model);
        preLive = new double[read.cardinality()][];
        preCopy = new double[preLive.length][];
        for (int i = read.nextSetBit(0), c = 0; i >= 0; i = read.nextSetBit(i + 1), c++) {
            preLive[c] = pre[i];
            preCopy[c] = pre[i].clone();
            pre[i] = preCopy[c];
        }
        List<String> postNames = List.copyOf(model.post().variables().keySet());
        summedTargets = new double[model.summed().size()][];
        for (int s = 0; s < summedTargets.length; s++) {
            summedTargets[s] = site.post().vector(postNames.get(model.summed().get(s).postIndex()));
        }
        kernel = e.compiler().compile(model).create(new SynapseKernel.State(weights, synapses,
                pre, arrays(site.post(), model.post()), lastSpikePre, lastSpikePost, site.dt()));
        blockSteps = new long[model.periodic().size()];
        long g = 0;
        for (int b = 0; b < blockSteps.length; b++) {
            try {
                blockSteps[b] = model.periodSteps(b, site.dt());
            } catch (IllegalArgumentException x) {
                throw new IllegalArgumentException(who + x.getMessage());
            }
            g = g == 0 ? blockSteps[b] : gcd(g, blockSteps[b]);
        }
        period = g;
    }

    /** The pre neuron variables (by {@link SynapseModel#pre()} position) that some expression of the model reads. */
    private static BitSet preReads(SynapseModel m) {
        BitSet read = new BitSet();
        for (Node t : expressions(m)) {
            variables(t, i -> {
                if (i >= m.preOffset() && i < m.postOffset()) read.set(i - m.preOffset());
            });
        }
        return read;
    }

    /**
     * The first pre-synaptic name (x_pre, lastspike_pre) the model reads, or null: what a run
     * across ranks cannot give a rule, as ranks exchange only spikes.
     */
    static String preRead(SynapseModel m) {
        BitSet read = preReads(m);
        if (!read.isEmpty()) return m.symbols().get(m.preOffset() + read.nextSetBit(0));
        int lastSpikePre = m.timeIndex() + 2;
        boolean[] reads = {false};
        for (Node t : expressions(m)) variables(t, i -> reads[0] |= i == lastSpikePre);
        return reads[0] ? "lastspike_pre" : null;
    }

    /** Every expression of the model: on_pre, on_post, summed, periodic statements and derivatives. */
    private static List<Node> expressions(SynapseModel m) {
        List<Node> trees = new ArrayList<>();
        m.onPre().forEach(st -> trees.add(st.value()));
        m.onPost().forEach(st -> trees.add(st.value()));
        m.summed().forEach(x -> trees.add(x.value()));
        m.periodic().forEach(p -> p.statements().forEach(st -> trees.add(st.value())));
        m.variables().forEach(v -> { if (v.derivative() != null) trees.add(v.derivative()); });
        return trees;
    }

    private static void variables(Node node, java.util.function.IntConsumer seen) {
        switch (node) {
            case Node.Variable v -> seen.accept(v.index());
            case Node.Unary u -> variables(u.operand(), seen);
            case Node.Binary b -> {
                variables(b.left(), seen);
                variables(b.right(), seen);
            }
            case Node.Call c -> c.arguments().forEach(a -> variables(a, seen));
            default -> {}
        }
    }

    /**
     * Brian2's rule across synapse groups: two groups may not sum into the same variable of the
     * same post group (the second sum would replace the first).
     *
     * @throws IllegalArgumentException naming both groups and the variable
     */
    static void checkSummedTargets(List<PlasticSite> sites) {
        Map<List<String>, String> by = new HashMap<>();
        for (PlasticSite s : sites) {
            if (!(s.group().plasticity() instanceof Plasticity.Equations e)) continue;
            List<String> names = List.copyOf(e.model().post().variables().keySet());
            for (SynapseModel.Summed x : e.model().summed()) {
                String target = names.get(x.postIndex());
                String other = by.putIfAbsent(List.of(s.post().group.name(), target), s.group().name());
                if (other != null) {
                    throw new IllegalArgumentException("synapse groups '" + other + "' and '" + s.group().name() + "' both"
                            + " sum into '" + target + "' of group '" + s.post().group.name() + "' (" + x.where() + "); as in"
                            + " Brian2, give each (summed) variable a parameter of its own and add them in the neuron"
                            + " equations");
                }
            }
        }
    }

    private static long[] never(int n) {
        long[] x = new long[n];
        Arrays.fill(x, EquationKernel.NEVER);
        return x;
    }

    private static double[][] arrays(GroupState g, NeuronVariables vars) {
        List<String> names = List.copyOf(vars.variables().keySet());
        double[][] out = new double[names.size()][];
        for (int k = 0; k < out.length; k++) out[k] = g.vector(names.get(k));
        return out;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    @Override
    public long periodSteps() {
        return period;
    }

    @Override
    public void periodic(Worker wk, long k) {
        int from = site.incomingFrom(wk.id), to = site.incomingTo(wk.id);
        for (int b = 0; b < blockSteps.length; b++) {
            if (k % blockSteps[b] != 0) continue;
            // a block changes synapse variables only, so one synapse at a time in incoming order
            // gives what any storage split gives
            for (int e = from; e < to; e++) {
                int j = in.index(e);
                kernel.periodic(b, j, j + 1, k);
            }
        }
    }

    @Override
    public boolean postSpikesFirst() {
        return postFirst;
    }

    @Override
    public void atBarrier(long k, int[] spikes, int count) {
        mark(spikes, count, site.pre(), lastSpikePre, k);
        mark(spikes, count, site.post(), lastSpikePost, k);
        for (int c = 0; c < preLive.length; c++) System.arraycopy(preLive[c], 0, preCopy[c], 0, preCopy[c].length);
    }

    private static void mark(int[] spikes, int count, GroupState g, long[] last, long k) {
        for (int i = 0; i < count; i++) {
            int q = spikes[i] - g.off;
            if (q >= 0 && q < g.n) last[q] = k;
        }
    }

    /** Nothing before the barrier: the last spikes are marked at it, where every worker's are known. */
    @Override
    public void spikes(Worker wk, long k) {}

    @Override
    public void beforeEvents(Worker wk, long k) {
        if (!model.hasClockDriven()) return;
        for (int q = site.bounds()[wk.id]; q < site.bounds()[wk.id + 1]; q++) {
            for (int e = in.start(q), end = in.end(q); e < end; e++) kernel.clockStep(in.index(e), in.pre(e), q, k);
        }
    }

    @Override
    public void afterEvents(Worker wk, long k) {
        for (int s = 0; s < summedTargets.length; s++) {
            double[] target = summedTargets[s];
            for (int q = site.bounds()[wk.id]; q < site.bounds()[wk.id + 1]; q++) {
                double sum = 0;
                for (int e = in.start(q), end = in.end(q); e < end; e++) sum += kernel.summand(s, in.index(e), in.pre(e), q, k);
                target[q] = sum;
            }
        }
    }

    /**
     * One pass when the group delivers a current pulse: each synapse's w goes into the pulse ring
     * and then its on_pre runs, as the two walks do (on_pre cannot read the ring, and writes stay
     * within its synapse). A jump of a state variable is delivered into that variable, which
     * on_pre may read, so there the engine's two walks remain.
     */
    @Override
    public int arrive(Worker wk, long k, int pre, int delay, int from, int to, DelayRows rows, double[] acc) {
        if (!pulse) return PlasticRule.super.arrive(wk, k, pre, delay, from, to, rows, acc);
        for (int j = from; j < to; j++) {
            int q = rows.post(j);
            acc[q] += rows.weight(j);
            kernel.onPre(j, pre, q, k);
        }
        return to - from;
    }

    @Override
    public void arrival(Worker wk, long k, int pre, int delay, int from, int to) {
        for (int j = from; j < to; j++) kernel.onPre(j, pre, rows.post(j), k);
    }

    @Override
    public int touch(DelayRows rows, int j) {
        return stride == 0 ? rows.post(j) : rows.post(j) + words[j * stride];
    }

    /** A gather's two passes (see {@link #touch}): the incoming synapses' lines first, then the kernel on each. */
    @Override
    public void postSpike(Worker wk, long k, int post, int from, int to) {
        int t = 0;
        for (int e = from; e < to; e++) t += touch(rows, in.index(e));
        wk.touch += t;
        for (int e = from; e < to; e++) kernel.onPost(in.index(e), in.pre(e), post, k);
    }

    /** The synapse variables (not w) under {@code var.NAME} and the last event steps under {@code lastupdate}, in canonical order. */
    @Override
    public void save(Map<String, double[]> out, String prefix) {
        int[] order = rows.canonicalOrder();
        for (int v = 0; v < model.variables().size(); v++) {
            if (v == model.weightIndex()) continue;
            double[] x = new double[order.length];
            for (int j = 0; j < x.length; j++) x[j] = synapses.get(v, order[j]);
            out.put(prefix + "var." + model.variables().get(v).name(), x);
        }
        if (synapses.hasLastUpdate()) {
            double[] x = new double[order.length];
            for (int j = 0; j < x.length; j++) x[j] = synapses.lastUpdate(order[j]);
            out.put(prefix + "lastupdate", x);
        }
        out.put(prefix + "lastspike_pre", steps(lastSpikePre));
        out.put(prefix + "lastspike_post", steps(lastSpikePost));
    }

    private static double[] steps(long[] s) {
        double[] x = new double[s.length];
        for (int i = 0; i < x.length; i++) x[i] = s[i];
        return x;
    }

    @Override
    public void load(Map<String, double[]> from, String prefix) {
        int[] order = rows.canonicalOrder();
        for (int v = 0; v < model.variables().size(); v++) {
            if (v == model.weightIndex()) continue;
            double[] x = array(from, prefix + "var." + model.variables().get(v).name(), order.length);
            for (int j = 0; j < x.length; j++) synapses.set(v, order[j], (float) x[j]);
        }
        if (synapses.hasLastUpdate()) {
            double[] x = array(from, prefix + "lastupdate", order.length);
            for (int j = 0; j < x.length; j++) synapses.setLastUpdate(order[j], (int) x[j]);
        }
        double[] p = array(from, prefix + "lastspike_pre", lastSpikePre.length);
        for (int i = 0; i < p.length; i++) lastSpikePre[i] = (long) p[i];
        double[] q = array(from, prefix + "lastspike_post", lastSpikePost.length);
        for (int i = 0; i < q.length; i++) lastSpikePost[i] = (long) q[i];
    }

    private static double[] array(Map<String, double[]> from, String key, int n) {
        double[] x = from.get(key);
        if (x == null || x.length != n) throw Checkpoint.missing(key);
        return x;
    }
}
