package org.izhsim.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.izhsim.analysis.PopulationSpectrum;
import org.izhsim.analysis.Rates;
import org.izhsim.integrate.Scheme;
import org.izhsim.io.AtomicFiles;
import org.izhsim.io.Csv;
import org.izhsim.io.DataFormat;
import org.izhsim.io.Json;
import org.izhsim.io.Npz;
import org.izhsim.io.RunInfo;
import org.izhsim.model.Checks;
import org.izhsim.network.AppliedChange;
import org.izhsim.network.PeakTraces;
import org.izhsim.network.Izhikevich2003Network;
import org.izhsim.network.Monitor;
import org.izhsim.network.Network;
import org.izhsim.network.NeuronGroup;
import org.izhsim.network.RateRecording;
import org.izhsim.network.Recording;
import org.izhsim.network.SpikeMonitor;
import org.izhsim.network.Simulation;
import org.izhsim.network.SpikeRecording;
import org.izhsim.network.StateMonitor;
import org.izhsim.network.StateRecording;
import org.izhsim.network.TimingReport;
import org.izhsim.plot.FigureWriter;
import org.izhsim.plot.ImageFormat;
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
    DataOptions dataOptions;

    /** The run's NWB file while it is open (closed, and left marked incomplete, if the run fails). */
    private NwbRun nwb;

    /** A small network of the same kind, run during the build so the JIT compiles the step loops; null for none. */
    private Network warmUpSample;

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

    @Option(names = "--equations", paramLabel = "FILE",
            description = "Both groups run this equation model instead of the built-in one; its parameters a, b, c, d and "
                    + "variables v, u take the network's values (see examples/equations/izhikevich2003.eqs).")
    java.nio.file.Path equations;

    /** The command name recorded in outputs. */
    abstract String commandName();

    @Override
    public Integer call() throws IOException {
        Scheme s = Scheme.byId(scheme);
        if (ne < 1 || ni < 1) throw new IllegalArgumentException("--ne and --ni must each be at least 1, got " + ne + " and " + ni);
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
        int nThreads = threadCount(threads);
        Izhikevich2003Network.Builder nb = Izhikevich2003Network.builder().ne(ne).ni(ni).scheme(s).dt(dt).seed(seed)
                .traceNeuron(traceNeuron);
        if (sparse) nb.sparse(k);
        else nb.dense();
        org.izhsim.equations.EquationModel model = null;
        if (equations != null) {
            model = NeuronOptions.readEquations(equations);
            nb.equations(model, org.izhsim.codegen.KernelCompiler.INSTANCE);
        }
        configure(nb);
        Izhikevich2003Network.Built built = nb.build();
        // The warm-up moves the JIT's compilation of the step loops out of the timed run: on 2
        // cores the compiler threads would otherwise take a core from the run's workers
        warmUpSample = nb.warmUpSample();

        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("ne", ne);
        parameters.put("ni", ni);
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

        Map<String, Object> head = new LinkedHashMap<>();
        head.put("ne", ne);
        head.put("ni", ni);
        if (model != null) {
            head.put("model", model.source());
            head.put("model_hash", model.hash());
        }
        // the built-in network's model hash: the SHA-256 of its description (a model file hashes its bytes)
        head.put("model_file", model != null ? model.source() : MODEL_FILE);
        head.put("model_sha256", RunInfo.sha256(Json.write(parameters).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        String title = String.format(Locale.ROOT, "Izhikevich 2003 network, %d + %d neurons, %s, scheme %s, dt %s ms, seed %d",
                ne, ni, sparse ? "K = " + k : "all-to-all", s.id(), NeuronCommand.fmt(dt), seed);
        return execute(new NetworkRun(title, built.network(), built.spikes(), built.trace(), traceNeuron, duration, nThreads,
                blocks, head, parameters, List.of(), dataFiles(null)), output.out, output.figureFormats());
    }

    /** What model_file records for the built-in network (a model file records its path). */
    static final String MODEL_FILE = "builtin:net2003";

    /**
     * The data files to write: --data when given (or when there is no model file's choice),
     * else the model file's; run.json always unless the file leaves it out.
     */
    final Set<String> dataFiles(Set<String> fromFile) {
        if (fromFile != null && !dataOptions.given()) return fromFile;
        Set<String> out = new java.util.LinkedHashSet<>();
        for (DataFormat f : dataOptions.formats()) out.add(f.name().toLowerCase(Locale.ROOT));
        out.add("json");
        return out;
    }

    /**
     * One network run, whichever way it was described (net2003's options or a model file).
     *
     * @param title        the raster's title
     * @param network      what to simulate
     * @param spikes       the monitor of all spikes (global indices)
     * @param trace        v, u and I of one neuron, drawn under the raster
     * @param traceNeuron  the traced neuron's global index
     * @param duration     simulated time [ms]
     * @param threads      worker threads
     * @param blocks       blocks to time separately
     * @param head         run-specific summary keys, placed after duration_ms (net2003: ne, ni)
     * @param parameters   the description recorded in run.json
     * @param recorded     further monitors, each written to {@code NAME.npz}
     * @param data         which of spikes.npz, spikes.csv, run.nwb and run.json to write ("npz", "csv", "nwb", "json")
     */
    record NetworkRun(String title, Network network, SpikeMonitor spikes, StateMonitor trace, int traceNeuron,
                      double duration, int threads, int blocks, Map<String, Object> head, Map<String, Object> parameters,
                      List<Monitor<?>> recorded, Set<String> data) {}

    /**
     * Runs the network with a progress bar, writes its files through an output stage and prints
     * the summary. With "nwb" in the data, run.nwb streams to disk during the run (states of
     * --record) and is closed, marked incomplete, if the run fails or is interrupted.
     */
    final Integer execute(NetworkRun r, Path outDir, Set<ImageFormat> formats) throws IOException {
        try {
            return executeRun(r, outDir, formats);
        } catch (IOException | java.io.UncheckedIOException e) {
            // a full disk: no file that keeps filling it (an interrupt keeps its chunks, see NwbRun)
            if (nwb != null && Main.diskFull(e)) {
                nwb.discard();
                nwb = null;
            }
            throw e;
        } finally {
            if (nwb != null) nwb.close();
        }
    }

    private Integer executeRun(NetworkRun r, Path outDir, Set<ImageFormat> formats) throws IOException {
        Network net = r.network();
        Scheme s = net.scheme();
        double dt = net.dt(), duration = r.duration();
        long seed = net.seed();
        int nThreads = r.threads(), blocks = r.blocks();
        long steps = Checks.steps(duration, dt);
        if (blocks < 1 || blocks > steps) throw new IllegalArgumentException("--blocks must be in 1.." + steps + " (the steps), got " + blocks);
        long wall0 = System.nanoTime();
        dataOptions.check();
        OutputStage.check(outDir);
        OutputNames.checkDistinct(r.recorded());
        StateMonitor.Variable[] recordVars = dataOptions.variables();
        if (recordVars.length > 0 && !r.data().contains("nwb")) {
            throw new IllegalArgumentException("--record writes states into run.nwb; add nwb to --data (e.g. --data npz,csv,nwb)");
        }
        int[] recordNeurons = dataOptions.neurons(net.neuronCount());
        Map<String, Object> known = new LinkedHashMap<>();
        known.put("scheme", s.id());
        known.put("dt_ms", dt);
        known.put("duration_ms", duration);
        known.put("seed", seed);
        for (String key : List.of("model_file", "model_sha256")) if (r.head().containsKey(key)) known.put(key, r.head().get(key));
        if (r.data().contains("nwb")) {
            Map<String, Object> meta = RunInfo.base(commandName());
            meta.putAll(known);
            nwb = NwbRun.start(OutputStage.prepare(outDir), net, "izhsim " + commandName() + ": " + r.title(), meta, steps,
                    recordNeurons, recordVars, dataOptions.recordEvery, dataOptions.chunkSteps, output.quiet);
            net = nwb.network;
        }
        // Without npz, CSV or figures no file needs the spike list: the summary's counts and
        // 1-ms bins are then taken as the spikes stream by, so the memory of a long run stays
        // bounded (its spikes are in run.nwb).
        boolean keepSpikes = needsSpikes() || !formats.isEmpty() || r.data().contains("npz") || r.data().contains("csv");
        SpikeTally tally = null;
        SpikeMonitor counter = null;
        if (!keepSpikes) {
            tally = new SpikeTally(net, dt, duration);
            counter = SpikeMonitor.all().named("izhsim:spike-tally").streaming(tally, dataOptions.chunkSteps);
            net = net.withoutMonitors(List.of(r.spikes(), r.trace())).withMonitors(List.of(counter));
        }
        Network sample = warmUpSample == null ? null : watchedAlike(warmUpSample, net, keepSpikes, dataOptions.chunkSteps);

        SpikeRecording spikes = null;
        StateRecording trace = null;
        List<Recording> recordings = new ArrayList<>();
        List<org.izhsim.network.BlockTiming> blockTimes;
        TimingReport timing;
        List<AppliedChange> changes;
        Simulation built0;
        try {
            Simulation.Builder sb = Simulation.builder(net).threads(nThreads);
            // the warm-up lets the JIT compile the step loops on a small network of the same kind
            // first; it is counted in build_s (see Simulation.Builder#warmUp)
            if (sample != null) sb.warmUp(sample, Math.min(warmUpSteps(System.getenv("IZHSIM_WARMUP_STEPS")), steps));
            built0 = sb.build();
        } catch (RuntimeException refused) {
            if (nwb != null) nwb.discard(); // nothing ran: leave no file behind
            nwb = null;
            // the memory estimate refused the network: a usage problem with a remedy, not a crash
            if (refused instanceof IllegalStateException tooBig) throw new IllegalArgumentException(tooBig.getMessage(), tooBig);
            throw refused;
        }
        try (Simulation sim = built0;
             ProgressBar bar = new ProgressBar(commandName(), output.quiet)) {
            // without a bar the run goes in one piece: each progress report is a hand-off
            // between the worker threads and this one
            if (bar.enabled()) sim.setProgressListener((f, n) -> bar.update(f, () -> String.format(Locale.ROOT, "%,d spikes", n)));
            beforeRun(sim);
            blockTimes = sim.runBlocks(duration, blocks);
            if (nwb != null) nwb.drain(sim);
            changes = sim.changeLog();
            afterRun(sim, r);
            if (keepSpikes) {
                spikes = sim.recording(r.spikes());
                trace = sim.recording(r.trace());
            } else {
                sim.recording(counter); // hands over the last chunk
            }
            for (Monitor<?> m : r.recorded()) recordings.add(sim.recording(m));
            timing = sim.timing();
        }
        final double[] times = keepSpikes ? spikes.timesMs() : null;
        final int[] neurons = keepSpikes ? spikes.neurons() : null;
        final double[] gridTimes = keepSpikes ? org.izhsim.io.GridTimes.ofSteps(spikes.steps(), dt) : null; // as files print them
        int total = net.neuronCount();
        PopulationSpectrum.Spectrum spectrum = keepSpikes ? PopulationSpectrum.of(times, duration) : tally.spectrum();
        long spikeCount = keepSpikes ? spikes.count() : tally.count();

        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("scheme", s.id());
        summary.put("dt_ms", dt);
        summary.put("duration_ms", duration);
        summary.putAll(r.head());
        summary.put("synapses", timing.synapses());
        summary.put("seed", seed);
        summary.put("threads", nThreads);
        summary.put("spikes", spikeCount);
        summary.put("mean_rate_hz", Rates.meanRateHz(spikeCount, total, duration));
        StringBuilder groupRates = new StringBuilder();
        for (NeuronGroup g : net.groups()) {
            int off = net.offset(g);
            long n = keepSpikes ? spikes.countNeurons(off, off + g.size()) : tally.count(g);
            double hz = Rates.meanRateHz(n, g.size(), duration);
            summary.putIfAbsent(g.name() + "_rate_hz", hz);
            groupRates.append(groupRates.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%s %.2f", g.name(), hz));
        }
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
            for (org.izhsim.network.BlockTiming b : blockTimes) bl.add(b.toMap());
            summary.put("blocks", bl);
        }

        // one provenance stamp shared by every file of this run and the printed summary
        Map<String, Object> stamped = new LinkedHashMap<>(summary);
        stamped.putAll(RunInfo.base(commandName()));
        List<Path> written;
        try (OutputStage stage = new OutputStage(outDir)) {
            if (!formats.isEmpty()) {
                Series v = new Series("neuron " + r.traceNeuron(), trace.timesMs(),
                        PeakTraces.peakPadded(trace.trace(StateMonitor.Variable.V, 0), spikes, r.traceNeuron(), s, 30));
                FigureWriter.write(Figures.networkRaster(r.title(), raster(net, times, neurons, duration), v),
                        stage.dir(), "raster", formats, Plots.provenance(stamped));
            }
            // spikes.npz on a second thread while this one formats spikes.csv: for
            // millions of spikes these two are most of the time after the run
            FutureTask<Path> npz = new FutureTask<>(() -> new Npz().put("t_ms", gridTimes).put("i", neurons).putMetadata(stamped)
                    .putString("metadata", Json.write(stamped)).write(stage.file("spikes.npz")));
            if (r.data().contains("npz")) Thread.ofPlatform().name("izhsim-npz").start(npz);
            try {
                if (r.data().contains("csv")) Csv.write(stage.file("spikes.csv"), stamped, List.of("t_ms", "i"), List.of(gridTimes, neurons));
            } finally {
                if (r.data().contains("npz")) join(npz, false); // never leave it writing into the stage that closing deletes
            }
            if (r.data().contains("npz")) {
                join(npz, true);
                for (Recording rec : recordings) recordingNpz(rec, stamped).write(stage.file(fileName(rec.monitorName()) + ".npz"));
            }
            Map<String, Object> parameters = new LinkedHashMap<>(r.parameters());
            if (!changes.isEmpty()) {
                List<Map<String, Object>> log = new ArrayList<>();
                for (AppliedChange c : changes) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("step", c.step());
                    m.put("t_ms", c.timeMs());
                    m.put("change", c.description());
                    log.add(m);
                }
                parameters.put("changes", log);
            }
            if (r.data().contains("json")) {
                Map<String, Object> run = new LinkedHashMap<>(stamped);
                run.put("wall_s", (System.nanoTime() - wall0) / 1e9);
                run.put("parameters", parameters);
                AtomicFiles.writeString(stage.file("run.json"), Json.write(run) + "\n");
            }
            written = new ArrayList<>(stage.commit());
            if (nwb != null) {
                Map<String, Object> last = new LinkedHashMap<>(stamped);
                last.put("parameters", Json.write(parameters));
                written.add(nwb.finish(last));
            }
        }
        stamped.put("wall_s", (System.nanoTime() - wall0) / 1e9);
        if (output.json) {
            System.out.println(Json.write(stamped));
        } else {
            StringBuilder sizes = new StringBuilder();
            for (NeuronGroup g : net.groups()) sizes.append(sizes.isEmpty() ? "" : " + ").append(g.size());
            System.out.printf(Locale.ROOT, "%s neurons, %,d synapses, %s ms at dt %s ms, scheme %s, seed %d, %d threads%n",
                    sizes, timing.synapses(), NeuronCommand.fmt(duration), NeuronCommand.fmt(dt), s.id(), seed, nThreads);
            System.out.printf(Locale.ROOT, "%,d spikes: mean %.2f Hz (%s); alpha peak %.1f Hz, gamma peak %.1f Hz%n",
                    spikeCount, Rates.meanRateHz(spikeCount, total, duration), groupRates, spectrum.bandPeak(4, 15),
                    spectrum.bandPeak(20, 60));
            System.out.printf(Locale.ROOT, "build %.3f s, run %.3f s, %.3g synaptic events/s, %.3g neuron-steps/s, peak heap %.0f MB%n",
                    timing.buildSeconds(), timing.runSeconds(), timing.eventsPerSecond(), timing.neuronStepsPerSecond(),
                    Memory.peakHeapMb());
            if (blocks > 1) for (org.izhsim.network.BlockTiming b : blockTimes) System.out.println("  " + b);
        }
        output.reportWritten(written);
        return 0;
    }

    /** --threads, or all cores. */
    static int threadCount(Integer threads) {
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1) throw new IllegalArgumentException("--threads must be at least 1, got " + n);
        return n;
    }

    /** The raster with one band per group, excitatory or inhibitory by the tags of the group's outgoing synapses. */
    private static SpikeRaster raster(Network net, double[] times, int[] neurons, double duration) {
        List<SpikeRaster.Band> bands = new ArrayList<>();
        for (NeuronGroup g : net.groups()) {
            boolean inhibitory = net.synapses().stream().anyMatch(sg -> sg.pre() == g && sg.tag().equalsIgnoreCase("GABA"));
            bands.add(new SpikeRaster.Band(g.name(), g.size(), !inhibitory));
        }
        return SpikeRaster.ofGroups(times, neurons, bands, duration);
    }


    /** A further monitor's recording as arrays: spikes (t_ms, i), state (t_ms and v_N, u_N, I_N per neuron N), rate. */
    private static Npz recordingNpz(Recording rec, Map<String, Object> stamped) {
        Npz npz = new Npz();
        switch (rec) {
            case SpikeRecording sr -> npz.put("t_ms", sr.timesMs()).put("i", sr.neurons());
            case StateRecording st -> {
                npz.put("t_ms", st.timesMs()).put("neurons", st.neurons());
                int[] ns = st.neurons();
                for (StateMonitor.Variable var : StateMonitor.Variable.values()) {
                    if (!st.has(var)) continue;
                    String prefix = var == StateMonitor.Variable.I ? "I" : var.name().toLowerCase(Locale.ROOT);
                    for (int j = 0; j < ns.length; j++) npz.put(prefix + "_" + ns[j], st.trace(var, j));
                }
            }
            case RateRecording rr -> {
                double[] start = new double[rr.counts().length];
                for (int b = 0; b < start.length; b++) start[b] = b * rr.binMs();
                npz.put("t_ms", start).put("count", rr.counts()).put("rate_hz", rr.ratesHz()).putScalar("bin_ms", rr.binMs());
            }
            default -> throw new IllegalStateException("no file format for " + rec.getClass().getSimpleName());
        }
        npz.putString("monitor", rec.monitorName());
        return npz.putMetadata(stamped);
    }

    /** A monitor name as a file name: characters other than letters, digits, '.', '_' and '-' become '_'. */
    static String fileName(String monitorName) {
        return monitorName.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** A hook for subclasses: adjusts the 2003 network before it is built (replay: the session's inputs). */
    void configure(Izhikevich2003Network.Builder builder) {
    }

    /** A hook for subclasses: the simulation is built and about to run (replay: schedules its changes). */
    void beforeRun(Simulation sim) {
    }

    /** A hook for subclasses: true if {@link #afterRun} reads the spike recording (replay checks it). */
    boolean needsSpikes() {
        return false;
    }

    /** A hook for subclasses: the run is over and its recordings can be read. */
    void afterRun(Simulation sim, NetworkRun run) {
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
     * The warm-up sample watched as the run is: a streaming spike tally instead of the kept
     * spikes when the run streams (in short chunks, so that the warm-up hands some over), and
     * its trace only if the run records states. A run watched
     * otherwise takes branches of the step loop that the warm-up never took, and the JIT then
     * deoptimises the loop in the run's first steps and compiles it again during the run.
     */
    static Network watchedAlike(Network sample, Network run, boolean keepSpikes, int chunkSteps) {
        boolean states = run.monitors().stream().anyMatch(m -> m instanceof StateMonitor);
        List<Monitor<?>> watch = new ArrayList<>();
        for (Monitor<?> m : sample.monitors()) {
            if (m instanceof SpikeMonitor spikes) watch.add(keepSpikes ? spikes : spikes.streaming((st, ns, n) -> { }, Math.min(chunkSteps, 20)));
            else if (states) watch.add(m);
        }
        return sample.withoutMonitors(sample.monitors()).withMonitors(watch);
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

    /**
     * What the summary needs of the spikes, gathered as they stream by: the count per group and
     * per 1-ms bin ({@link PopulationSpectrum#bin}, as the spectrum of a kept spike list bins them).
     */
    private static final class SpikeTally implements SpikeMonitor.Sink {
        private final Network net;
        private final double dt;
        private final long[] perGroup, perMs;
        private final int[] groupEnds;

        SpikeTally(Network net, double dt, double durationMs) {
            this.net = net;
            this.dt = dt;
            List<NeuronGroup> gs = net.groups();
            perGroup = new long[gs.size()];
            groupEnds = new int[gs.size()];
            for (int j = 0; j < gs.size(); j++) groupEnds[j] = net.offset(gs.get(j)) + gs.get(j).size();
            int bins = (int) Math.round(durationMs);
            if (bins < 1) throw new IllegalArgumentException("duration must be at least 1 ms");
            perMs = new long[bins];
        }

        @Override
        public void accept(int[] steps, int[] neurons, int count) {
            for (int j = 0; j < count; j++) {
                perMs[PopulationSpectrum.bin(steps[j] * dt, perMs.length)]++;
                int g = 0;
                while (neurons[j] >= groupEnds[g]) g++;
                perGroup[g]++;
            }
        }

        long count() {
            long n = 0;
            for (long c : perGroup) n += c;
            return n;
        }

        long count(NeuronGroup g) {
            return perGroup[net.groups().indexOf(g)];
        }

        PopulationSpectrum.Spectrum spectrum() {
            return PopulationSpectrum.ofCounts(perMs);
        }
    }
}
