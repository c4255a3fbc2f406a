package org.izhsim.cli;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.izhsim.plot.ImageFormat;
import picocli.CommandLine.Option;

/** Options every command shares: where files go, JSON on stdout, quiet, figure formats. */
final class OutputOptions {
    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out",
            description = "Directory for figures and data (created if missing; default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--json", description = "Print the result as JSON on stdout (messages go to stderr).")
    boolean json;

    @Option(names = "--quiet", description = "No progress bar and no summary on stderr.")
    boolean quiet;

    @Option(names = "--figures", paramLabel = "FORMATS", defaultValue = "png,svg",
            description = "Figure formats: png, svg, both (png,svg) or none (default: ${DEFAULT-VALUE}).")
    String figures;

    /** Lists the files a command wrote on stderr, unless --quiet. */
    void reportWritten(java.util.List<java.nio.file.Path> written) {
        if (!quiet) for (java.nio.file.Path p : written) System.err.println("wrote " + p);
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
