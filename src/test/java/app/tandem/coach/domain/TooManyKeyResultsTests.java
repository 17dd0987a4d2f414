package app.tandem.coach.domain;

import static app.tandem.coach.domain.Examples.check;
import static app.tandem.coach.domain.Examples.increase;
import static app.tandem.coach.domain.Examples.objective;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import app.tandem.shared.Finding;

/** OKR-003: more key results than the threshold (5). */
class TooManyKeyResultsTests {

	private final TooManyKeyResults rule = new TooManyKeyResults();

	private static List<KeyResultSnapshot> keyResults(int count) {
		return IntStream.range(0, count).mapToObj(i -> increase("Grow metric " + i, 0.0, 10.0)).toList();
	}

	@Test
	void sixKeyResultsAreAWarning() {
		assertThat(check(rule, objective("Delight new patients", keyResults(6)))).singleElement().satisfies(f -> {
			assertThat(f.ruleId()).isEqualTo("OKR-003");
			assertThat(f.severity()).isEqualTo(Finding.Severity.WARNING);
			assertThat(f.message()).contains("has 6 key results (more than 5)");
			assertThat(f.hint()).contains("2 to 5");
		});
	}

	@Test
	void fiveKeyResultsPass() {
		assertThat(check(rule, objective("Delight new patients", keyResults(5)))).isEmpty();
	}
}
