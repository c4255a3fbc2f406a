package org.izhsim.examples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.izhsim.network.ProgressListener;
import org.izhsim.plot.ImageFormat;

/** A runnable example: a name, one line saying what it shows, what it reproduces, and the run. */
public interface Example {

    /** The name on the command line, e.g. "sornsim-izhikevich". */
    String name();

    /** One line for {@code izhsim example --list}. */
    String description();

    /** The paper or program it reproduces. */
    String reproduces();

    /**
     * Runs the example and writes its figures and data into {@code outDir} (an existing
     * directory; callers that want all-or-nothing output pass a staging directory).
     */
    Result run(Path outDir, Options options) throws IOException;

    /**
     * @param seed     the seed of every random stream
     * @param threads  worker threads (results are the same for any count)
     * @param figures  figure formats to write (empty: none)
     * @param progress told about progress, or null
     */
    record Options(long seed, int threads, Set<ImageFormat> figures, ProgressListener progress) {
        public Options {
            if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
            figures = Set.copyOf(Objects.requireNonNull(figures, "figures"));
        }
    }

    /**
     * @param summary what the run found, JSON-ready (seed, scheme, dt, rates, timing, …), with
     *                the provenance of {@link org.izhsim.io.RunInfo}
     * @param files   the files written, in order
     */
    record Result(Map<String, Object> summary, List<Path> files) {
        public Result {
            summary = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(summary));
            files = List.copyOf(files);
        }
    }
}
