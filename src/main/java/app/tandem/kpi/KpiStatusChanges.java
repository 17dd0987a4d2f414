package app.tandem.kpi;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.tandem.kpi.domain.KpiForecast;
import app.tandem.kpi.domain.KpiStatus;
import app.tandem.shared.Ids;
import app.tandem.shared.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Status changes of KPIs (AMBER → RED, …), recorded in the transaction of the ingestion (or
 * definition change) after which the status differs from the one stored before.
 */
@Component
public class KpiStatusChanges {

	private final JdbcClient jdbc;

	private final KpiReadings readings;

	private final Clock clock;

	private final JdbcTemplate batch;

	private final org.springframework.context.ApplicationEventPublisher publisher;

	KpiStatusChanges(JdbcClient jdbc, JdbcTemplate batch, KpiReadings readings, Clock clock,
			org.springframework.context.ApplicationEventPublisher publisher) {
		this.publisher = publisher;
		this.jdbc = jdbc;
		this.batch = batch;
		this.readings = readings;
		this.clock = clock;
	}

	public record KpiEvent(String id, String kpiId, KpiStatus from, KpiStatus to, Instant at, Double value) {
	}

	/**
	 * Recomputes what the KPI's measurements say and stores it on the KPI row (status, latest
	 * value and instant, trend, forecast); a change of status is also recorded as an event.
	 */
	void refresh(KpiDefinition kpi) {
		refreshAll(List.of(kpi), Map.of());
	}

	/**
	 * As {@link #refresh} for many KPIs, in a few statements (an ingestion may touch thousands), each
	 * KPI row written once. {@code newest}: the newest instants an ingestion has just written.
	 * Answers the readings stored, by KPI id.
	 */
	Map<UUID, KpiReadings.Reading> refreshAll(Collection<KpiDefinition> kpis, Map<UUID, Instant> newest) {
		Instant now = Instant.now(clock).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
		Map<UUID, KpiReadings.Reading> fresh = readings.readAll(kpis, now, newest);
		Map<UUID, KpiStatus> before = new HashMap<>();
		List<UUID> ids = kpis.stream().map(KpiDefinition::id).toList();
		for (int from = 0; from < ids.size(); from += MeasurementDays.IN_LIST) {
			List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + MeasurementDays.IN_LIST));
			jdbc.sql("select id, last_status from kpi where id in (:ids)").param("ids", chunk)
				.query(rs -> {
					String status = rs.getString(2);
					before.put(Sql.uuid(rs, 1), status == null ? KpiStatus.NO_DATA : KpiStatus.valueOf(status));
				});
		}
		List<Object[]> updates = new ArrayList<>();
		List<Object[]> events = new ArrayList<>();
		List<KpiStatusChanged> changed = new ArrayList<>();
		for (UUID id : ids) {
			KpiReadings.Reading reading = fresh.get(id);
			KpiForecast f = reading.forecast();
			updates.add(new Object[] { reading.status().name(), reading.latestValue(), Sql.ts(reading.latestAt()),
					reading.trend(), f.reason(), f.periods(), Sql.ts(f.at()), f.projectedValue(), f.low(), f.high(),
					Sql.ts(f.warningAt()), Sql.ts(f.targetAt()), id });
			KpiStatus from = before.getOrDefault(id, KpiStatus.NO_DATA);
			if (from != reading.status()) {
				UUID eventId = Ids.next();
				events.add(new Object[] { eventId, id, from.name(), reading.status().name(), Sql.ts(now),
						reading.latestValue() });
				changed.add(new KpiStatusChanged(eventId, id, from, reading.status(), reading.latestValue(), now));
			}
		}
		batch.batchUpdate("""
				update kpi set last_status = ?, latest_value = ?, latest_at = ?, trend = ?, forecast_reason = ?,
				  forecast_periods = ?, forecast_at = ?, forecast_value = ?, forecast_low = ?, forecast_high = ?,
				  forecast_warning_at = ?, forecast_target_at = ?
				where id = ?""", updates);
		if (!events.isEmpty()) {
			batch.batchUpdate("insert into kpi_event (id, kpi_id, from_status, to_status, at, amount) values (?, ?, ?, ?, ?, ?)",
					events);
			changed.forEach(publisher::publishEvent);
		}
		return fresh;
	}

	/** Newest first. */
	public List<KpiEvent> of(UUID kpiId) {
		return jdbc.sql("select * from kpi_event where kpi_id = ? order by at desc, id desc").param(kpiId)
			.query((rs, i) -> new KpiEvent(Sql.uuid(rs, "id").toString(), Sql.uuid(rs, "kpi_id").toString(),
					KpiStatus.valueOf(rs.getString("from_status")), KpiStatus.valueOf(rs.getString("to_status")),
					Sql.instant(rs, "at"), Sql.dbl(rs, "amount")))
			.list();
	}
}
