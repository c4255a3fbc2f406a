package org.izhsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's commands, run in order as a new user would, in a fresh directory and each in its
 * own JVM (the default output place is relative to the current directory): every one leaves
 * files, and none changes or removes a file an earlier one wrote (#20 item 1).
 */
class ReadmeCommandsTest {
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    /**
     * Commands that write no files (ui serves, cost and example --list print), the replay of a
     * session file a new user does not have yet, and the 10^5-neuron, 10^8-synapse network, which
     * needs a gigabyte that a test on a shared machine must not take.
     */
    private static boolean runs(List<String> args) {
        String cmd = args.get(1);
        return !cmd.equals("ui") && !cmd.equals("cost") && !cmd.equals("replay") && !args.contains("--list")
                && args.stream().noneMatch(a -> a.contains("sparse100k"));
    }

    @TempDir
    Path dir;

    @Test
    void theReadmesCommandsInOrderOverwriteNothing() throws Exception {
        Files.createSymbolicLink(dir.resolve("examples"), REPO.resolve("examples"));
        List<List<String>> commands = commands(Files.readString(REPO.resolve("README.md"))).stream().filter(ReadmeCommandsTest::runs).toList();
        assertTrue(commands.size() >= 12, commands.toString());
        Map<Path, String> before = snapshot();
        for (List<String> c : commands) {
            List<String> argv = new ArrayList<>(List.of(javaBinary(), "-cp", System.getProperty("java.class.path"),
                    "-Djava.awt.headless=true", "--enable-native-access=ALL-UNNAMED", Main.class.getName()));
            argv.addAll(c.subList(1, c.size()));
            ProcessBuilder pb = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true);
            pb.environment().put("IZHSIM_WARMUP_STEPS", "0");
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), c + "\n" + out);
            Map<Path, String> after = snapshot();
            for (Map.Entry<Path, String> e : before.entrySet()) {
                assertEquals(e.getValue(), after.get(e.getKey()), c + " changed or removed " + e.getKey() + " of an earlier command");
            }
            assertTrue(after.size() > before.size(), c + " wrote no new file\n" + out);
            if (!c.contains("--json")) assertTrue(out.contains("files in "), c + " does not say where its files went\n" + out);
            before = after;
        }
        // the two 2007 RS runs and the two RS accuracy reports each have a place of their own
        assertTrue(before.keySet().stream().filter(f -> f.getFileName().toString().startsWith("accuracy-RS")
                && f.toString().endsWith(".json")).count() >= 2, before.keySet().toString());
    }

    /** The README's `./izhsim …` lines in its code blocks, continuation lines joined, comments cut, words split as a shell does. */
    static List<List<String>> commands(String readme) {
        List<List<String>> out = new ArrayList<>();
        boolean code = false;
        StringBuilder pending = null;
        for (String line : readme.split("\n")) {
            if (line.startsWith("```")) {
                code = !code;
                continue;
            }
            if (!code) continue;
            if (pending == null && !line.startsWith("./izhsim ")) continue;
            String text = pending == null ? line : pending + " " + line.strip();
            if (text.endsWith("\\")) {
                pending = new StringBuilder(text.substring(0, text.length() - 1));
                continue;
            }
            pending = null;
            out.add(words(text));
        }
        assertFalse(code, "unclosed code block");
        return out;
    }

    private static List<String> words(String text) {
        List<String> w = new ArrayList<>();
        StringBuilder cur = null;
        boolean quoted = false;
        for (int k = 0; k < text.length(); k++) {
            char ch = text.charAt(k);
            if (ch == '\'') {
                quoted = !quoted;
                if (cur == null) cur = new StringBuilder();
            } else if (!quoted && ch == '#' && cur == null) {
                break;
            } else if (!quoted && Character.isWhitespace(ch)) {
                if (cur != null) w.add(cur.toString());
                cur = null;
            } else {
                if (cur == null) cur = new StringBuilder();
                cur.append(ch);
            }
        }
        if (cur != null) w.add(cur.toString());
        return w;
    }

    /** Every file under the directory (not through the examples link) with the SHA-256 of its bytes. */
    private Map<Path, String> snapshot() throws IOException {
        Map<Path, String> m = new LinkedHashMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : s.filter(Files::isRegularFile).sorted().toList()) {
                try {
                    m.put(dir.relativize(f), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
                } catch (java.security.NoSuchAlgorithmException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return m;
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
