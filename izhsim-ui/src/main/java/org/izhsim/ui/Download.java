package org.izhsim.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.izhsim.io.Csv;
import org.izhsim.io.Npz;
import org.izhsim.io.RunInfo;
import org.izhsim.plot.Figure;
import org.izhsim.plot.FigureWriter;
import org.izhsim.plot.ImageFormat;

/**
 * A file the page downloads. Figures and tables go through the same writers as the command
 * line's outputs (izhsim-plot's {@link FigureWriter}, izhsim-io's {@link Csv} and {@link Npz}),
 * into a temporary directory and back as bytes, so a download carries the same provenance
 * (version, commit, scheme, dt, seed) as a file written by {@code izhsim neuron} or {@code net2003}.
 *
 * @param fileName    suggested name, e.g. {@code RS-trace.png}
 * @param contentType its MIME type
 * @param bytes       the content
 */
record Download(String fileName, String contentType, byte[] bytes) {

    /** The formats a download may ask for. */
    static final List<String> FORMATS = List.of("png", "svg", "csv", "npz");

    static boolean isFigure(String format) {
        return format.equals("png") || format.equals("svg");
    }

    static Download figure(Figure figure, String base, String format, Map<String, Object> provenance) {
        ImageFormat f = format.equals("svg") ? ImageFormat.SVG : ImageFormat.PNG;
        return inTemp(dir -> {
            List<Path> files = FigureWriter.write(figure, dir, base, EnumSet.of(f), RunInfo.asText(provenance));
            return new Download(base + "." + format, f == ImageFormat.SVG ? "image/svg+xml" : "image/png",
                    Files.readAllBytes(files.getFirst()));
        });
    }

    /** Columns (double[] or int[]) as CSV with {@code # key: value} metadata lines, or as .npz with the metadata as scalars. */
    static Download table(String base, String format, Map<String, Object> provenance, List<String> header, List<?> columns) {
        return inTemp(dir -> {
            if (format.equals("csv")) {
                Path p = Csv.write(dir.resolve(base + ".csv"), provenance, header, columns);
                return new Download(base + ".csv", "text/csv; charset=utf-8", Files.readAllBytes(p));
            }
            Npz npz = new Npz();
            for (int i = 0; i < header.size(); i++) {
                switch (columns.get(i)) {
                    case double[] d -> npz.put(header.get(i), d);
                    case int[] n -> npz.put(header.get(i), n);
                    default -> throw new IllegalArgumentException("column " + header.get(i) + " is not double[] or int[]");
                }
            }
            Map<String, Object> meta = new java.util.LinkedHashMap<>(provenance);
            meta.keySet().removeAll(header);
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            npz.putMetadata(meta).writeTo(bytes);
            return new Download(base + ".npz", "application/octet-stream", bytes.toByteArray());
        });
    }

    private interface InDir {
        Download make(Path dir) throws IOException;
    }

    private static Download inTemp(InDir body) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("izhsim-ui-");
            return body.make(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (dir != null) {
                try (Stream<Path> walk = Files.walk(dir)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // a leftover temporary file is harmless
                }
            }
        }
    }
}
