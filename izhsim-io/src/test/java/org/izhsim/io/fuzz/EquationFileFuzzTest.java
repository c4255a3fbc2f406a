package org.izhsim.io.fuzz;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.izhsim.codegen.KernelCompiler;
import org.izhsim.equations.EquationException;
import org.izhsim.equations.EquationModel;
import org.izhsim.integrate.Scheme;

/**
 * Equation files: any text parses or is refused with an {@link EquationException} naming
 * file, line and column; a parsed model compiles under every scheme it allows, so no name,
 * expression, unit or comment that passes the parser can break the generated kernel (the
 * kernel is built from the parsed trees; see CodegenInjectionTest). Files up to a few hundred
 * characters; 400 tries of each kind, a few seconds with the compilations.
 */
class EquationFileFuzzTest {
    static final String IZH2003 = read("izhikevich2003.eqs");
    static final String ADEX = read("adex.eqs");

    static final List<String> FRAGMENTS = List.of("dv/dt = ", "du/dt = ", "dw/dt = ", "v", "u", "a", "b", "c", "d", "I", ": 1",
            ": volt", ": mV", ": amp", ": 1/ms", ": siemens", "threshold: ", "reset: ", "refractory: 5*ms", "v = c", "; ",
            "u += d", "(unless refractory)", "(constant)", "x = v*2 : 1", "t", "dt", "lastspike", "ms", "mV", "exp(", "**2",
            "# note", "\n", "I : amp", "a : 1", "v > 30", "v >= vpeak", "class", "return", "static", "java");

    static String read(String name) {
        try {
            return Files.readString(Path.of("..", "examples", "equations", name));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Provide
    Arbitrary<String> mutated() {
        return Arbitraries.oneOf(Mutations.of(IZH2003, FRAGMENTS), Mutations.of(ADEX, FRAGMENTS));
    }

    @Provide
    Arbitrary<String> assembled() {
        Arbitrary<String> line = Arbitraries.of(FRAGMENTS).list().ofMinSize(1).ofMaxSize(6).map(l -> String.join("", l));
        return line.list().ofMaxSize(12).map(l -> String.join("\n", l));
    }

    @Property(tries = 400)
    void mutatedEquationFilesParseOrNameTheirPlace(@ForAll("mutated") String text) {
        check(text);
    }

    @Property(tries = 400)
    void assembledEquationFilesParseOrNameTheirPlace(@ForAll("assembled") String text) {
        check(text);
    }

    static void check(String text) {
        if (Outcome.parsesOrRefuses(() -> EquationModel.parse(text, "fuzz.eqs"), List.of(EquationException.class), true, text)) {
            EquationModel model = EquationModel.parse(text, "fuzz.eqs");
            for (Scheme s : Scheme.values()) {
                Outcome.parsesOrRefuses(() -> KernelCompiler.INSTANCE.compile(model, s), List.of(IllegalArgumentException.class),
                        false, text + " under " + s);
            }
        }
    }
}
