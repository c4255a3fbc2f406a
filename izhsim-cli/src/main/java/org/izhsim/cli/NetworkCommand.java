package org.izhsim.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.izhsim.analysis.PopulationSpectrum;
import org.izhsim.analysis.Rates;
import org.izhsim.integrate.Scheme;
import org.izhsim.io.AtomicFiles;
import org.izhsim.io.Csv;
import org.izhsim.io.Json;
import org.izhsim.io.Npz;
import org.izhsim.io.RunInfo;
import org.izhsim.model.Checks;
import org.izhsim.network.Izhikevich2003Network;
import org.izhsim.network.Simulation;
import org.izhsim.network.SpikeRecording;
import org.izhsim.network.StateMonitor;
import org.izhsim.network.StateRecording;
import org.izhsim.network.TimingReport;
import org.izhsim.plot.FigureWriter;
import org.izhsim.plot.Figures;
import org.izhsim.plot.Series;
import org.izhsim.plot.SpikeRaster;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The 2003 network of Izhikevich (net.m), dense as published or with sparse fixed in-degree;
 * shared by {@code izhsim net2003} and {@code izhsim run} without a model file.
 */
abstract class NetworkCommand implements Callable<Integer> {
    @Mixin
    OutputOptions output;

    @Option(names = "--ne", defaultValue = "800", description = "Excitatory neurons (default: ${DEFAULT-VALUE}).")
    int ne;

    @Option(names = "--ni", defaultValue = "200", description = "Inhibitory neurons (default: ${DEFAULT-VALUE}).")
    int ni;

    @Option(names = "--duration", defaultValue = "1000", description = "Simulated time [ms] (default: ${DEFAULT-VALUE}).")
    double duration;

    @Option(names = "--dt", defaultValue = "1", description = "Step [ms] (default: ${DEFAULT-VALUE}; noise is redrawn every 1 ms and a spike is a 1 ms pulse at any dt).")
    double dt;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", description = "Worker threads (default: all cores). Spikes are identical for every count.")
    Integer threads;

    @Option(names = "--scheme", defaultValue = "netm",
            description = "netm (net.m, default), euler (Brian2's example), figure1 or rk4.")
    String scheme;

    @Option(names = "--connectivity", defaultValue = "dense",
            description = "dense: all-to-all including self, as net.m; sparse: each neuron gets exactly K distinct random inputs and all weights are scaled by 1000/K (default: ${DEFAULT-VALUE}).")
    String connectivity;

    @Option(names = "--k", defaultValue = "1000", description = "Inputs per neuron with --connectivity sparse (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--blocks", defaultValue = "1",
            description = "Run in this many blocks and report each block's time, spikes and events (default: ${DEFAULT-VALUE}).")
    int blocks;

    @Option(names = "--trace-neuron", defaultValue = "0", description = "Excitatory neuron whose v is drawn under the raster (default: ${DEFAULT-VALUE}).")
    int traceNeuron;

    /** The command name recorded in outputs. */
    abstract String commandName();

    @Override
    public Integer call() throws IOException {
        Scheme s = Scheme.byId(scheme);
        if (ne < 1 || ni < 1) throw new IllegalArgumentException("--ne and --ni must each be at least 1, got " + ne + " and " + ni);
        long steps = Checks.steps(duration, dt);
        boolean sparse = switch (connectivity.toLowerCase(Locale.ROOT)) {
            case "dense" -> false;
            case "sparse" -> true;
            default -> throw new IllegalArgumentException("unknown connectivity '" + connectivity + "'; known: dense, sparse");
        };
        if (sparse && (k < 1 || k > ne + ni)) {
            throw new IllegalArgumentException("--k must be in 1.." + (ne + ni) + " (the number of neurons), got " + k);
        }
        if (traceNeuron < 0 || traceNeuron >= ne) {
            throw new IllegalArgumentException("--trace-neuron must be an excitatory neuron, 0.." + (ne - 1) + ", got " + traceNeuron);
        }
        if (blocks < 1 || blocks > steps) throw new IllegalArgumentException("--blocks must be in 1.." + steps + " (the steps), got " + blocks);
        int nThreads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (nThreads < 1) throw new IllegalArgumentException("--threads must be at least 1, got " + nThreads);
        var formats = output.figureFormats();
        long wall0 = System.nanoTime();

        Izhikevich2003Network.Builder nb = Izhikevich2003Network.builder().ne(ne).ni(ni).scheme(s).dt(dt).seed(seed)
                .traceNeuron(traceNeuron);
        if (sparse) nb.sparse(k);
        else nb.dense();
        Izhikevich2003Network.Built built = nb.build();

        SpikeRecording spikes;
        StateRecording trace;
        List<org.izhsim.network.BlockTiming> blockTimes;
        TimingReport timing;
        Simulation built0;
        try {
            // the warm-up lets the JIT compile the step loops on a small network of the same kind
            // first; it is counted in build_s (see Simulation.Builder#warmUp)
            built0 = Simulation.builder(built.network()).threads(nThreads)
                    .warmUp(nb.warmUpSample(), Math.min(warmUpSteps(System.getenv("IZHSIM_WARMUP_STEPS")), steps)).build();
        } catch (IllegalStateException tooBig) {
            // the memory estimate refused the network: a usage problem with a remedy, not a crash
            throw new IllegalArgumentException(tooBig.getMessage(), tooBig);
        }
        try (Simulation sim = built0;
             ProgressBar bar = new ProgressBar(commandName(), output.quiet)) {
            sim.setProgressListener((f, n) -> bar.update(f, String.format(Locale.ROOT, "%,d spikes", n)));
            blockTimes = sim.runBlocks(duration, blocks);
            spikes = sim.recording(built.spikes());
            trace = sim.recording(built.trace());
            timing = sim.timing();
        }
        double[] times = spikes.timesMs();
        int[] neurons = spikes.neurons();
        Rates.Summary rates = Rates.of(spikes, ne, ni, duration);
        PopulationSpectrum.Spectrum spectrum = PopulationSpectrum.of(times, duration);

        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("scheme", s.id());
        summary.put("dt_ms", dt);
        summary.put("duration_ms", duration);
        summary.put("ne", ne);
        summary.put("ni", ni);
        summary.put("synapses", timing.synapses());
        summary.put("seed", seed);
        summary.put("threads", nThreads);
        summary.put("spikes", spikes.count());
        summary.put("mean_rate_hz", rates.allHz());
        summary.put("exc_rate_hz", rates.excHz());
        summary.put("inh_rate_hz", rates.inhHz());
        summary.put("alpha_peak_hz", spectrum.bandPeak(4, 15));
        summary.put("gamma_peak_hz", spectrum.bandPeak(20, 60));
        summary.put("build_s", timing.buildSeconds());
        summary.put("run_s", timing.runSeconds());
        summary.put("events", timing.events());
        summary.put("events_per_s", timing.eventsPerSecond());
        summary.put("neuron_steps_per_s", timing.neuronStepsPerSecond());
        summary.put("peak_heap_mb", Memory.peakHeapMb());
        summary.put("peak_rss_mb", Memory.peakRssMb());
        if (blocks > 1) {
            List<Map<String, Object>> bl = new ArrayList<>();
            for (org.izhsim.network.BlockTiming b : blockTimes) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("block", b.block());
                m.put("steps", b.steps());
                m.put("seconds", b.seconds());
                m.put("spikes", b.spikes());
                m.put("events", b.events());
                bl.add(m);
            }
            summary.put("blocks", bl);
        }

        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("connectivity", sparse ? "sparse" : "dense");
        parameters.put("k", sparse ? k : ne + ni);
        parameters.put("weight_factor", built.weightFactor());
        parameters.put("noise_sigma_exc", 5.0);
        parameters.put("noise_sigma_inh", 2.0);
        parameters.put("noise_period_ms", 1.0);
        parameters.put("pulse_ms", 1.0);
        parameters.put("trace_neuron", traceNeuron);
        parameters.put("model", "izh2003: v' = 0.04v^2 + 5v + 140 - u + I, u' = a(bv - u), v >= 30: v <- c, u <- u + d");
        parameters.put("exc_params", "a=0.02, b=0.2, c=-65+15r^2, d=8-6r^2, r~U(0,1)");
        parameters.put("inh_params", "a=0.02+0.08r, b=0.25-0.05r, c=-65, d=2, r~U(0,1)");
        parameters.put("exc_weights", "U(0,0.5) x weight_factor");
        parameters.put("inh_weights", "-U(0,1) x weight_factor");

        // one provenance stamp shared by every file of this run and the printed summary
        Map<String, Object> stamped = new LinkedHashMap<>(summary);
        stamped.putAll(RunInfo.base(commandName()));
        List<Path> written;
        try (OutputStage stage = new OutputStage(output.out)) {
            if (!formats.isEmpty()) {
                String title = String.format(Locale.ROOT, "Izhikevich 2003 network, %d + %d neurons, %s, scheme %s, dt %s ms, seed %d",
                        ne, ni, sparse ? "K = " + k : "all-to-all", s.id(), NeuronCommand.fmt(dt), seed);
                Series v = new Series("neuron " + traceNeuron, trace.timesMs(),
                        peakPadded(trace.trace(StateMonitor.Variable.V, 0), spikes, traceNeuron, s));
                FigureWriter.write(Figures.networkRaster(title, new SpikeRaster(times, neurons, ne + ni, ne, duration), v),
                        stage.dir(), "raster", formats, Plots.provenance(stamped));
            }
            // spikes.npz (deflate) on a second thread while this one formats spikes.csv: for
            // millions of spikes these two are most of the time after the run
            FutureTask<Path> npz = new FutureTask<>(() -> new Npz().put("t_ms", times).put("i", neurons).putScalar("dt_ms", dt)
                    .putScalar("duration_ms", duration).putScalar("seed", seed).putString("scheme", s.id()).putScalar("ne", ne)
                    .putScalar("ni", ni).putString("izhsim_version", org.izhsim.Version.version())
                    .putString("izhsim_commit", org.izhsim.Version.commit()).write(stage.file("spikes.npz")));
            Thread.ofPlatform().name("izhsim-npz").start(npz);
            try {
                Csv.write(stage.file("spikes.csv"), stamped, List.of("t_ms", "i"), List.of(times, neurons));
            } finally {
                join(npz, false); // never leave it writing into the stage that closing deletes
            }
            join(npz, true);
            Map<String, Object> run = new LinkedHashMap<>(stamped);
            run.put("wall_s", (System.nanoTime() - wall0) / 1e9);
            run.put("parameters", parameters);
            AtomicFiles.writeString(stage.file("run.json"), Json.write(run) + "\n");
            written = stage.commit();
        }
        stamped.put("wall_s", (System.nanoTime() - wall0) / 1e9);
        if (output.json) {
            System.out.println(Json.write(stamped));
        } else {
            System.out.printf(Locale.ROOT, "%d + %d neurons, %,d synapses, %s ms at dt %s ms, scheme %s, seed %d, %d threads%n",
                    ne, ni, timing.synapses(), NeuronCommand.fmt(duration), NeuronCommand.fmt(dt), s.id(), seed, nThreads);
            System.out.printf(Locale.ROOT, "%,d spikes: mean %.2f Hz (exc %.2f, inh %.2f); alpha peak %.1f Hz, gamma peak %.1f Hz%n",
                    spikes.count(), rates.allHz(), rates.excHz(), rates.inhHz(), spectrum.bandPeak(4, 15), spectrum.bandPeak(20, 60));
            System.out.printf(Locale.ROOT, "build %.3f s, run %.3f s, %.3g synaptic events/s, %.3g neuron-steps/s, peak heap %.0f MB%n",
                    timing.buildSeconds(), timing.runSeconds(), timing.eventsPerSecond(), timing.neuronStepsPerSecond(),
                    Memory.peakHeapMb());
            if (blocks > 1) for (org.izhsim.network.BlockTiming b : blockTimes) System.out.println("  " + b);
        }
        output.reportWritten(written);
        return 0;
    }

    /**
     * The raster's trace draws each spike to +30 mV as in the 2003 paper's Fig. 3. Under netm
     * the recorded v of a spiking neuron is still above 30 (the cut-off comes next step); under
     * the other schemes it is already reset, so the spike's own step is set to the peak.
     */
    private static double[] peakPadded(double[] v, SpikeRecording spikes, int neuron, Scheme scheme) {
        double[] out = v.clone();
        for (int i = 0; i < out.length; i++) if (out[i] >= 30) out[i] = 30;
        if (!scheme.cutoffBeforeUpdate()) {
            for (int k = 0; k < spikes.count(); k++) {
                if (spikes.neuron(k) == neuron && spikes.step(k) < out.length) out[spikes.step(k)] = 30;
            }
        }
        return out;
    }

    /** Waits for a writer started on another thread; with {@code rethrow}, its failure becomes this thread's. */
    private static void join(FutureTask<?> task, boolean rethrow) throws IOException {
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            if (rethrow) throw new IOException("interrupted while writing outputs", e);
        } catch (ExecutionException e) {
            if (!rethrow) return;
            switch (e.getCause()) {
                case IOException io -> throw io;
                case RuntimeException re -> throw re;
                case Error er -> throw er;
                default -> throw new IOException(e.getCause());
            }
        }
    }

    /**
     * Steps of the warm-up network run during the build (capped at the run's own steps by the
     * caller): 300 (enough for the JIT to compile the step loops), or the IZHSIM_WARMUP_STEPS
     * environment variable (0 turns the warm-up off).
     */
    static long warmUpSteps(String env) {
        if (env == null || env.isBlank()) return 300;
        try {
            return Math.max(0, Long.parseLong(env.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("IZHSIM_WARMUP_STEPS must be a whole number of steps, got '" + env + "'");
        }
    }
}
