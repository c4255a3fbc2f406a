package org.izhsim.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.izhsim.integrate.Scheme;
import org.junit.jupiter.api.Test;

/**
 * Plasticity in the engine: the pair rule against its closed form on two neurons driven to
 * spike at chosen steps, all-to-all against nearest pairing, the multiplicative rule's bound,
 * bit-identical spikes and weights for 1, 2 and 4 threads, a snapshot round trip, and the
 * refusals (ranks: {@link PlasticRanksTest}).
 */
class PlasticityTest {
    private static final int DELAY = 3;
    private static final double W0 = 0.5, WMAX = 1;

    /** A pulse of 1000 for one step makes the neuron spike in the next step's cut-off (netm, dt = 1). */
    private static Input.TimeCurrent kicks(NeuronGroup g, int... steps) {
        return Input.current(g, t -> {
            for (int s : steps) if (t == s) return 1000;
            return 0;
        });
    }

    private record Pair(int[] pre, int[] post, float w) {}

    private static Pair pair(Plasticity rule, int[] preKicks, int[] postKicks, int ms) {
        NeuronGroup pre = NeuronGroup.builder("pre", 1).build(), post = NeuronGroup.builder("post", 1).build();
        SpikeMonitor sp = SpikeMonitor.of(pre), sq = SpikeMonitor.of(post);
        SynapseGroup s = SynapseGroup.builder("pp", pre, post).connect(Connectivity.oneToOne()).weight(W0).delay(DELAY)
                .plasticity(rule).build();
        Network net = Network.builder().add(pre).add(post).add(s).add(kicks(pre, preKicks)).add(kicks(post, postKicks))
                .add(sp).add(sq).build();
        try (Simulation sim = Simulation.of(net)) {
            sim.run(ms);
            return new Pair(sim.recording(sp).steps(), sim.recording(sq).steps(), sim.synapses(s).weight(0, 0));
        }
    }

    private static final int[] PRE = {10, 30, 36, 80, 120}, POST = {20, 41, 46, 60, 90, 122};

    /** Σ over post spikes of the pre trace at arrival + Σ over arrivals of the post trace before them. */
    private static double closedForm(Plasticity.Stdp p, int[] pre, int[] post, boolean nearest) {
        double fPre = Math.exp(-1 / p.tauPreMs()), fPost = Math.exp(-1 / p.tauPostMs()), dw = 0;
        for (int t : post) {
            for (int i = pre.length - 1; i >= 0; i--) {
                int arrival = pre[i] + DELAY;
                if (arrival > t) continue;
                dw += p.aPre() * Math.pow(fPre, t - arrival);
                if (nearest) break;
            }
        }
        for (int s : pre) {
            int arrival = s + DELAY;
            for (int i = post.length - 1; i >= 0; i--) {
                if (post[i] >= arrival) continue; // a post spike in the arrival step pairs as "pre first"
                dw += p.aPost() * Math.pow(fPost, arrival - post[i]);
                if (nearest) break;
            }
        }
        return dw;
    }

    @Test
    void pairRuleEqualsItsClosedFormForBothPairings() {
        double[] got = new double[2];
        for (Plasticity.Pairing pairing : Plasticity.Pairing.values()) {
            Plasticity.Stdp p = Plasticity.stdp(20, 15, 0.01, -0.0105, WMAX, Plasticity.WeightDependence.ADDITIVE, pairing);
            Pair r = pair(p, PRE, POST, 160);
            assertEquals(PRE.length, r.pre().length, "every kick is one pre spike");
            assertEquals(POST.length, r.post().length, "every kick is one post spike");
            double expected = W0 + closedForm(p, r.pre(), r.post(), pairing == Plasticity.Pairing.NEAREST);
            // 11 updates, each rounded to float
            assertEquals(expected, r.w(), 11 * Math.ulp(1f), pairing + ": w");
            got[pairing.ordinal()] = r.w() - W0;
        }
        assertNotEquals(got[0], got[1], 1e-4, "all-to-all and nearest pair differently when spikes crowd");
    }

    @Test
    void potentiationAndDepressionHaveTheirSigns() {
        Plasticity.Stdp p = Plasticity.stdp(0.01, WMAX);
        assertTrue(pair(p, new int[] {10}, new int[] {20}, 40).w() > W0, "pre before post potentiates");
        assertTrue(pair(p, new int[] {20}, new int[] {10}, 40).w() < W0, "post before pre depresses");
        assertEquals(W0, pair(p, new int[] {10}, new int[0], 40).w(), 0.0, "no post spike, no change");
    }

    @Test
    void multiplicativeIsBoundedWhereAdditiveClips() {
        int[] pre = new int[12], post = new int[12];
        for (int i = 0; i < pre.length; i++) {
            pre[i] = 10 + 20 * i;
            post[i] = pre[i] + DELAY + 1;
        }
        Plasticity.Stdp add = Plasticity.stdp(20, 20, 0.5, -0.1, WMAX, Plasticity.WeightDependence.ADDITIVE, Plasticity.Pairing.NEAREST);
        Plasticity.Stdp mul = Plasticity.stdp(20, 20, 0.5, -0.1, WMAX, Plasticity.WeightDependence.MULTIPLICATIVE, Plasticity.Pairing.NEAREST);
        assertEquals(WMAX, pair(add, pre, post, 300).w(), 0.0, "additive runs into the clip");
        float m = pair(mul, pre, post, 300).w();
        assertTrue(m > 0.9 && m < WMAX, "multiplicative approaches wmax from below: " + m);
        Plasticity.Stdp mulDown = Plasticity.stdp(20, 20, 0, -0.9, WMAX, Plasticity.WeightDependence.MULTIPLICATIVE, Plasticity.Pairing.NEAREST);
        float d = pair(mulDown, pre, pre, 300).w(); // each post spike 3 steps before its pre's arrival
        assertTrue(d > 0 && d < W0, "multiplicative depression stays above 0: " + d);
    }

    /** Recurrent excitation with nearest multiplicative STDP, spnet's rule on exc → inh, static inhibition. */
    private static Network network(Scheme scheme, SpikeMonitor m) {
        double dt = scheme == Scheme.NETM ? 1 : 0.5;
        NeuronGroup e = NeuronGroup.builder("e", 203).build(), i = NeuronGroup.builder("i", 51).a(0.1).d(2).build();
        return Network.builder().seed(3).dt(dt).scheme(scheme).add(e).add(i)
                .add(SynapseGroup.builder("ee", e, e).connect(Connectivity.fixedInDegree(30)).weights(Weights.uniform(0, 2))
                        .delays(Delays.uniform(1, 12)).plasticity(Plasticity.stdp(20, 20, 0.05, -0.06, 4,
                                Plasticity.WeightDependence.MULTIPLICATIVE, Plasticity.Pairing.NEAREST)).build())
                .add(SynapseGroup.builder("ei", e, i).connect(Connectivity.probability(0.2)).weight(2).delays(Delays.uniform(1, 5))
                        .plasticity(Plasticity.spnet(4)).build())
                .add(SynapseGroup.builder("ie", i, e).connect(Connectivity.fixedInDegree(10)).weight(-3).delay(1).build())
                .add(Input.noise(e, 5)).add(Input.poisson(i, 10, 20, 1.5)).add(m).build();
    }

    private record Result(int[] steps, int[] neurons, List<float[]> weights) {}

    private static List<float[]> weights(Simulation sim) {
        List<float[]> out = new ArrayList<>();
        for (SynapseGroup s : sim.network().synapses()) {
            SynapseView v = sim.synapses(s);
            float[] w = new float[(int) v.size()];
            int n = 0;
            for (int p = 0; p < v.preCount(); p++) for (int j = 0; j < v.rowLength(p); j++) w[n++] = v.weight(p, j);
            out.add(w);
        }
        return out;
    }

    private static Result run(Scheme scheme, int threads, double ms) {
        return run(scheme, threads, ms, false);
    }

    /** With {@code staged}, profiling makes the engine run the stage array instead of its direct loop. */
    private static Result run(Scheme scheme, int threads, double ms, boolean staged) {
        SpikeMonitor m = SpikeMonitor.all();
        try (Simulation sim = Simulation.builder(network(scheme, m)).threads(threads).minNeuronsPerThread(1).profile(staged).build()) {
            sim.run(ms);
            SpikeRecording r = sim.recording(m);
            return new Result(r.steps(), r.neurons(), weights(sim));
        }
    }

    private static void assertSame(Result a, Result b, String what) {
        assertArrayEquals(a.steps(), b.steps(), what + ": spike steps");
        assertArrayEquals(a.neurons(), b.neurons(), what + ": spike neurons");
        for (int g = 0; g < a.weights().size(); g++) assertArrayEquals(a.weights().get(g), b.weights().get(g), what + ": weights of group " + g);
    }

    @Test
    void spikesAndWeightsAreIdenticalFor124Threads() {
        for (Scheme scheme : new Scheme[] {Scheme.NETM, Scheme.EULER}) {
            Result one = run(scheme, 1, 1100); // past the spnet rule's first 1 s pass
            assertTrue(one.steps().length > 1000, scheme + ": active, " + one.steps().length + " spikes");
            List<float[]> initial = weights(Simulation.of(network(scheme, SpikeMonitor.all())));
            assertNotEquals(java.util.Arrays.hashCode(initial.get(0)), java.util.Arrays.hashCode(one.weights().get(0)), "ee learned");
            assertNotEquals(java.util.Arrays.hashCode(initial.get(1)), java.util.Arrays.hashCode(one.weights().get(1)), "ei learned");
            assertArrayEquals(initial.get(2), one.weights().get(2), "ie is static");
            for (int threads : new int[] {2, 4}) assertSame(one, run(scheme, threads, 1100), scheme + ", " + threads + " threads");
            assertSame(one, run(scheme, 2, 1100, true), scheme + ", the staged loop");
        }
    }

    @Test
    void snapshotRoundTripEqualsAStraightRun() throws IOException {
        Result straight = run(Scheme.NETM, 2, 1300);
        SpikeMonitor m = SpikeMonitor.all();
        Network net = network(Scheme.NETM, m);
        Snapshot snap;
        SpikeRecording first;
        try (Simulation sim = Simulation.builder(net).threads(1).minNeuronsPerThread(1).build()) {
            sim.run(707);
            first = sim.recording(m);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            sim.snapshot().write(bytes);
            snap = Snapshot.read(new ByteArrayInputStream(bytes.toByteArray()));
        }
        try (Simulation sim = Simulation.builder(net).threads(2).minNeuronsPerThread(1).resumeFrom(snap).build()) {
            sim.run(593);
            SpikeRecording rest = sim.recording(m);
            int n1 = first.count(), n2 = rest.count();
            int[] steps = new int[n1 + n2], neurons = new int[n1 + n2];
            System.arraycopy(first.steps(), 0, steps, 0, n1);
            System.arraycopy(rest.steps(), 0, steps, n1, n2);
            System.arraycopy(first.neurons(), 0, neurons, 0, n1);
            System.arraycopy(rest.neurons(), 0, neurons, n1, n2);
            assertSame(straight, new Result(steps, neurons, weights(sim)), "resumed");
        }
    }

    @Test
    void synapseEquationsParsedForOtherGroupsAreRefused() {
        org.izhsim.equations.SynapseModel model = org.izhsim.equations.SynapseModel.parse("w : 1\ndx/dt = -x/(10*ms) : 1 (event-driven)",
                "x += 1", "w = clip(w + x, 0, 1)", java.util.Map.of(), org.izhsim.equations.NeuronVariables.none(),
                org.izhsim.equations.NeuronVariables.none());
        NeuronGroup a = NeuronGroup.builder("a", 2).build();
        Network net = Network.builder().add(a).add(SynapseGroup.builder("aa", a, a).weight(0.1).delay(1)
                .plasticity(new Plasticity.Equations(model, m -> { throw new AssertionError("not compiled"); })).build()).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Simulation.of(net));
        // the rule is registered (EquationRule); it refuses a model not parsed with SynapseEquations.variables of both groups
        assertTrue(e.getMessage().startsWith("synapse group 'aa': synapses: the model was parsed for pre [] and post [], not for"
                + " groups 'a'"), e.getMessage());
    }

    @Test
    void badParametersAreRefusedNamingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Plasticity.stdp(0.01, -1));
        assertTrue(e.getMessage().contains("w_max"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Plasticity.stdp(Double.NaN, 20, 0.01, -0.01, 1,
                Plasticity.WeightDependence.ADDITIVE, Plasticity.Pairing.NEAREST));
        assertTrue(e.getMessage().contains("tau_pre_ms"), e.getMessage());
    }
}
