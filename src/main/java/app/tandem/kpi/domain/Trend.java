package app.tandem.kpi.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Which way and how fast a KPI moves: the least-squares slope of its last period values. */
public final class Trend {

	/** SPEC: the trend looks at the last 10 period values. */
	static final int PERIODS = 10;

	private Trend() {
	}

	/**
	 * Least-squares slope over the values in order (x = 0,1,2,… per period), using at most the last 10 non-null
	 * values; null with fewer than 2. A null (a period without a value) is skipped but keeps its x, so that the
	 * slope stays per period across a gap: 2, null, 6 rises by 2 per period.
	 */
	public static Double slope(List<Double> periodValues) {
		TrendLine line = line(periodValues);
		return line == null ? null : line.slope();
	}

	/**
	 * The periods (x = 0 at the first value given) of the last 10 non-null values, newest first: the points of
	 * the trend, and of the forecast that extends it.
	 */
	static List<Integer> recent(List<Double> periodValues) {
		Objects.requireNonNull(periodValues, "periodValues");
		List<Integer> xs = new ArrayList<>();
		for (int x = periodValues.size() - 1; x >= 0 && xs.size() < PERIODS; x--) {
			if (periodValues.get(x) != null) {
				xs.add(x);
			}
		}
		return xs;
	}

	/** The line itself (x = 0 at the first value given), or null with fewer than 2 non-null values. */
	static TrendLine line(List<Double> periodValues) {
		List<Integer> xs = recent(periodValues);
		if (xs.size() < 2) {
			return null;
		}
		double meanX = xs.stream().mapToDouble(x -> x).average().orElseThrow();
		double meanY = xs.stream().mapToDouble(periodValues::get).average().orElseThrow();
		// centred sums: exact for exact lines and steadier than Σxy − n·x̄·ȳ
		double covariance = 0;
		double variance = 0;
		for (int x : xs) {
			covariance += (x - meanX) * (periodValues.get(x) - meanY);
			variance += (x - meanX) * (x - meanX);
		}
		double slope = covariance / variance;
		double intercept = meanY - slope * meanX;
		// a formula's values may reach far beyond what is measured (1e15 · 1e15 …): no line rather than infinity,
		// which the KPI row could hold but a backup could not carry
		return Double.isFinite(slope) && Double.isFinite(intercept) ? new TrendLine(slope, intercept) : null;
	}
}
