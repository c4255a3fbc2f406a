package org.izhsim.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.izhsim.equations.EquationException;
import org.izhsim.equations.EquationModel;
import org.izhsim.integrate.Scheme;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Code generation is safe by construction (issue #19, deliverable 3): the kernel's Java source
 * is written from the parsed, checked tree of a model, with variables as indices and numbers as
 * literals, so no text of the user's (names, expressions, units, comments) reaches the
 * compiler. Shown here two ways: text that tries to break out of an expression is refused by
 * the parser, and any name or comment the parser accepts gives the very same source as a
 * plain one, so it cannot have been spliced in.
 */
class CodegenInjectionTest {
    static final String TEMPLATE = "dv/dt = (0.04*v**2 + 5*v + 140 - u + I)/ms : 1\ndu/dt = NAME*(b*v - u)/ms : 1\n"
            + "NAME : 1\nb : 1\nc : 1\nd : 1\nI : 1\nthreshold: v >= 30\nreset: v = c; u += d\n";

    static String model(String name) {
        return TEMPLATE.replace("NAME", name);
    }

    /** The source with the class name, which is the model's hash, taken out. */
    static String source(String text, Scheme s) {
        return KernelCompiler.source(EquationModel.parse(text, "x.eqs"), s).replaceAll("Kernel_[0-9a-f]{16}_", "Kernel_");
    }

    /** Names that are Java keywords, JDK classes or the generated code's own identifiers. */
    @ParameterizedTest
    @ValueSource(strings = {"class", "return", "static", "public", "System", "Runtime", "exit", "java", "x0", "p0", "s0", "q0",
        "k0", "i", "from", "to", "step", "half", "sixth", "active", "last", "nRef", "spikes", "nonFinite", "truncate",
        "modulo", "Math", "StrictMath", "Double", "super", "this", "null", "true", "__proto__", "a_b_c_d_e_f"})
    void anAcceptedNameGivesTheSameSourceAsAPlainOne(String name) {
        String text = model(name);
        try {
            EquationModel.parse(text, "x.eqs");
        } catch (EquationException refused) {
            return; // refused by the parser: nothing to generate
        }
        for (Scheme s : Scheme.values()) {
            String plain;
            try {
                plain = source(model("a"), s);
            } catch (IllegalArgumentException schemeRefused) {
                continue;
            }
            assertEquals(plain, source(text, s), name + " under " + s);
            KernelCompiler.INSTANCE.compile(EquationModel.parse(text, "x.eqs"), s);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"# */ } static { System.exit(1); } /*", "# \"); Runtime.getRuntime().exec(\"rm\"); //",
        "# \\u000a System.exit(1);", "#\u202e gnp.exe"})
    void commentsNeverReachTheSource(String comment) {
        for (Scheme s : List.of(Scheme.FIGURE1, Scheme.EULER, Scheme.RK4)) {
            assertEquals(source(model("a"), s), source(comment + "\n" + model("a").replace("\n", " " + comment + "\n"), s));
        }
    }

    /** Text that would end an expression, a statement or a string in Java is refused where it stands. */
    @ParameterizedTest
    @ValueSource(strings = {
        "dv/dt = (v); System.exit(1); double z = (v)/ms : 1",
        "dv/dt = v + System.exit(1)/ms : 1",
        "dv/dt = v + Runtime.getRuntime().exec(\"x\")/ms : 1",
        "dv/dt = -v/ms /* : 1",
        "dv/dt = -v/ms : 1\"); System.exit(1); //",
        "dv/dt = -v/ms : 1; System.exit(1)",
        "dv/dt = -v/ms : mV */ }",
        "dv/dt = \"text\"/ms : 1",
        "dv/dt = -v/ms : 1\nthreshold: v > 1); System.exit(1); if (v > 1\nreset: v = 0",
        "dv/dt = -v/ms : 1\nthreshold: v > 1\nreset: v = 0; System.exit(1)",
        "dv/dt = -v/ms : 1\nthreshold: v > 1\nreset: v = 0 \\u003b x = 1",
        "dv/dt = -v/ms : 1\nthreshold: v > 1\nreset: v = 0\nrefractory: 5*ms); System.exit(1",
        "dv/dt = -v/ms : 1 (unless refractory); exit",
        "d\u0000v/dt = -v/ms : 1"})
    void breakingOutOfTheLanguageIsRefused(String text) {
        String full = text.contains("threshold") ? text : text + "\nthreshold: v > 1\nreset: v = 0";
        assertThrows(EquationException.class, () -> EquationModel.parse(full, "x.eqs"), full);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e400", "1e-400", "-0.0", "4.9e-324", "1.7976931348623157e308"})
    void numbersBecomeLiteralsThatCompile(String number) {
        String text = "dv/dt = (" + number + " - v)/ms : 1\nthreshold: v > 1\nreset: v = 0\n";
        EquationModel m = EquationModel.parse(text, "x.eqs");
        for (Scheme s : List.of(Scheme.FIGURE1, Scheme.EULER, Scheme.RK4)) {
            String src = KernelCompiler.source(m, s);
            // written from its double, not from its text
            assertTrue(src.contains(KernelSource.literal(Double.parseDouble(number))), src);
            KernelCompiler.INSTANCE.compile(m, s);
        }
    }
}
