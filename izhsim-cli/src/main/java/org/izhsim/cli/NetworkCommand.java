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
import org.izhsim.equations.EquationModel;
import org.izhsim.integrate.Scheme;
import org.izhsim.io.AtomicFiles;
import org.izhsim.io.Csv;
import org.izhsim.io.DataFormat;
import org.izhsim.io.Json;
import org.izhsim.io.Npz;
import org.izhsim.io.RunInfo;
import org.izhsim.model.TimeGrid;
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
import org.izhsim.plot.FigureWriter;
import org.izhsim.plot.ImageFormat;
import org.izhsim.plot.Figures;
import org.izhsim.plot.Series;
import org.izhsim.plot.SpikeRaster;
import org.izhsim.run.Net2003Options;
import org.izhsim.run.NetworkRun;
import org.izhsim.run.Spelling;
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
    Network warmUpSample;

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

    @Option(names = "--threads", description = "Worker threads (default: all cores; at most one per 2048 neurons is used). Spikes are identical for every count.")
    Integer threads;

    @Option(names = "--scheme", defaultValue = "netm",
            description = "netm (net.m, default), euler (Brian2's example), figure1 or rk4.")
    String scheme;

    @Option(names = "--connectivity", defaultValue = "dense",
            description = "dense: all-to-all including self, as net.m, all weights scaled by 1000/(ne + ni) (1 for net.m's 800 + 200); "
                    + "sparse: each neuron gets exactly K distinct random inputs and all weights are scaled by 1000/K; "
                    + "the factor is in the summary, run.json (weight_factor) and the raster's title (default: ${DEFAULT-VALUE}).")
    String connectivity;

    @Option(names = "--k", description = "Inputs per neuron with --connectivity sparse (default: " + Net2003Options.DEFAULT_K + ").")
    Integer k;

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

    /** What the run's own folder under out/ is called when --out is not given (see {@link OutputOptions#dir}). */
    String placeName() {
        return commandName();
    }

    @Override
    public Integer call() throws IOException {
        Net2003Options.Builder o = Net2003Options.builder(Spelling.OPTIONS).scheme(scheme).ne(ne).ni(ni).connectivity(connectivity)
                .k(k).traceNeuron(traceNeuron).threads(threads).durationMs(duration).dt(dt).seed(seed).blocks(blocks);
        if (equations != null) o.equations(NeuronOptions.readEquations(equations));
        return run(o.build());
    }

    /** Runs the 2003 network with {@code o}: net2003, run without a model file, and replay. */
    final Integer run(Net2003Options o) throws IOException {
        Izhikevich2003Network.Builder nb = o.apply(Izhikevich2003Network.builder(), org.izhsim.codegen.KernelCompiler.INSTANCE);
        Izhikevich2003Network.Built built = nb.build();
        // The warm-up moves the JIT's compilation of the step loops out of the timed run: on 2
        // cores the compiler threads would otherwise take a core from the run's workers
        warmUpSample = nb.warmUpSample();

        Map<String, Object> parameters = o.description(built.weightFactor());
        Map<String, Object> head = new LinkedHashMap<>();
        head.put("ne", o.ne());
        head.put("ni", o.ni());
        head.put("weight_factor", built.weightFactor());
        EquationModel model = o.equations();
        if (model != null) {
            head.put("model", model.source());
            head.put("model_hash", model.hash());
        }
        // the built-in network's model hash: the SHA-256 of its description (a model file hashes its bytes)
        head.put("model_file", model != null ? model.source() : MODEL_FILE);
        head.put("model_sha256", RunInfo.sha256(Json.write(parameters).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        return execute(new Job(o.title(), built.network(), built.spikes(), built.trace(), o.traceNeuron(), o.durationMs(),
                o.threads(), o.blocks(), head, parameters, List.of(), dataFiles(null)), output.dir(placeName()), output.figureFormats());
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
     * @param threads      worker threads asked for, or null for all cores
     * @param blocks       blocks to time separately
     * @param head         run-specific summary keys, placed after duration_ms (net2003: ne, ni)
     * @param parameters   the description recorded in run.json
     * @param recorded     further monitors, each written to {@code NAME.npz}
     * @param data         which of spikes.npz, spikes.csv, run.nwb and run.json to write ("npz", "csv", "nwb", "json")
     */
    record Job(String title, Network network, SpikeMonitor spikes, StateMonitor trace, int traceNeuron,
               double duration, Integer threads, int blocks, Map<String, Object> head, Map<String, Object> parameters,
               List<Monitor<?>> recorded, Set<String> data) {}

    /**
     * Runs the network with a progress bar, writes its files through an output stage and prints
     * the summary. With "nwb" in the data, run.nwb streams to disk during the run (states of
     * --record) and is closed, marked incomplete, if the run fails or is interrupted.
     */
    final Integer execute(Job r, Path outDir, Set<ImageFormat> formats) throws IOException {
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

    private Integer executeRun(Job r, Path outDir, Set<ImageFormat> formats) throws IOException {
        Network net = r.network();
        Scheme s = net.scheme();
        double duration = r.duration();
        long steps = NetworkRun.steps(new TimeGrid(net.dt()), duration, r.blocks(), Spelling.OPTIONS);
        long wall0 = System.nanoTime();
        dataOptions.check();
        OutputStage.check(outDir);
        OutputNames.checkDistinct(r.recorded());
        org.izhsim.network.Communicator ranks = MpiRun.communicator(net, r.data()); // [mpi hook] refuses more ranks than neurons, nwb
        StateMonitor.Variable[] recordVars = dataOptions.variables();
        if (recordVars.length > 0 && !r.data().contains("nwb")) {
            throw new IllegalArgumentException("--record writes states into run.nwb; add nwb to --data (e.g. --data npz,csv,nwb)");
        }
        int[] recordNeurons = dataOptions.neurons(net.neuronCount());
        Map<String, Object> known = new LinkedHashMap<>();
        known.put("scheme", s.id());
        known.put("dt_ms", net.dt());
        known.put("duration_ms", duration);
        known.put("seed", net.seed());
        for (String key : List.of("model_file", "model_sha256")) if (r.head().containsKey(key)) known.put(key, r.head().get(key));
        if (r.data().contains("nwb")) {
            Map<String, Object> meta = RunInfo.base(commandName());
            meta.putAll(known);
            nwb = NwbRun.start(OutputStage.prepare(outDir), net, "izhsim " + commandName() + ": " + r.title(), meta, steps,
                    recordNeurons, recordVars, dataOptions.recordEvery, dataOptions.chunkSteps, output.quiet);
            net = nwb.network;
        }
        // Without npz, CSV or figures no file needs the spike list: the runner then counts the
        // spikes as they stream by, so the memory of a long run stays bounded (its spikes are in run.nwb)
        boolean keepSpikes = MpiRun.ranks() > 1 || needsSpikes() || !formats.isEmpty() || r.data().contains("npz") || r.data().contains("csv");
        NetworkRun.Builder rb = NetworkRun.builder(net, r.spikes(), r.trace()).durationMs(duration)
                .threads(r.threads() == null && MpiRun.underMpirun() ? Integer.valueOf(MpiRun.defaultThreads()) : r.threads()) // [mpi hook] a node's cores shared among its ranks
                .communicator(ranks) // [mpi hook]
                .blocks(r.blocks()).keepSpikes(keepSpikes).chunkSteps(dataOptions.chunkSteps).spelling(Spelling.OPTIONS);
        if (warmUpSample != null) rb.warmUp(warmUpSample, NetworkRun.warmUpSteps(System.getenv("IZHSIM_WARMUP_STEPS")));
        NetworkRun built;
        try {
            built = rb.build();
        } catch (RuntimeException refused) {
            if (nwb != null) nwb.discard(); // nothing ran: leave no file behind
            nwb = null;
            throw refused;
        }
        SpikeRecording spikes = null;
        StateRecording trace = null;
        List<Recording> recordings = new ArrayList<>();
        List<AppliedChange> changes;
        org.izhsim.io.PlasticWeights.Table weights;
        Map<String, Object> summary = null;
        String text = null;
        try (NetworkRun run = built;
             ProgressBar bar = new ProgressBar(commandName(), output.quiet)) {
            Simulation sim = run.simulation();
            MpiRun.ready(sim); // [mpi hook] every rank built its share, or all stop here with the failed rank's message
            beforeRun(sim);
            // without a bar the run goes in one piece: each progress report is a hand-off
            // between the worker threads and this one
            run.run(bar.enabled() ? (f, n) -> bar.update(f, () -> Net2003Options.counted(n, "spike")) : null);
            if (nwb != null) nwb.drain(sim);
            changes = sim.changeLog();
            weights = MpiRun.weights(sim); // [mpi hook] to rank 0; null without plastic groups
            afterRun(sim, r);
            if (keepSpikes) {
                spikes = MpiRun.gather(run.spikes()); // [mpi hook] to rank 0
                trace = r.trace() == null ? null : MpiRun.gather(run.trace()); // [mpi hook]
            }
            for (Monitor<?> m : r.recorded()) recordings.add(MpiRun.gather(sim.recording(m))); // [mpi hook]
            org.izhsim.network.TimingReport timing = MpiRun.gather(sim.timing()); // [mpi hook] the job's totals
            if (MpiRun.root()) {
                summary = run.summary(r.head(), spikes, timing);
                MpiRun.describe(summary); // [mpi hook] "ranks" (and per-rank figures)
                List<Map<String, Object>> plastic = weights == null ? List.of() : weights.statistics();
                if (weights != null) summary.put("plastic_weights", plastic);
                text = run.text(summary) + plasticText(plastic);
                if (r.head().get("weight_factor") instanceof Double f && f != 1.0) {
                    text = "weights scaled \u00d7 " + Net2003Options.significant(f) + " (1000 / inputs per neuron), so that each "
                            + "neuron's expected input is that of net.m's 1000 neurons" + System.lineSeparator() + text;
                }
            }
        }
        if (!MpiRun.root()) return 0; // [mpi hook] rank 0 writes every output and prints

        final int[] neurons = keepSpikes ? spikes.neurons() : null;
        // k·dt as files print them; the raster draws the same array (one array of all spike times, not two)
        final double[] times = keepSpikes ? org.izhsim.io.GridTimes.ofSteps(spikes::step, spikes.count(), net.dt()) : null;

        // one provenance stamp shared by every file of this run and the printed summary
        Map<String, Object> stamped = new LinkedHashMap<>(summary);
        stamped.putAll(RunInfo.base(commandName()));
        List<Path> written;
        try (OutputStage stage = new OutputStage(outDir)) {
            if (!formats.isEmpty()) {
                Series v = new Series("neuron " + r.traceNeuron(), trace.timesMs(),
                        PeakTraces.peakPadded(trace.trace(StateMonitor.Variable.V, 0), spikes, r.traceNeuron(), s, 30));
                // the title also as text in the file's metadata: the SVG draws its letters as outlines
                Map<String, String> provenance = new LinkedHashMap<>(Plots.provenance(stamped));
                provenance.put("title", r.title());
                FigureWriter.write(Figures.networkRaster(r.title(), raster(net, times, neurons, duration), v),
                        stage.dir(), "raster", formats, provenance);
            }
            // spikes.npz on a second thread while this one formats spikes.csv: for
            // millions of spikes these two are most of the time after the run
            FutureTask<Path> npz = new FutureTask<>(() -> new Npz().put("t_ms", times).put("i", neurons).putMetadata(stamped)
                    .putString("metadata", Json.write(stamped)).write(stage.file("spikes.npz")));
            if (r.data().contains("npz")) Thread.ofPlatform().name("izhsim-npz").start(npz);
            try {
                if (r.data().contains("csv")) Csv.write(stage.file("spikes.csv"), stamped, List.of("t_ms", "i"), List.of(times, neurons));
            } finally {
                if (r.data().contains("npz")) join(npz, false); // never leave it writing into the stage that closing deletes
            }
            if (r.data().contains("npz")) {
                join(npz, true);
                for (Recording rec : recordings) recordingNpz(rec, stamped).write(stage.file(fileName(rec.monitorName()) + ".npz"));
                if (weights != null) weights.npz().putMetadata(stamped).write(stage.file("weights.npz"));
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
            String[] outside = nwb != null ? new String[] {"run.nwb"} : new String[0];
            if (r.data().contains("json")) {
                Map<String, Object> run = new LinkedHashMap<>(stamped);
                run.put("wall_s", (System.nanoTime() - wall0) / 1e9);
                run.put("parameters", parameters);
                List<String> files = new ArrayList<>(stage.staged());
                files.add("run.json");
                files.addAll(List.of(outside));
                run.put(OutputStage.FILES_KEY, files);
                AtomicFiles.writeString(stage.file("run.json"), Json.write(run) + "\n");
            }
            written = new ArrayList<>(stage.commit("run.json", outside));
            if (nwb != null) {
                Map<String, Object> last = new LinkedHashMap<>(stamped);
                last.put("parameters", Json.write(parameters));
                written.add(nwb.finish(last));
            }
        }
        stamped.put("wall_s", (System.nanoTime() - wall0) / 1e9);
        if (output.json) System.out.println(Json.write(stamped));
        else System.out.print(text);
        output.reportWritten(written);
        return 0;
    }

    /** One line per plastic group: its weights at the end (nothing without plastic groups). */
    private static String plasticText(List<Map<String, Object>> groups) {
        StringBuilder out = new StringBuilder();
        for (Map<String, Object> g : groups) {
            out.append(String.format(Locale.ROOT, "plastic '%s': %,d synapses", g.get("group"), (int) g.get("synapses")));
            if (g.containsKey("mean_w")) {
                out.append(String.format(Locale.ROOT, ", w mean %.4g (min %.4g, max %.4g)", (double) g.get("mean_w"),
                        (double) g.get("min_w"), (double) g.get("max_w")));
            }
            out.append(System.lineSeparator());
        }
        return out.toString();
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


    /**
     * A further monitor's recording as arrays: spikes (t_ms, i); state as Brian2's
     * StateMonitor holds it, one 2-d array per variable (rows = the recorded neurons, in the
     * order of {@code neurons}, columns = the samples at {@code t_ms}); rate. The network's
     * size, which the run's stamp calls {@code neurons}, is {@code network_neurons} here, so
     * that {@code neurons} is the recorded indices in every state file.
     */
    private static Npz recordingNpz(Recording rec, Map<String, Object> stamped) {
        Npz npz = new Npz();
        switch (rec) {
            case SpikeRecording sr -> npz.put("t_ms", org.izhsim.io.GridTimes.ofSteps(sr::step, sr.count(), sr.dt())).put("i", sr.neurons());
            case StateRecording st -> {
                npz.put("t_ms", org.izhsim.io.GridTimes.onGrid(st.timesMs(), st.dt())).put("neurons", st.neurons());
                for (String var : st.variables()) {
                    double[][] rows = new double[st.neurons().length][];
                    for (int j = 0; j < rows.length; j++) rows[j] = st.trace(var, j);
                    npz.put(var, rows);
                }
            }
            case RateRecording rr -> {
                double[] start = new double[rr.counts().length];
                for (int b = 0; b < start.length; b++) start[b] = b * rr.binMs();
                npz.put("t_ms", org.izhsim.io.GridTimes.onGrid(start, rr.binMs())).put("count", rr.counts())
                        .put("rate_hz", rr.ratesHz()).putScalar("bin_ms", rr.binMs());
            }
            default -> throw new IllegalStateException("no file format for " + rec.getClass().getSimpleName());
        }
        npz.putString("monitor", rec.monitorName());
        Map<String, Object> meta = new LinkedHashMap<>(stamped);
        Object size = meta.remove("neurons");
        if (size != null) meta.put("network_neurons", size);
        meta.keySet().removeIf(npz::has);
        return npz.putMetadata(meta);
    }

    /** A monitor name as a file name: characters other than letters, digits, '.', '_' and '-' become '_'. */
    static String fileName(String monitorName) {
        return monitorName.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** A hook for subclasses: the simulation is built and about to run (replay: schedules its changes). */
    void beforeRun(Simulation sim) {
    }

    /** A hook for subclasses: true if {@link #afterRun} reads the spike recording (replay checks it). */
    boolean needsSpikes() {
        return false;
    }

    /** A hook for subclasses: the run is over and its recordings can be read. */
    void afterRun(Simulation sim, Job run) {
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
}
