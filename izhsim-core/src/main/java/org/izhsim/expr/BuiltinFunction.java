package org.izhsim.expr;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The functions an expression may call. Transcendental functions are those of
 * {@link StrictMath}, so that a value is the same on every JVM and platform (golden files
 * depend on it); {@code sqrt}, {@code abs}, {@code floor} and {@code ceil} are exact anyway.
 */
public enum BuiltinFunction {
    /** {@code abs(x)}: absolute value. */
    ABS("abs", 1, "abs(x)"),
    /** {@code ceil(x)}: smallest integer not below x, as a number ({@code ceil(-0.5)} is -0, as in numpy). */
    CEIL("ceil", 1, "ceil(x)"),
    /** {@code clip(x, low, high)}: {@code min(max(x, low), high)}, as numpy's {@code clip}. */
    CLIP("clip", 3, "clip(x, low, high)"),
    /** {@code cos(x)}: cosine of x in radians. */
    COS("cos", 1, "cos(x)"),
    /** {@code exp(x)}: e to the power x. */
    EXP("exp", 1, "exp(x)"),
    /** {@code floor(x)}: largest integer not above x, as a number. */
    FLOOR("floor", 1, "floor(x)"),
    /**
     * {@code int(x)}: truncation toward zero; {@code int(true)} is 1. A zero result is +0 and
     * NaN and the infinities come back unchanged (Python would raise).
     */
    INT("int", 1, "int(x)"),
    /** {@code log(x)}: natural logarithm. */
    LOG("log", 1, "log(x)"),
    /** {@code log10(x)}: decimal logarithm. */
    LOG10("log10", 1, "log10(x)"),
    /** {@code max(a, b, ...)}: the largest argument; NaN if any is NaN, and 0 is larger than -0. */
    MAX("max", 2, "max(a, b, ...)"),
    /** {@code min(a, b, ...)}: the smallest argument; NaN if any is NaN, and -0 is smaller than 0. */
    MIN("min", 2, "min(a, b, ...)"),
    /** {@code sign(x)}: -1, 0 or 1 by the sign of x ({@code sign(-0)} is -0; NaN stays NaN). */
    SIGN("sign", 1, "sign(x)"),
    /** {@code sin(x)}: sine of x in radians. */
    SIN("sin", 1, "sin(x)"),
    /** {@code sqrt(x)}: square root; NaN for negative x. */
    SQRT("sqrt", 1, "sqrt(x)"),
    /** {@code tan(x)}: tangent of x in radians. */
    TAN("tan", 1, "tan(x)"),
    /** {@code tanh(x)}: hyperbolic tangent. */
    TANH("tanh", 1, "tanh(x)");

    private static final Map<String, BuiltinFunction> BY_SYMBOL = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(BuiltinFunction::symbol, Function.identity()));

    private final String symbol;
    private final int minArguments;
    private final String usage;

    BuiltinFunction(String symbol, int minArguments, String usage) {
        this.symbol = symbol;
        this.minArguments = minArguments;
        this.usage = usage;
    }

    /** The function with this name as written in an expression, such as {@code log10}. */
    public static Optional<BuiltinFunction> named(String symbol) {
        return Optional.ofNullable(BY_SYMBOL.get(symbol));
    }

    /** The name as written in an expression. */
    public String symbol() {
        return symbol;
    }

    /** A call with placeholder arguments, such as {@code clip(x, low, high)}. */
    public String usage() {
        return usage;
    }

    /** Whether the function takes {@link #minArguments()} or more arguments, as {@code max} and {@code min} do. */
    public boolean isVariadic() {
        return this == MAX || this == MIN;
    }

    /** The fewest arguments the function takes; also the most unless {@link #isVariadic()}. */
    public int minArguments() {
        return minArguments;
    }

    /** Whether a call with this many arguments is well formed. */
    public boolean accepts(int argumentCount) {
        return isVariadic() ? argumentCount >= minArguments : argumentCount == minArguments;
    }

    /** Why a call with this many arguments is wrong, e.g. {@code sin takes 1 argument, as in sin(x), but was given 2}. */
    String arityProblem(int argumentCount) {
        String count = isVariadic() ? minArguments + " or more arguments"
                : minArguments + (minArguments == 1 ? " argument" : " arguments");
        return symbol + " takes " + count + ", as in " + usage + ", but was given " + argumentCount;
    }

    /**
     * The value of this function at the given arguments; the definition evaluation follows.
     *
     * @throws IllegalArgumentException if the number of arguments is wrong
     */
    public double apply(double... arguments) {
        if (!accepts(arguments.length)) throw new IllegalArgumentException(arityProblem(arguments.length));
        double x = arguments[0];
        return switch (this) {
            case ABS -> Math.abs(x);
            case CEIL -> Math.ceil(x);
            case CLIP -> Math.min(Math.max(x, arguments[1]), arguments[2]);
            case COS -> StrictMath.cos(x);
            case EXP -> StrictMath.exp(x);
            case FLOOR -> Math.floor(x);
            case INT -> PythonMath.truncate(x);
            case LOG -> StrictMath.log(x);
            case LOG10 -> StrictMath.log10(x);
            case MAX -> {
                double max = x;
                for (int i = 1; i < arguments.length; i++) max = Math.max(max, arguments[i]);
                yield max;
            }
            case MIN -> {
                double min = x;
                for (int i = 1; i < arguments.length; i++) min = Math.min(min, arguments[i]);
                yield min;
            }
            case SIGN -> Math.signum(x);
            case SIN -> StrictMath.sin(x);
            case SQRT -> Math.sqrt(x);
            case TAN -> StrictMath.tan(x);
            case TANH -> StrictMath.tanh(x);
        };
    }
}
