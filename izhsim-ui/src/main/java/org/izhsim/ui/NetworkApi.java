package org.izhsim.ui;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import com.sun.net.httpserver.HttpExchange;
import org.izhsim.run.Net2003Options;

/**
 * The network tab's sessions: one per browser tab, keyed by an unguessable id. A tab creates a
 * session (POST {@code /api/net}), opens its event stream (GET {@code /api/net/ID/events}, which
 * starts the run), and sends commands (POST {@code /api/net/ID/pause|resume|stop|close|change}).
 * When the stream's client goes away — the tab closed, or the network dropped — the next write
 * fails and the run stops; a {@code pagehide} beacon to {@code close} stops it sooner.
 */
final class NetworkApi {
    private final Map<String, NetworkSession> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final PrintStream log;
    final ModelSource models;

    NetworkApi(PrintStream log, ModelSource models) {
        this.log = log;
        this.models = models;
    }

    static final List<String> CHANGE_FIELDS = List.of("input", "value");
    /** A request for a model file's network: a path under the model root, or the file's name and text. */
    static final List<String> MODEL_FIELDS = List.of("model_path", "model_name", "model_text", "speed");

    Map<String, Object> create(Body body) {
        NetPlan plan;
        List<NetworkSession.Timed> initial = new ArrayList<>();
        if (body.has("model_path") || body.has("model_text") || body.has("model_name")) {
            body.only(MODEL_FIELDS);
            if (body.has("model_path") == body.has("model_text")) {
                throw ApiException.badRequest("give either model_path (a file under the model root) or model_name and model_text (an upload)");
            }
            plan = NetPlan.of(body.has("model_path") ? models.path(body.text("model_path", "", 1000))
                    : models.upload(body.text("model_name", "", 200), body.text("model_text", "", Limits.MAX_MODEL_BYTES)));
        } else {
            Net2003Options settings = NetworkSettings.parse(body);
            plan = NetPlan.of(settings);
            initial.add(timed(plan, "noise:exc", body.number("sigma_exc", 5)));
            initial.add(timed(plan, "noise:inh", body.number("sigma_inh", 2)));
            initial.add(timed(plan, "constant:exc", body.number("current_exc", 0)));
            initial.add(timed(plan, "constant:inh", body.number("current_inh", 0)));
        }
        double speed = body.number("speed", 0, 0, 1000);
        NetworkSession s;
        synchronized (sessions) {
            evict();
            long live = sessions.values().stream().filter(NetworkSession::live).count();
            if (live >= Limits.MAX_LIVE_SESSIONS) {
                throw new ApiException(429, live + " networks are running or paused (at most " + Limits.MAX_LIVE_SESSIONS
                        + "); stop one or close its tab");
            }
            byte[] b = new byte[16];
            random.nextBytes(b);
            String id = HexFormat.of().formatHex(b);
            s = new NetworkSession(id, plan, speed, initial, msg -> say(id, msg));
            sessions.put(s.id, s);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("session", s.id);
        if (plan.builtin() != null) {
            out.put("settings", NetworkSettings.toMap(plan.builtin()));
        } else {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("model", plan.model().name());
            m.put("model_file", plan.model().file());
            m.put("description", plan.model().description());
            m.put("neurons", plan.neurons());
            m.put("dt", plan.network().dt());
            m.put("duration", plan.durationMs());
            m.put("seed", plan.network().seed());
            m.put("scheme", plan.network().scheme().id());
            out.put("model", m);
        }
        say(s, "created: " + org.izhsim.io.Json.write(out.get(plan.builtin() != null ? "settings" : "model")));
        out.put("title", plan.title());
        out.put("neurons", plan.neurons());
        out.put("duration", plan.durationMs());
        out.put("groups", plan.groups());
        out.put("inputs", plan.steerable());
        out.put("trace_neuron", plan.traceGlobal());
        out.put("replay_file", plan.builtin() != null);
        out.put("steps", plan.steps());
        return out;
    }

    private static NetworkSession.Timed timed(NetPlan plan, String input, double value) {
        return new NetworkSession.Timed(0, input, value, plan.change(input, value));
    }

    /**
     * Drops the oldest finished sessions beyond the number kept, and sessions whose stream
     * nobody opened within {@link Limits#UNOPENED_SESSION_S} (the page opens it at once): until
     * then they count as live, and requests that never stream would lock the user's tab out.
     */
    private void evict() {
        long now = System.nanoTime();
        for (NetworkSession s : sessions.values()) {
            if (s.state() == NetworkSession.State.READY && now - s.createdNanos > TimeUnit.SECONDS.toNanos(Limits.UNOPENED_SESSION_S)) {
                s.stop();
            }
        }
        List<NetworkSession> done = new ArrayList<>(sessions.values().stream().filter(s -> !s.live()).toList());
        done.sort(Comparator.comparingLong(NetworkSession::finishedNanos));
        for (int i = 0; i < done.size() - Limits.MAX_KEPT_SESSIONS; i++) sessions.remove(done.get(i).id);
    }

    NetworkSession get(String id) {
        NetworkSession s = sessions.get(id);
        if (s == null) throw new ApiException(404, "no session '" + id + "' (it ended long ago, or the server restarted)");
        return s;
    }

    Map<String, Object> command(String id, String verb, Body body) {
        NetworkSession s = get(id);
        switch (verb) {
            case "pause" -> s.pause();
            case "resume" -> s.resume();
            case "stop", "close" -> s.stop();
            case "change" -> {
                body.only(CHANGE_FIELDS);
                String input = body.text("input", "", 200);
                double value = body.number("value", Double.NaN);
                s.requestChange(input, value);
                say(s, "requested " + input + " = " + value);
            }
            default -> throw new ApiException(404, "unknown command '" + verb + "'; known: pause, resume, stop, close, change");
        }
        if (!verb.equals("change")) say(s, verb);
        return Map.of("session", id, "state", s.state().name().toLowerCase(java.util.Locale.ROOT));
    }

    /** The views a session answers with GET /api/net/ID/VIEW. */
    static final List<String> VIEWS = List.of("trace", "isi", "spectrum", "incoming");

    /**
     * One of {@link #VIEWS}: a neuron's replayed v and u ({@code neuron}), the ISI histogram
     * ({@code bin_ms}, {@code bins}, optional {@code group}), the population spectrum
     * ({@code max_hz}), a neuron's incoming weights ({@code neuron}).
     */
    Map<String, Object> view(String id, String what, Map<String, String> query) {
        NetworkSession s = get(id);
        return switch (what) {
            case "trace" -> s.trace(intParam(query, "neuron", -1));
            case "incoming" -> {
                int neuron = intParam(query, "neuron", -1);
                s.plan.groupOf(neuron);
                yield s.onSynapses(views -> WeightStats.incoming(s.plan, views, neuron));
            }
            case "isi", "spectrum" -> {
                NetworkSession.Snapshot snap = s.snapshot();
                if (snap == null || snap.steps() == 0) throw new ApiException(409, "the network has not run yet");
                var grid = s.plan.network().grid();
                if (what.equals("spectrum")) yield NetAnalysis.spectrum(snap.spikes(), grid, snap.steps(), numberParam(query, "max_hz", 100));
                int from = 0, to = s.plan.neurons();
                String group = query.get("group");
                if (group != null && !group.isEmpty()) {
                    var g = s.plan.network().groups().stream().filter(x -> x.name().equals(group)).findFirst().orElseThrow(
                            () -> ApiException.badRequest("unknown group '" + group + "'; known: "
                                    + String.join(", ", s.plan.network().groups().stream().map(x -> x.name()).toList())));
                    from = s.plan.network().offset(g);
                    to = from + g.size();
                }
                yield NetAnalysis.isi(snap.spikes(), grid, from, to, numberParam(query, "bin_ms", 2), intParam(query, "bins", 100));
            }
            default -> throw new ApiException(404, "unknown view '" + what + "'; known: " + String.join(", ", VIEWS));
        };
    }

    private static int intParam(Map<String, String> query, String key, int fallback) {
        String v = query.get(key);
        if (v == null) {
            if (fallback >= 0) return fallback;
            throw ApiException.badRequest("missing " + key);
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(key + " must be a whole number, got '" + v + "'");
        }
    }

    private static double numberParam(Map<String, String> query, String key, double fallback) {
        String v = query.get(key);
        if (v == null) return fallback;
        try {
            double d = Double.parseDouble(v.trim());
            if (!Double.isFinite(d) || d <= 0) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(key + " must be a positive number, got '" + v + "'");
        }
    }

    /** Streams the session's events until it ends or the client goes away (which stops it). */
    void stream(HttpExchange ex, String id) throws IOException {
        NetworkSession s = get(id);
        if (!s.subscribe()) throw new ApiException(409, "session " + id + " is already streaming to another client");
        ex.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.sendResponseHeaders(200, 0);
        s.start();
        OutputStream out = ex.getResponseBody();
        try {
            write(out, "retry: 3600000\n\n");
            while (true) {
                String ev;
                try {
                    ev = s.events.poll(1, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                if (ev == null) {
                    write(out, ": keep-alive\n\n"); // also how a vanished client of a paused run is noticed
                    continue;
                }
                write(out, ev);
                if (ev == NetworkSession.END) break;
            }
        } catch (IOException gone) {
            s.stop();
            say(s, "client disconnected; stopped");
        } finally {
            try {
                out.close();
            } catch (IOException ignored) {
                // the client is gone already
            }
        }
    }

    /** Logs every committed change and session event to the server's log (stderr), unless quiet. */
    void say(NetworkSession s, String what) {
        say(s.id, what);
    }

    void say(String id, String what) {
        if (log != null) log.println("session " + id.substring(0, 8) + ": " + what);
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Stops every session (server shutdown). */
    void stopAll() {
        for (NetworkSession s : sessions.values()) s.stop();
    }
}
