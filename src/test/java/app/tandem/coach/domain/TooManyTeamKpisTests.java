package app.tandem.coach.domain;

import static app.tandem.coach.domain.Examples.check;
import static app.tandem.coach.domain.Examples.kpi;
import static app.tandem.coach.domain.Examples.ofTeam;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import app.tandem.shared.Finding;

/** KPI-001: a team tracks more than 7 KPIs. */
class TooManyTeamKpisTests {

	private final TooManyTeamKpis rule = new TooManyTeamKpis();

	private static List<KpiSnapshot> kpis(String team, int count) {
		return IntStream.range(0, count).mapToObj(i -> ofTeam(kpi(team + "-" + i), team)).toList();
	}

	@Test
	void eightKpisOfOneTeamAreAWarningOnTheTeam() {
		assertThat(check(rule, List.of(), kpis("sales", 8))).singleElement().satisfies(f -> {
			assertThat(f.ruleId()).isEqualTo("KPI-001");
			assertThat(f.severity()).isEqualTo(Finding.Severity.WARNING);
			assertThat(f.subjectType()).isEqualTo(Finding.SubjectType.TEAM);
			assertThat(f.subjectId()).isEqualTo("sales");
			assertThat(f.message()).isEqualTo("The team tracks 8 KPIs (more than 7)");
		});
	}

	@Test
	void sevenPerTeamPassAndKpisWithoutTeamCountForNone() {
		List<KpiSnapshot> kpis = new ArrayList<>(kpis("sales", 7));
		kpis.addAll(kpis("support", 7));
		kpis.addAll(IntStream.range(0, 8).mapToObj(i -> ofTeam(kpi("company-wide-" + i), null)).toList());

		assertThat(check(rule, List.of(), kpis)).isEmpty();
	}
}
