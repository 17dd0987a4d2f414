package app.tandem.okr.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Key result forecasts against NumPy 1.24.2 and SciPy 1.10.1 (Debian's python3-numpy and python3-scipy): x in
 * days since the first check-in ({@code (at - first).total_seconds() / 86400} with Python's datetime), the due
 * instant the start of the due date, then
 * <pre>
 * slope, intercept = numpy.polyfit(x, y, 1)
 * s = numpy.sqrt(numpy.sum((y - (slope * x + intercept))**2) / (n - 2))
 * t = scipy.optimize.brentq(lambda v: scipy.special.stdtr(n - 2, v) - 0.9, -1e4, 1e4, xtol=1e-300, rtol=1e-15)
 * half = t * s * numpy.sqrt(1 + 1/n + (x0 - x.mean())**2 / numpy.sum((x - x.mean())**2))
 * </pre>
 * projected value {@code slope * x0 + intercept}, low and high {@code ∓ half}, progress
 * {@code min(1, max(0, (v - start) / (target - start)))}; printed with {@code repr}.
 */
class KeyResultForecastTests {

	private static final double RELATIVE = 1e-9;

	private static final Cycle Q4 = new Cycle(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31), null);

	@Test
	void aCommittedKeyResultHeadingForAMissMatchesNumpy() {
		// x = [0, 14, 28, 42.270833333333336], x0 = 86.625 (2026-10-05T09:00Z to 2026-12-31T00:00Z)
		KeyResultDefinition kr = increase(0, 100, LocalDate.of(2026, 12, 31));
		KeyResultForecast forecast = KeyResultForecast.of(kr, ObjectiveType.COMMITTED, Q4,
				points("2026-10-05T09:00:00Z", 5, "2026-10-19T09:00:00Z", 12, "2026-11-02T09:00:00Z", 18.5,
						"2026-11-16T15:30:00Z", 24));

		assertThat(forecast.available()).isTrue();
		assertThat(forecast.at()).isEqualTo(Instant.parse("2026-12-31T00:00:00Z"));
		assertThat(forecast.checkIns()).isEqualTo(4);
		assertClose(forecast.projectedValue(), 44.430521869331784);
		assertClose(forecast.low(), 41.837567545648724);
		assertClose(forecast.high(), 47.023476193014844);
		assertClose(forecast.projectedProgress(), 0.44430521869331785);
		assertClose(forecast.lowProgress(), 0.41837567545648724);
		assertClose(forecast.highProgress(), 0.47023476193014846);
		assertThat(forecast.onPace()).isFalse();
	}

	@Test
	void anAspirationalDecreaseAtThreeQuartersIsOnPaceAndItsHighValueIsItsLowProgress() {
		// x = [0, 7, 14, 21, 28], x0 = 73.66666666666667 (2026-10-02T08:00Z to 2026-12-15T00:00Z)
		KeyResultDefinition kr = new KeyResultDefinition(KeyResultType.DECREASE, 40.0, 20.0, null, null, 1,
				LocalDate.of(2026, 12, 15));
		KeyResultForecast forecast = KeyResultForecast.of(kr, ObjectiveType.ASPIRATIONAL, Q4,
				points("2026-10-02T08:00:00Z", 40, "2026-10-09T08:00:00Z", 38.4, "2026-10-16T08:00:00Z", 37.3,
						"2026-10-23T08:00:00Z", 35.5, "2026-10-30T08:00:00Z", 34.4));

		assertClose(forecast.projectedValue(), 25.101428571428606);
		assertClose(forecast.low(), 24.201507288854813);
		assertClose(forecast.high(), 26.0013498540024);
		assertClose(forecast.projectedProgress(), 0.7449285714285697);
		assertClose(forecast.lowProgress(), 0.6999325072998801);
		assertClose(forecast.highProgress(), 0.7899246355572593);
		assertThat(forecast.onPace()).as("0.74 reaches an aspirational 0.7").isTrue();
		assertThat(KeyResultForecast.of(kr, ObjectiveType.COMMITTED, Q4,
				points("2026-10-02T08:00:00Z", 40, "2026-10-09T08:00:00Z", 38.4, "2026-10-16T08:00:00Z", 37.3,
						"2026-10-23T08:00:00Z", 35.5, "2026-10-30T08:00:00Z", 34.4))
			.onPace()).as("but not a committed 1.0").isFalse();
	}

	@Test
	void projectedProgressIsClampedAsProgressIs() {
		KeyResultForecast beyond = KeyResultForecast.of(increase(0, 10, Q4.end()), ObjectiveType.COMMITTED, Q4,
				points("2026-10-01T00:00:00Z", 2, "2026-10-11T00:00:00Z", 4, "2026-10-21T00:00:00Z", 6));

		assertThat(beyond.projectedValue()).isCloseTo(20.2, within(1e-9));
		assertThat(beyond.projectedProgress()).isEqualTo(1.0);
		assertThat(beyond.highProgress()).isEqualTo(1.0);
		assertThat(beyond.onPace()).isTrue();
	}

	@Test
	void aThresholdKeyResultCountsTheCheckInsToComeAtTheLinesValue() {
		// By hand: y = 99.5 − 0.1·x through check-ins every 10 days, all four in [95, 100]; the due date is
		// x = 91, so six more come at x = 40, 50, …, 90, valued 95.5, 94.5, …: one in range. (4 + 1) / (4 + 6) = 0.5.
		KeyResultDefinition kr = new KeyResultDefinition(KeyResultType.THRESHOLD, null, null, 95.0, 100.0, 1,
				Q4.end());
		KeyResultForecast forecast = KeyResultForecast.of(kr, ObjectiveType.COMMITTED, Q4,
				points("2026-10-01T00:00:00Z", 99.5, "2026-10-11T00:00:00Z", 98.5, "2026-10-21T00:00:00Z", 97.5,
						"2026-10-31T00:00:00Z", 96.5));

		assertThat(forecast.projectedValue()).isCloseTo(90.4, within(1e-9));
		assertThat(forecast.low()).isCloseTo(90.4, within(1e-9));
		assertThat(forecast.high()).isCloseTo(90.4, within(1e-9));
		assertThat(forecast.projectedProgress()).isEqualTo(0.5);
		assertThat(forecast.lowProgress()).isNull();
		assertThat(forecast.highProgress()).isNull();
		assertThat(forecast.onPace()).isFalse();
	}

	@Test
	void aThresholdKeyResultStayingInRangeIsOnPace() {
		KeyResultDefinition kr = new KeyResultDefinition(KeyResultType.THRESHOLD, null, null, 95.0, 100.0, 1,
				Q4.end());
		KeyResultForecast forecast = KeyResultForecast.of(kr, ObjectiveType.COMMITTED, Q4,
				points("2026-10-01T00:00:00Z", 97, "2026-10-11T00:00:00Z", 98, "2026-10-21T00:00:00Z", 97,
						"2026-10-31T00:00:00Z", 98));

		assertThat(forecast.projectedProgress()).isEqualTo(1.0);
		assertThat(forecast.onPace()).isTrue();
	}

	@Test
	void collinearCheckInsGiveAnIntervalOfNoWidth() {
		KeyResultForecast forecast = KeyResultForecast.of(increase(0, 100, Q4.end()), ObjectiveType.COMMITTED, Q4,
				points("2026-10-01T00:00:00Z", 0, "2026-10-02T00:00:00Z", 1, "2026-10-03T00:00:00Z", 2));

		assertThat(forecast.projectedValue()).isCloseTo(91, within(1e-9));
		assertThat(forecast.high() - forecast.low()).isCloseTo(0, within(1e-9));
	}

	@Test
	void twoCheckInsAreTooFewAndSaySo() {
		KeyResultForecast forecast = KeyResultForecast.of(increase(0, 100, Q4.end()), ObjectiveType.COMMITTED, Q4,
				points("2026-10-01T00:00:00Z", 0, "2026-10-02T00:00:00Z", 1));

		assertThat(forecast.available()).isFalse();
		assertThat(forecast.reason()).isEqualTo("needs at least 3 check-ins in the cycle, has 2");
		assertThat(forecast.projectedValue()).isNull();
		assertThat(forecast.onPace()).isNull();
	}

	@Test
	void checkInsOutsideTheCycleDoNotCount() {
		KeyResultForecast forecast = KeyResultForecast.of(increase(0, 100, Q4.end()), ObjectiveType.COMMITTED, Q4,
				points("2026-09-30T23:59:59Z", 0, "2026-10-02T00:00:00Z", 1, "2026-10-03T00:00:00Z", 2,
						"2027-01-01T00:00:00Z", 3));

		assertThat(forecast.reason()).isEqualTo("needs at least 3 check-ins in the cycle, has 2");
	}

	@Test
	void checkInsAllAtOneInstantGiveNoForecastAndNoDivisionByZero() {
		KeyResultForecast forecast = KeyResultForecast.of(increase(0, 100, Q4.end()), ObjectiveType.COMMITTED, Q4,
				points("2026-10-05T09:00:00Z", 10, "2026-10-05T09:00:00Z", 20, "2026-10-05T09:00:00Z", 30));

		assertThat(forecast.available()).isFalse();
		assertThat(forecast.reason()).contains("same instant");
	}

	@Test
	void milestonesAndBaselinesHaveNoForecast() {
		KeyResultDefinition milestone = new KeyResultDefinition(KeyResultType.MILESTONE, null, null, null, null, 1,
				Q4.end());
		KeyResultDefinition baseline = new KeyResultDefinition(KeyResultType.BASELINE, null, null, null, null, 1,
				Q4.end());
		List<CheckInPoint> three = points("2026-10-01T00:00:00Z", 1, "2026-10-02T00:00:00Z", 2, "2026-10-03T00:00:00Z",
				3);

		assertThat(KeyResultForecast.of(milestone, ObjectiveType.COMMITTED, Q4, three).reason()).contains("MILESTONE");
		assertThat(KeyResultForecast.of(baseline, ObjectiveType.COMMITTED, Q4, three).reason()).contains("BASELINE");
	}

	@Test
	void theOrderOfTheCheckInsDoesNotMatter() {
		KeyResultDefinition kr = increase(0, 100, Q4.end());
		KeyResultForecast sorted = KeyResultForecast.of(kr, ObjectiveType.COMMITTED, Q4,
				points("2026-10-05T09:00:00Z", 5, "2026-10-19T09:00:00Z", 12, "2026-11-02T09:00:00Z", 18.5));
		KeyResultForecast shuffled = KeyResultForecast.of(kr, ObjectiveType.COMMITTED, Q4,
				points("2026-11-02T09:00:00Z", 18.5, "2026-10-05T09:00:00Z", 5, "2026-10-19T09:00:00Z", 12));

		assertThat(shuffled).isEqualTo(sorted);
	}

	static LongStream seeds() {
		return LongStream.rangeClosed(1, 20).map(n -> n * 0x9E3779B97F4A7C15L);
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void theIntervalHoldsTheProjectionAndProgressStaysBetweenZeroAndOne(long seed) {
		Random random = new Random(seed);
		for (int c = 0; c < 200; c++) {
			boolean increase = random.nextBoolean();
			double start = (random.nextDouble() - 0.5) * 1000;
			double target = start + (increase ? 1 : -1) * (1 + random.nextDouble() * 500);
			KeyResultDefinition kr = new KeyResultDefinition(increase ? KeyResultType.INCREASE : KeyResultType.DECREASE,
					start, target, null, null, 1, Q4.start().plusDays(1 + random.nextInt(91)));
			List<CheckInPoint> points = new ArrayList<>();
			int n = 3 + random.nextInt(12);
			for (int i = 0; i < n; i++) {
				Instant at = Instant.parse("2026-10-01T00:00:00Z")
					.plus(Duration.ofMinutes(random.nextInt(60 * 24 * 60)));
				points.add(new CheckInPoint(at, start + (target - start) * random.nextDouble() * 1.2));
			}
			KeyResultForecast f = KeyResultForecast.of(kr, ObjectiveType.values()[random.nextInt(2)], Q4, points);
			String at = "seed " + seed + " case " + c;

			assertThat(f.available()).as(at).isTrue();
			assertThat(f.low()).as(at).isLessThanOrEqualTo(f.projectedValue());
			assertThat(f.high()).as(at).isGreaterThanOrEqualTo(f.projectedValue());
			assertThat(f.projectedProgress()).as(at).isBetween(0.0, 1.0);
			assertThat(f.lowProgress()).as(at).isBetween(0.0, f.projectedProgress());
			assertThat(f.highProgress()).as(at).isBetween(f.projectedProgress(), 1.0);
		}
	}

	private static KeyResultDefinition increase(double start, double target, LocalDate due) {
		return new KeyResultDefinition(KeyResultType.INCREASE, start, target, null, null, 1, due);
	}

	/** Pairs of instant and value. */
	private static List<CheckInPoint> points(Object... pairs) {
		List<CheckInPoint> points = new ArrayList<>();
		for (int i = 0; i < pairs.length; i += 2) {
			points.add(new CheckInPoint(Instant.parse((String) pairs[i]), ((Number) pairs[i + 1]).doubleValue()));
		}
		return points;
	}

	private static void assertClose(double actual, double expected) {
		assertThat(actual).isCloseTo(expected, within(Math.abs(expected) * RELATIVE));
	}
}
