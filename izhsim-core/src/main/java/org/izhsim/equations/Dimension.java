package org.izhsim.equations;

/**
 * A physical dimension as integer exponents of the SI base quantities that neuron models use:
 * length, mass, time and electric current (volt = kg·m²·s⁻³·A⁻¹). Brian2 checks equations the
 * same way; temperature, amount and luminous intensity never occur in these models.
 *
 * @param m  exponent of length
 * @param kg exponent of mass
 * @param s  exponent of time
 * @param a  exponent of electric current
 */
public record Dimension(int m, int kg, int s, int a) {
    public static final Dimension NONE = new Dimension(0, 0, 0, 0);
    public static final Dimension TIME = new Dimension(0, 0, 1, 0);
    public static final Dimension CURRENT = new Dimension(0, 0, 0, 1);
    public static final Dimension VOLTAGE = new Dimension(2, 1, -3, -1);
    public static final Dimension CONDUCTANCE = new Dimension(-2, -1, 3, 2);
    public static final Dimension CAPACITANCE = new Dimension(-2, -1, 4, 2);
    public static final Dimension RESISTANCE = new Dimension(2, 1, -3, -2);
    public static final Dimension CHARGE = new Dimension(0, 0, 1, 1);
    public static final Dimension FREQUENCY = new Dimension(0, 0, -1, 0);

    public Dimension times(Dimension o) {
        return new Dimension(m + o.m, kg + o.kg, s + o.s, a + o.a);
    }

    public Dimension over(Dimension o) {
        return new Dimension(m - o.m, kg - o.kg, s - o.s, a - o.a);
    }

    public Dimension power(int n) {
        return new Dimension(m * n, kg * n, s * n, a * n);
    }

    /** The square root, or null if an exponent is odd. */
    public Dimension sqrt() {
        if (m % 2 != 0 || kg % 2 != 0 || s % 2 != 0 || a % 2 != 0) return null;
        return new Dimension(m / 2, kg / 2, s / 2, a / 2);
    }

    public boolean isNone() {
        return equals(NONE);
    }

    /** A readable name: a named unit where one fits ("volt", "amp/second"), else base exponents. */
    @Override
    public String toString() {
        if (isNone()) return "1 (dimensionless)";
        String[] names = {"volt", "amp", "second", "siemens", "farad", "ohm", "coulomb"};
        Dimension[] dims = {VOLTAGE, CURRENT, TIME, CONDUCTANCE, CAPACITANCE, RESISTANCE, CHARGE};
        for (int i = 0; i < dims.length; i++) {
            if (equals(dims[i])) return names[i];
            if (equals(dims[i].over(TIME))) return names[i] + "/second";
            if (equals(dims[i].times(TIME))) return names[i] + "*second";
        }
        if (equals(FREQUENCY)) return "1/second";
        StringBuilder sb = new StringBuilder();
        String[] base = {"metre", "kilogram", "second", "amp"};
        int[] exps = {m, kg, s, a};
        for (int i = 0; i < 4; i++) {
            if (exps[i] == 0) continue;
            if (!sb.isEmpty()) sb.append('*');
            sb.append(base[i]);
            if (exps[i] != 1) sb.append("**").append(exps[i]);
        }
        return sb.toString();
    }
}
