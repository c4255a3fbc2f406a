package org.izhsim.io.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.izhsim.equations.EquationKernel;
import org.izhsim.equations.SynapseKernel;
import org.izhsim.network.Monitor;
import org.izhsim.network.Network;
import org.izhsim.network.NeuronGroup;
import org.izhsim.network.SpikeMonitor;
import org.izhsim.network.StateMonitor;

/**
 * A network described by a model file (YAML, or TOML for a {@code .toml} file), mapped onto the core's public API and ready to
 * simulate. The reference of every key is {@code docs/model-files.md}; {@link #load} refuses
 * anything it does not know with file, line, column and key path.
 *
 * @param file         the file as the user named it
 * @param sha256       the model hash (lower-case hex), recorded in every output: the SHA-256 of the file's bytes;
 *                     if groups use equation files, the SHA-256 of that hash followed by each equation file's
 *                     SHA-256, one per line, in the order the groups first use them
 * @param name         the model's name ({@code name:}, else the file name without extension)
 * @param description  free text, or empty
 * @param network      the network: groups, synapses, inputs, monitors, seed, scheme, dt
 * @param durationMs   simulated time [ms]
 * @param threads      worker threads, or null for all cores
 * @param spikes       the monitor of all spikes (global indices, groups in file order)
 * @param trace        v, u and I of one neuron every step, drawn under the raster
 * @param traceGroup   the group of the traced neuron
 * @param traceNeuron  its index within that group
 * @param recorded     the file's own {@code monitors:}, each written to its own file
 * @param outputs      what to write, and where
 * @param resolved     the configuration with every default filled in, for run.json
 */
public record ModelFile(String file, String sha256, String name, String description, Network network, double durationMs,
                        Integer threads, SpikeMonitor spikes, StateMonitor trace, NeuronGroup traceGroup, int traceNeuron,
                        List<Monitor<?>> recorded, Outputs outputs, Map<String, Object> resolved) {

    /**
     * What the file asks to be written.
     *
     * @param dir     output directory, or null for the command's default
     * @param figures figure formats among png, svg (empty: none)
     * @param data    data files among npz, csv, json
     */
    public record Outputs(Path dir, Set<String> figures, Set<String> data) {}

    /**
     * Values given on the command line, which win over the file's; null leaves the file's value.
     *
     * @param seed       random seed
     * @param durationMs simulated time [ms]
     * @param threads    worker threads
     */
    public record Overrides(Long seed, Double durationMs, Integer threads) {
        public static final Overrides NONE = new Overrides(null, null, null);
    }

    /**
     * Reads and checks a model file whose groups use built-in models only: a group with
     * {@code model: {equations: FILE}} is refused (see {@link #load(Path, Overrides, EquationKernel.Compiler)}).
     */
    public static ModelFile load(Path path, Overrides overrides) throws IOException {
        return load(path, overrides, null);
    }

    /**
     * Reads and checks a model file. Equation files named by groups are read relative to the
     * model file's directory and compiled by {@code compiler} (izhsim-codegen's
     * {@code KernelCompiler.INSTANCE} in the CLI; passed in so that this module stays free of
     * code generation).
     *
     * @param compiler compiles equation models, or null to refuse them
     * @throws ModelFileException if the file is not a valid model (the message names the place)
     * @throws IllegalArgumentException if the file does not exist or is a directory
     * @throws IOException if it cannot be read
     */
    public static ModelFile load(Path path, Overrides overrides, EquationKernel.Compiler compiler) throws IOException {
        return load(path, overrides, compiler, null);
    }

    /**
     * As {@link #load(Path, Overrides, EquationKernel.Compiler)}, synapse groups' equations
     * ({@code model}, {@code on_pre}, … or {@code equations: FILE}) compiled by {@code synapses}
     * (izhsim-codegen's {@code SynapseKernelCompiler.INSTANCE} in the CLI).
     *
     * @param synapses compiles synapse models, or null to refuse them
     */
    public static ModelFile load(Path path, Overrides overrides, EquationKernel.Compiler compiler,
                                 SynapseKernel.Compiler synapses) throws IOException {
        byte[] bytes = org.izhsim.io.TextFiles.read(path, "model file").bytes();
        String shown = path.toString();
        return map(shown, baseName(path), bytes, overrides, compiler, synapses);
    }

    /**
     * Parses model text (for tests and the UI); {@code file} names it in errors, and its
     * extension picks the language: {@code .toml} is TOML, anything else YAML.
     */
    public static ModelFile parse(String file, String text, Overrides overrides) {
        return parse(file, text, overrides, null);
    }

    /** As {@link #parse(String, String, Overrides)}, equation files read relative to {@code file}'s directory. */
    public static ModelFile parse(String file, String text, Overrides overrides, EquationKernel.Compiler compiler) {
        return parse(file, text, overrides, compiler, null);
    }

    /** As {@link #parse(String, String, Overrides)}, with both compilers (see {@link #load(Path, Overrides, EquationKernel.Compiler, SynapseKernel.Compiler)}). */
    public static ModelFile parse(String file, String text, Overrides overrides, EquationKernel.Compiler compiler,
                                  SynapseKernel.Compiler synapses) {
        return map(file, baseName(Path.of(file)), text.getBytes(StandardCharsets.UTF_8), overrides, compiler, synapses);
    }

    private static ModelFile map(String file, String baseName, byte[] bytes, Overrides overrides,
                                 EquationKernel.Compiler compiler, SynapseKernel.Compiler synapses) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        YamlNode root = file.toLowerCase(java.util.Locale.ROOT).endsWith(".toml") ? TomlReader.read(file, text)
                : YamlReader.read(file, text);
        Path dir = Path.of(file).getParent();
        return ModelFileReader.map(file, baseName, org.izhsim.io.RunInfo.sha256(bytes), root, overrides,
                new ModelFileReader.Equations(dir == null ? Path.of("") : dir, text, compiler, synapses));
    }

    private static String baseName(Path p) {
        String n = p.getFileName() == null ? "model" : p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
