package app.tandem.wins;

import java.util.ArrayList;
import java.util.List;

import app.tandem.okr.OkrScores;
import app.tandem.okr.domain.ScoreBand;
import app.tandem.okr.domain.Status;

/**
 * What makes a win (SPEC §1 status and score bands): a key result whose status is DONE (progress 1; a THRESHOLD one
 * only once its cycle has ended), and an objective whose cycle closed with a score in the green band (0.7 or more:
 * success for an aspirational goal). Each subject wins once per kind; the store keeps it so.
 */
final class WinRules {

	private WinRules() {
	}

	/** A check-in that leaves the key result DONE, whatever it was before (a missed win is caught up). */
	static boolean keyResultWins(Status status) {
		return status == Status.DONE;
	}

	static boolean objectiveWins(double score) {
		return Double.isFinite(score) && ScoreBand.of(score) == ScoreBand.GREEN;
	}

	/**
	 * The wins an objective holds now: each DONE key result (at its last check-in, or {@code otherwise}) and, once
	 * its cycle is closed, the objective itself if it scored 0.7 or more (at the close).
	 */
	static List<NewWin> of(OkrScores.ObjectiveOutcome objective, java.time.Instant otherwise) {
		List<NewWin> wins = new ArrayList<>();
		for (OkrScores.KeyResultOutcome kr : objective.keyResults()) {
			if (keyResultWins(kr.status())) {
				wins.add(NewWin.keyResult(objective, kr, kr.lastCheckInAt() != null ? kr.lastCheckInAt() : otherwise));
			}
		}
		if (objective.closedAt() != null && objectiveWins(objective.score())) {
			wins.add(NewWin.objective(objective));
		}
		return wins;
	}
}
