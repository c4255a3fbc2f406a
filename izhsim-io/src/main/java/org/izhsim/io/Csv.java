package org.izhsim.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes columns of numbers as CSV: optional {@code # key: value} metadata lines (as NEST's
 * ASCII recorders do; read with {@code pandas.read_csv(f, comment='#')} or
 * {@code numpy.genfromtxt(f, delimiter=',', names=True, skip_header=n)}, n the number of
 * comment lines), one header row, then one row per sample. Numbers
 * use Java's shortest round-trip representation, so values read back bit for bit.
 */
public final class Csv {
    private Csv() {}

    /**
     * @param metadata written as comment lines first (may be empty)
     * @param header   column names
     * @param columns  equal-length columns, each double[] or int[]
     */
    public static Path write(Path target, Map<String, ?> metadata, List<String> header, List<?> columns) throws IOException {
        if (header.size() != columns.size()) throw new IllegalArgumentException("header and columns differ in length");
        int rows = columns.isEmpty() ? 0 : length(columns.getFirst());
        for (Object c : columns) {
            if (length(c) != rows) throw new IllegalArgumentException("CSV columns differ in length");
        }
        return AtomicFiles.write(target, out -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            for (Map.Entry<String, ?> e : metadata.entrySet()) {
                Object v = e.getValue();
                w.write("# " + e.getKey() + ": " + (v instanceof String || v instanceof Number ? v : Json.write(v)));
                w.newLine();
            }
            w.write(String.join(",", header));
            w.newLine();
            StringBuilder sb = new StringBuilder(64);
            for (int r = 0; r < rows; r++) {
                sb.setLength(0);
                for (int c = 0; c < columns.size(); c++) {
                    if (c > 0) sb.append(',');
                    Object col = columns.get(c);
                    if (col instanceof double[] d) sb.append(d[r]);
                    else sb.append(((int[]) col)[r]);
                }
                w.write(sb.toString());
                w.newLine();
            }
            w.flush();
        });
    }

    private static int length(Object column) {
        return switch (column) {
            case double[] d -> d.length;
            case int[] i -> i.length;
            default -> throw new IllegalArgumentException("CSV columns must be double[] or int[]");
        };
    }
}
