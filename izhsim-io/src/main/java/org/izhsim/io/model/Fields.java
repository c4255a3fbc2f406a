package org.izhsim.io.model;

import java.util.List;
import org.izhsim.io.model.YamlNode.Mapping;
import org.izhsim.io.model.YamlNode.Scalar;
import org.izhsim.io.model.YamlNode.Sequence;

/**
 * Typed, checked access to one mapping of a model file: unknown keys, missing required keys
 * and wrong types are refused with the position, the key path and what is allowed.
 */
final class Fields {
    private final Mapping map;

    private Fields(Mapping map) {
        this.map = map;
    }

    /** The node as a mapping whose keys are all in {@code allowed}. */
    static Fields of(YamlNode node, List<String> allowed) {
        return of(node, allowed, "unknown key; allowed");
    }

    /** As {@link #of(YamlNode, List)}, an unknown key reported as {@code problem: allowed keys}. */
    static Fields of(YamlNode node, List<String> allowed, String problem) {
        Mapping m = mapping(node);
        for (var e : m.keyPositions().entrySet()) {
            if (!allowed.contains(e.getKey())) {
                throw ModelFileException.at(e.getValue(), child(m, e.getKey()), problem + ": "
                        + (allowed.isEmpty() ? "(none)" : String.join(", ", allowed)));
            }
        }
        return new Fields(m);
    }

    static Mapping mapping(YamlNode node) {
        if (node instanceof Mapping m) return m;
        throw ModelFileException.at(node, "expected a mapping (key: value lines), got " + node.kind());
    }

    static Sequence sequence(YamlNode node) {
        if (node instanceof Sequence s) return s;
        throw ModelFileException.at(node, "expected a list, got " + node.kind());
    }

    private static String child(Mapping m, String key) {
        return m.path().equals("(top level)") ? key : m.path() + "." + key;
    }

    Mapping node() {
        return map;
    }

    boolean has(String key) {
        return map.entries().containsKey(key);
    }

    /** The value of a required key. */
    YamlNode get(String key) {
        YamlNode n = map.entries().get(key);
        if (n == null) throw ModelFileException.at(map, "missing required key '" + key + "'");
        return n;
    }

    String string(String key) {
        return string(get(key));
    }

    String string(String key, String dflt) {
        return has(key) ? string(key) : dflt;
    }

    long integer(String key) {
        return integer(get(key));
    }

    /** A string scalar (numbers are taken as written, so a tag or a name may look numeric). */
    static String string(YamlNode n) {
        if (n instanceof Scalar s && s.type() != Scalar.Type.NULL && s.type() != Scalar.Type.BOOLEAN) return s.text();
        throw ModelFileException.at(n, "expected a text, got " + n.kind());
    }

    static double number(YamlNode n) {
        if (n instanceof Scalar s && s.type() == Scalar.Type.INTEGER) return integer(n);
        if (n instanceof Scalar s && s.type() == Scalar.Type.FLOAT) {
            double x;
            try {
                x = Double.parseDouble(s.text().replace("_", ""));
            } catch (NumberFormatException e) {
                x = Double.NaN; // YAML's .inf and .nan
            }
            if (!Double.isFinite(x)) throw ModelFileException.at(n, "expected a finite number, got " + s.text());
            return x;
        }
        throw ModelFileException.at(n, "expected a number, got " + n.kind());
    }

    /** A YAML or TOML integer: decimal, or 0x, 0o, 0b with digits, '_' between digits allowed. */
    static long integer(YamlNode n) {
        if (n instanceof Scalar s && s.type() == Scalar.Type.INTEGER) {
            String t = s.text().replace("_", "");
            boolean negative = t.startsWith("-");
            String digits = t.startsWith("-") || t.startsWith("+") ? t.substring(1) : t;
            int radix = 10;
            if (digits.length() > 2 && digits.charAt(0) == '0' && "xXoObB".indexOf(digits.charAt(1)) >= 0) {
                radix = switch (Character.toLowerCase(digits.charAt(1))) {
                    case 'x' -> 16;
                    case 'o' -> 8;
                    default -> 2;
                };
                digits = digits.substring(2);
            }
            try {
                return Long.parseLong((negative ? "-" : "") + digits, radix);
            } catch (NumberFormatException e) {
                throw ModelFileException.at(n, "expected a whole number that fits 64 bits, got " + s.text());
            }
        }
        throw ModelFileException.at(n, "expected a whole number, got " + n.kind());
    }

    /** A whole number in [lo, hi]. */
    static int intIn(YamlNode n, long lo, long hi) {
        long v = integer(n);
        if (v < lo || v > hi) throw ModelFileException.at(n, "must be in " + lo + ".." + hi + ", got " + v);
        return (int) v;
    }

    /** One of {@code allowed} (case-insensitive); returns the allowed spelling. */
    static String choice(YamlNode n, List<String> allowed) {
        String s = string(n);
        for (String a : allowed) if (a.equalsIgnoreCase(s.trim())) return a;
        throw ModelFileException.at(n, "unknown value '" + s + "'; allowed: " + String.join(", ", allowed));
    }
}
