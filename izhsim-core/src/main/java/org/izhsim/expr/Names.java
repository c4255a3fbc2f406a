package org.izhsim.expr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The names the language knows before any variable is declared, and the checks on new ones. */
final class Names {
    private Names() {}

    /**
     * Units and mathematical constants. Times are in ms and rates per ms, so that the Brian2
     * idiom {@code 100*ms} is the number 100 and {@code t/ms} is t itself. Brian2's bare
     * {@code s} is absent on purpose: in these expressions it is far more often a typo.
     */
    static final Map<String, Double> CONSTANTS = Map.of(
            "ms", 1.0, "msecond", 1.0, "second", 1000.0, "us", 0.001, "Hz", 0.001, "kHz", 1.0,
            "pi", Math.PI, "e", Math.E, "inf", Double.POSITIVE_INFINITY);

    static final Set<String> KEYWORDS = Set.of("and", "or", "not");

    static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || (c >= '0' && c <= '9');
    }

    static boolean isIdentifier(String name) {
        if (name.isEmpty() || !isIdentifierStart(name.charAt(0))) return false;
        for (int i = 1; i < name.length(); i++) if (!isIdentifierPart(name.charAt(i))) return false;
        return true;
    }

    /** An unmodifiable copy of the variable names, refused if any is not usable. */
    static List<String> checkVariables(List<String> variables) {
        List<String> names = List.copyOf(variables);
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!isIdentifier(name)) {
                throw new IllegalArgumentException("variable name '" + name + "' is not a name: use letters, digits"
                        + " and '_', starting with a letter or '_'");
            }
            if (KEYWORDS.contains(name)) {
                throw new IllegalArgumentException("variable name '" + name + "' is a keyword; keywords: "
                        + listing(KEYWORDS));
            }
            if (CONSTANTS.containsKey(name)) {
                throw new IllegalArgumentException("variable name '" + name + "' would hide the constant " + name
                        + " = " + CONSTANTS.get(name) + "; choose another name");
            }
            Optional<BuiltinFunction> function = BuiltinFunction.named(name);
            if (function.isPresent()) {
                throw new IllegalArgumentException("variable name '" + name + "' would hide the function "
                        + function.get().usage() + "; choose another name");
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException("variable '" + name + "' is listed twice in " + names);
            }
        }
        return names;
    }

    /**
     * Like {@link #checkVariables} but a symbol may shadow a constant (a unit name such as
     * {@code ms}): the caller resolves it itself.
     */
    static List<String> checkSymbols(List<String> symbols) {
        List<String> names = List.copyOf(symbols);
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!isIdentifier(name) || KEYWORDS.contains(name) || BuiltinFunction.named(name).isPresent()) {
                throw new IllegalArgumentException("'" + name + "' cannot be a name: it is not an identifier, or it is"
                        + " a keyword or function");
            }
            if (!seen.add(name)) throw new IllegalArgumentException("symbol '" + name + "' is listed twice in " + names);
        }
        return names;
    }

    /** The names sorted as a reader looks them up, ignoring case, and joined with commas. */
    static String listing(Collection<String> names) {
        return String.join(", ", names.stream().sorted(String.CASE_INSENSITIVE_ORDER.thenComparing(n -> n)).toList());
    }

    static List<String> functionSymbols() {
        return Arrays.stream(BuiltinFunction.values()).map(BuiltinFunction::symbol).toList();
    }

    /**
     * The one candidate a mistyped name most likely meant: equal but for case, or else one
     * edit away. Nothing if there is no such candidate or more than one, because a wrong
     * suggestion misleads more than none.
     */
    static Optional<String> suggestion(String name, Collection<String> candidates) {
        List<String> sameButCase = candidates.stream().filter(c -> c.equalsIgnoreCase(name)).toList();
        if (sameButCase.size() == 1) return Optional.of(sameButCase.getFirst());
        List<String> oneEditAway = new ArrayList<>();
        for (String candidate : candidates) if (isOneEditAway(name, candidate)) oneEditAway.add(candidate);
        return oneEditAway.size() == 1 ? Optional.of(oneEditAway.getFirst()) : Optional.empty();
    }

    /** Whether one insertion, deletion, substitution or swap of neighbours turns a into b. */
    private static boolean isOneEditAway(String a, String b) {
        if (a.equals(b) || Math.abs(a.length() - b.length()) > 1) return false;
        if (a.length() > b.length()) return isOneEditAway(b, a);
        int prefix = 0;
        while (prefix < a.length() && a.charAt(prefix) == b.charAt(prefix)) prefix++;
        if (a.length() < b.length()) return a.substring(prefix).equals(b.substring(prefix + 1));
        if (a.substring(prefix + 1).equals(b.substring(prefix + 1))) return true;
        return prefix + 1 < a.length() && a.charAt(prefix) == b.charAt(prefix + 1)
                && a.charAt(prefix + 1) == b.charAt(prefix) && a.substring(prefix + 2).equals(b.substring(prefix + 2));
    }
}
