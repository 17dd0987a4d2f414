package app.tandem.kpi.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * KPI forecasts against NumPy 1.24.2 and SciPy 1.10.1 (Debian's python3-numpy and python3-scipy): x the period's
 * place in the series, then
 * <pre>
 * slope, intercept = numpy.polyfit(x, y, 1)
 * s = numpy.sqrt(numpy.sum((y - (slope * x + intercept))**2) / (n - 2))
 * t = scipy.optimize.brentq(lambda v: scipy.special.stdtr(n - 2, v) - 0.9, -1e4, 1e4, xtol=1e-300, rtol=1e-15)
 * half = t * s * numpy.sqrt(1 + 1/n + (x0 - x.mean())**2 / numpy.sum((x - x.mean())**2))
 * </pre>
 * projected value {@code slope * x0 + intercept} at the next period x0, low and high {@code ∓ half}, a crossing of
 * c at {@code x = (c - intercept) / slope}, its instant {@code start + datetime.timedelta(days=length * x)};
 * printed with {@code repr}.
 */
class KpiForecastTests {

	private static final double RELATIVE = 1e-9;

	private static final Instant MONDAY = Instant.parse("2026-10-05T00:00:00Z");

	@Test
	void aKpiSlidingTowardsItsWarningThresholdMatchesNumpy() {
		// weekly: x = [0, 1, 2, 3, 4, 5], y = [92, 91, 89.5, 88, 86.2, 85], x0 = 6; warning 80 at x = 8.425016371971168,
		// 2026-10-05 + 7 · 8.425016371971168 days = 2026-12-02T23:24:09.901768Z
		List<BucketValue> series = series(Bucket.WEEK, MONDAY, 92.0, 91.0, 89.5, 88.0, 86.2, 85.0);
		KpiForecast forecast = KpiForecast.of(series, Bucket.WEEK, higherIsBetter(90, 80));

		assertThat(forecast.available()).isTrue();
		assertThat(forecast.periods()).isEqualTo(6);
		assertThat(forecast.at()).isEqualTo(Instant.parse("2026-11-16T00:00:00Z"));
		assertClose(forecast.projectedValue(), 83.52666666666664);
		assertClose(forecast.low(), 83.06207171403567);
		assertClose(forecast.high(), 83.99126161929762);
		assertThat(Duration.between(Instant.parse("2026-12-02T23:24:09.901768Z"), forecast.warningAt()).abs())
			.isLessThan(Duration.ofMillis(5));
		assertThat(forecast.targetAt()).as("falling: not heading for the target").isNull();
	}

	@Test
	void gapsKeepTheirPlaceAndOnlyTheLastTenValuesCount() {
		// daily from 2026-11-01: 1000 and −1000 (left out: older than the last ten values), a gap, then values at
		// x = [3, 4, 6, 7, …, 13]: y = [10, 11, 13.5, 14, 15.2, 16, 17.1, 18, 19.4, 20], x0 = 14; target 25 at
		// x = 17.838074398249438, 2026-11-01 + 17.838074398249438 days = 2026-11-18T20:06:49.628009Z
		List<BucketValue> series = series(Bucket.DAY, Instant.parse("2026-11-01T00:00:00Z"), 1000.0, -1000.0, null,
				10.0, 11.0, null, 13.5, 14.0, 15.2, 16.0, 17.1, 18.0, 19.4, 20.0);
		KpiForecast forecast = KpiForecast.of(series, Bucket.DAY, higherIsBetter(25, 5));

		assertThat(forecast.periods()).isEqualTo(10);
		assertClose(forecast.projectedValue(), 21.14505494505496);
		assertClose(forecast.low(), 20.814725617672952);
		assertClose(forecast.high(), 21.475384272436965);
		assertThat(forecast.warningAt()).as("rising: not heading for the warning").isNull();
		assertThat(Duration.between(Instant.parse("2026-11-18T20:06:49.628009Z"), forecast.targetAt()).abs())
			.isLessThan(Duration.ofMillis(1));
	}

	@Test
	void aKpiPastItsWarningAlreadyHasNoWarningCrossing() {
		KpiForecast red = KpiForecast.of(series(Bucket.WEEK, MONDAY, 85.0, 82.0, 79.0), Bucket.WEEK,
				higherIsBetter(90, 80));
		KpiForecast green = KpiForecast.of(series(Bucket.WEEK, MONDAY, 88.0, 90.0, 92.0), Bucket.WEEK,
				higherIsBetter(90, 80));

		assertThat(red.warningAt()).as("RED already").isNull();
		assertThat(green.targetAt()).as("GREEN already").isNull();
	}

	@Test
	void lowerIsBetterIsTheMirror() {
		// y = 10, 12, 14: rising 2 a week towards warning 20 (x = 5) and away from target 5
		KpiForecast rising = KpiForecast.of(series(Bucket.WEEK, MONDAY, 10.0, 12.0, 14.0), Bucket.WEEK,
				new Thresholds(Direction.LOWER_IS_BETTER, 5.0, 20.0, null, null, null));
		// y = 14, 12, 10: falling 2 a week towards target 5 (x = 4.5)
		KpiForecast falling = KpiForecast.of(series(Bucket.WEEK, MONDAY, 14.0, 12.0, 10.0), Bucket.WEEK,
				new Thresholds(Direction.LOWER_IS_BETTER, 5.0, 20.0, null, null, null));

		assertThat(rising.warningAt()).isEqualTo(MONDAY.plus(Duration.ofDays(35)));
		assertThat(rising.targetAt()).isNull();
		assertThat(falling.warningAt()).isNull();
		assertThat(falling.targetAt()).isEqualTo(MONDAY.plus(Duration.ofDays(31)).plus(Duration.ofHours(12)));
	}

	@Test
	void aRangeKpiLeavesItsWarningBandOnTheSideItHeadsToAndReachesTheRangeFromOutside() {
		Thresholds range = new Thresholds(Direction.WITHIN_RANGE, null, null, 10.0, 20.0, 2.0);
		// in range, rising 1 a week from 15 at x = 2: leaves [8, 22] at x = 9
		KpiForecast rising = KpiForecast.of(series(Bucket.WEEK, MONDAY, 13.0, 14.0, 15.0), Bucket.WEEK, range);
		// in range, falling: leaves at 8, x = 9 as well
		KpiForecast falling = KpiForecast.of(series(Bucket.WEEK, MONDAY, 17.0, 16.0, 15.0), Bucket.WEEK, range);
		// below the range, rising 1 a week from 5: reaches 10 at x = 7; already past the band's low edge, 8
		KpiForecast recovering = KpiForecast.of(series(Bucket.WEEK, MONDAY, 3.0, 4.0, 5.0), Bucket.WEEK, range);
		// without a margin the band is the range itself: 20 at x = 7
		KpiForecast noMargin = KpiForecast.of(series(Bucket.WEEK, MONDAY, 13.0, 14.0, 15.0), Bucket.WEEK,
				new Thresholds(Direction.WITHIN_RANGE, null, null, 10.0, 20.0, null));

		assertThat(rising.warningAt()).isEqualTo(MONDAY.plus(Duration.ofDays(63)));
		assertThat(rising.targetAt()).isNull();
		assertThat(falling.warningAt()).isEqualTo(MONDAY.plus(Duration.ofDays(63)));
		assertThat(recovering.warningAt()).isNull();
		assertThat(recovering.targetAt()).isEqualTo(MONDAY.plus(Duration.ofDays(49)));
		assertThat(noMargin.warningAt()).isEqualTo(MONDAY.plus(Duration.ofDays(49)));
	}

	@Test
	void aFractionOfAMonthIsThatShareOfItsDays() {
		// monthly from January: 0, 10, 20 reach 45 at x = 4.5, halfway through May (31 days): 16 May 12:00
		KpiForecast forecast = KpiForecast.of(series(Bucket.MONTH, Instant.parse("2026-01-01T00:00:00Z"), 0.0, 10.0,
				20.0), Bucket.MONTH, higherIsBetter(45, -10));

		assertThat(forecast.at()).isEqualTo(Instant.parse("2026-04-01T00:00:00Z"));
		assertThat(forecast.projectedValue()).isCloseTo(30, within(1e-9));
		assertThat(forecast.targetAt()).isEqualTo(Instant.parse("2026-05-16T12:00:00Z"));
	}

	@Test
	void aFlatLineHeadsNowhere() {
		KpiForecast flat = KpiForecast.of(series(Bucket.WEEK, MONDAY, 85.0, 85.0, 85.0), Bucket.WEEK,
				higherIsBetter(90, 80));

		assertThat(flat.available()).isTrue();
		assertThat(flat.warningAt()).isNull();
		assertThat(flat.targetAt()).isNull();
	}

	@Test
	void fewerThanThreeValuesAreTooFewAndSaySo() {
		KpiForecast two = KpiForecast.of(series(Bucket.WEEK, MONDAY, null, 85.0, null, 84.0), Bucket.WEEK,
				higherIsBetter(90, 80));

		assertThat(two.available()).isFalse();
		assertThat(two.reason()).isEqualTo("needs at least 3 period values, has 2");
		assertThat(KpiForecast.withoutValues().reason()).isEqualTo("needs at least 3 period values, has 0");
	}

	@Test
	void withoutATargetTheValueIsStillForecast() {
		KpiForecast forecast = KpiForecast.of(series(Bucket.WEEK, MONDAY, 1.0, 2.0, 3.0), Bucket.WEEK,
				new Thresholds(Direction.HIGHER_IS_BETTER, null, null, null, null, null));

		assertThat(forecast.projectedValue()).isCloseTo(4, within(1e-9));
		assertThat(forecast.warningAt()).isNull();
		assertThat(forecast.targetAt()).isNull();
	}

	@Test
	void aCrossingBeyondTheHorizonIsNotReported() {
		// rising 1e-9 a day towards 90 from 85: billions of days away
		KpiForecast slow = KpiForecast.of(series(Bucket.DAY, MONDAY, 85.0, 85.000000001, 85.000000002), Bucket.DAY,
				higherIsBetter(90, 80));

		assertThat(slow.available()).isTrue();
		assertThat(slow.targetAt()).isNull();
	}

	@Test
	void theForecastExtendsTheTrendsLine() {
		List<Double> values = Arrays.asList(3.0, null, 4.5, 7.0, 6.0, 9.5);
		KpiForecast forecast = KpiForecast.of(series(Bucket.DAY, MONDAY, values.toArray(Double[]::new)), Bucket.DAY,
				higherIsBetter(100, 0));
		TrendLine line = Trend.line(values);

		assertThat(forecast.projectedValue()).isCloseTo(line.at(values.size()), within(1e-12));
	}

	private static Thresholds higherIsBetter(double target, double warning) {
		return new Thresholds(Direction.HIGHER_IS_BETTER, target, warning, null, null, null);
	}

	private static List<BucketValue> series(Bucket bucket, Instant start, Double... values) {
		List<BucketValue> series = new ArrayList<>();
		Instant at = start;
		for (Double value : values) {
			Instant end = bucket.next(at);
			series.add(new BucketValue(at, end, value, value == null ? 0 : 1));
			at = end;
		}
		return series;
	}

	private static void assertClose(double actual, double expected) {
		assertThat(actual).isCloseTo(expected, within(Math.abs(expected) * RELATIVE));
	}
}
