package org.izhsim.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.izhsim.equations.CurrentExpression;
import org.izhsim.equations.Dimension;
import org.izhsim.expr.Expression;
import org.izhsim.expr.ExpressionException;
import org.izhsim.integrate.Scheme;
import org.izhsim.io.RunInfo;
import org.izhsim.model.Izhikevich2007Model;
import org.izhsim.model.Izhikevich2007Presets;
import org.izhsim.model.Izhikevich2007Presets.Preset2007;
import org.izhsim.model.NeuronParams;
import org.izhsim.model.Preset;
import org.izhsim.model.Presets;
import org.izhsim.neuron.CurrentSource;
import org.izhsim.neuron.FiCurve;
import org.izhsim.neuron.Neuron2007Setup;
import org.izhsim.neuron.NeuronSetup;
import org.izhsim.neuron.NeuronSimulator;
import org.izhsim.neuron.NeuronSpec;
import org.izhsim.neuron.NeuronTrace;
import org.izhsim.neuron.PhasePlane;
import org.izhsim.plot.Figure;
import org.izhsim.plot.Figures;

/**
 * The neuron and F–I tabs: every request carries the full settings (model, preset, its
 * parameters, v0, dt, duration, current expression, scheme) and is simulated from scratch by
 * {@link NeuronSimulator}, so the server keeps no per-tab state for them. Two models: the 2003
 * one (the default; {@link NeuronSetup}) and, with {@code "model": "izh2007"}, the book's
 * dimensional one ({@link Neuron2007Setup}; C, k, vr, vt, vpeak, a, b, c, d, I in pA).
 */
final class NeuronApi {
    private NeuronApi() {}

    /**
     * A parsed request: the run plus what the page and downloads name it by.
     *
     * @param setup    the run
     * @param form     its model's form
     * @param presetId the preset it starts from
     * @param custom   true if a model parameter differs from the preset's
     * @param current  the current expression's text
     * @param body     the request
     * @param params   the model's parameters and initial state for provenance, keys with units
     */
    record Request(NeuronSpec setup, NeuronForms.Form form, String presetId, boolean custom, String current, Body body,
                   Map<String, Object> params) {
        String label() {
            return custom ? "custom" : presetId;
        }

        /** The unit of u and I: "" for the 2003 model, "pA" for the 2007 one. */
        String unit() {
            return setup.currentUnit();
        }

        Map<String, Object> provenance(String command) {
            Map<String, Object> m = RunInfo.base(command);
            m.put("preset", presetId);
            m.put("scheme", setup.scheme().id());
            m.put("dt_ms", setup.dt());
            m.put("duration_ms", setup.duration());
            m.putAll(params);
            m.put("current", current);
            return m;
        }
    }

    /**
     * The preset menu (from the core registries, grouped by family), each model's sliders and
     * schemes, and the limits. The top-level {@code presets} and {@code schemes} are the
     * default model's (izh2003), as the first version of this API served them; {@code models}
     * holds every model, and its presets in menu order.
     */
    static Map<String, Object> catalogue() {
        List<Map<String, Object>> presets2003 = new ArrayList<>();
        for (Preset p : Presets.all()) presets2003.add(entry2003(p));
        List<Map<String, Object>> presets2007 = new ArrayList<>();
        for (Preset2007 p : Izhikevich2007Presets.all()) presets2007.add(entry2007(p));
        List<Map<String, Object>> schemes = new ArrayList<>();
        for (Scheme s : Scheme.values()) schemes.add(Map.of("id", s.id(), "description", s.description()));
        Map<String, Object> models = new LinkedHashMap<>();
        Map<String, Object> m2003 = NeuronForms.IZH2003.json();
        m2003.put("presets", presets2003);
        models.put(NeuronForms.IZH2003.id(), m2003);
        Map<String, Object> m2007 = NeuronForms.IZH2007.json();
        m2007.put("presets", presets2007);
        models.put(NeuronForms.IZH2007.id(), m2007);
        Map<String, Object> limits = new LinkedHashMap<>();
        limits.put("max_expression_chars", Limits.MAX_EXPRESSION_CHARS);
        limits.put("max_neuron_samples", Limits.MAX_NEURON_SAMPLES);
        limits.put("max_neurons", Limits.MAX_NEURONS);
        limits.put("max_dense_neurons", Limits.MAX_DENSE_NEURONS);
        limits.put("max_network_ms", Limits.MAX_NETWORK_MS);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("presets", presets2003);
        out.put("schemes", schemes);
        out.put("models", models);
        out.put("common", List.of(NeuronForms.DT.json(), NeuronForms.DURATION.json()));
        out.put("limits", limits);
        out.put("version", org.izhsim.Version.describe());
        return out;
    }

    private static Map<String, Object> entry2003(Preset p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("title", p.title());
        m.put("family", familyLabel(p.family()));
        m.put("model", NeuronForms.IZH2003.id());
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
        m.put("fi", Map.of("from", 0, "to", 40, "step", 1));
        return m;
    }

    /** The F–I range the page proposes for a 2007 cell: 41 currents from 0 to about twice its step [pA]. */
    static double fiStep2007(Preset2007 p) {
        double raw = 2 * p.amplitude() / 40, mag = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) if (m * mag >= raw - 1e-9) return m * mag;
        return 10 * mag;
    }

    private static Map<String, Object> entry2007(Preset2007 p) {
        Izhikevich2007Model c = p.model();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("title", p.title());
        m.put("family", FAMILY_2007);
        m.put("model", NeuronForms.IZH2007.id());
        double[] values = values2007(c);
        for (int i = 0; i < values.length; i++) m.put(NeuronForms.IZH2007.params().get(i).field(), values[i]);
        m.put("v0", p.v0());
        m.put("u0", 0.0);
        m.put("dt", p.dt());
        m.put("duration", p.duration());
        m.put("current", p.current());
        m.put("equations", c.equations());
        m.put("rule", c.rule().description());
        double step = fiStep2007(p);
        m.put("fi", Map.of("from", 0, "to", 40 * step, "step", step));
        return m;
    }

    /** A 2007 cell's parameters in the order of {@link NeuronForms#IZH2007}'s sliders (V0 apart). */
    static double[] values2007(Izhikevich2007Model m) {
        return new double[] {m.C(), m.k(), m.vr(), m.vt(), m.vpeak(), m.a(), m.b(), m.c(), m.d()};
    }

    /** The menu heading of the book's cells. */
    static final String FAMILY_2007 = "Izhikevich 2007 book cells (C dv/dt, pA)";

    /** The menu heading of a family; a family added to the registry later shows under its own name. */
    static String familyLabel(Preset.Family f) {
        return switch (f.name()) {
            case "CLASSES_2003" -> "Izhikevich 2003 classes";
            case "PANELS_2004" -> "Izhikevich 2004 Fig. 1 panels A-T";
            default -> f.name().replace('_', ' ');
        };
    }

    static Request parse(Body body) {
        NeuronForms.Form form = NeuronForms.of(body);
        form.check(body);
        return form == NeuronForms.IZH2007 ? parse2007(body, form) : parse2003(body, form);
    }

    private static Request parse2003(Body body, NeuronForms.Form form) {
        Preset p;
        try {
            p = Presets.byId(body.text("preset", "RS", 40));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        double a = form.param("a").read(body, p.params().a());
        double b = form.param("b").read(body, p.params().b());
        double c = form.param("c").read(body, p.params().c());
        double d = form.param("d").read(body, p.params().d());
        double v0 = form.param("v0").read(body, p.v0());
        // u0 follows b·v0 unless the preset fixes it otherwise (panel R) and b and v0 are its own
        double u0 = form.u0().read(body, b == p.params().b() && v0 == p.v0() ? p.u0() : b * v0);
        Protocol pr = protocol(body, form, p.dt(), p.duration(), p.current());
        NeuronParams q = p.params();
        boolean custom = !(a == q.a() && b == q.b() && c == q.c() && d == q.d());
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("a", a);
        params.put("b", b);
        params.put("c", c);
        params.put("d", d);
        params.put("v0_mV", v0);
        params.put("u0", u0);
        try {
            NeuronSetup s = new NeuronSetup(p.model(), new NeuronParams(a, b, c, d), v0, u0, pr.scheme(), pr.dt(),
                    pr.duration(), pr.current());
            return new Request(s, form, p.id(), custom, pr.text(), body, params);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    /**
     * A 2007 request: the preset's cell (its rule kept) with the sent parameters; v0 defaults to
     * the request's vr and u0 to 0, as the book starts its cells.
     */
    private static Request parse2007(Body body, NeuronForms.Form form) {
        Preset2007 p;
        try {
            p = Izhikevich2007Presets.byId(body.text("preset", "RS", 40));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        Izhikevich2007Model m = p.model();
        double[] preset = values2007(m), x = new double[preset.length];
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("model", form.id());
        params.put("current_unit", form.currentUnit());
        params.put("rule", m.rule().name());
        boolean custom = false;
        for (int i = 0; i < x.length; i++) {
            NeuronForms.Param f = form.params().get(i);
            x[i] = f.read(body, preset[i]);
            custom |= x[i] != preset[i];
            params.put(f.field() + "_" + f.unit().replace("/", "_per_").replace("1_per_", "per_"), x[i]);
        }
        double v0 = form.param("v0").read(body, x[2]);
        double u0 = form.u0().read(body, 0);
        params.put("v0_mV", v0);
        params.put("u0_pA", u0);
        Protocol pr = protocol(body, form, p.dt(), p.duration(), p.current());
        try {
            Izhikevich2007Model cell = new Izhikevich2007Model(m.name(), x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7], x[8],
                    m.rule(), m.strictCutoff());
            Neuron2007Setup s = new Neuron2007Setup(cell, v0, u0, pr.scheme(), pr.dt(), pr.duration(), pr.current());
            return new Request(s, form, p.id(), custom, pr.text(), body, params);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    /** Step, duration, scheme and input of a request, with the model's defaults. */
    private record Protocol(double dt, double duration, Scheme scheme, String text, CurrentSource current) {}

    private static Protocol protocol(Body body, NeuronForms.Form form, double dt0, double duration0, String current0) {
        double dt = NeuronForms.DT.read(body, dt0);
        double duration = body.number("duration", duration0, dt, NeuronForms.DURATION.max());
        Scheme scheme;
        try {
            scheme = Scheme.byId(body.text("scheme", form.defaultScheme().id(), 40));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        String text = body.text("current", current0, Limits.MAX_EXPRESSION_CHARS);
        CurrentSource current = form == NeuronForms.IZH2007
                ? parseCurrent(text, Neuron2007Setup.CURRENT_DIMENSION, "I of izh2007")
                : parseCurrent(text, NeuronSetup.CURRENT_DIMENSION, "I of izh2003");
        double samples = Math.floor(duration / dt) + 1;
        if (samples > Limits.MAX_NEURON_SAMPLES) {
            throw ApiException.badRequest("duration/dt = " + (long) (samples - 1) + " steps; at most "
                    + (Limits.MAX_NEURON_SAMPLES - 1) + " (use a larger dt or a shorter duration)");
        }
        return new Protocol(dt, duration, scheme, text, current);
    }

    /**
     * Parses the expression into a tree (never executed as code), with units where it names them
     * ({@code 10*pA} for a 2007 cell, {@code 10*mV/ms} for the 2003 model); a mistake comes back
     * with its caret diagram, a unit that is not the model's input's as one line naming both.
     */
    static CurrentSource parseCurrent(String text, Dimension input, String inputName) {
        try {
            Expression e = CurrentExpression.parse(text, input, inputName);
            return e::at;
        } catch (ExpressionException e) {
            throw ApiException.badRequest("current: " + e.getMessage() + "\n" + e.caretDiagram());
        } catch (CurrentExpression.UnitMismatch e) {
            throw ApiException.badRequest("current: " + e.getMessage());
        }
    }

    static NeuronTrace run(NeuronSpec s) {
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
        out.put("current_unit", r.unit());
        out.put("model", modelJson(r.setup()));
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

    /**
     * What the page needs to redraw the phase plane for any I: the v-nullcline as
     * u = k2·v² + k1·v + k0 + I in both models (2007: k(v − vr)(v − vt) expanded, in pA).
     */
    static Map<String, Object> modelJson(NeuronSpec spec) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("id", spec.modelName());
        switch (spec) {
            case NeuronSetup s -> {
                model.put("k2", s.model().k2());
                model.put("k1", s.model().k1());
                model.put("k0", s.model().k0());
                model.put("v_peak", s.model().vPeak());
            }
            case Neuron2007Setup s -> {
                Izhikevich2007Model m = s.model();
                model.put("k2", m.k());
                model.put("k1", -m.k() * (m.vr() + m.vt()));
                model.put("k0", m.k() * m.vr() * m.vt());
                model.put("v_peak", m.vpeak());
            }
            default -> throw new IllegalStateException("no page model for " + spec.modelName());
        }
        model.put("equations", spec.equations());
        return model;
    }

    private static double[] fiCurrents(Body body) {
        double from = body.number("from", 0, -1000, 1000), to = body.number("to", 40, -1000, 1000);
        double step = body.number("step", 1, 1e-6, 2000);
        if (to < from) throw ApiException.badRequest("to (" + to + ") must not be below from (" + from + ")");
        double n = Math.floor((to - from) / step + 1e-9) + 1;
        if (n > Limits.MAX_FI_CURRENTS) throw ApiException.badRequest("the F-I range has " + (long) n + " currents; at most " + Limits.MAX_FI_CURRENTS);
        return FiCurve.range(from, to, step);
    }

    /**
     * The duration of each F–I run: {@code fi_duration} [ms], else {@code izhsim fi}'s
     * {@link FiCurve#DURATION_MS}, not the neuron tab's window, so the tab and the command agree.
     */
    static double fiDuration(Request r) {
        return r.body().number("fi_duration", FiCurve.DURATION_MS, r.setup().dt(), NeuronForms.DURATION.max());
    }

    /** The F–I curve of the neuron at the request's dt over {@link #fiDuration} (its current expression is replaced). */
    static FiCurve fiCurve(Request r) {
        double[] currents = fiCurrents(r.body());
        NeuronSpec base = r.setup().withDuration(fiDuration(r));
        if (currents.length * (double) base.steps() > Limits.MAX_FI_STEPS) {
            throw ApiException.badRequest("the F-I curve needs " + currents.length + " x " + base.steps()
                    + " neuron steps; at most " + Limits.MAX_FI_STEPS + " (fewer currents, a larger dt or a shorter duration)");
        }
        try {
            return FiCurve.compute(base, currents);
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
        out.put("current_unit", r.unit());
        out.put("currents", c.currents());
        out.put("rates_hz", c.rates());
        out.put("spikes", c.spikes());
        out.put("duration", fiDuration(r));
        out.put("compute_ms", (System.nanoTime() - t0) / 1e6);
        return out;
    }

    static final Set<String> FIGURES = new LinkedHashSet<>(List.of("trace", "phase", "fi"));

    /** The figure or data of one view: trace (v over I, and u), phase (v–u plane) or fi. */
    static Download download(Body body, String view, String format) {
        Request r = parse(body);
        boolean dimensional = !r.unit().isEmpty();
        String title = r.label() + (dimensional ? " (" + r.form().id() + ")" : "") + ", scheme " + r.setup().scheme().id() + ", dt " + fmt(r.setup().dt()) + " ms";
        Map<String, Object> prov = r.provenance("ui");
        String base = (dimensional ? r.form().id() + "-" : "") + r.label() + "-" + view;
        if (view.equals("fi")) {
            FiCurve c = fiCurve(r);
            prov.put("fi_duration_ms", fiDuration(r));
            if (Download.isFigure(format)) {
                return Download.figure(Figures.fiCurve("F-I curve, " + title, c.currents(), c.rates(), r.unit()), base, format, prov);
            }
            return Download.table(base, format, prov, List.of(r.unit().isEmpty() ? "current" : "current_pA", "rate_hz", "spikes"), List.of(c.currents(), c.rates(), c.spikes()));
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
                f = Figures.phasePlane(title + ", nullclines at I = " + fmt(pp.current()) + (r.unit().isEmpty() ? "" : " " + r.unit()),
                        pp, r.unit());
            } else {
                f = Figures.voltageTrace(title, tr.t(), tr.v(), tr.current(), r.unit());
            }
            return Download.figure(f, base, format, prov);
        }
        prov.put("spike_times_ms", tr.spikeTimes());
        List<String> columns = r.unit().isEmpty() ? List.of("t_ms", "v_mV", "u", "I") : List.of("t_ms", "v_mV", "u_pA", "I_pA");
        return Download.table(base, format, prov, columns, List.of(tr.t(), tr.v(), tr.u(), tr.current()));
    }

    static String fmt(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e9 ? String.valueOf((long) x) : String.format(Locale.ROOT, "%s", x);
    }
}
