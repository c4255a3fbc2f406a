package org.izhsim.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.izhsim.io.Json;
import org.izhsim.io.RunInfo;
import org.izhsim.network.AppliedChange;
import org.izhsim.network.ParameterChange;
import org.izhsim.network.Simulation;
import org.izhsim.network.SpikeRecording;
import org.izhsim.network.StateMonitor;
import org.izhsim.network.StateRecording;
import org.izhsim.network.SynapseGroup;
import org.izhsim.network.SynapseView;
import org.izhsim.plot.Figures;
import org.izhsim.plot.Series;
import org.izhsim.plot.SpikeRaster;
import org.izhsim.run.NetworkRun;
import org.izhsim.run.Spelling;

/**
 * One browser tab's network: a {@link Simulation} of a {@link NetPlan} (the built-in 2003
 * network or a model file's) on a thread of its own
 * (one worker, so tabs share the cores fairly), started when the tab opens its event stream.
 *
 * <p>Only the session thread touches the simulation. The HTTP side talks to it through
 * flags (pause, stop) and a queue of requested changes, which the thread drains between chunks
 * of steps and hands to {@link Simulation#change}: a change commits between two steps and
 * appears in {@link Simulation#changeLog()}. The thread publishes what it simulated as
 * server-sent events on {@link #events} (a batch about every 50 ms of wall time: new spikes,
 * the population rate in 1 ms bins, the traced neuron's v, newly committed changes, weight
 * histograms) and as an immutable {@link Snapshot} for downloads, analysis and the replay file.
 * A slow or vanished client never blocks the simulation: events wait in an unbounded queue that
 * the stream handler drains. Questions about the synapses ({@link #onSynapses}) are answered by
 * the session thread between chunks, or after the run from the views it left behind.
 */
final class NetworkSession {
    enum State { READY, RUNNING, PAUSED, STOPPED, DONE, FAILED }

    /** Marks the end of the event stream. */
    static final String END = "event: end\ndata: {}\n\n";

    /** What has been simulated so far, consistent in itself. */
    record Snapshot(long steps, SpikeRecording spikes, StateRecording trace) {}

    /** A change the session applied: from {@code step} on, {@code input} has {@code value}. */
    record Timed(long step, String input, double value, ParameterChange change) {}

    /** Simulated time between two samples of the weight histograms [ms]. */
    static final double WEIGHT_SAMPLE_MS = 100;

    final String id;
    final NetPlan plan;
    /** Simulated ms per wall-clock ms (0: as fast as possible). */
    final double speed;
    final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    final long createdNanos = System.nanoTime();
    private final List<Timed> initial;
    private final List<Timed> applied = new ArrayList<>();
    private final ConcurrentLinkedQueue<Timed> requested = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    /** The synapse views after the run, for questions asked when no session thread is left to answer. */
    private Function<SynapseGroup, SynapseView> finalViews;
    private final AtomicBoolean tracing = new AtomicBoolean();
    private final AtomicBoolean subscribed = new AtomicBoolean();
    private final Object lock = new Object();
    private boolean pauseRequested, stopRequested;
    private volatile State state = State.READY;
    private volatile Snapshot snapshot;
    private volatile String failure;
    private volatile long finishedNanos;
    private Thread thread;
    private final java.util.function.Consumer<String> log;

    NetworkSession(String id, NetPlan plan, double speed, List<Timed> initial, java.util.function.Consumer<String> log) {
        this.id = id;
        this.log = log;
        this.plan = plan;
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
        requested.add(new Timed(0, input, value, plan.change(input, value))); // the step is fixed when it is applied
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
        if (plan.builtin() == null) {
            throw new ApiException(409, "replay files cover the built-in 2003 network; a model file's run is repeated by "
                    + "'izhsim run " + plan.model().file() + "' (the change log lists this session's changes)");
        }
        List<Replay.Change> cs = new ArrayList<>();
        for (Timed c : appliedBefore(s.steps())) cs.add(NetPlan.replayChange(c.step(), c.input(), c.value()));
        return new Replay(NetworkSettings.withSteps(plan.builtin(), s.steps()), cs, s.spikes().count(), Replay.digest(s.spikes()));
    }

    /** The changes applied before {@code step}, in the order they were queued. */
    List<Timed> appliedBefore(long step) {
        List<Timed> cs = new ArrayList<>();
        synchronized (applied) {
            for (Timed c : applied) if (c.step() < step) cs.add(c);
        }
        return cs;
    }

    /**
     * v and u of global neuron {@code neuron} over everything simulated so far, replayed: the same
     * network is run again from step 0 with a monitor on that neuron and the same changes at the
     * same steps, so its spikes are the session's own (checked, and said in the answer).
     * One replay per session at a time.
     */
    Map<String, Object> trace(int neuron) {
        Snapshot s = snapshot;
        if (s == null || s.steps() == 0) throw new ApiException(409, "the network has not run yet");
        plan.groupOf(neuron);
        if (!tracing.compareAndSet(false, true)) throw new ApiException(429, "a trace of this session is being replayed; wait for it");
        try {
            return TraceReplay.run(plan, appliedBefore(s.steps()), s, neuron);
        } finally {
            tracing.set(false);
        }
    }

    /**
     * Answers a question about the synapses on the session thread, between two chunks of steps
     * (or at once from the final views after the run), and waits for it.
     */
    <T> T onSynapses(Function<Function<SynapseGroup, SynapseView>, T> question) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        Runnable task = () -> {
            try {
                answer.complete(question.apply(finalViews != null ? finalViews : liveViews));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        };
        synchronized (tasks) {
            if (finalViews != null) task.run();
            else if (state == State.READY || liveViews == null) throw new ApiException(409, "the network has not started yet");
            else tasks.add(task);
        }
        synchronized (lock) {
            lock.notifyAll();
        }
        try {
            return answer.get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new ApiException(503, "the session did not answer within 30 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(503, "interrupted");
        }
    }

    private volatile Function<SynapseGroup, SynapseView> liveViews;

    private void runTasks() {
        for (Runnable t; (t = tasks.poll()) != null; ) t.run();
    }

    /** Leaves the views behind for later questions and answers those still queued. */
    private void retire(Function<SynapseGroup, SynapseView> views) {
        synchronized (tasks) {
            finalViews = views;
            runTasks();
        }
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
        long total = plan.steps();
        double dt = plan.network().dt();
        // one worker, so that tabs share the cores fairly
        try (NetworkRun run = NetworkRun.builder(plan.network(), plan.spikes(), plan.trace()).durationMs(plan.durationMs())
                .threads(1).spelling(Spelling.KEYS).build()) {
            Simulation sim = run.simulation();
            Map<SynapseGroup, SynapseView> views = new java.util.HashMap<>();
            for (SynapseGroup sg : plan.synapseGroups()) views.put(sg, sim.synapses(sg));
            liveViews = views::get;
            for (Timed c : initial) apply(sim, c);
            Stream out = new Stream();
            long chunk = Math.max(1, Math.round(5 / dt)); // 5 ms of simulated time
            out.flush(sim, false); // the weights as built, before the first step
            try {
                loop(sim, out, total, chunk);
            } finally {
                retire(views::get);
            }
        }
    }

    private void loop(Simulation sim, Stream out, long total, long chunk) throws InterruptedException {
        long paceNanos = System.nanoTime(), paceStep = 0;
        long lastFlush = System.nanoTime();
        while (sim.step() < total) {
            boolean paused = false;
            synchronized (lock) {
                while (pauseRequested && !stopRequested) {
                    if (!paused) {
                        out.flush(sim, false);
                        setState(State.PAUSED);
                        paused = true;
                    }
                    drain(sim);
                    runTasks();
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
            runTasks();
            sim.runSteps(Math.min(chunk, total - sim.step()));
            if (System.nanoTime() - lastFlush > 50_000_000L) {
                out.flush(sim, false);
                lastFlush = System.nanoTime();
            }
            if (speed > 0) {
                double simMs = plan.network().grid().timeMs(sim.step() - paceStep);
                long due = paceNanos + (long) (simMs / speed * 1e6);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    synchronized (lock) {
                        if (!stopRequested && !pauseRequested) TimeUnit.NANOSECONDS.timedWait(lock, wait);
                    }
                }
            }
        }
        out.flush(sim, true);
        boolean stopped;
        synchronized (lock) {
            stopped = stopRequested && sim.step() < total;
        }
        finish(stopped ? State.STOPPED : State.DONE);
    }

    private void drain(Simulation sim) {
        for (Timed c; (c = requested.poll()) != null; ) apply(sim, new Timed(sim.step(), c.input(), c.value(), c.change()));
    }

    private void apply(Simulation sim, Timed c) {
        sim.schedule(c.step(), c.change());
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
        final int n;
        final int binSteps;
        final org.izhsim.model.TimeGrid grid;
        final WeightStats weights = new WeightStats(plan);
        final long weightEvery;
        int sentSpikes, sentSamples, sentChanges, rateIdx;
        long sentStep = -1, rateStep, nextWeights, lastWeights = -1;

        Stream() {
            this.n = plan.neurons();
            this.grid = plan.network().grid();
            this.binSteps = (int) Math.max(1, Math.round(1.0 / grid.dt()));
            this.weightEvery = Math.max(1, Math.round(WEIGHT_SAMPLE_MS / grid.dt()));
        }

        /** @param last whether the run ends here (stopped or done) */
        void flush(Simulation sim, boolean last) {
            long step = sim.step();
            SpikeRecording spikes = sim.recording(plan.spikes());
            StateRecording trace = sim.recording(plan.trace());
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
                rt[b] = grid.timeMs(s0);
                rate[b] = count[b] / (double) n / (grid.timeMs(s1 - s0) / 1000.0);
            }
            double[] v = plan.drawnV(trace.trace(StateMonitor.Variable.V, 0), spikes, plan.traceGlobal());
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
            batch.put("t_ms", grid.timeMs(step));
            batch.put("total_spikes", spikes.count());
            batch.put("spike_t", st);
            batch.put("spike_i", si);
            batch.put("rate_t", rt);
            batch.put("rate_hz", rate);
            batch.put("v_t", Arrays.copyOfRange(times, s0, s1));
            batch.put("v", Arrays.copyOfRange(v, s0, s1));
            batch.put("changes", changes);
            // the weights at step 0, then every WEIGHT_SAMPLE_MS, and where the run ends
            if (step >= nextWeights || last && lastWeights < step) {
                lastWeights = step;
                batch.put("weights", weights.sample(liveViews, step, grid.timeMs(step)));
                batch.put("weight_groups", weights.groups());
                batch.put("plastic", weights.anyPlastic());
                nextWeights = (step / weightEvery + 1) * weightEvery;
            }
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
        org.izhsim.model.TimeGrid grid = plan.network().grid();
        Map<String, Object> prov = RunInfo.base("ui");
        if (plan.builtin() != null) {
            prov.putAll(NetworkSettings.toMap(NetworkSettings.withSteps(plan.builtin(), s.steps())));
        } else {
            prov.put("model", plan.model().name());
            prov.put("model_file", plan.model().file());
            prov.put("model_sha256", plan.model().sha256());
            prov.put("seed", plan.network().seed());
        }
        prov.put("dt_ms", grid.dt());
        prov.put("duration_ms", grid.timeMs(s.steps()));
        prov.put("spikes", s.spikes().count());
        String base = "network-" + id.substring(0, 8);
        if (Download.isFigure(format)) {
            Series v = new Series("neuron " + plan.traceGlobal(), s.trace().timesMs(),
                    plan.drawnV(s.trace().trace(StateMonitor.Variable.V, 0), s.spikes(), plan.traceGlobal()));
            // blue below the second group, red from it on: the built-in network's excitatory and inhibitory neurons
            int split = plan.network().groups().size() > 1 ? plan.network().offset(plan.network().groups().get(1)) : plan.neurons();
            SpikeRaster raster = new SpikeRaster(s.spikes().timesMs(), s.spikes().neurons(), plan.neurons(), split, grid.timeMs(s.steps()));
            return Download.figure(Figures.networkRaster(plan.title(), raster, v), base + "-raster", format, prov);
        }
        return Download.table(base + "-spikes", format, prov, List.of("t_ms", "i"), List.of(s.spikes().timesMs(), s.spikes().neurons()));
    }
}
