package org.izhsim.io.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.izhsim.io.NpzReader;
import org.izhsim.io.TextFiles;

/**
 * Arrays a model file takes from a data file beside it (spike times of a generator, an explicit
 * connection list): a {@code .npz} with arrays of the given names, or a {@code .csv} whose
 * header row names the columns ({@code #} lines are comments). Paths are relative to the model
 * file; every refusal names the file and the key that points at it.
 */
final class DataFiles {
    private DataFiles() {}

    /**
     * The columns {@code required} (each must be present) and those of {@code optional} the file
     * has, all of one length, by name.
     */
    static Map<String, double[]> columns(YamlNode fileNode, Context ctx, List<String> required, List<String> optional) {
        String written = Fields.string(fileNode);
        Path path = ctx.equations().dir().resolve(written).normalize();
        Map<String, double[]> out;
        try {
            if (written.endsWith(".npz")) out = npz(path, required, optional);
            else if (written.endsWith(".csv")) out = csv(path, required, optional);
            else throw new IllegalArgumentException("'" + written + "' is neither .npz nor .csv");
        } catch (IOException | IllegalArgumentException e) {
            throw ModelFileException.at(fileNode, path + ": " + e.getMessage()
                    + (Files.exists(path) ? "" : " (paths are relative to the model file)"));
        }
        int n = -1;
        for (Map.Entry<String, double[]> c : out.entrySet()) {
            if (n >= 0 && c.getValue().length != n) {
                throw ModelFileException.at(fileNode, path + ": column '" + c.getKey() + "' has " + c.getValue().length
                        + " values, the others " + n);
            }
            n = c.getValue().length;
        }
        return out;
    }

    /** Column {@code name} as whole numbers, each checked. */
    static int[] ints(YamlNode fileNode, String name, double[] xs) {
        int[] out = new int[xs.length];
        for (int i = 0; i < xs.length; i++) {
            if (xs[i] != Math.rint(xs[i]) || Math.abs(xs[i]) > Integer.MAX_VALUE) {
                throw ModelFileException.at(fileNode, "column '" + name + "' row " + i + ": expected a whole number, got " + xs[i]);
            }
            out[i] = (int) xs[i];
        }
        return out;
    }

    private static Map<String, double[]> npz(Path path, List<String> required, List<String> optional) throws IOException {
        Map<String, double[]> out = new LinkedHashMap<>();
        try (NpzReader r = NpzReader.open(path)) {
            for (String name : required) {
                if (!r.has(name)) throw new IllegalArgumentException("no array '" + name + "'; it has " + String.join(", ", r.names())
                        + "; needed: " + String.join(", ", required));
                out.put(name, r.doubles(name));
            }
            for (String name : optional) if (r.has(name)) out.put(name, r.doubles(name));
        }
        return out;
    }

    private static Map<String, double[]> csv(Path path, List<String> required, List<String> optional) {
        String text = new String(TextFiles.read(path, "data file").bytes(), StandardCharsets.UTF_8);
        List<String> header = null;
        List<List<Double>> cols = new ArrayList<>();
        int lineNo = 0;
        for (String line : text.split("\r?\n")) {
            lineNo++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) continue;
            String[] f = t.split(",", -1);
            if (header == null) {
                header = new ArrayList<>();
                for (String h : f) {
                    header.add(h.strip());
                    cols.add(new ArrayList<>());
                }
                continue;
            }
            if (f.length != header.size()) {
                throw new IllegalArgumentException("line " + lineNo + " has " + f.length + " fields, the header " + header.size());
            }
            for (int j = 0; j < f.length; j++) {
                double x;
                try {
                    x = Double.parseDouble(f[j].strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("line " + lineNo + ", column '" + header.get(j) + "': not a number: '" + f[j] + "'");
                }
                if (!Double.isFinite(x)) throw new IllegalArgumentException("line " + lineNo + ", column '" + header.get(j) + "': " + x);
                cols.get(j).add(x);
            }
        }
        if (header == null) throw new IllegalArgumentException("no header row; needed: " + String.join(",", required));
        Map<String, double[]> out = new LinkedHashMap<>();
        for (String name : required) {
            if (!header.contains(name)) throw new IllegalArgumentException("no column '" + name + "'; the header is "
                    + String.join(",", header) + "; needed: " + String.join(",", required));
        }
        List<String> wanted = new ArrayList<>(required);
        wanted.addAll(optional);
        for (String name : wanted) {
            int j = header.indexOf(name);
            if (j < 0) continue;
            List<Double> c = cols.get(j);
            double[] xs = new double[c.size()];
            for (int i = 0; i < xs.length; i++) xs[i] = c.get(i);
            out.put(name, xs);
        }
        return out;
    }
}
