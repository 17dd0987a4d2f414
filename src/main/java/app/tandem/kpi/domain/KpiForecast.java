package app.tandem.kpi.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import app.tandem.shared.math.LeastSquares;

/**
 * Where a KPI is heading (SPEC "Forecast"): the least-squares line through its last 10 period values (the points
 * of its trend: x counts periods, a gap keeps its place), extended to the period after the last one; the value
 * there with its 80 % prediction interval; and when the line crosses the warning threshold or reaches the target,
 * if it is heading there and the latest value is not past it already.
 * <p>
 * Crossings, by direction: HIGHER_IS_BETTER falls below the warning threshold (when the line falls and the latest
 * value is not RED) and reaches the target (when it rises and the value is below the target); LOWER_IS_BETTER the
 * same, mirrored. WITHIN_RANGE leaves the warning band [lower − margin, upper + margin] (margin 0 when not set) on
 * the side the line heads to, when the value is within the band; and reaches the range, on the side the value is,
 * when the value is outside it and the line heads into it. Period k of the line stands at the start of its bucket;
 * an x between two periods at the same share of the time between their starts. A crossing more than
 * {@value #HORIZON} periods ahead is not reported.
 *
 * @param periods how many period values the line goes through
 * @param at the start of the period after the last one: where {@code projectedValue} stands
 * @param warningAt when the line crosses the warning threshold (or leaves the warning band), else null
 * @param targetAt when the line reaches the target (or the range), else null
 */
public record KpiForecast(boolean available, String reason, Integer periods, Instant at, Double projectedValue,
		Double low, Double high, Instant warningAt, Instant targetAt) {

	public static final int MIN_PERIODS = 3;

	/** The prediction interval's level: 80 %, from the 10th to the 90th percentile. */
	public static final double LEVEL = 0.8;

	/** Crossings further ahead than this many periods are not reported (for a daily KPI, 27 years). */
	static final int HORIZON = Series.MAX_BUCKETS;

	public static KpiForecast unavailable(String reason) {
		return new KpiForecast(false, Objects.requireNonNull(reason, "reason"), null, null, null, null, null, null, null);
	}

	/** As for too few values: a KPI without values (or without a series) has none to draw a line through. */
	public static KpiForecast withoutValues() {
		return unavailable(tooFew(0));
	}

	private static String tooFew(int n) {
		return "needs at least " + MIN_PERIODS + " period values, has " + n;
	}

	/**
	 * @param series consecutive buckets of the KPI's own period, the last one holding its newest value (as the
	 * status and the trend read them)
	 */
	public static KpiForecast of(List<BucketValue> series, Bucket bucket, Thresholds thresholds) {
		Objects.requireNonNull(series, "series");
		Objects.requireNonNull(bucket, "bucket");
		Objects.requireNonNull(thresholds, "thresholds");
		List<Double> values = series.stream().map(BucketValue::value).toList();
		List<Integer> recent = Trend.recent(values);
		if (recent.size() < MIN_PERIODS) {
			return unavailable(tooFew(recent.size()));
		}
		int n = recent.size();
		double[] x = new double[n];
		double[] y = new double[n];
		for (int i = 0; i < n; i++) {
			// oldest first
			int period = recent.get(n - 1 - i);
			x[i] = period;
			y[i] = values.get(period);
		}
		LeastSquares.Outcome outcome = LeastSquares.fit(x, y);
		if (outcome instanceof LeastSquares.NoLine noLine) {
			return unavailable(noLine.reason());
		}
		LeastSquares.Line line = (LeastSquares.Line) outcome;
		int next = series.size();
		LeastSquares.Interval interval = line.predictionAt(next, LEVEL);
		if (!Double.isFinite(interval.low()) || !Double.isFinite(interval.high())) {
			return unavailable("the values are too large to project");
		}
		double latest = y[n - 1];
		Crossings crossings = crossings(line, latest, thresholds);
		return new KpiForecast(true, null, n, series.get(next - 1).end(), interval.value(), interval.low(),
				interval.high(), instantAt(crossings.warning(), series, bucket),
				instantAt(crossings.target(), series, bucket));
	}

	/** Where (in periods) the line crosses the warning threshold and the target, when it heads there; else NaN. */
	private record Crossings(double warning, double target) {
	}

	private static Crossings crossings(LeastSquares.Line line, double latest, Thresholds t) {
		double slope = line.slope();
		double warning = Double.NaN;
		double target = Double.NaN;
		switch (t.direction()) {
			case HIGHER_IS_BETTER -> {
				if (t.warningThreshold() != null && slope < 0 && latest >= t.warningThreshold()) {
					warning = where(line, t.warningThreshold());
				}
				if (t.target() != null && slope > 0 && latest < t.target()) {
					target = where(line, t.target());
				}
			}
			case LOWER_IS_BETTER -> {
				if (t.warningThreshold() != null && slope > 0 && latest <= t.warningThreshold()) {
					warning = where(line, t.warningThreshold());
				}
				if (t.target() != null && slope < 0 && latest > t.target()) {
					target = where(line, t.target());
				}
			}
			case WITHIN_RANGE -> {
				if (t.lowerBound() != null && t.upperBound() != null) {
					double margin = t.warningMargin() == null ? 0 : t.warningMargin();
					double bandLow = t.lowerBound() - margin;
					double bandHigh = t.upperBound() + margin;
					if (latest >= bandLow && latest <= bandHigh && slope != 0) {
						warning = where(line, slope > 0 ? bandHigh : bandLow);
					}
					if (latest < t.lowerBound() && slope > 0) {
						target = where(line, t.lowerBound());
					}
					else if (latest > t.upperBound() && slope < 0) {
						target = where(line, t.upperBound());
					}
				}
			}
		}
		return new Crossings(warning, target);
	}

	/** The x where the line takes the value; the slope is not 0 here. */
	private static double where(LeastSquares.Line line, double value) {
		return line.meanX() + (value - line.meanY()) / line.slope();
	}

	/**
	 * The instant of x periods: period k at the start of the k-th bucket of the series (counting on past its end
	 * with the bucket's calendar), a fraction of a period as that share of its bucket. Never before the series
	 * starts; null for NaN, or beyond the horizon.
	 */
	static Instant instantAt(double x, List<BucketValue> series, Bucket bucket) {
		if (Double.isNaN(x) || x > series.size() + (double) HORIZON) {
			return null;
		}
		double periods = Math.max(0, x);
		int whole = (int) Math.floor(periods);
		double fraction = periods - whole;
		Instant start;
		if (whole < series.size()) {
			start = series.get(whole).start();
		}
		else {
			start = series.get(series.size() - 1).end();
			for (int k = series.size(); k < whole; k++) {
				start = bucket.next(start);
			}
		}
		Instant end = bucket.next(start);
		long micros = Duration.between(start, end).toNanos() / 1_000;
		return start.plus(Duration.ofNanos(Math.round(fraction * micros) * 1_000));
	}
}
