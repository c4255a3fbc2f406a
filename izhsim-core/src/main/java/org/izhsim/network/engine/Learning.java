package org.izhsim.network.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.izhsim.network.SynapseGroup;
import org.izhsim.synapse.DelayRows;
import org.izhsim.synapse.Parallel;

/**
 * The plastic synapse groups of an engine and their {@link PlasticRule}s, and the stages of
 * the step that run them ({@link org.izhsim.network.Phase#PLASTICITY_SAME_STEP},
 * {@link org.izhsim.network.Phase#PLASTICITY_NEXT_STEP}): {@link #spikes} before the barrier,
 * {@link #learn} after the static propagation. Plastic groups are delivered here, at arrival
 * (not through the delay ring at spike time), so a spike acts with the weight its synapse has
 * when it arrives; for that the spikes of the last (largest delay + 1) steps are kept
 * ({@link #record}, in the barrier's serial part). A network without plastic groups has no
 * {@code Learning} and pays nothing.
 *
 * <p>With several ranks, a rank holds the plastic synapses onto its own posts, so every weight
 * update is its own; what it needs of other ranks is their spikes (for arrivals, and for the
 * rules' pre traces of neurons it does not own), and those it learns at each exchange
 * ({@link #exchanged}).
 */
final class Learning {
    private final PlasticSite[] sites;
    private final PlasticRule[] rules;
    private final int latency, depth;
    /** Steps per exchange interval; 0 on one rank, where the spikes of a step are all known at its barrier. */
    private final int interval;
    /** Spikes of step s (global, ascending) in slot s % history.length. */
    private final int[][] history;
    private final int[] historyCount;
    private final long[] historyStep;
    /** [site][worker]: the segment bounds of the kept spikes. */
    private final SpikeSegments[][] segments;

    private Learning(List<PlasticSite> sites, int latency, int depth, int interval) {
        this.sites = sites.toArray(new PlasticSite[0]);
        this.rules = new PlasticRule[this.sites.length];
        int maxDelay = 0;
        SharedTraces traces = new SharedTraces();
        for (int i = 0; i < rules.length; i++) {
            rules[i] = PlasticRules.create(this.sites[i].group().plasticity(), this.sites[i], traces);
            maxDelay = Math.max(maxDelay, this.sites[i].rows().maxDelay());
        }
        this.latency = latency;
        this.depth = depth;
        this.interval = interval;
        this.history = new int[maxDelay + 1][16];
        this.historyCount = new int[maxDelay + 1];
        this.historyStep = new long[maxDelay + 1];
        java.util.Arrays.fill(historyStep, -1);
        this.segments = new SpikeSegments[this.sites.length][];
        for (int i = 0; i < this.sites.length; i++) {
            DelayRows rows = this.sites[i].rows();
            int workers = this.sites[i].bounds().length - 1;
            if (rows.workers() != workers) {
                throw new IllegalStateException("synapse group '" + this.sites[i].group().name() + "': rows laid out for "
                        + rows.workers() + " workers, the engine runs " + workers);
            }
            segments[i] = new SpikeSegments[workers];
            for (int w = 0; w < workers; w++) segments[i][w] = new SpikeSegments(rows, w, maxDelay + 1);
        }
    }

    /**
     * The learning of {@code wiring}'s plastic groups, or null if there are none. Builds their
     * incoming indexes on {@code par} (between jobs). {@code interval} is the exchange interval
     * of a run on {@code ranks} > 1 ranks.
     */
    static Learning of(Wiring wiring, Map<org.izhsim.network.NeuronGroup, GroupState> byGroup, int threads, Parallel par,
                       int ranks, int interval, int latency, int depth, double dt) {
        List<PlasticSite> sites = new ArrayList<>();
        for (SynapseGroup s : wiring.plastic) {
            if (ranks > 1 && s.plasticity() instanceof org.izhsim.network.Plasticity.Equations e) {
                // spikes are all that ranks exchange: a value or last spike of a pre neuron another
                // rank owns is not known at the step that would read it
                String read = EquationRule.preRead(e.model());
                if (read != null) {
                    throw new IllegalArgumentException("synapse group '" + s.name() + "': the model reads '" + read + "', a value of a"
                            + " pre-synaptic neuron, and across " + ranks + " ranks other ranks' neurons send only their spikes;"
                            + " run it on one rank (with --threads), or read only synapse and post-synaptic variables");
                }
            }
            GroupState post = byGroup.get(s.post());
            if (post.custom()) {
                throw new IllegalArgumentException("synapse group '" + s.name() + "' is plastic, but its post group '" + post.group.name()
                        + "' runs behaviours instead of a model; plastic groups need a model group as target");
            }
            DelayRows rows = (DelayRows) wiring.matrix(s);
            sites.add(new PlasticSite(s, rows, rows.incoming(par), byGroup.get(s.pre()), post, Partition.postBounds(post, threads), dt));
        }
        EquationRule.checkSummedTargets(sites);
        return sites.isEmpty() ? null : new Learning(sites, latency, depth, ranks > 1 ? interval : 0);
    }

    /**
     * Serial, at the barrier of step k, after the exchange: keeps the spikes that arrivals
     * need. On one rank, the merged spikes of step k; on several, nothing until an interval
     * ends, then {@link #exchanged}.
     */
    void record(long k, Propagation p) {
        if (interval == 0) keep(k, p.stepSpikes, 0, p.stepCount);
        else if (p.endsInterval(k)) exchanged(k, p.exchanged());
        // every step, this rank's own spikes: all of its posts' (a rule's post state is rank-local)
        for (PlasticRule r : rules) r.atBarrier(k, p.stepSpikes, p.stepCount);
    }

    /**
     * The interval ending at step {@code last}, every rank's spikes sorted by (step, neuron):
     * kept step by step for arrivals, and handed to the rules for their traces of the pre
     * neurons other ranks own.
     *
     * <p><b>Why this is exact.</b> With D = max(1, L + d_min) steps per interval (see
     * {@link org.izhsim.network.Communicator}), the spikes of step s are known at the barrier of
     * the interval's last step e ≤ s + D − 1, and D − 1 ≤ d_min (L ≤ 1; D = 1 gives e = s).
     * A spike of step s reaches a synapse of delay d ≥ d_min at step s + d ≥ e, and every rule
     * reads a pre trace at step k only as it was at step k − d (the arrival time) or before.
     * So whatever {@link #learn} reads at step k — the spikes arriving, the pre traces of their
     * steps — was complete at the barrier of step k, before it runs: the schedule never needs
     * a spike from the future. The traces of neurons of other ranks take the same operations,
     * in the same order, as their own rank's workers apply ({@link TraceHistory#stepRemote}),
     * so every rank sees the traces one rank sees, bit for bit. The ring of recent spikes holds
     * (largest delay + 1) ≥ D steps, so keeping an interval's D steps at once overwrites only
     * steps no arrival needs any more.
     */
    private void exchanged(long last, org.izhsim.network.SpikeBuffer all) {
        int[] neurons = all.neuronArray();
        int i = 0, n = all.size();
        for (long s = last - interval + 1; s <= last; s++) {
            int j = i;
            while (j < n && all.step(j) == s) j++;
            keep(s, neurons, i, j);
            for (PlasticRule r : rules) r.remoteSpikes(s, neurons, i, j);
            i = j;
        }
        if (i != n) throw new IllegalStateException("exchanged spikes outside the interval ending at step " + last);
    }

    private void keep(long k, int[] spikes, int from, int to) {
        int slot = (int) (k % history.length), count = to - from;
        if (history[slot].length < count) history[slot] = new int[Math.max(count, 2 * history[slot].length)];
        System.arraycopy(spikes, from, history[slot], 0, count);
        historyCount[slot] = count;
        historyStep[slot] = k;
    }

    /** Before the barrier of step k: periodic passes and the rules' own-spike updates of worker wk's neurons. */
    void spikes(Worker wk, long k) {
        for (PlasticRule r : rules) {
            long n = r.periodSteps();
            if (n > 0 && k > 0 && k % n == 0) r.periodic(wk, k);
            r.spikes(wk, k);
        }
    }

    /** After the barrier and the static propagation of step k: each plastic group's post spikes and arrivals. */
    void learn(Worker wk, long k) {
        for (int i = 0; i < sites.length; i++) {
            PlasticSite s = sites[i];
            PlasticRule r = rules[i];
            r.beforeEvents(wk, k);
            if (r.postSpikesFirst()) {
                postSpikes(wk, k, s, r);
                arrivals(wk, k, s, r, i);
            } else {
                arrivals(wk, k, s, r, i);
                postSpikes(wk, k, s, r);
            }
            r.afterEvents(wk, k);
        }
    }

    private static void postSpikes(Worker wk, long k, PlasticSite s, PlasticRule r) {
        GroupState g = s.post();
        for (int i = PlasticSite.spikesFrom(wk, g), end = PlasticSite.spikesTo(wk, g); i < end; i++) {
            int q = wk.spikes[i] - g.off;
            r.postSpike(wk, k, q, s.incoming().start(q), s.incoming().end(q));
        }
    }

    private void arrivals(Worker wk, long k, PlasticSite s, PlasticRule r, int site) {
        final DelayRows rows = s.rows();
        final GroupState g = s.pre();
        final double[] acc = Jumps.ringOf(s.group(), s.post())[(int) ((k + latency) % depth)]; // the pulse ring, or the target variable's
        final SpikeSegments seg = segments[site][wk.id];
        long events = 0;
        for (int d = rows.minDelay(), dMax = rows.maxDelay(); d <= dMax; d++) {
            long step = k - d;
            if (step < 0) break;
            int slot = (int) (step % history.length);
            if (historyStep[slot] != step) continue;
            int[] spikes = history[slot];
            int count = historyCount[slot];
            final int lo = lowerBound(spikes, count, g.off), hi = lowerBound(spikes, count, g.off + g.n);
            final int[] b = seg.of(slot, step, spikes, lo, hi, g.off);
            final int o0 = d - rows.minDelay(), stride = seg.stride();
            // first touch of every segment's line before any is used: independent loads, many
            // in flight at once (Java's stand-in for a prefetch); the sum only keeps them alive
            int touch = 0;
            for (int i = lo, o = o0; i < hi; i++, o += stride) {
                int from = b[o];
                if (from < b[o + 1]) touch += r.touch(rows, from);
            }
            wk.touch += touch;
            for (int i = lo, o = o0; i < hi; i++, o += stride) {
                int pre = spikes[i] - g.off;
                int from = b[o], to = b[o + 1];
                if (from < to) events += r.arrive(wk, k, pre, d, from, to, rows, acc);
            }
        }
        wk.events += events;
    }

    /** The first index in a[0, n) whose value is ≥ key (a ascending). */
    private static int lowerBound(int[] a, int n, int key) {
        int lo = 0, hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < key) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /** Adds weights, side arrays, rule state and the recent spikes to a checkpoint. */
    void save(Map<String, double[]> d, Map<String, long[]> l) {
        for (int i = 0; i < sites.length; i++) {
            String p = "syn/" + sites[i].group().name();
            DelayRows rows = sites[i].rows();
            int[] order = rows.canonicalOrder();
            double[] w = new double[rows.count()];
            for (int j = 0; j < w.length; j++) w[j] = rows.weight(order[j]);
            d.put(p + "#w", w);
            for (Map.Entry<String, float[]> side : rows.sideArrays().entrySet()) {
                float[] x = side.getValue();
                double[] y = new double[x.length];
                for (int j = 0; j < x.length; j++) y[j] = x[order[j]];
                d.put(p + "#side." + side.getKey(), y);
            }
            rules[i].save(d, p + "#rule.");
        }
        int total = 0;
        for (int c : historyCount) total += c;
        long[] steps = new long[total], neurons = new long[total];
        int n = 0;
        for (int slot = 0; slot < history.length; slot++) {
            if (historyStep[slot] < 0) continue;
            for (int i = 0; i < historyCount[slot]; i++, n++) {
                steps[n] = historyStep[slot];
                neurons[n] = history[slot][i];
            }
        }
        l.put("plastic#steps", java.util.Arrays.copyOf(steps, n));
        l.put("plastic#neurons", java.util.Arrays.copyOf(neurons, n));
    }

    /** Puts back what {@link #save} wrote. */
    void load(Map<String, double[]> d, Map<String, long[]> l) {
        for (int i = 0; i < sites.length; i++) {
            String p = "syn/" + sites[i].group().name();
            DelayRows rows = sites[i].rows();
            int[] order = rows.canonicalOrder();
            double[] w = d.get(p + "#w");
            if (w == null || w.length != rows.count()) throw Checkpoint.missing(p + "#w");
            for (int j = 0; j < w.length; j++) rows.setWeight(order[j], (float) w[j]);
            for (Map.Entry<String, float[]> side : rows.sideArrays().entrySet()) {
                double[] y = d.get(p + "#side." + side.getKey());
                float[] x = side.getValue();
                if (y == null || y.length != x.length) throw Checkpoint.missing(p + "#side." + side.getKey());
                for (int j = 0; j < x.length; j++) x[order[j]] = (float) y[j];
            }
            for (SpikeSegments s : segments[i]) s.forget();
            rules[i].load(d, p + "#rule.");
        }
        long[] steps = l.get("plastic#steps"), neurons = l.get("plastic#neurons");
        if (steps == null || neurons == null || steps.length != neurons.length) throw Checkpoint.missing("plastic#steps");
        java.util.Arrays.fill(historyStep, -1);
        java.util.Arrays.fill(historyCount, 0);
        for (int i = 0; i < steps.length; i++) {
            int slot = (int) (steps[i] % history.length);
            if (historyStep[slot] != steps[i]) {
                historyStep[slot] = steps[i];
                historyCount[slot] = 0;
            }
            if (history[slot].length == historyCount[slot]) history[slot] = java.util.Arrays.copyOf(history[slot], 2 * history[slot].length);
            history[slot][historyCount[slot]++] = (int) neurons[i];
        }
    }
}
