package org.izhsim.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.izhsim.network.Monitor;

/**
 * Checks, before a run, that the files its monitors write do not collide: {@code a:b} and
 * {@code a>b} both become {@code a_b.npz}, and one recording would be lost without a word. Names
 * that differ only in case collide too, as they do on the file systems of macOS and Windows.
 */
final class OutputNames {
    private OutputNames() {}

    /** The file names the run writes itself, which no monitor may take. */
    private static final List<String> RESERVED = List.of("spikes");

    static void checkDistinct(List<Monitor<?>> monitors) {
        Map<String, String> byFile = new HashMap<>();
        for (String reserved : RESERVED) byFile.put(reserved, null);
        for (Monitor<?> m : monitors) {
            String file = NetworkCommand.fileName(m.name());
            String key = file.toLowerCase(Locale.ROOT);
            if (byFile.containsKey(key)) {
                String other = byFile.get(key);
                throw new IllegalArgumentException((other == null
                        ? "monitor '" + m.name() + "' would write " + file + ".npz, which the run writes itself"
                        : "monitors '" + other + "' and '" + m.name() + "' would both write " + file + ".npz")
                        + "; rename one (a file name keeps letters, digits, '.', '_' and '-' and ignores case)");
            }
            byFile.put(key, m.name());
        }
    }
}
