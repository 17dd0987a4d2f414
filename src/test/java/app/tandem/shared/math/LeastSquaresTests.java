package app.tandem.shared.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The least-squares line and its 80 % prediction interval, against NumPy 1.24.2 and SciPy 1.10.1 (Debian's
 * python3-numpy and python3-scipy). Each reference was computed as
 * <pre>
 * slope, intercept = numpy.polyfit(x, y, 1)
 * s = numpy.sqrt(numpy.sum((y - (slope * x + intercept))**2) / (n - 2))
 * t = scipy.optimize.brentq(lambda v: scipy.special.stdtr(n - 2, v) - 0.9, -1e4, 1e4, xtol=1e-300, rtol=1e-15)
 * half = t * s * numpy.sqrt(1 + 1/n + (x0 - x.mean())**2 / numpy.sum((x - x.mean())**2))
 * </pre>
 * and printed with {@code repr}; the low and high ends are {@code slope * x0 + intercept ∓ half}. (The root of
 * {@code stdtr}, not {@code scipy.stats.t.ppf}, which is off by 2e-9 at 3 degrees of freedom: see StudentTTests.)
 * Then properties over seeded random cases.
 */
class LeastSquaresTests {

	private static final double RELATIVE = 1e-9;

	private static final int CASES = 200;

	@Test
	void aKeyResultsCheckInsMatchNumpy() {
		// x = [0, 7, 14, 21, 28.5] (days), y = [10, 14.2, 17.9, 23.1, 26.0], x0 = 91
		LeastSquares.Line line = line(new double[] { 0, 7, 14, 21, 28.5 }, new double[] { 10, 14.2, 17.9, 23.1, 26.0 });
		LeastSquares.Interval at91 = line.predictionAt(91, 0.8);

		assertClose(line.slope(), 0.5755255850852837);
		assertClose(line.intercept(), 10.125089250297496);
		assertClose(line.residualStandardError(), 0.6234275472344813);
		assertClose(at91.value(), 62.49791749305831);
		assertClose(at91.low(), 58.82670510362952);
		assertClose(at91.high(), 66.1691298824871);
	}

	@Test
	void threePointsByHandAndByNumpy() {
		// By hand: x̄ = 1, ȳ = 7/3, Sxx = 2, Sxy = 3, slope 3/2, intercept 5/6; residuals −1/6, 1/3, −1/6, so
		// SSE = 1/6 and s = √(1/6); at x0 = 5: ŷ = 25/3, half = tan(0.4π) · √(1/6) · √(1 + 1/3 + 16/2).
		// numpy: slope 1.5000000000000004, intercept 0.8333333333333328, low 4.494787552991889, high 12.171879113674779
		LeastSquares.Line line = line(new double[] { 0, 1, 2 }, new double[] { 1, 2, 4 });
		LeastSquares.Interval at5 = line.predictionAt(5, 0.8);
		double half = Math.tan(0.4 * Math.PI) * Math.sqrt(1.0 / 6) * Math.sqrt(1 + 1.0 / 3 + 16.0 / 2);

		assertClose(line.slope(), 1.5);
		assertClose(line.intercept(), 5.0 / 6);
		assertClose(line.residualStandardError(), Math.sqrt(1.0 / 6));
		assertClose(at5.value(), 25.0 / 3);
		assertClose(at5.low(), 25.0 / 3 - half);
		assertClose(at5.high(), 25.0 / 3 + half);
		assertClose(at5.low(), 4.494787552991889);
		assertClose(at5.high(), 12.171879113674779);
	}

	@Test
	void largeValuesCloseTogetherMatchNumpy() {
		// y around a million that moves by tens: a one-pass Σy² − n·ȳ² would lose half its digits here
		LeastSquares.Line line = line(new double[] { 0, 0.5, 3.25, 10, 10.125, 20, 41 },
				new double[] { 1000000.5, 1000003.25, 999998.0, 1000010.0, 1000007.5, 1000020.0, 1000050.0 });
		LeastSquares.Interval at60 = line.predictionAt(60, 0.8);

		assertClose(line.slope(), 1.2163163484514294);
		assertClose(line.intercept(), 999998.0021642749);
		assertClose(line.residualStandardError(), 3.502232698759668);
		assertClose(at60.value(), 1000070.981145182);
		assertClose(at60.low(), 1000062.0966468675);
		assertClose(at60.high(), 1000079.8656434966);
		// the interval's half width to 1e-9 of itself, not only of a million
		assertClose(at60.high() - at60.value(), 1000079.8656434966 - 1000070.981145182, 1e-8);
	}

	@Test
	void fewerThanTwoPointsOrOneInstantGiveNoLine() {
		assertThat(LeastSquares.fit(new double[] {}, new double[] {})).isInstanceOf(LeastSquares.NoLine.class);
		assertThat(LeastSquares.fit(new double[] { 3 }, new double[] { 1 })).isInstanceOf(LeastSquares.NoLine.class);
		assertThat(LeastSquares.fit(new double[] { 2, 2, 2 }, new double[] { 1, 5, 9 }))
			.isEqualTo(new LeastSquares.NoLine("all points are at the same instant: a line through them has no slope"));
	}

	@Test
	void valuesTooLargeForTheSumsGiveNoLineRatherThanInfinity() {
		assertThat(LeastSquares.fit(new double[] { 0, 1, 2 }, new double[] { -Double.MAX_VALUE, Double.MAX_VALUE, 0 }))
			.isInstanceOf(LeastSquares.NoLine.class);
	}

	@Test
	void twoPointsGiveALineButNoInterval() {
		LeastSquares.Line line = line(new double[] { 0, 2 }, new double[] { 1, 5 });

		assertThat(line.slope()).isEqualTo(2);
		assertThatThrownBy(() -> line.predictionAt(3, 0.8)).isInstanceOf(IllegalStateException.class);
	}

	@Test
	void collinearPointsGiveAnIntervalOfNoWidth() {
		LeastSquares.Interval at = line(new double[] { 0, 1, 2, 3 }, new double[] { 5, 7, 9, 11 }).predictionAt(10, 0.8);

		assertThat(at.low()).isEqualTo(25);
		assertThat(at.value()).isEqualTo(25);
		assertThat(at.high()).isEqualTo(25);
	}

	static LongStream seeds() {
		return LongStream.rangeClosed(1, 20).map(n -> n * 0x9E3779B97F4A7C15L);
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void anExactLineIsRecovered(long seed) {
		Random random = new Random(seed);
		for (int c = 0; c < CASES; c++) {
			double slope = (random.nextDouble() - 0.5) * 200;
			double intercept = (random.nextDouble() - 0.5) * 1e4;
			double[] x = distinctXs(random, 3 + random.nextInt(10));
			double[] y = new double[x.length];
			for (int i = 0; i < x.length; i++) {
				y[i] = intercept + slope * x[i];
			}
			LeastSquares.Line line = line(x, y);
			String at = "seed " + seed + " case " + c;
			double scale = Math.abs(intercept) + Math.abs(slope) * 100;

			assertThat(line.slope()).as(at).isCloseTo(slope, within(scale * 1e-12));
			assertThat(line.intercept()).as(at).isCloseTo(intercept, within(scale * 1e-12));
			assertThat(line.residualStandardError()).as(at).isLessThan(scale * 1e-12);
		}
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void noisierPointsWidenTheInterval(long seed) {
		Random random = new Random(seed);
		for (int c = 0; c < CASES; c++) {
			double[] x = distinctXs(random, 3 + random.nextInt(10));
			double[] noise = new double[x.length];
			for (int i = 0; i < x.length; i++) {
				noise[i] = random.nextGaussian();
			}
			double louder = 1.5 + random.nextDouble() * 5;
			double x0 = x[x.length - 1] + random.nextDouble() * 60;
			LeastSquares.Interval quiet = line(x, along(x, 20, 0.5, noise, 1)).predictionAt(x0, 0.8);
			LeastSquares.Interval loud = line(x, along(x, 20, 0.5, noise, louder)).predictionAt(x0, 0.8);
			String at = "seed " + seed + " case " + c;

			assertThat(loud.high() - loud.low()).as(at).isGreaterThan(quiet.high() - quiet.low());
			// the residuals scale with the noise, and so does the interval
			assertThat((loud.high() - loud.low()) / (quiet.high() - quiet.low())).as(at)
				.isCloseTo(louder, within(louder * 1e-9));
		}
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void translatingTheValuesShiftsTheProjectionAndKeepsTheWidth(long seed) {
		Random random = new Random(seed);
		for (int c = 0; c < CASES; c++) {
			double[] x = distinctXs(random, 3 + random.nextInt(10));
			double[] noise = new double[x.length];
			for (int i = 0; i < x.length; i++) {
				noise[i] = random.nextGaussian();
			}
			double shift = (random.nextDouble() - 0.5) * 1000;
			double x0 = x[x.length - 1] + random.nextDouble() * 60;
			double[] y = along(x, 50, -0.3, noise, 2);
			double[] shifted = y.clone();
			for (int i = 0; i < y.length; i++) {
				shifted[i] += shift;
			}
			LeastSquares.Interval before = line(x, y).predictionAt(x0, 0.8);
			LeastSquares.Interval after = line(x, shifted).predictionAt(x0, 0.8);
			String at = "seed " + seed + " case " + c;

			assertThat(after.value()).as(at).isCloseTo(before.value() + shift, within(1e-9 * (Math.abs(shift) + 100)));
			assertThat(after.high() - after.low()).as(at)
				.isCloseTo(before.high() - before.low(), within(1e-9 * (Math.abs(shift) + 100)));
		}
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void movingTheTimeAxisChangesNothingButWhereThePointsAre(long seed) {
		Random random = new Random(seed);
		for (int c = 0; c < CASES; c++) {
			double[] x = distinctXs(random, 3 + random.nextInt(10));
			double[] noise = new double[x.length];
			for (int i = 0; i < x.length; i++) {
				noise[i] = random.nextGaussian();
			}
			double[] y = along(x, 5, 1.5, noise, 3);
			double offset = 20_000 + random.nextInt(1000);
			double[] later = x.clone();
			for (int i = 0; i < x.length; i++) {
				later[i] += offset;
			}
			double x0 = x[x.length - 1] + 30;
			LeastSquares.Interval near = line(x, y).predictionAt(x0, 0.8);
			LeastSquares.Interval far = line(later, y).predictionAt(x0 + offset, 0.8);
			String at = "seed " + seed + " case " + c;

			assertThat(far.value()).as(at).isCloseTo(near.value(), within(1e-9 * (Math.abs(near.value()) + 1)));
			assertThat(far.low()).as(at).isCloseTo(near.low(), within(1e-9 * (Math.abs(near.low()) + 1)));
			assertThat(far.high()).as(at).isCloseTo(near.high(), within(1e-9 * (Math.abs(near.high()) + 1)));
		}
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void theIntervalHoldsTheProjectionAndWidensAwayFromTheMiddle(long seed) {
		Random random = new Random(seed);
		for (int c = 0; c < CASES; c++) {
			double[] x = distinctXs(random, 3 + random.nextInt(10));
			double[] noise = new double[x.length];
			for (int i = 0; i < x.length; i++) {
				noise[i] = random.nextGaussian();
			}
			LeastSquares.Line line = line(x, along(x, 0, 1, noise, 1));
			double near = line.meanX() + random.nextDouble() * 10;
			double far = near + 1 + random.nextDouble() * 100;
			LeastSquares.Interval atNear = line.predictionAt(near, 0.8);
			LeastSquares.Interval atFar = line.predictionAt(far, 0.8);
			String at = "seed " + seed + " case " + c;

			assertThat(atNear.low()).as(at).isLessThanOrEqualTo(atNear.value());
			assertThat(atNear.high()).as(at).isGreaterThanOrEqualTo(atNear.value());
			assertThat(atFar.high() - atFar.low()).as(at).isGreaterThan(atNear.high() - atNear.low());
		}
	}

	/** n distinct instants in days, sorted, from 0 over up to 90 days (a quarter), to the microsecond. */
	private static double[] distinctXs(Random random, int n) {
		java.util.TreeSet<Long> micros = new java.util.TreeSet<>();
		micros.add(0L);
		while (micros.size() < n) {
			micros.add((long) (random.nextDouble() * 90 * 86_400_000_000L));
		}
		return micros.stream().mapToDouble(m -> m / 86_400_000_000.0).toArray();
	}

	private static double[] along(double[] x, double intercept, double slope, double[] noise, double loudness) {
		double[] y = new double[x.length];
		for (int i = 0; i < x.length; i++) {
			y[i] = intercept + slope * x[i] + noise[i] * loudness;
		}
		return y;
	}

	private static LeastSquares.Line line(double[] x, double[] y) {
		LeastSquares.Outcome outcome = LeastSquares.fit(x, y);
		assertThat(outcome).isInstanceOf(LeastSquares.Line.class);
		return (LeastSquares.Line) outcome;
	}

	private static void assertClose(double actual, double expected) {
		assertClose(actual, expected, RELATIVE);
	}

	private static void assertClose(double actual, double expected, double relative) {
		assertThat(actual).isCloseTo(expected, within(Math.abs(expected) * relative));
	}
}
