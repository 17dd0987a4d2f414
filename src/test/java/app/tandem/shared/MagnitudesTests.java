package app.tandem.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The numbers both databases store alike: finite, within ±1e15, and 0 or at least 1e-300 away from it. */
class MagnitudesTests {

	@ParameterizedTest
	@ValueSource(doubles = { 0, -0.0, 1e-300, -1e-300, 0.5, 1e15, -1e15, 123456.789 })
	void theseAreAccepted(double value) {
		assertThat(Magnitudes.accepted(value)).isTrue();
		assertThat(Magnitudes.problem(value)).isNull();
	}

	@ParameterizedTest
	@ValueSource(doubles = { 4.9e-324, -4.9e-324, 2.2e-308, 1e-301 })
	void subnormalAndNearZeroNumbersAreRefusedAsPostgreSqlRefusesThem(double value) {
		assertThat(Magnitudes.accepted(value)).isFalse();
		assertThat(Magnitudes.problem(value)).isEqualTo("must be 0 or at least 1e-300 away from it");
	}

	@ParameterizedTest
	@ValueSource(doubles = { 1.0000001e15, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY })
	void largeNumbersAreRefusedAsTooLarge(double value) {
		assertThat(Magnitudes.problem(value)).isEqualTo("must lie between -1e15 and 1e15");
	}

	@ParameterizedTest
	@ValueSource(doubles = { Double.NaN })
	void notANumberIsRefused(double value) {
		assertThat(Magnitudes.problem(value)).isEqualTo("must be a finite number");
	}
}
