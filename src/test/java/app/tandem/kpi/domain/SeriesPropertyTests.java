package app.tandem.kpi.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of {@link Series#aggregate} over random cases: each seed drives one {@link Random} through
 * {@value #CASES} cases of shuffled points and a range around them (its ends often on a point), and every failure
 * names the seed and the case, so that it can be replayed. The expected values are worked out from the points
 * directly, by instant, not through {@link Bucket}.
 */
class SeriesPropertyTests {

	private static final int CASES = 50;

	/** Points and ranges fall within three years from here, so even DAY buckets stay far below the limit. */
	private static final Instant ORIGIN = Instant.parse("2025-01-01T00:00:00Z");

	private static final long SPAN_SECONDS = Duration.ofDays(3 * 365).toSeconds();

	static LongStream seeds() {
		return LongStream.rangeClosed(1, 20).map(n -> n * 0x9E3779B97F4A7C15L);
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void everyPointOfTheRangeIsCountedOnce(long seed) {
		Random random = new Random(seed);
		for (int n = 0; n < CASES; n++) {
			Case c = anyCase(random, seed, n);
			List<BucketValue> buckets = c.aggregate(anyAggregation(random));

			assertThat(buckets.stream().mapToInt(BucketValue::count).sum()).as(c.describe())
				.isEqualTo(c.inRange().size());
		}
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void bucketsAreContiguousAndCoverTheRange(long seed) {
		Random random = new Random(seed);
		for (int n = 0; n < CASES; n++) {
			Case c = anyCase(random, seed, n);
			List<BucketValue> buckets = c.aggregate(anyAggregation(random));
			String at = c.describe();

			assertThat(buckets).as(at).isNotEmpty();
			assertThat(buckets.get(0).start()).as(at).isEqualTo(c.bucket().startOf(c.from()));
			assertThat(buckets.get(0).start()).as(at).isBeforeOrEqualTo(c.from());
			assertThat(buckets.get(buckets.size() - 1).start()).as(at).isBefore(c.to());
			assertThat(buckets.get(buckets.size() - 1).end()).as(at).isAfterOrEqualTo(c.to());
			for (int b = 0; b < buckets.size(); b++) {
				BucketValue bucket = buckets.get(b);
				assertThat(bucket.start()).as(at).isBefore(bucket.end());
				assertThat(bucket.end()).as(at).isEqualTo(c.bucket().next(bucket.start()));
				assertThat(bucket.value() == null).as("%s: gap iff no points in bucket %d", at, b)
					.isEqualTo(bucket.count() == 0);
				if (b + 1 < buckets.size()) {
					assertThat(bucket.end()).as(at).isEqualTo(buckets.get(b + 1).start());
				}
			}
		}
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void theSumOfTheBucketsIsThePlainSum(long seed) {
		Random random = new Random(seed);
		for (int n = 0; n < CASES; n++) {
			Case c = anyCase(random, seed, n);
			double bucketSum = c.aggregate(Aggregation.SUM)
				.stream()
				.filter(b -> b.value() != null)
				.mapToDouble(BucketValue::value)
				.sum();
			double plainSum = c.inRange().stream().mapToDouble(Point::value).sum();

			assertThat(bucketSum).as(c.describe()).isCloseTo(plainSum, within(1e-6));
		}
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void eachBucketHoldsExactlyItsPoints(long seed) {
		Random random = new Random(seed);
		for (int n = 0; n < CASES; n++) {
			Case c = anyCase(random, seed, n);
			List<BucketValue> min = c.aggregate(Aggregation.MIN);
			List<BucketValue> max = c.aggregate(Aggregation.MAX);
			List<BucketValue> last = c.aggregate(Aggregation.LAST);
			for (int b = 0; b < min.size(); b++) {
				List<Point> own = c.pointsIn(min.get(b));
				String at = c.describe() + ", bucket " + min.get(b).start();

				assertThat(min.get(b).count()).as(at).isEqualTo(own.size());
				if (own.isEmpty()) {
					continue;
				}
				List<Double> values = own.stream().map(Point::value).toList();
				double lowest = min.get(b).value();
				double highest = max.get(b).value();
				assertThat(values).as(at).contains(lowest, highest);
				assertThat(values).as(at).allSatisfy(v -> assertThat(v).isBetween(lowest, highest));
				assertThat(last.get(b).value()).as(at).isEqualTo(own.get(own.size() - 1).value());
			}
		}
	}

	@ParameterizedTest(name = "seed {0}")
	@MethodSource("seeds")
	void averageTimesCountIsTheSumOfEachBucket(long seed) {
		Random random = new Random(seed);
		for (int n = 0; n < CASES; n++) {
			Case c = anyCase(random, seed, n);
			List<BucketValue> avg = c.aggregate(Aggregation.AVG);
			List<BucketValue> sum = c.aggregate(Aggregation.SUM);
			for (int b = 0; b < avg.size(); b++) {
				String at = c.describe() + ", bucket " + avg.get(b).start();

				assertThat(avg.get(b).count()).as(at).isEqualTo(sum.get(b).count());
				if (avg.get(b).count() > 0) {
					assertThat(avg.get(b).value() * avg.get(b).count()).as(at)
						.isCloseTo(sum.get(b).value(), within(1e-6));
				}
			}
		}
	}

	/** Points with distinct instants (as stored), shuffled, and a non-empty range that may cut through them. */
	private static Case anyCase(Random random, long seed, int n) {
		Map<Instant, Point> byInstant = new LinkedHashMap<>();
		int size = random.nextInt(4) == 0 ? random.nextInt(3) : random.nextInt(200);
		// clustered instants in one of the cases out of three, so that buckets hold several points
		long spread = random.nextInt(3) == 0 ? Duration.ofDays(20).toSeconds() : SPAN_SECONDS;
		long offset = random.nextLong(SPAN_SECONDS - spread + 1);
		for (int i = 0; i < size; i++) {
			Instant at = ORIGIN.plusSeconds(offset + random.nextLong(spread));
			byInstant.put(at, new Point(at, Math.round(random.nextGaussian() * 100_000) / 100.0));
		}
		List<Point> points = new ArrayList<>(byInstant.values());
		Collections.shuffle(points, random);
		long a = anyBound(random, points);
		long b = anyBound(random, points);
		if (a == b) {
			b++;
		}
		Instant from = ORIGIN.plusSeconds(Math.min(a, b));
		Instant to = ORIGIN.plusSeconds(Math.max(a, b));
		Bucket bucket = Bucket.values()[random.nextInt(Bucket.values().length)];
		return new Case(seed, n, points, bucket, from, to);
	}

	/** Seconds from the origin; often a point's own instant, where inclusive from and exclusive to matter. */
	private static long anyBound(Random random, List<Point> points) {
		if (points.isEmpty() || random.nextBoolean()) {
			return random.nextLong(SPAN_SECONDS);
		}
		return ORIGIN.until(points.get(random.nextInt(points.size())).at(), ChronoUnit.SECONDS);
	}

	private static Aggregation anyAggregation(Random random) {
		return Aggregation.values()[random.nextInt(Aggregation.values().length)];
	}

	private record Case(long seed, int n, List<Point> points, Bucket bucket, Instant from, Instant to) {

		List<BucketValue> aggregate(Aggregation aggregation) {
			return Series.aggregate(points, bucket, from, to, aggregation);
		}

		/** The points in [from, to), oldest first. */
		List<Point> inRange() {
			return points.stream()
				.filter(p -> !p.at().isBefore(from) && p.at().isBefore(to))
				.sorted((p, q) -> p.at().compareTo(q.at()))
				.toList();
		}

		/** The points of the range in [start, end) of the bucket, oldest first. */
		List<Point> pointsIn(BucketValue bucket) {
			return inRange().stream()
				.filter(p -> !p.at().isBefore(bucket.start()) && p.at().isBefore(bucket.end()))
				.toList();
		}

		String describe() {
			return "seed " + seed + ", case " + n + ": " + points.size() + " points, " + bucket + " from " + from
					+ " to " + to;
		}
	}
}
