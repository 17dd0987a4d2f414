package app.tandem.coach.domain;

import static app.tandem.coach.domain.Examples.kpi;
import static app.tandem.coach.domain.Examples.objective;
import static app.tandem.coach.domain.Examples.ofTeam;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import app.tandem.shared.Finding;

/** The rule book as a whole: every rule of SPEC §1, findings most severe first. */
class CoachTests {

	@Test
	void everyRuleOfTheSpecificationIsThereOnce() {
		assertThat(Coach.rules()).extracting(Rule::id).containsExactly("KPI-001", "KPI-002", "KPI-003", "KPI-004",
				"KPI-005", "OKR-001", "OKR-002", "OKR-003", "OKR-004", "OKR-005", "OKR-006", "OKR-007", "OKR-008",
				"OKR-009", "OKR-010", "OKR-011");
	}

	@Test
	void findingsComeBySeverityThenBySubject() {
		var empty = objective("Grow 2x");
		var kpi = ofTeam(Examples.context(kpi("leads"), null, "r", "s"), "sales");
		var context = Examples.context(List.of(kpi), Set.of(), Set.of());

		List<Finding> findings = Coach.review(List.of(empty, objective("Win 2027", Examples.increase("Grow revenue", 5.0, 6.0))), List.of(kpi), context);

		assertThat(findings).extracting(Finding::severity).isSortedAccordingTo(java.util.Comparator.naturalOrder());
		assertThat(findings).extracting(Finding::ruleId).containsExactly("OKR-001", "OKR-002", "KPI-002", "OKR-010",
				"OKR-009", "OKR-009", "KPI-005");
		assertThat(findings.get(4).subjectId()).isEqualTo(empty.id());
	}

	@Test
	void anObjectivesOwnFindingsLeaveOutTheCycleAndTeams() {
		assertThat(Coach.ofObjective(objective("Grow 2x"), Examples.CONTEXT)).extracting(Finding::ruleId)
			.containsExactly("OKR-001", "OKR-009");
	}
}
