package app.tandem.okr.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** What a check-in must be and what it adds to its key result: the rules every path to a check-in shares. */
class KeyResultCheckInTests {

	private static final Instant NOW = Instant.parse("2026-11-20T08:00:00Z");

	private static final Cycle Q4 = new Cycle(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-12-31"), null);

	private static final Instant CREATED = Instant.parse("2026-10-01T00:00:00Z");

	private static final KeyResultDefinition RANGE = new KeyResultDefinition(KeyResultType.THRESHOLD, null, null, 40.0,
			60.0, 1, null);

	@Test
	void aValueInsideTheCycleCountsIsOnTheLineAndInRangeWhenItIs() {
		var inRange = new KeyResultCheckIn(Instant.parse("2026-10-11T00:00:00Z"), 50.0, null, 7, null)
			.effectOn(RANGE, CREATED, Q4);
		assertThat(inRange.counted()).isTrue();
		assertThat(inRange.inRange()).isTrue();
		assertThat(inRange.lineX()).isCloseTo(10, within(1e-9));
		var outside = new KeyResultCheckIn(Instant.parse("2026-10-11T00:00:00Z"), 70.0, null, null, null)
			.effectOn(RANGE, CREATED, Q4);
		assertThat(outside.counted()).isTrue();
		assertThat(outside.inRange()).isFalse();
	}

	@Test
	void aNoteOrAValueAfterTheCycleAddsNothingToTheTallyOrTheLine() {
		var note = new KeyResultCheckIn(NOW, null, null, 5, "blocked on legal").effectOn(RANGE, CREATED, Q4);
		assertThat(note).isEqualTo(new KeyResultCheckIn.Effect(false, false, null));
		var after = new KeyResultCheckIn(Instant.parse("2027-01-02T00:00:00Z"), 50.0, null, null, null)
			.effectOn(RANGE, CREATED, Q4);
		assertThat(after).isEqualTo(new KeyResultCheckIn.Effect(false, false, null));
	}

	@Test
	void aCheckInFromTheFutureOrBeforeItsCycleIsRefusedNamingWhen() {
		var future = KeyResultCheckIn.sent(KeyResultType.INCREASE, NOW.plusSeconds(301), 5.0, null, null, null, NOW);
		assertThat(future.problems(KeyResultType.INCREASE, Q4.start(), NOW)).extracting(p -> p[0] + " " + p[1])
			.containsExactly("at must not be in the future");
		var early = KeyResultCheckIn.sent(KeyResultType.INCREASE, Instant.parse("2026-09-30T23:59:59Z"), 5.0, null,
				null, null, NOW);
		assertThat(early.problems(KeyResultType.INCREASE, Q4.start(), NOW)).extracting(p -> p[0] + " " + p[1])
			.containsExactly("at must not be before the cycle starts (2026-10-01)");
		assertThat(KeyResultCheckIn.sent(KeyResultType.INCREASE, NOW.plusSeconds(300), 5.0, null, null, null, NOW)
			.problems(KeyResultType.INCREASE, Q4.start(), NOW)).as("five minutes of clock drift").isEmpty();
	}

	@Test
	void aCheckInIsAtNowUnlessItSaysWhenToTheMicrosecondAndOnlyAMilestoneKeepsAchieved() {
		var sent = KeyResultCheckIn.sent(KeyResultType.INCREASE, null, 5.0, true, null, null,
				Instant.parse("2026-11-20T08:00:00.123456789Z"));
		assertThat(sent.at()).isEqualTo(Instant.parse("2026-11-20T08:00:00.123456Z"));
		assertThat(sent.achieved()).isNull();
		assertThat(KeyResultCheckIn.sent(KeyResultType.MILESTONE, null, null, true, null, null, NOW).achieved())
			.isTrue();
		assertThat(KeyResultCheckIn.fromKpi(42, "signups", NOW))
			.isEqualTo(new KeyResultCheckIn(NOW, 42.0, null, null, "from KPI signups"));
		assertThat(KeyResultCheckIn.sent(KeyResultType.INCREASE, null, null, null, null, " ", NOW)
			.problems(KeyResultType.INCREASE, Q4.start(), NOW)).extracting(p -> p[0]).isEqualTo(List.of("value"));
	}
}
