package app.tandem.kpi;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import app.tandem.kpi.domain.Aggregation;
import app.tandem.okr.KeyResultLinkedToKpi;
import app.tandem.okr.KeyResults;
import app.tandem.okr.MeasuredKeyResult;
import app.tandem.okr.MeasuredKeyResults;
import app.tandem.shared.Ids;
import app.tandem.shared.Magnitudes;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What follows an ingestion for each ingested KPI and every formula KPI that (through any
 * chain) uses one: a status change becomes an event, and, once the ingestion has committed, linked key results
 * move.
 * A key result linked to a KPI reads the number the KPI shows (SPEC: key results), as a check-in
 * from the KPI: its latest period value, or for a cumulative aggregation (SUM) its total over
 * [cycle start, now].
 */
@Component
class AfterIngestion {

	private final KpiCatalog catalog;

	private final KpiReadings readings;

	private final MeasuredKeyResults measuredKeyResults;

	private final KeyResults keyResults;

	private final Clock clock;

	private final KpiStatusChanges events;

	private final ApplicationEventPublisher publisher;

	private final TransactionTemplate ownTransaction;

	AfterIngestion(KpiCatalog catalog, KpiReadings readings, MeasuredKeyResults measuredKeyResults, KeyResults keyResults,
			Clock clock, KpiStatusChanges events, ApplicationEventPublisher publisher, PlatformTransactionManager transactions) {
		this.events = events;
		this.publisher = publisher;
		// After the commit the ingestion's connection may still be bound: a transaction of its own, not a part of it.
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.catalog = catalog;
		this.readings = readings;
		this.measuredKeyResults = measuredKeyResults;
		this.keyResults = keyResults;
		this.clock = clock;
	}

	/**
	 * In the ingestion's transaction: the KPIs' readings and status events. {@code newest}: each ingested KPI's
	 * newest instant now, which its row is about to be given. When key results are measured by any of them, an
	 * event, recorded with the ingestion, moves them once it has committed.
	 */
	void run(Collection<KpiDefinition> ingested, Map<UUID, Instant> newest) {
		Set<KpiDefinition> affected = withFormulasUsing(ingested);
		events.refreshAll(affected, newest);
		List<UUID> measuring = measuredBy(affected.stream().map(KpiDefinition::id).toList()).stream()
			.map(MeasuredKeyResult::kpiId)
			.distinct()
			.toList();
		if (!measuring.isEmpty()) {
			publisher.publishEvent(new KpiValuesChanged(Ids.next(), measuring));
		}
	}

	/**
	 * After the ingestion committed, in a transaction of its own: each key result measured by one of the KPIs takes
	 * the number the KPI shows now. A failure escapes: the publication stays incomplete and is resubmitted
	 * ({@code config.EventPublications}); the ingestion's id keeps a second run from checking in twice.
	 */
	@TransactionalEventListener(fallbackExecution = true)
	void on(KpiValuesChanged changed) {
		ownTransaction.executeWithoutResult(status -> {
			List<MeasuredKeyResult> measured = measuredBy(changed.kpiIds());
			// all their objectives at once, in the order a closing cycle takes them too: one at a time could deadlock
			keyResults.lockObjectivesOf(measured.stream().map(MeasuredKeyResult::keyResultId).toList());
			// after the locks: reactions to concurrent ingestions then date their check-ins in the order they read
			// the KPI, so the latest check-in holds the newest value read
			Instant now = Instant.now(clock);
			Map<UUID, KpiDefinition> kpis = new HashMap<>();
			Map<UUID, Double> latest = new HashMap<>();
			for (MeasuredKeyResult kr : measured) {
				KpiDefinition kpi = kpis.computeIfAbsent(kr.kpiId(), id -> catalog.find(id.toString()).orElse(null));
				if (kpi != null) {
					Double value = latest.computeIfAbsent(kpi.id(), catalog::latestValue);
					measure(kr, kpi, value, now, changed.ingestionId());
				}
			}
		});
	}

	private List<MeasuredKeyResult> measuredBy(List<UUID> ids) {
		List<MeasuredKeyResult> measured = new ArrayList<>();
		for (int from = 0; from < ids.size(); from += MeasurementDays.IN_LIST) {
			measured.addAll(measuredKeyResults.by(ids.subList(from, Math.min(ids.size(), from + MeasurementDays.IN_LIST))));
		}
		return measured;
	}

	/** A key result just linked to a KPI takes the KPI's value at once (in the linking transaction). */
	@EventListener
	void onLinked(KeyResultLinkedToKpi linked) {
		KpiDefinition kpi = catalog.find(linked.kpiId().toString()).orElse(null);
		if (kpi == null) {
			return;
		}
		Instant now = Instant.now(clock);
		List<MeasuredKeyResult> measured = measuredKeyResults.by(List.of(kpi.id())).stream()
			.filter(kr -> kr.keyResultId().equals(linked.keyResultId()))
			.toList();
		if (!measured.isEmpty()) {
			Double latest = readings.read(kpi, now).latestValue();
			measured.forEach(kr -> measure(kr, kpi, latest, now, Ids.next()));
		}
	}

	/**
	 * The number the KPI shows, as a check-in from the KPI; nothing when it has none or it lies beyond ±1e15. The
	 * latest period value (what its status is taken from) unless its values add up over time: then the total over
	 * [cycle start, now], as "revenue this quarter" reads. An average over the cycle would hide a KPI gone red
	 * behind the good weeks before it.
	 */
	private void measure(MeasuredKeyResult kr, KpiDefinition kpi, Double latest, Instant now,
			UUID ingestionId) {
		Double value = Aggregation.valueOf(kpi.aggregation()).isCumulative() ? totalOverCycle(kr, kpi, now) : latest;
		// A formula may reach far beyond what a key result holds (±1e15); its running sums would overflow.
		if (value != null && Magnitudes.accepted(value)) {
			keyResults.recordFromKpi(kr.keyResultId(), value, kpi.key(), ingestionId);
		}
	}

	private Double totalOverCycle(MeasuredKeyResult kr, KpiDefinition kpi, Instant now) {
		Instant start = kr.cycleStart().atStartOfDay(ZoneOffset.UTC).toInstant();
		Instant end = kr.cycleEnd().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		Instant to = now.isBefore(end) ? now.plusNanos(1) : end;
		return start.isBefore(to) ? readings.valueOver(kpi, start, to, 0) : null;
	}

	/** The ingested KPIs and every formula KPI that depends on one of them. */
	private Set<KpiDefinition> withFormulasUsing(Collection<KpiDefinition> ingested) {
		Map<String, List<KpiDefinition>> usersByKey = new HashMap<>();
		for (KpiDefinition formula : catalog.formulas()) {
			for (String key : KpiFormulas.references(formula.formula())) {
				usersByKey.computeIfAbsent(key, k -> new ArrayList<>()).add(formula);
			}
		}
		Deque<KpiDefinition> pending = new ArrayDeque<>(ingested);
		Set<KpiDefinition> affected = new LinkedHashSet<>();
		while (!pending.isEmpty()) {
			KpiDefinition kpi = pending.poll();
			if (affected.add(kpi)) {
				pending.addAll(usersByKey.getOrDefault(kpi.key(), List.of()));
			}
		}
		return affected;
	}
}
