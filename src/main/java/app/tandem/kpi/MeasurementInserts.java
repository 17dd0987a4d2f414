package app.tandem.kpi;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.tandem.shared.Sql;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes new measurements by the fastest path of the database: PostgreSQL's {@code COPY} (about
 * 2.5 times a batched insert), elsewhere batched inserts. Runs in the caller's transaction.
 */
@Component
class MeasurementInserts {

	private final JdbcTemplate jdbc;

	MeasurementInserts(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	record NewMeasurement(UUID kpi, Instant at, double value) {
	}

	void insert(List<NewMeasurement> rows) {
		if (rows.isEmpty()) {
			return;
		}
		jdbc.execute((ConnectionCallback<Void>) connection -> {
			if (connection.isWrapperFor(PGConnection.class)) {
				copy(connection, rows);
			}
			else {
				batch(rows);
			}
			return null;
		});
	}

	private static void copy(Connection connection, List<NewMeasurement> rows) throws SQLException {
		StringBuilder csv = new StringBuilder(rows.size() * 72);
		for (NewMeasurement row : rows) {
			// Only ids, ISO instants and finite doubles: nothing here needs CSV quoting.
			csv.append(row.kpi()).append(',').append(row.at()).append(',').append(row.value()).append('\n');
		}
		try {
			connection.unwrap(PGConnection.class).getCopyAPI()
				.copyIn("copy measurement (kpi_id, at, amount) from stdin (format csv)", new StringReader(csv.toString()));
		}
		catch (java.io.IOException e) {
			throw new SQLException("COPY of measurements failed", e);
		}
	}

	private void batch(List<NewMeasurement> rows) {
		jdbc.batchUpdate("insert into measurement (kpi_id, at, amount) values (?, ?, ?)",
				rows.stream().map(r -> new Object[] { r.kpi(), Sql.ts(r.at()), r.value() }).toList());
	}
}
