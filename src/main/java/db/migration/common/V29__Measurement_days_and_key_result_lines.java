package db.migration.common;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import app.tandem.kpi.domain.Bucket;
import app.tandem.kpi.domain.Point;
import app.tandem.kpi.domain.Tally;
import app.tandem.okr.domain.CheckInPoint;
import app.tandem.okr.domain.Cycle;
import app.tandem.okr.domain.KeyResultForecast;
import app.tandem.shared.math.RunningFit;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Derived columns for rows written before they were kept, once, where earlier versions did it at every start: each
 * KPI with measurements but no {@code measurement_day} rows gets its days tallied, each key result without a
 * forecast line ({@code fit_n} null) gets the line through its value check-ins in its cycle. The same arithmetic as
 * {@code kpi.MeasurementDays} and {@code okr.KeyResultLineRebuild}, through the domain types they use; a database that
 * never held such rows finds nothing to do.
 */
public class V29__Measurement_days_and_key_result_lines extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		tallyMeasurementDays(connection);
		computeKeyResultLines(connection);
	}

	private static void tallyMeasurementDays(Connection connection) throws SQLException {
		List<UUID> kpis = ids(connection, """
				select k.id from kpi k where exists (select 1 from measurement m where m.kpi_id = k.id)
				and not exists (select 1 from measurement_day d where d.kpi_id = k.id)""");
		try (PreparedStatement read = connection.prepareStatement(
				"select at, amount from measurement where kpi_id = ? order by at");
				PreparedStatement insert = connection.prepareStatement("""
						insert into measurement_day (kpi_id, day_start, n, total, low, high, last_at, last_amount)
						values (?, ?, ?, ?, ?, ?, ?, ?)""")) {
			for (UUID kpi : kpis) {
				read.setObject(1, kpi);
				Tally day = null;
				try (ResultSet rs = read.executeQuery()) {
					while (rs.next()) {
						Point point = new Point(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getDouble(2));
						Instant start = Bucket.DAY.startOf(point.at());
						if (day != null && day.at().equals(start)) {
							day = day.with(point);
							continue;
						}
						if (day != null) {
							add(insert, kpi, day);
						}
						day = Tally.of(point).startingAt(start);
					}
				}
				if (day != null) {
					add(insert, kpi, day);
				}
				insert.executeBatch();
			}
		}
	}

	private static void add(PreparedStatement insert, UUID kpi, Tally day) throws SQLException {
		insert.setObject(1, kpi);
		insert.setObject(2, day.at().atOffset(ZoneOffset.UTC));
		insert.setInt(3, day.count());
		insert.setDouble(4, day.sum());
		insert.setDouble(5, day.min());
		insert.setDouble(6, day.max());
		insert.setObject(7, day.lastAt().atOffset(ZoneOffset.UTC));
		insert.setDouble(8, day.last());
		insert.addBatch();
	}

	private record LineInput(UUID id, Instant origin, LocalDate cycleStart, LocalDate cycleEnd) {
	}

	private static void computeKeyResultLines(Connection connection) throws SQLException {
		List<LineInput> inputs = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement("""
				select k.id, k.created_at, c.start_date, c.end_date from key_result k
				join objective o on o.id = k.objective_id join cycle c on c.id = o.cycle_id
				where k.fit_n is null order by k.id""");
				ResultSet rs = statement.executeQuery()) {
			while (rs.next()) {
				inputs.add(new LineInput(rs.getObject(1, UUID.class), rs.getObject(2, OffsetDateTime.class).toInstant(),
						rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class)));
			}
		}
		try (PreparedStatement read = connection.prepareStatement(
				"select at, amount from check_in where key_result_id = ? and amount is not null");
				PreparedStatement store = connection.prepareStatement("""
						update key_result set fit_n = ?, fit_mean_x = ?, fit_mean_y = ?, fit_sxx = ?, fit_sxy = ?,
						  fit_syy = ?, fit_sse = ?, fit_min_x = ?, fit_max_x = ?
						where id = ?""")) {
			for (LineInput kr : inputs) {
				read.setObject(1, kr.id());
				List<CheckInPoint> points = new ArrayList<>();
				try (ResultSet rs = read.executeQuery()) {
					while (rs.next()) {
						points.add(new CheckInPoint(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getDouble(2)));
					}
				}
				RunningFit fit = KeyResultForecast.lineThrough(kr.origin(), new Cycle(kr.cycleStart(), kr.cycleEnd(), null),
						points);
				store.setInt(1, fit.n());
				store.setDouble(2, fit.meanX());
				store.setDouble(3, fit.meanY());
				store.setDouble(4, fit.sxx());
				store.setDouble(5, fit.sxy());
				store.setDouble(6, fit.syy());
				store.setDouble(7, fit.sse());
				store.setObject(8, fit.n() == 0 ? null : fit.minX());
				store.setObject(9, fit.n() == 0 ? null : fit.maxX());
				store.setObject(10, kr.id());
				store.addBatch();
			}
			store.executeBatch();
		}
	}

	private static List<UUID> ids(Connection connection, String sql) throws SQLException {
		List<UUID> ids = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rs = statement.executeQuery()) {
			while (rs.next()) {
				ids.add(rs.getObject(1, UUID.class));
			}
		}
		return ids;
	}
}
