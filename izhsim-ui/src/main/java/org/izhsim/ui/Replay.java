package org.izhsim.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import com.fasterxml.jackson.databind.JsonNode;
import org.izhsim.io.Json;
import org.izhsim.io.RunInfo;
import org.izhsim.network.ParameterChange;
import org.izhsim.network.SpikeRecording;
import org.izhsim.run.Net2003Options;

/**
 * A browser session as a file: the network settings and seed, every change with the step it
 * took effect at, and a digest of the spikes the session produced. {@code izhsim replay FILE}
 * builds the same network, queues the same changes at the same steps and checks the digest:
 * because changes commit between steps and random numbers are keyed by (seed, stream, neuron,
 * step), the spikes are identical.
 *
 * <pre>{@code
 * {"izhsim_replay": 1, "settings": {"ne": 800, "ni": 200, "dt": 1.0, "duration": 1000.0, "seed": 1,
 *   "scheme": "netm", "connectivity": "dense", "trace_neuron": 0},
 *  "changes": [{"step": 0, "input": "noise:exc", "value": 5.0}, {"step": 412, "input": "constant:exc", "value": 3.0}],
 *  "spike_count": 12345, "spike_sha256": "...", "izhsim_version": "...", "izhsim_commit": "...", ...}
 * }</pre>
 *
 * @param settings    the network
 * @param changes     changes in the order they were queued
 * @param spikeCount  spikes of the recorded session (-1 if unknown)
 * @param spikeDigest SHA-256 of its (step, neuron) pairs ({@link #digest}), or null
 */
public record Replay(Net2003Options settings, List<Change> changes, long spikeCount, String spikeDigest) {

    /** The inputs a change may name: the 2003 network's noise and its constant currents. */
    public static final Set<String> INPUTS = Set.of("noise:exc", "noise:inh", "constant:exc", "constant:inh");

    /** Largest |value| of a change (σ or current, in the model's current units). */
    static final double MAX_VALUE = 1000;

    /**
     * One change: from step {@code step} on, {@code input} has {@code value} (σ of a noise input,
     * amplitude of a constant current).
     */
    public record Change(long step, String input, double value) {
        public Change {
            if (!INPUTS.contains(input)) throw new IllegalArgumentException("unknown input '" + input + "'; known: " + String.join(", ", INPUTS.stream().sorted().toList()));
            if (!Double.isFinite(value) || Math.abs(value) > MAX_VALUE) throw new IllegalArgumentException(input + " = " + value + " is outside -" + MAX_VALUE + " .. " + MAX_VALUE);
            if (input.startsWith("noise:") && value < 0) throw new IllegalArgumentException(input + " sigma must be >= 0, got " + value);
            if (step < 0) throw new IllegalArgumentException("change step must be >= 0, got " + step);
        }

        public ParameterChange toParameterChange() {
            return input.startsWith("noise:") ? ParameterChange.noiseSigma(input, value) : ParameterChange.constantCurrent(input, value);
        }

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("step", step);
            m.put("input", input);
            m.put("value", value);
            return m;
        }
    }

    /** SHA-256 over the (step, neuron) pairs in recording order, as hex. */
    public static String digest(SpikeRecording s) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] b = new byte[8];
            for (int i = 0; i < s.count(); i++) {
                int st = s.step(i), n = s.neuron(i);
                for (int j = 0; j < 4; j++) {
                    b[j] = (byte) (st >>> (24 - 8 * j));
                    b[4 + j] = (byte) (n >>> (24 - 8 * j));
                }
                md.update(b);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("izhsim_replay", 1);
        m.put("settings", NetworkSettings.toMap(settings));
        List<Map<String, Object>> cs = new ArrayList<>();
        for (Change c : changes) cs.add(c.toMap());
        m.put("changes", cs);
        m.put("spike_count", spikeCount);
        m.put("spike_sha256", spikeDigest);
        m.putAll(RunInfo.base("ui"));
        return Json.write(m) + "\n";
    }

    /** Reads a replay file; anything wrong in it is an IllegalArgumentException naming the file and the culprit. */
    public static Replay read(Path file) throws IOException {
        String text = org.izhsim.io.TextFiles.read(file, "replay file", 64 << 20).text();
        try {
            return parse(text);
        } catch (ApiException | IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    static Replay parse(String text) {
        Body root = Body.parse(text);
        if (!root.has("izhsim_replay")) throw new IllegalArgumentException("not an izhsim replay file (no \"izhsim_replay\" field)");
        long version = root.integer("izhsim_replay", 1, 1, 1);
        assert version == 1;
        JsonNode s = root.raw("settings");
        if (s == null || !s.isObject()) throw new IllegalArgumentException("no \"settings\" object");
        Net2003Options settings = NetworkSettings.parse(Body.parse(s.toString()));
        List<Change> changes = new ArrayList<>();
        JsonNode cs = root.raw("changes");
        if (cs != null && !cs.isNull()) {
            if (!cs.isArray()) throw new IllegalArgumentException("\"changes\" must be a list");
            for (JsonNode c : cs) {
                Body b = Body.parse(c.toString()).only(List.of("step", "input", "value", "t_ms"));
                changes.add(new Change(b.integer("step", -1, 0, settings.steps()), b.text("input", "", 40), b.number("value", Double.NaN)));
            }
        }
        long count = root.integer("spike_count", -1, -1, Long.MAX_VALUE);
        String digest = root.has("spike_sha256") ? root.text("spike_sha256", null, 64) : null;
        return new Replay(settings, List.copyOf(changes), count, digest);
    }
}
