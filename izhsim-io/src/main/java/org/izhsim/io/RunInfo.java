package org.izhsim.io;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.izhsim.Version;

/**
 * The provenance every output carries: izhsim version and commit, the command that ran, when,
 * and the run's own parameters (seed, scheme, dt, …) added by the caller.
 */
public final class RunInfo {
    private RunInfo() {}

    /** Version, commit, Java version and creation time, in that order, ready for more keys. */
    public static Map<String, Object> base(String command) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("izhsim_version", Version.version());
        m.put("izhsim_commit", Version.commit());
        m.put("java", Runtime.version().toString());
        m.put("command", command);
        m.put("created", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        return m;
    }

    /**
     * The entries of a run summary as text, for metadata that holds strings only (PNG tEXt,
     * SVG metadata): strings, numbers and booleans as they print, maps as JSON; lists are left out.
     */
    public static Map<String, String> asText(Map<String, Object> summary) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : summary.entrySet()) {
            Object v = e.getValue();
            if (v instanceof String || v instanceof Number || v instanceof Boolean) m.put(e.getKey(), String.valueOf(v));
            else if (v instanceof Map<?, ?> map) m.put(e.getKey(), Json.write(map));
        }
        return m;
    }

    /** The SHA-256 of {@code bytes} as lower-case hex: the "model_sha256" every output records. */
    public static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
