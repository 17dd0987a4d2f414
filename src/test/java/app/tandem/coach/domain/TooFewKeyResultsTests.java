package app.tandem.coach.domain;

import static app.tandem.coach.domain.Examples.check;
import static app.tandem.coach.domain.Examples.increase;
import static app.tandem.coach.domain.Examples.milestone;
import static app.tandem.coach.domain.Examples.objective;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import app.tandem.shared.Finding;

/** OKR-002: fewer key results than the threshold (2). */
class TooFewKeyResultsTests {

	private final TooFewKeyResults rule = new TooFewKeyResults();

	@Test
	void aSingleKeyResultIsAWarning() {
		assertThat(check(rule, objective(increase("Raise activation from 40% to 55%", 40.0, 55.0)))).singleElement()
			.satisfies(f -> {
				assertThat(f.ruleId()).isEqualTo("OKR-002");
				assertThat(f.severity()).isEqualTo(Finding.Severity.WARNING);
				assertThat(f.message()).contains("only 1 key result (fewer than 2)");
				assertThat(f.hint()).contains("crash-free");
			});
	}

	@Test
	void twoKeyResultsPass() {
		assertThat(check(rule, objective(increase("Raise activation", 40.0, 55.0), milestone("Ship it")))).isEmpty();
	}

	@Test
	void noKeyResultsAtAllAreLeftToOkr001() {
		assertThat(check(rule, objective())).isEmpty();
	}

	@Test
	void theThresholdIsConfigurable() {
		var three = new CoachContext(new CoachThresholds(3, 5, 7, 0.5), Map.of(), Set.of(), Set.of(), Examples.NOW);

		assertThat(check(rule, objective(Examples.sound().toArray(KeyResultSnapshot[]::new)), three)).singleElement()
			.satisfies(f -> assertThat(f.message()).contains("only 2 key results (fewer than 3)"));
	}
}
