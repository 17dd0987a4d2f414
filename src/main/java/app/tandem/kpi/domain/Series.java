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
		return aggregateTallies(points.stream().map(Tally::of).toList(), bucket, from, to, aggregation);
	}

	/** As {@link #aggregate}, over tallies placed by their {@code at}; counts are the tallies' counts. */
	public static List<BucketValue> aggregateTallies(List<Tally> tallies, Bucket bucket, Instant from, Instant to,
			Aggregation aggregation) {
		Objects.requireNonNull(tallies, "tallies");
		Objects.requireNonNull(bucket, "bucket");
		Objects.requireNonNull(from, "from");
		Objects.requireNonNull(to, "to");
		Objects.requireNonNull(aggregation, "aggregation");
		if (from.isAfter(to)) {
			throw new IllegalArgumentException("from " + from + " is after to " + to);
		}
		List<Instant> bounds = bounds(bucket, from, to);
		// sorted, so that each bucket takes the next run of tallies in one pass
		List<Tally> inRange = tallies.stream()
			.filter(t -> !t.at().isBefore(from) && t.at().isBefore(to))
			.sorted(Comparator.comparing(Tally::at))
			.toList();
		List<BucketValue> buckets = new ArrayList<>(bounds.size());
		int next = 0;
		for (int b = 0; b + 1 < bounds.size(); b++) {
			Instant end = bounds.get(b + 1);
			int first = next;
			while (next < inRange.size() && inRange.get(next).at().isBefore(end)) {
				next++;
			}
			List<Tally> in = inRange.subList(first, next);
			int count = in.stream().mapToInt(Tally::count).sum();
			buckets.add(new BucketValue(bounds.get(b), end, aggregation.combineTallies(in), count));
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
