package org.izhsim.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.izhsim.network.Izhikevich2003Network;
import org.izhsim.network.Simulation;
import org.izhsim.network.SpikeRecording;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Network sessions over HTTP and SSE against a real server: streaming, isolation, control, limits, replay. */
class NetworkApiTest {
    static UiServer server;
    static Client client;

    @BeforeAll
    static void start() throws Exception {
        server = UiServer.start("127.0.0.1", 0, System.err);
        client = new Client(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static String create(String body) {
        Client.Reply r = client.post("/api/net", body);
        assertEquals(200, r.status(), r.body());
        return r.json().get("session").asText();
    }

    /** The spikes of a headless run of {@code replay}: the same network, changes at the same steps. */
    static SpikeRecording headless(Replay replay) {
        Izhikevich2003Network.Built b = replay.settings().apply(Izhikevich2003Network.builder()).build();
        try (Simulation sim = Simulation.builder(b.network()).threads(2).build()) {
            for (Replay.Change c : replay.changes()) sim.schedule(c.step(), c.toParameterChange());
            sim.run(replay.settings().durationMs());
            return sim.recording(b.spikes());
        }
    }

    static void assertSameSpikes(SpikeRecording expected, List<long[]> streamed) {
        assertEquals(expected.count(), streamed.size(), "spike count");
        for (int k = 0; k < expected.count(); k++) {
            assertEquals(expected.step(k), streamed.get(k)[0], "step of spike " + k);
            assertEquals(expected.neuron(k), streamed.get(k)[1], "neuron of spike " + k);
        }
    }

    @Test
    void streamedSpikesRateAndTraceAreTheEnginesRun() {
        String id = create("{\"ne\":160,\"ni\":40,\"duration\":400,\"dt\":0.5,\"seed\":7,\"scheme\":\"euler\"}");
        Sse sse = Sse.readAll(client, id, e -> { });
        assertEquals(List.of("running", "done"), sse.states());
        Replay replay = server.session(id).replay();
        assertEquals(4, replay.changes().size()); // the initial sigma and currents, at step 0
        SpikeRecording expected = headless(replay);
        assertTrue(expected.count() > 200, "the network fires: " + expected.count());
        assertSameSpikes(expected, sse.spikes(0.5));
        assertEquals(Replay.digest(expected), replay.spikeDigest());
        // rate bins of 1 ms (2 steps): a resent partial bin replaces its first version
        java.util.TreeMap<Double, Double> rate = new java.util.TreeMap<>();
        List<Double> vt = new ArrayList<>();
        for (JsonNode b : sse.batches()) {
            for (int k = 0; k < b.get("rate_t").size(); k++) rate.put(b.get("rate_t").get(k).asDouble(), b.get("rate_hz").get(k).asDouble());
            for (JsonNode t : b.get("v_t")) vt.add(t.asDouble());
        }
        assertEquals(400, rate.size());
        double total = 0;
        for (double hz : rate.values()) total += hz * 200 * 1e-3;
        assertEquals(expected.count(), total, 1e-6);
        assertEquals(800, vt.size()); // one v sample per step
        for (int k = 0; k < vt.size(); k++) assertEquals(k * 0.5, vt.get(k), 1e-9);
    }

    @Test
    void twoSessionsRunAtOnceWithoutInterfering() throws Exception {
        String a = create("{\"ne\":200,\"ni\":50,\"duration\":500,\"seed\":1}");
        String b = create("{\"ne\":200,\"ni\":50,\"duration\":500,\"seed\":2,\"sigma_exc\":6,\"current_inh\":1}");
        CompletableFuture<Sse> fa = CompletableFuture.supplyAsync(() -> Sse.readAll(client, a, e -> { }));
        CompletableFuture<Sse> fb = CompletableFuture.supplyAsync(() -> Sse.readAll(client, b, e -> { }));
        Sse sa = fa.get(120, TimeUnit.SECONDS), sb = fb.get(120, TimeUnit.SECONDS);
        SpikeRecording ea = headless(server.session(a).replay()), eb = headless(server.session(b).replay());
        assertSameSpikes(ea, sa.spikes(1));
        assertSameSpikes(eb, sb.spikes(1));
        assertNotEquals(ea, eb);
    }

    @Test
    void pauseResumeAndChangesBetweenStepsAreLoggedAndReplayIdentically() throws Exception {
        String id = create("{\"ne\":320,\"ni\":80,\"duration\":1500,\"seed\":3,\"speed\":1}");
        CountDownLatch firstBatch = new CountDownLatch(1), paused = new CountDownLatch(1);
        CompletableFuture<Sse> f = CompletableFuture.supplyAsync(() -> Sse.readAll(client, id, e -> {
            if (e.name().equals("batch")) firstBatch.countDown();
            if (e.name().equals("state") && e.data().get("state").asText().equals("paused")) paused.countDown();
        }));
        assertTrue(firstBatch.await(60, TimeUnit.SECONDS));
        assertEquals(200, client.post("/api/net/" + id + "/change", "{\"input\":\"constant:exc\",\"value\":4}").status());
        Thread.sleep(150);
        assertEquals(200, client.post("/api/net/" + id + "/pause", "").status());
        assertTrue(paused.await(30, TimeUnit.SECONDS));
        assertEquals(200, client.post("/api/net/" + id + "/change", "{\"input\":\"noise:exc\",\"value\":8}").status());
        Thread.sleep(100);
        assertEquals(200, client.post("/api/net/" + id + "/resume", "").status());
        Thread.sleep(150);
        assertEquals(200, client.post("/api/net/" + id + "/change", "{\"input\":\"constant:exc\",\"value\":0}").status());
        Sse sse = f.get(120, TimeUnit.SECONDS);
        assertEquals("done", sse.states().getLast());
        assertTrue(sse.states().contains("paused"), sse.states().toString());

        Replay replay = Replay.parse(client.get("/api/net/" + id + "/replay").body());
        assertEquals(7, replay.changes().size(), replay.changes().toString());
        List<Replay.Change> timed = replay.changes().subList(4, 7);
        assertEquals(List.of("constant:exc", "noise:exc", "constant:exc"), timed.stream().map(Replay.Change::input).toList());
        assertTrue(timed.get(0).step() > 0 && timed.get(0).step() <= timed.get(1).step() && timed.get(1).step() < timed.get(2).step(),
                timed.toString());
        // the page's change log: every committed change with its step, from the batches
        List<String> log = new ArrayList<>();
        for (JsonNode b : sse.batches()) for (JsonNode c : b.get("changes")) log.add(c.get("step").asLong() + " " + c.get("change").asText());
        assertTrue(log.contains(timed.get(0).step() + " constant current 'constant:exc' = 4.0"), log.toString());
        assertTrue(log.contains(timed.get(1).step() + " noise 'noise:exc' sigma = 8.0"), log.toString());
        SpikeRecording expected = headless(replay);
        assertSameSpikes(expected, sse.spikes(1));
        assertEquals(replay.spikeDigest(), Replay.digest(expected));
        // and the changes did something: without them the spikes differ
        SpikeRecording without = headless(new Replay(replay.settings(), replay.changes().subList(0, 4), -1, null));
        assertNotEquals(expected, without);
    }

    @Test
    void aClientThatDisconnectsMidStreamStopsItsSessionAndTheServerCarriesOn() throws Exception {
        String id = create("{\"ne\":400,\"ni\":100,\"duration\":10000,\"speed\":0.5}");
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.getOutputStream().write(("GET /api/net/" + id + "/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            StringBuilder seen = new StringBuilder();
            byte[] buf = new byte[4096];
            while (!seen.toString().contains("event: batch")) {
                int n = in.read(buf);
                assertTrue(n > 0, "stream ended early: " + seen);
                seen.append(new String(buf, 0, n, StandardCharsets.UTF_8));
            }
        } // closed mid-stream
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (server.session(id).state() != NetworkSession.State.STOPPED && System.nanoTime() < deadline) Thread.sleep(50);
        assertEquals(NetworkSession.State.STOPPED, server.session(id).state());
        assertTrue(server.session(id).snapshot().steps() < 10_000);
        assertEquals(200, client.get("/api/catalogue").status());
        // what ran so far can still be downloaded and replayed
        Replay r = server.session(id).replay();
        assertEquals(Replay.digest(headless(r)), r.spikeDigest());
    }

    @Test
    void aClosedTabsBeaconStopsItsSession() throws Exception {
        String id = create("{\"ne\":100,\"ni\":25,\"duration\":10000,\"speed\":0.2}");
        CompletableFuture<Sse> f = CompletableFuture.supplyAsync(() -> Sse.readAll(client, id, e -> { }));
        Thread.sleep(300);
        assertEquals(200, client.post("/api/net/" + id + "/close", "").status());
        Sse sse = f.get(30, TimeUnit.SECONDS);
        assertEquals("stopped", sse.states().getLast());
    }

    @Test
    void limitsAndBadCommandsAreRefusedWithAReason() {
        Client.Reply r = client.post("/api/net", "{\"ne\":9000,\"ni\":2000}");
        assertEquals(400, r.status());
        assertEquals("ne + ni = 11000 neurons; at most 10000", r.error());
        r = client.post("/api/net", "{\"duration\":20000}");
        assertEquals("duration = 20000.0 ms; at most 10000.0 ms", r.error());
        r = client.post("/api/net", "{\"ne\":2400,\"ni\":600,\"connectivity\":\"dense\"}");
        assertTrue(r.error().contains("use connectivity sparse"), r.error());
        r = client.post("/api/net", "{\"ne\":80,\"ni\":20,\"connectivity\":\"dense\",\"k\":5}"); // issue #19 defect 20
        assertEquals(400, r.status());
        assertTrue(r.error().startsWith("k applies to sparse connectivity only"), r.error());
        r = client.post("/api/net", "{\"scheme\":\"rk2\"}");
        assertEquals("unknown scheme 'rk2'; known: netm, euler, figure1, rk4", r.error());
        r = client.post("/api/net", "{\"ne\":80,\"ni\":20,\"sigma_exc\":-1}");
        assertEquals(400, r.status());
        assertTrue(r.error().contains("sigma must be >= 0"), r.error());
        r = client.post("/api/net", "{\"ne\":80,\"ni\":20, \"sedd\": 3}");
        assertTrue(r.error().startsWith("unknown field 'sedd'; known: ne, ni"), r.error());
        r = client.post("/api/net/0123456789abcdef0123456789abcdef/pause", "");
        assertEquals(404, r.status());

        // sessions per server: the live ones count, stopped ones do not
        List<String> ids = new ArrayList<>();
        Client.Reply refused = null;
        for (int i = 0; i <= Limits.MAX_LIVE_SESSIONS; i++) {
            Client.Reply c = client.post("/api/net", "{\"ne\":80,\"ni\":20}");
            if (c.status() == 200) ids.add(c.json().get("session").asText());
            else refused = c;
        }
        assertTrue(refused != null && refused.status() == 429, "the session beyond the limit is refused");
        assertTrue(refused.error().contains("at most " + Limits.MAX_LIVE_SESSIONS), refused.error());
        String some = ids.getFirst();
        r = client.post("/api/net/" + some + "/change", "{\"input\":\"noise:all\",\"value\":1}");
        assertEquals(400, r.status());
        assertTrue(r.error().startsWith("unknown input 'noise:all'; known: constant:exc, constant:inh, noise:exc, noise:inh"), r.error());
        for (String id : ids) assertEquals(200, client.post("/api/net/" + id + "/stop", "").status());
        r = client.post("/api/net/" + some + "/change", "{\"input\":\"noise:exc\",\"value\":1}");
        assertEquals(409, r.status());
        assertEquals(409, client.get("/api/net/" + some + "/replay").status());
        String again = create("{\"ne\":80,\"ni\":20}"); // room again once they stopped
        assertEquals(200, client.post("/api/net/" + again + "/stop", "").status());
    }

    @Test
    void downloadsOfTheNetworkShown() throws Exception {
        String id = create("{\"ne\":80,\"ni\":20,\"duration\":200,\"seed\":4}");
        Sse sse = Sse.readAll(client, id, e -> { });
        int spikes = sse.spikes(1).size();
        Client.Reply csv = client.get("/api/net/" + id + "/download?format=csv");
        assertEquals(200, csv.status());
        assertTrue(csv.body().contains("# seed: 4"), csv.body().substring(0, 400));
        assertEquals(spikes, csv.body().lines().filter(l -> !l.startsWith("#")).count() - 1);
        Client.Reply png = client.get("/api/net/" + id + "/download?format=png");
        assertEquals(200, png.status());
        assertTrue(new String(png.raw().body(), StandardCharsets.ISO_8859_1).contains("izhsim_commit"));
        Client.Reply replay = client.get("/api/net/" + id + "/replay");
        assertTrue(replay.raw().headers().firstValue("Content-Disposition").orElseThrow().contains("izhsim-replay-"));
        assertEquals(spikes, Replay.parse(replay.body()).spikeCount());
    }
}
