package app.tandem.shared.math;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import app.tandem.shared.Magnitudes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 14, A4: with values within ±{@link Magnitudes#MAX} the line's running sums stay finite, whatever the x
 * (days, as far apart as timestamps go, or a microsecond apart) and the order of the points, so a backup never
 * meets an infinity.
 */
class RunningFitMagnitudesTests {

	/** Days across the widest timestamps the databases keep (H2: ±999,999,999 years), and a microsecond. */
	private static final double WIDEST_DAYS = 3.7e11;

	private static final double MICROSECOND_DAYS = 1e-6 / 86_400;

	@ParameterizedTest
	@ValueSource(longs = { 1, 2, 3, 4, 5 })
	void theLargestAcceptedValuesKeepEverySumFinite(long seed) {
		Random random = new Random(seed);
		RunningFit fit = RunningFit.EMPTY;
		for (int i = 0; i < 200_000; i++) {
			double x = switch (random.nextInt(4)) {
				case 0 -> random.nextBoolean() ? WIDEST_DAYS : -WIDEST_DAYS;
				case 1 -> i * MICROSECOND_DAYS;
				case 2 -> 0;
				default -> (random.nextDouble() * 2 - 1) * WIDEST_DAYS;
			};
			double y = switch (random.nextInt(3)) {
				case 0 -> Magnitudes.MAX;
				case 1 -> -Magnitudes.MAX;
				default -> (random.nextDouble() * 2 - 1) * Magnitudes.MAX;
			};
			fit = fit.plus(x, y);
		}
		assertFinite(fit);
	}

	@ParameterizedTest
	@ValueSource(ints = { 3, 1000, 100_000 })
	void pointsAMicrosecondApartAtBothEndsOfTheRangeKeepEverySumFinite(int n) {
		RunningFit fit = RunningFit.EMPTY;
		for (int i = 0; i < n; i++) {
			fit = fit.plus(i * MICROSECOND_DAYS, i % 2 == 0 ? Magnitudes.MAX : -Magnitudes.MAX);
		}
		fit = fit.plus(WIDEST_DAYS, -Magnitudes.MAX).plus(-WIDEST_DAYS, Magnitudes.MAX);
		assertFinite(fit);
	}

	private static void assertFinite(RunningFit fit) {
		for (double sum : new double[] { fit.meanX(), fit.meanY(), fit.sxx(), fit.sxy(), fit.syy(), fit.sse(),
				fit.minX(), fit.maxX() }) {
			assertThat(Double.isFinite(sum)).as(fit.toString()).isTrue();
		}
	}
}
