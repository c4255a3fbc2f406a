package org.izhsim.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.izhsim.plot.ImageFormat;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Options every command shares: where files go, JSON on stdout, quiet, figure formats. */
final class OutputOptions {
    /** The options that choose how a run is reported, not what it computes: left out of its place's name. */
    private static final Set<String> PRESENTATION = Set.of("--out", "--json", "--quiet", "--figures");

    @Option(names = "--out", paramLabel = "DIR",
            description = "Directory for figures and data (created if missing; default: a folder of its own under out/ "
                    + "per command, model and options, e.g. out/neuron-RS-1a2b3c4d, so that no run overwrites another's).")
    Path out;

    @Option(names = "--json", description = "Print the result as JSON on stdout (messages go to stderr).")
    boolean json;

    @Option(names = "--quiet", description = "No progress bar and no summary on stderr.")
    boolean quiet;

    @Option(names = "--figures", paramLabel = "FORMATS", defaultValue = "png,svg",
            description = "Figure formats: png, svg, both (png,svg) or none (default: ${DEFAULT-VALUE}).")
    String figures;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /**
     * Where this run's files go: {@code --out} when given, else {@code out/NAME-HASH}, NAME
     * saying what ran (e.g. {@code neuron-RS}) and HASH the first 8 hex digits of the SHA-256 of
     * the run's other arguments (none: no hash), so that the same command line finds its earlier
     * results again and a different one never lands on them.
     */
    Path dir(String name) {
        if (out != null) return out;
        List<String> args = new ArrayList<>();
        if (command != null && command.commandLine() != null && command.commandLine().getParseResult() != null) {
            List<String> all = command.commandLine().getParseResult().originalArgs();
            for (int k = 0; k < all.size(); k++) {
                String a = all.get(k), flag = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
                if (k == 0 && a.equals(command.name())) continue;
                if (PRESENTATION.contains(flag)) {
                    if (!a.contains("=") && !flag.equals("--json") && !flag.equals("--quiet")) k++; // its value
                    continue;
                }
                args.add(a);
            }
        }
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        if (args.isEmpty()) return Path.of("out", safe);
        String digest = org.izhsim.io.RunInfo.sha256(String.join("\u0000", args).getBytes(StandardCharsets.UTF_8));
        return Path.of("out", safe + "-" + digest.substring(0, 8));
    }

    /**
     * Says where the run's files went: one line on stdout after the summary ("files in DIR: a, b"),
     * or, with --json, the files on stderr unless --quiet.
     */
    void reportWritten(List<Path> written) {
        if (written.isEmpty()) return;
        if (json) {
            if (!quiet) for (Path p : written) System.err.println("wrote " + p);
            return;
        }
        Path dir = written.getFirst().toAbsolutePath().getParent();
        StringBuilder sb = new StringBuilder("files in ").append(shown(dir)).append(':');
        for (Path p : written) {
            Path abs = p.toAbsolutePath();
            sb.append(' ').append(dir.equals(abs.getParent()) ? abs.getFileName().toString() : shown(abs));
        }
        System.out.println(sb);
    }

    /** A path relative to the current directory when it lies inside it, else absolute. */
    private static String shown(Path p) {
        Path cwd = Path.of("").toAbsolutePath();
        return p.startsWith(cwd) && !p.equals(cwd) ? cwd.relativize(p).toString() : p.toString();
    }

    /** The requested figure formats; empty for "none". */
    Set<ImageFormat> figureFormats() {
        EnumSet<ImageFormat> set = EnumSet.noneOf(ImageFormat.class);
        for (String f : figures.toLowerCase(Locale.ROOT).split(",")) {
            switch (f.trim()) {
                case "png" -> set.add(ImageFormat.PNG);
                case "svg" -> set.add(ImageFormat.SVG);
                case "none" -> { }
                default -> throw new IllegalArgumentException("unknown figure format '" + f.trim()
                        + "' in --figures; known: png, svg, none");
            }
        }
        return set;
    }
}
