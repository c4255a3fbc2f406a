package org.izhsim.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.izhsim.integrate.Izhikevich2007Kernel;
import org.izhsim.integrate.Scheme;

/**
 * The settings of each neuron model as the page shows them and the API accepts them: one table
 * per model names every parameter with its unit, slider range and step, and the bounds a request
 * must stay within. The page builds its sliders from this table (through the catalogue) and
 * {@link NeuronApi} checks requests against it, so the two cannot drift apart.
 *
 * <p>Slider ranges: the 2003 model's are those of the Brian2 notebook (issue #5); the 2007
 * model's span the book's cells (Izhikevich 2007, ch. 8: C 20–200 pF, k 0.25–1.6 nS/mV, vpeak
 * 0–50 mV, d 0–150 pA, …) with room either side. A preset outside a range widens its slider.
 * The request bounds are wider: they refuse nonsense, not exploration.
 */
final class NeuronForms {
    private NeuronForms() {}

    /**
     * One setting.
     *
     * @param field     the JSON field and the page's element id
     * @param label     what the page shows
     * @param unit      its unit, "" for none
     * @param sliderMin left end of the slider
     * @param sliderMax right end of the slider
     * @param step      slider step
     * @param min       smallest value a request may send
     * @param max       largest value a request may send
     */
    record Param(String field, String label, String unit, double sliderMin, double sliderMax, double step, double min,
                 double max) {
        double read(Body body, double fallback) {
            return body.number(field, fallback, min, max);
        }

        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("f", field);
            m.put("label", label);
            m.put("unit", unit);
            m.put("min", sliderMin);
            m.put("max", sliderMax);
            m.put("step", step);
            return m;
        }
    }

    /**
     * A model's form.
     *
     * @param id            "izh2003" or "izh2007", as the API's {@code model} field names it
     * @param currentUnit   the unit of I and u ("" for the 2003 model, "pA" for the 2007 one)
     * @param params        the model's sliders, V0 last
     * @param u0            the initial u (no slider: it follows the model's rule unless sent)
     * @param schemes       the schemes its kernel runs
     * @param defaultScheme the scheme a request without one gets
     */
    record Form(String id, String currentUnit, List<Param> params, Param u0, List<Scheme> schemes, Scheme defaultScheme) {
        Param param(String field) {
            return params.stream().filter(p -> p.field().equals(field)).findFirst().orElseThrow();
        }

        /** Every field a request of this model may carry, in the order error messages list them. */
        List<String> fields() {
            List<String> out = new ArrayList<>();
            out.add("preset");
            for (Param p : params) out.add(p.field());
            out.addAll(List.of(u0.field(), "dt", "duration", "current", "scheme", "from", "to", "step", "fi_duration", "phase_t", "model"));
            return out;
        }

        /**
         * Refuses a field this model does not know; one of the other model's parameters is named
         * as such, since sending "k" without "model": "izh2007" is the likely mistake.
         */
        void check(Body body) {
            List<String> known = fields();
            for (Form other : ALL) {
                if (other == this) continue;
                for (Param p : other.params()) {
                    if (body.has(p.field()) && !known.contains(p.field())) {
                        throw ApiException.badRequest("field '" + p.field() + "' is a parameter of model " + other.id()
                                + ", not of " + id + " (send \"model\": \"" + other.id() + "\")");
                    }
                }
            }
            body.only(known);
        }

        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("current_unit", currentUnit);
            m.put("params", params.stream().map(Param::json).toList());
            m.put("schemes", schemes.stream().map(Scheme::id).toList());
            m.put("default_scheme", defaultScheme.id());
            return m;
        }
    }

    /** Step and duration, shared by both models; a duration's lower bound is the request's dt. */
    static final Param DT = new Param("dt", "dt", "ms", 0.1, 1, 0.05, 0.001, 10);
    static final Param DURATION = new Param("duration", "duration", "ms", 100, 2000, 10, 0, 100_000);

    static final Form IZH2003 = new Form("izh2003", "", List.of(
            new Param("a", "a", "1/ms", -0.03, 1, 0.001, -100, 100),
            new Param("b", "b", "", -1, 1, 0.005, -100, 100),
            new Param("c", "c", "mV", -65, -45, 0.5, -1000, 1000),
            new Param("d", "d", "", -2, 8, 0.05, -1000, 1000),
            new Param("v0", "V0", "mV", -87, -50, 0.5, -1000, 1000)),
            new Param("u0", "u0", "", 0, 0, 0, -1e4, 1e4), List.of(Scheme.values()), Scheme.FIGURE1);

    static final Form IZH2007 = new Form("izh2007", "pA", List.of(
            new Param("C", "C", "pF", 10, 300, 1, 0.1, 100_000),
            new Param("k", "k", "nS/mV", 0, 2.5, 0.01, -100, 100),
            new Param("vr", "vr", "mV", -90, -40, 0.5, -1000, 1000),
            new Param("vt", "vt", "mV", -60, -20, 0.5, -1000, 1000),
            new Param("vpeak", "vpeak", "mV", -10, 60, 1, -1000, 1000),
            new Param("a", "a", "1/ms", 0, 0.3, 0.001, -100, 100),
            new Param("b", "b", "nS", -10, 30, 0.1, -10_000, 10_000),
            new Param("c", "c", "mV", -80, -30, 0.5, -1000, 1000),
            new Param("d", "d", "pA", -50, 250, 1, -100_000, 100_000),
            new Param("v0", "V0", "mV", -90, -40, 0.5, -1000, 1000)),
            new Param("u0", "u0", "pA", 0, 0, 0, -1e6, 1e6),
            Arrays.stream(Scheme.values()).filter(Izhikevich2007Kernel::supports).toList(), Scheme.EULER);

    static final List<Form> ALL = List.of(IZH2003, IZH2007);

    static List<String> ids() {
        return ALL.stream().map(Form::id).toList();
    }

    /** The form of a request's {@code model} field (default izh2003); an unknown model lists the known ones. */
    static Form of(Body body) {
        String id = body.choice("model", IZH2003.id(), ids());
        return ALL.stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
    }
}
