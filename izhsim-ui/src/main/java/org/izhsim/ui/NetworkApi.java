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

    NetworkApi(PrintStream log) {
        this.log = log;
    }

    static final List<String> CHANGE_FIELDS = List.of("input", "value");

    Map<String, Object> create(Body body) {
        Net2003Options settings = NetworkSettings.parse(body);
        double speed = body.number("speed", 0, 0, 1000);
        List<Replay.Change> initial = new ArrayList<>();
        initial.add(change(0, "noise:exc", body.number("sigma_exc", 5)));
        initial.add(change(0, "noise:inh", body.number("sigma_inh", 2)));
        initial.add(change(0, "constant:exc", body.number("current_exc", 0)));
        initial.add(change(0, "constant:inh", body.number("current_inh", 0)));
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
            s = new NetworkSession(id, settings, speed, initial, msg -> say(id, msg));
            sessions.put(s.id, s);
        }
        say(s, "created: " + org.izhsim.io.Json.write(NetworkSettings.toMap(settings)));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("session", s.id);
        out.put("settings", NetworkSettings.toMap(settings));
        out.put("steps", settings.steps());
        return out;
    }

    private static Replay.Change change(long step, String input, double value) {
        try {
            return new Replay.Change(step, input, value);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
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
                Replay.Change c = change(0, body.text("input", "", 40), body.number("value", Double.NaN));
                s.requestChange(c.input(), c.value());
                say(s, "requested " + c.input() + " = " + c.value());
            }
            default -> throw new ApiException(404, "unknown command '" + verb + "'; known: pause, resume, stop, close, change");
        }
        if (!verb.equals("change")) say(s, verb);
        return Map.of("session", id, "state", s.state().name().toLowerCase(java.util.Locale.ROOT));
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
