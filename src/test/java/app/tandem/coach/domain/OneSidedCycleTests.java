package app.tandem.coach.domain;

import static app.tandem.coach.domain.Examples.check;
import static app.tandem.coach.domain.Examples.typed;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import app.tandem.okr.domain.ObjectiveType;
import app.tandem.shared.Finding;

/** OKR-010: a cycle whose objectives are all committed or all aspirational. */
class OneSidedCycleTests {

	private final OneSidedCycle rule = new OneSidedCycle();

	@Test
	void allCommittedIsNotedOnTheCycle() {
		var objectives = List.of(typed(ObjectiveType.COMMITTED), typed(ObjectiveType.COMMITTED),
				typed(ObjectiveType.COMMITTED));

		assertThat(check(rule, objectives, List.of())).singleElement().satisfies(f -> {
			assertThat(f.ruleId()).isEqualTo("OKR-010");
			assertThat(f.severity()).isEqualTo(Finding.Severity.INFO);
			assertThat(f.subjectType()).isEqualTo(Finding.SubjectType.CYCLE);
			assertThat(f.subjectId()).isEqualTo("cycle");
			assertThat(f.message()).isEqualTo("All 3 objectives of the cycle are committed");
			assertThat(f.hint()).contains("aspirational");
		});
	}

	@Test
	void allAspirationalIsNotedToo() {
		assertThat(check(rule, List.of(typed(ObjectiveType.ASPIRATIONAL), typed(ObjectiveType.ASPIRATIONAL)), List.of()))
			.singleElement()
			.satisfies(f -> assertThat(f.message()).endsWith("are aspirational"));
	}

	@Test
	void oneOfTheOtherKindOrASingleObjectivePasses() {
		assertThat(check(rule, List.of(typed(ObjectiveType.COMMITTED), typed(ObjectiveType.COMMITTED),
				typed(ObjectiveType.ASPIRATIONAL)), List.of())).isEmpty();
		assertThat(check(rule, List.of(typed(ObjectiveType.COMMITTED)), List.of())).isEmpty();
	}
}
