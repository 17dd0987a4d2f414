package app.tandem.kpi.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** How the values of one period combine into the period's value. */
public enum Aggregation {
	LAST, SUM, AVG, MIN, MAX;

	/**
	 * Combines points of one period (sorted by at ascending; LAST = the value with the latest at). Empty list →
	 * null. LAST looks for the latest instant rather than trusting the order, so unsorted input is harmless too.
	 */
	public Double combine(List<Point> points) {
		Objects.requireNonNull(points, "points");
		if (points.isEmpty()) {
			return null;
		}
		return switch (this) {
			case LAST -> points.stream().max(Comparator.comparing(Point::at)).orElseThrow().value();
			case SUM -> sum(points);
			case AVG -> sum(points) / points.size();
			case MIN -> points.stream().mapToDouble(Point::value).min().orElseThrow();
			case MAX -> points.stream().mapToDouble(Point::value).max().orElseThrow();
		};
	}

	/** DoubleStream.sum compensates rounding, so long periods of small values do not drift. */
	private static double sum(List<Point> points) {
		return points.stream().mapToDouble(Point::value).sum();
	}
}
