package org.izhsim.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.izhsim.examples.Example;
import org.izhsim.examples.Examples;
import org.izhsim.io.Json;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code izhsim example}: lists the bundled examples or runs one. */
@Command(name = "example", mixinStandardHelpOptions = true,
        header = "The bundled examples: --list shows them, NAME runs one.",
        description = {"The bundled examples (izhsim-examples): --list shows them, NAME runs one and writes its",
                "figures, data and run.json to --out."},
        footer = {"", "Examples:", "  izhsim example --list", "  izhsim example sornsim-izhikevich --out out/sornsim",
                "  izhsim example homeostasis --seed 3 --threads 2 --json"})
final class ExampleCommand implements Callable<Integer> {
    @Mixin
    OutputOptions output;

    @Parameters(arity = "0..1", paramLabel = "NAME", description = "The example to run (see --list).")
    String name;

    @Option(names = "--list", description = "List the examples, one line each.")
    boolean list;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", description = "Worker threads (default: all cores). Results are identical for every count.")
    Integer threads;

    @Override
    public Integer call() throws IOException {
        if (list || name == null) {
            if (!list) throw new IllegalArgumentException("name an example or use --list; known: " + Examples.names());
            printList();
            return 0;
        }
        Example example = Examples.byName(name);
        int nThreads = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (nThreads < 1) throw new IllegalArgumentException("--threads must be at least 1, got " + nThreads);
        var formats = output.figureFormats();
        long wall0 = System.nanoTime();
        Example.Result result;
        List<Path> written;
        try (OutputStage stage = new OutputStage(output.dir("example-" + name));
             ProgressBar bar = new ProgressBar("example " + name, output.quiet)) {
            result = example.run(stage.dir(), new Example.Options(seed, nThreads, formats,
                    (f, n) -> bar.update(f, org.izhsim.run.Net2003Options.counted(n, "spike"))));
            written = stage.commit();
        }
        Map<String, Object> summary = new LinkedHashMap<>(result.summary());
        summary.put("wall_s", (System.nanoTime() - wall0) / 1e9);
        if (output.json) {
            System.out.println(Json.write(summary));
        } else {
            System.out.println(example.name() + ": " + example.description());
            System.out.println("reproduces " + example.reproduces());
            for (Map.Entry<String, Object> e : summary.entrySet()) {
                if (e.getValue() instanceof List<?> blocks) {
                    System.out.println(e.getKey() + ":");
                    for (Object b : blocks) System.out.println("  " + b);
                } else if (!e.getKey().equals("example") && !e.getKey().equals("reproduces")) {
                    System.out.println(e.getKey() + " = " + e.getValue());
                }
            }
        }
        output.reportWritten(written);
        return 0;
    }

    private void printList() {
        if (output.json) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Example e : Examples.ALL) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", e.name());
                m.put("description", e.description());
                m.put("reproduces", e.reproduces());
                rows.add(m);
            }
            System.out.println(Json.write(Map.of("examples", rows)));
            return;
        }
        int w = Examples.ALL.stream().mapToInt(e -> e.name().length()).max().orElse(0);
        for (Example e : Examples.ALL) System.out.printf(Locale.ROOT, "%-" + w + "s  %s%n", e.name(), e.description());
    }
}
