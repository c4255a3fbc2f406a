package org.izhsim.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.izhsim.integrate.Scheme;
import org.izhsim.io.Json;
import org.izhsim.io.RunInfo;
import org.izhsim.network.AppliedChange;
import org.izhsim.network.Izhikevich2003Network;
import org.izhsim.network.PeakTraces;
import org.izhsim.network.Simulation;
import org.izhsim.network.SpikeRecording;
import org.izhsim.network.StateMonitor;
import org.izhsim.network.StateRecording;
import org.izhsim.plot.Figures;
import org.izhsim.plot.Series;
import org.izhsim.plot.SpikeRaster;
import org.izhsim.run.Net2003Options;
import org.izhsim.run.NetworkRun;
import org.izhsim.run.Spelling;

/**
 * One browser tab's network: a {@link Simulation} of the 2003 network on a thread of its own
 * (one worker, so tabs share the cores fairly), started when the tab opens its event stream.
 *
 * <p>Only the session thread touches the simulation. The HTTP side talks to it through
 * flags (pause, stop) and a queue of requested changes, which the thread drains between chunks
 * of steps and hands to {@link Simulation#change}: a change commits between two steps and
 * appears in {@link Simulation#changeLog()}. The thread publishes what it simulated as
 * server-sent events on {@link #events} (a batch about every 50 ms of wall time: new spikes,
 * the population rate in 1 ms bins, the traced neuron's v, newly committed changes) and as an
 * immutable {@link Snapshot} for downloads and the replay file. A slow or vanished client never
 * blocks the simulation: events wait in an unbounded queue that the stream handler drains.
 */
final class NetworkSession {
    enum State { READY, RUNNING, PAUSED, STOPPED, DONE, FAILED }

    /** Marks the end of the event stream. */
    static final String END = "event: end\ndata: {}\n\n";

    /** What has been simulated so far, consistent in itself. */
    record Snapshot(long steps, SpikeRecording spikes, StateRecording trace) {}

    final String id;
    final Net2003Options settings;
    /** Simulated ms per wall-clock ms (0: as fast as possible). */
    final double speed;
    final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    final long createdNanos = System.nanoTime();
    private final List<Replay.Change> initial;
    private final List<Replay.Change> applied = new ArrayList<>();
    private final ConcurrentLinkedQueue<Replay.Change> requested = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean subscribed = new AtomicBoolean();
    private final Object lock = new Object();
    private boolean pauseRequested, stopRequested;
    private volatile State state = State.READY;
    private volatile Snapshot snapshot;
    private volatile String failure;
    private volatile long finishedNanos;
    private Thread thread;
    private final java.util.function.Consumer<String> log;

    NetworkSession(String id, Net2003Options settings, double speed, List<Replay.Change> initial,
                   java.util.function.Consumer<String> log) {
        this.id = id;
        this.log = log;
        this.settings = settings;
        this.speed = speed;
        this.initial = List.copyOf(initial);
    }

    State state() {
        return state;
    }

    boolean live() {
        State s = state;
        return s == State.READY || s == State.RUNNING || s == State.PAUSED;
    }

    long finishedNanos() {
        return finishedNanos;
    }

    /** Claims the event stream; false if another client has it already. */
    boolean subscribe() {
        return subscribed.compareAndSet(false, true);
    }

    /** Starts the simulation thread (once). */
    synchronized void start() {
        if (thread != null || finishedNanos != 0) return; // running already, or stopped before it started
        thread = Thread.ofPlatform().daemon().name("izhsim-ui-" + id.substring(0, 8)).start(this::runSafely);
    }

    void pause() {
        synchronized (lock) {
            pauseRequested = true;
            lock.notifyAll();
        }
    }

    void resume() {
        synchronized (lock) {
            pauseRequested = false;
            lock.notifyAll();
        }
    }

    /** Stops the run after the current chunk of steps (the tab closed, or the user pressed stop). */
    void stop() {
        synchronized (lock) {
            stopRequested = true;
            lock.notifyAll();
        }
        synchronized (this) {
            if (thread == null) finish(State.STOPPED); // never started: no thread will finish it
        }
    }

    /** Queues a change for the next step the session thread reaches. */
    void requestChange(String input, double value) {
        if (!live()) throw new ApiException(409, "the session has ended (" + state.name().toLowerCase(Locale.ROOT) + "); start a new run");
        requested.add(new Replay.Change(0, input, value)); // the step is fixed when it is applied
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    Snapshot snapshot() {
        return snapshot;
    }

    /** The replay file of what has run so far: everything a stopped, finished or paused run did. */
    Replay replay() {
        Snapshot s = snapshot;
        if (s == null) throw new ApiException(409, "the network has not run yet");
        if (state == State.RUNNING) throw new ApiException(409, "the network is running; pause or stop it first");
        List<Replay.Change> cs = new ArrayList<>();
        synchronized (applied) {
            for (Replay.Change c : applied) if (c.step() < s.steps()) cs.add(c);
        }
        return new Replay(NetworkSettings.withSteps(settings, s.steps()), cs, s.spikes().count(), Replay.digest(s.spikes()));
    }

    private void runSafely() {
        try {
            run();
        } catch (Throwable e) {
            failure = e.getMessage() == null ? e.toString() : e.getMessage();
            events.add(event("failure", Map.of("message", failure)));
            finish(State.FAILED);
        }
        log.accept(state.name().toLowerCase(Locale.ROOT) + (failure == null ? "" : ": " + failure));
    }

    private void run() throws InterruptedException {
        Izhikevich2003Network.Built built = settings.apply(Izhikevich2003Network.builder()).build();
        Scheme scheme = settings.scheme();
        long total = settings.steps();
        // one worker, so that tabs share the cores fairly
        try (NetworkRun run = NetworkRun.builder(built.network(), built.spikes(), built.trace()).durationMs(settings.durationMs())
                .threads(1).spelling(Spelling.KEYS).build()) {
            Simulation sim = run.simulation();
            for (Replay.Change c : initial) apply(sim, c);
            Stream out = new Stream(built, scheme);
            long chunk = Math.max(1, Math.round(5 / settings.dt())); // 5 ms of simulated time
            long paceNanos = System.nanoTime(), paceStep = 0;
            long lastFlush = System.nanoTime();
            while (sim.step() < total) {
                boolean paused = false;
                synchronized (lock) {
                    while (pauseRequested && !stopRequested) {
                        if (!paused) {
                            out.flush(sim);
                            setState(State.PAUSED);
                            paused = true;
                        }
                        drain(sim);
                        lock.wait(1000);
                    }
                    if (stopRequested) break;
                }
                if (paused || state != State.RUNNING) {
                    setState(State.RUNNING);
                    paceNanos = System.nanoTime();
                    paceStep = sim.step();
                }
                drain(sim);
                sim.runSteps(Math.min(chunk, total - sim.step()));
                if (System.nanoTime() - lastFlush > 50_000_000L) {
                    out.flush(sim);
                    lastFlush = System.nanoTime();
                }
                if (speed > 0) {
                    double simMs = settings.grid().timeMs(sim.step() - paceStep);
                    long due = paceNanos + (long) (simMs / speed * 1e6);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        synchronized (lock) {
                            if (!stopRequested && !pauseRequested) TimeUnit.NANOSECONDS.timedWait(lock, wait);
                        }
                    }
                }
            }
            out.flush(sim);
            boolean stopped;
            synchronized (lock) {
                stopped = stopRequested && sim.step() < total;
            }
            finish(stopped ? State.STOPPED : State.DONE);
        }
    }

    private void drain(Simulation sim) {
        for (Replay.Change c; (c = requested.poll()) != null; ) apply(sim, new Replay.Change(sim.step(), c.input(), c.value()));
    }

    private void apply(Simulation sim, Replay.Change c) {
        sim.schedule(c.step(), c.toParameterChange());
        synchronized (applied) {
            applied.add(c);
        }
    }

    private void setState(State s) {
        state = s;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", s.name().toLowerCase(Locale.ROOT));
        Snapshot snap = snapshot;
        m.put("step", snap == null ? 0 : snap.steps());
        if (failure != null) m.put("message", failure);
        events.add(event("state", m));
    }

    private void finish(State s) {
        synchronized (this) {
            if (finishedNanos != 0) return;
            finishedNanos = System.nanoTime();
        }
        setState(s);
        events.add(END);
    }

    static String event(String name, Object data) {
        return "event: " + name + "\ndata: " + Json.write(data) + "\n\n";
    }

    /** Turns the growing recordings into batches of what is new since the last one. */
    private final class Stream {
        final Izhikevich2003Network.Built built;
        final Scheme scheme;
        final int n;
        final int binSteps;
        int sentSpikes, sentSamples, sentChanges, rateIdx;
        long sentStep, rateStep;

        Stream(Izhikevich2003Network.Built built, Scheme scheme) {
            this.built = built;
            this.scheme = scheme;
            this.n = settings.ne() + settings.ni();
            this.binSteps = (int) Math.max(1, Math.round(1.0 / settings.dt()));
        }

        void flush(Simulation sim) {
            long step = sim.step();
            SpikeRecording spikes = sim.recording(built.spikes());
            StateRecording trace = sim.recording(built.trace());
            snapshot = new Snapshot(step, spikes, trace);
            if (step == sentStep && sentChanges == sim.changeLog().size()) return;
            int from = sentSpikes, to = spikes.count();
            double[] st = new double[to - from];
            int[] si = new int[to - from];
            for (int k = from; k < to; k++) {
                st[k - from] = spikes.timeMs(k);
                si[k - from] = spikes.neuron(k);
            }
            // population rate in bins of binSteps steps (1 ms), aligned to step 0
            long b0 = rateStep / binSteps, b1 = (step + binSteps - 1) / binSteps;
            int bins = (int) Math.max(0, b1 - b0);
            double[] rt = new double[bins], rate = new double[bins];
            int[] count = new int[bins];
            for (int k = rateIdx; k < to; k++) {
                int b = (int) (spikes.step(k) / binSteps - b0);
                if (b >= 0 && b < bins) count[b]++;
            }
            for (int b = 0; b < bins; b++) {
                long s0 = (b0 + b) * binSteps, s1 = Math.min(step, s0 + binSteps);
                rt[b] = settings.grid().timeMs(s0);
                rate[b] = count[b] / (double) n / (settings.grid().timeMs(s1 - s0) / 1000.0);
            }
            // the traced neuron's v, each of its spikes drawn to +30 mV
            double[] v = PeakTraces.peakPadded(trace.trace(StateMonitor.Variable.V, 0), spikes, settings.traceNeuron(), scheme, 30);
            double[] times = trace.timesMs();
            int s0 = sentSamples, s1 = v.length;
            List<Map<String, Object>> changes = new ArrayList<>();
            List<AppliedChange> committed = sim.changeLog();
            for (int k = sentChanges; k < committed.size(); k++) {
                AppliedChange c = committed.get(k);
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("step", c.step());
                m.put("t_ms", c.timeMs());
                m.put("change", c.description());
                changes.add(m);
                log.accept(String.format(Locale.ROOT, "step %d (t = %s ms): %s", c.step(), NeuronApi.fmt(c.timeMs()), c.description()));
            }
            Map<String, Object> batch = new LinkedHashMap<>();
            batch.put("step", step);
            batch.put("t_ms", settings.grid().timeMs(step));
            batch.put("total_spikes", spikes.count());
            batch.put("spike_t", st);
            batch.put("spike_i", si);
            batch.put("rate_t", rt);
            batch.put("rate_hz", rate);
            batch.put("v_t", Arrays.copyOfRange(times, s0, s1));
            batch.put("v", Arrays.copyOfRange(v, s0, s1));
            batch.put("changes", changes);
            events.add(event("batch", batch));
            // a partial last rate bin is sent again, complete, with the next batch (the page replaces it)
            sentStep = step;
            rateStep = step - step % binSteps;
            rateIdx = to;
            while (rateIdx > 0 && spikes.step(rateIdx - 1) >= rateStep) rateIdx--;
            sentSpikes = to;
            sentSamples = s1;
            sentChanges = committed.size();
        }
    }

    /** The raster with the traced neuron's v (as {@code net2003} draws it), or the spikes as a table. */
    Download download(String format) {
        Snapshot s = snapshot;
        if (s == null || s.steps() == 0) throw new ApiException(409, "the network has not run yet");
        Map<String, Object> prov = RunInfo.base("ui");
        prov.putAll(NetworkSettings.toMap(NetworkSettings.withSteps(settings, s.steps())));
        prov.put("dt_ms", settings.dt());
        prov.put("duration_ms", settings.grid().timeMs(s.steps()));
        prov.put("spikes", s.spikes().count());
        String base = "network-" + id.substring(0, 8);
        if (Download.isFigure(format)) {
            Scheme scheme = settings.scheme();
            String title = settings.title();
            Series v = new Series("neuron " + settings.traceNeuron(), s.trace().timesMs(),
                    PeakTraces.peakPadded(s.trace().trace(StateMonitor.Variable.V, 0), s.spikes(), settings.traceNeuron(), scheme, 30));
            SpikeRaster raster = new SpikeRaster(s.spikes().timesMs(), s.spikes().neurons(), settings.ne() + settings.ni(), settings.ne(),
                    settings.grid().timeMs(s.steps()));
            return Download.figure(Figures.networkRaster(title, raster, v), base + "-raster", format, prov);
        }
        return Download.table(base + "-spikes", format, prov, List.of("t_ms", "i"), List.of(s.spikes().timesMs(), s.spikes().neurons()));
    }
}
