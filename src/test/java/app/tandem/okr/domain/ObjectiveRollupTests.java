package app.tandem.okr.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import app.tandem.okr.domain.ObjectiveNode.EvaluatedKeyResult;

/** Objective progress, expected progress, status and score over the alignment tree (SPEC §1). */
class ObjectiveRollupTests {

	private static final LocalDate START = LocalDate.of(2026, 10, 1);

	private static final LocalDate END = LocalDate.of(2026, 12, 31);

	private static final Cycle CYCLE = new Cycle(START, END, null);

	/** 55 days into the 91-day cycle. */
	private static final Instant AT = Instant.parse("2026-11-25T10:00:00Z");

	@Test
	void objectiveProgressIsWeightedMeanOfKeyResultProgress() {
		// (1 · 0.2 + 3 · 0.6) / (1 + 3) = 2.0 / 4 = 0.5; the unweighted mean would be 0.4.
		ObjectiveNode objective = objective(null, null, ObjectiveType.COMMITTED, kr(1, 20), kr(3, 60));

		Evaluation evaluation = rollup(objective).evaluate(objective.id());

		assertThat(evaluation.progress()).isCloseTo(0.5, within(1e-12));
	}

	@Test
	void objectiveWithoutKeyResultsTakesTheMeanOfAlignedObjectives() {
		ObjectiveNode parent = objective(null, null, ObjectiveType.COMMITTED);
		ObjectiveNode weighted = objective(parent.id(), null, ObjectiveType.COMMITTED, kr(1, 20), kr(3, 60));
		ObjectiveNode single = objective(parent.id(), null, ObjectiveType.COMMITTED, kr(1, 90));
		ObjectiveNode unrelated = objective(null, null, ObjectiveType.COMMITTED, kr(1, 10));

		Evaluation evaluation = rollup(parent, weighted, single, unrelated).evaluate(parent.id());

		// Children count equally, whatever their number of key results: (0.5 + 0.9) / 2.
		assertThat(evaluation.progress()).isCloseTo(0.7, within(1e-12));
	}

	@Test
	void alignmentToAKeyResultGoesToThatKeyResultsObjectiveRatherThanParentId() {
		EvaluatedKeyResult driven = kr(1, 40);
		ObjectiveNode owner = objective(null, null, ObjectiveType.COMMITTED, driven);
		ObjectiveNode parent = objective(null, null, ObjectiveType.COMMITTED);
		ObjectiveNode toKeyResult = objective(parent.id(), driven.id(), ObjectiveType.COMMITTED, kr(1, 100));
		ObjectiveNode toParent = objective(parent.id(), null, ObjectiveType.COMMITTED, kr(1, 20));

		ObjectiveRollup rollup = rollup(owner, parent, toKeyResult, toParent);

		assertThat(rollup.evaluate(parent.id()).progress()).isCloseTo(0.2, within(1e-12));
		assertThat(rollup.evaluate(owner.id()).progress()).isCloseTo(0.4, within(1e-12));
	}

	@Test
	void alignmentToAKeyResultOutsideTheRollupFallsBackToParentId() {
		ObjectiveNode parent = objective(null, null, ObjectiveType.COMMITTED);
		ObjectiveNode toUnknownKeyResult = objective(parent.id(), UUID.randomUUID(), ObjectiveType.COMMITTED, kr(1, 80));
		ObjectiveNode toParent = objective(parent.id(), null, ObjectiveType.COMMITTED, kr(1, 20));

		Evaluation evaluation = rollup(parent, toUnknownKeyResult, toParent).evaluate(parent.id());

		assertThat(evaluation.progress()).isCloseTo(0.5, within(1e-12));
	}

	@Test
	void objectiveWithNeitherKeyResultsNorAlignedObjectivesIsZero() {
		ObjectiveNode lonely = objective(null, null, ObjectiveType.COMMITTED);

		Evaluation evaluation = rollup(lonely).evaluate(lonely.id());

		assertThat(evaluation.progress()).isZero();
		assertThat(evaluation.score()).isZero();
		// Without key results the window is the whole cycle: e = 55/91, and 0 < e − 0.25.
		assertThat(evaluation.expectedProgress()).isEqualTo(55.0 / 91);
		assertThat(evaluation.status()).isEqualTo(Status.OFF_TRACK);
	}

	@Test
	void progressRollsUpThroughThreeLevels() {
		ObjectiveNode company = objective(null, null, ObjectiveType.COMMITTED);
		ObjectiveNode department = objective(company.id(), null, ObjectiveType.COMMITTED);
		ObjectiveNode teamA = objective(department.id(), null, ObjectiveType.COMMITTED, kr(1, 30));
		ObjectiveNode teamB = objective(department.id(), null, ObjectiveType.COMMITTED, kr(1, 90));
		ObjectiveNode otherDepartment = objective(company.id(), null, ObjectiveType.COMMITTED, kr(1, 20));

		ObjectiveRollup rollup = rollup(company, department, teamA, teamB, otherDepartment);

		// department = (0.3 + 0.9) / 2 = 0.6; company = (0.6 + 0.2) / 2 = 0.4.
		assertThat(rollup.evaluate(department.id()).progress()).isCloseTo(0.6, within(1e-12));
		assertThat(rollup.evaluate(company.id()).progress()).isCloseTo(0.4, within(1e-12));
	}

	@Test
	void alignmentLoopTerminates() {
		UUID a = UUID.randomUUID();
		UUID b = UUID.randomUUID();
		ObjectiveNode nodeA = new ObjectiveNode(a, b, null, ObjectiveType.COMMITTED, CYCLE, List.of());
		ObjectiveNode nodeB = new ObjectiveNode(b, a, null, ObjectiveType.COMMITTED, CYCLE, List.of());
		ObjectiveNode self = objective(null, null, ObjectiveType.COMMITTED);
		ObjectiveNode selfAligned = new ObjectiveNode(self.id(), self.id(), null, ObjectiveType.COMMITTED, CYCLE,
				List.of());

		ObjectiveRollup rollup = rollup(nodeA, nodeB, selfAligned);

		assertThat(rollup.evaluate(a).progress()).isZero();
		assertThat(rollup.evaluate(b).progress()).isZero();
		assertThat(rollup.evaluate(self.id()).progress()).isZero();
	}

	@Test
	void objectiveScoreIsWeightedMeanOfKeyResultScoresWithGradesOverridingProgress() {
		// Scores 0.9 (graded; progress 0.2) and 0.6: (1 · 0.9 + 3 · 0.6) / 4 = 0.675.
		ObjectiveNode objective = objective(null, null, ObjectiveType.COMMITTED, kr(1, 20, 0.9, END), kr(3, 60));

		Evaluation evaluation = rollup(objective).evaluate(objective.id());

		assertThat(evaluation.progress()).isCloseTo(0.5, within(1e-12));
		assertThat(evaluation.score()).isCloseTo(0.675, within(1e-12));
		assertThat(evaluation.scoreBand()).isEqualTo(ScoreBand.YELLOW);
	}

	@Test
	void aspirationalObjectiveExpectsSevenTenthsOverItsWindow() {
		// Window Oct 1 → Dec 15 (the latest KR due date) is 75 days, so e = 55/75 ≈ 0.733 and e' = 0.7 · e ≈ 0.513.
		EvaluatedKeyResult early = kr(1, 50, null, LocalDate.of(2026, 11, 30));
		EvaluatedKeyResult late = kr(1, 50, null, LocalDate.of(2026, 12, 15));
		ObjectiveNode aspirational = objective(null, null, ObjectiveType.ASPIRATIONAL, early, late);
		ObjectiveNode committed = objective(null, null, ObjectiveType.COMMITTED, early, late);

		ObjectiveRollup rollup = rollup(aspirational, committed);
		Evaluation stretch = rollup.evaluate(aspirational.id());
		Evaluation must = rollup.evaluate(committed.id());

		assertThat(stretch.expectedProgress()).isCloseTo(0.7 * 55 / 75, within(1e-12));
		assertThat(must.expectedProgress()).isCloseTo(55.0 / 75, within(1e-12));
		// p = 0.5: ≥ 0.513 − 0.10 for the stretch goal; between 0.733 − 0.25 and 0.733 − 0.10 for the committed one.
		assertThat(stretch.status()).isEqualTo(Status.ON_TRACK);
		assertThat(must.status()).isEqualTo(Status.AT_RISK);
	}

	@Test
	void objectiveAtFullProgressIsDone() {
		ObjectiveNode objective = objective(null, null, ObjectiveType.COMMITTED, kr(1, 100), kr(2.5, 100));

		assertThat(rollup(objective).evaluate(objective.id()).status()).isEqualTo(Status.DONE);
	}

	@Test
	void objectiveWithThresholdKeyResultIsDoneOnlyOnceTheCycleHasEnded() {
		Instant afterEnd = Instant.parse("2027-01-02T09:00:00Z");
		ObjectiveNode during = objective(null, null, ObjectiveType.COMMITTED, kr(1, 100), threshold(AT));
		ObjectiveNode after = objective(null, null, ObjectiveType.COMMITTED, kr(1, 100), threshold(afterEnd));

		Evaluation duringCycle = new ObjectiveRollup(List.of(during), AT).evaluate(during.id());
		Evaluation afterCycle = new ObjectiveRollup(List.of(after), afterEnd).evaluate(after.id());

		assertThat(duringCycle.progress()).isEqualTo(1.0);
		assertThat(duringCycle.status()).isEqualTo(Status.ON_TRACK);
		assertThat(afterCycle.status()).isEqualTo(Status.DONE);
	}

	private static ObjectiveRollup rollup(ObjectiveNode... nodes) {
		return new ObjectiveRollup(List.of(nodes), AT);
	}

	private static ObjectiveNode objective(UUID parentId, UUID parentKeyResultId, ObjectiveType type,
			EvaluatedKeyResult... keyResults) {
		return new ObjectiveNode(UUID.randomUUID(), parentId, parentKeyResultId, type, CYCLE, List.of(keyResults));
	}

	/** An INCREASE key result from 0 to 100 at {@code value}, so progress is value / 100. */
	private static EvaluatedKeyResult kr(double weight, double value) {
		return kr(weight, value, null, END);
	}

	private static EvaluatedKeyResult kr(double weight, double value, Double grade, LocalDate due) {
		KeyResultDefinition definition = new KeyResultDefinition(KeyResultType.INCREASE, 0.0, 100.0, null, null, weight,
				due);
		Evaluation evaluation = KeyResultEvaluator.evaluate(definition, new Measured(value, null, 1, 0), grade,
				ObjectiveType.COMMITTED, CYCLE, AT);
		return new EvaluatedKeyResult(UUID.randomUUID(), definition, evaluation);
	}

	/** A THRESHOLD key result with every check-in of the cycle in range, evaluated at {@code at}. */
	private static EvaluatedKeyResult threshold(Instant at) {
		KeyResultDefinition definition = new KeyResultDefinition(KeyResultType.THRESHOLD, null, null, 95.0, 100.0, 1,
				END);
		Evaluation evaluation = KeyResultEvaluator.evaluate(definition, new Measured(97.0, null, 4, 4), null,
				ObjectiveType.COMMITTED, CYCLE, at);
		return new EvaluatedKeyResult(UUID.randomUUID(), definition, evaluation);
	}
}
