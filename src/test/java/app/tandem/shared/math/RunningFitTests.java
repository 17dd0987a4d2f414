package app.tandem.shared.math;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The line kept one point at a time gives LeastSquares' line: against the NumPy figures of LeastSquaresTests, and
 * against the two-pass fit over random points in random order.
 */
class RunningFitTests {

	private static final double RELATIVE = 1e-9;

	@Test
	void aKeyResultsCheckInsMatchNumpyWhateverTheirOrder() {
		// numpy.polyfit([0, 7, 14, 21, 28.5], [10, 14.2, 17.9, 23.1, 26.0], 1) and its 80 % interval at 91
		double[] x = { 14, 0, 28.5, 7, 21 };
		double[] y = { 17.9, 10, 26.0, 14.2, 23.1 };
		LeastSquares.Line line = (LeastSquares.Line) RunningFit.of(x, y).line();
		LeastSquares.Interval at91 = line.predictionAt(91, 0.8);

		assertClose(line.slope(), 0.5755255850852837);
		assertClose(line.intercept(), 10.125089250297496);
		assertClose(line.residualStandardError(), 0.6234275472344813);
		assertClose(at91.low(), 58.82670510362952);
		assertClose(at91.high(), 66.1691298824871);
	}

	@Test
	void largeValuesCloseTogetherMatchNumpy() {
		LeastSquares.Line line = (LeastSquares.Line) RunningFit.of(new double[] { 0, 0.5, 3.25, 10, 10.125, 20, 41 },
				new double[] { 1000000.5, 1000003.25, 999998.0, 1000010.0, 1000007.5, 1000020.0, 1000050.0 }).line();
		LeastSquares.Interval at60 = line.predictionAt(60, 0.8);

		assertClose(line.residualStandardError(), 3.502232698759668);
		assertClose(at60.value(), 1000070.981145182);
		assertClose(at60.high() - at60.value(), 1000079.8656434966 - 1000070.981145182, 1e-8);
	}

	@Test
	void pointsAtOneInstantFirstThenElsewhere() {
		// three at x = 0 (1, 2, 3), then (3, 8): the line goes through (0, 2) and (3, 8), SSE = 1 + 0 + 1
		RunningFit fit = RunningFit.of(new double[] { 0, 0, 0, 3 }, new double[] { 1, 2, 3, 8 });
		LeastSquares.Line line = (LeastSquares.Line) fit.line();
		LeastSquares.Line twoPass = (LeastSquares.Line) LeastSquares.fit(new double[] { 0, 0, 0, 3 },
				new double[] { 1, 2, 3, 8 });

		assertThat(line.slope()).isCloseTo(2, within(1e-12));
		assertThat(line.sumOfSquaredResiduals()).isCloseTo(2, within(1e-12));
		assertThat(twoPass.sumOfSquaredResiduals()).isCloseTo(2, within(1e-12));
		assertThat(RunningFit.of(new double[] { 5, 5, 5 }, new double[] { 1, 2, 3 }).line())
			.isEqualTo(new LeastSquares.NoLine(LeastSquares.SAME_X));
	}

	@Test
	void collinearPointsLeaveNoResiduals() {
		RunningFit fit = RunningFit.of(new double[] { 0, 1, 2, 3, 7 }, new double[] { 5, 7, 9, 11, 19 });

		assertThat(fit.sse()).isZero();
		assertThat(fit.minX()).isZero();
		assertThat(fit.maxX()).isEqualTo(7);
	}

	@Test
	void fewerThanTwoPointsGiveNoLine() {
		assertThat(RunningFit.EMPTY.line()).isInstanceOf(LeastSquares.NoLine.class);
		assertThat(RunningFit.EMPTY.plus(1, 1).line()).isInstanceOf(LeastSquares.NoLine.class);
	}

	static LongStream seeds() {
		return LongStream.rangeClosed(1, 20).map(n -> n * 0x9E3779B97F4A7C15L);
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void keptOnePointAtATimeItIsTheTwoPassLine(long seed) {
		Random random = new Random(seed);
		for (int c = 0; c < 200; c++) {
			int n = 3 + random.nextInt(40);
			double[] x = new double[n];
			double[] y = new double[n];
			double slope = (random.nextDouble() - 0.5) * 20;
			double level = (random.nextDouble() - 0.5) * 1e6;
			for (int i = 0; i < n; i++) {
				// some instants repeat, as back-dated check-ins may
				x[i] = i > 0 && random.nextInt(5) == 0 ? x[random.nextInt(i)] : random.nextDouble() * 90;
				y[i] = level + slope * x[i] + random.nextGaussian() * (1 + random.nextInt(100));
			}
			LeastSquares.Outcome twoPass = LeastSquares.fit(x, y);
			LeastSquares.Outcome running = RunningFit.of(x, y).line();
			String at = "seed " + seed + " case " + c;
			if (twoPass instanceof LeastSquares.NoLine) {
				assertThat(running).as(at).isInstanceOf(LeastSquares.NoLine.class);
				continue;
			}
			LeastSquares.Line a = (LeastSquares.Line) twoPass;
			LeastSquares.Line b = (LeastSquares.Line) running;
			double x0 = 91 + random.nextDouble() * 30;

			assertThat(b.slope()).as(at).isCloseTo(a.slope(), within(Math.abs(a.slope()) * 1e-9 + 1e-12));
			assertThat(b.at(x0)).as(at).isCloseTo(a.at(x0), within(Math.abs(a.at(x0)) * 1e-12));
			assertThat(b.residualStandardError()).as(at)
				.isCloseTo(a.residualStandardError(), within(a.residualStandardError() * 1e-9));
			assertThat(b.predictionAt(x0, 0.8).high()).as(at)
				.isCloseTo(a.predictionAt(x0, 0.8).high(), within(Math.abs(a.at(x0)) * 1e-12));
		}
	}

	private static void assertClose(double actual, double expected) {
		assertClose(actual, expected, RELATIVE);
	}

	private static void assertClose(double actual, double expected, double relative) {
		assertThat(actual).isCloseTo(expected, within(Math.abs(expected) * relative));
	}
}
