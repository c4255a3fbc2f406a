package org.izhsim.examples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.izhsim.analysis.Rates;
import org.izhsim.behaviour.Behaviour;
import org.izhsim.behaviour.Group;
import org.izhsim.behaviour.Recorder;
import org.izhsim.behaviour.Synapses;
import org.izhsim.behaviour.VectorRecording;
import org.izhsim.io.Npz;
import org.izhsim.model.TimeGrid;
import org.izhsim.network.BlockTiming;
import org.izhsim.network.Connectivity;
import org.izhsim.network.Network;
import org.izhsim.network.NeuronGroup;
import org.izhsim.network.ProgressListener;
import org.izhsim.network.Simulation;
import org.izhsim.network.SynapseGroup;
import org.izhsim.network.Weights;
import org.izhsim.plot.Figures;
import org.izhsim.plot.Series;
import org.izhsim.plot.SpikeRaster;

/**
 * PymoNNto/SORNSim's Izhikevich example ({@code Examples_Classical/Izhikevich.py}) in Java, with
 * the same names and structure: behaviours {@code Izhikevich_main} (index 1) and {@code
 * Izhikevich_input} (index 2) and a {@code Recorder} of v, u and fired (index 9) on 800
 * excitatory and 200 inhibitory neurons, GLUTAMATE and GABA synapse groups between them, 1000
 * iterations with block timing, and its three plots (v, u, fired).
 *
 * <p>What the original does, kept here: every neuron has a = 0.02, b = 0.2, c = −65, d = 8;
 * v0 = −65·U(0,1), u0 = −8·U(0,1); each iteration first tests v &gt; 30 and resets, then takes one
 * Euler step of dt = 0.5 for v and then u from the new v; the input behaviour then sets I =
 * 20·U(0,1) plus 0.5·Σ W over fired GLUTAMATE sources minus Σ W over fired GABA sources, with W
 * uniform on [0, 1), all-to-all; that I drives the next iteration. 1000 iterations are 500 ms.
 *
 * <p>What differs: the random numbers (izhsim's counter-based streams instead of NumPy's), so
 * runs agree with the original statistically: {@code examples/scripts/sornsim_izhikevich.py}, a
 * NumPy transliteration, gives mean rates of 27.1–27.9 Hz (exc) and 27.3–28.0 Hz (inh) over
 * seeds 0–4. matplotlib's {@code plt.plot} of all 800 v columns is drawn here as every 100th
 * neuron, and {@code imshow} of fired as a raster of both groups.
 */
public final class SornsimIzhikevich implements Example {

    /** The neuron model of the original, index 1. */
    public static final class Izhikevich_main implements Behaviour {
        private final double a, b, c, d, v, u;

        public Izhikevich_main(double a, double b, double c, double d, double v, double u) {
            this.a = a;
            this.b = b;
            this.c = c;
            this.d = d;
            this.v = v;
            this.u = u;
        }

        @Override
        public void init(Group n) {
            n.vector("I");                                   // n.I = n.vector()
            n.vector("a", a);                                // n.a += n.vector()
            n.vector("b", b);                                // n.b += n.vector()
            n.vector("c", c);                                // n.c += n.vector()
            n.vector("d", d);                                // n.d += n.vector()
            double[] nv = n.vector("v"), nu = n.vector("u");
            for (int i = 0; i < n.size(); i++) {
                nv[i] = v * n.uniform("v", i);               // n.v *= n.vector('uniform')
                nu[i] = u * n.uniform("u", i);               // n.u *= n.vector('uniform')
            }
            n.vector("fired");                               // n.fired = n.vector() > 0
        }                                                    // n.dt = 0.5: the network's dt

        @Override
        public void step(Group n, int from, int to) {
            double[] v = n.existing("v"), u = n.existing("u"), I = n.existing("I"), fired = n.existing("fired");
            double[] a = n.existing("a"), b = n.existing("b"), c = n.existing("c"), d = n.existing("d");
            double dt = n.dt();
            for (int i = from; i < to; i++) {
                fired[i] = v[i] > 30 ? 1 : 0;                // n.fired = n.v > 30
                if (fired[i] != 0) {
                    v[i] = c[i];                             // n.v[n.fired] = n.c[n.fired]
                    u[i] = u[i] + d[i];                      // n.u[n.fired] = n.u[n.fired] + n.d[n.fired]
                }
                v[i] += dt * (0.04 * v[i] * v[i] + 5 * v[i] + 140 - u[i] + I[i]);
                u[i] += dt * (a[i] * (b[i] * v[i] - u[i]));
            }
        }

        @Override
        public boolean parallel() {
            return true;
        }
    }

    /** Thalamic noise and synaptic input of the original, index 2. */
    public static final class Izhikevich_input implements Behaviour {

        @Override
        public void init(Group n) {
            for (Synapses s : n.afferent()) {                // for s in n.synapses(afferent):
                s.setWeights(Weights.uniform(0, 1));         //     s.W = s.matrix('uniform')
            }
            n.vector("sum");
        }

        @Override
        public void step(Group n, int from, int to) {
            double[] I = n.existing("I"), sum = n.existing("sum");
            for (int i = from; i < to; i++) I[i] = 20 * n.uniform("input", i);   // n.I = 20 * n.vector('uniform')

            for (Synapses s : n.afferent("GLUTAMATE")) {     // for s in n.synapses(afferent, 'GLUTAMATE'):
                java.util.Arrays.fill(sum, from, to, 0);     //     n.I += 0.5 * np.sum(s.W[:, s.src.fired], axis=1)
                s.addFired(sum, from, to);
                for (int i = from; i < to; i++) I[i] += 0.5 * sum[i];
            }

            for (Synapses s : n.afferent("GABA")) {          // for s in n.synapses(afferent, 'GABA'):
                java.util.Arrays.fill(sum, from, to, 0);     //     n.I -= np.sum(s.W[:, s.src.fired], axis=1)
                s.addFired(sum, from, to);
                for (int i = from; i < to; i++) I[i] -= sum[i];
            }
        }

        @Override
        public boolean parallel() {
            return true;
        }
    }

    /** The recordings of both groups and the block timings. */
    public record Run(VectorRecording excitatory, VectorRecording inhibitory, List<BlockTiming> blocks) {}

    /** Builds and runs the network of the original: 1000 iterations in blocks of 100. */
    public static Run simulate(long seed, int threads, ProgressListener progress) {
        Recorder rec_e = new Recorder("v", "u", "fired"), rec_i = new Recorder("v", "u", "fired");

        NeuronGroup N_e = NeuronGroup.builder("excitatory_neurons", 800).behaviourDynamics()
                .behaviour(1, new Izhikevich_main(0.02, 0.2, -65, 8.0, -65, -8.0))
                .behaviour(2, new Izhikevich_input())
                .behaviour(9, rec_e).build();

        NeuronGroup N_i = NeuronGroup.builder("inhibitory_neurons", 200).behaviourDynamics()
                .behaviour(1, new Izhikevich_main(0.02, 0.2, -65, 8.0, -65, -8.0))
                .behaviour(2, new Izhikevich_input())
                .behaviour(9, rec_i).build();

        Network My_Network = Network.builder().seed(seed).dt(0.5).add(N_e).add(N_i)
                .add(synapses(N_e, N_e, "GLUTAMATE"))
                .add(synapses(N_e, N_i, "GLUTAMATE"))
                .add(synapses(N_i, N_e, "GABA"))
                .add(synapses(N_i, N_i, "GABA"))
                .build();

        try (Simulation sim = Simulation.builder(My_Network).threads(threads).minNeuronsPerThread(1).build()) {  // initialize
            sim.setProgressListener(progress);

            List<BlockTiming> blocks = sim.runBlocks(1000 * 0.5, 10);   // 1000 iterations, measure_block_time=True

            return new Run(rec_e.recording(), rec_i.recording(), blocks);
        }
    }

    /** SynapseGroup(src, dst, tag): all-to-all, the weights set by the input behaviour's init. */
    private static SynapseGroup synapses(NeuronGroup src, NeuronGroup dst, String tag) {
        return SynapseGroup.builder(src.name() + "->" + dst.name(), src, dst).tag(tag)
                .connect(Connectivity.allToAll()).weight(0).build();
    }

    @Override
    public String name() {
        return "sornsim-izhikevich";
    }

    @Override
    public String description() {
        return "PymoNNto/SORNSim's Izhikevich example as Java behaviours: 800 + 200 neurons, 1000 iterations, v, u and fired plots";
    }

    @Override
    public String reproduces() {
        return "PymoNNto (Vieth et al. 2021, Front. Neuroinform. 15:715131) Examples_Classical/Izhikevich.py";
    }

    @Override
    public Result run(Path outDir, Options options) throws IOException {
        Run run = simulate(options.seed(), options.threads(), options.progress());
        VectorRecording e = run.excitatory(), i = run.inhibitory();
        int ne = e.size(), ni = i.size();
        double dt = 0.5, durationMs = new TimeGrid(dt).timeMs(e.count());
        // spikes of both groups, exc first (global index), in iteration order
        List<double[]> spikes = new ArrayList<>();
        for (int r = 0; r < e.count(); r++) {
            double[] fe = e.row("fired", r), fi = i.row("fired", r);
            for (int k = 0; k < ne; k++) if (fe[k] != 0) spikes.add(new double[] {e.timeMs(r), k});
            for (int k = 0; k < ni; k++) if (fi[k] != 0) spikes.add(new double[] {i.timeMs(r), ne + k});
        }
        double[] t = new double[spikes.size()];
        int[] idx = new int[spikes.size()];
        long excSpikes = 0;
        for (int s = 0; s < t.length; s++) {
            t[s] = spikes.get(s)[0];
            idx[s] = (int) spikes.get(s)[1];
            if (idx[s] < ne) excSpikes++;
        }
        double runS = run.blocks().stream().mapToDouble(BlockTiming::seconds).sum();

        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("example", name());
        summary.put("seed", options.seed());
        summary.put("scheme", "izhikevich_main: v > 30 cut-off at step start, Euler v, then u from new v");
        summary.put("dt_ms", dt);
        summary.put("iterations", e.count());
        summary.put("duration_ms", durationMs);
        summary.put("ne", ne);
        summary.put("ni", ni);
        summary.put("threads", options.threads());
        summary.put("spikes", t.length);
        summary.put("exc_rate_hz", Rates.meanRateHz(excSpikes, ne, durationMs));
        summary.put("inh_rate_hz", Rates.meanRateHz(t.length - excSpikes, ni, durationMs));
        summary.put("run_s", runS);
        Outputs out = new Outputs(outDir, this, options, summary);

        String title = "SORNSim Izhikevich example, seed " + options.seed() + ", dt 0.5 ms";
        out.figure(Figures.overlaidTraces(title + ": v of excitatory_neurons (every 100th)", "v (mV)", every100th(e, "v")), "v");
        out.figure(Figures.overlaidTraces(title + ": u of excitatory_neurons (every 100th)", "u", every100th(e, "u")), "u");
        out.figure(Figures.networkRaster(title + ": fired", new SpikeRaster(t, idx, ne + ni, ne, durationMs), null), "fired");
        new Npz().put("t_ms", t).put("i", idx).putScalar("dt_ms", dt).putScalar("seed", options.seed())
                .putScalar("ne", ne).putScalar("ni", ni)
                .putString("izhsim_version", org.izhsim.Version.version()).putString("izhsim_commit", org.izhsim.Version.commit())
                .write(outDir.resolve("spikes.npz"));

        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("neurons", "a=0.02, b=0.2, c=-65, d=8, v0=-65*U(0,1), u0=-8*U(0,1), both groups");
        parameters.put("input", "I = 20*U(0,1) + 0.5*sum(W, fired GLUTAMATE) - sum(W, fired GABA), W ~ U(0,1) all-to-all");
        parameters.put("block_iterations", 100);
        Result r = out.finish(run.blocks(), parameters);
        List<Path> files = new ArrayList<>(r.files());
        files.add(outDir.resolve("spikes.npz"));
        return new Result(r.summary(), files);
    }

    private static List<Series> every100th(VectorRecording rec, String name) {
        double[] t = new double[rec.count()];
        for (int r = 0; r < t.length; r++) t[r] = rec.timeMs(r);
        List<Series> out = new ArrayList<>();
        for (int k = 0; k < rec.size(); k += 100) out.add(new Series("neuron " + k, t, rec.trace(name, k)));
        return out;
    }
}
