package org.izhsim.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.izhsim.model.Izhikevich2007Model.CellRule;

/**
 * The book's cells for the 2007 model (Izhikevich 2007, ch. 8) with the figure protocols as
 * OpenSourceBrain reconstructs them ({@code MATLAB/izhi2007.m}; docs/reference/izhikevich-2007.md
 * §3): a DC step from t = 0 (burst modes: a hyperpolarising step for the first 120 ms first),
 * dt = 0.25 ms, initial v = vr and u = 0, scheme euler. Each preset lists the amplitudes of its
 * figure; the default current is the last of them. {@code RS-book} is the book's printed RS
 * program (§1 there): dt = 1 ms, 1000 ms, 70 pA from t = 100 ms.
 */
public final class Izhikevich2007Presets {
    private static final Map<String, Preset2007> BY_ID = new LinkedHashMap<>();

    private static final String OSB = "OpenSourceBrain/IzhikevichModel MATLAB/izhi2007.m (reference 5.2)";

    /**
     * One cell with its protocol.
     *
     * @param id          command-line name (RS, TC-burst, …)
     * @param name        descriptive name with the book's figure
     * @param model       the cell
     * @param dt          step [ms]
     * @param duration    simulated time [ms], the hold period included
     * @param holdCurrent current before {@code holdMs} [pA] (burst modes), or 0 with holdMs = 0
     * @param holdMs      length of the hyperpolarising hold [ms], 0 if none
     * @param amplitudes  the figure's step amplitudes [pA]
     * @param source      where the protocol comes from
     */
    public record Preset2007(String id, String name, Izhikevich2007Model model, double dt, double duration,
                             double holdCurrent, double holdMs, List<Double> amplitudes, String source) {

        /** The default step: the figure's last (largest) amplitude [pA]. */
        public double amplitude() {
            return amplitudes.getLast();
        }

        /** The protocol as a current expression [pA] for this step amplitude (t in ms). */
        public String currentFor(double amplitudePa) {
            String amp = Izhikevich2007Model.num(amplitudePa);
            if (holdMs == 0) return amp;
            return "int(t<" + Izhikevich2007Model.num(holdMs) + "*ms)*(" + Izhikevich2007Model.num(holdCurrent) + ") + int(t>=" + Izhikevich2007Model.num(holdMs) + "*ms)*(" + amp + ")";
        }

        /** The default protocol's current expression [pA]. */
        public String current() {
            return currentFor(amplitude());
        }

        /** Initial v: vr [mV]. */
        public double v0() {
            return model.vr();
        }

        /** "RS: L5 regular spiking pyramidal (Fig. 8.12)". */
        public String title() {
            return id + ": " + name;
        }
    }

    static {
        cell("RS", "L5 regular spiking pyramidal (Fig. 8.12)", 520, 0, 0,
                plain("RS", 100, 0.7, -60, -40, 35, 0.03, -2, -50, 100), 60, 70, 85, 100);
        cell("IB", "L5 intrinsically bursting pyramidal (Fig. 8.19)", 600, 0, 0,
                plain("IB", 150, 1.2, -75, -45, 50, 0.01, 5, -56, 130), 290, 370, 500, 550);
        cell("CH", "cat V1 chattering (Fig. 8.23)", 210, 0, 0,
                plain("CH", 50, 1.5, -60, -40, 25, 0.03, 1, -40, 150), 200, 300, 400, 600);
        cell("LTS", "rat barrel cortex low-threshold spiking interneuron (Fig. 8.25)", 320, 0, 0,
                ruled("LTS", 100, 1, -56, -42, 40, 0.03, 8, -53, 20, CellRule.LTS, true), 100, 125, 200, 300);
        cell("FS", "rat V1 L5 fast-spiking interneuron (Fig. 8.27)", 100, 0, 0,
                ruled("FS", 20, 1, -55, -40, 25, 0.2, 0, -45, 0, CellRule.FS, false), 73.2, 100, 200, 400);
        Izhikevich2007Model tc = ruled("TC", 200, 1.6, -60, -50, 35, 0.01, 15, -60, 10, CellRule.TC, true);
        cell("TC", "cat dLGN thalamocortical relay, tonic mode (Fig. 8.31)", 650, 0, 0, tc, 50, 100, 150);
        cell("TC-burst", "thalamocortical relay, burst mode: -1200 pA for 120 ms first (Fig. 8.31)", 770, -1200, 120,
                tc, 0, 50, 100);
        Izhikevich2007Model rtn = ruled("RTN", 40, 0.25, -65, -45, 0, 0.015, 10, -55, 50, CellRule.RTN, false);
        cell("RTN", "rat reticular thalamic nucleus, tonic mode (Fig. 8.32)", 650, 0, 0, rtn, 50, 70, 110);
        cell("RTN-burst", "reticular thalamic nucleus, burst mode: -350 pA for 120 ms first (Fig. 8.32)", 840, -350, 120,
                rtn, 30, 50, 90);
        Preset2007 book = new Preset2007("RS-book", "the book's printed RS program, 70 pA from t = 100 ms (ch. 8)",
                plain("RS", 100, 0.7, -60, -40, 35, 0.03, -2, -50, 100), 1, 1000, 0, 100, List.of(70.0),
                "Izhikevich 2007, ch. 8, printed program (reference 5.1)");
        BY_ID.put(book.id().toUpperCase(Locale.ROOT), book);
    }

    private Izhikevich2007Presets() {}

    private static Izhikevich2007Model plain(String name, double C, double k, double vr, double vt, double vpeak,
                                             double a, double b, double c, double d) {
        return Izhikevich2007Model.of(name, C, k, vr, vt, vpeak, a, b, c, d);
    }

    private static Izhikevich2007Model ruled(String name, double C, double k, double vr, double vt, double vpeak,
                                             double a, double b, double c, double d, CellRule rule, boolean strict) {
        return new Izhikevich2007Model(name, C, k, vr, vt, vpeak, a, b, c, d, rule, strict);
    }

    private static void cell(String id, String name, double duration, double hold, double holdMs,
                             Izhikevich2007Model model, double... amplitudes) {
        List<Double> amps = java.util.Arrays.stream(amplitudes).boxed().toList();
        BY_ID.put(id.toUpperCase(Locale.ROOT), new Preset2007(id, name, model, 0.25, duration, hold, holdMs, amps, OSB));
    }

    /** Every preset in the book's order. */
    public static List<Preset2007> all() {
        return List.copyOf(BY_ID.values());
    }

    /** The preset with this id (case-insensitive); the error lists the known ones. */
    public static Preset2007 byId(String id) {
        Preset2007 p = BY_ID.get(id.trim().toUpperCase(Locale.ROOT));
        if (p == null) throw new IllegalArgumentException("unknown izh2007 preset '" + id + "'; known: " + knownIds());
        return p;
    }

    /** "RS, IB, CH, LTS, FS, TC, TC-burst, RTN, RTN-burst, RS-book". */
    public static String knownIds() {
        return BY_ID.values().stream().map(Preset2007::id).collect(Collectors.joining(", "));
    }
}
