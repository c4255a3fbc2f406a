/**
 * The current-expression language: input currents and per-neuron values written as in
 * Brian2 notebooks, parsed once by {@link org.izhsim.expr.Expression#parse(String)} and then
 * evaluated fast and exactly.
 *
 * <pre>{@code
 * int(t>100*ms)*10
 * int(t>10*ms and t<13*ms)*7.04
 * int(t<200*ms)*t/ms/25 + int(t>=300*ms and t<312.5*ms)*((t/ms-300)/12.5*4)
 * 5 + 2*sin(2*pi*t/ms/50)
 * -65+15*r**2                                      (over the variable r)
 * }</pre>
 *
 * <h2>Grammar</h2>
 * Python's expression grammar, cut down to numbers; whitespace (line breaks included) may
 * stand between any two tokens. Levels are listed from the loosest binding to the tightest.
 * <pre>{@code
 * expression  = disjunction ;
 * disjunction = conjunction , { "or" , conjunction } ;
 * conjunction = negation , { "and" , negation } ;
 * negation    = "not" , negation | comparison ;
 * comparison  = sum , { ( "<" | "<=" | ">" | ">=" | "==" | "!=" ) , sum } ;
 * sum         = term , { ( "+" | "-" ) , term } ;
 * term        = factor , { ( "*" | "/" | "%" ) , factor } ;
 * factor      = ( "+" | "-" ) , factor | power ;
 * power       = primary , [ "**" , factor ] ;
 * primary     = number | name | name , "(" , [ expression , { "," , expression } ] , ")"
 *             | "(" , expression , ")" ;
 * number      = ( digits , [ "." , [ digits ] ] | "." , digits ) ,
 *               [ ( "e" | "E" ) , [ "+" | "-" ] , digits ] ;
 * name        = ( letter | "_" ) , { letter | digit | "_" } ;     (ASCII letters)
 * }</pre>
 * As in Python, {@code -2**2} is -4, {@code 2**3**2} is 512, {@code 2**-1} is 0.5,
 * binary operators are left-associative otherwise, and a chained comparison
 * {@code a < b < c} means {@code a < b and b < c}. {@code not} binds looser than a
 * comparison, so {@code not t > 5} is {@code not (t > 5)}, and needs parentheses after an
 * arithmetic operator: {@code 2*(not x)}.
 *
 * <h2>Values</h2>
 * Everything is a double. Comparisons, {@code and}, {@code or} and {@code not} yield 1 or 0,
 * and the logical operators count every non-zero number (NaN too) as true, so
 * {@code (t>5*ms)*3} is 3 or 0. {@code %} follows Python: the result has the sign of the
 * divisor ({@code -7 % 3} is 2). Evaluation follows the text strictly: left to right, no
 * re-association, and a literal subtree is folded only into the value evaluation would give
 * anyway; so {@code t/ms/25} is computed as {@code (t/1)/25}, bit for bit.
 *
 * <h2>Names</h2>
 * <table>
 * <caption>Constants</caption>
 * <tr><th>name</th><th>value</th><th>meaning</th></tr>
 * <tr><td>{@code ms}, {@code msecond}</td><td>1</td><td>time is in ms</td></tr>
 * <tr><td>{@code second}</td><td>1000</td><td>1 s in ms</td></tr>
 * <tr><td>{@code us}</td><td>0.001</td><td>1 µs in ms</td></tr>
 * <tr><td>{@code Hz}</td><td>0.001</td><td>rates are per ms</td></tr>
 * <tr><td>{@code kHz}</td><td>1</td><td>1 kHz per ms</td></tr>
 * <tr><td>{@code pi}, {@code e}, {@code inf}</td><td>π, e, +∞</td><td></td></tr>
 * </table>
 * Functions: {@code abs, ceil, clip(x, low, high), cos, exp, floor, int, log} (natural),
 * {@code log10, max(a, b, ...), min(a, b, ...), sign, sin, sqrt, tan, tanh}; see
 * {@link org.izhsim.expr.BuiltinFunction}. Variables are those passed to
 * {@link org.izhsim.expr.Expression#parse(String, java.util.List)}, {@code t} by default;
 * they may not hide a keyword, constant or function.
 *
 * <h2>Differences from Brian2</h2>
 * <ul>
 * <li>No units checking. Units are plain numbers in ms, so {@code t/ms} is t, and a
 *     dimensionally wrong {@code t + 5} is accepted. The bare {@code s} is not defined:
 *     write {@code second}.</li>
 * <li>No exceptions while evaluating: division by zero gives ±∞ or NaN, and {@code %} by
 *     zero NaN (as numpy; Python would raise). {@code int} leaves NaN and ±∞ unchanged.</li>
 * <li>{@code and} and {@code or} yield 1 or 0 rather than one of their operands (as numpy's
 *     {@code logical_and}).</li>
 * <li>{@code exp, log, log10, sin, cos, tan, tanh} and {@code **} are {@link java.lang.StrictMath}'s,
 *     identical on every platform, and may differ from numpy's in the last bit.</li>
 * <li>No {@code True}/{@code False}, random numbers, user functions, or variables other than
 *     those declared.</li>
 * </ul>
 *
 * <h2>Errors</h2>
 * A malformed text throws {@link org.izhsim.expr.ExpressionException} naming the 0-based
 * column and the reason, and listing what is known where a name is not:
 * <pre>
 * int(t&gt;100*ms)*
 *               ^ expected a number, a name or '(' but the expression ended
 * </pre>
 *
 * <h2>Inside</h2>
 * {@code Lexer} and {@code Parser} build a {@link org.izhsim.expr.Node} tree, {@code Folding}
 * simplifies it without changing any value, and {@code Evaluators} compiles it into nested
 * lambdas. The text is never handed to a compiler or a script engine.
 */
package org.izhsim.expr;
