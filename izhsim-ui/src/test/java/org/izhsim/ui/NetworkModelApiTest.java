package org.izhsim.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.izhsim.analysis.PopulationSpectrum;
import org.izhsim.io.model.ModelFile;
import org.izhsim.network.NeuronGroup;
import org.izhsim.network.ParameterChange;
import org.izhsim.network.Simulation;
import org.izhsim.network.SpikeRecording;
import org.izhsim.network.StateMonitor;
import org.izhsim.network.SynapseGroup;
import org.izhsim.network.SynapseView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The network tab beyond the built-in network: a model file by path (kept inside the model
 * root) or uploaded, steered by its own inputs; a clicked neuron's replayed v and u; the ISI
 * histogram, the population spectrum and the weights, each checked against the engine run
 * headless.
 */
class NetworkModelApiTest {
    @TempDir
    static Path root;
    static UiServer server;
    static Client client;

    /** A small network of two groups: sparse, so incoming weights differ from neuron to neuron. */
    static final String MODEL = """
            izhsim: 1
            name: small
            simulation: {duration_ms: 300, dt_ms: 0.5, scheme: euler, seed: 5}
            groups:
              exc: {size: 80, model: izh2003, params: {a: 0.02, b: 0.2, c: "-65+15*r**2", d: "8-6*r**2"}, initial: {v: -65}}
              inh: {size: 20, model: izh2003, params: {a: "0.02+0.08*r", b: "0.25-0.05*r", c: -65, d: 2}, initial: {v: -65}}
            synapses:
              - {from: exc, to: exc, connectivity: {rule: fixed_indegree, k: 20}, weight: "5*r", delay_ms: 1}
              - {from: exc, to: inh, connectivity: {rule: fixed_indegree, k: 20}, weight: "5*r", delay_ms: 1}
              - {from: inh, to: exc, connectivity: {rule: fixed_indegree, k: 10}, weight: "-8*r", delay_ms: 1}
            inputs:
              - {type: noise, group: exc, sigma: 5, period_ms: 1}
              - {type: noise, group: inh, sigma: 2, period_ms: 1}
              - {type: constant, group: exc, amplitude: 0}
            outputs:
              trace: {group: exc, neuron: 3}
            """;

    @BeforeAll
    static void start() throws Exception {
        Files.writeString(root.resolve("small.yaml"), MODEL);
        Files.createDirectories(root.resolve("sub"));
        Files.writeString(root.resolve("sub/bad.yaml"), MODEL.replace("size: 20", "size: twenty"));
        Path outside = Files.createTempFile("izhsim-outside", ".yaml");
        Files.writeString(outside, MODEL);
        outside.toFile().deleteOnExit();
        Files.createSymbolicLink(root.resolve("escape.yaml"), outside);
        server = UiServer.start("127.0.0.1", 0, null, root);
        client = new Client(server);
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
    }

    static ModelFile model() {
        return ModelFile.parse("small.yaml", MODEL, ModelFile.Overrides.NONE);
    }

    static String create(String body) {
        Client.Reply r = client.post("/api/net", body);
        assertEquals(200, r.status(), r.body());
        return r.json().get("session").asText();
    }

    @Test
    void aModelFileByPathRunsAsTheEngineRunsItAndItsViewsAgree() {
        assertTrue(client.get("/api/models").json().get("files").toString().contains("small.yaml"));
        Client.Reply created = client.post("/api/net", "{\"model_path\":\"small.yaml\"}");
        assertEquals(200, created.status(), created.body());
        JsonNode c = created.json();
        assertEquals(100, c.get("neurons").asInt());
        assertEquals("exc", c.get("groups").get(0).get("name").asText());
        assertEquals(80, c.get("groups").get(1).get("from").asInt());
        assertEquals(3, c.get("inputs").size()); // both noises and the constant current are steerable
        assertEquals(3, c.get("trace_neuron").asInt());
        String id = c.get("session").asText();
        Sse sse = Sse.readAll(client, id, e -> { });
        assertEquals("done", sse.states().getLast());

        ModelFile mf = model();
        SpikeRecording expected;
        // one worker, as the session runs it: a view shows the synapses of one worker's part
        try (Simulation sim = Simulation.builder(mf.network()).threads(1).build()) {
            sim.run(mf.durationMs());
            expected = sim.recording(mf.spikes());
            NetworkApiTest.assertSameSpikes(expected, sse.spikes(0.5));

            // weights: the first sample's histograms hold every synapse; a static run says it has no plasticity
            JsonNode first = sse.batches().stream().filter(b -> b.has("weights")).findFirst().orElseThrow();
            assertEquals(0, first.get("weights").get("step").asLong());
            for (int k = 0; k < mf.network().synapses().size(); k++) {
                long sum = 0;
                for (JsonNode n : first.get("weights").get("counts").get(k)) sum += n.asLong();
                SynapseView v = sim.synapses(mf.network().synapses().get(k));
                // k inputs onto each post neuron (a dense group's absent pairs are not counted)
                assertEquals(new long[] {1600, 400, 800}[k], v.size());
                assertEquals(v.size(), sum + first.get("weights").get("outside").get(k).asLong());
            }
            JsonNode lastW = sse.batches().stream().filter(b -> b.has("weights")).reduce((a, b) -> b).orElseThrow();
            assertEquals(600, lastW.get("weights").get("step").asLong(), "a sample where the run ended");
            assertFalse(lastW.get("plastic").asBoolean());
            assertEquals(first.get("weights").get("counts"), lastW.get("weights").get("counts"));

            // a neuron's incoming weights, as the engine's SynapseView holds them
            int neuron = 85; // inh 5: its inputs come from exc only
            JsonNode in = client.get("/api/net/" + id + "/incoming?neuron=" + neuron).json();
            assertEquals("inh", in.get("group").asText());
            assertEquals(20, in.get("inputs").asInt());
            SynapseGroup ei = mf.network().synapses().get(1);
            SynapseView view = sim.synapses(ei);
            List<String> want = new ArrayList<>(), got = new ArrayList<>();
            for (int p = 0; p < view.preCount(); p++) {
                for (int j = 0; j < view.rowLength(p); j++) if (view.post(p, j) == 5) want.add(p + ":" + view.weight(p, j));
            }
            JsonNode g = in.get("synapse_groups").get(0);
            for (int k = 0; k < g.get("pre").size(); k++) got.add(g.get("pre").get(k).asInt() + ":" + (float) g.get("w").get(k).asDouble());
            assertEquals(want, got);
        }

        // ISI of the inhibitory group and the spectrum, from the engine's spikes
        JsonNode isi = client.get("/api/net/" + id + "/isi?group=inh&bin_ms=1&bins=300").json();
        long intervals = 0;
        for (int i = 80; i < 100; i++) intervals += Math.max(0, expected.countNeurons(i, i + 1) - 1);
        assertEquals(intervals, isi.get("intervals").asLong());
        long counted = isi.get("longer").asLong();
        for (JsonNode n : isi.get("counts")) counted += n.asLong();
        assertEquals(intervals, counted);
        JsonNode sp = client.get("/api/net/" + id + "/spectrum?max_hz=100").json();
        PopulationSpectrum.Spectrum s = PopulationSpectrum.of(expected.timesMs(), 300);
        assertEquals(s.bandPeak(20, 60), sp.get("gamma_peak_hz").asDouble(), 0);
        assertEquals(s.power()[7], sp.get("power").get(7).asDouble(), 1e-9 * Math.max(1, s.power()[7]));
        assertEquals(31, sp.get("freq_hz").size()); // 0 .. 100 Hz in steps of 1/0.3 s

        // a model session has no replay file: the file itself repeats it
        Client.Reply replay = client.get("/api/net/" + id + "/replay");
        assertEquals(409, replay.status());
        assertTrue(replay.error().contains("izhsim run small.yaml"), replay.error());
    }

    @Test
    void aClickedNeuronsTraceIsReplayedWithTheSessionsChanges() throws Exception {
        String id = create("{\"model_name\":\"up.yaml\",\"model_text\":" + Client.JSON.writeValueAsString(MODEL) + ",\"speed\":1}");
        CountDownLatch firstBatch = new CountDownLatch(1);
        CompletableFuture<Sse> f = CompletableFuture.supplyAsync(() -> Sse.readAll(client, id, e -> {
            if (e.name().equals("batch") && e.data().get("step").asLong() > 0) firstBatch.countDown();
        }));
        assertTrue(firstBatch.await(60, TimeUnit.SECONDS));
        Client.Reply bad = client.post("/api/net/" + id + "/change", "{\"input\":\"noise:nope\",\"value\":1}");
        assertEquals(400, bad.status());
        assertTrue(bad.error().contains("steerable here: noise:exc, noise:inh, constant:exc"), bad.error());
        assertEquals(400, client.post("/api/net/" + id + "/change", "{\"input\":\"noise:exc\",\"value\":-1}").status());
        assertEquals(200, client.post("/api/net/" + id + "/change", "{\"input\":\"constant:exc\",\"value\":6}").status());
        // asked while the run goes on: the trace covers what ran until then
        Client.Reply mid = client.get("/api/net/" + id + "/trace?neuron=12");
        assertEquals(200, mid.status(), mid.body());
        assertTrue(mid.json().get("identical").asBoolean());
        Sse sse = f.get(120, TimeUnit.SECONDS);
        assertEquals("done", sse.states().getLast());
        List<Long> changeSteps = new ArrayList<>();
        for (JsonNode b : sse.batches()) for (JsonNode c : b.get("changes")) changeSteps.add(c.get("step").asLong());
        assertEquals(1, changeSteps.size());

        JsonNode t = client.get("/api/net/" + id + "/trace?neuron=12").json();
        assertEquals("replayed", t.get("mode").asText());
        assertTrue(t.get("identical").asBoolean());
        assertEquals(600, t.get("samples").asInt());
        // the same neuron recorded in a headless run with the change at its step: the same v and u
        ModelFile mf = model();
        NeuronGroup exc = mf.network().group("exc");
        StateMonitor mon = StateMonitor.ofVariables(exc, new int[] {12}, 1, "v", "u").named("probe");
        try (Simulation sim = Simulation.builder(mf.network().withMonitors(List.of(mon))).threads(1).build()) {
            sim.schedule(changeSteps.get(0), ParameterChange.constantCurrent("constant:exc", 6));
            sim.run(300);
            SpikeRecording spikes = sim.recording(mf.spikes());
            NetworkApiTest.assertSameSpikes(spikes, sse.spikes(0.5));
            double[] u = sim.recording(mon).trace("u", 0);
            assertEquals(600, u.length); // at most TRACE_POINTS: every sample is sent
            for (int k = 0; k < u.length; k++) assertEquals(u[k], t.get("u").get(k).asDouble(), 0, "u at sample " + k);
            assertEquals(spikes.countNeurons(12, 13), t.get("spike_t").size());
            assertTrue(spikes.countNeurons(12, 13) > 0, "neuron 12 fires (with 6 more current)");
        }
        assertEquals(400, client.get("/api/net/" + id + "/trace?neuron=100").status());
        assertEquals(400, client.get("/api/net/" + id + "/trace?neuron=x").status());
    }

    @Test
    void pathsStayInsideTheRootAndBadFilesGiveTheReadersLine() throws Exception {
        Map<String, Integer> refused = new java.util.LinkedHashMap<>();
        refused.put("../small.yaml", 403);
        refused.put("sub/../../small.yaml", 403);
        refused.put(root.resolve("small.yaml").toString(), 403);
        refused.put("escape.yaml", 403); // a link out of the root
        refused.put("missing.yaml", 400);
        refused.put("small.txt", 400);
        refused.put("sub", 400);
        for (var e : refused.entrySet()) {
            Client.Reply r = client.post("/api/net", "{\"model_path\":" + Client.JSON.writeValueAsString(e.getKey()) + "}");
            assertEquals(e.getValue(), r.status(), e.getKey() + ": " + r.body());
            assertFalse(r.error().contains("Exception"), r.error());
        }
        Client.Reply bad = client.post("/api/net", "{\"model_path\":\"sub/bad.yaml\"}");
        assertEquals(400, bad.status());
        assertTrue(bad.error().startsWith("sub/bad.yaml:"), bad.error());
        assertTrue(bad.error().contains("groups.inh.size"), bad.error());
        assertFalse(bad.error().contains("\n"));
        Client.Reply big = client.post("/api/net", "{\"model_name\":\"big.yaml\",\"model_text\":"
                + Client.JSON.writeValueAsString("#" + "x".repeat(Limits.MAX_MODEL_BYTES)) + "}");
        assertEquals(400, big.status());
        assertTrue(big.error().contains("at most " + Limits.MAX_MODEL_BYTES), big.error());
        Client.Reply huge = client.post("/api/net", "{\"model_name\":\"huge.yaml\",\"model_text\":"
                + Client.JSON.writeValueAsString(MODEL.replace("size: 80", "size: 20000")) + "}");
        assertEquals(400, huge.status());
        assertTrue(huge.error().contains("at most " + Limits.MAX_NEURONS), huge.error());
        Client.Reply both = client.post("/api/net", "{\"model_path\":\"small.yaml\",\"model_name\":\"a.yaml\",\"model_text\":\"x\"}");
        assertEquals(400, both.status());
        assertEquals(400, client.post("/api/net", "{\"model_path\":\"small.yaml\",\"ne\":5}").status());
        // a server without a model root takes uploads only
        try (UiServer uploadsOnly = UiServer.start("127.0.0.1", 0, null)) {
            Client.Reply r = new Client(uploadsOnly).post("/api/net", "{\"model_path\":\"small.yaml\"}");
            assertEquals(403, r.status());
        }
    }
}
