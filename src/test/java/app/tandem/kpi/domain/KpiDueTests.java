package app.tandem.kpi.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class KpiDueTests {

	private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

	private static final Instant CREATED = Instant.parse("2026-01-05T09:00:00Z");

	@ParameterizedTest
	@CsvSource({ "DAILY, 1", "WEEKLY, 7", "MONTHLY, 30", "QUARTERLY, 91" })
	void aValueExactlyOnePeriodOldIsNotYetDueAndOneJustOlderIs(Frequency frequency, long days) {
		Instant onePeriodAgo = NOW.minus(Duration.ofDays(days));
		assertThat(KpiDue.valueDueSince(frequency, onePeriodAgo, CREATED, NOW)).isNull();
		Instant justOlder = onePeriodAgo.minusNanos(1000);
		assertThat(KpiDue.valueDueSince(frequency, justOlder, CREATED, NOW)).as("due since one period after it")
			.isEqualTo(justOlder.plus(Duration.ofDays(days)));
	}

	@Test
	void aFreshValueIsNotDue() {
		assertThat(KpiDue.valueDueSince(Frequency.WEEKLY, NOW.minus(Duration.ofDays(2)), CREATED, NOW)).isNull();
	}

	@Test
	void aValueDatedAfterNowIsNotDue() {
		assertThat(KpiDue.valueDueSince(Frequency.DAILY, NOW.plus(Duration.ofDays(3)), CREATED, NOW)).isNull();
	}

	@Test
	void withoutAnyValueAValueIsDueSinceTheKpiExists() {
		assertThat(KpiDue.valueDueSince(Frequency.QUARTERLY, null, CREATED, NOW)).isEqualTo(CREATED);
	}

	@ParameterizedTest
	@EnumSource(Frequency.class)
	void aFormulaKpiIsNeverDueAValue(Frequency frequency) {
		assertThat(KpiDue.of(frequency, true, null, null, null, null, CREATED, NOW).any()).isFalse();
		assertThat(KpiDue.of(frequency, true, CREATED, null, null, null, CREATED, NOW).valueDueSince()).isNull();
	}

	@Test
	void aFormulaKpiIsStillDueItsReview() {
		KpiDue due = KpiDue.of(Frequency.WEEKLY, true, null, 30, null, null, CREATED, NOW);
		assertThat(due.reasons()).containsExactly(KpiDue.Reason.REVIEW);
		assertThat(due.since()).isEqualTo(CREATED);
	}

	@Test
	void withoutAReviewIntervalAReviewIsNeverDue() {
		assertThat(KpiDue.reviewDueSince(null, null, null, CREATED, NOW)).isNull();
		assertThat(KpiDue.reviewDueSince(null, CREATED, null, CREATED, NOW)).isNull();
	}

	@Test
	void aReviewExactlyTheIntervalAgoIsNotYetDueAndOneJustOlderIs() {
		Instant thirtyDaysAgo = NOW.minus(Duration.ofDays(30));
		assertThat(KpiDue.reviewDueSince(30, thirtyDaysAgo, null, CREATED, NOW)).isNull();
		assertThat(KpiDue.reviewDueSince(30, thirtyDaysAgo.minusSeconds(1), null, CREATED, NOW))
			.isEqualTo(NOW.minusSeconds(1));
	}

	@Test
	void neverReviewedIsDueSinceTheKpiExists() {
		assertThat(KpiDue.reviewDueSince(90, null, null, CREATED, NOW)).isEqualTo(CREATED);
	}

	@Test
	void aKpiCreatedAfterNowOwesNothingYet() {
		Instant later = NOW.plusSeconds(60);
		assertThat(KpiDue.of(Frequency.DAILY, false, null, 7, null, null, later, NOW).any()).isFalse();
	}

	@Test
	void bothDueListValueThenReviewAndCountFromTheEarlier() {
		Instant value = NOW.minus(Duration.ofDays(10));
		Instant review = NOW.minus(Duration.ofDays(40));
		KpiDue due = KpiDue.of(Frequency.WEEKLY, false, value, 30, review, null, CREATED, NOW);
		assertThat(due.reasons()).isEqualTo(List.of(KpiDue.Reason.VALUE, KpiDue.Reason.REVIEW));
		assertThat(due.valueDueSince()).isEqualTo(NOW.minus(Duration.ofDays(3)));
		assertThat(due.reviewDueSince()).isEqualTo(NOW.minus(Duration.ofDays(10)));
		assertThat(due.since()).as("the review fell due first").isEqualTo(due.reviewDueSince());
	}

	@Test
	void nothingDueHasNoReasonsAndNoSince() {
		KpiDue due = KpiDue.of(Frequency.MONTHLY, false, NOW.minus(Duration.ofDays(1)), 30, NOW, null, CREATED, NOW);
		assertThat(due.any()).isFalse();
		assertThat(due.reasons()).isEmpty();
		assertThat(due.since()).isNull();
	}

	@Test
	void aRedKpiNeverReviewedIsDueAReviewSinceItTurnedRedEvenWithoutAnInterval() {
		Instant red = NOW.minus(Duration.ofDays(2));
		assertThat(KpiDue.reviewDueSince(null, null, red, CREATED, NOW)).isEqualTo(red);
		KpiDue due = KpiDue.of(Frequency.WEEKLY, false, NOW.minus(Duration.ofDays(1)), null, null, red, CREATED, NOW);
		assertThat(due.reasons()).containsExactly(KpiDue.Reason.REVIEW);
	}

	@Test
	void aReviewAfterItTurnedRedClearsItAndOneBeforeDoesNot() {
		Instant red = NOW.minus(Duration.ofDays(2));
		assertThat(KpiDue.reviewDueSince(null, red.plusSeconds(1), red, CREATED, NOW)).isNull();
		assertThat(KpiDue.reviewDueSince(null, red, red, CREATED, NOW)).as("reviewed the instant it turned").isNull();
		assertThat(KpiDue.reviewDueSince(null, red.minusSeconds(1), red, CREATED, NOW)).isEqualTo(red);
	}

	@Test
	void redAndARegularReviewDueCountFromTheEarlier() {
		Instant red = NOW.minus(Duration.ofDays(2));
		Instant reviewed = NOW.minus(Duration.ofDays(40));
		assertThat(KpiDue.reviewDueSince(30, reviewed, red, CREATED, NOW)).isEqualTo(NOW.minus(Duration.ofDays(10)));
		assertThat(KpiDue.reviewDueSince(30, null, red, CREATED, NOW)).as("never reviewed: since it exists")
			.isEqualTo(CREATED);
	}
}
