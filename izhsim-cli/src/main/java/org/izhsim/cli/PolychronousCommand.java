package org.izhsim.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.izhsim.analysis.polychronous.GroupStatistics;
import org.izhsim.analysis.polychronous.PolychronousGroup;
import org.izhsim.analysis.polychronous.PolychronousSearch;
import org.izhsim.analysis.polychronous.SearchParams;
import org.izhsim.analysis.polychronous.SynapseSnapshot;
import org.izhsim.io.AtomicFiles;
import org.izhsim.io.Csv;
import org.izhsim.io.Json;
import org.izhsim.io.RunInfo;
import org.izhsim.plot.FigureWriter;
import org.izhsim.plot.Figures;
import org.izhsim.plot.ImageFormat;
import org.izhsim.run.NetworkRun;
import org.izhsim.run.Spelling;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code izhsim polychronous}: the polychronous groups of a weight snapshot, found as
 * Izhikevich's polychron.m does (definitions in {@code org.izhsim.analysis.polychronous}).
 */
@Command(name = "polychronous", mixinStandardHelpOptions = true,
        header = "Polychronous groups of a weight snapshot, as polychron.m.",
        description = {"Polychronous groups in a weight snapshot (.npz: pre, post, delay_ms, w; ne, ni, sm),",
                "found as Izhikevich's polychron.m finds them. Every combination of anchor-width strong",
                "inputs (w > 0.95 sm) of an excitatory neuron is fired so that its PSPs coincide, the silent",
                "network is simulated, and the cascade is a group if its longest path has at least",
                "min-path links and every anchor starts two of them.",
                "Writes groups.json, groups.csv and a drawing of one group (time x neuron, spikes, links)."},
        footer = {"", "The definitions are in docs/polychronous.md.", "", "Examples:",
                "  izhsim polychronous out/weights-3600s.npz --threads 2",
                "  izhsim polychronous weights.npz --shuffle-control --draw 0 --json"})
final class PolychronousCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE.npz", description = "The weight snapshot.")
    Path file;

    @Mixin
    OutputOptions output;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores). Groups are identical for every count.")
    Integer threads;

    @Option(names = "--min-path", paramLabel = "LINKS", defaultValue = "7", description = "Shortest accepted longest path, in links (default: ${DEFAULT-VALUE}).")
    int minPath;

    @Option(names = "--anchor-width", paramLabel = "N", defaultValue = "3", description = "Anchor neurons per group (default: ${DEFAULT-VALUE}).")
    int anchorWidth;

    @Option(names = "--window", paramLabel = "MS", defaultValue = "10",
            description = "A PSP that arrived in the last MS ms before a spike is a link (default: ${DEFAULT-VALUE}).")
    int window;

    @Option(names = "--max-length", paramLabel = "MS", defaultValue = "150",
            description = "Simulate each group for MS ms from its first anchor spike (default: ${DEFAULT-VALUE}).")
    int maxLength;

    @Option(names = "--shuffle-control", description = "Also search the snapshot with its exc->exc weights shuffled (polychron.m's control).")
    boolean shuffleControl;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "1", description = "Seed of the control's shuffle (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--draw", paramLabel = "K", description = "Draw group K (0-based, the order of groups.json; default: the one with the longest path).")
    Integer draw;

    @Option(names = "--ne", paramLabel = "N", description = "Excitatory neurons (numbered first), if the file has no 'ne'.")
    Integer ne;

    @Option(names = "--ni", paramLabel = "N", description = "Inhibitory neurons, if the file has no 'ni' (default: the largest index + 1 - ne).")
    Integer ni;

    @Option(names = "--sm", paramLabel = "MV", description = "Largest excitatory weight [mV], if the file has no 'sm' (default: spnet's 10).")
    Double sm;

    @Override
    public Integer call() throws Exception {
        int nThreads = NetworkRun.threads(threads, Spelling.OPTIONS);
        Set<ImageFormat> formats = output.figureFormats();
        if (draw != null && draw < 0) throw new IllegalArgumentException("--draw must be a group number >= 0, got " + draw);
        Path outDir = output.dir("polychronous-" + NeuronCommand.baseName(file));
        if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
            throw new IllegalArgumentException("--out " + outDir + " exists and is not a directory");
        }
        SearchParams params = params();
        WeightSnapshotFile.Loaded loaded = WeightSnapshotFile.read(file, ne, ni, sm);
        SynapseSnapshot snap = loaded.snapshot();
        PolychronousSearch.combinations(snap, params);
        long t0 = System.nanoTime();
        PolychronousSearch.Result res = search("polychronous", snap, params, nThreads);
        double searchS = (System.nanoTime() - t0) / 1e9;
        PolychronousSearch.Result control = null;
        double controlS = 0;
        if (shuffleControl) {
            t0 = System.nanoTime();
            control = search("control", snap.withShuffledExcExcWeights(seed), params, nThreads);
            controlS = (System.nanoTime() - t0) / 1e9;
        }
        List<PolychronousGroup> groups = res.groups();
        Integer drawn = chooseDrawn(groups);
        Map<String, Object> summary = summary(loaded, params, res, searchS, control, controlS, nThreads, drawn);
        List<Path> written;
        try (OutputStage stage = new OutputStage(outDir)) {
            writeGroups(stage, "groups", summary, groups, params);
            if (control != null) writeGroups(stage, "groups-control", summary, control.groups(), params);
            if (drawn != null && !formats.isEmpty()) {
                PolychronousGroup g = groups.get(drawn);
                String title = String.format(Locale.ROOT, "polychronous group %d: mother %d, anchors %s; %d neurons, path %d, %d ms",
                        drawn, g.mother(), join(g.anchors()), g.size(), g.longestPath(), g.timeSpanMs());
                FigureWriter.write(Figures.polychronousGroup(title, g, snap.n(), snap.ne()), stage.dir(), "group-" + drawn,
                        formats, Plots.provenance(summary));
            }
            written = stage.commit();
        }
        if (output.json) {
            System.out.println(Json.write(summary));
        } else {
            report(snap, params, res, control, drawn);
        }
        output.reportWritten(written);
        return 0;
    }

    private SearchParams params() {
        if (anchorWidth < 1 || anchorWidth > 8) throw new IllegalArgumentException("--anchor-width must be in [1, 8], got " + anchorWidth);
        if (minPath < 1) throw new IllegalArgumentException("--min-path must be at least 1 link, got " + minPath);
        if (window < 1) throw new IllegalArgumentException("--window must be at least 1 ms, got " + window);
        if (maxLength < 1 || maxLength > SearchParams.MAX_LENGTH_MS) {
            throw new IllegalArgumentException("--max-length must be in [1, " + SearchParams.MAX_LENGTH_MS + "] ms, got " + maxLength);
        }
        return SearchParams.SPNET.withAnchorWidth(anchorWidth).withMinPath(minPath).withWindowMs(window).withMaxLengthMs(maxLength);
    }

    private PolychronousSearch.Result search(String label, SynapseSnapshot snap, SearchParams params, int nThreads)
            throws InterruptedException {
        try (ProgressBar bar = new ProgressBar(label, output.quiet)) {
            return PolychronousSearch.find(snap, params, nThreads, (done, total, found) -> bar.update((double) done / total,
                    () -> String.format(Locale.ROOT, "%,d of %,d anchor combinations, %,d groups", done, total, found)));
        }
    }

    /** --draw's group, or the one with the longest path; null (with a warning for --draw) when there is none. */
    private Integer chooseDrawn(List<PolychronousGroup> groups) {
        if (draw != null) {
            if (draw < groups.size()) return draw;
            System.err.println("izhsim polychronous: --draw " + draw + ": only " + groups.size() + " groups found; no group drawn");
            return null;
        }
        if (groups.isEmpty()) return null;
        return IntStream.range(0, groups.size()).boxed()
                .reduce((a, b) -> groups.get(b).longestPath() > groups.get(a).longestPath() ? b : a).orElseThrow();
    }

    private Map<String, Object> summary(WeightSnapshotFile.Loaded loaded, SearchParams p, PolychronousSearch.Result res,
                                        double searchS, PolychronousSearch.Result control, double controlS, int nThreads,
                                        Integer drawn) {
        SynapseSnapshot s = loaded.snapshot();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", file.toString());
        m.put("n", s.n());
        m.put("ne", s.ne());
        m.put("ni", s.n() - s.ne());
        m.put("sm", s.sm());
        m.put("sizes_from", Map.of("ne", loaded.neFrom(), "n", loaded.nFrom(), "sm", loaded.smFrom()));
        m.put("synapses", s.synapseCount());
        m.put("strong_synapses", res.strongSynapses());
        m.put("mothers", res.mothers());
        m.put("combinations", res.combinations());
        m.put("params", params(p, s.sm()));
        m.put("groups", stats(GroupStatistics.of(res.groups())));
        if (control != null) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("shuffle", "exc->exc weights permuted among the exc->exc synapses");
            c.put("seed", seed);
            c.put("strong_synapses", control.strongSynapses());
            c.put("mothers", control.mothers());
            c.put("combinations", control.combinations());
            c.put("groups", stats(GroupStatistics.of(control.groups())));
            c.put("search_s", controlS);
            m.put("control", c);
        }
        m.put("drawn_group", drawn);
        m.put("threads", nThreads);
        m.put("search_s", searchS);
        m.putAll(RunInfo.base("polychronous"));
        return m;
    }

    private static Map<String, Object> params(SearchParams p, double sm) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("anchor_width", p.anchorWidth());
        m.put("strong_threshold_mV", p.strongFraction() * sm);
        m.put("min_path", p.minPath());
        m.put("window_ms", p.windowMs());
        m.put("max_length_ms", p.maxLengthMs());
        m.put("v0_mV", p.v0());
        m.put("anchor_input", p.anchorInput());
        m.put("exc", Map.of("a", p.aExc(), "b", p.b(), "c", p.c(), "d", p.dExc()));
        m.put("inh", Map.of("a", p.aInh(), "b", p.b(), "c", p.c(), "d", p.dInh()));
        m.put("scheme", "netm: 1-ms steps, two 0.5-ms half-steps for v, u from the new v");
        return m;
    }

    private static Map<String, Object> stats(GroupStatistics st) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", st.count());
        m.put("size", dist(st.size()));
        m.put("longest_path", dist(st.longestPath()));
        m.put("time_span_ms", dist(st.timeSpanMs()));
        return m;
    }

    private static Map<String, Object> dist(GroupStatistics.Distribution d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("min", d.min());
        m.put("max", d.max());
        m.put("mean", d.mean());
        m.put("median", d.median());
        m.put("values", IntStream.range(0, d.counts().length).map(i -> d.min() + i).toArray());
        m.put("counts", d.counts());
        return m;
    }

    private void writeGroups(OutputStage stage, String name, Map<String, Object> summary, List<PolychronousGroup> groups,
                             SearchParams p) throws java.io.IOException {
        List<Object> list = new ArrayList<>();
        for (PolychronousGroup g : groups) list.add(group(g));
        Map<String, Object> doc = new LinkedHashMap<>(summary);
        doc.put("group_list", name.equals("groups") ? "the snapshot's groups" : "the control's groups (exc->exc weights shuffled)");
        doc.put("group_fields", "spikes: t_ms from the first anchor spike, neuron, layer (links from an anchor); links: pre_spike and "
                + "post_spike index the spikes, pre and post are neurons, synapse indexes the snapshot's arrays");
        doc.put("group_records", list);
        AtomicFiles.writeString(stage.file(name + ".json"), Json.write(doc) + "\n");
        int w = p.anchorWidth(), count = groups.size();
        List<String> header = new ArrayList<>(List.of("group", "mother"));
        List<Object> columns = new ArrayList<>();
        columns.add(IntStream.range(0, count).toArray());
        columns.add(groups.stream().mapToInt(PolychronousGroup::mother).toArray());
        for (int a = 0; a < w; a++) {
            int aa = a;
            header.add("anchor_" + (a + 1));
            columns.add(groups.stream().mapToInt(g -> g.anchors()[aa]).toArray());
        }
        header.addAll(List.of("size", "spikes", "links", "longest_path", "time_span_ms"));
        columns.add(groups.stream().mapToInt(PolychronousGroup::size).toArray());
        columns.add(groups.stream().mapToInt(PolychronousGroup::spikeCount).toArray());
        columns.add(groups.stream().mapToInt(PolychronousGroup::linkCount).toArray());
        columns.add(groups.stream().mapToInt(PolychronousGroup::longestPath).toArray());
        columns.add(groups.stream().mapToInt(PolychronousGroup::timeSpanMs).toArray());
        Map<String, Object> meta = new LinkedHashMap<>(RunInfo.asText(summary));
        Csv.write(stage.file(name + ".csv"), meta, header, columns);
    }

    private static Map<String, Object> group(PolychronousGroup g) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mother", g.mother());
        m.put("anchors", g.anchors());
        m.put("anchor_synapses", g.anchorSynapses());
        m.put("size", g.size());
        m.put("longest_path", g.longestPath());
        m.put("time_span_ms", g.timeSpanMs());
        m.put("spikes", Map.of("t_ms", g.spikeTimeMs(), "neuron", g.spikeNeuron(), "layer", g.spikeLayer()));
        int[] pre = IntStream.of(g.linkPre()).map(i -> g.spikeNeuron()[i]).toArray();
        int[] post = IntStream.of(g.linkPost()).map(i -> g.spikeNeuron()[i]).toArray();
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("pre_spike", g.linkPre());
        links.put("post_spike", g.linkPost());
        links.put("pre", pre);
        links.put("post", post);
        links.put("delay_ms", g.linkDelayMs());
        links.put("synapse", g.linkSynapse());
        m.put("links", links);
        return m;
    }

    private void report(SynapseSnapshot s, SearchParams p, PolychronousSearch.Result res, PolychronousSearch.Result control,
                        Integer drawn) {
        System.out.printf(Locale.ROOT, "%s: %d neurons (%d excitatory), %d synapses, %d strong exc->exc (w > %s mV); "
                        + "%d neurons with >= %d strong inputs, %,d anchor combinations%n", file, s.n(), s.ne(), s.synapseCount(),
                res.strongSynapses(), NeuronCommand.fmt(p.strongFraction() * s.sm()), res.mothers(), p.anchorWidth(),
                res.combinations());
        System.out.println("groups: " + line(GroupStatistics.of(res.groups())));
        if (control != null) {
            System.out.println("control (exc->exc weights shuffled, seed " + seed + "): " + line(GroupStatistics.of(control.groups())));
        }
        if (drawn != null) {
            PolychronousGroup g = res.groups().get(drawn);
            System.out.printf(Locale.ROOT, "drew group %d: mother %d, anchors %s, %d neurons, path %d, %d ms%n", drawn, g.mother(),
                    join(g.anchors()), g.size(), g.longestPath(), g.timeSpanMs());
        }
    }

    private static String line(GroupStatistics st) {
        if (st.count() == 0) return "0";
        return String.format(Locale.ROOT, "%d; size %s neurons, longest path %s links, time span %s ms", st.count(),
                range(st.size()), range(st.longestPath()), range(st.timeSpanMs()));
    }

    private static String range(GroupStatistics.Distribution d) {
        return "median " + NeuronCommand.fmt(d.median()) + " (" + d.min() + "-" + d.max() + ")";
    }

    private static String join(int[] xs) {
        return String.join(", ", IntStream.of(xs).mapToObj(Integer::toString).toList());
    }
}
