package org.izhsim.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.izhsim.io.Csv;
import org.izhsim.io.Json;
import org.izhsim.io.Npz;
import org.izhsim.plot.ImageFormat;
import org.izhsim.spnet.SpnetConfig;
import org.izhsim.spnet.SpnetNetwork;

/** The files of {@code izhsim spnet}: per-second statistics, weight snapshot, recorded spikes, figures. */
final class SpnetOutputs {
    /** The spectrum figure averages the periodograms of this many last seconds. */
    static final int SPECTRUM_SECONDS = 10;

    private SpnetOutputs() {
    }

    /** Which data files to write. */
    record Data(boolean npz, boolean csv, boolean json) {
        static Data parse(String text) {
            boolean npz = false, csv = false, json = false;
            for (String raw : text.toLowerCase(Locale.ROOT).split(",")) {
                switch (raw.trim()) {
                    case "npz" -> npz = true;
                    case "csv" -> csv = true;
                    case "json" -> json = true;
                    case "all" -> npz = csv = json = true;
                    case "none" -> { }
                    default -> throw new IllegalArgumentException("unknown data format '" + raw.trim() + "' in --data; known: npz, csv, json, all, none");
                }
            }
            return new Data(npz, csv, json);
        }
    }

    /** Model seconds (1-based) given as ranges "A-B,C". */
    record SecondSet(TreeSet<Long> seconds) {
        static SecondSet parse(String text, long first, long last) {
            TreeSet<Long> out = new TreeSet<>();
            if (text == null || text.isBlank() || text.trim().equals("none")) return new SecondSet(out);
            for (String raw : text.split(",")) {
                String part = raw.trim();
                int dash = part.indexOf('-', 1);
                long a = number(dash < 0 ? part : part.substring(0, dash)), b = dash < 0 ? a : number(part.substring(dash + 1));
                if (b < a) throw new IllegalArgumentException("--record-spikes: range '" + part + "' runs backwards");
                if (a <= first || b > last) {
                    throw new IllegalArgumentException("--record-spikes: '" + part + "' is outside the seconds this run computes, "
                            + (first + 1) + "-" + last);
                }
                for (long s = a; s <= b; s++) out.add(s);
            }
            return new SecondSet(out);
        }

        private static long number(String t) {
            try {
                return Long.parseLong(t.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--record-spikes: '" + t.trim() + "' is not a model second; give e.g. 1-10,3600");
            }
        }

        boolean contains(long s) {
            return seconds.contains(s);
        }
    }

    /** The spikes to write (recorded seconds) and those of the last seconds (for the figures). */
    static final class Spikes {
        private final List<SpnetNetwork.Second> recorded = new ArrayList<>();
        private final java.util.ArrayDeque<SpnetNetwork.Second> last = new java.util.ArrayDeque<>();

        void add(SpnetNetwork.Second s, boolean record) {
            if (s.tMs() == null) return;
            if (record) recorded.add(s);
            last.addLast(s);
            if (last.size() > SPECTRUM_SECONDS) last.removeFirst();
        }
    }

    static void write(OutputStage stage, Data data, Set<ImageFormat> formats, Map<String, Object> summary, SpnetConfig cfg,
                      List<SpnetNetwork.Second> per, Spikes spikes, SpnetNetwork.Synapses syn, long first) throws IOException {
        Map<String, Object> meta = new java.util.LinkedHashMap<>(summary);
        meta.remove("per_second");
        if (data.json()) org.izhsim.io.AtomicFiles.writeString(stage.file("per_second.json"), Json.write(summary) + "\n");
        if (data.csv()) perSecondCsv(stage, meta, per);
        if (data.npz()) {
            new Npz().put("pre", syn.pre()).put("post", syn.post()).put("delay_ms", syn.delayMs()).put("w", syn.w()).put("sd", syn.sd())
                    .putScalar("ne", cfg.ne()).putScalar("ni", cfg.ni()).putScalar("sm", cfg.sm()).putMetadata(meta)
                    .write(stage.file("weights.npz"));
            if (!spikes.recorded.isEmpty()) {
                int total = 0;
                for (SpnetNetwork.Second s : spikes.recorded) total += s.tMs().length;
                long[] t = new long[total];
                int[] i = new int[total];
                int k = 0;
                for (SpnetNetwork.Second s : spikes.recorded) {
                    System.arraycopy(s.tMs(), 0, t, k, s.tMs().length);
                    System.arraycopy(s.neuron(), 0, i, k, s.neuron().length);
                    k += s.tMs().length;
                }
                long[] secs = spikes.recorded.stream().mapToLong(SpnetNetwork.Second::tS).toArray();
                new Npz().put("t_ms", t).put("i", i).put("seconds", secs).putMetadata(meta).write(stage.file("spikes.npz"));
            }
        }
        if (!formats.isEmpty()) SpnetFigures.write(stage, formats, Plots.provenance(summary), cfg, per, List.copyOf(spikes.last));
    }

    private static void perSecondCsv(OutputStage stage, Map<String, Object> meta, List<SpnetNetwork.Second> per) throws IOException {
        int n = per.size();
        List<String> header = new ArrayList<>(List.of("t_s", "rate_hz", "rate_exc_hz", "rate_inh_hz", "mean_exc_w", "frac_exc_w_above_9"));
        List<Object> cols = new ArrayList<>();
        int[] t = new int[n];
        double[][] x = new double[5][n];
        int[][] h = new int[SpnetNetwork.HIST_BINS][n];
        for (int k = 0; k < n; k++) {
            SpnetNetwork.Second s = per.get(k);
            t[k] = Math.toIntExact(s.tS());
            x[0][k] = s.rateHz();
            x[1][k] = s.rateExcHz();
            x[2][k] = s.rateInhHz();
            x[3][k] = s.meanExcW();
            x[4][k] = s.fracExcWAbove9();
            for (int b = 0; b < h.length; b++) h[b][k] = Math.toIntExact(s.hist()[b]);
        }
        cols.add(t);
        cols.addAll(Arrays.asList(x));
        for (int b = 0; b < h.length; b++) {
            header.add("hist_" + b);
            cols.add(h[b]);
        }
        Csv.write(stage.file("per_second.csv"), meta, header, cols);
    }
}
