package app.tandem.okr.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import app.tandem.shared.math.LeastSquares;
import app.tandem.shared.math.RunningFit;

/**
 * Where a key result is heading (SPEC "Forecast"): the least-squares line through its value check-ins in the
 * cycle, time in days since the first of them, extended to the start of the due date; the projected value with
 * its 80 % prediction interval, the progress those values would mean, and whether that is on pace: 1.0 for a
 * committed objective, 0.7 for an aspirational one.
 * <p>
 * A THRESHOLD key result's progress is a share of check-ins, so its projected progress counts the check-ins so
 * far and the ones still to come at the same average spacing, each taking the line's value: {@code lowProgress}
 * and {@code highProgress} are then null, the interval's ends not being check-ins. MILESTONE and BASELINE key
 * results have no forecast: a milestone has no values, a baseline is done with its first.
 *
 * @param checkIns the number of check-ins the line goes through
 * @param lowProgress the lower of the progress at {@code low} and at {@code high} (for DECREASE, the high value)
 */
public record KeyResultForecast(boolean available, String reason, Instant at, Integer checkIns, Double projectedValue,
		Double low, Double high, Double projectedProgress, Double lowProgress, Double highProgress, Boolean onPace) {

	/** At least this many check-ins in the cycle: two fix a line, the third gives it an error to measure. */
	public static final int MIN_CHECK_INS = 3;

	/** The prediction interval's level: 80 %, from the 10th to the 90th percentile. */
	public static final double LEVEL = 0.8;

	/** Success for an aspirational objective (SPEC "score": 0.7 is success for aspirational goals). */
	public static final double ASPIRATIONAL_PACE = 0.7;

	public static final double COMMITTED_PACE = 1.0;

	/** As for status boundaries: 0.7 reached even when decimal fractions do not add up exactly in binary. */
	private static final double EPSILON = 1e-9;

	private static final double MICROS_PER_DAY = 86_400_000_000.0;

	public static KeyResultForecast unavailable(String reason) {
		return new KeyResultForecast(false, reason, null, null, null, null, null, null, null, null, null);
	}

	/**
	 * The forecast from the check-ins themselves (for tests and one-off reads; reads of many key results use
	 * the line kept on each key result, {@link #of(KeyResultDefinition, ObjectiveType, Instant, RunningFit, int)}).
	 *
	 * @param checkIns the key result's check-ins with a value (up to the instant of the reading), in any order;
	 * those outside the cycle's days are left out
	 */
	public static KeyResultForecast of(KeyResultDefinition kr, ObjectiveType type, Cycle cycle,
			List<CheckInPoint> checkIns) {
		List<CheckInPoint> points = checkIns.stream()
			.filter(p -> cycle.contains(p.at()))
			.sorted(java.util.Comparator.comparing(CheckInPoint::at))
			.toList();
		Instant origin = points.isEmpty() ? cycle.start().atStartOfDay(ZoneOffset.UTC).toInstant() : points.get(0).at();
		RunningFit fit = RunningFit.EMPTY;
		int inRange = 0;
		for (CheckInPoint point : points) {
			fit = fit.plus(daysSince(origin, point.at()), point.value());
			if (KeyResultProgress.inRange(kr, point.value())) {
				inRange++;
			}
		}
		return of(kr, type, origin, fit, inRange);
	}

	/**
	 * @param origin the instant of x = 0 of the line
	 * @param fit the line through the key result's value check-ins in the cycle, x in days since {@code origin}
	 * @param inRange how many of those check-ins are within [min, max] (for THRESHOLD)
	 */
	public static KeyResultForecast of(KeyResultDefinition kr, ObjectiveType type, Instant origin, RunningFit fit,
			int inRange) {
		switch (kr.type()) {
			case MILESTONE -> {
				return unavailable("a MILESTONE key result is achieved or not: it has no values to draw a line through");
			}
			case BASELINE -> {
				return unavailable("a BASELINE key result is done with its first value: there is nothing to forecast");
			}
			default -> {
			}
		}
		if (fit.n() < MIN_CHECK_INS) {
			return unavailable("needs at least " + MIN_CHECK_INS + " check-ins in the cycle, has " + fit.n());
		}
		LeastSquares.Outcome outcome = fit.line();
		if (outcome instanceof LeastSquares.NoLine noLine) {
			return unavailable(noLine.reason().equals(LeastSquares.SAME_X)
					? "the check-ins in the cycle were all made at the same instant: a line through them has no slope"
					: noLine.reason());
		}
		LeastSquares.Line line = (LeastSquares.Line) outcome;
		Instant due = Instant.ofEpochSecond(kr.dueDate().toEpochDay() * 86_400);
		double xDue = daysSince(origin, due);
		LeastSquares.Interval interval = line.predictionAt(xDue, LEVEL);
		if (!Double.isFinite(interval.low()) || !Double.isFinite(interval.high())) {
			return unavailable("the values are too large to project");
		}
		double pace = type == ObjectiveType.ASPIRATIONAL ? ASPIRATIONAL_PACE : COMMITTED_PACE;
		if (kr.type() == KeyResultType.THRESHOLD) {
			double progress = thresholdProgress(kr, line, fit, inRange, xDue);
			return new KeyResultForecast(true, null, due, fit.n(), interval.value(), interval.low(), interval.high(),
					progress, null, null, progress + EPSILON >= pace);
		}
		double progress = progressAt(kr, interval.value());
		double atLow = progressAt(kr, interval.low());
		double atHigh = progressAt(kr, interval.high());
		return new KeyResultForecast(true, null, due, fit.n(), interval.value(), interval.low(), interval.high(),
				progress, Math.min(atLow, atHigh), Math.max(atLow, atHigh), progress + EPSILON >= pace);
	}

	/**
	 * The line through the value check-ins inside the key result's cycle, x in days since {@code origin} (its
	 * creation), taken in order of time as check-ins usually come: what its row keeps up to date check-in by check-in.
	 */
	public static RunningFit lineThrough(Instant origin, Cycle cycle, List<CheckInPoint> points) {
		RunningFit fit = RunningFit.EMPTY;
		for (CheckInPoint point : points.stream().sorted(java.util.Comparator.comparing(CheckInPoint::at)).toList()) {
			if (cycle.contains(point.at())) {
				fit = fit.plus(daysSince(origin, point.at()), point.value());
			}
		}
		return fit;
	}

	/** Days from {@code origin} to {@code at}, to the microsecond (what both databases keep): a line's x. */
	public static double daysSince(Instant origin, Instant at) {
		Duration d = Duration.between(origin, at);
		return (d.getSeconds() * 1_000_000.0 + d.getNano() / 1_000) / MICROS_PER_DAY;
	}

	private static double progressAt(KeyResultDefinition kr, double value) {
		return KeyResultProgress.of(kr, new Measured(value, null, 0, 0));
	}

	/**
	 * The share of check-ins in range once the check-ins still to come before the due date (at the average spacing
	 * so far, after the last) are in, each at the line's value.
	 */
	private static double thresholdProgress(KeyResultDefinition kr, LeastSquares.Line line, RunningFit fit,
			int inRange, double xDue) {
		int n = fit.n();
		double last = fit.maxX();
		double spacing = (last - fit.minX()) / (n - 1);
		long more = xDue > last ? (long) Math.floor((xDue - last) / spacing) : 0;
		long moreInRange = 0;
		if (more > 0) {
			// the k-th check-in to come is at the line's value at last + k·spacing: k where that is in [min, max]
			double start = line.at(last);
			double step = line.slope() * spacing;
			double from;
			double to;
			if (step == 0) {
				from = KeyResultProgress.inRange(kr, start) ? 1 : Double.POSITIVE_INFINITY;
				to = more;
			}
			else {
				double a = (kr.minValue() - start) / step;
				double b = (kr.maxValue() - start) / step;
				from = Math.max(1, Math.ceil(Math.min(a, b)));
				to = Math.min(more, Math.floor(Math.max(a, b)));
			}
			moreInRange = to >= from ? (long) (to - from) + 1 : 0;
		}
		return Fraction.clamp((double) (inRange + moreInRange) / (n + more));
	}
}
