package app.tandem.kpi.domain;

import static app.tandem.kpi.domain.KpiStatus.AMBER;
import static app.tandem.kpi.domain.KpiStatus.GREEN;
import static app.tandem.kpi.domain.KpiStatus.NO_DATA;
import static app.tandem.kpi.domain.KpiStatus.RED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Every direction at its boundaries: inclusive as SPEC words them, and the next double beyond each. */
class KpiStatusTests {

	private static final Thresholds SALES = towards(Direction.HIGHER_IS_BETTER, 100.0, 90.0);

	private static final Thresholds CHURN = towards(Direction.LOWER_IS_BETTER, 10.0, 15.0);

	private static final Thresholds TEMPERATURE = range(100.0, 200.0, 5.0);

	@Test
	void higherIsBetter() {
		assertThat(SALES.statusOf(250.0)).isEqualTo(GREEN);
		assertThat(SALES.statusOf(100.0)).as("at target").isEqualTo(GREEN);
		assertThat(SALES.statusOf(Math.nextDown(100.0))).as("just below target").isEqualTo(AMBER);
		assertThat(SALES.statusOf(90.0)).as("at warning").isEqualTo(AMBER);
		assertThat(SALES.statusOf(Math.nextDown(90.0))).as("just below warning").isEqualTo(RED);
		assertThat(SALES.statusOf(-1.0)).isEqualTo(RED);
	}

	@Test
	void lowerIsBetter() {
		assertThat(CHURN.statusOf(-3.0)).isEqualTo(GREEN);
		assertThat(CHURN.statusOf(10.0)).as("at target").isEqualTo(GREEN);
		assertThat(CHURN.statusOf(Math.nextUp(10.0))).as("just above target").isEqualTo(AMBER);
		assertThat(CHURN.statusOf(15.0)).as("at warning").isEqualTo(AMBER);
		assertThat(CHURN.statusOf(Math.nextUp(15.0))).as("just above warning").isEqualTo(RED);
		assertThat(CHURN.statusOf(1e9)).isEqualTo(RED);
	}

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource(delimiter = '|', textBlock = """
			150                | GREEN
			100                | GREEN
			200                | GREEN
			99.99999999999999  | AMBER
			200.00000000000003 | AMBER
			95                 | AMBER
			205                | AMBER
			94.99999999999999  | RED
			205.00000000000003 | RED
			0                  | RED
			""")
	void withinRange(double value, KpiStatus status) {
		assertThat(TEMPERATURE.statusOf(value)).isEqualTo(status);
	}

	@Test
	void theRangeTableUsesTheNextDoublesBeyondEachBoundary() {
		assertThat(99.99999999999999).isEqualTo(Math.nextDown(100.0));
		assertThat(200.00000000000003).isEqualTo(Math.nextUp(200.0));
		assertThat(94.99999999999999).isEqualTo(Math.nextDown(95.0));
		assertThat(205.00000000000003).isEqualTo(Math.nextUp(205.0));
	}

	/**
	 * Bound ± margin as typed, in decimal, where the binary sum misses: 1.1 − 0.2 = 0.9000000000000001 and 0.7 + 0.1 =
	 * 0.7999999999999999.
	 */
	@Test
	void theMarginBoundaryHoldsForDecimalNumbers() {
		assertThat(1.1 - 0.2).isNotEqualTo(0.9);
		assertThat(0.7 + 0.1).isNotEqualTo(0.8);
		Thresholds narrow = range(0.5, 0.7, 0.1);

		assertThat(range(1.1, 2.0, 0.2).statusOf(0.9)).as("at lower − margin").isEqualTo(AMBER);
		assertThat(range(1.1, 2.0, 0.2).statusOf(Math.nextDown(0.9))).isEqualTo(RED);
		assertThat(narrow.statusOf(0.8)).as("at upper + margin").isEqualTo(AMBER);
		assertThat(narrow.statusOf(Math.nextUp(0.8))).isEqualTo(RED);
	}

	@Test
	void withoutAMarginAValueOutsideTheRangeIsRed() {
		Thresholds strict = range(100.0, 200.0, null);

		assertThat(strict.statusOf(100.0)).isEqualTo(GREEN);
		assertThat(strict.statusOf(200.0)).isEqualTo(GREEN);
		assertThat(strict.statusOf(Math.nextDown(100.0))).isEqualTo(RED);
		assertThat(strict.statusOf(Math.nextUp(200.0))).isEqualTo(RED);
		assertThat(range(100.0, 200.0, 0.0).statusOf(Math.nextDown(100.0))).as("margin 0 alike").isEqualTo(RED);
	}

	@Test
	void withoutAWarningThresholdAValueShortOfTheTargetIsRed() {
		assertThat(towards(Direction.HIGHER_IS_BETTER, 100.0, null).statusOf(100.0)).isEqualTo(GREEN);
		assertThat(towards(Direction.HIGHER_IS_BETTER, 100.0, null).statusOf(99.0)).isEqualTo(RED);
		assertThat(towards(Direction.LOWER_IS_BETTER, 10.0, null).statusOf(10.0)).isEqualTo(GREEN);
		assertThat(towards(Direction.LOWER_IS_BETTER, 10.0, null).statusOf(11.0)).isEqualTo(RED);
	}

	@Test
	void aWarningThresholdBeyondTheTargetLeavesNoAmber() {
		Thresholds inverted = towards(Direction.HIGHER_IS_BETTER, 100.0, 110.0);

		assertThat(inverted.statusOf(105.0)).isEqualTo(GREEN);
		assertThat(inverted.statusOf(99.0)).isEqualTo(RED);
	}

	@ParameterizedTest
	@EnumSource(Direction.class)
	void noValueIsNoData(Direction direction) {
		Thresholds complete = new Thresholds(direction, 100.0, 90.0, 100.0, 200.0, 5.0);

		assertThat(complete.statusOf(null)).isEqualTo(NO_DATA);
		assertThat(complete.statusOf(Double.NaN)).isEqualTo(NO_DATA);
	}

	@Test
	void aKpiWithoutItsTargetOrBoundsIsNoData() {
		assertThat(towards(Direction.HIGHER_IS_BETTER, null, 90.0).statusOf(95.0)).isEqualTo(NO_DATA);
		assertThat(towards(Direction.LOWER_IS_BETTER, null, 15.0).statusOf(5.0)).isEqualTo(NO_DATA);
		assertThat(range(null, 200.0, 5.0).statusOf(150.0)).isEqualTo(NO_DATA);
		assertThat(range(100.0, null, 5.0).statusOf(150.0)).isEqualTo(NO_DATA);
		assertThat(new Thresholds(Direction.WITHIN_RANGE, 100.0, 90.0, null, null, null).statusOf(150.0))
			.as("a target does not stand in for the bounds")
			.isEqualTo(NO_DATA);
		assertThat(new Thresholds(Direction.HIGHER_IS_BETTER, null, null, 100.0, 200.0, 5.0).statusOf(150.0))
			.as("bounds do not stand in for the target")
			.isEqualTo(NO_DATA);
	}

	@Test
	void infiniteValuesAreJudgedLikeHugeOnes() {
		assertThat(SALES.statusOf(Double.POSITIVE_INFINITY)).isEqualTo(GREEN);
		assertThat(CHURN.statusOf(Double.POSITIVE_INFINITY)).isEqualTo(RED);
		assertThat(TEMPERATURE.statusOf(Double.NEGATIVE_INFINITY)).isEqualTo(RED);
	}

	@Test
	void aDirectionAndFiniteThresholdsAreRequired() {
		assertThatNullPointerException().isThrownBy(() -> new Thresholds(null, 100.0, 90.0, null, null, null));
		assertThatIllegalArgumentException().isThrownBy(() -> towards(Direction.HIGHER_IS_BETTER, Double.NaN, 90.0));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> range(100.0, Double.POSITIVE_INFINITY, 5.0));
	}

	private static Thresholds towards(Direction direction, Double target, Double warning) {
		return new Thresholds(direction, target, warning, null, null, null);
	}

	private static Thresholds range(Double lower, Double upper, Double margin) {
		return new Thresholds(Direction.WITHIN_RANGE, null, null, lower, upper, margin);
	}
}
