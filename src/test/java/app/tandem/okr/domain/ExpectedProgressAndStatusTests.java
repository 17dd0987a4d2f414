package app.tandem.okr.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** Expected progress, status and score of a key result, on hand-calculated examples (SPEC §1). */
class ExpectedProgressAndStatusTests {

	private static final LocalDate START = LocalDate.of(2026, 10, 1);

	private static final LocalDate END = LocalDate.of(2026, 12, 31);

	private static final Cycle CYCLE = new Cycle(START, END, null);

	/** Oct 1 → Nov 1 is 31 days, Nov 1 → Nov 25 another 24: 55 days (the time of day does not count). */
	private static final Instant AT = Instant.parse("2026-11-25T10:00:00Z");

	/** Oct 1 → Dec 31 is 31 + 30 + 30 = 91 days, so e = 55/91 ≈ 0.604. */
	private static final double E = 55.0 / 91;

	@Test
	void expectedProgressIsShareOfDaysFromCycleStartToDue() {
		assertThat(ExpectedProgress.at(AT, START, END)).isEqualTo(E);
		// A KR due before the cycle end has a shorter span: Oct 1 → Nov 30 is 60 days.
		assertThat(ExpectedProgress.at(AT, START, LocalDate.of(2026, 11, 30))).isEqualTo(55.0 / 60);
	}

	@Test
	void expectedProgressCountsWholeUtcDays() {
		assertThat(ExpectedProgress.at(Instant.parse("2026-11-25T00:00:00Z"), START, END)).isEqualTo(E);
		assertThat(ExpectedProgress.at(Instant.parse("2026-11-25T23:59:59Z"), START, END)).isEqualTo(E);
		assertThat(ExpectedProgress.at(Instant.parse("2026-11-26T00:00:00Z"), START, END)).isEqualTo(56.0 / 91);
	}

	@Test
	void aspirationalObjectivesExpectSevenTenths() {
		assertThat(ExpectedProgress.forType(E, ObjectiveType.ASPIRATIONAL)).isCloseTo(38.5 / 91, within(1e-12));
		assertThat(ExpectedProgress.forType(E, ObjectiveType.COMMITTED)).isEqualTo(E);

		Evaluation aspirational = KeyResultEvaluator.evaluate(increase(END), Measured.NOTHING, null,
				ObjectiveType.ASPIRATIONAL, CYCLE, AT);
		assertThat(aspirational.expectedProgress()).isCloseTo(38.5 / 91, within(1e-12));
	}

	@Test
	void dueOnTheStartDateIsExpectedInFullFromThatDayOn() {
		assertThat(ExpectedProgress.at(Instant.parse("2026-10-01T00:00:00Z"), START, START)).isEqualTo(1.0);
		assertThat(ExpectedProgress.at(Instant.parse("2026-09-30T23:59:59Z"), START, START)).isZero();
	}

	@Test
	void expectedProgressIsZeroBeforeTheStart() {
		assertThat(ExpectedProgress.at(Instant.parse("2026-09-30T23:59:59Z"), START, END)).isZero();
		assertThat(ExpectedProgress.at(Instant.parse("2026-10-01T12:00:00Z"), START, END)).isZero();
		assertThat(ExpectedProgress.at(Instant.parse("2025-01-01T00:00:00Z"), START, END)).isZero();
	}

	@Test
	void expectedProgressIsOneFromTheDueDateOn() {
		assertThat(ExpectedProgress.at(Instant.parse("2026-12-31T00:00:00Z"), START, END)).isEqualTo(1.0);
		assertThat(ExpectedProgress.at(Instant.parse("2027-03-01T00:00:00Z"), START, END)).isEqualTo(1.0);
		assertThat(ExpectedProgress.at(Instant.parse("2026-12-30T23:59:59Z"), START, END)).isEqualTo(90.0 / 91);
	}

	@Test
	void onTrackDownToTenPointsBelowExpected() {
		assertThat(StatusRule.of(E - 0.10, E, true)).isEqualTo(Status.ON_TRACK);
		assertThat(StatusRule.of(E - 0.10 - 1e-6, E, true)).isEqualTo(Status.AT_RISK);
		assertThat(StatusRule.of(E + 0.3, E, true)).isEqualTo(Status.ON_TRACK);
		// Decimal boundaries that binary doubles miss: 0.28 − 0.10 is 0.18000000000000002, just above 0.18.
		assertThat(StatusRule.of(0.18, 0.28, true)).isEqualTo(Status.ON_TRACK);
		assertThat(StatusRule.of(0.179, 0.28, true)).isEqualTo(Status.AT_RISK);
	}

	@Test
	void atRiskDownToTwentyFivePointsBelowExpected() {
		assertThat(StatusRule.of(E - 0.25, E, true)).isEqualTo(Status.AT_RISK);
		assertThat(StatusRule.of(E - 0.25 - 1e-6, E, true)).isEqualTo(Status.OFF_TRACK);
		// 0.28 − 0.25 is 0.030000000000000027, just above 0.03.
		assertThat(StatusRule.of(0.03, 0.28, true)).isEqualTo(Status.AT_RISK);
		assertThat(StatusRule.of(0.029, 0.28, true)).isEqualTo(Status.OFF_TRACK);
		assertThat(StatusRule.of(0, 1, true)).isEqualTo(Status.OFF_TRACK);
	}

	@Test
	void doneAtFullProgressOnly() {
		assertThat(StatusRule.of(1, 0, true)).isEqualTo(Status.DONE);
		assertThat(StatusRule.of(1, 1, true)).isEqualTo(Status.DONE);
		assertThat(StatusRule.of(0.999_999, 1, true)).isEqualTo(Status.ON_TRACK);
		assertThat(StatusRule.of(1, 1, false)).isEqualTo(Status.ON_TRACK);
	}

	@Test
	void keyResultAtItsTargetIsDone() {
		Evaluation evaluation = KeyResultEvaluator.evaluate(increase(END), value(100), null, ObjectiveType.COMMITTED,
				CYCLE, AT);

		assertThat(evaluation.progress()).isEqualTo(1.0);
		assertThat(evaluation.expectedProgress()).isEqualTo(E);
		assertThat(evaluation.status()).isEqualTo(Status.DONE);
	}

	@Test
	void keyResultStatusComparesProgressWithItsOwnDueDate() {
		// p = 0.6; due Nov 30 → e = 55/60 ≈ 0.917: 0.6 < 0.917 − 0.25, OFF_TRACK. Due Dec 31 → e ≈ 0.604: ON_TRACK.
		Evaluation early = KeyResultEvaluator.evaluate(increase(LocalDate.of(2026, 11, 30)), value(60), null,
				ObjectiveType.COMMITTED, CYCLE, AT);
		Evaluation late = KeyResultEvaluator.evaluate(increase(END), value(60), null, ObjectiveType.COMMITTED, CYCLE, AT);

		assertThat(early.status()).isEqualTo(Status.OFF_TRACK);
		assertThat(late.status()).isEqualTo(Status.ON_TRACK);
	}

	@Test
	void thresholdKeyResultIsDoneOnlyOnceTheCycleHasEnded() {
		KeyResultDefinition kr = new KeyResultDefinition(KeyResultType.THRESHOLD, null, null, 95.0, 100.0, 1, END);
		Measured allInRange = new Measured(97.0, null, 3, 3);

		Evaluation during = KeyResultEvaluator.evaluate(kr, allInRange, null, ObjectiveType.COMMITTED, CYCLE, AT);
		Evaluation lastDay = KeyResultEvaluator.evaluate(kr, allInRange, null, ObjectiveType.COMMITTED, CYCLE,
				Instant.parse("2026-12-31T23:59:59Z"));
		Evaluation after = KeyResultEvaluator.evaluate(kr, allInRange, null, ObjectiveType.COMMITTED, CYCLE,
				Instant.parse("2027-01-01T00:00:00Z"));
		Cycle closedEarly = new Cycle(START, END, Instant.parse("2026-11-20T00:00:00Z"));
		Evaluation closed = KeyResultEvaluator.evaluate(kr, allInRange, null, ObjectiveType.COMMITTED, closedEarly, AT);

		assertThat(during.progress()).isEqualTo(1.0);
		assertThat(during.status()).isEqualTo(Status.ON_TRACK);
		assertThat(lastDay.status()).isEqualTo(Status.ON_TRACK);
		assertThat(after.status()).isEqualTo(Status.DONE);
		assertThat(closed.status()).isEqualTo(Status.DONE);
	}

	@Test
	void scoreIsTheGradeWhenSet() {
		Evaluation graded = KeyResultEvaluator.evaluate(increase(END), value(30), 0.8, ObjectiveType.COMMITTED, CYCLE, AT);
		Evaluation gradedZero = KeyResultEvaluator.evaluate(increase(END), value(90), 0.0, ObjectiveType.COMMITTED, CYCLE,
				AT);

		assertThat(graded.progress()).isEqualTo(0.3);
		assertThat(graded.score()).isEqualTo(0.8);
		assertThat(graded.scoreBand()).isEqualTo(ScoreBand.GREEN);
		assertThat(gradedZero.score()).isZero();
		assertThat(gradedZero.scoreBand()).isEqualTo(ScoreBand.RED);
	}

	@Test
	void scoreIsTheProgressWithoutGrade() {
		Evaluation evaluation = KeyResultEvaluator.evaluate(increase(END), value(55), null, ObjectiveType.COMMITTED, CYCLE,
				AT);

		assertThat(evaluation.score()).isEqualTo(0.55);
		assertThat(evaluation.scoreBand()).isEqualTo(ScoreBand.YELLOW);
	}

	@Test
	void scoreBandsChangeAtFourAndSevenTenths() {
		assertThat(ScoreBand.of(0)).isEqualTo(ScoreBand.RED);
		assertThat(ScoreBand.of(0.399_999)).isEqualTo(ScoreBand.RED);
		assertThat(ScoreBand.of(0.4)).isEqualTo(ScoreBand.YELLOW);
		assertThat(ScoreBand.of(0.699_999)).isEqualTo(ScoreBand.YELLOW);
		assertThat(ScoreBand.of(0.7)).isEqualTo(ScoreBand.GREEN);
		assertThat(ScoreBand.of(1)).isEqualTo(ScoreBand.GREEN);
	}

	private static Measured value(double value) {
		return new Measured(value, null, 1, 0);
	}

	/** INCREASE from 0 to 100, so that the value is the progress in per cent. */
	private static KeyResultDefinition increase(LocalDate due) {
		return new KeyResultDefinition(KeyResultType.INCREASE, 0.0, 100.0, null, null, 1, due);
	}
}
