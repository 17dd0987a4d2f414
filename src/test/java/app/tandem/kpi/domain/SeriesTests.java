package app.tandem.kpi.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hand-checked series. The points are powers of two, so that every sum names the points it holds, around the
 * week of Monday 2026-11-23 and the turn from November to December.
 */
class SeriesTests {

	/** Sunday, the last second of the week before. */
	private static final Point SUNDAY_BEFORE = point("2026-11-22T23:59:59Z", 1);

	/** Monday 2026-11-23, the first instant of the week. */
	private static final Point MONDAY = point("2026-11-23T00:00:00Z", 2);

	private static final Point WEDNESDAY = point("2026-11-25T12:00:00Z", 4);

	/** Sunday, the last second of the week. */
	private static final Point SUNDAY = point("2026-11-29T23:59:59Z", 8);

	/** The next Monday, still in November. */
	private static final Point NEXT_MONDAY = point("2026-11-30T00:00:00Z", 16);

	/** The first instant of December. */
	private static final Point DECEMBER = point("2026-12-01T00:00:00Z", 32);

	/** Newest first, so that nothing may rely on the input order. */
	private static final List<Point> POINTS = List.of(DECEMBER, NEXT_MONDAY, SUNDAY, WEDNESDAY, MONDAY,
			SUNDAY_BEFORE);

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			LAST | 1 | 8           | 32
			SUM  | 1 | 14          | 48
			AVG  | 1 | 4.666666666666667 | 24
			MIN  | 1 | 2           | 16
			MAX  | 1 | 8           | 32
			""")
	void weeksStartOnMondayAndEachAggregationCombinesItsWeek(Aggregation aggregation, double before, double week,
			double after) {
		List<BucketValue> weeks = Series.aggregate(POINTS, Bucket.WEEK, at("2026-11-16T00:00:00Z"),
				at("2026-12-07T00:00:00Z"), aggregation);

		assertThat(weeks).containsExactly(
				new BucketValue(at("2026-11-16T00:00:00Z"), at("2026-11-23T00:00:00Z"), before, 1),
				new BucketValue(at("2026-11-23T00:00:00Z"), at("2026-11-30T00:00:00Z"), week, 3),
				new BucketValue(at("2026-11-30T00:00:00Z"), at("2026-12-07T00:00:00Z"), after, 2));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			LAST | 16  | 32
			SUM  | 31  | 32
			AVG  | 6.2 | 32
			MIN  | 1   | 32
			MAX  | 16  | 32
			""")
	void monthsTurnAtMidnightOfTheFirst(Aggregation aggregation, double november, double december) {
		List<BucketValue> months = Series.aggregate(POINTS, Bucket.MONTH, at("2026-11-01T00:00:00Z"),
				at("2027-01-01T00:00:00Z"), aggregation);

		assertThat(months).containsExactly(
				new BucketValue(at("2026-11-01T00:00:00Z"), at("2026-12-01T00:00:00Z"), november, 5),
				new BucketValue(at("2026-12-01T00:00:00Z"), at("2027-01-01T00:00:00Z"), december, 1));
	}

	@Test
	void quartersStartInJanuaryAprilJulyAndOctober() {
		List<Point> points = List.of(point("2026-09-30T23:59:59Z", 1), point("2026-10-01T00:00:00Z", 2),
				point("2026-12-31T23:59:59Z", 4), point("2027-01-01T00:00:00Z", 8), point("2027-03-31T12:00:00Z", 16));

		List<BucketValue> quarters = Series.aggregate(points, Bucket.QUARTER, at("2026-08-15T00:00:00Z"),
				at("2027-04-01T00:00:00Z"), Aggregation.SUM);

		assertThat(quarters).containsExactly(
				new BucketValue(at("2026-07-01T00:00:00Z"), at("2026-10-01T00:00:00Z"), 1.0, 1),
				new BucketValue(at("2026-10-01T00:00:00Z"), at("2027-01-01T00:00:00Z"), 6.0, 2),
				new BucketValue(at("2027-01-01T00:00:00Z"), at("2027-04-01T00:00:00Z"), 24.0, 2));
	}

	@ParameterizedTest(name = "{0} {1} → {2}")
	@CsvSource(delimiter = '|', textBlock = """
			DAY     | 2026-11-25T12:34:56Z | 2026-11-25T00:00:00Z | 2026-11-26T00:00:00Z
			DAY     | 2026-12-31T23:59:59Z | 2026-12-31T00:00:00Z | 2027-01-01T00:00:00Z
			WEEK    | 2026-11-23T00:00:00Z | 2026-11-23T00:00:00Z | 2026-11-30T00:00:00Z
			WEEK    | 2026-11-29T23:59:59Z | 2026-11-23T00:00:00Z | 2026-11-30T00:00:00Z
			WEEK    | 2026-11-22T23:59:59Z | 2026-11-16T00:00:00Z | 2026-11-23T00:00:00Z
			WEEK    | 2027-01-01T00:00:00Z | 2026-12-28T00:00:00Z | 2027-01-04T00:00:00Z
			MONTH   | 2028-02-29T18:00:00Z | 2028-02-01T00:00:00Z | 2028-03-01T00:00:00Z
			MONTH   | 2026-12-01T00:00:00Z | 2026-12-01T00:00:00Z | 2027-01-01T00:00:00Z
			QUARTER | 2026-01-01T00:00:00Z | 2026-01-01T00:00:00Z | 2026-04-01T00:00:00Z
			QUARTER | 2026-03-31T23:59:59Z | 2026-01-01T00:00:00Z | 2026-04-01T00:00:00Z
			QUARTER | 2026-05-15T00:00:00Z | 2026-04-01T00:00:00Z | 2026-07-01T00:00:00Z
			QUARTER | 2026-09-30T23:59:59Z | 2026-07-01T00:00:00Z | 2026-10-01T00:00:00Z
			QUARTER | 2026-11-23T00:00:00Z | 2026-10-01T00:00:00Z | 2027-01-01T00:00:00Z
			""")
	void bucketsStartAndEndOnTheCalendarInUtc(Bucket bucket, Instant t, Instant start, Instant next) {
		assertThat(bucket.startOf(t)).isEqualTo(start);
		assertThat(bucket.next(start)).isEqualTo(next);
		assertThat(bucket.next(t)).as("any instant of the bucket").isEqualTo(next);
	}

	@Test
	void aBucketWithoutPointsIsAGap() {
		List<BucketValue> days = Series.aggregate(List.of(WEDNESDAY, MONDAY), Bucket.DAY, at("2026-11-23T00:00:00Z"),
				at("2026-11-28T00:00:00Z"), Aggregation.MAX);

		assertThat(days).extracting(BucketValue::value).containsExactly(2.0, null, 4.0, null, null);
		assertThat(days).extracting(BucketValue::count).containsExactly(1, 0, 1, 0, 0);
	}

	@Test
	void aRangeWithoutPointsIsAllGaps() {
		List<BucketValue> months = Series.aggregate(List.of(), Bucket.MONTH, at("2026-01-01T00:00:00Z"),
				at("2026-04-01T00:00:00Z"), Aggregation.SUM);

		assertThat(months).hasSize(3).allSatisfy(m -> {
			assertThat(m.value()).isNull();
			assertThat(m.count()).isZero();
		});
	}

	@Test
	void fromIsInclusiveAndToExclusive() {
		List<BucketValue> weeks = Series.aggregate(POINTS, Bucket.WEEK, WEDNESDAY.at(), NEXT_MONDAY.at(),
				Aggregation.SUM);

		// the week still starts on Monday, but Monday's point lies before from; the next week starts at to
		assertThat(weeks).containsExactly(
				new BucketValue(at("2026-11-23T00:00:00Z"), at("2026-11-30T00:00:00Z"), 12.0, 2));
	}

	@Test
	void aPointAtToIsLeftOutOfItsBucket() {
		List<BucketValue> weeks = Series.aggregate(POINTS, Bucket.WEEK, MONDAY.at(), SUNDAY.at(), Aggregation.SUM);

		assertThat(weeks).containsExactly(
				new BucketValue(at("2026-11-23T00:00:00Z"), at("2026-11-30T00:00:00Z"), 6.0, 2));
	}

	@Test
	void aBucketStartingJustBeforeToIsIncludedWithThePointsBeforeTo() {
		List<BucketValue> weeks = Series.aggregate(POINTS, Bucket.WEEK, at("2026-11-23T00:00:00Z"),
				at("2026-11-30T00:00:01Z"), Aggregation.SUM);

		assertThat(weeks).extracting(BucketValue::value).containsExactly(14.0, 16.0);
		assertThat(weeks.get(1).end()).isEqualTo(at("2026-12-07T00:00:00Z"));
	}

	@Test
	void lastPicksTheLatestInstantOfTheBucketWhateverTheInputOrder() {
		List<Point> shuffled = new ArrayList<>(List.of(MONDAY, SUNDAY, WEDNESDAY, point("2026-11-24T08:00:00Z", 64)));
		for (List<Point> order : List.of(List.copyOf(shuffled), reversed(shuffled))) {
			List<BucketValue> weeks = Series.aggregate(order, Bucket.WEEK, at("2026-11-23T00:00:00Z"),
					at("2026-11-30T00:00:00Z"), Aggregation.LAST);

			assertThat(weeks).as("input %s", order).extracting(BucketValue::value).containsExactly(8.0);
		}
		assertThat(Aggregation.LAST.combine(List.of(SUNDAY, MONDAY))).isEqualTo(8.0);
	}

	@Test
	void combiningNothingGivesNoValue() {
		for (Aggregation aggregation : Aggregation.values()) {
			assertThat(aggregation.combine(List.of())).as(aggregation.name()).isNull();
		}
	}

	@Test
	void anEmptyRangeHasNoBucketsAndABackwardRangeIsRefused() {
		assertThat(Series.aggregate(POINTS, Bucket.DAY, MONDAY.at(), MONDAY.at(), Aggregation.SUM)).isEmpty();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Series.aggregate(POINTS, Bucket.DAY, SUNDAY.at(), MONDAY.at(), Aggregation.SUM));
	}

	@Test
	void tenThousandBucketsAreAnsweredAndOneMoreIsRefused() {
		Instant from = at("2000-01-01T00:00:00Z");
		Instant to = from.plus(Duration.ofDays(Series.MAX_BUCKETS));

		assertThat(Series.aggregate(List.of(), Bucket.DAY, from, to, Aggregation.SUM)).hasSize(10_000);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Series.aggregate(List.of(), Bucket.DAY, from, to.plusSeconds(1), Aggregation.SUM))
			.withMessageContaining("10000");
	}

	@Test
	void aRangeBeyondTheCalendarIsRefusedAsBadInput() {
		assertThatIllegalArgumentException().isThrownBy(() -> Series.aggregate(List.of(), Bucket.QUARTER,
				Instant.MAX.minusSeconds(1), Instant.MAX, Aggregation.SUM));
	}

	@Test
	void aMeasurementMustBeAFiniteNumber() {
		for (double bad : new double[] { Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY }) {
			assertThatIllegalArgumentException().as("%s", bad).isThrownBy(() -> new Point(MONDAY.at(), bad));
		}
	}

	private static List<Point> reversed(List<Point> points) {
		List<Point> copy = new ArrayList<>(points);
		Collections.reverse(copy);
		return copy;
	}

	private static Point point(String at, double value) {
		return new Point(at(at), value);
	}

	private static Instant at(String instant) {
		return Instant.parse(instant);
	}
}
