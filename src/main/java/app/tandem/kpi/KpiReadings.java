package app.tandem.kpi;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.UUID;

import app.tandem.kpi.domain.Aggregation;
import app.tandem.kpi.domain.Bucket;
import app.tandem.kpi.domain.BucketValue;
import app.tandem.kpi.domain.Direction;
import app.tandem.kpi.domain.Formula;
import app.tandem.kpi.domain.Frequency;
import app.tandem.kpi.domain.KpiForecast;
import app.tandem.kpi.domain.KpiStatus;
import app.tandem.kpi.domain.Series;
import app.tandem.kpi.domain.Staleness;
import app.tandem.kpi.domain.Tally;
import app.tandem.kpi.domain.Thresholds;
import app.tandem.kpi.domain.Trend;
import app.tandem.shared.InvalidInputException;
import app.tandem.shared.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * What a KPI's measurements say: the series per bucket (for a formula KPI, computed per bucket
 * from its inputs' aggregated values), the latest period value with its status, whether it is
 * stale, the trend over the last ten periods, and the forecast that extends it.
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

	public record Reading(Double latestValue, Instant latestAt, KpiStatus status, boolean stale, Double trend,
			KpiForecast forecast) {
	}

	public Reading read(KpiDefinition kpi, Instant now) {
		return readAll(List.of(kpi), now, Map.of()).get(kpi.id());
	}

	/**
	 * The readings of many KPIs (an ingestion's): measured KPIs whose look-back windows coincide are
	 * read with one query. {@code known}: newest instants of measured KPIs that their rows do not
	 * hold yet (an ingestion in progress). Answers a reading for each KPI, by id.
	 */
	Map<UUID, Reading> readAll(Collection<KpiDefinition> kpis, Instant now, Map<UUID, Instant> known) {
		Map<UUID, Reading> readings = new HashMap<>();
		Map<UUID, Instant> newest = newestOfMeasured(kpis.stream()
			.filter(k -> k.formula() == null && !known.containsKey(k.id()))
			.map(KpiDefinition::id)
			.toList());
		newest.putAll(known);
		Map<List<Instant>, List<KpiDefinition>> byWindow = new LinkedHashMap<>();
		for (KpiDefinition kpi : kpis) {
			Instant latest = kpi.formula() == null ? newest.get(kpi.id()) : newest(kpi, 0, known);
			if (latest == null) {
				readings.put(kpi.id(), new Reading(null, null, KpiStatus.NO_DATA, false, null, KpiForecast.withoutValues()));
			}
			else if (kpi.formula() != null) {
				List<Instant> window = window(kpi, latest);
				Bucket bucket = Frequency.valueOf(kpi.frequency()).bucket();
				readings.put(kpi.id(), reading(kpi, series(kpi, bucket, window.get(0), window.get(1), 0), latest, now));
			}
			else {
				byWindow.computeIfAbsent(window(kpi, latest), w -> new ArrayList<>()).add(kpi);
			}
		}
		byWindow.forEach((window, group) -> {
			Map<UUID, List<Tally>> tallies = days.betweenAll(group.stream().map(KpiDefinition::id).toList(),
					window.get(0), window.get(1));
			for (KpiDefinition kpi : group) {
				List<BucketValue> series = Series.aggregateTallies(tallies.getOrDefault(kpi.id(), List.of()),
						Frequency.valueOf(kpi.frequency()).bucket(), window.get(0), window.get(1),
						Aggregation.valueOf(kpi.aggregation()));
				readings.put(kpi.id(), reading(kpi, series, newest.get(kpi.id()), now));
			}
		});
		return readings;
	}

	/**
	 * The last {@code periods} periods of each KPI's own frequency up to the one holding its newest value
	 * ({@code newest}, by id: KPIs without one get none): a sparkline each. Measured KPIs whose periods coincide are
	 * read with one query, so a page of cards costs a few reads, not one per card.
	 */
	Map<UUID, List<BucketValue>> recent(Collection<KpiDefinition> kpis, Map<UUID, Instant> newest, int periods) {
		Map<UUID, List<BucketValue>> recent = new HashMap<>();
		Map<List<Instant>, List<KpiDefinition>> byWindow = new LinkedHashMap<>();
		for (KpiDefinition kpi : kpis) {
			Instant latest = newest.get(kpi.id());
			if (latest == null) {
				continue;
			}
			List<Instant> window = window(kpi, latest, periods);
			if (kpi.formula() != null) {
				recent.put(kpi.id(), series(kpi, Frequency.valueOf(kpi.frequency()).bucket(), window.get(0),
						window.get(1), 0));
			}
			else {
				byWindow.computeIfAbsent(window, w -> new ArrayList<>()).add(kpi);
			}
		}
		byWindow.forEach((window, group) -> {
			Map<UUID, List<Tally>> tallies = days.betweenAll(group.stream().map(KpiDefinition::id).toList(),
					window.get(0), window.get(1));
			for (KpiDefinition kpi : group) {
				recent.put(kpi.id(), Series.aggregateTallies(tallies.getOrDefault(kpi.id(), List.of()),
						Frequency.valueOf(kpi.frequency()).bucket(), window.get(0), window.get(1),
						Aggregation.valueOf(kpi.aggregation())));
			}
		});
		return recent;
	}

	/** [from, to): the periods of the KPI's frequency that end with the one holding its newest value. */
	private static List<Instant> window(KpiDefinition kpi, Instant newest) {
		return window(kpi, newest, LOOKBACK_PERIODS);
	}

	private static List<Instant> window(KpiDefinition kpi, Instant newest, int periods) {
		Bucket bucket = Frequency.valueOf(kpi.frequency()).bucket();
		Instant to = bucket.next(bucket.startOf(newest));
		Instant from = to;
		for (int i = 0; i < periods; i++) {
			from = bucket.startOf(from.minusSeconds(1));
		}
		return List.of(from, to);
	}

	private static Reading reading(KpiDefinition kpi, List<BucketValue> series, Instant newest, Instant now) {
		Double latest = null;
		List<Double> values = new ArrayList<>(series.size());
		for (BucketValue value : series) {
			values.add(value.value());
			if (value.value() != null) {
				latest = value.value();
			}
		}
		KpiStatus status = thresholds(kpi).statusOf(latest);
		Frequency frequency = Frequency.valueOf(kpi.frequency());
		return new Reading(latest, newest, status, Staleness.isStale(frequency, newest, now), Trend.slope(values),
				KpiForecast.of(series, frequency.bucket(), thresholds(kpi)));
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
	private Instant newest(KpiDefinition kpi, int depth, Map<UUID, Instant> known) {
		if (kpi.formula() == null) {
			return known.containsKey(kpi.id()) ? known.get(kpi.id()) : newestOfMeasured(List.of(kpi.id())).get(kpi.id());
		}
		Instant newest = null;
		if (depth <= MAX_DEPTH) {
			for (String key : Formula.parse(kpi.formula()).references()) {
				Instant candidate = catalog.find(key).map(input -> newest(input, depth + 1, known)).orElse(null);
				if (candidate != null && (newest == null || candidate.isAfter(newest))) {
					newest = candidate;
				}
			}
		}
		return newest;
	}

	/** Kept on the KPI row by every ingestion (Measurements); absent for a KPI without measurements. */
	private Map<UUID, Instant> newestOfMeasured(List<UUID> kpis) {
		Map<UUID, Instant> newest = new HashMap<>();
		for (int from = 0; from < kpis.size(); from += MeasurementDays.IN_LIST) {
			List<UUID> chunk = kpis.subList(from, Math.min(kpis.size(), from + MeasurementDays.IN_LIST));
			String marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
			jdbc.query("select id, latest_at from kpi where latest_at is not null and id in (" + marks + ")",
					rs -> {
						newest.put(Sql.uuid(rs, 1), Sql.instant(rs, 2));
					}, chunk.toArray());
		}
		return newest;
	}

	static Thresholds thresholds(KpiDefinition kpi) {
		return new Thresholds(Direction.valueOf(kpi.direction()), kpi.target(), kpi.warningThreshold(),
				kpi.lowerBound(), kpi.upperBound(), kpi.warningMargin());
	}
}
