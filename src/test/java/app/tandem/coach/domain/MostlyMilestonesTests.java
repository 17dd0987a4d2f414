package app.tandem.coach.domain;

import static app.tandem.coach.domain.Examples.check;
import static app.tandem.coach.domain.Examples.increase;
import static app.tandem.coach.domain.Examples.milestone;
import static app.tandem.coach.domain.Examples.objective;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import app.tandem.shared.Finding;

/** OKR-006: more than half of an objective's key results are milestones. */
class MostlyMilestonesTests {

	private final MostlyMilestones rule = new MostlyMilestones();

	@Test
	void twoMilestonesOfThreeAreAWarning() {
		ObjectiveSnapshot objective = objective(milestone("Launch the new onboarding flow"), milestone("Hire a designer"),
				increase("Raise activation", 40.0, 55.0));

		assertThat(check(rule, objective)).singleElement().satisfies(f -> {
			assertThat(f.ruleId()).isEqualTo("OKR-006");
			assertThat(f.severity()).isEqualTo(Finding.Severity.WARNING);
			assertThat(f.subjectId()).isEqualTo(objective.id());
			assertThat(f.message()).contains("2 of 3 key results", "activities, not outcomes");
			assertThat(f.hint()).contains("\"Launch the new onboarding flow\" → \"Raise day-7 activation from 40% to 55%\"");
		});
	}

	@Test
	void exactlyHalfPasses() {
		assertThat(check(rule, objective(milestone("Launch"), increase("Raise activation", 40.0, 55.0)))).isEmpty();
	}
}
