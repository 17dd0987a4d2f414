package app.tandem.kpi.domain;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;

/**
 * A KPI's formula (SPEC §1): an expression over other KPIs' keys in braces, numbers, {@code + - * /},
 * parentheses and unary minus, e.g. {@code {new-customers} / {leads} * 100}. Parsed once, evaluated per period.
 */
public final class Formula {

	private final String text;

	private final Expression expression;

	private final Set<String> references;

	private Formula(String text, Expression expression, Set<String> references) {
		this.text = text;
		this.expression = expression;
		this.references = references;
	}

	/** Parses; throws FormulaException with a 0-based character position and a clear message. */
	public static Formula parse(String text) {
		FormulaParser parser = new FormulaParser(text);
		Expression expression = parser.parse();
		return new Formula(text, expression, parser.references());
	}

	/** The text as written, whitespace included. */
	public String text() {
		return text;
	}

	/** The keys in braces, in order of first appearance, each once; unmodifiable. */
	public Set<String> references() {
		return references;
	}

	/**
	 * The value, or empty when any referenced value is missing (empty, null or not finite) or a division by zero or
	 * an overflow happens. Asks valueOfKey once per referenced key.
	 */
	public OptionalDouble evaluate(Function<String, OptionalDouble> valueOfKey) {
		Map<String, Double> inputs = new HashMap<>();
		for (String key : references) {
			OptionalDouble value = valueOfKey.apply(key);
			// a missing input leaves the period without a value even where the input would not matter ({a} * 0)
			if (value == null || value.isEmpty() || !Double.isFinite(value.getAsDouble())) {
				return OptionalDouble.empty();
			}
			inputs.put(key, value.getAsDouble());
		}
		double value = expression.value(inputs);
		// + 0.0 turns -0.0 into 0.0, which nobody wants to see on a dashboard
		return Double.isFinite(value) ? OptionalDouble.of(value + 0.0) : OptionalDouble.empty();
	}

	/** The parsed form: how "-2 * 3" groups is visible only here, not in its value. */
	Expression expression() {
		return expression;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Formula formula && text.equals(formula.text);
	}

	@Override
	public int hashCode() {
		return text.hashCode();
	}

	@Override
	public String toString() {
		return text;
	}
}
