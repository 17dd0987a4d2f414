package app.tandem.kpi.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * Measurements of one span summed up (a single measurement, or a stored day of them): enough for every
 * {@link Aggregation} without the values themselves. {@code at} places the tally in a bucket, so a
 * tally must not span a bucket boundary; days never do, as buckets are whole UTC days.
 */
public record Tally(Instant at, int count, double sum, double min, double max, Instant lastAt, double last) {

	public Tally {
		Objects.requireNonNull(at, "at");
		Objects.requireNonNull(lastAt, "lastAt");
		if (count < 1) {
			throw new IllegalArgumentException("a tally holds at least one measurement, not " + count);
		}
	}

	public static Tally of(Point point) {
		double v = point.value();
		return new Tally(point.at(), 1, v, v, v, point.at(), v);
	}

	/** The same measurements placed at {@code start} (the start of their day, say). */
	public Tally startingAt(Instant start) {
		return new Tally(start, count, sum, min, max, lastAt, last);
	}

	/** This tally with one more measurement. */
	public Tally with(Point point) {
		double v = point.value();
		boolean newer = point.at().isAfter(lastAt);
		return new Tally(at, count + 1, sum + v, Math.min(min, v), Math.max(max, v), newer ? point.at() : lastAt,
				newer ? v : last);
	}

	/** The measurements of both, placed at this one's {@code at}. */
	public Tally plus(Tally other) {
		boolean newer = other.lastAt.isAfter(lastAt);
		return new Tally(at, count + other.count, sum + other.sum, Math.min(min, other.min), Math.max(max, other.max),
				newer ? other.lastAt : lastAt, newer ? other.last : last);
	}
}
