package app.tandem.kpi.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** How the values of one period combine into the period's value. */
public enum Aggregation {
	LAST, SUM, AVG, MIN, MAX;

	/**
	 * Combines points of one period (LAST = the value with the latest at; the order of the list does not
	 * matter). Empty list → null.
	 */
	public Double combine(List<Point> points) {
		Objects.requireNonNull(points, "points");
		return combineTallies(points.stream().map(Tally::of).toList());
	}

	/** Combines tallies of one period as if their measurements were combined one by one. Empty list → null. */
	public Double combineTallies(List<Tally> tallies) {
		Objects.requireNonNull(tallies, "tallies");
		if (tallies.isEmpty()) {
			return null;
		}
		return switch (this) {
			case LAST -> tallies.stream().max(Comparator.comparing(Tally::lastAt)).orElseThrow().last();
			case SUM -> sum(tallies);
			case AVG -> sum(tallies) / tallies.stream().mapToLong(Tally::count).sum();
			case MIN -> tallies.stream().mapToDouble(Tally::min).min().orElseThrow();
			case MAX -> tallies.stream().mapToDouble(Tally::max).max().orElseThrow();
		};
	}

	/**
	 * Whether the values add up over time ("revenue this quarter"): a key result measured by such a KPI reads its
	 * total over the cycle; by any other, the KPI's latest period value.
	 */
	public boolean isCumulative() {
		return this == SUM;
	}

	/** DoubleStream.sum compensates rounding, so long periods of small values do not drift. */
	private static double sum(List<Tally> tallies) {
		return tallies.stream().mapToDouble(Tally::sum).sum();
	}
}
