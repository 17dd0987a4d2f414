package app.tandem.wins;

import java.time.Instant;
import java.util.UUID;

import app.tandem.okr.OkrScores;

/** A win about to be recorded: what, on which objective, in which cycle, whose, with what score, when. */
record NewWin(Kind kind, UUID subjectId, UUID objectiveId, String title, UUID cycleId, UUID teamId, UUID personId,
		Double score, Instant at) {

	enum Kind {
		KEY_RESULT_DONE, OBJECTIVE_SCORED
	}

	/** The key result's owner did it (the check-in's author may be a lead checking in for them). */
	static NewWin keyResult(OkrScores.ObjectiveOutcome objective, OkrScores.KeyResultOutcome kr, Instant at) {
		return new NewWin(Kind.KEY_RESULT_DONE, kr.id(), objective.id(), kr.title(), objective.cycleId(),
				objective.teamId(), kr.ownerId(), null, at);
	}

	static NewWin objective(OkrScores.ObjectiveOutcome objective) {
		return new NewWin(Kind.OBJECTIVE_SCORED, objective.id(), objective.id(), objective.title(), objective.cycleId(),
				objective.teamId(), objective.ownerId(), objective.score(), objective.closedAt());
	}
}
