package app.tandem.kpi;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.tandem.kpi.domain.KpiStatus;
import app.tandem.shared.Ids;
import app.tandem.shared.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Status changes of KPIs (AMBER → RED, …), recorded in the transaction of the ingestion (or
 * definition change) after which the status differs from the one stored before.
 */
@Component
public class KpiEvents {

	private final JdbcClient jdbc;

	private final KpiReadings readings;

	private final Clock clock;

	KpiEvents(JdbcClient jdbc, KpiReadings readings, Clock clock) {
		this.jdbc = jdbc;
		this.readings = readings;
		this.clock = clock;
	}

	public record KpiEvent(String id, String kpiId, KpiStatus from, KpiStatus to, Instant at, Double value) {
	}

	/**
	 * Recomputes what the KPI's measurements say and stores it on the KPI row (status, latest
	 * value and instant, trend); a change of status is also recorded as an event.
	 */
	void refresh(KpiDefinition kpi) {
		Instant now = Instant.now(clock).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
		KpiReadings.Reading reading = readings.read(kpi, now);
		String before = jdbc.sql("select last_status from kpi where id = ?").param(kpi.id()).query(String.class)
			.optional().orElse(null);
		KpiStatus from = before == null ? KpiStatus.NO_DATA : KpiStatus.valueOf(before);
		jdbc.sql("update kpi set last_status = ?, latest_value = ?, latest_at = ?, trend = ? where id = ?")
			.params(reading.status().name(), reading.latestValue(), Sql.ts(reading.latestAt()), reading.trend(), kpi.id())
			.update();
		if (from == reading.status()) {
			return;
		}
		jdbc.sql("insert into kpi_event (id, kpi_id, from_status, to_status, at, amount) values (?, ?, ?, ?, ?, ?)")
			.params(Ids.next(), kpi.id(), from.name(), reading.status().name(), Sql.ts(now), reading.latestValue())
			.update();
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
