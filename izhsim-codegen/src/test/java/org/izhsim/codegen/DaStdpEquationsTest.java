package org.izhsim.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.izhsim.codegen.SynapseKernelTest.Harness;
import org.izhsim.equations.NeuronVariables;
import org.izhsim.equations.SynapseModel;
import org.izhsim.random.CounterRandom;
import org.izhsim.random.Streams;
import org.izhsim.spnet.SpnetConfig;
import org.izhsim.spnet.SpnetNetwork;
import org.junit.jupiter.api.Test;

/**
 * DA-STDP written as synapse equations: examples/synapses/da-stdp.syn against izhsim's built-in
 * rule ({@link SpnetNetwork#daStdp}) on the built-in run's own spikes (bit for bit), and
 * examples/synapses/da-stdp-brian2.syn against Brian2 2.5.1 running its Izhikevich_2007
 * protocol (izhsim-bench/scripts/brian2_izhikevich_2007.py wrote the resource).
 */
class DaStdpEquationsTest {

    @Test
    void equationsEqualTheBuiltInRuleOnItsSpikes() throws IOException {
        SpnetConfig cfg = new SpnetConfig(300, 60, 30, 1, 4f, false, 5);
        int seconds = 10, window = 1000, n = cfg.n(), m = cfg.m(), nexc = (int) cfg.plastic();
        List<List<Integer>> fired = new ArrayList<>();
        SpnetNetwork.Synapses end, wiring;
        int chosen;
        long rewards;
        try (SpnetNetwork net = SpnetNetwork.daStdp(cfg, window, 1)) {
            wiring = net.synapses();
            chosen = net.dopamine().chosen();
            for (int t = 0; t < seconds * 1000; t++) fired.add(new ArrayList<>());
            for (int s = 0; s < seconds; s++) {
                SpnetNetwork.Second sec = net.runSecond(true);
                for (int k = 0; k < sec.tMs().length; k++) fired.get((int) sec.tMs()[k]).add(sec.neuron()[k]);
            }
            end = net.synapses();
            rewards = net.dopamine().rewards();
        }
        assertTrue(rewards > 0, "the run must see rewards");
        SynapseModel model = SynapseModel.parseFile(SynapseKernelTest.example("da-stdp.syn"), "da-stdp.syn", Map.of(),
                NeuronVariables.none(), SynapseKernelTest.POST);
        Harness h = new Harness(model, nexc, n, n, 1.0);
        Arrays.fill(h.w, 1f);
        h.w[chosen] = 0f;
        int c = model.indexOf("c"), da = model.indexOf("da");
        List<List<Integer>> incoming = new ArrayList<>();
        for (int i = 0; i < n; i++) incoming.add(new ArrayList<>());
        for (int q = 0; q < nexc; q++) incoming.get(wiring.post()[q]).add(q);
        // the reward protocol (not the rule): coincidences of the chosen pair, rewards 1001-3000 ms later
        long kr = Streams.key(cfg.seed(), "dastdp/reward"), lastPre = Long.MIN_VALUE / 2;
        TreeSet<Long> pending = new TreeSet<>();
        int pre = chosen / m, post = wiring.post()[chosen];
        boolean rewardedLast = false;
        for (int t = 0; t <= seconds * 1000; t++) {
            for (int b = 0; b < model.periodic().size(); b++) {
                long every = model.periodSteps(b, 1.0);
                if (t > 0 && t % every == 0) h.kernel.periodic(b, 0, nexc, t);
            }
            if (rewardedLast) for (int q = 0; q < nexc; q++) h.words.set(da, q, (float) (h.words.get(da, q) + 0.5));
            if (t == seconds * 1000) break;
            List<Integer> now = fired.get(t);
            for (int i : now) for (int q : incoming.get(i)) h.kernel.onPost(q, q / m, i, t);
            for (int j : now) if (j < cfg.ne()) for (int q = j * m; q < (j + 1) * m; q++) h.kernel.onPre(q, j, wiring.post()[q], t);
            if (now.contains(pre)) lastPre = t;
            if (now.contains(post) && t > lastPre && t - lastPre <= window) {
                pending.add(t + 1001L + CounterRandom.below(CounterRandom.key(kr, t), 0, 2000));
            }
            rewardedLast = pending.remove((long) t);
        }
        assertArrayEquals(Arrays.copyOf(end.w(), nexc), h.w);
        assertArrayEquals(Arrays.copyOf(end.sd(), nexc), h.var(c));
        assertTrue(h.w[chosen] != 0f, "the chosen synapse must have moved");
    }

    /**
     * Brian2's protocol: pre (neuron 0) and post (neuron 1) spikes, mode 0 until 3 s, then 1,
     * rewards d += 0.005. Brian2 computes in double with Euler for c and d (x·(1 − dt/τ) per
     * step); izhsim stores float and decays exactly (x·exp(−dt/τ)). Per step they differ by
     * (dt/τ)²/2, so after time T the decay differs by a factor exp(−T·dt/(2τ²)): up to 0.3 %
     * for d (τ 200 ms, a reward's d lives ~2.5 s), 0.03 % for c (τ 1 s, 6 s), and s integrates
     * c·d. The bound is 0.5 % of each curve's largest value, point by point every ms.
     */
    @Test
    void brianExampleCurvesMatchBrian2PointByPoint() throws IOException {
        List<long[]> spikes = new ArrayList<>();
        List<Long> rewardSteps = new ArrayList<>();
        List<double[]> trace = new ArrayList<>();
        try (var in = DaStdpEquationsTest.class.getResourceAsStream("/brian2/izhikevich_2007.csv")) {
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                String[] f = line.split(",", -1);
                switch (f[0]) {
                    case "spike" -> spikes.add(new long[] {Long.parseLong(f[2]), Long.parseLong(f[1])});
                    case "reward" -> rewardSteps.add(Long.parseLong(f[2]));
                    case "trace" -> trace.add(new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                            Double.parseDouble(f[3]), Double.parseDouble(f[4])});
                    default -> {}
                }
            }
        }
        assertEquals(12, spikes.size());
        assertEquals(6000, trace.size());
        SynapseModel model = SynapseModel.parseFile(SynapseKernelTest.example("da-stdp-brian2.syn"), "da-stdp-brian2.syn", Map.of(),
                NeuronVariables.none(), SynapseKernelTest.POST);
        Harness h = new Harness(model, 1, 2, 2, 0.1);
        int mode = model.indexOf("mode"), s = model.indexOf("s"), c = model.indexOf("c"), d = model.indexOf("d");
        h.words.set(s, 0, 1e-10f);
        h.words.set(c, 0, 1e-10f);
        double[][] ours = new double[3][6000];
        int k = 0;
        for (long step = 0; step < 60000; step++) {
            if (step == 30000) h.words.set(mode, 0, 1f);
            if (step % 10 == 0) {
                ours[0][k] = h.words.get(s, 0);
                ours[1][k] = h.words.get(c, 0);
                ours[2][k++] = h.words.get(d, 0);
            }
            h.kernel.clockStep(0, 0, 1, step);
            for (long[] e : spikes) {
                if (e[0] == step && e[1] == 0) h.kernel.onPre(0, 0, 1, step);
                if (e[0] == step && e[1] == 1) h.kernel.onPost(0, 0, 1, step);
            }
            if (rewardSteps.contains(step)) h.words.set(d, 0, (float) (h.words.get(d, 0) + 5e-3));
        }
        for (int v = 0; v < 3; v++) {
            double max = 0, worst = 0;
            for (double[] row : trace) max = Math.max(max, Math.abs(row[v + 1]));
            for (int p = 0; p < trace.size(); p++) {
                assertEquals(trace.get(p)[0], 10.0 * p);
                worst = Math.max(worst, Math.abs(ours[v][p] - trace.get(p)[v + 1]));
            }
            assertTrue(max > 1e-6, "curve " + "scd".charAt(v) + " is flat");
            assertTrue(worst <= 5e-3 * max, "curve " + "scd".charAt(v) + ": largest difference " + worst + " against the bound " + 5e-3 * max);
        }
    }
}
