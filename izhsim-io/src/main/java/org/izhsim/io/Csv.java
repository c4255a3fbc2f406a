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
            w.flush();
            // the rows go out as ASCII bytes, a buffer at a time: a million spikes are a
            // million lines, and a String per line would cost more than the numbers
            byte[] buf = new byte[1 << 16];
            int n = 0;
            StringBuilder sb = new StringBuilder(32);
            String eol = System.lineSeparator();
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < columns.size(); c++) {
                    // room for a comma, the longest number (Double.toString: 24 characters) and the line end
                    if (n > buf.length - 64) {
                        out.write(buf, 0, n);
                        n = 0;
                    }
                    if (c > 0) buf[n++] = ',';
                    Object col = columns.get(c);
                    if (col instanceof double[] d) {
                        n = putDouble(d[r], buf, n, sb);
                    } else {
                        n = putLong(((int[]) col)[r], buf, n);
                    }
                }
                for (int i = 0; i < eol.length(); i++) buf[n++] = (byte) eol.charAt(i);
            }
            out.write(buf, 0, n);
        });
    }

    /** Double.toString(x) as ASCII: whole numbers below 10^7 (Java's plain-notation range) directly, others via the JDK. */
    static int putDouble(double x, byte[] buf, int n, StringBuilder sb) {
        if (x == Math.rint(x) && Math.abs(x) < 1e7 && (x != 0 || 1 / x > 0)) {
            n = putLong((long) x, buf, n);
            buf[n++] = '.';
            buf[n++] = '0';
            return n;
        }
        sb.setLength(0);
        sb.append(x);
        for (int i = 0; i < sb.length(); i++) buf[n++] = (byte) sb.charAt(i);
        return n;
    }

    static int putLong(long v, byte[] buf, int n) {
        if (v < 0) {
            buf[n++] = '-';
            v = -v;
        }
        int start = n;
        do {
            buf[n++] = (byte) ('0' + v % 10);
            v /= 10;
        } while (v != 0);
        for (int i = start, j = n - 1; i < j; i++, j--) {
            byte t = buf[i];
            buf[i] = buf[j];
            buf[j] = t;
        }
        return n;
    }

    private static int length(Object column) {
        return switch (column) {
            case double[] d -> d.length;
            case int[] i -> i.length;
            default -> throw new IllegalArgumentException("CSV columns must be double[] or int[]");
        };
    }
}
