package org.izhsim.examples;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.izhsim.codegen.SynapseKernelCompiler;
import org.izhsim.equations.Dimension;
import org.izhsim.equations.EquationKernel;
import org.izhsim.equations.NeuronVariables;
import org.izhsim.equations.SynapseKernel;
import org.izhsim.equations.SynapseModel;
import org.izhsim.equations.SynapseWords;
import org.izhsim.network.BlockTiming;
import org.izhsim.plot.Figures;
import org.izhsim.plot.Series;

/**
 * Brian2's {@code examples/frompapers/Izhikevich_2007.py} (Fig. 1c of Izhikevich 2007): two
 * input trains make two leaky integrate-and-fire neurons fire; one synapse 0 → 1 carries the
 * DA-STDP of {@code examples/synapses/da-stdp-brian2.syn}, compiled at run time. For 3 s it
 * runs as classical STDP (mode 0: the pairings change s directly), then for 3 s dopamine-modulated
 * (mode 1: the pairings change the eligibility trace c, and s grows only while the dopamine d
 * from the three rewards is up). The protocol is docs/reference/dastdp.md §4; the neurons
 * follow Brian2's script step by step (dt 0.1 ms, the membrane solved exactly, Brian2's order
 * within a step: state updates, thresholds, synaptic events, resets).
 */
public final class DaStdpPairExample implements Example {
    static final double DT = 0.1, TAUM = 10, TAUE = 5, EE = 0, VT = -54, VR = -60, EL = -74, DRIVE = 100, EPSILON_DOPA = 5e-3;
    /** Input times [ms] of neuron 0 (pre) and neuron 1 (post): pre 50 ms and 10 ms before post, then post 10 ms first; again from 3 s. */
    static final double[][] INPUT_MS = {{500, 1000, 1510, 3500, 4000, 4510}, {550, 1010, 1500, 3550, 4010, 4500}};
    static final double[] REWARD_MS = {3520, 4020, 4520};
    /** The mode switch and the run [ms]; GMAX is da-stdp-brian2.syn's gmax, the unit the figures draw s, c and d in. */
    static final double MODE_SWITCH_MS = 3000, DURATION_MS = 6000, GMAX = 0.01;

    /** s, c and d every ms (the values at the start of the ms, as Brian2's StateMonitor), and the neurons' spike times [ms]. */
    public record Curves(double[] tMs, double[] s, double[] c, double[] d, List<double[]> spikes) {}

    /** Runs the protocol with the compiled synapse model. */
    public static Curves simulate() throws IOException {
        String text;
        try (InputStream in = DaStdpPairExample.class.getResourceAsStream("da-stdp-brian2.syn")) {
            if (in == null) throw new IOException("da-stdp-brian2.syn is missing from the examples jar");
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, Dimension> post = new LinkedHashMap<>();
        post.put("ge", Dimension.NONE);
        SynapseModel model = SynapseModel.parseFile(text, "da-stdp-brian2.syn", Map.of(), NeuronVariables.none(), NeuronVariables.of(post));
        SynapseWords vars = SynapseWords.of(model, 1);
        double[] v = {VR, VR}, ge = {0, 0};
        long[] never = {EquationKernel.NEVER, EquationKernel.NEVER};
        SynapseKernel k = SynapseKernelCompiler.INSTANCE.compile(model).create(new SynapseKernel.State(null, vars,
                new double[0][2], new double[][] {ge}, never.clone(), never.clone(), DT));
        int mode = model.indexOf("mode"), s = model.indexOf("s"), c = model.indexOf("c"), d = model.indexOf("d");
        vars.set(s, 0, 1e-10f);
        vars.set(c, 0, 1e-10f);
        long steps = Math.round(DURATION_MS / DT), perMs = Math.round(1 / DT);
        int n = (int) (steps / perMs);
        double[] t = new double[n], sc = new double[n], cc = new double[n], dc = new double[n];
        List<double[]> spikes = new ArrayList<>();
        double em = Math.exp(-DT / TAUM), ee = Math.exp(-DT / TAUE), a = TAUE / (TAUE - TAUM) * (EE - VR);
        for (long step = 0; step < steps; step++) {
            if (step == Math.round(MODE_SWITCH_MS / DT)) vars.set(mode, 0, 1f);
            if (step % perMs == 0) {
                int j = (int) (step / perMs);
                t[j] = j;
                sc[j] = vars.get(s, 0);
                cc[j] = vars.get(c, 0);
                dc[j] = vars.get(d, 0);
            }
            // state updates: v' = (ge·(Ee − vr) + El − v)/τm, ge' = −ge/τe, solved exactly over dt; the synapse's clock-driven c, d, s
            for (int i = 0; i < 2; i++) {
                double p = a * ge[i];
                v[i] = EL + p * ee + (v[i] - EL - p) * em;
                ge[i] *= ee;
            }
            k.clockStep(0, 0, 1, step);
            boolean[] fired = {v[0] > VT, v[1] > VT};
            // synaptic events: the inputs of this step, then the synapse 0 -> 1, then the rewards
            for (int i = 0; i < 2; i++) for (double x : INPUT_MS[i]) if (Math.round(x / DT) == step) v[i] += DRIVE;
            if (fired[0]) k.onPre(0, 0, 1, step);
            if (fired[1]) k.onPost(0, 0, 1, step);
            for (double x : REWARD_MS) if (Math.round(x / DT) == step) vars.set(d, 0, (float) (vars.get(d, 0) + EPSILON_DOPA));
            for (int i = 0; i < 2; i++) {
                if (fired[i]) {
                    spikes.add(new double[] {i, step * DT});
                    v[i] = VR;
                }
            }
        }
        return new Curves(t, sc, cc, dc, spikes);
    }

    @Override
    public String name() {
        return "dastdp-pair";
    }

    @Override
    public String description() {
        return "Brian2's Izhikevich_2007 example: 2 neurons, one DA-STDP synapse, classical STDP for 3 s, then dopamine-gated";
    }

    @Override
    public String reproduces() {
        return "Izhikevich 2007, Cerebral Cortex 17:2443, Fig. 1c, as Brian2's examples/frompapers/Izhikevich_2007.py";
    }

    @Override
    public Result run(Path outDir, Options options) throws IOException {
        long t0 = System.nanoTime();
        Curves r = simulate();
        double runS = (System.nanoTime() - t0) / 1e9;
        int n = r.tMs().length;
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("example", name());
        summary.put("dt_ms", DT);
        summary.put("duration_ms", DURATION_MS);
        summary.put("spikes", r.spikes().size());
        summary.put("s_at_3s", r.s()[(int) MODE_SWITCH_MS - 1]);
        summary.put("s_at_6s", r.s()[n - 1]);
        summary.put("d_max", Arrays.stream(r.d()).max().orElse(0));
        summary.put("run_s", runS);
        Outputs out = new Outputs(outDir, this, options, summary);
        // in units of gmax, as Brian2's example plots them; d (up to 0.5 gmax) gets a panel of its own
        double[] ts = new double[n], s = new double[n], c = new double[n], d = new double[n];
        StringBuilder csv = new StringBuilder("t_ms,s,c,d\n");
        for (int j = 0; j < n; j++) {
            ts[j] = r.tMs()[j] / 1000;
            s[j] = r.s()[j] / GMAX;
            c[j] = r.c()[j] / GMAX;
            d[j] = r.d()[j] / GMAX;
            csv.append(String.format(Locale.ROOT, "%.1f,%.9g,%.9g,%.9g%n", r.tMs()[j], r.s()[j], r.c()[j], r.d()[j]));
        }
        out.data(csv.toString(), "curves.csv");
        out.figure(Figures.lines("DA-STDP pair: strength s (blue), eligibility c (orange); dopamine mode from 3 s", "time (s)", "value / gmax",
                List.of(new Series("strength s / gmax", ts, s), new Series("eligibility c / gmax", ts, c))), "strength");
        out.figure(Figures.lines("DA-STDP pair: dopamine d, rewards at 3.52, 4.02 and 4.52 s", "time (s)", "dopamine d / gmax",
                List.of(new Series("d / gmax", ts, d))), "dopamine");
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("synapse", "examples/synapses/da-stdp-brian2.syn");
        parameters.put("neurons", "LIF, taum 10 ms, El -74 mV, vt -54 mV, vr -60 mV, taue 5 ms; each input spike v += 100 mV");
        parameters.put("rewards_ms", REWARD_MS);
        List<Object> sp = new ArrayList<>();
        for (double[] e : r.spikes()) sp.add(Map.of("neuron", (int) e[0], "t_ms", e[1]));
        parameters.put("spikes", sp);
        return out.finish(List.of(new BlockTiming(0, Math.round(DURATION_MS / DT), runS, r.spikes().size(), 0)), parameters);
    }
}
