package org.izhsim.equations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.izhsim.integrate.Scheme;
import org.izhsim.model.IzhikevichModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Parsing, name resolution and unit checking of model files; every bad input names line and column. */
class EquationModelTest {
    /** The 2003 model as Brian2 users write it (other tests of this package use it too). */
    static final String IZH = """
            dv/dt = (0.04*v**2 + 5*v + 140 - u + I)/ms : 1
            du/dt = a*(b*v - u)/ms : 1
            a : 1
            b : 1
            c : 1
            d : 1
            I : 1
            threshold: v >= 30
            reset: v = c; u += d
            """;

    static Path example(String name) {
        Path p = Path.of("..", "examples", "equations", name);
        return Files.exists(p) ? p : Path.of("examples", "equations", name);
    }

    @Test
    void izhikevich2003() {
        EquationModel m = EquationModel.parse(IZH, "izh.eqs");
        assertEquals(List.of("v", "u", "a", "b", "c", "d", "I", "t"), m.symbols());
        assertTrue(m.hasInput());
        // /ms divides by 1 and folds away; v**2 stays a power for the generator to multiply out
        assertEquals("(((((0.04 * (v ** 2)) + (5 * v)) + 140) - u) + I)", m.states().get(0).derivative().toString());
        assertEquals("(a * ((b * v) - u))", m.states().get(1).derivative().toString());
        assertEquals("(v >= 30)", m.threshold().toString());
        assertEquals(2, m.reset().size());
        assertEquals("(u + d)", m.reset().get(1).value().toString());
        assertEquals(0, m.refractoryMs());
    }

    /** Brian2's triple-quoted multi-line reset is the one-line reset (#20 item 7). */
    @Test
    void tripleQuotedResetIsTheOneLineReset() {
        for (String q : new String[] {"\'\'\'", "\"\"\""}) {
            String multi = IZH.replace("reset: v = c; u += d", "reset: " + q + "\n    v = c   # back to c\n\n    u += d\n" + q);
            EquationModel m = EquationModel.parse(multi, "multi.eqs"), one = EquationModel.parse(IZH, "one.eqs");
            assertEquals(one.reset().stream().map(a -> a.target() + " = " + a.value()).toList(),
                    m.reset().stream().map(a -> a.target() + " = " + a.value()).toList());
            assertEquals(2, m.reset().size());
            assertEquals(one.hash(), m.hash());
        }
        EquationException open = assertThrows(EquationException.class,
                () -> EquationModel.parse(IZH.replace("reset: v = c; u += d", "reset: \'\'\'\nv = c"), "open.eqs"));
        assertTrue(open.getMessage().contains("never closed"), open.getMessage());
    }

    @Test
    void hashIgnoresSpacingCommentsAndUnitSpelling() {
        String other = "# comment\n" + IZH.replace("(0.04*v**2 + 5*v", "((0.04 * v**2) + 5*v").replace("/ms", "/msecond");
        assertEquals(EquationModel.parse(IZH, "a").hash(), EquationModel.parse(other, "b").hash());
        assertNotEquals(EquationModel.parse(IZH, "a").hash(), EquationModel.parse(IZH.replace("140", "141"), "c").hash());
    }

    @Test
    void exampleFilesParse() throws IOException {
        for (String f : List.of("izhikevich2003.eqs", "izhikevich2003-refractory.eqs", "izhikevich2007.eqs", "adex.eqs")) {
            EquationModel m = EquationModel.parse(Files.readString(example(f)), f);
            assertTrue(m.states().size() == 2 && m.hasInput(), f);
        }
        EquationModel dim = EquationModel.parse(Files.readString(example("izhikevich2007.eqs")), "2007");
        assertEquals(Dimension.VOLTAGE, dim.states().get(0).dimension());
        assertEquals(Dimension.CURRENT, dim.inputDimension());
        EquationModel refr = EquationModel.parse(Files.readString(example("izhikevich2003-refractory.eqs")), "r");
        assertEquals(2.0, refr.refractoryMs());
        assertTrue(refr.states().get(0).unlessRefractory());
    }

    @Test
    void unitsAreModelUnits() {
        assertEquals(1.0, Units.named("mV").value());
        assertEquals(1.0, Units.named("ms").value());
        assertEquals(1.0, Units.named("pA").value());
        assertEquals(1.0, Units.named("nS").value());
        assertEquals(1.0, Units.named("pF").value());
        assertEquals(1000.0, Units.named("second").value());
        assertEquals(0.001, Units.named("Hz").value());
        assertEquals(1.0, Units.named("kHz").value());
        assertEquals(1e-3, Units.named("uV").value());
        assertEquals(1.0, Units.named("Gohm").value());
        assertEquals(Dimension.VOLTAGE, Units.named("mvolt").dimension());
    }

    @Test
    void settings() throws IOException {
        EquationModel m = EquationModel.parse(Files.readString(example("izhikevich2007.eqs")), "2007");
        assertEquals(0.7, m.setting("k=0.7*nS/mV").value(), 1e-15);
        assertEquals(-60.0, m.setting("v=-60*mV").value());
        assertEquals(0.03, m.setting("a = 0.03/ms").value());
        assertEquals(100.0, m.setting("d=0.1*nA").value(), 1e-12);
        EquationException e = assertThrows(EquationException.class, () -> m.setting("v=-60"));
        assertTrue(e.getMessage().contains("'v' is volt but the value '-60' is 1 (dimensionless)"), e.getMessage());
        e = assertThrows(EquationException.class, () -> m.setting("w=1"));
        assertTrue(e.getMessage().contains("unknown name 'w'") && e.getMessage().contains("settable: v, u, C, k"), e.getMessage());
        e = assertThrows(EquationException.class, () -> m.setting("v=-60*mX"));
        assertEquals(7, e.column(), e.getMessage());
        assertTrue(e.getMessage().startsWith("--set v=-60*mX (column 7): unknown name 'mX'"), e.getMessage());
        assertTrue(e.getMessage().contains("unknown name 'mX'; known: t and units such as mV"), e.getMessage());
    }

    /** Per-neuron values of a model file: expressions of r in the declared unit, the same bits as the expression language. */
    @Test
    void perNeuronValues() throws IOException {
        EquationModel m = EquationModel.parse(Files.readString(example("izhikevich2007.eqs")), "2007");
        org.izhsim.expr.Expression plain = org.izhsim.expr.Expression.parse("-65+15*r**2", List.of("r"));
        org.izhsim.expr.Expression v = m.value("v", "(-65+15*r**2)*mV");
        for (double r : new double[] {0, 0.1, 0.37, 0.999}) assertEquals(plain.evaluate(r), v.evaluate(r));
        assertEquals(100.0, m.value("d", "0.1*nA").at(0), 1e-12);
        assertTrue(m.value("k", "(0.5+r)*nS/mV").dependsOn("r"));
        EquationException e = assertThrows(EquationException.class, () -> m.value("v", "-65+r"));
        assertEquals("'v' is volt but the value '-65+r' is 1 (dimensionless)", e.problem());
        e = assertThrows(EquationException.class, () -> m.value("v", "-65*mV + t*mV/ms"));
        assertEquals("'v' cannot depend on the time t; use numbers, units and r", e.problem());
        e = assertThrows(EquationException.class, () -> m.value("v", "-65*mX"));
        assertEquals(5, e.column(), e.getMessage());
        IllegalArgumentException u = assertThrows(IllegalArgumentException.class, () -> m.value("w", "1"));
        assertTrue(u.getMessage().contains("unknown name 'w' in 2007; settable: v, u, C, k"), u.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            undefined name            | dv/dt = (0.04*v**2 + 5*v + 140 - w + I)/ms : 1 | 1 | 34 | unknown name 'w'
            missing unit              | du/dt = a*(b*v - u)/ms                         | 2 | 23 | missing ': unit'
            derivative unit mismatch  | dv/dt = (0.04*v**2 + 5*v + 140 - u + I) : 1     | 1 | 9  | the right-hand side of dv/dt is 1 (dimensionless) but must be 1/second
            sum unit mismatch         | dv/dt = (0.04*v**2 + 5*v + 140 - u + I*mV)/ms : 1 | 1 | 9 | units do not match
            unknown unit              | a : mVV                                        | 3 | 5  | unknown name 'mVV'
            reserved name             | t : 1                                          | 3 | 1  | 't' is reserved
            unit as a name            | mV : 1                                         | 3 | 1  | 'mV' is a unit
            unknown flag              | a : 1 (constant over time)                     | 3 | 8  | unknown flag
            """)
    void badLines(String what, String line, int lineNo, int column, String message) {
        String text = switch (lineNo) {
            case 1 -> line + "\n" + IZH.lines().skip(1).reduce("", (x, y) -> x + y + "\n");
            case 2 -> IZH.lines().findFirst().orElseThrow() + "\n" + line + "\n" + IZH.lines().skip(2).reduce("", (x, y) -> x + y + "\n");
            default -> IZH.lines().limit(2).reduce("", (x, y) -> x + y + "\n") + line + "\n"
                    + IZH.lines().skip(3).reduce("", (x, y) -> x + y + "\n");
        };
        EquationException e = assertThrows(EquationException.class, () -> EquationModel.parse(text, "m.eqs"), what);
        assertEquals(lineNo, e.line(), e.getMessage());
        assertEquals(column, e.column(), e.getMessage());
        assertTrue(e.getMessage().startsWith("m.eqs:" + lineNo + ":" + column + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }

    @Test
    void anUnknownNameGetsTheModelsNamesAndACaseSuggestion() {
        EquationException e = assertThrows(EquationException.class,
                () -> EquationModel.parse(IZH.replace("- u + I", "- U + I"), "m.eqs"));
        assertTrue(e.getMessage().contains("unknown name 'U'; did you mean 'u'? known: "), e.getMessage());
        assertTrue(e.getMessage().contains("t and units such as mV"), e.getMessage());
    }

    @Test
    void badResetAndThreshold() {
        EquationException e = assertThrows(EquationException.class,
                () -> EquationModel.parse(IZH.replace("u += d", "w += d"), "m.eqs"));
        assertEquals("m.eqs:9:15: the reset assigns unknown variable 'w'; variables: v, u", e.getMessage());
        e = assertThrows(EquationException.class, () -> EquationModel.parse(IZH.replace("v = c;", "a = c;"), "m.eqs"));
        assertEquals("m.eqs:9:8: the reset assigns 'a' is a parameter, not a variable; variables: v, u", e.getMessage());
        e = assertThrows(EquationException.class, () -> EquationModel.parse(IZH.replace("v >= 30", "v + 30"), "m.eqs"));
        assertEquals(8, e.line());
        assertTrue(e.getMessage().contains("must be a condition"), e.getMessage());
        e = assertThrows(EquationException.class, () -> EquationModel.parse(IZH.replace("u += d", "u += d*mV"), "m.eqs"));
        assertTrue(e.getMessage().contains("units do not match in the reset of 'u'"), e.getMessage());
        e = assertThrows(EquationException.class, () -> EquationModel.parse(IZH + "refractory: 2\n", "m.eqs"));
        assertEquals("m.eqs:10:13: the refractory period must be a time (e.g. 2*ms), not 1 (dimensionless)", e.getMessage());
        e = assertThrows(EquationException.class, () -> EquationModel.parse(IZH.replace("threshold: v >= 30\n", ""), "m.eqs"));
        assertTrue(e.getMessage().contains("missing 'threshold: ...' line"), e.getMessage());
        e = assertThrows(EquationException.class, () -> EquationModel.parse(IZH + "a : 1\n", "m.eqs"));
        assertEquals("m.eqs:10:1: 'a' is declared twice (first on line 3)", e.getMessage());
    }

    @Test
    void subexpressionsAreSubstitutedAndChecked() {
        String text = """
                dv/dt = (k*(v - vr)*(v - vt) - u + I)/C : volt
                du/dt = a*(b*(v - vr) - u) : amp
                I = Iext + Isyn : amp
                """;
        // I must be the input, not a sub-expression
        EquationException e = assertThrows(EquationException.class, () -> EquationModel.parse(text, "m.eqs"));
        assertEquals("m.eqs:3:1: 'I' is the input current (driven by --current and synapses); declare it as 'I : 1' (or another unit)",
                e.getMessage());
        String ok = """
                dv/dt = (gL*(EL - v) + Ispike)/C : volt
                Ispike = gL*DT*exp((v - VT)/DT) : amp
                C : farad
                gL : siemens
                EL : volt
                VT : volt
                DT : volt
                threshold: v > 0*mV
                reset: v = EL
                """;
        EquationModel m = EquationModel.parse(ok, "m.eqs");
        assertEquals("(((gL * (EL - v)) + ((gL * DT) * exp(((v - VT) / DT)))) / C)", m.states().get(0).derivative().toString());
        e = assertThrows(EquationException.class, () -> EquationModel.parse(ok.replace("Ispike = gL*DT", "Ispike = gL"), "m.eqs"));
        assertTrue(e.getMessage().startsWith("m.eqs:2:10: 'Ispike' is declared amp but its expression is"), e.getMessage());
        e = assertThrows(EquationException.class, () -> EquationModel.parse(ok.replace("exp((v - VT)/DT)", "exp(v - VT)"), "m.eqs"));
        assertTrue(e.getMessage().contains("exp needs a dimensionless argument, not volt"), e.getMessage());
    }

    @Test
    void builtinEquationsTextParses() {
        for (IzhikevichModel model : List.of(IzhikevichModel.STANDARD, IzhikevichModel.CLASS1_VARIANT, IzhikevichModel.ACCOMMODATION)) {
            for (Scheme s : Scheme.values()) {
                EquationModel m = BuiltinEquations.model(model, s);
                assertEquals(s.strictCutoff() ? "(v > 30)" : "(v >= 30)", m.threshold().toString());
            }
        }
    }
}
