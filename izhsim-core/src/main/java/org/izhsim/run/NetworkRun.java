package org.izhsim.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.izhsim.analysis.PopulationSpectrum;
import org.izhsim.analysis.Rates;
import org.izhsim.model.TimeGrid;
import org.izhsim.network.BlockTiming;
import org.izhsim.network.Communicator;
import org.izhsim.network.Monitor;
import org.izhsim.network.Network;
import org.izhsim.network.NeuronGroup;
import org.izhsim.network.ProgressListener;
import org.izhsim.network.Simulation;
import org.izhsim.network.SpikeMonitor;
import org.izhsim.network.SpikeRecording;
import org.izhsim.network.StateMonitor;
import org.izhsim.network.StateRecording;
import org.izhsim.network.TimingReport;

/**
 * One network run, the same for every face (the command line's net2003, run and replay, a
 * model file, the explorer's sessions): checks the run's length, refuses before allocating
 * what will not fit (the network, the recordings its duration sizes and the summary's
 * spectrum), warms the JIT up on a sample, builds the {@link Simulation}, runs it in timed
 * blocks with progress, and sums it up. Faces add only what is theirs: files, figures, events.
 *
 * <p>A run that keeps no spike list ({@link Builder#keepSpikes keepSpikes(false)}: nothing
 * the face writes needs it) counts the spikes as they stream by instead, so that the memory
 * of a long run stays bounded.
 */
public final class NetworkRun implements AutoCloseable {
    /**
     * Most steps of one run: spikes are recorded as int steps, so a longer run could not say
     * when its spikes happened.
     */
    public static final long MAX_STEPS = Integer.MAX_VALUE;
    /** Most worker threads asked for (model files have the same bound). */
    public static final int MAX_THREADS = 4096;

    private final Simulation sim;
    private final Network network;
    private final double durationMs;
    private final int blocks;
    private final SpikeMonitor spikes;
    private final StateMonitor trace;
    private final SpikeTally tally;
    private final SpikeMonitor counter;
    private List<BlockTiming> blockTimes = List.of();

    private NetworkRun(Builder b, Simulation sim, Network network, SpikeTally tally, SpikeMonitor counter) {
        this.sim = sim;
        this.network = network;
        this.durationMs = b.durationMs;
        this.blocks = b.blocks;
        this.spikes = tally == null ? b.spikes : null;
        this.trace = tally == null ? b.trace : null;
        this.tally = tally;
        this.counter = counter;
    }

    /**
     * A run of {@code network}, whose {@code spikes} monitor records every spike (global
     * indices) and {@code trace}, if not null, one neuron's state for the face to draw.
     */
    public static Builder builder(Network network, SpikeMonitor spikes, StateMonitor trace) {
        return new Builder(network, spikes, trace);
    }

    /** The simulation, built and not yet run: a face schedules changes on it, or steps it itself. */
    public Simulation simulation() {
        return sim;
    }

    /** The network simulated (with the streaming tally in place of the spike list when none is kept). */
    public Network network() {
        return network;
    }

    public long steps() {
        return new TimeGrid(network.dt()).positiveSteps(durationMs, "duration");
    }

    /** Runs the whole duration in the builder's blocks, each timed; {@code progress} may be null. */
    public List<BlockTiming> run(ProgressListener progress) {
        if (progress != null) sim.setProgressListener(progress);
        blockTimes = sim.runBlocks(durationMs, blocks);
        return blockTimes;
    }

    /** Whether the spike list and the trace are kept ({@link #spikes()}, {@link #trace()}). */
    public boolean keepsSpikes() {
        return tally == null;
    }

    /** Every spike so far (only if {@link #keepsSpikes}). */
    public SpikeRecording spikes() {
        if (spikes == null) throw new IllegalStateException("this run streams its spikes; it keeps no list");
        return sim.recording(spikes);
    }

    /** The traced neuron's v, u and I so far (only if {@link #keepsSpikes} and the run has a trace). */
    public StateRecording trace() {
        if (trace == null) throw new IllegalStateException("this run keeps no trace");
        return sim.recording(trace);
    }

    /**
     * The run's summary, in the order every face prints it: scheme, dt_ms, duration_ms, then
     * {@code head} (what the face adds: net2003's ne and ni, a model file's name and hash),
     * synapses, seed, threads (the workers used: the request is bounded by one per 2048
     * neurons), spikes, mean and per-group rates, the alpha and gamma peaks of the population
     * spectrum, build and run times, events, rates per second, peak memory, and the blocks
     * when there were several.
     */
    public Map<String, Object> summary(Map<String, Object> head) {
        return summary(head, keepsSpikes() ? sim.recording(spikes) : null, sim.timing());
    }

    /**
     * {@link #summary(Map)} of the spikes and timing given: a distributed run's, gathered from
     * every rank ({@code kept} is ignored, and may be null, when the run keeps no spike list).
     */
    public Map<String, Object> summary(Map<String, Object> head, SpikeRecording kept, TimingReport timing) {
        if (!keepsSpikes()) {
            sim.recording(counter); // hands over the last chunk
            kept = null;
        }
        PopulationSpectrum.Spectrum spectrum = kept != null ? PopulationSpectrum.of(kept, durationMs) : tally.spectrum();
        long spikeCount = kept != null ? kept.count() : tally.count();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("scheme", network.scheme().id());
        summary.put("dt_ms", network.dt());
        summary.put("duration_ms", durationMs);
        summary.putAll(head);
        summary.put("synapses", timing.synapses());
        summary.put("seed", network.seed());
        summary.put("threads", sim.threads());
        summary.put("spikes", spikeCount);
        summary.put("mean_rate_hz", Rates.meanRateHz(spikeCount, network.neuronCount(), durationMs));
        for (NeuronGroup g : network.groups()) {
            int off = network.offset(g);
            long n = kept != null ? kept.countNeurons(off, off + g.size()) : tally.count(g);
            summary.putIfAbsent(g.name() + "_rate_hz", Rates.meanRateHz(n, g.size(), durationMs));
        }
        summary.put("alpha_peak_hz", spectrum.bandPeak(4, 15));
        summary.put("gamma_peak_hz", spectrum.bandPeak(20, 60));
        summary.put("build_s", timing.buildSeconds());
        summary.put("run_s", timing.runSeconds());
        summary.put("events", timing.events());
        summary.put("events_per_s", timing.eventsPerSecond());
        summary.put("neuron_steps_per_s", timing.neuronStepsPerSecond());
        // one reading, rounded once to what the text shows: the printed and the stored value are the same number
        summary.put("peak_heap_mb", Math.round(Memory.peakHeapMb() * 10) / 10.0);
        summary.put("peak_rss_mb", Memory.peakRssMb());
        if (blockTimes.size() > 1) {
            List<Map<String, Object>> bl = new ArrayList<>();
            for (BlockTiming b : blockTimes) bl.add(b.toMap());
            summary.put("blocks", bl);
        }
        return summary;
    }

    /** {@link #summary} as three lines of text (what a face prints without --json), then one line per block. */
    public String text(Map<String, Object> s) {
        StringBuilder sizes = new StringBuilder(), rates = new StringBuilder();
        for (NeuronGroup g : network.groups()) {
            sizes.append(sizes.isEmpty() ? "" : " + ").append(g.size());
            rates.append(rates.isEmpty() ? "" : ", ")
                    .append(String.format(Locale.ROOT, "%s %.2f", g.name(), (double) s.get(g.name() + "_rate_hz")));
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%s neurons, %,d synapses, %s ms at dt %s ms, scheme %s, seed %d, %d threads%n", sizes, (long) s.get("synapses"),
                Net2003Options.number(durationMs), Net2003Options.number(network.dt()), network.scheme().id(), network.seed(),
                sim.threads()));
        out.append(String.format(Locale.ROOT, "%s: mean %.2f Hz (%s); alpha peak %.1f Hz, gamma peak %.1f Hz%n",
                Net2003Options.counted((long) s.get("spikes"), "spike"), (double) s.get("mean_rate_hz"), rates, (double) s.get("alpha_peak_hz"),
                (double) s.get("gamma_peak_hz")));
        out.append(String.format(Locale.ROOT, "build %.3f s, run %.3f s, %.3g synaptic events/s, %.3g neuron-steps/s, peak heap %s MB%n",
                (double) s.get("build_s"), (double) s.get("run_s"), (double) s.get("events_per_s"),
                (double) s.get("neuron_steps_per_s"), Net2003Options.number((double) s.get("peak_heap_mb"))));
        if (blockTimes.size() > 1) for (BlockTiming b : blockTimes) out.append("  ").append(b).append(System.lineSeparator());
        return out.toString();
    }

    @Override
    public void close() {
        sim.close();
    }

    /**
     * The steps of a run of {@code durationMs} on {@code grid}, timed in {@code blocks}: the
     * checks every run shares, whichever face asked for it. Refuses a duration off the grid,
     * shorter than 1 ms (the summary's spectrum counts spikes in 1-ms bins) or longer than
     * {@link #MAX_STEPS}, and blocks outside 1..steps.
     */
    public static long steps(TimeGrid grid, double durationMs, int blocks, Spelling spelling) {
        String duration = spelling.of("duration");
        long steps = grid.positiveSteps(durationMs, duration);
        if (steps > MAX_STEPS) {
            throw new IllegalArgumentException(duration + " " + durationMs + " ms is " + steps + " steps of dt " + grid.dt()
                    + " ms; a run takes at most " + MAX_STEPS + " steps (2^31 - 1: spikes are recorded as int steps); give a shorter "
                    + duration + " or a larger " + spelling.of("dt"));
        }
        if (Math.round(durationMs) < 1) {
            throw new IllegalArgumentException(duration + " must be at least 1 ms (the summary's spectrum counts spikes in 1-ms bins), got "
                    + durationMs);
        }
        if (blocks < 1 || blocks > steps) {
            throw new IllegalArgumentException(spelling.of("blocks") + " must be in 1.." + steps + " (the steps), got " + blocks);
        }
        return steps;
    }

    /** Worker threads asked for: {@code threads} (1..{@link #MAX_THREADS}), or all cores for null. */
    public static int threads(Integer threads, Spelling spelling) {
        if (threads == null) return Runtime.getRuntime().availableProcessors();
        if (threads < 1 || threads > MAX_THREADS) {
            throw new IllegalArgumentException(spelling.of("threads") + " must be at least 1 and at most " + MAX_THREADS + ", got " + threads
                    + (threads > MAX_THREADS ? " (a run uses at most one worker per 2048 neurons anyway)" : ""));
        }
        return threads;
    }

    /**
     * Steps of the warm-up network run during the build (capped at the run's own steps): 300
     * (enough for the JIT to compile the step loops), or the IZHSIM_WARMUP_STEPS environment
     * variable (0 turns the warm-up off).
     */
    public static long warmUpSteps(String env) {
        if (env == null || env.isBlank()) return 300;
        try {
            return Math.max(0, Long.parseLong(env.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("IZHSIM_WARMUP_STEPS must be a whole number of steps, got '" + env + "'");
        }
    }

    /**
     * The warm-up sample watched as the run is: a streaming spike tally instead of the kept
     * spikes when the run streams (in short chunks, so that the warm-up hands some over), and
     * its trace only if the run records states. A run watched otherwise takes branches of the
     * step loop that the warm-up never took, and the JIT then deoptimises the loop in the run's
     * first steps and compiles it again during the run.
     */
    public static Network watchedAlike(Network sample, Network run, boolean keepSpikes, int chunkSteps) {
        boolean states = run.monitors().stream().anyMatch(m -> m instanceof StateMonitor);
        List<Monitor<?>> watch = new ArrayList<>();
        for (Monitor<?> m : sample.monitors()) {
            if (m instanceof SpikeMonitor s) watch.add(keepSpikes ? s : s.streaming((st, ns, n) -> { }, Math.min(chunkSteps, 20)));
            else if (states) watch.add(m);
        }
        return sample.withoutMonitors(sample.monitors()).withMonitors(watch);
    }

    /** What to run and how; {@link #build()} checks it and builds the simulation. */
    public static final class Builder {
        private final Network network;
        private final SpikeMonitor spikes;
        private final StateMonitor trace;
        private double durationMs = 1000;
        private Integer threads = 1;
        private int blocks = 1, chunkSteps = 1000;
        private boolean keepSpikes = true;
        private Network warmUpSample;
        private long warmUpSteps;
        private Spelling spelling = Spelling.OPTIONS;
        private Communicator communicator = Communicator.local();

        private Builder(Network network, SpikeMonitor spikes, StateMonitor trace) {
            this.network = Objects.requireNonNull(network);
            this.spikes = Objects.requireNonNull(spikes);
            this.trace = trace;
        }

        /** Simulated time [ms]: a whole number of steps, at most {@link #MAX_STEPS}. */
        public Builder durationMs(double ms) { durationMs = ms; return this; }
        /** Worker threads asked for (the simulation uses at most one per 2048 neurons), or null for all cores. */
        public Builder threads(Integer n) { threads = n; return this; }
        /** How ranks exchange spikes (default: one process); every rank builds only its share. */
        public Builder communicator(Communicator c) { communicator = Objects.requireNonNull(c); return this; }
        public Builder blocks(int n) { blocks = n; return this; }
        /** False: count the spikes as they stream by (in chunks of {@code chunkSteps}) and keep no list or trace. */
        public Builder keepSpikes(boolean keep) { keepSpikes = keep; return this; }
        public Builder chunkSteps(int steps) { chunkSteps = steps; return this; }
        /** A small network of the same kind run first for the JIT, for at most this many steps (0: none). */
        public Builder warmUp(Network sample, long steps) { warmUpSample = sample; warmUpSteps = steps; return this; }
        /** How messages name the options (--duration or duration). */
        public Builder spelling(Spelling s) { spelling = Objects.requireNonNull(s); return this; }

        /**
         * Checks the run and builds its simulation. A network or a run that would not fit is
         * refused with an {@link IllegalArgumentException} naming the estimate, the limit and
         * the ways out: a usage problem with a remedy, not a crash.
         */
        public NetworkRun build() {
            long steps = steps(new TimeGrid(network.dt()), durationMs, blocks, spelling);
            Network net = network;
            SpikeTally tally = null;
            SpikeMonitor counter = null;
            if (!keepSpikes) {
                List<Monitor<?>> drop = new ArrayList<>(List.of(spikes));
                if (trace != null) drop.add(trace);
                net = net.withoutMonitors(drop);
            }
            checkMemory(net, steps, spelling.of("duration"));
            if (!keepSpikes) {
                tally = new SpikeTally(net, durationMs);
                counter = SpikeMonitor.all().named("izhsim:spike-tally").streaming(tally, chunkSteps);
                net = net.withMonitors(List.of(counter));
            }
            Simulation.Builder sb = Simulation.builder(net).threads(NetworkRun.threads(threads, spelling)).communicator(communicator);
            // the warm-up lets the JIT compile the step loops on a small network of the same kind
            // first; it is counted in build_s (see Simulation.Builder#warmUp)
            long warm = Math.min(warmUpSteps, steps);
            if (warmUpSample != null && warm > 0) sb.warmUp(watchedAlike(warmUpSample, net, keepSpikes, chunkSteps), warm);
            try {
                return new NetworkRun(this, sb.build(), net, tally, counter);
            } catch (IllegalStateException tooBig) {
                throw new IllegalArgumentException(tooBig.getMessage(), tooBig);
            }
        }

        /**
         * The network's memory plus what the duration sizes: the samples of every kept state
         * monitor (reserved when the run starts) and the summary's spectrum (1-ms bins).
         */
        private void checkMemory(Network net, long steps, String duration) {
            double states = 0;
            for (Monitor<?> m : net.monitors()) if (m instanceof StateMonitor s) states += s.bytesFor(steps);
            // a run that keeps no spike list counts them per 1-ms bin (8 bytes each) for the spectrum
            double spectrum = PopulationSpectrum.bytes(durationMs) + (keepSpikes ? 0 : 8 * Math.rint(durationMs));
            double extra = states + spectrum;
            try {
                // at one worker: the simulation's own check, with the workers it will use, follows
                net.checkMemory(1, (long) Math.min(extra, Long.MAX_VALUE / 2),
                        String.format(Locale.ROOT, "%.0f MB (state samples %.0f MB, the 1-ms spectrum of the summary %.0f MB; a "
                                + "shorter %s needs less)", extra / 1048576, states / 1048576, spectrum / 1048576, duration),
                        communicator.rank(), communicator.size());
            } catch (IllegalStateException tooBig) {
                throw new IllegalArgumentException(tooBig.getMessage(), tooBig);
            }
        }
    }
}
