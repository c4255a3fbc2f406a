package org.izhsim.ui;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small java.net.http client for the tests: JSON in, status and JSON out. */
final class Client {
    static final ObjectMapper JSON = new ObjectMapper();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final URI base;

    Client(UiServer server) {
        this.base = server.uri();
    }

    record Reply(int status, String body, HttpResponse<byte[]> raw) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        String error() {
            return json().path("error").asText();
        }
    }

    Reply post(String path, String body) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(60)).build());
    }

    Reply get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET().timeout(Duration.ofSeconds(60)).build());
    }

    private Reply send(HttpRequest r) {
        try {
            HttpResponse<byte[]> res = http.send(r, HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(res.statusCode(), new String(res.body(), java.nio.charset.StandardCharsets.UTF_8), res);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
