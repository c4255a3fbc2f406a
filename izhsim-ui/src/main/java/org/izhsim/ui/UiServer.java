package org.izhsim.ui;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.izhsim.io.Json;

/**
 * The explorer's HTTP server: the page and its assets from the classpath, and the JSON API of
 * {@link NeuronApi} and {@link NetworkApi}. Each request runs on a virtual thread.
 *
 * <pre>
 *   GET  /                          the page (index.html, app.js, app.css, vendor/uplot/…)
 *   GET  /api/catalogue             presets (from the core registries), each model's sliders and schemes, limits
 *   POST /api/neuron                one neuron (izh2003, or "model": "izh2007"): traces, spikes, phase plane
 *   POST /api/fi                    its F–I curve
 *   POST /api/neuron/download?view=trace|phase|fi&amp;format=png|svg|csv|npz
 *   GET  /api/models                the model files under the model root
 *   POST /api/net                   create a network session (the 2003 network, or a model file) → {"session": ID}
 *   GET  /api/net/ID/events         its server-sent events (starts the run)
 *   POST /api/net/ID/pause|resume|stop|close|change
 *   GET  /api/net/ID/trace?neuron=N a neuron's v and u, replayed; isi, spectrum, incoming?neuron=N likewise
 *   GET  /api/net/ID/replay         the replay file (JSON)
 *   GET  /api/net/ID/download?format=png|svg|csv|npz
 * </pre>
 *
 * <p>Refusals are JSON {@code {"error": reason}}: 400 bad input (malformed JSON with the
 * parser's line and column, unknown fields with the known ones, values out of range with the
 * range), 413 a body over {@link Limits#MAX_BODY_BYTES}, 429 too many running networks, 403 a
 * request whose Host is not this server (a web page elsewhere cannot drive it by DNS rebinding).
 */
public final class UiServer implements AutoCloseable {
    private static final Map<String, String> ASSETS = Map.of(
            "/", "index.html",
            "/index.html", "index.html",
            "/app.js", "app.js",
            "/net.js", "net.js",
            "/raster.js", "raster.js",
            "/netviews.js", "netviews.js",
            "/app.css", "app.css",
            "/vendor/uplot/uPlot.iife.min.js", "vendor/uplot/uPlot.iife.min.js",
            "/vendor/uplot/uPlot.min.css", "vendor/uplot/uPlot.min.css",
            "/vendor/uplot/LICENSE", "vendor/uplot/LICENSE");

    private final HttpServer server;
    private final ExecutorService executor;
    private final NetworkApi networks;
    private final PrintStream log;
    private final Set<String> hosts;

    private UiServer(HttpServer server, ExecutorService executor, PrintStream log, String bind, Path modelRoot) {
        this.server = server;
        this.executor = executor;
        this.log = log;
        this.networks = new NetworkApi(log, new ModelSource(modelRoot));
        this.hosts = new java.util.HashSet<>(java.util.List.of("localhost", "127.0.0.1", "[::1]", bind.toLowerCase(Locale.ROOT)));
    }

    /**
     * Starts a server on {@code bind}:{@code port} (port 0: any free one).
     *
     * @param log where session events and changes are logged, or null for none
     * @throws java.net.BindException if the port is in use
     */
    public static UiServer start(String bind, int port, PrintStream log) throws IOException {
        return start(bind, port, log, null);
    }

    /**
     * As {@link #start(String, int, PrintStream)}, with the directory whose model files the
     * network tab may open by path (nothing outside it), or null to accept uploads only.
     */
    public static UiServer start(String bind, int port, PrintStream log, Path modelRoot) throws IOException {
        if (modelRoot != null && !java.nio.file.Files.isDirectory(modelRoot)) {
            throw new IllegalArgumentException("model root " + modelRoot + " is not a directory"); // before the port is taken
        }
        InetAddress addr = InetAddress.getByName(bind);
        HttpServer http = HttpServer.create(new InetSocketAddress(addr, port), 64);
        ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor();
        http.setExecutor(ex);
        UiServer ui = new UiServer(http, ex, log, bind, modelRoot);
        http.createContext("/", ui::handle);
        http.start();
        return ui;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The page's address, e.g. http://127.0.0.1:8080/. */
    public URI uri() {
        InetAddress a = server.getAddress().getAddress();
        String host = a.isAnyLocalAddress() ? "127.0.0.1" : a.getHostAddress();
        if (host.contains(":")) host = "[" + host + "]";
        return URI.create("http://" + host + ":" + port() + "/");
    }

    /** The session with this id (for tests in this package). */
    NetworkSession session(String id) {
        return networks.get(id);
    }

    @Override
    public void close() {
        networks.stopAll();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            try {
                checkHost(ex);
                checkOrigin(ex);
                route(ex);
            } catch (ApiException e) {
                sendJson(ex, e.status, Map.of("error", e.getMessage()));
            } catch (IllegalArgumentException e) {
                sendJson(ex, 400, Map.of("error", String.valueOf(e.getMessage())));
            } catch (UncheckedIOException e) {
                sendJson(ex, 500, Map.of("error", "I/O error: " + e.getCause().getMessage()));
            } catch (IOException e) {
                throw e; // the client went away: nothing to answer
            } catch (RuntimeException e) {
                if (log != null) {
                    log.println("internal error on " + ex.getRequestMethod() + " " + ex.getRequestURI() + ": " + e);
                    e.printStackTrace(log);
                }
                sendJson(ex, 500, Map.of("error", "internal error: " + e));
            }
        } catch (IOException clientGone) {
            // a client that disconnects mid-request or mid-stream is not the server's problem
        }
    }

    /**
     * A page of another site that the user's browser visits can send requests here; when its
     * DNS name is made to point at this machine (DNS rebinding), the browser even lets it read
     * the answers. Such a request carries that site's name as Host: only this server's names
     * pass, and on all interfaces ({@code --bind 0.0.0.0}) any address written as numbers,
     * which no DNS name can be.
     */
    private void checkHost(HttpExchange ex) {
        String host = ex.getRequestHeaders().getFirst("Host");
        if (host == null) return;
        String name = host.toLowerCase(Locale.ROOT).replaceFirst(":\\d+$", "");
        boolean anyInterface = server.getAddress().getAddress().isAnyLocalAddress();
        if (hosts.contains(name) || anyInterface && isAddressLiteral(name)) return;
        throw new ApiException(403, "Host '" + host + "' is not this server");
    }

    private static boolean isAddressLiteral(String name) {
        return name.matches("\\d{1,3}(\\.\\d{1,3}){3}") || name.startsWith("[") && name.endsWith("]");
    }

    /**
     * A browser names the page that sent a request in its Origin header (always for a POST, and
     * for every script-made request to another site): one that is not this server's own page
     * is refused, so that no other site can start simulations or networks here, or fill the
     * network tab's sessions and lock the user out. Clients that send no Origin (curl, scripts)
     * pass.
     */
    private static void checkOrigin(HttpExchange ex) {
        String origin = ex.getRequestHeaders().getFirst("Origin");
        if (origin == null) return;
        String host = ex.getRequestHeaders().getFirst("Host");
        if (host != null && origin.equalsIgnoreCase("http://" + host)) return;
        throw new ApiException(403, "requests from the page at '" + origin + "' are refused; open the explorer's own page");
    }

    /**
     * A warning when the server listens where other machines can reach it (anyone who can then
     * runs simulations on this one), or empty on a loopback address.
     */
    public java.util.Optional<String> exposureWarning() {
        InetAddress a = server.getAddress().getAddress();
        if (a.isLoopbackAddress()) return java.util.Optional.empty();
        return java.util.Optional.of("warning: listening on " + (a.isAnyLocalAddress() ? "every interface" : a.getHostAddress())
                + ", reachable from other machines: anyone who reaches port " + port() + " can run simulations here"
                + " (--bind 127.0.0.1, the default, keeps it to this machine)");
    }

    private void route(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getPath();
        Map<String, String> query = query(ex.getRequestURI().getRawQuery());
        if (!path.startsWith("/api/")) {
            if (!method.equals("GET") && !method.equals("HEAD")) throw new ApiException(405, method + " " + path + " is not allowed");
            serveAsset(ex, path);
            return;
        }
        String[] parts = path.substring(1).split("/");
        switch (method + " " + (parts.length > 1 ? parts[1] : "")) {
            case "GET catalogue" -> sendJson(ex, 200, NeuronApi.catalogue());
            case "POST neuron" -> {
                if (parts.length > 2 && parts[2].equals("download")) {
                    String view = choice(query, "view", NeuronApi.FIGURES);
                    String format = choice(query, "format", Download.FORMATS);
                    send(ex, NeuronApi.download(Body.parse(body(ex)), view, format));
                } else {
                    sendJson(ex, 200, NeuronApi.simulate(Body.parse(body(ex))));
                }
            }
            case "POST fi" -> sendJson(ex, 200, NeuronApi.fi(Body.parse(body(ex))));
            case "GET models" -> sendJson(ex, 200, Map.of("files", networks.models.list()));
            case "POST net" -> {
                if (parts.length == 2) sendJson(ex, 200, networks.create(Body.parse(body(ex, Limits.MAX_NET_BODY_BYTES))));
                else if (parts.length == 4) sendJson(ex, 200, networks.command(parts[2], parts[3], Body.parse(body(ex))));
                else throw new ApiException(404, "no such endpoint: " + path);
            }
            case "GET net" -> {
                if (parts.length != 4) throw new ApiException(404, "no such endpoint: " + path);
                switch (parts[3]) {
                    case "events" -> networks.stream(ex, parts[2]);
                    case "replay" -> {
                        Replay r = networks.get(parts[2]).replay();
                        send(ex, new Download("izhsim-replay-" + parts[2].substring(0, 8) + ".json", "application/json",
                                r.toJson().getBytes(StandardCharsets.UTF_8)));
                    }
                    case "download" -> send(ex, networks.get(parts[2]).download(choice(query, "format", Download.FORMATS)));
                    case "trace", "isi", "spectrum", "incoming" -> sendJson(ex, 200, networks.view(parts[2], parts[3], query));
                    default -> throw new ApiException(404, "no such endpoint: " + path + "; known: events, replay, download, "
                            + String.join(", ", NetworkApi.VIEWS));
                }
            }
            default -> throw new ApiException(404, "no such endpoint: " + method + " " + path);
        }
    }

    private static String choice(Map<String, String> query, String key, java.util.Collection<String> known) {
        String v = query.get(key);
        if (v == null || !known.contains(v)) {
            throw ApiException.badRequest((v == null ? "missing " + key : "unknown " + key + " '" + v + "'") + "; known: "
                    + String.join(", ", known));
        }
        return v;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> m = new HashMap<>();
        if (raw == null) return m;
        for (String kv : raw.split("&")) {
            int i = kv.indexOf('=');
            if (i > 0) m.put(URLDecoder.decode(kv.substring(0, i), StandardCharsets.UTF_8), URLDecoder.decode(kv.substring(i + 1), StandardCharsets.UTF_8));
        }
        return m;
    }

    /** The request body as text; refused with 413 beyond {@link Limits#MAX_BODY_BYTES}. */
    private static String body(HttpExchange ex) throws IOException {
        return body(ex, Limits.MAX_BODY_BYTES);
    }

    /** The request body as text; refused with 413 beyond {@code limit} bytes. */
    private static String body(HttpExchange ex, int limit) throws IOException {
        String len = ex.getRequestHeaders().getFirst("Content-Length");
        if (len != null) {
            try {
                if (Long.parseLong(len.trim()) > limit) throw tooLarge(len.trim(), limit);
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("bad Content-Length '" + len + "'");
            }
        }
        InputStream in = ex.getRequestBody();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        for (int n; (n = in.read(buf)) > 0; ) {
            out.write(buf, 0, n);
            if (out.size() > limit) throw tooLarge("more than " + limit, limit);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static ApiException tooLarge(String size, int limit) {
        return new ApiException(413, "request body of " + size + " bytes; at most " + limit);
    }

    private static void serveAsset(HttpExchange ex, String path) throws IOException {
        String name = ASSETS.get(path);
        if (name == null) throw new ApiException(404, "no such page: " + path);
        byte[] bytes;
        try (InputStream in = UiServer.class.getResourceAsStream("web/" + name)) {
            if (in == null) throw new IllegalStateException("asset " + name + " is missing from the jar");
            bytes = in.readAllBytes();
        }
        String type = name.endsWith(".html") ? "text/html; charset=utf-8" : name.endsWith(".js") ? "text/javascript; charset=utf-8"
                : name.endsWith(".css") ? "text/css; charset=utf-8" : "text/plain; charset=utf-8";
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-cache");
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        if (name.endsWith(".html")) {
            ex.getResponseHeaders().set("Content-Security-Policy", "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'");
        }
        sendBytes(ex, 200, bytes);
    }

    private static void send(HttpExchange ex, Download d) throws IOException {
        ex.getResponseHeaders().set("Content-Type", d.contentType());
        ex.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"" + d.fileName() + "\"");
        sendBytes(ex, 200, d.bytes());
    }

    private static void sendJson(HttpExchange ex, int status, Object body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        sendBytes(ex, status, Json.write(body).getBytes(StandardCharsets.UTF_8));
    }

    private static void sendBytes(HttpExchange ex, int status, byte[] bytes) throws IOException {
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head ? -1 : bytes.length == 0 ? -1 : bytes.length);
        if (!head && bytes.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
