package org.izhsim.model;

import static org.izhsim.model.IzhikevichModel.ACCOMMODATION;
import static org.izhsim.model.IzhikevichModel.CLASS1_VARIANT;
import static org.izhsim.model.IzhikevichModel.STANDARD;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.izhsim.model.Preset.Family;

/**
 * The registry of published presets.
 *
 * <p>Panels A–T are {@code figure1.m} of Izhikevich (2004), "Which model to use for cortical
 * spiking neurons?", IEEE TNN 15:1063 — parameters, initial values, dt, duration and input
 * protocols as in that program (read in OpenSourceBrain/IzhikevichModel MATLAB/izhi2003.m,
 * whose second figure is identical to figure1.m). The 2003 classes are the first figure of the
 * same file, a reconstruction of Fig. 2 of Izhikevich (2003), "Simple model of spiking neurons",
 * IEEE TNN 14:1569.
 *
 * <p>Each protocol is written so that the expression evaluates to the same double as the
 * MATLAB statement it replaces: comparisons are strict where the program's are, and each value
 * is produced by the same operations (e.g. panel G: {@code 1*(0.075*(t-30))}).
 */
public final class Presets {
    private static final Map<String, Preset> BY_ID = new LinkedHashMap<>();

    private static final String IZHI2003 = "OpenSourceBrain/IzhikevichModel MATLAB/izhi2003.m (first figure)";
    private static final String FIGURE1 = "Izhikevich 2004 figure1.m";

    static {
        // 2003 classes: dt 0.25 ms, input switched on at T/10 unless noted
        cls("RS", "regular spiking", 0.02, 0.2, -65, 8, -63, 150, "int(t>15*ms)*14");
        cls("IB", "intrinsically bursting", 0.02, 0.2, -55, 4, -70, 150, "int(t>15*ms)*11");
        cls("CH", "chattering", 0.02, 0.2, -50, 2, -70, 150, "int(t>15*ms)*10");
        cls("FS", "fast spiking", 0.1, 0.2, -65, 2, -70, 150, "int(t>15*ms)*10");
        cls("LTS", "low-threshold spiking", 0.02, 0.25, -65, 2, -63, 250, "int(t>25*ms)*10");
        cls("TC", "thalamo-cortical, tonic mode", 0.02, 0.25, -65, 0.05, -63, 150, "int(t>30*ms)*1.5");
        cls("TC-burst", "thalamo-cortical, rebound burst from -87 mV", 0.02, 0.25, -65, 0.05, -87, 150,
                "int(not t>45*ms)*(-25)");
        cls("RZ", "resonator", 0.1, 0.26, -65, 2, -70, 100,
                "int(t>60*ms and t<65*ms)*10 + int(not (t>60*ms and t<65*ms) and t>10*ms)*(-0.5)"
                        + " + int(not (t>60*ms and t<65*ms) and not t>10*ms)*(-2)");

        // 2004 figure1.m panels
        panel("A", "tonic spiking", STANDARD, 0.02, 0.2, -65, 6, -70, 0.25, 100, "int(t>10*ms)*14");
        panel("B", "phasic spiking", STANDARD, 0.02, 0.25, -65, 6, -64, 0.25, 200, "int(t>20*ms)*0.5");
        panel("C", "tonic bursting", STANDARD, 0.02, 0.2, -50, 2, -70, 0.25, 220, "int(t>22*ms)*15");
        panel("D", "phasic bursting", STANDARD, 0.02, 0.25, -55, 0.05, -64, 0.2, 200, "int(t>20*ms)*0.6");
        panel("E", "mixed mode", STANDARD, 0.02, 0.2, -55, 4, -70, 0.25, 160, "int(t>16*ms)*10");
        panel("F", "spike frequency adaptation", STANDARD, 0.01, 0.2, -65, 8, -70, 0.25, 85, "int(t>8.5*ms)*30");
        panel("G", "Class 1 excitable", CLASS1_VARIANT, 0.02, -0.1, -55, 6, -60, 0.25, 300,
                "int(t>30*ms)*(0.075*(t/ms-30))");
        panel("H", "Class 2 excitable", STANDARD, 0.2, 0.26, -65, 0, -64, 0.25, 300,
                "-0.5 + int(t>30*ms)*(0.015*(t/ms-30))");
        panel("I", "spike latency", STANDARD, 0.02, 0.2, -65, 6, -70, 0.2, 100, "int(t>10*ms and t<13*ms)*7.04");
        panel("J", "subthreshold oscillations", STANDARD, 0.05, 0.26, -60, 0, -62, 0.25, 200,
                "int(t>20*ms and t<25*ms)*2");
        panel("K", "resonator", STANDARD, 0.1, 0.26, -60, -1, -62, 0.25, 400,
                "int((t>40*ms and t<44*ms) or (t>60*ms and t<64*ms) or (t>280*ms and t<284*ms)"
                        + " or (t>320*ms and t<324*ms))*0.65");
        panel("L", "integrator", CLASS1_VARIANT, 0.02, -0.1, -55, 6, -60, 0.25, 100,
                "int((t>100/11*ms and t<100/11*ms+2*ms) or (t>100/11*ms+5*ms and t<100/11*ms+5*ms+2*ms)"
                        + " or (t>70*ms and t<72*ms) or (t>80*ms and t<82*ms))*9");
        panel("M", "rebound spike", STANDARD, 0.03, 0.25, -60, 4, -64, 0.2, 200, "int(t>20*ms and t<25*ms)*(-15)");
        panel("N", "rebound burst", STANDARD, 0.03, 0.25, -52, 0, -64, 0.2, 200, "int(t>20*ms and t<25*ms)*(-15)");
        panel("O", "threshold variability", STANDARD, 0.03, 0.25, -60, 4, -64, 0.25, 100,
                "int((t>10*ms and t<15*ms) or (t>80*ms and t<85*ms))*1"
                        + " + int(not ((t>10*ms and t<15*ms) or (t>80*ms and t<85*ms)) and t>70*ms and t<75*ms)*(-6)");
        panel("P", "bistability", STANDARD, 0.1, 0.26, -60, 0, -61, 0.25, 300,
                "int((t>37.5*ms and t<42.5*ms) or (t>216*ms and t<221*ms))*1.24"
                        + " + int(not ((t>37.5*ms and t<42.5*ms) or (t>216*ms and t<221*ms)))*0.24");
        panel("Q", "depolarizing after-potential", STANDARD, 1, 0.2, -60, -21, -70, 0.1, 50,
                "int(abs(t-10*ms)<1*ms)*20");
        add(new Preset("R", "accommodation", Family.PANELS_2004, ACCOMMODATION, new NeuronParams(0.02, 1, -55, 4),
                -65, -16, 0.5, 400,
                "int(t<200*ms)*t/ms/25 + int(t>=300*ms and t<312.5*ms)*((t/ms-300)/12.5*4)", FIGURE1));
        panel("S", "inhibition-induced spiking", STANDARD, -0.02, -1, -60, 8, -63.8, 0.5, 350,
                "int(t<50*ms or t>250*ms)*80 + int(not (t<50*ms or t>250*ms))*75");
        panel("T", "inhibition-induced bursting", STANDARD, -0.026, -1, -45, -2, -63.8, 0.5, 350,
                "int(t<50*ms or t>250*ms)*80 + int(not (t<50*ms or t>250*ms))*75");
    }

    private Presets() {}

    private static void cls(String id, String name, double a, double b, double c, double d, double v0,
                            double duration, String current) {
        add(new Preset(id, name, Family.CLASSES_2003, STANDARD, new NeuronParams(a, b, c, d), v0, b * v0, 0.25,
                duration, current, IZHI2003));
    }

    private static void panel(String id, String name, IzhikevichModel model, double a, double b, double c, double d,
                              double v0, double dt, double duration, String current) {
        add(new Preset(id, name, Family.PANELS_2004, model, new NeuronParams(a, b, c, d), v0, b * v0, dt, duration,
                current, FIGURE1));
    }

    private static void add(Preset p) {
        BY_ID.put(p.id().toUpperCase(Locale.ROOT), p);
    }

    /** Every preset, classes first, then panels A–T. */
    public static List<Preset> all() {
        return List.copyOf(BY_ID.values());
    }

    /** The presets of one family in their published order. */
    public static List<Preset> of(Family family) {
        List<Preset> out = new ArrayList<>();
        for (Preset p : BY_ID.values()) if (p.family() == family) out.add(p);
        return Collections.unmodifiableList(out);
    }

    /** The 20 panels A–T of the 2004 paper. */
    public static List<Preset> panels() {
        return of(Family.PANELS_2004);
    }

    /** The preset with this id (case-insensitive); the error lists the known ones. */
    public static Preset byId(String id) {
        Preset p = BY_ID.get(id.trim().toUpperCase(Locale.ROOT));
        if (p == null) {
            throw new IllegalArgumentException("unknown preset '" + id + "'; known: " + knownIds());
        }
        return p;
    }

    /** "RS, IB, CH, FS, LTS, TC, TC-burst, RZ, A..T". */
    public static String knownIds() {
        StringBuilder sb = new StringBuilder();
        for (Preset p : of(Family.CLASSES_2003)) sb.append(p.id()).append(", ");
        return sb.append("A..T").toString();
    }
}
