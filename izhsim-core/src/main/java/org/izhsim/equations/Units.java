package org.izhsim.equations;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Brian2's unit names, each with its dimension and its value in izhsim's model units.
 *
 * <p>Model units: time in ms, voltage in mV, current in pA, conductance in nS, capacitance in
 * pF (the units of Izhikevich's 2007 book). They are consistent — pA/pF = mV/ms and
 * nS·mV = pA — so an equation needs no conversion factors: {@code 1*mV} is the number 1,
 * {@code 1*second} is 1000 and {@code 1*Hz} is 0.001 (per ms), as in the current-expression
 * language. The numbers are computed in decimal and rounded once, so {@code mV} is exactly 1.
 *
 * <p>Names: the long SI names ({@code second, volt, amp, siemens, farad, ohm, hertz,
 * coulomb}) with prefixes {@code p n u m k M G} written out ({@code msecond}, {@code mvolt},
 * {@code pamp}, …) or short ({@code ms}, {@code mV}, {@code pA}, {@code nS}, {@code pF},
 * {@code Mohm}, {@code kHz}, …), plus {@code Hz}. As in Brian2 the bare {@code s}, {@code V},
 * {@code A}, {@code S} and {@code F} are not units, so they stay free for variables.
 */
public final class Units {
    /** A unit: its dimension and its value in model units. */
    public record Unit(String name, Dimension dimension, double value) {}

    private static final Map<String, Unit> UNITS;

    static {
        Map<String, Unit> u = new LinkedHashMap<>();
        // base name, short symbol (null: none), dimension, value of one base unit in model units
        Object[][] bases = {
            {"second", null, Dimension.TIME, "1000"},
            {"volt", null, Dimension.VOLTAGE, "1000"},
            {"amp", null, Dimension.CURRENT, "1e12"},
            {"siemens", null, Dimension.CONDUCTANCE, "1e9"},
            {"farad", null, Dimension.CAPACITANCE, "1e12"},
            {"ohm", "ohm", Dimension.RESISTANCE, "1e-9"},
            {"hertz", "Hz", Dimension.FREQUENCY, "0.001"},
            {"coulomb", null, Dimension.CHARGE, "1e15"},
        };
        String[] shortBase = {"s", "V", "A", "S", "F", "ohm", "Hz", "C"};
        String[][] prefixes = {{"p", "1e-12"}, {"n", "1e-9"}, {"u", "1e-6"}, {"m", "1e-3"}, {"k", "1e3"},
                {"M", "1e6"}, {"G", "1e9"}};
        for (int i = 0; i < bases.length; i++) {
            String name = (String) bases[i][0];
            Dimension dim = (Dimension) bases[i][2];
            BigDecimal base = new BigDecimal((String) bases[i][3]);
            put(u, name, dim, base);
            if (bases[i][1] != null) put(u, (String) bases[i][1], dim, base);
            for (String[] p : prefixes) {
                BigDecimal value = base.multiply(new BigDecimal(p[1]));
                put(u, p[0] + name, dim, value);
                put(u, p[0] + shortBase[i], dim, value);
            }
        }
        UNITS = Collections.unmodifiableMap(u);
    }

    private Units() {}

    private static void put(Map<String, Unit> u, String name, Dimension dim, BigDecimal value) {
        u.putIfAbsent(name, new Unit(name, dim, value.doubleValue()));
    }

    /** The unit of this name, or null. */
    public static Unit named(String name) {
        return UNITS.get(name);
    }

    public static boolean isUnit(String name) {
        return UNITS.containsKey(name);
    }

    /**
     * The unit a number of this dimension is held in ("mV", "pA", "mV/ms", "1/ms"; "1" for a
     * dimensionless one), for messages that say what a plain number means; a dimension not
     * built from the named ones is given in SI base units.
     */
    public static String modelUnit(Dimension d) {
        if (d.isNone()) return "1";
        if (d.equals(Dimension.FREQUENCY)) return "1/ms";
        String[] names = {"mV", "pA", "ms", "nS", "pF", "Gohm", "fC"};
        Dimension[] dims = {Dimension.VOLTAGE, Dimension.CURRENT, Dimension.TIME, Dimension.CONDUCTANCE,
            Dimension.CAPACITANCE, Dimension.RESISTANCE, Dimension.CHARGE};
        for (int i = 0; i < dims.length; i++) {
            if (d.equals(dims[i])) return names[i];
            if (d.equals(dims[i].over(Dimension.TIME))) return names[i] + "/ms";
            if (d.equals(dims[i].times(Dimension.TIME))) return names[i] + "*ms";
        }
        return d + " (SI)";
    }

    /** Every unit name, in a stable order. */
    public static Map<String, Unit> all() {
        return UNITS;
    }
}
