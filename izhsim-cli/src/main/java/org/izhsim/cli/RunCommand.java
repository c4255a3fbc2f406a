package org.izhsim.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.izhsim.io.model.ModelFile;
import org.izhsim.plot.ImageFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code izhsim run}: the main job. With a model file it runs the network the file describes
 * (docs/model-files.md); without one, Izhikevich's 2003 network with net2003's options.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        header = "Run a network from a model file (YAML, TOML), or net2003's.",
        description = {"Run a simulation and write its figures and data into ./out (or --out).",
                "MODEL is a model file (YAML, or TOML if it ends in .toml; reference: docs/model-files.md); "
                        + "--seed, --threads, --duration, --blocks, --out, --figures, --json and --quiet override the file.",
                "Without a model file: Izhikevich's 2003 network (as 'izhsim net2003'), all options as there."},
        footer = {"", "Examples:", "  izhsim run", "  izhsim run --duration 2000 --seed 7",
                "  izhsim run examples/models/sornsim.yaml", "  izhsim run examples/models/net2003-equations.yaml", "  izhsim run examples/models/sparse100k.yaml --duration 100 --threads 2",
                "  izhsim run --data nwb,npz,csv --record v,u --record-neurons 0,1,800"})
final class RunCommand extends NetworkCommand {
    /** Options of the built-in network that a model file sets itself. */
    private static final List<String> NET2003_ONLY = List.of("--ne", "--ni", "--dt", "--scheme", "--connectivity", "--k",
            "--trace-neuron", "--equations");

    @Parameters(arity = "0..1", paramLabel = "MODEL", description = "A model file (YAML, or TOML if it ends in .toml); without one, the 2003 network.")
    Path model;

    @Spec
    CommandSpec spec;

    @Override
    String commandName() {
        return "run";
    }

    @Override
    String placeName() {
        return "run-" + (model == null ? "net2003" : NeuronCommand.baseName(model));
    }

    @Override
    public Integer call() throws IOException {
        if (model == null) return super.call();
        ParseResult given = spec.commandLine().getParseResult();
        for (String o : NET2003_ONLY) {
            if (given.hasMatchedOption(o)) {
                throw new IllegalArgumentException(o + " does not apply to a model file (" + model
                        + "); set it in the file. Options that override the file: --seed, --threads, --duration, --blocks, "
                        + "--out, --figures, --data, --record*, --json, --quiet");
            }
        }
        ModelFile mf = ModelFile.load(model, new ModelFile.Overrides(
                given.hasMatchedOption("--seed") ? seed : null,
                given.hasMatchedOption("--duration") ? duration : null,
                given.hasMatchedOption("--threads") ? threads : null), org.izhsim.codegen.KernelCompiler.INSTANCE,
                org.izhsim.codegen.SynapseKernelCompiler.INSTANCE);
        // as net2003's: the JIT compiles the step loops on a small copy during the build, not in the timed run
        warmUpSample = org.izhsim.network.WarmUpSample.of(mf.network(), org.izhsim.network.WarmUpSample.NEURONS);
        Path outDir = given.hasMatchedOption("--out") || mf.outputs().dir() == null ? output.dir(placeName()) : mf.outputs().dir();
        Set<ImageFormat> formats;
        if (given.hasMatchedOption("--figures")) {
            formats = output.figureFormats();
        } else {
            formats = java.util.EnumSet.noneOf(ImageFormat.class);
            for (String f : mf.outputs().figures()) formats.add(ImageFormat.valueOf(f.toUpperCase(Locale.ROOT)));
        }
        Map<String, Object> head = new LinkedHashMap<>();
        head.put("model", mf.name());
        head.put("model_file", mf.file());
        head.put("model_sha256", mf.sha256());
        head.put("neurons", mf.network().neuronCount());
        int traceGlobal = mf.network().offset(mf.traceGroup()) + mf.traceNeuron();
        String title = String.format(Locale.ROOT, "%s, %d neurons, scheme %s, dt %s ms, seed %d", mf.name(),
                mf.network().neuronCount(), mf.network().scheme().id(), NeuronCommand.fmt(mf.network().dt()), mf.network().seed());
        return execute(new Job(title, mf.network(), mf.spikes(), mf.trace(), traceGlobal, mf.durationMs(),
                mf.threads(), blocks, head, mf.resolved(), mf.recorded(), dataFiles(mf.outputs().data())), outDir, formats);
    }
}
