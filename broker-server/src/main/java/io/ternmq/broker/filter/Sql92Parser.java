package io.ternmq.broker.filter;

import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser from {@link Token}s to a {@link Condition}, one method per grammar rule:
 *
 * <pre>
 * expression := or END
 * or         := and ( OR and )*
 * and        := not ( AND not )*
 * not        := NOT not | primary
 * primary    := '(' or ')' | TRUE | FALSE | operand predicate
 * predicate  := cmp operand | [NOT] BETWEEN operand AND operand
 *             | [NOT] IN '(' literal ( ',' literal )* ')' | IS [NOT] NULL
 * operand    := IDENTIFIER | NUMBER | STRING | TRUE | FALSE
 * </pre>
 *
 * <p>Literal types are checked here, not at evaluation time: comparing two literals of different types,
 * ordering booleans, or mixing strings and numbers in one IN list can never match, so it is reported as a
 * mistake with its column. Each '(' and NOT counts one level of nesting, capped at
 * {@link FilterExpressions#MAX_NESTING_DEPTH}, which bounds both this parser's recursion and the evaluator's.
 */
final class Sql92Parser {

    private static final String NUMBER_KIND = "a number";
    private static final String STRING_KIND = "a string";
    private static final String BOOLEAN_KIND = "a boolean";

    private final String text;
    private final List<Token> tokens;
    private int index;
    private int depth;

    private Sql92Parser(String text, List<Token> tokens) {
        this.text = text;
        this.tokens = tokens;
    }

    /** Parses a whole expression; {@code null} is treated as empty, which is an error. */
    static Condition parse(String expression) throws FilterSyntaxException {
        String text = expression == null ? "" : expression;
        Sql92Parser parser = new Sql92Parser(text, Sql92Lexer.tokenize(text));
        Condition condition = parser.or();
        if (parser.peek().kind() != TokenKind.END) {
            throw parser.error(parser.peek(), "AND, OR or end of input");
        }
        return condition;
    }

    private Condition or() throws FilterSyntaxException {
        List<Condition> terms = new ArrayList<>();
        terms.add(and());
        while (accept(TokenKind.OR)) {
            terms.add(and());
        }
        return terms.size() == 1 ? terms.get(0) : new Condition.Or(terms);
    }

    private Condition and() throws FilterSyntaxException {
        List<Condition> terms = new ArrayList<>();
        terms.add(not());
        while (accept(TokenKind.AND)) {
            terms.add(not());
        }
        return terms.size() == 1 ? terms.get(0) : new Condition.And(terms);
    }

    private Condition not() throws FilterSyntaxException {
        if (peek().kind() != TokenKind.NOT) {
            return primary();
        }
        enter(next());
        Condition operand = not();
        depth--;
        return new Condition.Not(operand);
    }

    private Condition primary() throws FilterSyntaxException {
        Token token = peek();
        if (token.kind() == TokenKind.LEFT_PAREN) {
            enter(next());
            Condition inner = or();
            expect(TokenKind.RIGHT_PAREN, "')'");
            depth--;
            return inner;
        }
        boolean booleanLiteral = token.kind() == TokenKind.TRUE || token.kind() == TokenKind.FALSE;
        if (booleanLiteral && !tokens.get(index + 1).kind().isComparison()) {
            next();
            return new Condition.Constant(token.kind() == TokenKind.TRUE);
        }
        Operand left = operand("a condition");
        return predicate(left, token);
    }

    private Condition predicate(Operand left, Token leftToken) throws FilterSyntaxException {
        Token token = next();
        if (token.kind().isComparison()) {
            return comparison(left, token);
        }
        switch (token.kind()) {
            case BETWEEN:
                return between(left, false);
            case IN:
                return in(left, leftToken, false);
            case IS:
                boolean negated = accept(TokenKind.NOT);
                expect(TokenKind.NULL, negated ? "NULL" : "NULL or NOT NULL");
                return new Condition.IsNull(left, negated);
            case NOT:
                Token after = next();
                if (after.kind() == TokenKind.BETWEEN) {
                    return between(left, true);
                }
                if (after.kind() == TokenKind.IN) {
                    return in(left, leftToken, true);
                }
                throw error(after, "BETWEEN or IN after NOT");
            default:
                throw error(token, "a comparison operator, BETWEEN, IN or IS");
        }
    }

    private Condition comparison(Operand left, Token operatorToken) throws FilterSyntaxException {
        ComparisonOperator operator = ComparisonOperator.of(operatorToken.kind());
        Token rightToken = peek();
        Operand right = operand("a property name or literal");
        String kind = unify(kindOf(left), right, rightToken);
        if (BOOLEAN_KIND.equals(kind) && !operator.isEquality()) {
            throw error(operatorToken, "'=' or '<>' (booleans have no order)");
        }
        return new Condition.Compare(left, operator, right);
    }

    private Condition between(Operand value, boolean negated) throws FilterSyntaxException {
        String kind = kindOf(value);
        Token lowToken = peek();
        Operand low = operand("a property name or literal");
        kind = unify(kind, low, lowToken);
        expect(TokenKind.AND, "AND");
        Token highToken = peek();
        Operand high = operand("a property name or literal");
        kind = unify(kind, high, highToken);
        if (BOOLEAN_KIND.equals(kind)) {
            throw error(lowToken, "a number or string (booleans have no order)");
        }
        return new Condition.Between(value, low, high, negated);
    }

    private Condition in(Operand value, Token valueToken, boolean negated) throws FilterSyntaxException {
        String kind = kindOf(value);
        if (BOOLEAN_KIND.equals(kind)) {
            throw error(valueToken, "a property name, number or string before IN");
        }
        expect(TokenKind.LEFT_PAREN, "'(' to open the IN list");
        List<Operand> candidates = new ArrayList<>();
        do {
            Token token = next();
            Operand candidate;
            if (token.kind() == TokenKind.STRING) {
                candidate = new Operand.StringLiteral((String) token.value());
            } else if (token.kind() == TokenKind.NUMBER) {
                candidate = new Operand.NumberLiteral((Number) token.value());
            } else {
                throw error(token, "a string or number literal");
            }
            kind = unify(kind, candidate, token);
            candidates.add(candidate);
        } while (accept(TokenKind.COMMA));
        expect(TokenKind.RIGHT_PAREN, "',' or ')'");
        return new Condition.In(value, candidates, negated);
    }

    private Operand operand(String expected) throws FilterSyntaxException {
        Token token = next();
        return switch (token.kind()) {
            case IDENTIFIER -> new Operand.Property(token.text());
            case NUMBER -> new Operand.NumberLiteral((Number) token.value());
            case STRING -> new Operand.StringLiteral((String) token.value());
            case TRUE -> new Operand.BooleanLiteral(true);
            case FALSE -> new Operand.BooleanLiteral(false);
            case NULL -> throw error(token, expected + " (test a missing property with IS NULL)");
            default -> throw error(token, expected);
        };
    }

    /** The common literal type of a predicate so far, after adding {@code operand}; null if all properties. */
    private String unify(String kindSoFar, Operand operand, Token token) throws FilterSyntaxException {
        String kind = kindOf(operand);
        if (kind == null) {
            return kindSoFar;
        }
        if (kindSoFar != null && !kindSoFar.equals(kind)) {
            throw error(token, kindSoFar);
        }
        return kind;
    }

    /** A literal's type as it reads in an error message; null for a property, whose type depends on use. */
    private static String kindOf(Operand operand) {
        if (operand instanceof Operand.NumberLiteral) {
            return NUMBER_KIND;
        }
        if (operand instanceof Operand.StringLiteral) {
            return STRING_KIND;
        }
        if (operand instanceof Operand.BooleanLiteral) {
            return BOOLEAN_KIND;
        }
        return null;
    }

    private void enter(Token token) throws FilterSyntaxException {
        if (++depth > FilterExpressions.MAX_NESTING_DEPTH) {
            throw new FilterSyntaxException(text, token.offset(),
                    "at most " + FilterExpressions.MAX_NESTING_DEPTH + " levels of parentheses and NOT",
                    token.describe() + " at level " + depth);
        }
    }

    private Token peek() {
        return tokens.get(index);
    }

    /** Consumes the current token; the END token is never consumed, so reading past it is safe. */
    private Token next() {
        Token token = tokens.get(index);
        if (token.kind() != TokenKind.END) {
            index++;
        }
        return token;
    }

    private boolean accept(TokenKind kind) {
        if (peek().kind() == kind) {
            index++;
            return true;
        }
        return false;
    }

    private void expect(TokenKind kind, String expected) throws FilterSyntaxException {
        Token token = next();
        if (token.kind() != kind) {
            throw error(token, expected);
        }
    }

    private FilterSyntaxException error(Token token, String expected) {
        return new FilterSyntaxException(text, token.offset(), expected, token.describe());
    }
}
