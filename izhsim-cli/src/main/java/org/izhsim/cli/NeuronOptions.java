package org.izhsim.cli;

import org.izhsim.expr.Expression;
import org.izhsim.expr.ExpressionException;
import org.izhsim.integrate.Scheme;
import org.izhsim.model.NeuronParams;
import org.izhsim.model.Preset;
import org.izhsim.model.Presets;
import org.izhsim.neuron.CurrentSource;
import org.izhsim.neuron.NeuronSetup;
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
                    + "'5 + 2*sin(2*pi*t/ms/50)'. Default: the preset's protocol.")
    String current;

    @Option(names = "--current-every", paramLabel = "MS",
            description = "Sample the current every MS ms and hold it (as network_operation(dt=1*ms) does).")
    Double currentEvery;

    @Option(names = "--dt", description = "Integration step [ms]. Default: the preset's published dt.")
    Double dt;

    @Option(names = "--duration", description = "Simulated time [ms]. Default: the preset's.")
    Double duration;

    @Option(names = "--scheme", defaultValue = "figure1",
            description = "Numerical scheme: figure1, netm, euler, rk4 (default: ${DEFAULT-VALUE}).")
    String scheme;

    /** The preset this run starts from. */
    Preset basePreset() {
        return Presets.byId(preset == null ? "RS" : preset);
    }

    /** A short name for file names and titles: the preset id, or "custom" if parameters were changed. */
    String label() {
        boolean custom = a != null || b != null || c != null || d != null;
        return custom ? "custom" : basePreset().id();
    }

    /** The expression text of the current in use. */
    String currentText() {
        return current != null ? current : basePreset().current();
    }

    NeuronSetup resolve() {
        Preset p = basePreset();
        Scheme s = Scheme.byId(scheme);
        NeuronParams base = p.params();
        NeuronParams params = new NeuronParams(or(a, base.a()), or(b, base.b()), or(c, base.c()), or(d, base.d()));
        double v = or(v0, p.v0());
        // u0 follows b·v0 unless the preset fixes it otherwise (panel R) and no new b or v0 was given
        boolean presetU0 = p.u0() != p.params().b() * p.v0() && b == null && v0 == null;
        double u = u0 != null ? u0 : presetU0 ? p.u0() : params.b() * v;
        CurrentSource cur = parseCurrent("--current", currentText());
        if (currentEvery != null) cur = cur.sampledEvery(currentEvery);
        return new NeuronSetup(p.model(), params, v, u, s, or(dt, p.dt()), or(duration, p.duration()), cur);
    }

    static CurrentSource parseCurrent(String option, String text) {
        try {
            Expression e = Expression.parse(text);
            return e::at;
        } catch (ExpressionException e) {
            throw new OptionExpressionException(option, e);
        }
    }

    private static double or(Double value, double fallback) {
        return value != null ? value : fallback;
    }
}
