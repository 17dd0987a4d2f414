package app.tandem.coach.domain;

import static app.tandem.coach.domain.Examples.CONTEXT;
import static app.tandem.coach.domain.Examples.check;
import static app.tandem.coach.domain.Examples.context;
import static app.tandem.coach.domain.Examples.kpi;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import app.tandem.shared.Finding;

/** KPI-002: a KPI without definition, reason or data source. */
class KpiWithoutContextTests {

	private final KpiWithoutContext rule = new KpiWithoutContext();

	@Test
	void aKpiWithoutDefinitionAndDataSourceIsAWarning() {
		assertThat(check(rule, context(kpi("csat"), null, "Contentment", " "), CONTEXT)).singleElement()
			.satisfies(f -> {
				assertThat(f.ruleId()).isEqualTo("KPI-002");
				assertThat(f.severity()).isEqualTo(Finding.Severity.WARNING);
				assertThat(f.subjectType()).isEqualTo(Finding.SubjectType.KPI);
				assertThat(f.subjectId()).isEqualTo("csat");
				assertThat(f.message()).isEqualTo("KPI \"Customer satisfaction\" lacks a definition and a data source");
			});
	}

	@Test
	void aKpiWithAllThreePasses() {
		assertThat(check(rule, context(kpi("csat"), "Share of 4 and 5", "Contentment", "Survey"), CONTEXT)).isEmpty();
	}
}
