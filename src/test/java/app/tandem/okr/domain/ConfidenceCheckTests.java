package app.tandem.okr.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfidenceCheckTests {

	@ParameterizedTest(name = "confidence {0}, on pace {1}: disagrees {2}")
	@CsvSource({ "10, false, true", "7, false, true", "6, false, false", "4, false, false", "3, false, false",
			"0, false, false", "0, true, true", "3, true, true", "4, true, false", "7, true, false", "10, true, false" })
	void confidenceOfSevenOrMoreDisagreesWithAMissAndThreeOrLessWithSuccess(int confidence, boolean onPace,
			boolean disagrees) {
		ConfidenceCheck check = ConfidenceCheck.of(confidence, forecast(onPace, onPace ? 1.0 : 0.45));

		assertThat(check.disagrees()).isEqualTo(disagrees);
		assertThat(check.note() != null).isEqualTo(disagrees);
	}

	@Test
	void theNoteSaysWhatDisagreesWithWhat() {
		assertThat(ConfidenceCheck.of(9, forecast(false, 0.4443)).note())
			.isEqualTo("confidence is 9 of 10, but the check-ins point to a miss (projected progress 0.44)");
		assertThat(ConfidenceCheck.of(2, forecast(true, 1.0)).note())
			.isEqualTo("confidence is 2 of 10, but the check-ins point to success (projected progress 1.00)");
	}

	@Test
	void withoutAConfidenceOrAForecastThereIsNothingToCompare() {
		assertThat(ConfidenceCheck.of(null, forecast(false, 0.1))).isEqualTo(ConfidenceCheck.NOTHING_TO_COMPARE);
		assertThat(ConfidenceCheck.of(9, KeyResultForecast.unavailable("needs at least 3 check-ins in the cycle, has 2")))
			.isEqualTo(ConfidenceCheck.NOTHING_TO_COMPARE);
		assertThat(ConfidenceCheck.of(9, null)).isEqualTo(ConfidenceCheck.NOTHING_TO_COMPARE);
	}

	private static KeyResultForecast forecast(boolean onPace, double progress) {
		return new KeyResultForecast(true, null, Instant.parse("2026-12-31T00:00:00Z"), 4, 50.0, 40.0, 60.0, progress,
				progress, progress, onPace);
	}
}
