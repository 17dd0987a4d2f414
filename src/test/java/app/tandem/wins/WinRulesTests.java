package app.tandem.wins;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.tandem.okr.OkrScores;
import app.tandem.okr.domain.Status;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which outcomes make a win. */
class WinRulesTests {

	private static final Instant CLOSED = Instant.parse("2026-04-01T00:00:00Z");

	private static final Instant CHECKED_IN = Instant.parse("2026-03-20T10:00:00Z");

	@Test
	void onlyACheckInThatLeavesTheKeyResultDoneWins() {
		assertThat(WinRules.keyResultWins(Status.DONE)).isTrue();
		assertThat(WinRules.keyResultWins(Status.ON_TRACK)).isFalse();
		assertThat(WinRules.keyResultWins(Status.AT_RISK)).isFalse();
		assertThat(WinRules.keyResultWins(Status.OFF_TRACK)).isFalse();
		assertThat(WinRules.keyResultWins(null)).isFalse();
	}

	@Test
	void anObjectiveWinsFromSevenTenthsOn() {
		assertThat(WinRules.objectiveWins(0.7)).isTrue();
		assertThat(WinRules.objectiveWins(1.0)).isTrue();
		assertThat(WinRules.objectiveWins(0.6999)).isFalse();
		assertThat(WinRules.objectiveWins(0)).isFalse();
		assertThat(WinRules.objectiveWins(Double.NaN)).isFalse();
	}

	@Test
	void anOpenCycleWinsItsDoneKeyResultsOnlyAtTheirLastCheckIn() {
		var objective = objective(0.9, null, kr(Status.DONE, CHECKED_IN), kr(Status.ON_TRACK, CHECKED_IN));
		List<NewWin> wins = WinRules.of(objective, CLOSED);
		assertThat(wins).singleElement().satisfies(win -> {
			assertThat(win.kind()).isEqualTo(NewWin.Kind.KEY_RESULT_DONE);
			assertThat(win.subjectId()).isEqualTo(objective.keyResults().get(0).id());
			assertThat(win.personId()).isEqualTo(objective.keyResults().get(0).ownerId());
			assertThat(win.at()).isEqualTo(CHECKED_IN);
		});
	}

	@Test
	void aClosedCycleWinsTheObjectiveThatScoredWell() {
		var objective = objective(0.75, CLOSED, kr(Status.DONE, null), kr(Status.AT_RISK, CHECKED_IN));
		List<NewWin> wins = WinRules.of(objective, CLOSED);
		assertThat(wins).extracting(NewWin::kind)
			.containsExactly(NewWin.Kind.KEY_RESULT_DONE, NewWin.Kind.OBJECTIVE_SCORED);
		assertThat(wins.get(0).at()).as("no check-in: when it was found").isEqualTo(CLOSED);
		NewWin scored = wins.get(1);
		assertThat(scored.subjectId()).isEqualTo(objective.id());
		assertThat(scored.personId()).isEqualTo(objective.ownerId());
		assertThat(scored.teamId()).isEqualTo(objective.teamId());
		assertThat(scored.score()).isEqualTo(0.75);
		assertThat(scored.at()).isEqualTo(CLOSED);
		assertThat(WinRules.of(objective(0.69, CLOSED, kr(Status.AT_RISK, CHECKED_IN)), CLOSED)).isEmpty();
	}

	@Test
	void theSameOutcomeNamesTheSameWinsSoTheStoreKeepsOneOfEach() {
		var objective = objective(0.8, CLOSED, kr(Status.DONE, CHECKED_IN));
		assertThat(WinRules.of(objective, CLOSED)).isEqualTo(WinRules.of(objective, CLOSED.plusSeconds(60)));
	}

	private static OkrScores.KeyResultOutcome kr(Status status, Instant lastCheckInAt) {
		return new OkrScores.KeyResultOutcome(UUID.randomUUID(), "KR " + status, UUID.randomUUID(), status,
				lastCheckInAt);
	}

	private static OkrScores.ObjectiveOutcome objective(double score, Instant closedAt,
			OkrScores.KeyResultOutcome... krs) {
		return new OkrScores.ObjectiveOutcome(UUID.randomUUID(), UUID.randomUUID(), "Objective", UUID.randomUUID(),
				UUID.randomUUID(), score, closedAt, List.of(krs));
	}
}
