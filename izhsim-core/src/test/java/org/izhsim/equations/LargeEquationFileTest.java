package org.izhsim.equations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Size and overflow in equation files (issue #19, defects 14 and 23). Every expression was
 * parsed against the list of all declarations, so n parameter lines cost n^2: 100 000 lines
 * took minutes. The timeout only keeps a regression from hanging the build; the parse itself
 * takes well under a second.
 */
class LargeEquationFileTest {
    @Test
    void aHundredThousandParameterLinesParseWithoutHanging() {
        StringBuilder sb = new StringBuilder("dv/dt = (0.04*v**2 + 5*v + 140 - u + I + p99999)/ms : 1\n"
                + "du/dt = a*(b*v - u)/ms : 1\na : 1\nb : 1\nc : 1\nd : 1\nI : 1\n");
        for (int i = 0; i < 100_000; i++) sb.append('p').append(i).append(" : 1\n");
        sb.append("threshold: v >= 30\nreset: v = c; u += d\n");
        EquationModel m = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> EquationModel.parse(sb.toString(), "big.eqs"));
        assertEquals(100_004, m.parameters().size()); // a, b, c, d and p0..p99999; I is the input
    }

    @Test
    void anOverflowingSettingNamesTheParameter() {
        EquationModel m = EquationModel.parse("dv/dt = -a*v/ms : 1\na : 1\nthreshold: v > 30\nreset: v = 0\n", "x.eqs");
        EquationException e = assertThrows(EquationException.class, () -> m.setting("a=1e400"));
        assertTrue(e.getMessage().contains("'a' is not finite"), e.getMessage());
        assertEquals(5.0, m.setting("a=5").value());
    }
}
