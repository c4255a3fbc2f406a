package org.izhsim.equations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.izhsim.integrate.Scheme;
import org.izhsim.model.IzhikevichModel;
import org.junit.jupiter.api.Test;

/** Counts by hand from the convention in {@link FlopCount}. */
class FlopCountTest {
    @Test
    void izhikevich2003() {
        // dv: v*v, 0.04*, 5*v, +, +140, -u, +I = 7; du: b*v, -u, a* = 3; threshold 1; reset: u + d = 1
        EquationModel m = BuiltinEquations.model(IzhikevichModel.STANDARD, Scheme.EULER);
        assertEquals(7, FlopCount.ops(m.states().get(0).derivative()));
        assertEquals(3, FlopCount.ops(m.states().get(1).derivative()));
        assertEquals(new FlopCount(7 + 2 + 3 + 2 + 1, 1), FlopCount.of(m, Scheme.EULER));
        assertEquals(new FlopCount(15, 1), FlopCount.of(m, Scheme.FIGURE1));
        assertEquals(new FlopCount(2 * 9 + 5 + 1, 1), FlopCount.of(m, Scheme.NETM));
        assertEquals(new FlopCount((4 * 7 + 13) + (4 * 3 + 13) + 1, 1), FlopCount.of(m, Scheme.RK4));
        assertEquals(60.0, FlopCount.of(m, Scheme.EULER).perMs(0.25));
    }

    @Test
    void powersFunctionsAndRefractoriness() {
        String text = "dv/dt = (-v**3 + exp(v) + v**-2 + v**0.5)/ms : 1 (unless refractory)\n"
                + "threshold: v > 1 and not v > 2\nreset: v = 0\nrefractory: 1*ms\n";
        EquationModel m = EquationModel.parse(text, "p.eqs");
        // -(v*v*v): 2 + 1; exp: 1; v**-2: 1 mult + 1 div; v**0.5: 1; three +: 3 → 10
        assertEquals(10, FlopCount.ops(m.states().get(0).derivative()));
        // update 12, threshold: > (1) and (1) not (1) > (1) = 4, refractory test 2
        assertEquals(new FlopCount(12 + 4 + 2, 0), FlopCount.of(m, Scheme.EULER));
    }
}
