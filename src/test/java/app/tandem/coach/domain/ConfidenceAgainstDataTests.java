package app.tandem.coach.domain;

import static app.tandem.coach.domain.Examples.check;
import static app.tandem.coach.domain.Examples.decrease;
import static app.tandem.coach.domain.Examples.increase;
import static app.tandem.coach.domain.Examples.objective;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import app.tandem.okr.domain.CheckInPoint;
import app.tandem.okr.domain.ConfidenceCheck;
import app.tandem.okr.domain.Cycle;
import app.tandem.okr.domain.KeyResultDefinition;
import app.tandem.okr.domain.KeyResultForecast;
import app.tandem.okr.domain.KeyResultType;
import app.tandem.okr.domain.ObjectiveType;
import app.tandem.shared.Finding;

/** OKR-011: the owner's confidence and the forecast from the check-ins disagree. */
class ConfidenceAgainstDataTests {

	private final ConfidenceAgainstData rule = new ConfidenceAgainstData();

	/** 0 → 100 by 31 December, at 5, 12, 18.5 and 24 by mid-November: heading for 44 (ForecastIntegrationTests). */
	private static final KeyResultForecast HEADING_FOR_A_MISS = KeyResultForecast.of(
			new KeyResultDefinition(KeyResultType.INCREASE, 0.0, 100.0, null, null, 1, Examples.END), ObjectiveType.COMMITTED,
			new Cycle(Examples.START, Examples.END, null),
			List.of(new CheckInPoint(Instant.parse("2026-10-05T09:00:00Z"), 5),
					new CheckInPoint(Instant.parse("2026-10-19T09:00:00Z"), 12),
					new CheckInPoint(Instant.parse("2026-11-02T09:00:00Z"), 18.5),
					new CheckInPoint(Instant.parse("2026-11-16T15:30:00Z"), 24)));

	@Test
	void aConfidentOwnerOfAKeyResultHeadingForAMissIsAConversationToHave() {
		KeyResultSnapshot kr = withConfidence(increase("Onboard 100 patients", 0.0, 100.0), 8);
		ObjectiveSnapshot objective = objective(kr, decrease("Cut waiting from 40 to 20 days", 40.0, 20.0));

		assertThat(check(rule, objective)).singleElement().satisfies(f -> {
			assertThat(f.ruleId()).isEqualTo("OKR-011");
			assertThat(f.severity()).isEqualTo(Finding.Severity.INFO);
			assertThat(f.subjectType()).isEqualTo(Finding.SubjectType.KEY_RESULT);
			assertThat(f.subjectId()).isEqualTo(kr.id());
			assertThat(f.message()).isEqualTo("Key result \"Onboard 100 patients\": confidence is 8 of 10, but the"
					+ " check-ins point to a miss (projected progress 0.44)");
			assertThat(f.hint()).contains("Update the confidence");
		});
	}

	@Test
	void aMiddlingConfidenceOnTheSameDataIsANearMiss() {
		ObjectiveSnapshot objective = objective(withConfidence(increase("Onboard 100 patients", 0.0, 100.0), 6),
				decrease("Cut waiting from 40 to 20 days", 40.0, 20.0));

		assertThat(check(rule, objective)).isEmpty();
	}

	@Test
	void aKeyResultAsWrittenInAFileHasNothingToCompare() {
		assertThat(check(rule, objective(increase("Onboard 100 patients", 0.0, 100.0)))).isEmpty();
	}

	private static KeyResultSnapshot withConfidence(KeyResultSnapshot kr, int confidence) {
		ConfidenceCheck check = ConfidenceCheck.of(confidence, HEADING_FOR_A_MISS);
		return new KeyResultSnapshot(kr.id(), kr.title(), kr.type(), kr.start(), kr.target(), kr.min(), kr.max(),
				kr.due(), kr.kpiId(), check.disagrees() ? check.note() : null);
	}
}
