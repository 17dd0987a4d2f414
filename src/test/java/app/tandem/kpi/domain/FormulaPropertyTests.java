package app.tandem.kpi.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of formulas over random cases: random expression trees are printed to text (with random whitespace
 * and redundant parentheses) and parsed back; random and mutated texts are parsed. Each seed drives one
 * {@link Random} through {@value #CASES} cases, and every failure names the seed, the case and the text.
 */
class FormulaPropertyTests {

	private static final int CASES = 200;

	private static final int MAX_DEPTH = 6;

	private static final String SLUG_START = "abcdefghijklmnopqrstuvwxyz0123456789";

	private static final String SLUG_REST = SLUG_START + "-";

	/** Characters formulas are made of, and a few they are not. */
	private static final String FORMULA_ALPHABET = "0123456789..{{}}(())++--**// \t\nabzAZ_-";

	static LongStream seeds() {
		return LongStream.rangeClosed(1, 20).map(n -> n * 0x9E3779B97F4A7C15L);
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void parsedFormulaEvaluatesLikeTheTreeItWasPrintedFrom(long seed) {
		Random random = new Random(seed);
		for (int n = 0; n < CASES; n++) {
			List<String> keys = anyKeys(random);
			Node tree = anyNode(random, keys, 0);
			String text = print(tree, random);
			Map<String, Double> values = anyValues(random, keys);
			String at = "seed " + seed + ", case " + n + ": " + text + " with " + values;

			Double expected = tree.value(values);
			OptionalDouble actual = parse(text, at).evaluate(
					key -> values.containsKey(key) ? OptionalDouble.of(values.get(key)) : OptionalDouble.empty());

			if (expected == null) {
				assertThat(actual).as(at).isEmpty();
			}
			else {
				assertThat(actual).as(at).isPresent();
				assertThat(actual.getAsDouble()).as(at)
					.isCloseTo(expected, within(1e-9 * Math.max(1, Math.abs(expected))));
			}
		}
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void parsedFormulaReferencesTheKeysOfTheTreeInOrderOfFirstAppearance(long seed) {
		Random random = new Random(seed);
		for (int n = 0; n < CASES; n++) {
			Node tree = anyNode(random, anyKeys(random), 0);
			String text = print(tree, random);
			String at = "seed " + seed + ", case " + n + ": " + text;
			Set<String> expected = new LinkedHashSet<>();
			tree.collectKeys(expected);

			assertThat(parse(text, at).references()).as(at).containsExactlyElementsOf(expected);
		}
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void randomTextFailsToParseOnlyWithAFormulaExceptionWithinTheText(long seed) {
		Random random = new Random(seed);
		for (int n = 0; n < CASES; n++) {
			String text = anyText(random);
			assertParsesOrFailsCleanly(text, "seed " + seed + ", case " + n + ": " + text);
		}
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void mutatedFormulaFailsToParseOnlyWithAFormulaExceptionWithinTheText(long seed) {
		Random random = new Random(seed);
		for (int n = 0; n < CASES; n++) {
			String text = mutate(print(anyNode(random, anyKeys(random), 0), random), random);
			assertParsesOrFailsCleanly(text, "seed " + seed + ", case " + n + ": " + text);
		}
	}

	private static Formula parse(String text, String at) {
		try {
			return Formula.parse(text);
		}
		catch (FormulaException e) {
			throw new AssertionError(at + " was rejected: " + e.getMessage(), e);
		}
	}

	/** Parses, or fails with a FormulaException pointing into the text; and what parses also evaluates. */
	private static void assertParsesOrFailsCleanly(String text, String at) {
		Formula formula;
		try {
			formula = Formula.parse(text);
		}
		catch (FormulaException e) {
			assertThat(e.position()).as(at + " → " + e.getMessage()).isBetween(0, text.length());
			assertThat(e.getMessage()).as(at).isNotBlank();
			return;
		}
		catch (RuntimeException | StackOverflowError e) {
			throw new AssertionError(at + " threw " + e, e);
		}
		try {
			formula.evaluate(key -> OptionalDouble.of(1));
		}
		catch (RuntimeException | StackOverflowError e) {
			throw new AssertionError(at + " parsed, but evaluating it threw " + e, e);
		}
	}

	// generators

	private static List<String> anyKeys(Random random) {
		List<String> keys = new ArrayList<>();
		for (int i = 1 + random.nextInt(4); i > 0; i--) {
			keys.add(anySlug(random, random.nextInt(20) == 0 ? 100 : 1 + random.nextInt(12)));
		}
		return keys;
	}

	private static String anySlug(Random random, int length) {
		StringBuilder slug = new StringBuilder().append(SLUG_START.charAt(random.nextInt(SLUG_START.length())));
		while (slug.length() < length) {
			slug.append(SLUG_REST.charAt(random.nextInt(SLUG_REST.length())));
		}
		return slug.toString();
	}

	/** Mostly complete inputs, with zeros (division by zero), huge values (overflow) and now and then a gap. */
	private static Map<String, Double> anyValues(Random random, List<String> keys) {
		Map<String, Double> values = new HashMap<>();
		for (String key : keys) {
			int kind = random.nextInt(20);
			if (kind == 0) {
				continue;
			}
			values.put(key, switch (kind) {
				case 1, 2 -> 0.0;
				case 3 -> (random.nextBoolean() ? 1 : -1) * 1e200;
				case 4, 5, 6 -> (double) random.nextInt(100);
				default -> (random.nextDouble() - 0.5) * 2000;
			});
		}
		return values;
	}

	private static Node anyNode(Random random, List<String> keys, int depth) {
		int kind = random.nextInt(depth >= MAX_DEPTH ? 2 : 6);
		return switch (kind) {
			case 0 -> new Num(anyLiteral(random));
			case 1 -> new Key(keys.get(random.nextInt(keys.size())));
			case 2 -> new Neg(anyNode(random, keys, depth + 1));
			default -> new Bin("+-*/".charAt(random.nextInt(4)), anyNode(random, keys, depth + 1),
					anyNode(random, keys, depth + 1));
		};
	}

	private static String anyLiteral(Random random) {
		return switch (random.nextInt(6)) {
			case 0 -> "0";
			case 1 -> "00" + random.nextInt(10);
			case 2 -> random.nextInt(1000) + "." + random.nextInt(1000);
			default -> String.valueOf(random.nextInt(1000));
		};
	}

	private static String anyText(Random random) {
		int length = random.nextInt(10) == 0 ? random.nextInt(2100) : random.nextInt(40);
		// now and then a text of few characters, such as "{{{}" or "1+1+", to reach the length limit
		String alphabet = random.nextInt(5) == 0 ? anySubset(random, "(()-{}1+ ") : FORMULA_ALPHABET;
		StringBuilder text = new StringBuilder();
		if (random.nextInt(10) == 0) {
			// opening parentheses and minuses without end, for the nesting limit
			for (int depth = random.nextInt(300); depth > 0; depth--) {
				text.append(random.nextBoolean() ? "(" : "-").append(space(random));
			}
		}
		while (text.length() < length) {
			if (random.nextInt(50) == 0) {
				text.append((char) random.nextInt(Character.MAX_VALUE + 1));
			}
			else {
				text.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
		}
		return text.toString();
	}

	private static String anySubset(Random random, String characters) {
		StringBuilder subset = new StringBuilder();
		for (char c : characters.toCharArray()) {
			if (random.nextBoolean()) {
				subset.append(c);
			}
		}
		return subset.length() == 0 ? "(" : subset.toString();
	}

	/** Deletes, inserts, replaces or swaps a few characters. */
	private static String mutate(String text, Random random) {
		StringBuilder mutated = new StringBuilder(text);
		for (int i = 1 + random.nextInt(3); i > 0; i--) {
			int at = random.nextInt(mutated.length() + 1);
			char c = FORMULA_ALPHABET.charAt(random.nextInt(FORMULA_ALPHABET.length()));
			switch (random.nextInt(4)) {
				case 0 -> {
					if (at < mutated.length()) {
						mutated.deleteCharAt(at);
					}
				}
				case 1 -> mutated.insert(at, c);
				case 2 -> {
					if (at < mutated.length()) {
						mutated.setCharAt(at, c);
					}
				}
				default -> {
					if (at + 1 < mutated.length()) {
						char first = mutated.charAt(at);
						mutated.setCharAt(at, mutated.charAt(at + 1));
						mutated.setCharAt(at + 1, first);
					}
				}
			}
		}
		return mutated.toString();
	}

	// printing

	private static String print(Node node, Random random) {
		String printed = node.print(random);
		// a redundant pair of parentheses changes nothing
		return random.nextInt(7) == 0 ? "(" + space(random) + printed + space(random) + ")" : printed;
	}

	/** Parentheses where the grammar needs them to keep the tree's shape. */
	private static String grouped(Node operand, int weakest, Random random) {
		String printed = print(operand, random);
		return operand.precedence() < weakest ? "(" + space(random) + printed + space(random) + ")" : printed;
	}

	private static String space(Random random) {
		return switch (random.nextInt(8)) {
			case 0 -> " ";
			case 1 -> "  ";
			case 2 -> "\t";
			case 3 -> "\n";
			default -> "";
		};
	}

	/** The generated tree, evaluated directly: null is no value. */
	private sealed interface Node {

		Double value(Map<String, Double> values);

		/** 1 for + and -, 2 for * and /, 3 for unary minus, 4 for what needs no parentheses. */
		int precedence();

		String print(Random random);

		void collectKeys(Set<String> keys);
	}

	private record Num(String literal) implements Node {

		@Override
		public Double value(Map<String, Double> values) {
			return Double.parseDouble(literal);
		}

		@Override
		public int precedence() {
			return 4;
		}

		@Override
		public String print(Random random) {
			return literal;
		}

		@Override
		public void collectKeys(Set<String> keys) {
		}
	}

	private record Key(String key) implements Node {

		@Override
		public Double value(Map<String, Double> values) {
			return values.get(key);
		}

		@Override
		public int precedence() {
			return 4;
		}

		@Override
		public String print(Random random) {
			return "{" + key + "}";
		}

		@Override
		public void collectKeys(Set<String> keys) {
			keys.add(key);
		}
	}

	private record Neg(Node operand) implements Node {

		@Override
		public Double value(Map<String, Double> values) {
			Double value = operand.value(values);
			return value == null ? null : -value;
		}

		@Override
		public int precedence() {
			return 3;
		}

		@Override
		public String print(Random random) {
			return "-" + space(random) + grouped(operand, 3, random);
		}

		@Override
		public void collectKeys(Set<String> keys) {
			operand.collectKeys(keys);
		}
	}

	private record Bin(char operator, Node left, Node right) implements Node {

		@Override
		public Double value(Map<String, Double> values) {
			Double l = left.value(values);
			Double r = right.value(values);
			if (l == null || r == null || (operator == '/' && r == 0)) {
				return null;
			}
			double value = switch (operator) {
				case '+' -> l + r;
				case '-' -> l - r;
				case '*' -> l * r;
				default -> l / r;
			};
			return Double.isFinite(value) ? value : null;
		}

		@Override
		public int precedence() {
			return operator == '+' || operator == '-' ? 1 : 2;
		}

		@Override
		public String print(Random random) {
			// left-associative: a right operand of the same precedence needs parentheses, a left one doesn't
			return grouped(left, precedence(), random) + space(random) + operator + space(random)
					+ grouped(right, precedence() + 1, random);
		}

		@Override
		public void collectKeys(Set<String> keys) {
			left.collectKeys(keys);
			right.collectKeys(keys);
		}
	}
}
