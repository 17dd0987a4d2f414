package app.tandem.kpi.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;

import app.tandem.kpi.domain.Expression.Constant;
import app.tandem.kpi.domain.Expression.Negation;
import app.tandem.kpi.domain.Expression.Operation;
import app.tandem.kpi.domain.Expression.Operator;

class FormulaTests {

	private static final String CONVERSION = "{new-customers} / {leads} * 100";

	// SPEC example

	@Test
	void conversionRateIsNewCustomersPerLeadInPercent() {
		assertThat(valueOf(CONVERSION, Map.of("new-customers", 60.0, "leads", 400.0))).hasValue(15.0);
	}

	@Test
	void conversionRateHasNoValueInAPeriodWithoutLeads() {
		assertThat(valueOf(CONVERSION, Map.of("new-customers", 60.0, "leads", 0.0))).isEmpty();
	}

	// precedence and associativity

	@Test
	void multiplicationBindsTighterThanAddition() {
		assertThat(valueOf("2 + 3 * 4")).hasValue(14.0);
		assertThat(valueOf("2 * 3 + 4")).hasValue(10.0);
	}

	@Test
	void divisionBindsTighterThanSubtraction() {
		assertThat(valueOf("10 - 6 / 2")).hasValue(7.0);
		assertThat(valueOf("6 / 2 - 10")).hasValue(-7.0);
	}

	@Test
	void parenthesesGroupFirst() {
		assertThat(valueOf("(2 + 3) * 4")).hasValue(20.0);
		assertThat(valueOf("2 * (3 + 4)")).hasValue(14.0);
	}

	@Test
	void divisionGroupsFromTheLeft() {
		assertThat(valueOf("8 / 4 / 2")).hasValue(1.0);
	}

	@Test
	void subtractionGroupsFromTheLeft() {
		assertThat(valueOf("10 - 3 - 2")).hasValue(5.0);
	}

	@Test
	void additionAndSubtractionGroupFromTheLeftTogether() {
		assertThat(valueOf("1 - 2 + 3")).hasValue(2.0);
	}

	@Test
	void multiplicationAndDivisionGroupFromTheLeftTogether() {
		assertThat(valueOf("12 / 3 * 2")).hasValue(8.0);
	}

	// unary minus

	@Test
	void unaryMinusNegates() {
		assertThat(valueOf("-2 * 3")).hasValue(-6.0);
		assertThat(valueOf("-{a}", Map.of("a", 4.0))).hasValue(-4.0);
		assertThat(valueOf("-(1 + 2)")).hasValue(-3.0);
	}

	@Test
	void unaryMinusBindsTighterThanMultiplication() {
		// -(2 * 3) and (-2) * 3 are equal numbers, so the parsed form tells them apart
		assertThat(Formula.parse("-2 * 3").expression()).isEqualTo(
				new Operation(Operator.MULTIPLY, new Negation(new Constant(2)), new Constant(3)));
	}

	@Test
	void unaryMinusTwiceCancels() {
		assertThat(valueOf("--2")).hasValue(2.0);
		assertThat(valueOf("- - 2")).hasValue(2.0);
	}

	@Test
	void unaryMinusMayFollowABinaryOperator() {
		assertThat(valueOf("2 * -3")).hasValue(-6.0);
		assertThat(valueOf("1 - -1")).hasValue(2.0);
		assertThat(valueOf("6 / -{a}", Map.of("a", 2.0))).hasValue(-3.0);
	}

	@Test
	void negativeZeroIsReportedAsZero() {
		double value = valueOf("0 * -1").getAsDouble();

		assertThat(Math.copySign(1, value)).isEqualTo(1.0);
	}

	// numbers

	@Test
	void numbersMayHaveAFraction() {
		assertThat(valueOf("0.5 + 1.25")).hasValue(1.75);
		assertThat(valueOf("007")).hasValue(7.0);
	}

	@Test
	void whitespaceMayStandBetweenAnyTokens() {
		assertThat(valueOf(" \t( {a}\n*2 )/ - 1 \r\n", Map.of("a", 3.0))).hasValue(-6.0);
		assertThat(valueOf("({a}*2)/-1", Map.of("a", 3.0))).hasValue(-6.0);
	}

	// missing values, division by zero, overflow

	@Test
	void missingInputLeavesNoValue() {
		assertThat(valueOf("{a} + {b}", Map.of("a", 1.0))).isEmpty();
	}

	@Test
	void missingInputLeavesNoValueEvenWhenMultipliedByZero() {
		assertThat(valueOf("0 * {a}", Map.of())).isEmpty();
	}

	@Test
	void lookupAnsweringNullOrNotFiniteCountsAsMissing() {
		assertThat(Formula.parse("{a} + 1").evaluate(key -> null)).isEmpty();
		assertThat(valueOf("{a} + 1", Map.of("a", Double.NaN))).isEmpty();
		assertThat(valueOf("{a} + 1", Map.of("a", Double.POSITIVE_INFINITY))).isEmpty();
		// 1 / ∞ would be a finite 0
		assertThat(valueOf("1 / {a}", Map.of("a", Double.POSITIVE_INFINITY))).isEmpty();
	}

	@Test
	void divisionByZeroAnywhereLeavesNoValue() {
		assertThat(valueOf("1 + 1 / 0")).isEmpty();
		assertThat(valueOf("0 / 0")).isEmpty();
		assertThat(valueOf("1 / (2 - 2) * 0")).isEmpty();
		assertThat(valueOf("1 / -0")).isEmpty();
	}

	@Test
	void divisionByAnInputOfZeroLeavesNoValue() {
		assertThat(valueOf("{a} / {b}", Map.of("a", 1.0, "b", 0.0))).isEmpty();
	}

	@Test
	void overflowLeavesNoValue() {
		assertThat(valueOf("{big} * {big}", Map.of("big", 1e200))).isEmpty();
	}

	@Test
	void overflowInBetweenLeavesNoValueEvenIfTheResultWouldBeFinite() {
		assertThat(valueOf("1 / ({big} * {big})", Map.of("big", 1e200))).isEmpty();
		assertThat(valueOf("{big} * {big} - {big} * {big}", Map.of("big", 1e200))).isEmpty();
	}

	@Test
	void evaluationAsksForEachReferencedKeyOnce() {
		List<String> asked = new ArrayList<>();

		Formula.parse("{a} + {b} * {a} / {b}").evaluate(key -> {
			asked.add(key);
			return OptionalDouble.of(1);
		});

		assertThat(asked).containsExactly("a", "b");
	}

	@Test
	void longestFormulaEvaluatesWithoutOverflowingTheStack() {
		String text = "1" + "+1".repeat((FormulaParser.MAX_LENGTH - 1) / 2);

		assertThat(valueOf(text)).hasValue(1000.0);
	}

	// text and references

	@Test
	void textIsKeptAsWritten() {
		String text = "  {a}/( {b} )\t";

		assertThat(Formula.parse(text).text()).isEqualTo(text);
		assertThat(Formula.parse(text)).isEqualTo(Formula.parse(text)).hasToString(text);
	}

	@Test
	void referencesAreTheKeysInOrderOfFirstAppearanceEachOnce() {
		assertThat(Formula.parse("{b} + {a} * {b} / {c-1} - {a}").references()).containsExactly("b", "a", "c-1");
	}

	@Test
	void formulaOfNumbersAloneReferencesNothing() {
		assertThat(Formula.parse("1 + 2").references()).isEmpty();
	}

	@Test
	void referencesCannotBeChanged() {
		Formula formula = Formula.parse("{a}");

		assertThatThrownBy(() -> formula.references().add("b")).isInstanceOf(UnsupportedOperationException.class);
	}

	@Test
	void keyOfAHundredCharactersIsAccepted() {
		String key = "k".repeat(100);

		assertThat(Formula.parse("{" + key + "}").references()).containsExactly(key);
	}

	// syntax errors

	@Test
	void emptyTextIsRejected() {
		assertRejected("", "empty formula at 0", 0);
		assertRejected(" \t\n", "empty formula at 0", 0);
		assertRejected(null, "empty formula at 0", 0);
	}

	@Test
	void textLongerThanTwoThousandCharactersIsRejected() {
		String text = " ".repeat(FormulaParser.MAX_LENGTH) + "1";

		assertRejected(text, "formula longer than 2000 characters at 2000", 2000);
		assertThat(Formula.parse(text.substring(1)).text()).hasSize(2000);
	}

	@Test
	void unclosedParenthesisIsRejectedWhereItOpens() {
		assertRejected("(1 + 2", "unclosed '(' at 0", 0);
		assertRejected("2 * ((1) + 2", "unclosed '(' at 4", 4);
	}

	@Test
	void unopenedParenthesisIsRejected() {
		assertRejected("1 + 2)", "unexpected ')' at 5", 5);
		assertRejected("(1 + 2))", "unexpected ')' at 7", 7);
	}

	@Test
	void emptyParenthesesAreRejected() {
		assertRejected("2 * ()", "expected a number, a {key} or '(' at 5", 5);
	}

	@Test
	void trailingGarbageIsRejected() {
		assertRejected("1 + 2 x", "unexpected 'x' at 6", 6);
		assertRejected("1 2", "unexpected '2' at 2", 2);
		assertRejected("{a}{b}", "unexpected '{' at 3", 3);
		assertRejected("(1 2)", "unexpected '2' at 3", 3);
	}

	@Test
	void twoOperatorsInARowAreRejectedUnlessTheSecondIsAMinus() {
		assertRejected("1 + * 2", "expected a number, a {key} or '(' at 4", 4);
		assertRejected("1 * / 2", "expected a number, a {key} or '(' at 4", 4);
		assertRejected("1 - + 2", "expected a number, a {key} or '(' at 4", 4);
	}

	@Test
	void leadingBinaryOperatorIsRejected() {
		assertRejected("* 2", "expected a number, a {key} or '(' at 0", 0);
		assertRejected("+2", "expected a number, a {key} or '(' at 0", 0);
	}

	@Test
	void formulaEndingInAnOperatorIsRejectedAtItsEnd() {
		assertRejected("1 +", "unexpected end of formula", 3);
		assertRejected("2 * - ", "unexpected end of formula", 6);
	}

	@Test
	void numberWithoutDigitBeforeThePointIsRejected() {
		assertRejected("1 + .5", "a number needs a digit before '.' at 4", 4);
	}

	@Test
	void numberWithoutDigitAfterThePointIsRejected() {
		assertRejected("5. + 1", "expected a digit after '.' at 2", 2);
		assertRejected("5.", "expected a digit after '.' at 2", 2);
	}

	@Test
	void numberWithTwoPointsIsRejected() {
		assertRejected("1.2.3", "unexpected '.' at 3", 3);
	}

	@Test
	void exponentIsRejected() {
		assertRejected("1e3", "unexpected 'e' at 1", 1);
	}

	@Test
	void numberTooLargeForADoubleIsRejected() {
		assertRejected("2 * 1" + "0".repeat(400), "number out of range (at most 1e15) at 4", 4);
	}

	@Test
	void numberBeyondTheNumbersPeopleEnterIsRejected() {
		assertRejected("{a} * 1" + "0".repeat(16), "number out of range (at most 1e15) at 6", 6);
		assertThat(Formula.parse("{a} * 1" + "0".repeat(15)).references()).containsExactly("a");
	}

	@Test
	void unclosedBraceIsRejectedWhereItOpens() {
		assertRejected("1 + {leads", "unclosed '{' at 4", 4);
		assertRejected("{a + {b}", "unclosed '{' at 0", 0);
	}

	@Test
	void emptyKeyIsRejected() {
		assertRejected("1 + {}", "empty key at 5", 5);
	}

	@Test
	void keyThatIsNotASlugIsRejected() {
		assertInvalidKey("{Ab C}", "Ab C", 1);
		assertInvalidKey("2 * {-a}", "-a", 5);
		assertInvalidKey("{ a }", " a ", 1);
		assertInvalidKey("{a_b}", "a_b", 1);
	}

	@Test
	void keyLongerThanAHundredCharactersIsRejected() {
		assertInvalidKey("{" + "k".repeat(101) + "}", "k".repeat(101), 1);
	}

	@Test
	void nestingOfAHundredParenthesesIsAccepted() {
		assertThat(valueOf("(".repeat(100) + "1" + ")".repeat(100))).hasValue(1.0);
	}

	@Test
	void nestingDeeperThanAHundredParenthesesIsRejected() {
		assertRejected("(".repeat(101) + "1" + ")".repeat(101), "nesting deeper than 100 at 100", 100);
	}

	@Test
	void nestingDeeperThanAHundredUnaryMinusesIsRejected() {
		assertThat(valueOf("-".repeat(100) + "1")).hasValue(1.0);
		assertRejected("-".repeat(101) + "1", "nesting deeper than 100 at 100", 100);
		assertRejected("-(".repeat(51) + "1" + ")".repeat(51), "nesting deeper than 100 at 100", 100);
	}

	@Test
	void nestingCountsOnlyWhatIsOpen() {
		String hundredDeep = "(".repeat(100) + "1" + ")".repeat(100);

		assertThat(valueOf(hundredDeep + " + " + hundredDeep)).hasValue(2.0);
		assertThat(valueOf("-".repeat(60) + "1 + " + "-".repeat(60) + "1")).hasValue(2.0);
	}

	private static OptionalDouble valueOf(String text) {
		return valueOf(text, Map.of());
	}

	private static OptionalDouble valueOf(String text, Map<String, Double> values) {
		Map<String, Double> known = new HashMap<>(values);
		return Formula.parse(text).evaluate(
				key -> known.containsKey(key) ? OptionalDouble.of(known.get(key)) : OptionalDouble.empty());
	}

	private static void assertRejected(String text, String message, int position) {
		FormulaException rejection = catchThrowableOfType(FormulaException.class, () -> Formula.parse(text));

		assertThat(rejection).as(text).isNotNull();
		assertThat(rejection.getMessage()).as(text).isEqualTo(message);
		assertThat(rejection.position()).as(text).isEqualTo(position);
	}

	private static void assertInvalidKey(String text, String key, int position) {
		FormulaException rejection = catchThrowableOfType(FormulaException.class, () -> Formula.parse(text));

		assertThat(rejection).as(text).isNotNull();
		assertThat(rejection.getMessage()).as(text).startsWith("invalid key '" + key + "' at " + position + ":");
		assertThat(rejection.position()).as(text).isEqualTo(position);
	}
}
