package org.izhsim.io;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NeuroML2 quantities ({@code "100pF"}, {@code "-0.06 V"}, {@code "0.7nS_per_mV"}) converted to
 * izhsim's units: mV, pF, nS, pA, ms, nS/mV and 1/ms. A unit is an SI prefix (p, n, u, m, k,
 * M, G or none) on V, F, S, A or s; a ratio {@code X_per_Y} of two such; {@code per_X}; or Hz.
 * The dimension must be the one the attribute expects, and anything else is refused with a
 * message naming the value and the units that would do.
 */
final class NmlUnits {
    private NmlUnits() {}

    /** A physical dimension with the izhsim unit values are converted to. */
    enum Dimension {
        VOLTAGE("mV", "V, mV"),
        CAPACITANCE("pF", "F, uF, nF, pF"),
        CONDUCTANCE("nS", "S, mS, uS, nS, pS"),
        CONDUCTANCE_PER_VOLTAGE("nS/mV", "S_per_V, nS_per_mV"),
        CURRENT("pA", "A, uA, nA, pA"),
        TIME("ms", "s, ms"),
        PER_TIME("1/ms", "per_s, per_ms, Hz");

        final String izhsimUnit;
        final String examples;

        Dimension(String izhsimUnit, String examples) {
            this.izhsimUnit = izhsimUnit;
            this.examples = examples;
        }

        String describe() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    private static final Pattern QUANTITY =
            Pattern.compile("\\s*([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*([A-Za-z_]*)\\s*");

    /** SI prefix → power of ten. */
    private static final Map<Character, Integer> PREFIX = Map.of('p', -12, 'n', -9, 'u', -6, 'm', -3, 'k', 3, 'M', 6,
            'G', 9);

    /** Base SI unit → dimension. */
    private static final Map<String, Dimension> BASE = Map.of("V", Dimension.VOLTAGE, "F", Dimension.CAPACITANCE,
            "S", Dimension.CONDUCTANCE, "A", Dimension.CURRENT, "s", Dimension.TIME);

    /** Base SI unit → power of ten of izhsim units in one of it (1 V = 10³ mV, 1 F = 10¹² pF, …). */
    private static final Map<String, Integer> TO_IZHSIM = Map.of("V", 3, "F", 12, "S", 9, "A", 12, "s", 3);

    /**
     * The value of {@code text} in {@code expected}'s izhsim unit.
     *
     * @param what names the attribute for messages, e.g. {@code "C of cell 'RS'"}
     */
    static double parse(String text, Dimension expected, String what) {
        Matcher m = QUANTITY.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException(what + ": '" + text + "' is not a number with a unit (e.g. "
                    + example(expected) + ")");
        }
        String unit = m.group(2);
        if (unit.isEmpty()) {
            throw new IllegalArgumentException(what + ": '" + text + "' has no unit; expected a " + expected.describe()
                    + " in " + expected.examples);
        }
        int[] exponent = new int[1];
        Dimension got = unit(unit, exponent);
        if (got == null) {
            throw new IllegalArgumentException(what + ": unknown unit '" + unit + "' in '" + text + "'; expected a "
                    + expected.describe() + " in " + expected.examples);
        }
        if (got != expected) {
            throw new IllegalArgumentException(what + ": '" + text + "' is a " + got.describe() + ", expected a "
                    + expected.describe() + " in " + expected.examples);
        }
        // exact decimal scaling, one rounding: "-0.06V" is exactly -60 mV
        return finite(new java.math.BigDecimal(m.group(1)).scaleByPowerOfTen(exponent[0]).doubleValue(), text, what);
    }

    /** Refuses a value beyond a double's range ("1e400") where it is read, naming it (a model's own check cannot name the file). */
    private static double finite(double x, String text, String what) {
        if (!Double.isFinite(x)) throw new IllegalArgumentException(what + ": '" + text + "' is beyond the range of a number");
        return x;
    }

    /** A dimensionless number (NeuroML's Nml2Quantity_none), refusing any unit. */
    static double number(String text, String what) {
        Matcher m = QUANTITY.matcher(text);
        if (!m.matches() || !m.group(2).isEmpty()) {
            throw new IllegalArgumentException(what + ": '" + text + "' must be a plain number without a unit");
        }
        return finite(Double.parseDouble(m.group(1)), text, what);
    }

    private static String example(Dimension d) {
        return "100" + d.examples.substring(d.examples.lastIndexOf(' ') + 1);
    }

    /** The dimension of {@code unit} and, in exponent[0], izhsim units per one of it as a power of ten; null if unknown. */
    private static Dimension unit(String unit, int[] exponent) {
        if (unit.equals("Hz")) unit = "per_s";
        if (unit.startsWith("per_")) {
            Dimension den = simple(unit.substring(4), exponent);
            if (den != Dimension.TIME) return null;
            exponent[0] = -exponent[0];
            return Dimension.PER_TIME;
        }
        int per = unit.indexOf("_per_");
        if (per > 0) {
            int[] e2 = new int[1];
            Dimension num = simple(unit.substring(0, per), exponent);
            Dimension den = simple(unit.substring(per + 5), e2);
            if (num != Dimension.CONDUCTANCE || den != Dimension.VOLTAGE) return null;
            exponent[0] -= e2[0];
            return Dimension.CONDUCTANCE_PER_VOLTAGE;
        }
        return simple(unit, exponent);
    }

    private static Dimension simple(String unit, int[] exponent) {
        int scale = 0;
        String base = unit;
        if (unit.length() == 2 && PREFIX.containsKey(unit.charAt(0))) {
            scale = PREFIX.get(unit.charAt(0));
            base = unit.substring(1);
        }
        Dimension d = BASE.get(base);
        if (d == null) return null;
        // the izhsim unit of a conductance per voltage is nS/mV: 1 S/V = 10^(9-3) nS/mV
        exponent[0] = scale + TO_IZHSIM.get(base);
        return d;
    }
}
