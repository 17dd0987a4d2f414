package app.tandem.coach.domain;

import static app.tandem.coach.domain.Examples.CONTEXT;
import static app.tandem.coach.domain.Examples.check;
import static app.tandem.coach.domain.Examples.kpi;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import app.tandem.kpi.domain.Direction;
import app.tandem.shared.Finding;

/** KPI-004: a KPI without a target (or, within a range, without both bounds). */
class KpiWithoutTargetTests {

	private final KpiWithoutTarget rule = new KpiWithoutTarget();

	@Test
	void aKpiWithoutTargetIsAWarning() {
		assertThat(check(rule, kpi("csat", Direction.HIGHER_IS_BETTER, null, null, null, 80.0), CONTEXT))
			.singleElement()
			.satisfies(f -> {
				assertThat(f.ruleId()).isEqualTo("KPI-004");
				assertThat(f.severity()).isEqualTo(Finding.Severity.WARNING);
				assertThat(f.message()).isEqualTo("KPI \"Customer satisfaction\" has no target");
			});
		assertThat(check(rule, kpi("u", Direction.WITHIN_RANGE, 75.0, 70.0, null, null), CONTEXT)).singleElement()
			.satisfies(f -> assertThat(f.message()).contains("has no range"));
	}

	@Test
	void aTargetOrBothBoundsPass() {
		assertThat(check(rule, kpi("csat", Direction.LOWER_IS_BETTER, 0.0, null, null, null), CONTEXT)).isEmpty();
		assertThat(check(rule, kpi("u", Direction.WITHIN_RANGE, null, 70.0, 80.0, null), CONTEXT)).isEmpty();
	}
}
