package org.izhsim.network.engine;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.izhsim.equations.EquationKernel;
import org.izhsim.equations.NeuronVariables;
import org.izhsim.equations.SynapseKernel;
import org.izhsim.equations.SynapseModel;
import org.izhsim.network.Plasticity;
import org.izhsim.network.SynapseEquations;
import org.izhsim.synapse.DelayRows;
import org.izhsim.synapse.IncomingIndex;

/**
 * A synapse model's compiled kernel ({@link Plasticity.Equations}) on the plasticity seam, in
 * Brian2's order: arrivals ({@code on_pre}, after the engine has delivered w) before post
 * spikes ({@code on_post}), both at step k; periodic blocks at the start of steps n, 2n, … of
 * each block's period (before the step's spikes); clock-driven variables advanced once per
 * step, after the neurons' update of that step (Brian2 integrates them with the neurons, in
 * 'groups'). Synapse variables other than w are the side arrays of the same name; the step of
 * each synapse's last event and the last spike of every neuron are this rule's own state
 * (saved in snapshots). {@code (summed)} variables need a hook before the neurons' update,
 * which the seam does not have: they are refused.
 */
final class EquationRule implements PlasticRule {
    private final PlasticSite site;
    private final SynapseModel model;
    private final SynapseKernel kernel;
    private final DelayRows rows;
    private final IncomingIndex in;
    private final int[] lastUpdate;
    private final long[] lastSpikePre, lastSpikePost;
    private final long[] blockSteps;
    private final long period;

    EquationRule(Plasticity.Equations e, PlasticSite site) {
        this.site = site;
        this.model = e.model();
        this.rows = site.rows();
        this.in = site.incoming();
        String who = "synapse group '" + site.group().name() + "': ";
        try {
            SynapseEquations.check(model, site.group().pre(), site.group().post());
        } catch (IllegalArgumentException x) {
            throw new IllegalArgumentException(who + x.getMessage(), x);
        }
        if (!model.summed().isEmpty()) {
            throw new IllegalArgumentException(who + "(summed) variables are not run by the engine yet (they need a pass"
                    + " before the neurons' update); write the sum's effect in on_pre instead");
        }
        String read = preRead(model);
        if (read != null) {
            throw new IllegalArgumentException(who + "the model reads '" + read + "', a pre-synaptic neuron's value; in a"
                    + " network another worker may already be updating that neuron for the next step, so results would"
                    + " depend on threads. Read only synapse variables, post-synaptic variables (_post), t and dt");
        }
        int n = rows.count();
        float[][] vars = new float[model.variables().size()][];
        int w = model.weightIndex();
        for (int j = 0; j < vars.length; j++) {
            if (j == w) continue;
            String name = model.variables().get(j).name();
            vars[j] = rows.sideArray(name);
            Double x = e.initial().get(name);
            if (x != null) Arrays.fill(vars[j], (float) x.doubleValue());
        }
        lastUpdate = model.hasEventDriven() ? new int[n] : null;
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
        kernel = e.compiler().compile(model).create(new SynapseKernel.State(weights, vars, lastUpdate,
                arrays(site.pre(), model.pre()), arrays(site.post(), model.post()), lastSpikePre, lastSpikePost, site.dt()));
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

    /** The first pre-synaptic name (x_pre, lastspike_pre) the model reads, or null. */
    static String preRead(SynapseModel m) {
        List<org.izhsim.expr.Node> trees = new java.util.ArrayList<>();
        m.onPre().forEach(st -> trees.add(st.value()));
        m.onPost().forEach(st -> trees.add(st.value()));
        m.periodic().forEach(p -> p.statements().forEach(st -> trees.add(st.value())));
        m.variables().forEach(v -> { if (v.derivative() != null) trees.add(v.derivative()); });
        List<String> symbols = m.symbols();
        for (org.izhsim.expr.Node t : trees) {
            int at = preIndex(t, m);
            if (at >= 0) return symbols.get(at);
        }
        return null;
    }

    private static int preIndex(org.izhsim.expr.Node node, SynapseModel m) {
        return switch (node) {
            case org.izhsim.expr.Node.Variable v -> (v.index() >= m.preOffset() && v.index() < m.postOffset())
                    || v.index() == m.timeIndex() + 2 ? v.index() : -1;
            case org.izhsim.expr.Node.Unary u -> preIndex(u.operand(), m);
            case org.izhsim.expr.Node.Binary b -> Math.max(preIndex(b.left(), m), preIndex(b.right(), m));
            case org.izhsim.expr.Node.Call c -> c.arguments().stream().mapToInt(a -> preIndex(a, m)).max().orElse(-1);
            default -> -1;
        };
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
    public void spikes(Worker wk, long k) {
        mark(wk, site.pre(), lastSpikePre, k);
        mark(wk, site.post(), lastSpikePost, k);
        if (!model.hasClockDriven()) return;
        for (int q = site.bounds()[wk.id]; q < site.bounds()[wk.id + 1]; q++) {
            for (int e = in.start(q), end = in.end(q); e < end; e++) kernel.clockStep(in.index(e), in.pre(e), q, k);
        }
    }

    private static void mark(Worker wk, GroupState g, long[] last, long k) {
        for (int i = PlasticSite.spikesFrom(wk, g), end = PlasticSite.spikesTo(wk, g); i < end; i++) last[wk.spikes[i] - g.off] = k;
    }

    @Override
    public void arrival(Worker wk, long k, int pre, int delay, int from, int to) {
        for (int j = from; j < to; j++) kernel.onPre(j, pre, rows.post(j), k);
    }

    @Override
    public void postSpike(Worker wk, long k, int post, int from, int to) {
        for (int e = from; e < to; e++) kernel.onPost(in.index(e), in.pre(e), post, k);
    }

    @Override
    public void save(Map<String, double[]> out, String prefix) {
        if (lastUpdate != null) {
            double[] x = new double[lastUpdate.length];
            for (int j = 0; j < x.length; j++) x[j] = lastUpdate[j];
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
        if (lastUpdate != null) {
            double[] x = array(from, prefix + "lastupdate", lastUpdate.length);
            for (int j = 0; j < x.length; j++) lastUpdate[j] = (int) x[j];
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
