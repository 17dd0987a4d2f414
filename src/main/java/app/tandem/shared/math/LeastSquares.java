package app.tandem.shared.math;

import java.util.Objects;

/**
 * Ordinary least squares of y on x. Two passes, x and y centred on their means before anything is
 * multiplied, so that large values (days since 1970, revenue in the millions) lose nothing to
 * cancellation; an exact line gives its exact slope and a residual error of zero.
 */
public final class LeastSquares {

	/** Why there is no line through points all at one x. */
	public static final String SAME_X = "all points are at the same instant: a line through them has no slope";

	/** Why there is no line through values whose sums do not stay finite. */
	public static final String TOO_LARGE = "the values are too large or too close together to fit a line";

	/** t(0.9, dof) for dof up to this, worked out once: the factor of every 80 % interval of a forecast. */
	private static final int CACHED_DOF = 200;

	private static final double[] T_90 = new double[CACHED_DOF + 1];

	static {
		for (int dof = 1; dof <= CACHED_DOF; dof++) {
			T_90[dof] = StudentT.quantile(0.9, dof);
		}
	}

	private LeastSquares() {
	}

	/** t((1 + level) / 2, dof), from the table for an 80 % interval. */
	static double tFactor(double level, int dof) {
		return level == 0.8 && dof <= CACHED_DOF ? T_90[dof] : StudentT.quantile((1 + level) / 2, dof);
	}

	/** A line through the points, or why there is none. */
	public sealed interface Outcome permits Line, NoLine {
	}

	/** Why no line could be fitted, in words for the person reading the forecast. */
	public record NoLine(String reason) implements Outcome {
	}

	/**
	 * Fits y ≈ meanY + slope · (x − meanX) through two or more points.
	 *
	 * @return the line, or {@link NoLine} with fewer than two points, with every x the same (no slope can be told
	 * apart), or when the values are too large for the sums to stay finite
	 */
	public static Outcome fit(double[] x, double[] y) {
		Objects.requireNonNull(x, "x");
		Objects.requireNonNull(y, "y");
		if (x.length != y.length) {
			throw new IllegalArgumentException("x and y differ in length: " + x.length + " and " + y.length);
		}
		int n = x.length;
		if (n < 2) {
			return new NoLine("needs at least 2 points, has " + n);
		}
		boolean sameX = true;
		for (int i = 1; i < n && sameX; i++) {
			sameX = x[i] == x[0];
		}
		if (sameX) {
			return new NoLine(SAME_X);
		}
		double meanX = mean(x);
		double meanY = mean(y);
		double sxx = 0;
		double sxy = 0;
		for (int i = 0; i < n; i++) {
			double dx = x[i] - meanX;
			sxx += dx * dx;
			sxy += dx * (y[i] - meanY);
		}
		double slope = sxy / sxx;
		double sse = 0;
		for (int i = 0; i < n; i++) {
			double residual = y[i] - (meanY + slope * (x[i] - meanX));
			sse += residual * residual;
		}
		Line line = new Line(n, meanX, meanY, slope, sxx, sse);
		if (!(sxx > 0) || !Double.isFinite(sxx) || !Double.isFinite(slope) || !Double.isFinite(meanY)
				|| !Double.isFinite(sse)) {
			return new NoLine(TOO_LARGE);
		}
		return line;
	}

	/** The mean by running updates: no sum of the values themselves that could overflow. */
	private static double mean(double[] values) {
		double mean = 0;
		for (int i = 0; i < values.length; i++) {
			mean += (values[i] - mean) / (i + 1);
		}
		return mean;
	}

	/**
	 * A fitted line: y ≈ meanY + slope · (x − meanX), from n points with Sxx = Σ(x − x̄)² and the sum of
	 * squared residuals.
	 */
	public record Line(int n, double meanX, double meanY, double slope, double sxx, double sumOfSquaredResiduals)
			implements Outcome {

		/** The line's value at x. */
		public double at(double x) {
			return meanY + slope * (x - meanX);
		}

		/** The line's value at x = 0. */
		public double intercept() {
			return at(0);
		}

		/** s = √(SSE / (n − 2)), the residual standard error; needs three points or more. */
		public double residualStandardError() {
			requireThreePoints();
			return Math.sqrt(sumOfSquaredResiduals / (n - 2));
		}

		/**
		 * The prediction interval at x of the given two-sided level (0.8 for 80 %): ŷ ± t((1 + level) / 2, n − 2) ·
		 * s · √(1 + 1/n + (x − x̄)² / Sxx), where a new observation at x falls with that probability if the points
		 * scatter normally about a straight line.
		 */
		public Interval predictionAt(double x, double level) {
			if (!(level > 0 && level < 1)) {
				throw new IllegalArgumentException("level must lie strictly between 0 and 1, not " + level);
			}
			requireThreePoints();
			double value = at(x);
			double dx = x - meanX;
			double halfWidth = tFactor(level, n - 2) * residualStandardError()
					* Math.sqrt(1 + 1.0 / n + dx * dx / sxx);
			return new Interval(value - halfWidth, value, value + halfWidth);
		}

		private void requireThreePoints() {
			if (n < 3) {
				throw new IllegalStateException("a residual error needs at least 3 points, not " + n);
			}
		}
	}

	/** An estimate with the low and high ends of its interval. */
	public record Interval(double low, double value, double high) {
	}
}
