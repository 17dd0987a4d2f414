package app.tandem.corpus;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import javax.sql.DataSource;

import app.tandem.interchange.BackupTablesForTests;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A cheap fingerprint of everything a request can store: per table of a backup
 * ({@code BackupTables.ORDER}), its row count and the sum of a hash of each row's columns, in one
 * query. Left out, because refusals legitimately write them: {@code api_token.last_used_at} (any
 * authenticated request, at most once a minute), the audit trail's {@code sign_in} rows and
 * {@code sign_in_failure} (a refused credential is recorded on purpose). The rest of the audit trail
 * is counted: a refused request that audits a change has made one. Sessions, {@code cluster_lock},
 * {@code totp_key} and the derived {@code measurement_day} are not in a backup and not looked at.
 */
final class Fingerprint {

	private static final Map<String, Set<String>> LEFT_OUT_COLUMNS = Map.of("api_token", Set.of("last_used_at"));

	private final JdbcClient jdbc;

	private final String query;

	private Fingerprint(JdbcClient jdbc, String query) {
		this.jdbc = jdbc;
		this.query = query;
	}

	static Fingerprint of(DataSource dataSource) throws Exception {
		List<String> parts = new ArrayList<>();
		try (Connection connection = dataSource.getConnection()) {
			boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
			// hashtext is PostgreSQL's internal text hash; ORA_HASH is H2's. Summed, so row order does not matter.
			String hash = postgres ? "hashtext(%s)" : "ora_hash(%s)";
			for (String table : BackupTablesForTests.order()) {
				List<String> columns = new ArrayList<>();
				try (var statement = connection.createStatement();
						ResultSet rs = statement.executeQuery("select * from " + table + " where 1 = 0")) {
					for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
						String column = rs.getMetaData().getColumnName(i).toLowerCase(Locale.ROOT);
						if (!LEFT_OUT_COLUMNS.getOrDefault(table, Set.of()).contains(column)) {
							columns.add("coalesce(cast(" + column + " as varchar), '~')");
						}
					}
				}
				String row = "concat_ws('|', " + String.join(", ", columns) + ")";
				parts.add("select '" + table + "' as t, count(*) as n, coalesce(sum(cast(" + hash.formatted(row)
						+ " as bigint)), 0) as h from " + table);
			}
			parts.add("select 'audit_event' as t, count(*) as n, 0 as h from audit_event where entity <> 'sign_in'");
		}
		return new Fingerprint(JdbcClient.create(dataSource), String.join(" union all ", parts));
	}

	/** Table → "rows:hash". */
	Map<String, String> take() {
		Map<String, String> tables = new LinkedHashMap<>();
		jdbc.sql(query).query(rs -> {
			tables.put(rs.getString("t"), rs.getLong("n") + ":" + rs.getString("h"));
		});
		return tables;
	}

	/** The tables that differ, with their row counts before → after. */
	static String difference(Map<String, String> before, Map<String, String> after) {
		List<String> changed = new ArrayList<>();
		after.forEach((table, now) -> {
			String was = before.get(table);
			if (!Objects.equals(was, now)) {
				String rowsBefore = was == null ? "?" : was.substring(0, was.indexOf(':'));
				String rowsAfter = now.substring(0, now.indexOf(':'));
				changed.add(table + (rowsBefore.equals(rowsAfter) ? " (a row changed)" : " (" + rowsBefore + " → " + rowsAfter
						+ " rows)"));
			}
		});
		return String.join(", ", changed);
	}
}
