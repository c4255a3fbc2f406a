package org.izhsim.expr;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

import org.izhsim.expr.Node.Binary;
import org.izhsim.expr.Node.Call;
import org.izhsim.expr.Node.Literal;
import org.izhsim.expr.Node.Unary;
import org.izhsim.expr.Node.Variable;

/**
 * Recursive descent over the grammar in the package documentation, one method per
 * precedence level, loosest first. Builds the tree as written; folding comes later.
 */
final class Parser {
    /**
     * Parentheses, calls and prefix operators inside one another; each level costs about ten
     * parser frames, and Python's own parser stops at the same depth.
     */
    static final int MAX_NESTING = 200;
    /**
     * Nodes on the longest path from the root; folding and evaluation recurse that deep, and
     * the limit keeps them far from the end of a worker thread's stack.
     */
    static final int MAX_DEPTH = 1000;

    private static final String OPERAND = "expected a number, a name or '(' but ";

    private final String text;
    private final List<String> variables;
    private final Lexer lexer;
    private Token current;
    private int nesting;

    Parser(String text, List<String> variables) {
        this.text = text;
        this.variables = variables;
        this.lexer = new Lexer(text);
        this.current = lexer.next();
    }

    Node parse() {
        if (current.kind() == Token.Kind.END) throw error(0, "the expression is empty", "");
        Node node = disjunction();
        if (current.kind() != Token.Kind.END) throw trailing(current);
        int depth = depth(node);
        if (depth > MAX_DEPTH) {
            throw error(0, "the expression is " + depth + " operations deep, more than the " + MAX_DEPTH + " allowed",
                    "split it into several expressions");
        }
        return node;
    }

    private Node disjunction() {
        Node left = conjunction();
        while (current.isKeyword("or")) {
            advance();
            left = new Binary(Binary.Operator.OR, left, conjunction());
        }
        return left;
    }

    private Node conjunction() {
        Node left = negation();
        while (current.isKeyword("and")) {
            advance();
            left = new Binary(Binary.Operator.AND, left, negation());
        }
        return left;
    }

    private Node negation() {
        if (!current.isKeyword("not")) return comparison();
        enter(advance());
        Node operand = negation();
        nesting--;
        return new Unary(Unary.Operator.NOT, operand);
    }

    /** Python's chains: {@code a < b <= c} means {@code a < b and b <= c}, sharing b. */
    private Node comparison() {
        Node left = sum();
        Node chain = null;
        for (Binary.Operator operator = comparisonAt(current); operator != null; operator = comparisonAt(current)) {
            advance();
            Node right = sum();
            Node link = new Binary(operator, left, right);
            chain = chain == null ? link : new Binary(Binary.Operator.AND, chain, link);
            left = right;
        }
        return chain == null ? left : chain;
    }

    private static Binary.Operator comparisonAt(Token token) {
        if (token.kind() != Token.Kind.SYMBOL) return null;
        return switch (token.text()) {
            case "<" -> Binary.Operator.LESS;
            case "<=" -> Binary.Operator.LESS_OR_EQUAL;
            case ">" -> Binary.Operator.GREATER;
            case ">=" -> Binary.Operator.GREATER_OR_EQUAL;
            case "==" -> Binary.Operator.EQUAL;
            case "!=" -> Binary.Operator.NOT_EQUAL;
            default -> null;
        };
    }

    private Node sum() {
        Node left = term();
        while (current.is("+") || current.is("-")) {
            Binary.Operator operator = advance().is("+") ? Binary.Operator.ADD : Binary.Operator.SUBTRACT;
            left = new Binary(operator, left, term());
        }
        return left;
    }

    private Node term() {
        Node left = factor();
        while (current.is("*") || current.is("/") || current.is("%")) {
            Binary.Operator operator = switch (advance().text()) {
                case "*" -> Binary.Operator.MULTIPLY;
                case "/" -> Binary.Operator.DIVIDE;
                default -> Binary.Operator.MODULO;
            };
            left = new Binary(operator, left, factor());
        }
        return left;
    }

    /** Unary minus binds looser than {@code **}: {@code -2**2} is -4. */
    private Node factor() {
        if (!current.is("+") && !current.is("-")) return power();
        Token sign = advance();
        enter(sign);
        Node operand = factor();
        nesting--;
        return new Unary(sign.is("+") ? Unary.Operator.PLUS : Unary.Operator.NEGATE, operand);
    }

    /** The exponent is a factor, which makes {@code **} right-associative and allows {@code 2**-1}. */
    private Node power() {
        Node base = primary();
        if (!current.is("**")) return base;
        enter(advance());
        Node exponent = factor();
        nesting--;
        return new Binary(Binary.Operator.POWER, base, exponent);
    }

    private Node primary() {
        Token token = current;
        switch (token.kind()) {
            case NUMBER -> {
                advance();
                return new Literal(token.number());
            }
            case NAME -> {
                if (Names.KEYWORDS.contains(token.text())) throw expectedOperand(token);
                advance();
                return current.is("(") ? call(token) : name(token);
            }
            case SYMBOL -> {
                if (!token.is("(")) throw expectedOperand(token);
                enter(advance());
                Node inner = disjunction();
                close(token, "')' or an operator");
                nesting--;
                return inner;
            }
            default -> throw expectedOperand(token);
        }
    }

    private Node call(Token name) {
        Optional<BuiltinFunction> known = BuiltinFunction.named(name.text());
        if (known.isEmpty()) throw notAFunction(name);
        BuiltinFunction function = known.get();
        Token open = advance();
        enter(open);
        List<Node> arguments = new ArrayList<>();
        if (!current.is(")")) {
            arguments.add(disjunction());
            while (current.is(",")) {
                advance();
                arguments.add(disjunction());
            }
        }
        close(open, "',', ')' or an operator");
        nesting--;
        if (!function.accepts(arguments.size())) {
            throw error(name.column(), function.arityProblem(arguments.size()), "");
        }
        return new Call(function, arguments);
    }

    private ExpressionException notAFunction(Token name) {
        String word = name.text();
        if (variables.contains(word) || Names.CONSTANTS.containsKey(word)) {
            return error(name.column(), "'" + word + "' is a " + (variables.contains(word) ? "variable" : "constant")
                    + ", not a function", "multiplication is written '*', as in " + word + "*(...)");
        }
        return error(name.column(), "unknown function '" + word + "'",
                didYouMean(word, Names.functionSymbols()) + "known: " + Names.listing(Names.functionSymbols()));
    }

    private Node name(Token token) {
        String word = token.text();
        int index = variables.indexOf(word);
        if (index >= 0) return new Variable(word, index);
        Double constant = Names.CONSTANTS.get(word);
        if (constant != null) return new Literal(constant);
        Optional<BuiltinFunction> function = BuiltinFunction.named(word);
        if (function.isPresent()) {
            throw error(token.column(), "function '" + word + "' needs its arguments in parentheses",
                    "write it as " + function.get().usage());
        }
        List<String> known = new ArrayList<>(variables);
        known.addAll(Names.CONSTANTS.keySet());
        String variableList = switch (variables.size()) {
            case 0 -> "no variables";
            case 1 -> "variable " + variables.getFirst();
            default -> "variables " + String.join(", ", variables);
        };
        throw new ExpressionException(text, token.column(), "unknown name '" + word + "'", didYouMean(word, known)
                + "known: " + variableList + "; constants " + Names.listing(Names.CONSTANTS.keySet()), word);
    }

    private static String didYouMean(String word, List<String> candidates) {
        return Names.suggestion(word, candidates).map(s -> "did you mean '" + s + "'? ").orElse("");
    }

    private void close(Token open, String expected) {
        if (current.is(")")) {
            advance();
        } else if (current.kind() == Token.Kind.END) {
            throw error(open.column(), "unclosed '('", "expected ')' before the end");
        } else {
            throw error(current.column(), "expected " + expected + " but " + current.describe(), "");
        }
    }

    private ExpressionException expectedOperand(Token token) {
        String hint = token.isKeyword("not") ? "'not' after an operator needs parentheses, as in 2*(not x)" : "";
        return error(token.column(), OPERAND + token.describe(), hint);
    }

    private ExpressionException trailing(Token token) {
        if (token.is(")")) return error(token.column(), "unmatched ')'", "");
        if (token.is(",")) return error(token.column(), "unexpected ','", "commas separate the arguments of a function");
        return error(token.column(), "expected an operator but " + token.describe(), "");
    }

    private void enter(Token token) {
        if (++nesting > MAX_NESTING) {
            throw error(token.column(), "more than " + MAX_NESTING + " levels of parentheses, calls and signs"
                    + " inside one another", "split the expression");
        }
    }

    private Token advance() {
        Token consumed = current;
        current = lexer.next();
        return consumed;
    }

    private ExpressionException error(int column, String problem, String hint) {
        return new ExpressionException(text, column, problem, hint);
    }

    /** Counted with an explicit stack because the tree may be deeper than is safe to recurse. */
    private static int depth(Node root) {
        Deque<Node> nodes = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        nodes.push(root);
        depths.push(1);
        int deepest = 0;
        while (!nodes.isEmpty()) {
            Node node = nodes.pop();
            int depth = depths.pop();
            deepest = Math.max(deepest, depth);
            List<Node> children = switch (node) {
                case Literal _, Variable _ -> List.of();
                case Unary unary -> List.of(unary.operand());
                case Binary binary -> List.of(binary.left(), binary.right());
                case Call call -> call.arguments();
            };
            for (Node child : children) {
                nodes.push(child);
                depths.push(depth + 1);
            }
        }
        return deepest;
    }
}
