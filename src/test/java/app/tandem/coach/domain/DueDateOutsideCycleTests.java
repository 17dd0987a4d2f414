package app.tandem.coach.domain;

import static app.tandem.coach.domain.Examples.END;
import static app.tandem.coach.domain.Examples.START;
import static app.tandem.coach.domain.Examples.check;
import static app.tandem.coach.domain.Examples.due;
import static app.tandem.coach.domain.Examples.increase;
import static app.tandem.coach.domain.Examples.objective;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import app.tandem.shared.Finding;

/** OKR-005: a key result due outside its cycle (2026-10-01 to 2026-12-31). */
class DueDateOutsideCycleTests {

	private final DueDateOutsideCycle rule = new DueDateOutsideCycle();

	@Test
	void dueTheDayAfterTheCycleEndsIsAWarning() {
		KeyResultSnapshot late = due(increase("Raise activation", 40.0, 55.0), END.plusDays(1));

		assertThat(check(rule, objective(late))).singleElement().satisfies(f -> {
			assertThat(f.ruleId()).isEqualTo("OKR-005");
			assertThat(f.severity()).isEqualTo(Finding.Severity.WARNING);
			assertThat(f.subjectType()).isEqualTo(Finding.SubjectType.KEY_RESULT);
			assertThat(f.subjectId()).isEqualTo(late.id());
			assertThat(f.message()).contains("is due 2027-01-01, after its cycle ends (2026-12-31)");
		});
	}

	@Test
	void dueTheDayBeforeTheCycleStartsIsAWarning() {
		assertThat(check(rule, objective(due(increase("Raise activation", 40.0, 55.0), START.minusDays(1)))))
			.singleElement()
			.satisfies(f -> assertThat(f.message()).contains("before its cycle starts (2026-10-01)"));
	}

	@Test
	void dueOnTheFirstOrLastDayOrByDefaultPasses() {
		assertThat(check(rule, objective(due(increase("a", 0.0, 1.0), START), due(increase("b", 0.0, 1.0), END),
				increase("c", 0.0, 1.0)))).isEmpty();
	}
}
