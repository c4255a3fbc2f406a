package org.izhsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.izhsim.ui.UiServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code izhsim ui} and {@code izhsim replay}: a session driven over HTTP replays with identical spikes. */
class UiReplayCommandTest {
    @TempDir
    Path dir;

    final HttpClient http = HttpClient.newHttpClient();

    String post(URI base, String path, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }

    String get(URI base, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }

    static List<String> spikeRows(String csv) {
        return csv.lines().filter(l -> !l.startsWith("#")).skip(1).toList();
    }

    @Test
    void aSessionWithTimedChangesReplaysWithIdenticalSpikes() throws Exception {
        String replayJson, sessionCsv;
        try (UiServer server = UiServer.start("127.0.0.1", 0, null)) {
            URI base = server.uri();
            String id = CommandLineTest.JSON.readTree(post(base, "/api/net",
                    "{\"ne\":240,\"ni\":60,\"duration\":1200,\"dt\":0.5,\"scheme\":\"euler\",\"seed\":11,\"speed\":1,\"sigma_inh\":3}"))
                    .get("session").asText();
            CountDownLatch batch = new CountDownLatch(1);
            CompletableFuture<Void> stream = CompletableFuture.runAsync(() -> {
                try {
                    HttpResponse<Stream<String>> r = http.send(HttpRequest.newBuilder(base.resolve("/api/net/" + id + "/events")).build(),
                            HttpResponse.BodyHandlers.ofLines());
                    // the first change must land after step 0 (asserted below): wait for a batch the
                    // run has moved past, not for the first one, which a loaded machine may send at step 0
                    boolean inBatch = false;
                    for (Iterator<String> it = r.body().iterator(); it.hasNext(); ) {
                        String line = it.next();
                        if (inBatch && line.startsWith("data:")
                                && CommandLineTest.JSON.readTree(line.substring(5)).get("step").asLong() > 0) batch.countDown();
                        inBatch = line.equals("event: batch");
                        if (line.equals("event: end")) break;
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertTrue(batch.await(60, TimeUnit.SECONDS));
            post(base, "/api/net/" + id + "/change", "{\"input\":\"constant:exc\",\"value\":5}");
            Thread.sleep(200);
            post(base, "/api/net/" + id + "/change", "{\"input\":\"noise:inh\",\"value\":0.5}");
            Thread.sleep(150);
            post(base, "/api/net/" + id + "/change", "{\"input\":\"constant:exc\",\"value\":-2}");
            stream.get(120, TimeUnit.SECONDS);
            replayJson = get(base, "/api/net/" + id + "/replay");
            sessionCsv = get(base, "/api/net/" + id + "/download?format=csv");
        }
        JsonNode replay = CommandLineTest.JSON.readTree(replayJson);
        assertEquals(7, replay.get("changes").size(), replayJson);
        assertTrue(replay.get("changes").get(4).get("step").asLong() > 0, replayJson);
        Path file = dir.resolve("session.json");
        Files.writeString(file, replayJson);

        CliRunner r = CliRunner.run("replay", file.toString(), "--out", dir.resolve("out").toString(), "--figures", "none");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("identical to the recorded session"), r.err());
        List<String> replayed = spikeRows(Files.readString(dir.resolve("out/spikes.csv"), StandardCharsets.UTF_8));
        List<String> live = spikeRows(sessionCsv);
        assertTrue(live.size() > 1000, "spikes " + live.size());
        assertEquals(live, replayed); // every spike: same time, same neuron, same order
        JsonNode run = CommandLineTest.JSON.readTree(Files.readString(dir.resolve("out/run.json")));
        assertEquals("replay", run.get("command").asText());
        assertEquals(7, run.get("parameters").get("changes").size());
        assertTrue(run.get("parameters").get("changes").get(4).get("change").asText().contains("'constant:exc' = 5.0"));

        // a tampered digest is reported, not hidden
        Path bad = dir.resolve("tampered.json");
        Files.writeString(bad, replayJson.replaceFirst("\"spike_sha256\":\"[0-9a-f]{4}", "\"spike_sha256\":\"0000"));
        CliRunner t = CliRunner.run("replay", bad.toString(), "--out", dir.resolve("out2").toString(), "--figures", "none", "--quiet");
        assertEquals(1, t.code());
        assertTrue(t.err().contains("the spikes differ from the recorded session's"), t.err());
    }

    @Test
    void badReplayFilesAreOneLineAndExit2() throws Exception {
        Path notJson = dir.resolve("x.json");
        Files.writeString(notJson, "{\"izhsim_replay\": 1, ");
        CliRunner r = CliRunner.run("replay", notJson.toString(), "--out", dir.resolve("o").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("izhsim replay: " + notJson + ": malformed JSON at line 1"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        Files.writeString(notJson, "{\"izhsim_replay\": 1, \"settings\": {\"ne\": 20000}}");
        r = CliRunner.run("replay", notJson.toString(), "--out", dir.resolve("o").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("ne = 20000 is outside 1 .. 10000"), r.err());
        r = CliRunner.run("replay", dir.resolve("missing.json").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("does not exist"), r.err());
        assertTrue(Files.notExists(dir.resolve("o")), "nothing written");
    }

    @Test
    void uiOnAPortInUseIsOneLineAndExit2() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            CliRunner r = CliRunner.run("ui", "--port", String.valueOf(taken.getLocalPort()));
            assertEquals(2, r.code(), r.err());
            assertTrue(r.err().startsWith("izhsim ui: cannot listen on 127.0.0.1:" + taken.getLocalPort()), r.err());
            assertTrue(r.err().contains("choose another --port"), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
        }
        CliRunner help = CliRunner.run("ui", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("--bind") && help.out().contains("--open"), help.out());
    }
}
