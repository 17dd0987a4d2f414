package app.tandem.kpi.domain;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** A KPI's measurements aggregated per bucket over a range, gaps included. */
public final class Series {

	/** A bound on the answer's size: ten thousand days is over 27 years. */
	static final int MAX_BUCKETS = 10_000;

	private Series() {
	}

	/**
	 * Buckets covering [from, to): every bucket whose start lies in [startOf(from), to), gaps included (value null,
	 * count 0). `points` may be unsorted; points outside [from, to) are ignored. Refuse (IllegalArgumentException)
	 * more than 10,000 buckets.
	 * <p>
	 * The first bucket starts at or before from and the last ends at or after to; their points outside [from, to)
	 * are left out, so those edge buckets may be partial. An empty range (from = to) has no buckets; from after to
	 * is refused. Measurements are unique per instant in storage; this does not check it again.
	 */
	public static List<BucketValue> aggregate(List<Point> points, Bucket bucket, Instant from, Instant to,
			Aggregation aggregation) {
		Objects.requireNonNull(points, "points");
		Objects.requireNonNull(bucket, "bucket");
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(to, "to");
		Objects.requireNonNull(aggregation, "aggregation");
		if (from.isAfter(to)) {
			throw new IllegalArgumentException("from " + from + " is after to " + to);
		}
		List<Instant> bounds = bounds(bucket, from, to);
		// sorted, so that each bucket takes the next run of points in one pass
		List<Point> inRange = points.stream()
			.filter(p -> !p.at().isBefore(from) && p.at().isBefore(to))
			.sorted(Comparator.comparing(Point::at))
			.toList();
		List<BucketValue> buckets = new ArrayList<>(bounds.size());
		int next = 0;
		for (int b = 0; b + 1 < bounds.size(); b++) {
			Instant end = bounds.get(b + 1);
			int first = next;
			while (next < inRange.size() && inRange.get(next).at().isBefore(end)) {
				next++;
			}
			List<Point> in = inRange.subList(first, next);
			buckets.add(new BucketValue(bounds.get(b), end, aggregation.combine(in), in.size()));
		}
		return List.copyOf(buckets);
	}

	/** The starts of the buckets in order, then the end of the last one; none for an empty range. */
	private static List<Instant> bounds(Bucket bucket, Instant from, Instant to) {
		List<Instant> bounds = new ArrayList<>();
		if (from.equals(to)) {
			return bounds;
		}
		try {
			Instant start = bucket.startOf(from);
			while (start.isBefore(to)) {
				if (bounds.size() == MAX_BUCKETS) {
					throw new IllegalArgumentException(
							"more than " + MAX_BUCKETS + " " + bucket + " buckets from " + from + " to " + to);
				}
				bounds.add(start);
				start = bucket.next(start);
			}
			bounds.add(start);
			return bounds;
		}
		catch (DateTimeException beyondTheCalendar) {
			throw new IllegalArgumentException("the range " + from + " to " + to + " is beyond the calendar",
					beyondTheCalendar);
		}
	}
}
