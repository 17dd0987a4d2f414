package app.tandem.kpi;

import java.util.List;

import app.tandem.shared.ClusterSchedule;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At start, once: KPIs whose stored reading predates forecasts get theirs (until then a read computes it),
 * after the day tallies they are computed from ({@link MeasurementDays#tallyMissingAtStart}).
 */
@Component
class KpiForecastsAtStart {

	private static final Logger log = LoggerFactory.getLogger(KpiForecastsAtStart.class);

	/** KPIs per transaction: a long backlog does not hold one transaction open for all of it. */
	private static final int BATCH = 500;

	private final KpiCatalog catalog;

	private final KpiEvents events;

	private final TransactionTemplate transactions;

	KpiForecastsAtStart(KpiCatalog catalog, KpiEvents events, PlatformTransactionManager transactions) {
		this.catalog = catalog;
		this.events = events;
		this.transactions = new TransactionTemplate(transactions);
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(MeasurementDays.AT_START + 1)
	@SchedulerLock(name = "kpi-forecasts", lockAtLeastFor = ClusterSchedule.START_UP, lockAtMostFor = ClusterSchedule.START_UP)
	void computeMissing() {
		List<KpiDefinition> missing = catalog.withoutForecast();
		for (int from = 0; from < missing.size(); from += BATCH) {
			List<KpiDefinition> batch = missing.subList(from, Math.min(missing.size(), from + BATCH));
			transactions.executeWithoutResult(status -> events.storeForecasts(batch));
		}
		if (!missing.isEmpty()) {
			log.info("Computed the forecasts of {} KPIs", missing.size());
		}
	}
}
