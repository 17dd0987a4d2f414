package app.tandem.coach.domain;

import static app.tandem.coach.domain.Examples.baseline;
import static app.tandem.coach.domain.Examples.check;
import static app.tandem.coach.domain.Examples.decrease;
import static app.tandem.coach.domain.Examples.increase;
import static app.tandem.coach.domain.Examples.milestone;
import static app.tandem.coach.domain.Examples.objective;
import static app.tandem.coach.domain.Examples.threshold;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import app.tandem.shared.Finding;

/** OKR-004: a key result that cannot be measured as written, per type. */
class UnmeasurableKeyResultTests {

	private final UnmeasurableKeyResult rule = new UnmeasurableKeyResult();

	@Test
	void anIncreaseWithoutTargetIsAnErrorOnTheKeyResult() {
		KeyResultSnapshot kr = increase("Raise activation", 40.0, null);

		assertThat(check(rule, objective(kr))).singleElement().satisfies(f -> {
			assertThat(f.ruleId()).isEqualTo("OKR-004");
			assertThat(f.severity()).isEqualTo(Finding.Severity.ERROR);
			assertThat(f.subjectType()).isEqualTo(Finding.SubjectType.KEY_RESULT);
			assertThat(f.subjectId()).isEqualTo(kr.id());
			assertThat(f.message()).contains("(INCREASE) has no target");
			assertThat(f.hint()).contains("start 40 and target 55");
		});
	}

	@Test
	void aDecreaseWithoutStartOrTargetIsAnError() {
		assertThat(check(rule, objective(decrease("Cut waiting time", null, null)))).singleElement()
			.satisfies(f -> assertThat(f.message()).contains("has no start value and no target"));
	}

	@Test
	void startingAtTheTargetIsAnError() {
		assertThat(check(rule, objective(increase("Keep NPS", 40.0, 40.0)))).singleElement()
			.satisfies(f -> assertThat(f.message()).contains("starts at its target (40)"));
	}

	@Test
	void anIncreaseThatGoesDownIsAnError() {
		assertThat(check(rule, objective(increase("Raise activation", 55.0, 40.0)))).singleElement()
			.satisfies(f -> assertThat(f.message()).contains("is an INCREASE but its target 40 is below its start 55"));
	}

	@Test
	void aThresholdWithoutMaxOrWithMinAboveMaxIsAnError() {
		assertThat(check(rule, objective(threshold("Answer same day", 95.0, null)))).singleElement()
			.satisfies(f -> assertThat(f.message()).contains("(THRESHOLD) has no max"));
		assertThat(check(rule, objective(threshold("Answer same day", 100.0, 95.0)))).singleElement()
			.satisfies(f -> assertThat(f.message()).contains("min 100 above max 95"));
	}

	@Test
	void nearMissesPass() {
		// A start just below the target, a one-value range, and the types with nothing to measure against.
		assertThat(check(rule, objective(increase("Raise activation", 40.0, 40.5), decrease("Cut", 2.0, 1.0),
				threshold("Exactly one a day", 1.0, 1.0), milestone("Ship it"), baseline("Measure churn"))))
			.isEmpty();
	}
}
