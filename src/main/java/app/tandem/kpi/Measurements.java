package app.tandem.kpi;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;

import app.tandem.kpi.domain.Aggregation;
import app.tandem.kpi.domain.IsoInstants;
import app.tandem.kpi.domain.MeasurementInstants;
import app.tandem.kpi.domain.Point;
import app.tandem.kpi.domain.ValueEffects;
import app.tandem.audit.AuditTrail;
import app.tandem.shared.Excerpt;
import app.tandem.shared.Magnitudes;
import app.tandem.shared.RowsRejectedException;
import app.tandem.shared.RowsRejectedException.RowError;
import app.tandem.shared.Ids;
import app.tandem.shared.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ingestion: every row checked first (KPI, instant between 1900 and now, a value within ±1e15, no
 * conflicting duplicate), then all stored in one transaction or none. Writing an instant again replaces its value, so re-sending
 * a batch changes nothing.
 */
@Service
public class Measurements {

	/** Enough to fix a file; more would only repeat the same mistake. */
	static final int MAX_ERRORS = 100;

	private static final int CHUNK = 500;

	private final KpiCatalog catalog;

	private final JdbcTemplate jdbc;

	private final AfterIngestion afterIngestion;

	private final MeasurementInserts inserts;

	private final MeasurementDays days;

	private final AuditTrail audit;

	private final Clock clock;

	private final org.springframework.context.ApplicationEventPublisher events;

	Measurements(KpiCatalog catalog, JdbcTemplate jdbc, AfterIngestion afterIngestion, MeasurementInserts inserts,
			MeasurementDays days, AuditTrail audit, Clock clock,
			org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
		this.audit = audit;
		this.clock = clock;
		this.inserts = inserts;
		this.days = days;
		this.catalog = catalog;
		this.jdbc = jdbc;
		this.afterIngestion = afterIngestion;
	}

	public record Ingested(int accepted, int replaced) {
	}

	private record Value(UUID kpi, Instant at, double value, int line) {
	}

	/** As {@link #ingest(String, List, Consumer)} with no check of who sends (the demo, imports). */
	@Transactional
	public Ingested ingest(String kpiIdOrKey, List<MeasurementRow> rows) {
		return ingest(kpiIdOrKey, rows, kpis -> {
		});
	}

	/**
	 * A row as it would be stored, and what it would do ({@link ValueEffects}); {@code dateOnly} when it gave a day
	 * without a time, read as 00:00 UTC.
	 */
	public record PreviewRow(int line, Instant at, double value, boolean dateOnly, ValueEffects.Action action,
			Double stored, Double dayValue, int valuesThatDay) {
	}

	/**
	 * What a request's rows say before anything is stored: the valid rows in order, the errors by line (the first
	 * {@value #MAX_ERRORS}), and how many rows have one.
	 */
	public record Preview(List<PreviewRow> rows, List<RowError> errors, int invalidRows) {
	}

	/**
	 * The same checks as {@link #ingest} (but rights), storing nothing: what the page shows before a person
	 * stores an upload.
	 */
	@Transactional(readOnly = true)
	public Preview preview(String kpiIdOrKey, List<MeasurementRow> rows) {
		KpiDefinition kpi = fixed(kpiIdOrKey);
		Checked checked = check(kpi, rows);
		Set<Integer> dateOnly = new HashSet<>();
		rows.forEach(row -> {
			if (row.at() != null && row.at().strip().length() == 10) {
				dateOnly.add(row.line());
			}
		});
		List<Value> values = new ArrayList<>();
		checked.byKpi().values().forEach(byAt -> values.addAll(byAt.values()));
		values.sort(Comparator.comparingInt(Value::line));
		List<Point> points = values.stream().map(v -> new Point(v.at(), v.value())).toList();
		// rows naming their KPIs are previewed without effects: the page previews one KPI's upload
		List<ValueEffects.Effect> effects = kpi == null
				? points.stream().map(p -> new ValueEffects.Effect(ValueEffects.Action.NEW, null, null, 1)).toList()
				: ValueEffects.of(points, storedOnDaysOf(kpi, points), Aggregation.valueOf(kpi.aggregation()));
		List<PreviewRow> valid = new ArrayList<>();
		for (int i = 0; i < values.size(); i++) {
			Value v = values.get(i);
			ValueEffects.Effect e = effects.get(i);
			valid.add(new PreviewRow(v.line(), v.at(), v.value(), dateOnly.contains(v.line()), e.action(), e.stored(),
					e.dayValue(), e.valuesThatDay()));
		}
		return new Preview(valid, checked.errors().subList(0, Math.min(checked.errors().size(), MAX_ERRORS)),
				checked.invalidRows());
	}

	/** The KPI's stored values on the UTC days of {@code points}: one range read, filtered to those days. */
	private List<Point> storedOnDaysOf(KpiDefinition kpi, List<Point> points) {
		if (points.isEmpty()) {
			return List.of();
		}
		Set<java.time.LocalDate> days = new HashSet<>();
		points.forEach(p -> days.add(ValueEffects.day(p.at())));
		java.time.LocalDate first = Collections.min(days);
		java.time.LocalDate last = Collections.max(days);
		return jdbc.query("select at, amount from measurement where kpi_id = ? and at >= ? and at < ?",
				(rs, i) -> new Point(Sql.instant(rs, 1), rs.getDouble(2)), kpi.id(),
				Sql.ts(first.atStartOfDay(java.time.ZoneOffset.UTC).toInstant()),
				Sql.ts(last.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()))
			.stream()
			.filter(p -> days.contains(ValueEffects.day(p.at())))
			.toList();
	}

	/** The rows by KPI (in lock order) and instant, the KPIs they name, and what is wrong with them. */
	private record Checked(Map<UUID, Map<Instant, Value>> byKpi, Map<UUID, KpiDefinition> ingested,
			List<RowError> errors) {

		/** Rows with at least one problem (a row may have several). */
		int invalidRows() {
			return (int) errors.stream().mapToInt(RowError::line).distinct().count();
		}
	}

	private KpiDefinition fixed(String kpiIdOrKey) {
		KpiDefinition fixed = kpiIdOrKey == null ? null : catalog.get(kpiIdOrKey);
		if (fixed != null && fixed.formula() != null) {
			throw app.tandem.shared.InvalidInputException.of("kpi",
					fixed.key() + " is computed from its formula; it takes no measurements");
		}
		return fixed;
	}

	private Checked check(KpiDefinition fixed, List<MeasurementRow> rows) {
		List<RowError> errors = new ArrayList<>();
		Map<String, KpiDefinition> kpis = new HashMap<>();
		// In the databases' order of ids (unsigned): KPIs are locked in this order, so two ingestions
		// of overlapping KPIs queue instead of deadlocking.
		Map<UUID, Map<Instant, Value>> byKpi = new TreeMap<>(Comparator
			.comparing(UUID::getMostSignificantBits, Long::compareUnsigned)
			.thenComparing(UUID::getLeastSignificantBits, Long::compareUnsigned));
		Map<UUID, KpiDefinition> ingested = new LinkedHashMap<>();
		Instant now = Instant.now(clock);
		for (MeasurementRow row : rows) {
			if (row.flaw() != null) {
				errors.add(new RowError(row.line(), row.flaw().field(), row.flaw().message()));
				continue;
			}
			KpiDefinition kpi = fixed != null ? fixed : resolve(row, kpis, errors);
			Instant at = instant(row, now, errors);
			Double value = value(row, errors);
			if (kpi == null || at == null || value == null) {
				continue;
			}
			ingested.putIfAbsent(kpi.id(), kpi);
			Value earlier = byKpi.computeIfAbsent(kpi.id(), k -> new LinkedHashMap<>()).putIfAbsent(at,
					new Value(kpi.id(), at, value, row.line()));
			if (earlier != null && earlier.value() != value) {
				errors.add(new RowError(row.line(), "at", "repeats " + at + " of line " + earlier.line()
						+ " with another value"));
			}
		}
		return new Checked(byKpi, ingested, errors);
	}

	/** {@code mayFeed} sees the request's KPIs once its rows are valid, and throws to refuse them. */
	@Transactional
	public Ingested ingest(String kpiIdOrKey, List<MeasurementRow> rows, Consumer<Collection<KpiDefinition>> mayFeed) {
		Checked checked = check(fixed(kpiIdOrKey), rows);
		List<RowError> errors = checked.errors();
		Map<UUID, Map<Instant, Value>> byKpi = checked.byKpi();
		Map<UUID, KpiDefinition> ingested = checked.ingested();
		if (!errors.isEmpty()) {
			throw new RowsRejectedException(errors.subList(0, Math.min(errors.size(), MAX_ERRORS)),
					checked.invalidRows(), rows.size());
		}
		mayFeed.accept(ingested.values());
		Map<UUID, Instant> newest = lockInOrder(byKpi.keySet());
		List<Object[]> updates = new ArrayList<>();
		List<MeasurementInserts.NewMeasurement> fresh = new ArrayList<>();
		Map<UUID, Instant> newestNow = new HashMap<>();
		Map<UUID, List<Point>> points = new LinkedHashMap<>();
		Map<UUID, Set<Instant>> replaced = new HashMap<>();
		for (var entry : byKpi.entrySet()) {
			UUID kpi = entry.getKey();
			List<Value> values = new ArrayList<>(entry.getValue().values());
			Set<Instant> existing = existingInstants(kpi, values, newest.get(kpi));
			for (Value v : values) {
				if (existing.contains(v.at())) {
					updates.add(new Object[] { v.value(), kpi, Sql.ts(v.at()) });
				}
				else {
					fresh.add(new MeasurementInserts.NewMeasurement(kpi, v.at(), v.value()));
				}
			}
			points.put(kpi, values.stream().map(v -> new Point(v.at(), v.value())).toList());
			replaced.put(kpi, existing);
			// The newest instant, kept on the KPI row by the refresh that follows: reading max(at) back
			// costs a scan of the KPI's rows on H2.
			Instant max = values.stream().map(Value::at).max(Instant::compareTo).orElseThrow();
			Instant before = newest.get(kpi);
			newestNow.put(kpi, before != null && before.isAfter(max) ? before : max);
		}
		if (!updates.isEmpty()) {
			jdbc.batchUpdate("update measurement set amount = ? where kpi_id = ? and at = ?", updates);
		}
		inserts.insert(fresh);
		days.add(points, replaced);
		afterIngestion.run(ingested.values(), newestNow);
		// One event per request (a feed may send thousands of values a minute): what, how many, which KPIs.
		List<String> keys = ingested.values().stream().map(KpiDefinition::key).sorted().toList();
		var changes = AuditTrail.change("accepted", null, fresh.size() + updates.size());
		changes.put("replaced", new Object[] { null, updates.size() });
		changes.put("kpis", new Object[] { null, keys.size() <= 100 ? keys : keys.subList(0, 100) });
		audit.record("measurements", keys.size() == 1 ? keys.get(0) : keys.size() + " KPIs", "INGESTED", changes);
		events.publishEvent(new MeasurementsIngested(Ids.next(), ingested.values().stream().map(KpiDefinition::id).toList(),
				keys, fresh.size() + updates.size(), updates.size(), Instant.now(clock)));
		return new Ingested(fresh.size() + updates.size(), updates.size());
	}

	/**
	 * Locks the KPIs' rows, in id order so that two ingestions never deadlock, and answers
	 * each KPI's newest instant. The lock serialises ingestions of one KPI, so that each one tallies
	 * its days from a complete view.
	 */
	private Map<UUID, Instant> lockInOrder(Collection<UUID> kpis) {
		Map<UUID, Instant> newest = new HashMap<>();
		List<UUID> ids = new ArrayList<>(kpis);
		for (int from = 0; from < ids.size(); from += CHUNK) {
			List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
			String marks = String.join(",", Collections.nCopies(chunk.size(), "?"));
			jdbc.query("select id, latest_at from kpi where id in (" + marks + ") order by id for update", rs -> {
				newest.put(Sql.uuid(rs, 1), Sql.instant(rs, 2));
			}, chunk.toArray());
		}
		return newest;
	}

	/**
	 * Which of the values' instants the KPI already has. A feed mostly appends: when every instant is
	 * newer than the KPI's newest, nothing is read. Otherwise the values, in time order and in chunks,
	 * are looked up by their time range (an index range scan on both databases; H2 would test an
	 * {@code in} list of parameters against every row of the KPI).
	 */
	private Set<Instant> existingInstants(UUID kpi, List<Value> values, Instant latest) {
		List<Instant> instants = values.stream().map(Value::at).sorted().toList();
		Set<Instant> existing = new HashSet<>();
		if (latest == null || instants.get(0).isAfter(latest)) {
			return existing;
		}
		for (int from = 0; from < instants.size(); from += CHUNK) {
			List<Instant> chunk = instants.subList(from, Math.min(instants.size(), from + CHUNK));
			Instant first = chunk.get(0);
			if (first.isAfter(latest)) {
				break;
			}
			jdbc.query("select at from measurement where kpi_id = ? and at >= ? and at <= ?", rs -> {
				existing.add(rs.getObject(1, OffsetDateTime.class).toInstant());
			}, kpi, Sql.ts(first), Sql.ts(chunk.get(chunk.size() - 1)));
		}
		return existing;
	}

	private KpiDefinition resolve(MeasurementRow row, Map<String, KpiDefinition> kpis, List<RowError> errors) {
		if (row.kpi() == null || row.kpi().isBlank()) {
			errors.add(new RowError(row.line(), "kpi", "is required (a KPI's id or key)"));
			return null;
		}
		KpiDefinition kpi = kpis.computeIfAbsent(row.kpi(), k -> catalog.find(k).orElse(null));
		if (kpi == null) {
			errors.add(new RowError(row.line(), "kpi", "no KPI with id or key " + Excerpt.of(row.kpi())));
			return null;
		}
		if (kpi.formula() != null) {
			errors.add(new RowError(row.line(), "kpi", kpi.key() + " is computed from its formula; it takes no measurements"));
			return null;
		}
		return kpi;
	}

	/**
	 * ISO-8601 with an offset (2026-11-23T10:00:00Z), or a date for the start of that UTC day; from 1900 to a few
	 * minutes after {@code now} (MeasurementInstants).
	 */
	private static Instant instant(MeasurementRow row, Instant now, List<RowError> errors) {
		if (row.at() == null || row.at().isBlank()) {
			errors.add(new RowError(row.line(), "at", "is required"));
			return null;
		}
		Instant at;
		try {
			at = IsoInstants.parse(row.at());
		}
		catch (DateTimeException e) {
			errors.add(new RowError(row.line(), "at", "is not an instant (e.g. 2026-11-23T10:00:00Z): "
					+ Excerpt.of(row.at())));
			return null;
		}
		String problem = MeasurementInstants.problem(at, now);
		if (problem != null) {
			errors.add(new RowError(row.line(), "at", problem + ": " + Excerpt.of(row.at())));
			return null;
		}
		return at;
	}

	private static Double value(MeasurementRow row, List<RowError> errors) {
		if (row.value() == null) {
			errors.add(new RowError(row.line(), "value", "is required"));
			return null;
		}
		if (!(row.value() instanceof Double number)) {
			errors.add(new RowError(row.line(), "value", "is not a number: " + Excerpt.of(row.value())));
			return null;
		}
		String problem = Magnitudes.problem(number);
		if (problem != null) {
			errors.add(new RowError(row.line(), "value", problem));
			return null;
		}
		return number;
	}
}
