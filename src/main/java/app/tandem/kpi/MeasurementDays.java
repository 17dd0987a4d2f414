package app.tandem.kpi;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

import app.tandem.kpi.domain.Bucket;
import app.tandem.kpi.domain.Point;
import app.tandem.kpi.domain.Tally;
import app.tandem.shared.Sql;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A KPI's measurements tallied per UTC day ({@code measurement_day}), so that reading a period costs
 * a row per day, however many measurements a day holds (a feed may send one a minute). Every
 * bucket is whole UTC days, so a day never straddles two buckets.
 */
@Component
public class MeasurementDays {

	private static final int BATCH = 1000;

	private static final String MISSING = """
			select k.id from kpi k where exists (select 1 from measurement m where m.kpi_id = k.id)
			and not exists (select 1 from measurement_day d where d.kpi_id = k.id)""";

	private static final Logger log = LoggerFactory.getLogger(MeasurementDays.class);

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	MeasurementDays(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
	}

	/**
	 * Tallies again the UTC days that hold the given instants, from the measurements as they are now
	 * in this transaction. The caller holds the KPI's row lock, so no other ingestion of the KPI can
	 * tally the same day from a different view.
	 */
	void retally(UUID kpi, Collection<Instant> instants) {
		TreeSet<Instant> days = new TreeSet<>();
		instants.forEach(at -> days.add(Bucket.DAY.startOf(at)));
		for (Instant day : days) {
			Instant end = Bucket.DAY.next(day);
			Tally tally = jdbc.query("""
					select count(*), sum(amount), min(amount), max(amount), max(at) from measurement
					where kpi_id = ? and at >= ? and at < ?""", rs -> {
				rs.next();
				int n = rs.getInt(1);
				if (n == 0) {
					return null;
				}
				Instant lastAt = rs.getObject(5, OffsetDateTime.class).toInstant();
				double last = jdbc.queryForObject("select amount from measurement where kpi_id = ? and at = ?",
						Double.class, kpi, Sql.ts(lastAt));
				return new Tally(day, n, rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), lastAt, last);
			}, kpi, Sql.ts(day), Sql.ts(end));
			jdbc.update("delete from measurement_day where kpi_id = ? and day_start = ?", kpi, Sql.ts(day));
			if (tally != null) {
				insert(kpi, List.of(tally));
			}
		}
	}

	/**
	 * Tallies every day of each KPI that has measurements but no days (data from before the table, a
	 * restored backup); answers how many KPIs. Safe beside ingestions and other nodes doing the same:
	 * each KPI is tallied under its row lock, after checking again.
	 */
	public int tallyMissing() {
		List<UUID> kpis = jdbc.queryForList(MISSING, UUID.class);
		int tallied = 0;
		for (UUID kpi : kpis) {
			Integer done = transactions.execute(status -> {
				jdbc.queryForList("select id from kpi where id = ? for update", UUID.class, kpi);
				if (jdbc.queryForList(MISSING + " and k.id = ?", UUID.class, kpi).isEmpty()) {
					return 0;
				}
				tallyAll(kpi);
				return 1;
			});
			tallied += done == null ? 0 : done;
		}
		return tallied;
	}

	/** At start: measurements written by a version without this table get their days. */
	@EventListener(ApplicationReadyEvent.class)
	void tallyMissingAtStart() {
		int tallied = tallyMissing();
		if (tallied > 0) {
			log.info("Tallied the measurements of {} KPIs per day", tallied);
		}
	}

	private void tallyAll(UUID kpi) {
		jdbc.update("delete from measurement_day where kpi_id = ?", kpi);
		List<Tally> days = new ArrayList<>();
		Tally[] today = { null };
		jdbc.query("select at, amount from measurement where kpi_id = ? order by at", rs -> {
			Point point = new Point(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getDouble(2));
			Instant day = Bucket.DAY.startOf(point.at());
			if (today[0] != null && today[0].at().equals(day)) {
				today[0] = today[0].with(point);
				return;
			}
			if (today[0] != null) {
				days.add(today[0]);
			}
			today[0] = Tally.of(point).startingAt(day);
			if (days.size() >= BATCH) {
				insert(kpi, days);
				days.clear();
			}
		}, kpi);
		if (today[0] != null) {
			days.add(today[0]);
		}
		insert(kpi, days);
	}

	private void insert(UUID kpi, List<Tally> days) {
		if (days.isEmpty()) {
			return;
		}
		jdbc.batchUpdate("""
				insert into measurement_day (kpi_id, day_start, n, total, low, high, last_at, last_amount)
				values (?, ?, ?, ?, ?, ?, ?, ?)""", days.stream()
			.map(t -> new Object[] { kpi, Sql.ts(t.at()), t.count(), t.sum(), t.min(), t.max(), Sql.ts(t.lastAt()),
					t.last() })
			.toList());
	}

	/**
	 * The KPI's measurements in [from, to) as tallies: stored days for the whole UTC days inside the
	 * range, single measurements for the partial days at its edges.
	 */
	List<Tally> between(UUID kpi, Instant from, Instant to) {
		Instant firstDay = Bucket.DAY.startOf(from);
		if (firstDay.isBefore(from)) {
			firstDay = Bucket.DAY.next(firstDay);
		}
		Instant lastDay = Bucket.DAY.startOf(to);
		if (!firstDay.isBefore(lastDay)) {
			return points(kpi, from, to);
		}
		List<Tally> tallies = new ArrayList<>(points(kpi, from, firstDay));
		tallies.addAll(jdbc.query("""
				select day_start, n, total, low, high, last_at, last_amount from measurement_day
				where kpi_id = ? and day_start >= ? and day_start < ? order by day_start""",
				(rs, i) -> new Tally(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getInt(2), rs.getDouble(3),
						rs.getDouble(4), rs.getDouble(5), rs.getObject(6, OffsetDateTime.class).toInstant(),
						rs.getDouble(7)),
				kpi, Sql.ts(firstDay), Sql.ts(lastDay)));
		tallies.addAll(points(kpi, lastDay, to));
		return tallies;
	}

	private List<Tally> points(UUID kpi, Instant from, Instant to) {
		if (!from.isBefore(to)) {
			return List.of();
		}
		return jdbc.query("select at, amount from measurement where kpi_id = ? and at >= ? and at < ? order by at",
				(rs, i) -> Tally.of(new Point(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getDouble(2))), kpi,
				Sql.ts(from), Sql.ts(to));
	}

}
