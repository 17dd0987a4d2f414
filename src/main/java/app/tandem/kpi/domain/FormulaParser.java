package app.tandem.kpi.domain;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

import app.tandem.kpi.domain.Expression.Constant;
import app.tandem.kpi.domain.Expression.Negation;
import app.tandem.kpi.domain.Expression.Operation;
import app.tandem.kpi.domain.Expression.Operator;
import app.tandem.kpi.domain.Expression.Reference;
import app.tandem.shared.Magnitudes;

/**
 * Recursive descent over the characters of one formula:
 *
 * <pre>
 * expression := term (('+' | '-') term)*
 * term       := unary (('*' | '/') unary)*
 * unary      := '-' unary | primary
 * primary    := number | '{' key '}' | '(' expression ')'
 * number     := digit+ ('.' digit+)?
 * </pre>
 *
 * Whitespace may stand between any two tokens, not inside a number or a key.
 */
final class FormulaParser {

	static final int MAX_LENGTH = 2000;

	/** Parentheses and unary minuses recurse; the limit keeps a hostile formula from overflowing the stack. */
	static final int MAX_NESTING = 100;

	private static final int MAX_KEY_LENGTH = 100;

	private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]*");

	private final String text;

	private final Set<String> references = new LinkedHashSet<>();

	private int position;

	private int nesting;

	FormulaParser(String text) {
		this.text = text;
	}

	Expression parse() {
		if (text == null || text.isBlank()) {
			throw FormulaException.at("empty formula", 0);
		}
		if (text.length() > MAX_LENGTH) {
			throw FormulaException.at("formula longer than " + MAX_LENGTH + " characters", MAX_LENGTH);
		}
		Expression expression = expression();
		skipWhitespace();
		if (!atEnd()) {
			throw unexpected();
		}
		return expression;
	}

	/** The keys in braces, in order of first appearance; complete once {@link #parse()} returned. */
	Set<String> references() {
		return Collections.unmodifiableSet(references);
	}

	private Expression expression() {
		Expression left = term();
		for (Operator operator = next(Operator.ADD, Operator.SUBTRACT); operator != null; operator = next(
				Operator.ADD, Operator.SUBTRACT)) {
			left = new Operation(operator, left, term());
		}
		return left;
	}

	private Expression term() {
		Expression left = unary();
		for (Operator operator = next(Operator.MULTIPLY, Operator.DIVIDE); operator != null; operator = next(
				Operator.MULTIPLY, Operator.DIVIDE)) {
			left = new Operation(operator, left, unary());
		}
		return left;
	}

	private Expression unary() {
		skipWhitespace();
		if (atEnd() || text.charAt(position) != '-') {
			return primary();
		}
		enter(position++);
		Expression operand = unary();
		nesting--;
		return new Negation(operand);
	}

	private Expression primary() {
		skipWhitespace();
		if (atEnd()) {
			throw endOfFormula();
		}
		char c = text.charAt(position);
		if (isDigit(c)) {
			return number();
		}
		if (c == '{') {
			return reference();
		}
		if (c == '(') {
			return parenthesised();
		}
		if (c == '.' && position + 1 < text.length() && isDigit(text.charAt(position + 1))) {
			// ".5" is refused rather than read: one spelling per number, as most spreadsheet users write it
			throw FormulaException.at("a number needs a digit before '.'", position);
		}
		throw FormulaException.at("expected a number, a {key} or '('", position);
	}

	private Expression number() {
		int start = position;
		skipDigits();
		if (!atEnd() && text.charAt(position) == '.') {
			position++;
			if (atEnd() || !isDigit(text.charAt(position))) {
				throw FormulaException.at("expected a digit after '.'", position);
			}
			skipDigits();
		}
		double number = Double.parseDouble(text.substring(start, position));
		if (!Magnitudes.accepted(number)) {
			throw FormulaException.at(Math.abs(number) > Magnitudes.MAX ? "number out of range (at most 1e15)"
					: "number too close to 0 (0, or at least 1e-300)", start);
		}
		return new Constant(number);
	}

	private Expression reference() {
		int open = position;
		int start = open + 1;
		int close = text.indexOf('}', start);
		int nextOpen = text.indexOf('{', start);
		// "{a + {b}" is a missing '}', not a key named "a + {b"
		if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
			throw FormulaException.at("unclosed '{'", open);
		}
		String key = text.substring(start, close);
		if (key.isEmpty()) {
			throw FormulaException.at("empty key", start);
		}
		if (key.length() > MAX_KEY_LENGTH || !KEY.matcher(key).matches()) {
			throw new FormulaException("invalid key '" + key + "' at " + start
					+ ": a key is lower-case letters, digits and '-', not starting with '-', at most " + MAX_KEY_LENGTH
					+ " characters", start);
		}
		references.add(key);
		position = close + 1;
		return new Reference(key);
	}

	private Expression parenthesised() {
		int open = position;
		enter(position++);
		Expression inner = expression();
		skipWhitespace();
		if (atEnd()) {
			throw FormulaException.at("unclosed '('", open);
		}
		if (text.charAt(position) != ')') {
			throw unexpected();
		}
		position++;
		nesting--;
		return inner;
	}

	/** The operator among candidates that comes next, consumed; null when none does. */
	private Operator next(Operator... candidates) {
		skipWhitespace();
		if (atEnd()) {
			return null;
		}
		for (Operator candidate : candidates) {
			if (text.charAt(position) == candidate.symbol) {
				position++;
				return candidate;
			}
		}
		return null;
	}

	private void enter(int at) {
		if (++nesting > MAX_NESTING) {
			throw FormulaException.at("nesting deeper than " + MAX_NESTING, at);
		}
	}

	private FormulaException unexpected() {
		return FormulaException.at("unexpected '" + Character.toString(text.codePointAt(position)) + "'", position);
	}

	private FormulaException endOfFormula() {
		return new FormulaException("unexpected end of formula", position);
	}

	private void skipWhitespace() {
		while (!atEnd() && Character.isWhitespace(text.charAt(position))) {
			position++;
		}
	}

	private void skipDigits() {
		while (!atEnd() && isDigit(text.charAt(position))) {
			position++;
		}
	}

	private boolean atEnd() {
		return position >= text.length();
	}

	/** ASCII only: Character.isDigit accepts digits of other scripts, which Double.parseDouble refuses. */
	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}
}
