package org.izhsim.ui;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** Reads a session's server-sent events to the end, handing each (name, data) to a listener. */
final class Sse {
    record Event(String name, JsonNode data) {}

    final List<Event> events = new CopyOnWriteArrayList<>();

    static Sse readAll(Client c, String session, Consumer<Event> listener) {
        Sse sse = new Sse();
        HttpRequest r = HttpRequest.newBuilder(c.base.resolve("/api/net/" + session + "/events")).GET().build();
        try {
            HttpResponse<Stream<String>> res = c.http.send(r, HttpResponse.BodyHandlers.ofLines());
            if (res.statusCode() != 200) throw new IllegalStateException("events: HTTP " + res.statusCode());
            String name = null;
            for (Iterator<String> it = res.body().iterator(); it.hasNext(); ) {
                String line = it.next();
                if (line.startsWith("event: ")) name = line.substring(7);
                else if (line.startsWith("data: ") && name != null) {
                    Event e = new Event(name, Client.JSON.readTree(line.substring(6)));
                    sse.events.add(e);
                    listener.accept(e);
                    if (name.equals("end")) break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return sse;
    }

    List<JsonNode> batches() {
        List<JsonNode> out = new ArrayList<>();
        for (Event e : events) if (e.name().equals("batch")) out.add(e.data());
        return out;
    }

    /** Every streamed spike as (step, neuron) = (round(t/dt), i), in order. */
    List<long[]> spikes(double dt) {
        List<long[]> out = new ArrayList<>();
        for (JsonNode b : batches()) {
            for (int k = 0; k < b.get("spike_t").size(); k++) {
                out.add(new long[] {Math.round(b.get("spike_t").get(k).asDouble() / dt), b.get("spike_i").get(k).asLong()});
            }
        }
        return out;
    }

    List<String> states() {
        List<String> out = new ArrayList<>();
        for (Event e : events) if (e.name().equals("state")) out.add(e.data().get("state").asText());
        return out;
    }
}
