package org.izhsim.examples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.izhsim.io.AtomicFiles;
import org.izhsim.io.Json;
import org.izhsim.io.RunInfo;
import org.izhsim.network.BlockTiming;
import org.izhsim.plot.Figure;
import org.izhsim.plot.FigureWriter;

/** What every example writes: figures with provenance, run.json, and the summary they share. */
final class Outputs {
    private final Path dir;
    private final Example.Options options;
    private final Map<String, Object> stamped;
    private final List<Path> files = new ArrayList<>();

    /** {@code summary} gains the provenance stamp (version, commit, command, …) shared by every file. */
    Outputs(Path dir, Example example, Example.Options options, Map<String, Object> summary) {
        this.dir = dir;
        this.options = options;
        this.stamped = new LinkedHashMap<>(summary);
        stamped.putAll(RunInfo.base("example " + example.name()));
        stamped.put("reproduces", example.reproduces());
    }

    Map<String, Object> summary() {
        return stamped;
    }

    void figure(Figure f, String baseName) throws IOException {
        if (options.figures().isEmpty()) return;
        files.addAll(FigureWriter.write(f, dir, baseName, options.figures(), RunInfo.asText(stamped)));
    }

    /** A data file of the run (e.g. a CSV), written whole. */
    void data(String text, String name) throws IOException {
        files.add(AtomicFiles.writeString(dir.resolve(name), text));
    }

    /** run.json: the summary, the block timings and {@code parameters}; returns the result. */
    Example.Result finish(List<BlockTiming> blocks, Map<String, Object> parameters) throws IOException {
        List<Map<String, Object>> bl = new ArrayList<>();
        for (BlockTiming b : blocks) bl.add(b.toMap());
        stamped.put("blocks", bl);
        Map<String, Object> run = new LinkedHashMap<>(stamped);
        run.put("parameters", parameters);
        files.add(AtomicFiles.writeString(dir.resolve("run.json"), Json.write(run) + "\n"));
        return new Example.Result(stamped, files);
    }
}
