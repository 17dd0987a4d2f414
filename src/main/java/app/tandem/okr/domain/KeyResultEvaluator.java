package app.tandem.okr.domain;

import java.time.Instant;

/** Evaluates one key result at an instant: p, e' (0.7·e for aspirational objectives), status and score. */
public final class KeyResultEvaluator {

	private KeyResultEvaluator() {
	}

	/** {@code grade}: the owner's manual grade (0..1), which replaces progress as the score when set. */
	public static Evaluation evaluate(KeyResultDefinition kr, Measured measured, Double grade, ObjectiveType objectiveType,
			Cycle cycle, Instant at) {
		double progress = KeyResultProgress.of(kr, measured);
		double expected = ExpectedProgress.forType(ExpectedProgress.at(at, cycle.start(), kr.dueDate()), objectiveType);
		boolean doneMayBeDeclared = kr.type() != KeyResultType.THRESHOLD || cycle.hasEndedAt(at);
		Status status = StatusRule.of(progress, expected, doneMayBeDeclared);
		double score = grade != null ? grade : progress;
		return new Evaluation(progress, expected, status, score);
	}
}
