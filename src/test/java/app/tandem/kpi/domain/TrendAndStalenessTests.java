package app.tandem.kpi.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class TrendAndStalenessTests {

	private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

	@Test
	void aPerfectLineHasItsRiseAsSlope() {
		assertThat(Trend.slope(values(2.0, 4.0, 6.0))).isEqualTo(2.0);
		assertThat(Trend.slope(values(10.0, 7.0, 4.0, 1.0))).isEqualTo(-3.0);
	}

	@Test
	void aConstantHasNoSlope() {
		assertThat(Trend.slope(values(5.0, 5.0, 5.0, 5.0))).isEqualTo(0.0);
	}

	@Test
	void anImperfectLineHasTheLeastSquaresSlope() {
		// x̄ = 1, ȳ = 7/3: Σ(x − x̄)(y − ȳ) = 4/3 + 5/3 = 3 over Σ(x − x̄)² = 2
		assertThat(Trend.slope(values(1.0, 2.0, 4.0))).isCloseTo(1.5, within(1e-12));
	}

	@Test
	void onlyTheLastTenValuesCount() {
		List<Double> twelve = new ArrayList<>(values(1000.0, -1000.0));
		for (int n = 1; n <= 10; n++) {
			twelve.add((double) n);
		}

		assertThat(Trend.slope(twelve)).isCloseTo(1.0, within(1e-12));
	}

	@Test
	void nullsAreSkippedButKeepTheirPeriod() {
		assertThat(Trend.slope(values(2.0, null, 6.0))).as("still 2 per period across the gap").isEqualTo(2.0);
		assertThat(Trend.slope(values(null, 1.0, null, null, 4.0, null))).isCloseTo(1.0, within(1e-12));
	}

	@Test
	void theLastTenAreTheLastTenValuesNotTheLastTenPeriods() {
		// an outlier (left out), 0 at x = 1, eight empty periods, then 10 at x = 10…18: the last ten periods alone
		// would be flat; the last ten values give x̄ = 12.7, ȳ = 9, Σ(x − x̄)(y − ȳ) = 117, Σ(x − x̄)² = 212.1
		List<Double> values = new ArrayList<>(values(1000.0, 0.0));
		for (int x = 2; x <= 18; x++) {
			values.add(x < 10 ? null : 10.0);
		}

		assertThat(Trend.slope(values)).isCloseTo(117 / 212.1, within(1e-12));
	}

	@Test
	void fewerThanTwoValuesHaveNoTrend() {
		assertThat(Trend.slope(List.of())).isNull();
		assertThat(Trend.slope(values(5.0))).isNull();
		assertThat(Trend.slope(values(null, 5.0, null))).isNull();
	}

	@Test
	void theLineAlsoGivesTheLevelForTheForecast() {
		TrendLine line = Trend.line(values(2.0, 4.0, 6.0));

		assertThat(line.intercept()).isEqualTo(2.0);
		assertThat(line.at(3)).as("the next period").isEqualTo(8.0);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			DAILY     | DAY     | 1
			WEEKLY    | WEEK    | 7
			MONTHLY   | MONTH   | 30
			QUARTERLY | QUARTER | 91
			""")
	void eachFrequencyHasItsBucketAndPeriod(Frequency frequency, Bucket bucket, long days) {
		assertThat(frequency.bucket()).isEqualTo(bucket);
		assertThat(frequency.period()).isEqualTo(Duration.ofDays(days));
	}

	@ParameterizedTest
	@EnumSource(Frequency.class)
	void aValueExactlyTwoPeriodsOldIsNotStaleAndOneJustOlderIs(Frequency frequency) {
		Instant twoPeriodsAgo = NOW.minus(frequency.period().multipliedBy(2));

		assertThat(Staleness.isStale(frequency, twoPeriodsAgo, NOW)).isFalse();
		assertThat(Staleness.isStale(frequency, twoPeriodsAgo.minusNanos(1), NOW)).isTrue();
		assertThat(Staleness.isStale(frequency, NOW, NOW)).isFalse();
	}

	@Test
	void theStalenessThresholdsInDays() {
		assertThat(Staleness.isStale(Frequency.DAILY, NOW.minus(Duration.ofHours(49)), NOW)).isTrue();
		assertThat(Staleness.isStale(Frequency.WEEKLY, NOW.minus(Duration.ofDays(14)), NOW)).isFalse();
		assertThat(Staleness.isStale(Frequency.MONTHLY, NOW.minus(Duration.ofDays(61)), NOW)).isTrue();
		assertThat(Staleness.isStale(Frequency.QUARTERLY, NOW.minus(Duration.ofDays(182)), NOW)).isFalse();
		assertThat(Staleness.isStale(Frequency.QUARTERLY, NOW.minus(Duration.ofDays(183)), NOW)).isTrue();
	}

	@ParameterizedTest
	@EnumSource(Frequency.class)
	void withoutAValueNothingIsStaleAndAValueAheadOfNowIsFresh(Frequency frequency) {
		assertThat(Staleness.isStale(frequency, null, NOW)).isFalse();
		assertThat(Staleness.isStale(frequency, NOW.plus(Duration.ofDays(400)), NOW)).isFalse();
	}

	private static List<Double> values(Double... values) {
		return Arrays.asList(values);
	}
}
