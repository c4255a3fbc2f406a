package org.izhsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.izhsim.ui.UiServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The explorer's F–I tab and {@code izhsim fi} are one protocol (#20 item 3): 1000-ms runs, rate
 * = spikes / duration, whatever the neuron tab's window (RS's own 150 ms would step the rate
 * in 6.7 Hz and give 107 Hz at I = 40 where 1000 ms gives the command's number).
 */
class FiTabAgreesWithFiTest {
    @TempDir
    Path dir;

    @Test
    void theTabGivesTheCommandsRates() throws Exception {
        for (String[] neuron : new String[][] {{"--preset", "RS"}, {"--model", "izh2007", "--preset", "RS"}}) {
            boolean izh2007 = neuron.length == 4;
            String from = "0", to = izh2007 ? "200" : "40", step = izh2007 ? "20" : "2";
            CliRunner cli = CliRunner.run(concat(new String[] {"fi", "--from", from, "--to", to, "--step", step, "--json", "--quiet",
                    "--figures", "none", "--out", dir.toString()}, neuron));
            assertEquals(0, cli.code(), cli.err());
            JsonNode fromCli = CommandLineTest.JSON.readTree(cli.out());
            JsonNode fromTab;
            try (UiServer server = UiServer.start("127.0.0.1", 0, null)) {
                String body = "{" + (izh2007 ? "\"model\":\"izh2007\"," : "") + "\"preset\":\"RS\",\"duration\":150,\"from\":" + from
                        + ",\"to\":" + to + ",\"step\":" + step + "}";
                HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.uri().resolve("/api/fi"))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, r.statusCode(), r.body());
                fromTab = CommandLineTest.JSON.readTree(r.body());
            }
            assertEquals(fromCli.get("duration_ms").asDouble(), fromTab.get("duration").asDouble());
            assertEquals(1000.0, fromTab.get("duration").asDouble());
            assertEquals(fromCli.get("rates_hz"), fromTab.get("rates_hz"), String.join(" ", neuron));
            assertEquals(fromCli.get("spike_counts"), fromTab.get("spikes"));
            JsonNode rates = fromTab.get("rates_hz");
            assertTrue(rates.get(rates.size() - 1).asDouble() > 0, rates.toString());
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
