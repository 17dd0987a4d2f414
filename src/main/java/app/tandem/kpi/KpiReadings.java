package app.tandem.kpi;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import app.tandem.kpi.domain.Aggregation;
import app.tandem.kpi.domain.Bucket;
import app.tandem.kpi.domain.BucketValue;
import app.tandem.kpi.domain.Direction;
import app.tandem.kpi.domain.Formula;
import app.tandem.kpi.domain.Frequency;
import app.tandem.kpi.domain.KpiStatus;
import app.tandem.kpi.domain.Series;
import app.tandem.kpi.domain.Staleness;
import app.tandem.kpi.domain.Thresholds;
import app.tandem.kpi.domain.Trend;
import app.tandem.shared.InvalidInputException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * What a KPI's measurements say: the series per bucket (for a formula KPI, computed per bucket
 * from its inputs' aggregated values), the latest period value with its status, whether it is
 * stale, and the trend over the last ten periods.
 */
@Service
public class KpiReadings {

	/** Periods read back from the newest value: ten for the trend, and room for gaps. */
	static final int LOOKBACK_PERIODS = 20;

	/** Formulas of formulas: deeper than this is a mistake (cycles are refused when saving). */
	static final int MAX_DEPTH = 20;

	private final KpiCatalog catalog;

	private final JdbcTemplate jdbc;

	private final MeasurementDays days;

	KpiReadings(KpiCatalog catalog, JdbcTemplate jdbc, MeasurementDays days) {
		this.catalog = catalog;
		this.jdbc = jdbc;
		this.days = days;
	}

	public record Reading(Double latestValue, Instant latestAt, KpiStatus status, boolean stale, Double trend) {
	}

	public Reading read(KpiDefinition kpi, Instant now) {
		Instant newest = newest(kpi, 0);
		if (newest == null) {
			return new Reading(null, null, KpiStatus.NO_DATA, false, null);
		}
		Frequency frequency = Frequency.valueOf(kpi.frequency());
		Bucket bucket = frequency.bucket();
		Instant to = bucket.next(bucket.startOf(newest));
		Instant from = to;
		for (int i = 0; i < LOOKBACK_PERIODS; i++) {
			from = bucket.startOf(from.minusSeconds(1));
		}
		List<BucketValue> series = series(kpi, bucket, from, to, 0);
		Double latest = null;
		List<Double> values = new ArrayList<>(series.size());
		for (BucketValue value : series) {
			values.add(value.value());
			if (value.value() != null) {
				latest = value.value();
			}
		}
		KpiStatus status = thresholds(kpi).statusOf(latest);
		return new Reading(latest, newest, status, Staleness.isStale(frequency, newest, now), Trend.slope(values));
	}

	public List<BucketValue> series(KpiDefinition kpi, Bucket bucket, Instant from, Instant to) {
		if (!from.isBefore(to)) {
			throw InvalidInputException.of("to", "must be after from");
		}
		try {
			return series(kpi, bucket, from, to, 0);
		}
		catch (IllegalArgumentException e) {
			throw InvalidInputException.of("from", e.getMessage());
		}
	}

	private List<BucketValue> series(KpiDefinition kpi, Bucket bucket, Instant from, Instant to, int depth) {
		if (kpi.formula() == null) {
			return Series.aggregateTallies(days.between(kpi.id(), from, to), bucket, from, to,
					Aggregation.valueOf(kpi.aggregation()));
		}
		if (depth > MAX_DEPTH) {
			throw new IllegalStateException("formula chain deeper than " + MAX_DEPTH + " at " + kpi.key());
		}
		Formula formula = Formula.parse(kpi.formula());
		Map<String, List<BucketValue>> inputs = new HashMap<>();
		for (String key : formula.references()) {
			KpiDefinition input = catalog.find(key).orElse(null);
			inputs.put(key, input == null ? List.of() : series(input, bucket, from, to, depth + 1));
		}
		List<BucketValue> result = new ArrayList<>();
		List<BucketValue> shape = Series.aggregate(List.of(), bucket, from, to, Aggregation.LAST);
		for (int i = 0; i < shape.size(); i++) {
			int index = i;
			int[] count = { 0 };
			OptionalDouble value = formula.evaluate(key -> {
				List<BucketValue> input = inputs.get(key);
				if (input == null || input.isEmpty() || input.get(index).value() == null) {
					return OptionalDouble.empty();
				}
				count[0] += input.get(index).count();
				return OptionalDouble.of(input.get(index).value());
			});
			BucketValue at = shape.get(i);
			result.add(new BucketValue(at.start(), at.end(), value.isPresent() ? value.getAsDouble() : null,
					value.isPresent() ? count[0] : 0));
		}
		return result;
	}

	/**
	 * The KPI's value over [from, to) as one period: its measurements combined with its
	 * aggregation, or for a formula the formula over its inputs' values for that span.
	 */
	public Double valueOver(KpiDefinition kpi, Instant from, Instant to, int depth) {
		if (kpi.formula() == null) {
			return Aggregation.valueOf(kpi.aggregation()).combineTallies(days.between(kpi.id(), from, to));
		}
		if (depth > MAX_DEPTH) {
			return null;
		}
		OptionalDouble value = Formula.parse(kpi.formula()).evaluate(key -> {
			Double input = catalog.find(key).map(k -> valueOver(k, from, to, depth + 1)).orElse(null);
			return input == null ? OptionalDouble.empty() : OptionalDouble.of(input);
		});
		return value.isPresent() ? value.getAsDouble() : null;
	}

	/** The newest measurement of the KPI, or for a formula the newest of its inputs. */
	private Instant newest(KpiDefinition kpi, int depth) {
		if (kpi.formula() == null) {
			// Kept on the KPI row by every ingestion (Measurements.store).
			OffsetDateTime at = jdbc.queryForObject("select latest_at from kpi where id = ?", OffsetDateTime.class,
					kpi.id());
			return at == null ? null : at.toInstant();
		}
		Instant newest = null;
		if (depth <= MAX_DEPTH) {
			for (String key : Formula.parse(kpi.formula()).references()) {
				Instant candidate = catalog.find(key).map(input -> newest(input, depth + 1)).orElse(null);
				if (candidate != null && (newest == null || candidate.isAfter(newest))) {
					newest = candidate;
				}
			}
		}
		return newest;
	}

	static Thresholds thresholds(KpiDefinition kpi) {
		return new Thresholds(Direction.valueOf(kpi.direction()), kpi.target(), kpi.warningThreshold(),
				kpi.lowerBound(), kpi.upperBound(), kpi.warningMargin());
	}
}
