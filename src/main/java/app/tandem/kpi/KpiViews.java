package app.tandem.kpi;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.tandem.kpi.domain.Bucket;
import app.tandem.kpi.domain.BucketValue;
import app.tandem.kpi.domain.Frequency;
import app.tandem.kpi.domain.KpiForecast;
import app.tandem.kpi.domain.Staleness;
import app.tandem.shared.Finding;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** KPIs with what their measurements say, and their series. */
@Service
@Transactional(readOnly = true)
public class KpiViews {

	private final KpiCatalog catalog;

	private final KpiReadings readings;

	private final KpiFormulas formulas;

	private final Clock clock;

	private final ObjectProvider<KpiFindings> findings;

	KpiViews(KpiCatalog catalog, KpiReadings readings, KpiFormulas formulas, Clock clock,
			ObjectProvider<KpiFindings> findings) {
		this.findings = findings;
		this.catalog = catalog;
		this.readings = readings;
		this.formulas = formulas;
		this.clock = clock;
	}

	/** A KPI with its reading as stored at its last ingestion or change. */
	public KpiView get(String idOrKey) {
		KpiDefinition kpi = catalog.get(idOrKey);
		return withFindings(List.of(complete(catalog.view(kpi.id()), formulas.usedBy(kpi.key())))).get(0);
	}

	/** KPIs as rows: no measurement is read (but for a row stored before forecasts existed). */
	public List<KpiView> list(UUID after, int limit) {
		return completed(catalog.list(after, limit));
	}

	/** Stored rows as views: forecast, staleness, formula inputs and users, and the coach's findings. */
	List<KpiView> completed(List<KpiCatalog.StoredView> stored) {
		Map<String, List<String>> usedBy = formulas.usedByEach();
		return withFindings(stored.stream()
			.map(row -> complete(row, usedBy.getOrDefault(row.view().key(), List.of())))
			.toList());
	}

	/** The views with the coach's findings about each (none without the coach), computed for all at once. */
	private List<KpiView> withFindings(List<KpiView> views) {
		KpiFindings coach = findings.getIfAvailable();
		if (coach == null || views.isEmpty()) {
			return views;
		}
		Map<String, List<Finding>> found = coach.of(views);
		return views.stream().map(v -> v.withFindings(found.getOrDefault(v.id(), List.of()))).toList();
	}

	private KpiView complete(KpiCatalog.StoredView stored, List<String> usedBy) {
		KpiView view = stored.view();
		Instant now = Instant.now(clock);
		List<String> inputs = view.formula() == null ? List.of() : List.copyOf(KpiFormulas.references(view.formula()));
		boolean stale = Staleness.isStale(Frequency.valueOf(view.frequency()), view.latestAt(), now);
		KpiForecast forecast = stored.forecast() != null ? stored.forecast()
				: readings.read(catalog.get(view.id()), now).forecast();
		return view.with(stale, KpiView.Forecast.of(forecast, now), inputs, usedBy);
	}

	public record SeriesView(Bucket bucket, Instant from, Instant to, List<BucketValue> items) {
	}

	/** Defaults: the KPI's own period as bucket, the year up to now. */
	public SeriesView series(String idOrKey, Bucket bucket, Instant from, Instant to) {
		KpiDefinition kpi = catalog.get(idOrKey);
		Bucket b = bucket != null ? bucket : Frequency.valueOf(kpi.frequency()).bucket();
		Instant end = to != null ? to : Instant.now(clock);
		Instant start = from != null ? from : end.minus(java.time.Duration.ofDays(365));
		return new SeriesView(b, start, end, readings.series(kpi, b, start, end));
	}
}
