package app.tandem.coach.domain;

import static app.tandem.coach.domain.Examples.at;
import static app.tandem.coach.domain.Examples.check;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import app.tandem.okr.domain.Level;
import app.tandem.shared.Finding;

/** OKR-008: a team or individual objective aligned to nothing. */
class UnalignedObjectiveTests {

	private final UnalignedObjective rule = new UnalignedObjective();

	@Test
	void aTeamObjectiveWithoutParentIsNoted() {
		ObjectiveSnapshot alone = at(Level.TEAM, null);

		assertThat(check(rule, alone)).singleElement().satisfies(f -> {
			assertThat(f.ruleId()).isEqualTo("OKR-008");
			assertThat(f.severity()).isEqualTo(Finding.Severity.INFO);
			assertThat(f.subjectId()).isEqualTo(alone.id());
			assertThat(f.message()).startsWith("Team objective").contains("aligned to nothing");
		});
		assertThat(check(rule, at(Level.INDIVIDUAL, null))).singleElement()
			.satisfies(f -> assertThat(f.message()).startsWith("Individual objective"));
	}

	@Test
	void anAlignedOneOrACompanyObjectivePasses() {
		assertThat(check(rule, at(Level.TEAM, "company-objective"))).isEmpty();
		assertThat(check(rule, at(Level.COMPANY, null))).isEmpty();
	}
}
