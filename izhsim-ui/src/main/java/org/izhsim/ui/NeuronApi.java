package org.izhsim.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.izhsim.expr.Expression;
import org.izhsim.expr.ExpressionException;
import org.izhsim.integrate.Scheme;
import org.izhsim.io.RunInfo;
import org.izhsim.model.NeuronParams;
import org.izhsim.model.Preset;
import org.izhsim.model.Presets;
import org.izhsim.neuron.CurrentSource;
import org.izhsim.neuron.FiCurve;
import org.izhsim.neuron.NeuronSetup;
import org.izhsim.neuron.NeuronSimulator;
import org.izhsim.neuron.NeuronTrace;
import org.izhsim.neuron.PhasePlane;
import org.izhsim.plot.Figure;
import org.izhsim.plot.Figures;
import org.izhsim.plot.Series;

/**
 * The neuron and F–I tabs: every request carries the full settings (preset, a, b, c, d, v0,
 * dt, duration, current expression, scheme) and is simulated from scratch by
 * {@link NeuronSimulator}, so the server keeps no per-tab state for them.
 */
final class NeuronApi {
    private NeuronApi() {}

    static final List<String> FIELDS = List.of("preset", "a", "b", "c", "d", "v0", "u0", "dt", "duration", "current",
            "scheme", "from", "to", "step", "phase_t");

    /** A parsed request: the setup plus what the page and downloads name it by. */
    record Request(NeuronSetup setup, Preset preset, String current, Body body) {
        String label() {
            NeuronParams p = setup.params(), q = preset.params();
            boolean same = p.a() == q.a() && p.b() == q.b() && p.c() == q.c() && p.d() == q.d();
            return same ? preset.id() : "custom";
        }

        Map<String, Object> provenance(String command) {
            Map<String, Object> m = RunInfo.base(command);
            m.put("preset", preset.id());
            m.put("scheme", setup.scheme().id());
            m.put("dt_ms", setup.dt());
            m.put("duration_ms", setup.duration());
            m.put("a", setup.params().a());
            m.put("b", setup.params().b());
            m.put("c", setup.params().c());
            m.put("d", setup.params().d());
            m.put("v0_mV", setup.v0());
            m.put("u0", setup.u0());
            m.put("current", current);
            return m;
        }
    }

    /** The preset menu (from the core registry, grouped by family), the schemes and the limits. */
    static Map<String, Object> catalogue() {
        List<Map<String, Object>> presets = new ArrayList<>();
        for (Preset p : Presets.all()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", p.id());
            m.put("title", p.title());
            m.put("family", familyLabel(p.family()));
            m.put("a", p.params().a());
            m.put("b", p.params().b());
            m.put("c", p.params().c());
            m.put("d", p.params().d());
            m.put("v0", p.v0());
            m.put("u0", p.u0());
            m.put("dt", p.dt());
            m.put("duration", p.duration());
            m.put("current", p.current());
            m.put("equations", p.model().equations());
            presets.add(m);
        }
        List<Map<String, Object>> schemes = new ArrayList<>();
        for (Scheme s : Scheme.values()) schemes.add(Map.of("id", s.id(), "description", s.description()));
        Map<String, Object> limits = new LinkedHashMap<>();
        limits.put("max_expression_chars", Limits.MAX_EXPRESSION_CHARS);
        limits.put("max_neuron_samples", Limits.MAX_NEURON_SAMPLES);
        limits.put("max_neurons", Limits.MAX_NEURONS);
        limits.put("max_dense_neurons", Limits.MAX_DENSE_NEURONS);
        limits.put("max_network_ms", Limits.MAX_NETWORK_MS);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("presets", presets);
        out.put("schemes", schemes);
        out.put("limits", limits);
        out.put("version", org.izhsim.Version.describe());
        return out;
    }

    /** The menu heading of a family; a family added to the registry later shows under its own name. */
    static String familyLabel(Preset.Family f) {
        return switch (f.name()) {
            case "CLASSES_2003" -> "Izhikevich 2003 classes";
            case "PANELS_2004" -> "Izhikevich 2004 Fig. 1 panels A-T";
            default -> f.name().replace('_', ' ');
        };
    }

    static Request parse(Body body) {
        body.only(FIELDS);
        Preset p;
        try {
            p = Presets.byId(body.text("preset", "RS", 40));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        double a = body.number("a", p.params().a(), -100, 100);
        double b = body.number("b", p.params().b(), -100, 100);
        double c = body.number("c", p.params().c(), -1000, 1000);
        double d = body.number("d", p.params().d(), -1000, 1000);
        double v0 = body.number("v0", p.v0(), -1000, 1000);
        // u0 follows b·v0 unless the preset fixes it otherwise (panel R) and b and v0 are its own
        double u0 = body.number("u0", b == p.params().b() && v0 == p.v0() ? p.u0() : b * v0, -1e4, 1e4);
        double dt = body.number("dt", p.dt(), 0.001, 10);
        double duration = body.number("duration", p.duration(), dt, 100_000);
        Scheme scheme;
        try {
            scheme = Scheme.byId(body.text("scheme", Scheme.FIGURE1.id(), 40));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        String text = body.text("current", p.current(), Limits.MAX_EXPRESSION_CHARS);
        CurrentSource current = parseCurrent(text);
        double samples = Math.floor(duration / dt) + 1;
        if (samples > Limits.MAX_NEURON_SAMPLES) {
            throw ApiException.badRequest("duration/dt = " + (long) (samples - 1) + " steps; at most "
                    + (Limits.MAX_NEURON_SAMPLES - 1) + " (use a larger dt or a shorter duration)");
        }
        try {
            NeuronSetup s = new NeuronSetup(p.model(), new NeuronParams(a, b, c, d), v0, u0, scheme, dt, duration, current);
            return new Request(s, p, text, body);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    /** Parses the expression into a tree (never executed as code); a mistake comes back with its caret diagram. */
    static CurrentSource parseCurrent(String text) {
        try {
            Expression e = Expression.parse(text);
            return e::at;
        } catch (ExpressionException e) {
            throw ApiException.badRequest("current: " + e.getMessage() + "\n" + e.caretDiagram());
        }
    }

    static NeuronTrace run(NeuronSetup s) {
        try {
            return NeuronSimulator.run(s);
        } catch (org.izhsim.integrate.NumericalBlowUpException e) {
            throw new ApiException(422, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    /** The traces (thinned for drawing), exact spike times, the phase plane and the rate. */
    static Map<String, Object> simulate(Body body) {
        long t0 = System.nanoTime();
        Request r = parse(body);
        NeuronTrace tr = run(r.setup());
        PhasePlane pp = PhasePlane.of(r.setup(), tr);
        int[] keep = Downsample.minMax(tr.v(), Limits.TRACE_POINTS);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("label", r.label());
        out.put("scheme", r.setup().scheme().id());
        out.put("dt", r.setup().dt());
        out.put("duration", r.setup().duration());
        out.put("samples", tr.samples());
        out.put("points", keep.length);
        out.put("spike_count", tr.spikeCount());
        out.put("rate_hz", tr.rateHz());
        out.put("spikes", tr.spikeTimes());
        out.put("t", Downsample.pick(tr.t(), keep));
        out.put("v", Downsample.pick(tr.v(), keep));
        out.put("u", Downsample.pick(tr.u(), keep));
        out.put("i", Downsample.pick(tr.current(), keep));
        out.put("u_plane", Downsample.pick(pp.trajectoryU(), keep));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("k2", r.setup().model().k2());
        model.put("k1", r.setup().model().k1());
        model.put("k0", r.setup().model().k0());
        model.put("v_peak", r.setup().model().vPeak());
        model.put("equations", r.setup().model().equations());
        out.put("model", model);
        Map<String, Object> plane = new LinkedHashMap<>();
        plane.put("current", pp.current());
        plane.put("v_null_v", pp.vNullV());
        plane.put("v_null_u", pp.vNullU());
        plane.put("u_null_v", pp.uNullV());
        plane.put("u_null_u", pp.uNullU());
        plane.put("u_null_label", pp.uNullLabel());
        out.put("plane", plane);
        out.put("compute_ms", (System.nanoTime() - t0) / 1e6);
        return out;
    }

    private static double[] fiCurrents(Body body) {
        double from = body.number("from", 0, -1000, 1000), to = body.number("to", 40, -1000, 1000);
        double step = body.number("step", 1, 1e-6, 2000);
        if (to < from) throw ApiException.badRequest("to (" + to + ") must not be below from (" + from + ")");
        double n = Math.floor((to - from) / step + 1e-9) + 1;
        if (n > Limits.MAX_FI_CURRENTS) throw ApiException.badRequest("the F-I range has " + (long) n + " currents; at most " + Limits.MAX_FI_CURRENTS);
        return FiCurve.range(from, to, step);
    }

    /** The F–I curve of the neuron at the request's dt and duration (its current expression is replaced). */
    static FiCurve fiCurve(Request r) {
        double[] currents = fiCurrents(r.body());
        if (currents.length * (double) r.setup().steps() > Limits.MAX_FI_STEPS) {
            throw ApiException.badRequest("the F-I curve needs " + currents.length + " x " + r.setup().steps()
                    + " neuron steps; at most " + Limits.MAX_FI_STEPS + " (fewer currents, a larger dt or a shorter duration)");
        }
        try {
            return FiCurve.compute(r.setup(), currents);
        } catch (org.izhsim.integrate.NumericalBlowUpException e) {
            throw new ApiException(422, e.getMessage());
        }
    }

    static Map<String, Object> fi(Body body) {
        long t0 = System.nanoTime();
        Request r = parse(body);
        FiCurve c = fiCurve(r);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("label", r.label());
        out.put("currents", c.currents());
        out.put("rates_hz", c.rates());
        out.put("spikes", c.spikes());
        out.put("duration", r.setup().duration());
        out.put("compute_ms", (System.nanoTime() - t0) / 1e6);
        return out;
    }

    static final Set<String> FIGURES = new LinkedHashSet<>(List.of("trace", "phase", "fi"));

    /** The figure or data of one view: trace (v over I, and u), phase (v–u plane) or fi. */
    static Download download(Body body, String view, String format) {
        Request r = parse(body);
        String title = r.label() + ", scheme " + r.setup().scheme().id() + ", dt " + fmt(r.setup().dt()) + " ms";
        Map<String, Object> prov = r.provenance("ui");
        String base = r.label() + "-" + view;
        if (view.equals("fi")) {
            FiCurve c = fiCurve(r);
            prov.put("fi_duration_ms", r.setup().duration());
            if (Download.isFigure(format)) return Download.figure(Figures.fiCurve("F-I curve, " + title, c.currents(), c.rates()), base, format, prov);
            return Download.table(base, format, prov, List.of("current", "rate_hz", "spikes"), List.of(c.currents(), c.rates(), c.spikes()));
        }
        NeuronTrace tr = run(r.setup());
        if (Download.isFigure(format)) {
            Figure f;
            if (view.equals("phase")) {
                // the nullclines for I at the time the page shows them at (phase_t [ms]), else the prevailing I
                PhasePlane pp = body.has("phase_t")
                        ? PhasePlane.of(r.setup(), tr, tr.current()[(int) Math.max(0, Math.min(tr.samples() - 1,
                                Math.round(body.number("phase_t", 0) / r.setup().dt())))])
                        : PhasePlane.of(r.setup(), tr);
                prov.put("nullcline_current", pp.current());
                f = Figures.phasePlane(title + ", nullclines at I = " + fmt(pp.current()),
                        new Series("trajectory", pp.trajectoryV(), pp.trajectoryU()),
                        new Series("v-nullcline (dv/dt = 0)", pp.vNullV(), pp.vNullU()),
                        new Series("u-nullcline (du/dt = 0): " + pp.uNullLabel(), pp.uNullV(), pp.uNullU()));
            } else {
                f = Figures.voltageTrace(title, tr.t(), tr.v(), tr.current());
            }
            return Download.figure(f, base, format, prov);
        }
        prov.put("spike_times_ms", tr.spikeTimes());
        return Download.table(base, format, prov, List.of("t_ms", "v_mV", "u", "I"), List.of(tr.t(), tr.v(), tr.u(), tr.current()));
    }

    static String fmt(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e9 ? String.valueOf((long) x) : String.format(Locale.ROOT, "%s", x);
    }
}
