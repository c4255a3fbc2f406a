package org.izhsim.equations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.izhsim.expr.Expression;
import org.izhsim.integrate.Scheme;
import org.izhsim.model.Izhikevich2007Model;
import org.izhsim.model.Izhikevich2007Presets;
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

    /**
     * The 2007 model, counted by hand from the convention:
     * <ul>
     *   <li>v' = (k*(v - vr)*(v - vt) - u + I)/C: v − vr, v − vt, k·, ·, −u, +I, /C = 7;</li>
     *   <li>u' = a*(b*(v - vr) - u): v − vr, b·, −u, a· = 4;</li>
     *   <li>threshold v >= vpeak: 1; reset v = c (0), u += d (1).</li>
     * </ul>
     * euler: (7 + 2) + (4 + 2) + 1 = 16; rk4: (4·7 + 13) + (4·4 + 13) + 1 = 71. The hand table
     * this replaces (KernelCost: 15 and 70) left the threshold comparison out.
     */
    @Test
    void izhikevich2007PlainCell() {
        Izhikevich2007Model rs = cell("RS");
        EquationModel m = BuiltinEquations.model(rs);
        assertEquals(7, FlopCount.ops(m.states().get(0).derivative()));
        assertEquals(4, FlopCount.ops(m.states().get(1).derivative()));
        assertEquals(2, BuiltinEquations.nullclineOps(rs));
        assertEquals(new FlopCount(16, 1), BuiltinEquations.count(rs, Scheme.EULER));
        assertEquals(new FlopCount(71, 1), BuiltinEquations.count(rs, Scheme.RK4));
        assertEquals(new FlopCount(16, 1), BuiltinEquations.count(cell("IB"), Scheme.EULER));
        assertEquals(new FlopCount(71, 1), BuiltinEquations.count(cell("CH"), Scheme.RK4));
        assertEquals(64.0, BuiltinEquations.count(rs, Scheme.EULER).perMs(0.25));
        assertThrows(IllegalArgumentException.class, () -> BuiltinEquations.count(rs, Scheme.NETM));
    }

    /**
     * The book cells' rules, by hand on top of the plain 16 (euler) and 71 (rk4):
     * <ul>
     *   <li>LTS: cut-off v > vpeak − 0.1·u: ·, −, > = 3 (+2 per step); reset v = c + 0.04·u (2),
     *       u = min(u + d, 670) (+, min = 2): 4 per spike. euler 18, rk4 73;</li>
     *   <li>TC: b chosen by v > −65 (1) before b·(v − vr): nullcline 3 (+1 per u' evaluation, 1
     *       in euler, 4 in rk4); cut-off v > vpeak + 0.1·u (+2); reset v = c − 0.1·u (2), u += d
     *       (1): 3. euler 16 + 1 + 2 = 19, rk4 71 + 4 + 2 = 77;</li>
     *   <li>RTN: the same switch of b (+1 per u'): euler 17, rk4 75; reset 1;</li>
     *   <li>FS: U(v) = v < −55 ? 0 : 0.025·(v + 55)³: condition 1, costlier branch v + 55, the
     *       cube's 2 multiplications, 0.025· = 4: nullcline 5 (+3 per u'): euler 19, rk4 83;
     *       reset v = c only: 0.</li>
     * </ul>
     */
    @Test
    void izhikevich2007CellRules() {
        assertEquals(new FlopCount(18, 4), BuiltinEquations.count(cell("LTS"), Scheme.EULER));
        assertEquals(new FlopCount(73, 4), BuiltinEquations.count(cell("LTS"), Scheme.RK4));
        assertEquals(3, BuiltinEquations.nullclineOps(cell("TC")));
        assertEquals(new FlopCount(19, 3), BuiltinEquations.count(cell("TC"), Scheme.EULER));
        assertEquals(new FlopCount(77, 3), BuiltinEquations.count(cell("TC"), Scheme.RK4));
        assertEquals(3, BuiltinEquations.nullclineOps(cell("RTN")));
        assertEquals(new FlopCount(17, 1), BuiltinEquations.count(cell("RTN"), Scheme.EULER));
        assertEquals(new FlopCount(75, 1), BuiltinEquations.count(cell("RTN"), Scheme.RK4));
        assertEquals(5, BuiltinEquations.nullclineOps(cell("FS")));
        assertEquals(new FlopCount(19, 0), BuiltinEquations.count(cell("FS"), Scheme.EULER));
        assertEquals(new FlopCount(83, 0), BuiltinEquations.count(cell("FS"), Scheme.RK4));
    }

    /** A branch costs its condition and its costlier alternative. */
    @Test
    void branchCountsConditionAndCostlierAlternative() {
        var symbols = java.util.List.of("v");
        assertEquals(1 + 3, FlopCount.branch(Expression.parseTree("v > 0", symbols), Expression.parseTree("v*v*v + 1", symbols),
                Expression.parseTree("0", symbols)));
    }

    private static Izhikevich2007Model cell(String id) {
        return Izhikevich2007Presets.byId(id).model();
    }
}
