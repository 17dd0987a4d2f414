package app.tandem.okr.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Progress p of one key result per type, and the validity rules of a definition (SPEC §1 "Key results"). */
class KeyResultProgressTests {

	private static final LocalDate DUE = LocalDate.of(2026, 12, 31);

	@Test
	void increaseProgressIsShareOfTheWayFromStartToTarget() {
		KeyResultDefinition kr = increase(10, 30);

		assertThat(KeyResultProgress.of(kr, value(15))).isEqualTo(0.25);
		assertThat(KeyResultProgress.of(kr, value(20))).isEqualTo(0.5);
		assertThat(KeyResultProgress.of(kr, value(30))).isEqualTo(1.0);
	}

	@Test
	void decreaseProgressUsesTheSameFormula() {
		KeyResultDefinition kr = decrease(100, 20);

		// (80 − 100) / (20 − 100) = 0.25: both differences are negative.
		assertThat(KeyResultProgress.of(kr, value(80))).isEqualTo(0.25);
		assertThat(KeyResultProgress.of(kr, value(40))).isEqualTo(0.75);
		assertThat(KeyResultProgress.of(kr, value(20))).isEqualTo(1.0);
	}

	@Test
	void progressWorksAcrossZeroAndWithNegativeValues() {
		assertThat(KeyResultProgress.of(increase(-50, 50), value(0))).isEqualTo(0.5);
		assertThat(KeyResultProgress.of(decrease(-10, -30), value(-25))).isEqualTo(0.75);
	}

	@Test
	void progressIsClampedBelowZeroAndAboveOne() {
		assertThat(KeyResultProgress.of(increase(10, 30), value(5))).isZero();
		assertThat(KeyResultProgress.of(increase(10, 30), value(50))).isEqualTo(1.0);
		assertThat(KeyResultProgress.of(decrease(100, 20), value(120))).isZero();
		assertThat(KeyResultProgress.of(decrease(100, 20), value(0))).isEqualTo(1.0);
	}

	@Test
	void progressStaysExactNearTheLimitsOfDouble() {
		// target − start overflows to infinity; the formula must not turn into ∞/∞ = NaN.
		KeyResultDefinition wide = increase(-Double.MAX_VALUE, Double.MAX_VALUE);

		assertThat(KeyResultProgress.of(wide, value(Double.MAX_VALUE))).isEqualTo(1.0);
		assertThat(KeyResultProgress.of(wide, value(0))).isCloseTo(0.5, within(1e-12));
		assertThat(KeyResultProgress.of(wide, value(-Double.MAX_VALUE))).isZero();
	}

	@Test
	void currentIsStartValueWithoutCheckIns() {
		KeyResultDefinition kr = increase(10, 30);

		assertThat(KeyResultProgress.current(kr, Measured.NOTHING)).isEqualTo(10.0);
		assertThat(KeyResultProgress.of(kr, Measured.NOTHING)).isZero();
		assertThat(KeyResultProgress.current(kr, value(17))).isEqualTo(17.0);
		assertThat(KeyResultProgress.current(milestone(), Measured.NOTHING)).isNull();
	}

	@Test
	void thresholdProgressIsShareOfCycleCheckInsInRange() {
		KeyResultDefinition kr = threshold(95, 100);

		assertThat(KeyResultProgress.of(kr, new Measured(97.0, null, 4, 3))).isEqualTo(0.75);
		assertThat(KeyResultProgress.of(kr, new Measured(90.0, null, 3, 0))).isZero();
		assertThat(KeyResultProgress.of(kr, new Measured(99.0, null, 5, 5))).isEqualTo(1.0);
	}

	@Test
	void thresholdRangeIncludesBothBounds() {
		KeyResultDefinition kr = threshold(95, 100);

		assertThat(KeyResultProgress.inRange(kr, 95)).isTrue();
		assertThat(KeyResultProgress.inRange(kr, 100)).isTrue();
		assertThat(KeyResultProgress.inRange(kr, 94.99)).isFalse();
		assertThat(KeyResultProgress.inRange(kr, 100.01)).isFalse();
		assertThat(KeyResultProgress.inRange(threshold(5, 5), 5)).isTrue();
	}

	@Test
	void thresholdWithoutCheckInsIsZero() {
		assertThat(KeyResultProgress.of(threshold(95, 100), Measured.NOTHING)).isZero();
		// A value from before the cycle (no check-in of this cycle) does not count either.
		assertThat(KeyResultProgress.of(threshold(95, 100), new Measured(97.0, null, 0, 0))).isZero();
	}

	@Test
	void milestoneIsDoneOnlyWhenLatestCheckInSaysAchieved() {
		assertThat(KeyResultProgress.of(milestone(), new Measured(null, true, 2, 0))).isEqualTo(1.0);
		assertThat(KeyResultProgress.of(milestone(), new Measured(null, false, 2, 0))).isZero();
		assertThat(KeyResultProgress.of(milestone(), new Measured(1.0, null, 1, 0))).isZero();
		assertThat(KeyResultProgress.of(milestone(), Measured.NOTHING)).isZero();
	}

	@Test
	void baselineIsDoneOnceAnyValueIsRecorded() {
		KeyResultDefinition kr = definition(KeyResultType.BASELINE, null, null, null, null, 1);

		assertThat(KeyResultProgress.of(kr, Measured.NOTHING)).isZero();
		assertThat(KeyResultProgress.of(kr, value(0))).isEqualTo(1.0);
		assertThat(KeyResultProgress.of(kr, value(-3.5))).isEqualTo(1.0);
	}

	@Test
	void validDefinitionsHaveNoProblems() {
		assertThat(increase(0, 1).problems()).isEmpty();
		assertThat(decrease(1, 0).problems()).isEmpty();
		assertThat(threshold(1, 2).problems()).isEmpty();
		assertThat(threshold(2, 2).problems()).isEmpty();
		assertThat(milestone().problems()).isEmpty();
	}

	@Test
	void startEqualToTargetIsInvalid() {
		assertThat(fields(increase(5, 5))).containsExactly("targetValue");
		assertThat(fields(decrease(5, 5))).containsExactly("targetValue");
		// 0.0 and −0.0 are the same number, though Double.equals tells them apart.
		assertThat(fields(increase(0.0, -0.0))).containsExactly("targetValue");
		assertThat(fields(decrease(-0.0, 0.0))).containsExactly("targetValue");
	}

	@Test
	void increaseNeedsStartBelowTarget() {
		assertThat(fields(increase(10, 5))).containsExactly("targetValue");
		assertThat(fields(increase(Double.NaN, 5))).containsExactly("targetValue");
	}

	@Test
	void decreaseNeedsStartAboveTarget() {
		assertThat(fields(decrease(5, 10))).containsExactly("targetValue");
		assertThat(fields(decrease(5, Double.NaN))).containsExactly("targetValue");
	}

	@Test
	void startAndTargetAreRequiredForIncreaseAndDecrease() {
		assertThat(fields(definition(KeyResultType.INCREASE, null, null, null, null, 1)))
			.containsExactly("startValue", "targetValue");
		assertThat(fields(definition(KeyResultType.DECREASE, 3.0, null, null, null, 1))).containsExactly("targetValue");
	}

	@Test
	void thresholdNeedsMinNotAboveMax() {
		assertThat(fields(threshold(10, 5))).containsExactly("maxValue");
		assertThat(fields(threshold(Double.NaN, 5))).containsExactly("maxValue");
		assertThat(fields(definition(KeyResultType.THRESHOLD, null, null, null, null, 1)))
			.containsExactly("minValue", "maxValue");
	}

	@Test
	void weightMustBePositive() {
		for (double weight : new double[] { 0, -0.0, -1, Double.NaN, Double.POSITIVE_INFINITY }) {
			assertThat(fields(definition(KeyResultType.MILESTONE, null, null, null, null, weight)))
				.as("weight %s", weight)
				.containsExactly("weight");
		}
		assertThat(definition(KeyResultType.MILESTONE, null, null, null, null, 0.001).problems()).isEmpty();
	}

	private static List<String> fields(KeyResultDefinition kr) {
		return kr.problems().stream().map(problem -> problem[0]).toList();
	}

	private static Measured value(double value) {
		return new Measured(value, null, 1, 0);
	}

	private static KeyResultDefinition increase(double start, double target) {
		return definition(KeyResultType.INCREASE, start, target, null, null, 1);
	}

	private static KeyResultDefinition decrease(double start, double target) {
		return definition(KeyResultType.DECREASE, start, target, null, null, 1);
	}

	private static KeyResultDefinition threshold(double min, double max) {
		return definition(KeyResultType.THRESHOLD, null, null, min, max, 1);
	}

	private static KeyResultDefinition milestone() {
		return definition(KeyResultType.MILESTONE, null, null, null, null, 1);
	}

	private static KeyResultDefinition definition(KeyResultType type, Double start, Double target, Double min, Double max,
			double weight) {
		return new KeyResultDefinition(type, start, target, min, max, weight, DUE);
	}
}
