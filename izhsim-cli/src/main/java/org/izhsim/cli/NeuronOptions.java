package org.izhsim.cli;

import org.izhsim.equations.CurrentExpression;
import org.izhsim.equations.Dimension;
import org.izhsim.equations.EquationModel;
import org.izhsim.equations.EquationNeuron;
import org.izhsim.expr.Expression;
import org.izhsim.expr.ExpressionException;
import org.izhsim.integrate.Scheme;
import org.izhsim.io.NeuroMl;
import org.izhsim.model.Izhikevich2007Model;
import org.izhsim.model.Izhikevich2007Presets;
import org.izhsim.model.NeuronParams;
import org.izhsim.model.Preset;
import org.izhsim.model.Presets;
import org.izhsim.neuron.CurrentSource;
import org.izhsim.neuron.Neuron2007Setup;
import org.izhsim.neuron.NeuronSetup;
import org.izhsim.neuron.NeuronSpec;
import picocli.CommandLine.Option;

/**
 * The options that describe one neuron and its run. A preset supplies everything (its
 * published parameters, initial state, dt, duration and protocol); any other option given
 * overrides that part of it. Without --preset the neuron starts from RS.
 */
final class NeuronOptions {
    @Option(names = "--preset", paramLabel = "NAME",
            description = "Published neuron and protocol: RS, IB, CH, FS, LTS, TC, TC-burst, RZ (2003 classes) "
                    + "or A..T (the 20 panels of Izhikevich 2004). Default: RS.")
    String preset;

    @Option(names = "--a", description = "Recovery time scale a [1/ms].")
    Double a;

    @Option(names = "--b", description = "Recovery sensitivity b.")
    Double b;

    @Option(names = "--c", description = "Reset value c of v [mV].")
    Double c;

    @Option(names = "--d", description = "Reset increment d of u.")
    Double d;

    @Option(names = "--v0", description = "Initial v [mV].")
    Double v0;

    @Option(names = "--u0", description = "Initial u (default b*v0; panel R: -16).")
    Double u0;

    @Option(names = "--current", paramLabel = "EXPR",
            description = "Input current I(t) in Brian2 notebook syntax, t in ms, e.g. 'int(t>100*ms)*10', "
                    + "'5 + 2*sin(2*pi*t/ms/50)'; a plain number is in the model's unit of I. With units where the "
                    + "model's I has them: '0.5*nA', 'int(t>100*ms)*10*pA' (izh2007, I : amp), '10*mV/ms' (izh2003). "
                    + "Default: the preset's protocol.")
    String current;

    @Option(names = "--current-every", paramLabel = "MS",
            description = "Sample the current every MS ms and hold it (as network_operation(dt=1*ms) does).")
    Double currentEvery;

    @Option(names = "--dt", description = "Integration step [ms]. Default: the preset's published dt.")
    Double dt;

    @Option(names = "--duration", description = "Simulated time [ms]. Default: the preset's.")
    Double duration;

    @Option(names = "--scheme",
            description = "Numerical scheme: figure1, netm, euler, rk4 (default: figure1 for izh2003, euler for izh2007).")
    String scheme;

    @Option(names = "--model", paramLabel = "MODEL",
            description = "izh2003 (default; I dimensionless) or izh2007, the book's dimensional model (I in pA; presets "
                    + "RS, IB, CH, LTS, FS, TC, TC-burst, RTN, RTN-burst, RS-book).")
    String model;

    @Option(names = "--nml", paramLabel = "FILE",
            description = "Read the neuron from a NeuroML2 file: an izhikevichCell (izh2003) or izhikevich2007Cell "
                    + "(izh2007), chosen by --cell. Default protocol: dt 0.25 ms, 500 ms, I = 0.")
    java.nio.file.Path nml;

    @Option(names = "--cell", paramLabel = "ID", description = "The id of the cell to take from --nml.")
    String cell;
    @Option(names = "--equations", paramLabel = "FILE",
            description = "Simulate a model written as Brian2-style equations instead of the built-in one "
                    + "(see examples/equations). Give its parameters and initial values with --set; --current drives I.")
    java.nio.file.Path equations;

    @Option(names = "--set", paramLabel = "NAME=VALUE",
            description = "With --equations: a parameter or an initial value, with units where the model has them, "
                    + "e.g. --set a=0.02 --set v=-65*mV. Repeatable. Unset initial values start at 0.")
    java.util.List<String> settings = new java.util.ArrayList<>();

    /** The preset this run starts from. */
    Preset basePreset() {
        return Presets.byId(preset == null ? "RS" : preset);
    }

    /** A short name for file names and titles: the preset or cell id, or "custom" if parameters were changed. */
    /**
     * The label as file names carry it: a 2007-model preset adds "-izh2007", so that its files
     * never take the place of the 2003 preset of the same name.
     */
    String fileLabel() {
        return nml == null && is2007() ? label() + "-izh2007" : label();
    }

    String label() {
        boolean custom = a != null || b != null || c != null || d != null;
        if (nml != null) return custom ? "custom" : cellId();
        if (is2007()) return custom ? "custom" : preset2007().id();
        return custom ? "custom" : basePreset().id();
    }

    /** The expression text of the current in use. */
    String currentText() {
        if (current != null) return current;
        if (nml != null) return "0";
        return is2007() ? preset2007().current() : basePreset().current();
    }

    /** True for the 2007 model (--model izh2007; an imported cell decides for itself). */
    boolean is2007() {
        if (model == null || model.equalsIgnoreCase("izh2003")) return false;
        if (model.equalsIgnoreCase("izh2007")) return true;
        throw new IllegalArgumentException("unknown model '" + model + "' in --model; known: izh2003, izh2007");
    }

    private Izhikevich2007Presets.Preset2007 preset2007() {
        return Izhikevich2007Presets.byId(preset == null ? "RS" : preset);
    }

    private String cellId() {
        if (cell == null) throw new IllegalArgumentException("--nml needs --cell ID to choose a cell of " + nml);
        return cell;
    }

    /**
     * The run these options describe, for any model: --nml imports a cell (the other options
     * override its protocol; --a..--d its parameters), --model izh2007 takes a 2007 preset,
     * and otherwise {@link #resolve()}.
     */
    NeuronSpec resolveSpec() throws java.io.IOException {
        if (nml != null) {
            if (preset != null) throw new IllegalArgumentException("--preset and --nml exclude each other; give one");
            NeuroMl.Cell imported = NeuroMl.read(nml, cellId());
            double runDt = or(dt, 0.25), runDuration = or(duration, 500);
            if (imported instanceof NeuroMl.Cell2003 c3) {
                NeuronParams p = override(c3.params());
                double v = or(v0, c3.v0());
                return new NeuronSetup(c3.model(), p, v, u0 != null ? u0 : v * p.b(), Scheme.byId(or(scheme, "figure1")),
                        runDt, runDuration, current(NeuronSetup.CURRENT_DIMENSION, "I of izh2003"));
            }
            NeuroMl.Cell2007 c7 = (NeuroMl.Cell2007) imported;
            return new Neuron2007Setup(override2007(c7.model()), or(v0, c7.v0()), or(u0, 0), Scheme.byId(or(scheme, "euler")),
                    runDt, runDuration, current(Neuron2007Setup.CURRENT_DIMENSION, "I of izh2007"));
        }
        if (!is2007()) return resolve();
        Izhikevich2007Presets.Preset2007 p = preset2007();
        return new Neuron2007Setup(override2007(p.model()), or(v0, p.v0()), or(u0, 0), Scheme.byId(or(scheme, "euler")),
                or(dt, p.dt()), or(duration, p.duration()), current(Neuron2007Setup.CURRENT_DIMENSION, "I of izh2007"));
    }

    /** The current of --current (or the preset's), unit-checked against the model's input I where it has units. */
    private CurrentSource current(Dimension input, String inputName) {
        CurrentSource cur = parseCurrent("--current", currentText(), input, inputName);
        return currentEvery != null ? cur.sampledEvery(currentEvery) : cur;
    }

    private NeuronParams override(NeuronParams base) {
        return new NeuronParams(or(a, base.a()), or(b, base.b()), or(c, base.c()), or(d, base.d()));
    }

    private Izhikevich2007Model override2007(Izhikevich2007Model m) {
        return new Izhikevich2007Model(m.name(), m.C(), m.k(), m.vr(), m.vt(), m.vpeak(), or(a, m.a()), or(b, m.b()),
                or(c, m.c()), or(d, m.d()), m.rule(), m.strictCutoff());
    }

    private static String or(String value, String fallback) {
        return value != null ? value : fallback;
    }

    /**
     * The equation model of --equations with its --set values, and dt, duration, scheme and
     * current resolved as for a built-in neuron (from the preset unless given).
     */
    EquationRun resolveEquations() {
        if (a != null || b != null || c != null || d != null || v0 != null || u0 != null) {
            throw new IllegalArgumentException("--a, --b, --c, --d, --v0 and --u0 are for the built-in model; with"
                    + " --equations use --set NAME=VALUE");
        }
        if (model != null || nml != null) {
            throw new IllegalArgumentException("--equations excludes --model and --nml: the equation file is the model");
        }
        EquationModel model = readEquations(equations);
        double[][] values = values(model, settings, true);
        double[] initial = values[0], params = values[1];
        Preset p = basePreset();
        return new EquationRun(new EquationNeuron(model, initial, params, Scheme.byId(scheme == null ? "figure1" : scheme), or(dt, p.dt()),
                or(duration, p.duration()), current(model.inputDimension(), "the input I of " + equations)), settings);
    }

    /** Reads and checks a model file; errors name the file, line and column. */
    static EquationModel readEquations(java.nio.file.Path file) {
        String text;
        try {
            text = org.izhsim.io.TextFiles.read(file, "--equations").text();
        } catch (org.izhsim.io.TextFiles.Unreadable e) {
            throw new IllegalArgumentException("cannot read --equations " + file + ": " + e.reason(), e);
        }
        return EquationModel.parse(text, file.toString());
    }

    /**
     * The --set values: {initial states, parameters}. Unset states are 0; unset parameters are
     * refused if {@code requireAll}, else 0.
     */
    static double[][] values(EquationModel model, java.util.List<String> settings, boolean requireAll) {
        int n = model.states().size();
        double[] initial = new double[n];
        double[] params = new double[model.parameters().size()];
        boolean[] given = new boolean[params.length];
        // each name once, as picocli takes each other option once: a second value is a typo, not an override
        String[] first = new String[n + params.length];
        for (String setting : settings) {
            EquationModel.Setting value = model.setting(setting);
            if (first[value.index()] != null) {
                String name = value.index() < n ? model.states().get(value.index()).name() : model.parameters().get(value.index() - n).name();
                throw new IllegalArgumentException("--set " + name + " given twice ('" + first[value.index()] + "' and '" + setting
                        + "'); give each name once");
            }
            first[value.index()] = setting;
            if (value.index() < n) {
                initial[value.index()] = value.value();
            } else {
                params[value.index() - n] = value.value();
                given[value.index() - n] = true;
            }
        }
        for (int j = 0; j < params.length && requireAll; j++) {
            if (!given[j]) {
                String name = model.parameters().get(j).name();
                throw new IllegalArgumentException("parameter '" + name + "' of " + model.source() + " has no value; give"
                        + " --set " + name + "=VALUE");
            }
        }
        return new double[][] {initial, params};
    }

    /** An equation-model neuron and the --set arguments that made it. */
    record EquationRun(EquationNeuron neuron, java.util.List<String> settings) {}

    NeuronSetup resolve() {
        Preset p = basePreset();
        Scheme s = Scheme.byId(scheme == null ? "figure1" : scheme);
        NeuronParams params = override(p.params());
        double v = or(v0, p.v0());
        // u0 follows b·v0 unless the preset fixes it otherwise (panel R) and no new b or v0 was given
        boolean presetU0 = p.u0() != p.params().b() * p.v0() && b == null && v0 == null;
        double u = u0 != null ? u0 : presetU0 ? p.u0() : params.b() * v;
        return new NeuronSetup(p.model(), params, v, u, s, or(dt, p.dt()), or(duration, p.duration()),
                current(NeuronSetup.CURRENT_DIMENSION, "I of izh2003"));
    }

    /**
     * A current expression of an option: a mistake in it comes back with its caret diagram, a
     * unit that is not {@code input}'s as one line naming both.
     */
    static CurrentSource parseCurrent(String option, String text, Dimension input, String inputName) {
        try {
            Expression e = CurrentExpression.parse(text, input, inputName);
            return e::at;
        } catch (ExpressionException e) {
            throw new OptionExpressionException(option, e);
        } catch (CurrentExpression.UnitMismatch e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage(), e);
        }
    }

    private static double or(Double value, double fallback) {
        return value != null ? value : fallback;
    }
}
