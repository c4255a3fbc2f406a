package org.izhsim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.izhsim.codegen.KernelCompiler;
import org.izhsim.equations.BuiltinEquations;
import org.izhsim.equations.EquationKernel;
import org.izhsim.equations.EquationModel;
import org.izhsim.equations.FlopCount;
import org.izhsim.integrate.Izhikevich2007Kernel;
import org.izhsim.integrate.IzhikevichKernel;
import org.izhsim.integrate.Scheme;
import org.izhsim.integrate.SpikeList;
import org.izhsim.io.Json;
import org.izhsim.io.RunInfo;
import org.izhsim.model.Checks;
import org.izhsim.model.Izhikevich2007Presets;
import org.izhsim.model.Izhikevich2007Presets.Preset2007;
import org.izhsim.model.IzhikevichModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code izhsim cost}: FLOPs per neuron-step counted from each model's tree (see
 * {@link FlopCount} for the convention; {@link BuiltinEquations#count} for the built-in models,
 * the same numbers {@code izhsim accuracy} reports) beside a short in-process timing, in the
 * style of Izhikevich 2004's Fig. 2 comparison. The 2007 model has a row per book cell and
 * scheme (euler, rk4), since the cells' rules change the count; its timing runs
 * {@link Izhikevich2007Kernel} on the cell's preset default amplitude from v = vr, u = 0 (no
 * compiled-equations timing: the files of FS, TC and RTN lack their branch rules). The
 * timing is indicative only: a few hundred steps of a population, median of five repetitions,
 * no forking or JIT control; BENCHMARKS.md holds the benchmarks.
 */
@Command(name = "cost", mixinStandardHelpOptions = true,
        header = "FLOPs per neuron-step and per ms of each model and scheme.",
        description = {"FLOPs per neuron per step and per 1 ms of simulated time, counted from the compiled trees,",
                "beside a measured ns per neuron-step, for each built-in model and scheme (the 2007 model per book",
                "cell, euler and rk4) and an --equations file.",
                "Izhikevich (2004, Fig. 2) counts 13 FLOPs per 1 ms for the 2003 model."},
        footer = {"", "Counting: +, -, *, /, comparisons, and/or/not 1 each; x**n by its n-1 multiplications;",
                "function calls 1 (a lower bound); x + dt*f 2 more than f; the threshold test every step;",
                "a 2007 cell's branch rule its condition and costlier branch; the reset is counted per spike.",
                "This count keeps the two multiplications by dt that vanish at dt = 1 ms; without them it is",
                "13 for the 2003 model's euler step, Izhikevich's (2004) total.",
                "The timing is indicative (in-process, a few hundred steps); see BENCHMARKS.md for benchmarks.",
                "", "Examples:", "  izhsim cost", "  izhsim cost --equations examples/equations/adex.eqs --dt 0.1 --json"})
final class CostCommand implements Callable<Integer> {
    /** Izhikevich 2004, Fig. 2, as recorded in the reference (§6; recalled, not machine-checked). */
    static final int IZHIKEVICH_2004_FLOPS_PER_MS = 13;

    @Option(names = "--equations", paramLabel = "FILE", description = "Also count and time this model file.")
    Path equations;

    @Option(names = "--set", paramLabel = "NAME=VALUE",
            description = "Values of the --equations model for the timing (unset: 0).")
    List<String> settings = new ArrayList<>();

    @Option(names = "--dt", defaultValue = "1", description = "Step [ms] for FLOPs per ms and the timing (default: ${DEFAULT-VALUE}).")
    double dt;

    @Option(names = "--neurons", defaultValue = "10000", description = "Population size timed (default: ${DEFAULT-VALUE}).")
    int neurons;

    @Option(names = "--steps", defaultValue = "200", description = "Steps per timed repetition (default: ${DEFAULT-VALUE}).")
    int steps;

    @Option(names = "--json", description = "Print the table as JSON on stdout.")
    boolean json;

    @Option(names = "--quiet", description = "No progress on stderr.")
    boolean quiet;

    private static final List<IzhikevichModel> BUILTINS =
            List.of(IzhikevichModel.STANDARD, IzhikevichModel.CLASS1_VARIANT, IzhikevichModel.ACCOMMODATION);

    /** One model per distinct book cell (the presets' burst-mode and printed-program variants share one). */
    private static List<Preset2007> cells2007() {
        Map<String, Preset2007> byCell = new LinkedHashMap<>();
        for (Preset2007 p : Izhikevich2007Presets.all()) byCell.putIfAbsent(p.model().name(), p);
        return List.copyOf(byCell.values());
    }

    private static final List<Scheme> SCHEMES_2007 = List.of(Scheme.EULER, Scheme.RK4);

    @Override
    public Integer call() {
        Checks.positive("dt", dt);
        if (neurons < 1 || neurons > 10_000_000) throw new IllegalArgumentException("--neurons must be 1..10000000, got " + neurons);
        if (steps < 1) throw new IllegalArgumentException("--steps must be >= 1, got " + steps);
        EquationModel file = equations == null ? null : NeuronOptions.readEquations(equations);
        double[][] fileValues = file == null ? null : NeuronOptions.values(file, settings, false);
        if (file == null && !settings.isEmpty()) throw new IllegalArgumentException("--set needs --equations FILE");
        long t0 = System.nanoTime();
        List<Map<String, Object>> rows = new ArrayList<>();
        List<Preset2007> cells = cells2007();
        int total = BUILTINS.size() * Scheme.values().length + cells.size() * SCHEMES_2007.size()
                + (file == null ? 0 : Scheme.values().length), done = 0;
        for (IzhikevichModel model : BUILTINS) {
            for (Scheme scheme : Scheme.values()) {
                EquationModel eq = BuiltinEquations.model(model, scheme);
                Map<String, Object> row = row(model.name(), null, scheme, BuiltinEquations.count(model, scheme));
                row.put("ns_per_neuron_step", timeBuiltin(model, scheme));
                row.put("ns_per_neuron_step_compiled", timeCompiled(eq, scheme, RS_VALUES));
                rows.add(row);
                progress(++done, total);
            }
        }
        for (Preset2007 cell : cells) {
            for (Scheme scheme : SCHEMES_2007) {
                Map<String, Object> row = row("izh2007", cell.model().name(), scheme, BuiltinEquations.count(cell.model(), scheme));
                row.put("ns_per_neuron_step", time2007(cell, scheme));
                row.put("ns_per_neuron_step_compiled", null);
                rows.add(row);
                progress(++done, total);
            }
        }
        if (file != null) {
            for (Scheme scheme : Scheme.values()) {
                Map<String, Object> row = row(file.source(), null, scheme, FlopCount.of(file, scheme));
                row.put("ns_per_neuron_step", null);
                row.put("ns_per_neuron_step_compiled", timeCompiled(file, scheme, fileValues));
                rows.add(row);
                progress(++done, total);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rows", rows);
        Map<String, Object> ref = new LinkedHashMap<>();
        ref.put("model", "izh2003");
        ref.put("flops_per_ms", IZHIKEVICH_2004_FLOPS_PER_MS);
        ref.put("source", "Izhikevich 2004, Fig. 2 (reference section 6; recalled value)");
        out.put("reference", ref);
        out.put("neurons", neurons);
        out.put("timing", "indicative: in-process, median of 5 x " + steps + " steps after >= 0.2 s of warm-up; not a benchmark");
        out.put("run_s", (System.nanoTime() - t0) / 1e9);
        out.putAll(RunInfo.base("cost"));
        if (json) System.out.println(Json.write(out));
        else print(rows);
        return 0;
    }

    private Map<String, Object> row(String model, String cell, Scheme scheme, FlopCount c) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("model", model);
        if (cell != null) row.put("cell", cell);
        row.put("scheme", scheme.id());
        row.put("dt_ms", dt);
        row.put("flops_per_step", c.perStep());
        row.put("flops_per_ms", c.perMs(dt));
        row.put("reset_flops_per_spike", c.perSpike());
        return row;
    }

    /** "timed i/N" redrawn in place: for a terminal only (in a log each redraw would be a line's litter). */
    private final boolean terminal = ProgressBar.stderrIsTerminal();

    private void progress(int done, int total) {
        if (quiet || !terminal) return;
        System.err.printf(Locale.ROOT, "\rcost: timed %d/%d", done, total);
        if (done == total) System.err.println();
    }

    private void print(List<Map<String, Object>> rows) {
        System.out.printf(Locale.ROOT, "%-28s %-8s %6s %10s %10s %12s %14s%n", "model", "scheme", "dt_ms", "FLOPs/step",
                "FLOPs/ms", "ns/step", "ns/step (eqs)");
        for (Map<String, Object> r : rows) {
            String model = r.containsKey("cell") ? r.get("model") + " " + r.get("cell") : (String) r.get("model");
            System.out.printf(Locale.ROOT, "%-28s %-8s %6s %10d %10.1f %12s %14s%n", model, r.get("scheme"),
                    NeuronCommand.fmt(dt), (Integer) r.get("flops_per_step"), (Double) r.get("flops_per_ms"),
                    ns(r.get("ns_per_neuron_step")), ns(r.get("ns_per_neuron_step_compiled")));
        }
        System.out.println("Izhikevich 2004 (Fig. 2): 13 FLOPs per 1 ms for the 2003 model; this count keeps the two"
                + " multiplications by dt that vanish at dt = 1 ms (15 per euler step, 13 without them).");
        System.out.println("ns/step: indicative in-process timing of " + neurons + " neurons (median of 5 x " + steps
                + " steps), not a benchmark; ns/step (eqs) is the same model compiled from equations.");
    }

    private static String ns(Object ns) {
        return ns == null ? "-" : String.format(Locale.ROOT, "%.2f", (Double) ns);
    }

    /** RS neurons (a 0.02, b 0.2, c −65, d 8) from v = −65, u = b·v, for the timing: {states, parameters}. */
    private static final double[][] RS_VALUES = {{-65, -13}, {0.02, 0.2, -65, 8}};

    private double timeBuiltin(IzhikevichModel model, Scheme scheme) {
        double[] v = filled(-65), u = filled(-13), a = filled(0.02), b = filled(0.2), c = filled(-65), d = filled(8);
        IzhikevichKernel k = new IzhikevichKernel(model, scheme, v, u, a, b, c, d);
        double[] current = filled(10);
        SpikeList spikes = new SpikeList(neurons);
        return time(step -> {
            spikes.clear();
            if (scheme.cutoffBeforeUpdate()) k.detectAndReset(0, neurons, spikes);
            k.step(0, neurons, dt, current, current, current, spikes);
        });
    }

    /** The cell from v = vr, u = 0 under its preset's default (largest) amplitude [pA] (the burst modes' hold is left out). */
    private double time2007(Preset2007 cell, Scheme scheme) {
        double[] v = filled(cell.model().vr()), u = filled(0);
        Izhikevich2007Kernel k = new Izhikevich2007Kernel(cell.model(), scheme, v, u);
        double[] current = filled(cell.amplitude());
        SpikeList spikes = new SpikeList(neurons);
        return time(step -> {
            spikes.clear();
            k.step(0, neurons, dt, current, current, current, spikes);
        });
    }

    private double timeCompiled(EquationModel eq, Scheme scheme, double[][] values) {
        double[][] state = new double[values[0].length][], params = new double[values[1].length][];
        for (int j = 0; j < state.length; j++) state[j] = filled(values[0][j]);
        for (int j = 0; j < params.length; j++) params[j] = filled(values[1][j]);
        long[] last = new long[neurons];
        Arrays.fill(last, EquationKernel.NEVER);
        EquationKernel k = KernelCompiler.INSTANCE.compile(eq, scheme).create(state, params, last);
        double[] current = filled(10);
        SpikeList spikes = new SpikeList(neurons);
        return time(step -> {
            spikes.clear();
            if (scheme.cutoffBeforeUpdate()) k.detectAndReset(0, neurons, step, spikes);
            k.step(0, neurons, step, dt, current, current, current, spikes);
        });
    }

    private interface Step {
        void run(long step);
    }

    /** Warm-up until the JIT has had 0.2 s and 10 repetitions, then the median of 5, in ns per neuron-step. */
    private double time(Step s) {
        long step = 0;
        long warmUntil = System.nanoTime() + 200_000_000L;
        for (int rep = 0; rep < 10 || System.nanoTime() < warmUntil; rep++) {
            for (int i = 0; i < steps; i++) s.run(step++);
        }
        double[] ns = new double[5];
        for (int rep = 0; rep < ns.length; rep++) {
            long t = System.nanoTime();
            for (int i = 0; i < steps; i++) s.run(step++);
            ns[rep] = (System.nanoTime() - t) / ((double) steps * neurons);
        }
        Arrays.sort(ns);
        return ns[ns.length / 2];
    }

    private double[] filled(double x) {
        double[] a = new double[neurons];
        Arrays.fill(a, x);
        return a;
    }
}
