package app.tandem.coach.domain;

import static app.tandem.coach.domain.Examples.CONTEXT;
import static app.tandem.coach.domain.Examples.NOW;
import static app.tandem.coach.domain.Examples.check;
import static app.tandem.coach.domain.Examples.kpi;
import static app.tandem.coach.domain.Examples.reviewed;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import app.tandem.shared.Finding;

/** KPI-003: a KPI overdue for review (reviewed every 30 days; now is 2026-11-25T10:00Z). */
class KpiReviewOverdueTests {

	private final KpiReviewOverdue rule = new KpiReviewOverdue();

	@Test
	void aReviewThirtyDaysAndASecondAgoIsOverdue() {
		var late = reviewed(kpi("csat"), 30, NOW.minus(Duration.ofDays(30)).minusSeconds(1));

		assertThat(check(rule, late, CONTEXT)).singleElement().satisfies(f -> {
			assertThat(f.ruleId()).isEqualTo("KPI-003");
			assertThat(f.severity()).isEqualTo(Finding.Severity.WARNING);
			assertThat(f.message()).contains("overdue for review: last reviewed 2026-10-26, due every 30 days");
		});
	}

	@Test
	void neverReviewedCountsFromItsDefinition() {
		assertThat(check(rule, reviewed(kpi("csat"), 30, null), CONTEXT)).singleElement()
			.satisfies(f -> assertThat(f.message()).contains("never reviewed since it was defined on 2026-01-01"));
	}

	@Test
	void aReviewExactlyThirtyDaysAgoOrNoScheduleOrALaterReviewPasses() {
		assertThat(check(rule, reviewed(kpi("csat"), 30, NOW.minus(Duration.ofDays(30))), CONTEXT)).isEmpty();
		assertThat(check(rule, reviewed(kpi("csat"), null, null), CONTEXT)).isEmpty();
		// As of an instant before the last review: the review before it is not known.
		assertThat(check(rule, reviewed(kpi("csat"), 30, NOW.plusSeconds(60)), CONTEXT)).isEmpty();
	}
}
