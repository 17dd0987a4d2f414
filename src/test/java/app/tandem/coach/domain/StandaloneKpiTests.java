package app.tandem.coach.domain;

import static app.tandem.coach.domain.Examples.check;
import static app.tandem.coach.domain.Examples.context;
import static app.tandem.coach.domain.Examples.kpi;
import static app.tandem.coach.domain.Examples.ofTeam;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import app.tandem.shared.Finding;

/** KPI-005: a KPI linked to no key result and to no objective's team. */
class StandaloneKpiTests {

	private final StandaloneKpi rule = new StandaloneKpi();

	@Test
	void aKpiOfATeamWithoutObjectivesMeasuringNothingIsNoted() {
		var leads = ofTeam(kpi("leads"), "sales");

		assertThat(check(rule, leads, context(List.of(), Set.of("csat"), Set.of("support")))).singleElement()
			.satisfies(f -> {
				assertThat(f.ruleId()).isEqualTo("KPI-005");
				assertThat(f.severity()).isEqualTo(Finding.Severity.INFO);
				assertThat(f.subjectId()).isEqualTo("leads");
				assertThat(f.message()).contains("measures no key result and its team has no objectives");
			});
		assertThat(check(rule, ofTeam(kpi("x"), null), context(List.of(), Set.of(), Set.of()))).singleElement()
			.satisfies(f -> assertThat(f.message()).contains("belongs to no team"));
	}

	@Test
	void measuringAKeyResultOrATeamWithAnObjectivePasses() {
		var leads = ofTeam(kpi("leads"), "sales");

		assertThat(check(rule, leads, context(List.of(), Set.of("leads"), Set.of()))).isEmpty();
		assertThat(check(rule, leads, context(List.of(), Set.of(), Set.of("sales")))).isEmpty();
	}
}
