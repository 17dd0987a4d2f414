package app.tandem.coach;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.tandem.coach.domain.KpiSnapshot;
import app.tandem.kpi.KpiCatalog;
import app.tandem.kpi.KpiDefinition;
import app.tandem.kpi.KpiReadings;
import app.tandem.kpi.KpiView;
import app.tandem.kpi.domain.Bucket;
import app.tandem.kpi.domain.BucketValue;
import app.tandem.kpi.domain.Frequency;
import app.tandem.shared.Ids;
import app.tandem.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * KPIs as the coach judges them, with their level: the latest period value stored on each KPI for
 * now, or computed from the measurements up to an earlier instant ("as of").
 */
@Component
class KpiLevels {

	/** Periods looked back from an "as of" instant for a value, as the stored readings do from the newest one. */
	private static final int LOOKBACK_PERIODS = 20;

	/** Fewer KPIs than this are read one by one; more, all at once. */
	private static final int ONE_BY_ONE = 50;

	private final KpiCatalog catalog;

	private final KpiReadings readings;

	KpiLevels(KpiCatalog catalog, KpiReadings readings) {
		this.catalog = catalog;
		this.readings = readings;
	}

	/** Every KPI that existed at {@code asOf} (null: now), by id; levels at {@code asOf} only for {@code levelsOf}. */
	Map<String, KpiSnapshot> all(Instant asOf, Collection<String> levelsOf) {
		return snapshots(catalog.rowViews(null, Integer.MAX_VALUE), asOf, levelsOf);
	}

	/** These KPIs (those that exist), by id, with their levels at {@code asOf} (null: now). */
	Map<String, KpiSnapshot> byIds(Collection<String> ids, Instant asOf) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		List<KpiView> views = ids.size() < ONE_BY_ONE
				? ids.stream().map(Ids::tryParse).filter(java.util.Objects::nonNull).map(this::view)
					.filter(java.util.Objects::nonNull).toList()
				: catalog.rowViews(null, Integer.MAX_VALUE).stream().filter(v -> ids.contains(v.id())).toList();
		return snapshots(views, asOf, ids);
	}

	private KpiView view(UUID id) {
		try {
			return catalog.rowView(id);
		}
		catch (NotFoundException e) {
			return null;
		}
	}

	private Map<String, KpiSnapshot> snapshots(List<KpiView> views, Instant asOf, Collection<String> levelsOf) {
		Map<String, KpiSnapshot> snapshots = new HashMap<>(views.size() * 2);
		for (KpiView view : views) {
			if (asOf != null && view.createdAt() != null && view.createdAt().isAfter(asOf)) {
				continue;
			}
			Double level = asOf == null ? view.latestValue()
					: levelsOf.contains(view.id()) ? latestAsOf(UUID.fromString(view.id()), asOf) : null;
			snapshots.put(view.id(), Snapshots.of(view, level));
		}
		return snapshots;
	}

	/** The latest period value of the KPI's measurements up to {@code asOf}, looking back twenty periods. */
	private Double latestAsOf(UUID id, Instant asOf) {
		KpiDefinition kpi = catalog.get(id.toString());
		Bucket bucket = Frequency.valueOf(kpi.frequency()).bucket();
		Instant from = bucket.startOf(asOf);
		for (int i = 0; i < LOOKBACK_PERIODS; i++) {
			from = bucket.startOf(from.minusSeconds(1));
		}
		Double latest = null;
		for (BucketValue value : readings.series(kpi, bucket, from, asOf)) {
			if (value.value() != null) {
				latest = value.value();
			}
		}
		return latest;
	}
}
