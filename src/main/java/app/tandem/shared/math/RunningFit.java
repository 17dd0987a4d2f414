package app.tandem.shared.math;

/**
 * A least-squares line kept up to date one point at a time, so that it can live on a row and take each new
 * point without reading the earlier ones again: Welford's updates of the means and of the centred sums Sxx, Sxy
 * and Syy, and the residual sum of squares grown by each point's recursive residual (Brown, Durbin and Evans
 * 1975): SSE' = SSE + e² / (1 + h), where e is the new point's distance from the line before it and h = 1/n +
 * (x − x̄)² / Sxx its leverage. Every term is centred, and SSE only ever adds squares: no Σy² − n·ȳ² to cancel.
 * The points may come in any order; the line is the same (to rounding) as {@link LeastSquares#fit}'s.
 * <p>
 * None of it overflows for the values Tandem accepts (|y| ≤ 1e15, {@code Magnitudes}), whatever x: each centred
 * square is at most (2e15)² · n, and each point adds at most 2·dy² + 2·Syy to SSE (Cauchy–Schwarz: Sxy² ≤ Sxx·Syy,
 * so e² / (1 + h) ≤ 2·dy² + 2·Sxy² / Sxx, however close or far apart the x), so even 2³¹ points stay below 1e50. x
 * (days between timestamps the databases keep) is below 4e11, its squares below 1e24 per point.
 * <p>
 * The same arithmetic runs in SQL where a row takes a point ({@code KeyResultStore.applyCheckIn}): change one,
 * change the other.
 *
 * @param minX the smallest x so far (NaN without points)
 * @param maxX the largest x so far (NaN without points)
 */
public record RunningFit(int n, double meanX, double meanY, double sxx, double sxy, double syy, double sse,
		double minX, double maxX) {

	public static final RunningFit EMPTY = new RunningFit(0, 0, 0, 0, 0, 0, 0, Double.NaN, Double.NaN);

	public static RunningFit of(double[] x, double[] y) {
		if (x.length != y.length) {
			throw new IllegalArgumentException("x and y differ in length: " + x.length + " and " + y.length);
		}
		RunningFit fit = EMPTY;
		for (int i = 0; i < x.length; i++) {
			fit = fit.plus(x[i], y[i]);
		}
		return fit;
	}

	/** This line with one more point. */
	public RunningFit plus(double x, double y) {
		double dx = x - meanX;
		double dy = y - meanY;
		int next = n + 1;
		double residuals;
		if (n < 2) {
			// one point, or two: a line goes through them
			residuals = 0;
		}
		else if (sxx == 0) {
			// all points so far at one x: the line goes through their mean and the new point, so their spread
			// about their mean is what is left (none while the new point is at that x too)
			residuals = x == meanX ? 0 : syy;
		}
		else {
			double e = y - meanY - sxy / sxx * dx;
			double h = 1.0 / n + dx * dx / sxx;
			residuals = sse + e * e / (1 + h);
		}
		return new RunningFit(next, meanX + dx / next, meanY + dy / next, sxx + dx * dx * n / next,
				sxy + dx * dy * n / next, syy + dy * dy * n / next, residuals, n == 0 ? x : Math.min(minX, x),
				n == 0 ? x : Math.max(maxX, x));
	}

	/** The line through the points, or why there is none (as {@link LeastSquares#fit} says it). */
	public LeastSquares.Outcome line() {
		if (n < 2) {
			return new LeastSquares.NoLine("needs at least 2 points, has " + n);
		}
		if (sxx == 0 || minX == maxX) {
			return new LeastSquares.NoLine(LeastSquares.SAME_X);
		}
		double slope = sxy / sxx;
		if (!(sxx > 0) || !Double.isFinite(sxx) || !Double.isFinite(slope) || !Double.isFinite(meanY)
				|| !Double.isFinite(sse)) {
			return new LeastSquares.NoLine(LeastSquares.TOO_LARGE);
		}
		return new LeastSquares.Line(n, meanX, meanY, slope, sxx, Math.max(0, sse));
	}
}
