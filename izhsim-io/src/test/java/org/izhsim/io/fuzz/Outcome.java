package org.izhsim.io.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

/**
 * What every parser of user text must do with any input: parse it, or refuse it with one of
 * its own exceptions whose message is one line naming the place (file:line:column, or a
 * column). Anything else (NullPointerException, StackOverflowError, an exception of a library
 * underneath) escapes and fails the property, and so does a parse that takes longer than
 * {@link #BOUND}: a bound far above the milliseconds one input takes, there only so that a
 * hang fails instead of stalling the build.
 */
final class Outcome {
    static final Duration BOUND = Duration.ofSeconds(10);

    private Outcome() {}

    /** file:line:column: or "at column N" or "column N" */
    private static final Pattern PLACE = Pattern.compile(":\\d+:\\d+: |column \\d+");

    /**
     * Runs {@code parse}; returns true if it parsed, false if it was refused properly.
     *
     * @param refusals the exception types that count as a proper refusal
     * @param placed   whether the message must name a place
     */
    static boolean parsesOrRefuses(Callable<?> parse, List<Class<? extends Exception>> refusals, boolean placed, String input) {
        return assertTimeoutPreemptively(BOUND, () -> {
            try {
                parse.call();
                return true;
            } catch (Exception e) {
                if (refusals.stream().noneMatch(c -> c.isInstance(e))) {
                    fail("escaped: " + e + " for input " + shown(input), e);
                }
                String m = e.getMessage();
                assertTrue(m != null && !m.isBlank(), "no message for " + shown(input));
                assertFalse(m.contains("\n"), "more than one line: " + m);
                if (placed) assertTrue(PLACE.matcher(m).find(), "no place named in: " + m);
                return false;
            }
        }, () -> "no answer within " + BOUND + " for " + shown(input));
    }

    static String shown(String input) {
        String s = input.length() > 300 ? input.substring(0, 300) + "... (" + input.length() + " chars)" : input;
        return "'" + s.replace("\n", "\\n") + "'";
    }
}
