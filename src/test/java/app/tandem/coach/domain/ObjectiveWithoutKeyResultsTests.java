package app.tandem.coach.domain;

import static app.tandem.coach.domain.Examples.check;
import static app.tandem.coach.domain.Examples.increase;
import static app.tandem.coach.domain.Examples.objective;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import app.tandem.shared.Finding;

/** OKR-001: an objective without key results. */
class ObjectiveWithoutKeyResultsTests {

	private final ObjectiveWithoutKeyResults rule = new ObjectiveWithoutKeyResults();

	@Test
	void anObjectiveWithoutKeyResultsIsAnError() {
		ObjectiveSnapshot empty = objective("Delight new patients");

		assertThat(check(rule, empty)).singleElement().satisfies(f -> {
			assertThat(f.ruleId()).isEqualTo("OKR-001");
			assertThat(f.severity()).isEqualTo(Finding.Severity.ERROR);
			assertThat(f.subjectType()).isEqualTo(Finding.SubjectType.OBJECTIVE);
			assertThat(f.subjectId()).isEqualTo(empty.id());
			assertThat(f.message()).contains("\"Delight new patients\"", "no key results");
			assertThat(f.hint()).contains("2 to 5", "from 40% to 55%");
		});
	}

	@Test
	void oneKeyResultIsEnoughToPass() {
		assertThat(check(rule, objective(increase("Raise activation from 40% to 55%", 40.0, 55.0)))).isEmpty();
	}
}
