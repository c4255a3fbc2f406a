package org.izhsim.io.fuzz;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.izhsim.expr.Expression;
import org.izhsim.expr.ExpressionException;

/**
 * Current expressions (--current, the explorer's current field): any text parses or is refused
 * with an {@link ExpressionException} naming its column; a parsed one evaluates at any time,
 * finite or not, without an exception. Inputs up to 60 tokens; 3000 tries, about a second.
 */
class ExpressionFuzzTest {
    static final List<String> TOKENS = List.of("1", "2.5", "0", "1e308", "1e400", ".5", "5.", "t", "ms", "second", "pi", "e",
            "+", "-", "*", "/", "%", "**", "(", ")", ",", "<", "<=", ">", ">=", "==", "!=", "and", "or", "not", "int", "abs",
            "min", "max", "exp", "log", "log10", "sqrt", "sin", "cos", "tanh", "floor", "ceil", "sign", "clip", " ", "x",
            "__import__", "getClass", ".", ";", "=", "[", "]", "lambda", "if", "True", "None");

    @Provide
    Arbitrary<String> expressions() {
        Arbitrary<String> token = Arbitraries.oneOf(Arbitraries.of(TOKENS), Arbitraries.of(Mutations.HOSTILE),
                Arbitraries.strings().ofMaxLength(3));
        return token.list().ofMaxSize(60).map(l -> String.join("", l));
    }

    @Property(tries = 3000)
    void anyExpressionParsesOrNamesItsColumn(@ForAll("expressions") String text) {
        if (Outcome.parsesOrRefuses(() -> Expression.parse(text), List.of(ExpressionException.class), true, text)) {
            Expression e = Expression.parse(text);
            for (double t : new double[] {0, 0.5, -1, 1e308, Double.POSITIVE_INFINITY, Double.NaN}) e.at(t);
        }
    }

    @Property(tries = 500)
    void mutatedNotebookExpressionsParseOrNameTheirColumn(@ForAll("notebook") String text) {
        anyExpressionParsesOrNamesItsColumn(text);
    }

    @Provide
    Arbitrary<String> notebook() {
        return Arbitraries.oneOf(Mutations.of("int(t>100*ms)*10", TOKENS),
                Mutations.of("5 + 2*sin(2*pi*t/ms/50)", TOKENS), Mutations.of("clip(t/ms - 50, 0, 10) * (t < 200*ms)", TOKENS));
    }
}
