package app.tandem.kpi;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import app.tandem.kpi.domain.Bucket;
import app.tandem.kpi.domain.Point;
import app.tandem.kpi.domain.Tally;
import app.tandem.shared.Sql;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
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

	/** Ids per {@code in} list: far below the 32,767 parameters PostgreSQL takes in one statement. */
	static final int IN_LIST = 1000;

	private static final String MISSING = """
			select k.id from kpi k where exists (select 1 from measurement m where m.kpi_id = k.id)
			and not exists (select 1 from measurement_day d where d.kpi_id = k.id)""";

	private static final String SELECT = "select day_start, n, total, low, high, last_at, last_amount from measurement_day";

	private static final RowMapper<Tally> TALLY = (rs, i) -> new Tally(rs.getObject(1, OffsetDateTime.class).toInstant(),
			rs.getInt(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5), rs.getObject(6, OffsetDateTime.class).toInstant(),
			rs.getDouble(7));

	/** Adds a tally to its day's, or stores it as the day's first (standard MERGE: H2, PostgreSQL 15+). */
	private static final String MERGE = """
			merge into measurement_day d
			using (select cast(? as uuid) as kpi_id, cast(? as timestamp with time zone) as day_start,
			  cast(? as integer) as n, cast(? as double precision) as total, cast(? as double precision) as low,
			  cast(? as double precision) as high, cast(? as timestamp with time zone) as last_at,
			  cast(? as double precision) as last_amount) s
			on d.kpi_id = s.kpi_id and d.day_start = s.day_start
			when matched then update set n = d.n + s.n, total = d.total + s.total, low = least(d.low, s.low),
			  high = greatest(d.high, s.high), last_at = greatest(d.last_at, s.last_at),
			  last_amount = case when s.last_at > d.last_at then s.last_amount else d.last_amount end
			when not matched then insert (kpi_id, day_start, n, total, low, high, last_at, last_amount)
			  values (s.kpi_id, s.day_start, s.n, s.total, s.low, s.high, s.last_at, s.last_amount)""";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	MeasurementDays(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
	}

	/**
	 * Takes in values just stored, per KPI. A day whose values are all new adds their tally to its
	 * own, for every KPI in one batch; a day where one replaced an earlier value is tallied again
	 * from its measurements. The caller holds the KPIs' row locks, so no other ingestion of them
	 * changes the same days meanwhile.
	 */
	void add(Map<UUID, List<Point>> values, Map<UUID, Set<Instant>> replaced) {
		List<Object[]> merges = new ArrayList<>();
		for (var entry : values.entrySet()) {
			UUID kpi = entry.getKey();
			Set<Instant> replacedHere = replaced.getOrDefault(kpi, Set.of());
			Map<Instant, Tally> added = new TreeMap<>();
			Set<Instant> retally = new TreeSet<>();
			for (Point point : entry.getValue()) {
				Instant day = Bucket.DAY.startOf(point.at());
				added.merge(day, Tally.of(point).startingAt(day), Tally::plus);
				if (replacedHere.contains(point.at())) {
					retally.add(day);
				}
			}
			for (Tally t : added.values()) {
				if (retally.contains(t.at())) {
					retallyDay(kpi, t.at());
				}
				else {
					merges.add(new Object[] { kpi, Sql.ts(t.at()), t.count(), t.sum(), t.min(), t.max(),
							Sql.ts(t.lastAt()), t.last() });
				}
			}
		}
		if (!merges.isEmpty()) {
			jdbc.batchUpdate(MERGE, merges);
		}
	}

	private void retallyDay(UUID kpi, Instant day) {
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
		}, kpi, Sql.ts(day), Sql.ts(Bucket.DAY.next(day)));
		jdbc.update("delete from measurement_day where kpi_id = ? and day_start = ?", kpi, Sql.ts(day));
		if (tally != null) {
			insert(kpi, List.of(tally));
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
		tallies.addAll(jdbc.query(SELECT + " where kpi_id = ? and day_start >= ? and day_start < ? order by day_start",
				TALLY, kpi, Sql.ts(firstDay), Sql.ts(lastDay)));
		tallies.addAll(points(kpi, lastDay, to));
		return tallies;
	}

	/**
	 * As {@link #between} for many KPIs, in one query when the range is whole UTC days (an
	 * ingestion's look-back windows always are). KPIs without measurements there are absent. The ids
	 * go in as one array joined by key: with an {@code in} list H2 reads all of each KPI's days.
	 */
	Map<UUID, List<Tally>> betweenAll(List<UUID> kpis, Instant from, Instant to) {
		Map<UUID, List<Tally>> tallies = new HashMap<>();
		if (!Bucket.DAY.startOf(from).equals(from) || !Bucket.DAY.startOf(to).equals(to)) {
			kpis.forEach(kpi -> tallies.put(kpi, between(kpi, from, to)));
			return tallies;
		}
		jdbc.query(connection -> {
			var statement = connection.prepareStatement("""
					select d.kpi_id, d.day_start, d.n, d.total, d.low, d.high, d.last_at, d.last_amount
					from unnest(cast(? as uuid array)) as k(id) join measurement_day d on d.kpi_id = k.id
					where d.day_start >= ? and d.day_start < ?""");
			statement.setArray(1, connection.createArrayOf("uuid", kpis.toArray()));
			statement.setObject(2, Sql.ts(from));
			statement.setObject(3, Sql.ts(to));
			return statement;
		}, rs -> {
			tallies.computeIfAbsent(Sql.uuid(rs, 1), k -> new ArrayList<>())
				.add(new Tally(rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getInt(3), rs.getDouble(4),
						rs.getDouble(5), rs.getDouble(6), rs.getObject(7, OffsetDateTime.class).toInstant(),
						rs.getDouble(8)));
		});
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
