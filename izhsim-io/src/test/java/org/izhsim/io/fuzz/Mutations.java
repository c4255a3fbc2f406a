package org.izhsim.io.fuzz;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Hostile variants of valid text: a few random edits (a deleted range, an inserted fragment, a
 * repeated or dropped line, a replaced character), so that most inputs stay close enough to
 * valid to reach deep into a parser, and arbitrary fragments so that some do not.
 */
final class Mutations {
    private Mutations() {}

    /** Fragments a hostile user types: numbers beyond double, unicode, control characters, code. */
    static final List<String> HOSTILE = List.of("1e400", "-1e400", "1e-400", "NaN", "inf", "-0", "99999999999999999999",
            "0x1p3", "1_000", "\u0000", "\t", "\r", "\n", "\u00e9", "\u202e", "\ud83d\ude00", "\"", "'", "\\", "${x}",
            "System.exit(1)", "\"); Runtime.getRuntime().exec(\"x", "*/", "/*", "//", "#", "[", "]", "{", "}", ":", ",",
            "&a", "*a", "!!java.lang.Object", "<<: *a", "---", "...", "= ", "[[x]]", "%", "**", "((", "))");

    static Arbitrary<String> of(String valid, List<String> fragments) {
        Arbitrary<String> fragment = Arbitraries.oneOf(Arbitraries.of(fragments), Arbitraries.of(HOSTILE),
                Arbitraries.strings().ofMaxLength(4));
        Arbitrary<Edit> edit = Combinators.combine(Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, valid.length()), Arbitraries.integers().between(0, 40), fragment)
                .as(Edit::new);
        return edit.list().ofMinSize(1).ofMaxSize(4).map(edits -> {
            String text = valid;
            for (Edit e : edits) text = e.apply(text);
            return text;
        });
    }

    record Edit(int kind, int at, int length, String fragment) {
        String apply(String text) {
            int a = Math.min(at, text.length());
            int b = Math.min(text.length(), a + length);
            return switch (kind) {
                case 0 -> text.substring(0, a) + text.substring(b); // delete
                case 1 -> text.substring(0, a) + fragment + text.substring(a); // insert
                case 2 -> text.substring(0, a) + fragment + text.substring(b); // replace
                case 3 -> { // repeat the line around a
                    int start = text.lastIndexOf('\n', Math.max(a - 1, 0)) + 1;
                    int end = text.indexOf('\n', a);
                    String line = text.substring(start, end < 0 ? text.length() : end + 1);
                    yield text.substring(0, start) + line + line + text.substring(start + line.length());
                }
                default -> text.substring(0, a) + fragment.repeat(20) + text.substring(a); // a run of one fragment
            };
        }
    }
}
