import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The raw floor on H2: the rows bench/ingest.py sends (spread over 100 KPIs, one a minute each),
 * as batched INSERTs of 1,000 committed every 10,000 rows (one request's worth) in key order, into a table shaped
 * like Tandem's measurement (same key, foreign key to its KPI) in a scratch file database. 100,000
 * rows go in untimed first, as the JIT warms up; prints rows/s of the rest.
 */
public class H2Floor {

	private static final int KPIS = 100;

	private static final int COMMIT_EVERY = 10_000;

	public static void main(String[] args) throws Exception {
		int rows = Integer.parseInt(args[0]);
		Path dir = Files.createTempDirectory("h2floor");
		String url = "jdbc:h2:file:" + dir.resolve("floor") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
		try (Connection c = DriverManager.getConnection(url, "sa", "")) {
			try (Statement s = c.createStatement()) {
				s.execute("create table kpi (id uuid primary key)");
				s.execute("create table measurement_floor (kpi_id uuid not null references kpi (id),"
						+ " at timestamp with time zone not null, amount double precision not null, primary key (kpi_id, at))");
			}
			UUID[] kpis = new UUID[KPIS];
			try (PreparedStatement ps = c.prepareStatement("insert into kpi values (?)")) {
				for (int k = 0; k < KPIS; k++) {
					kpis[k] = UUID.randomUUID();
					ps.setObject(1, kpis[k]);
					ps.executeUpdate();
				}
			}
			c.setAutoCommit(false);
			load(c, kpis, Instant.parse("2023-01-01T00:00:00Z"), 100_000);
			long began = System.nanoTime();
			load(c, kpis, Instant.parse("2024-01-01T00:00:00Z"), rows);
			double secs = (System.nanoTime() - began) / 1e9;
			System.out.println("rows/s " + rows / secs);
		}
	}

	private static void load(Connection c, UUID[] kpis, Instant start, int rows) throws Exception {
		try (PreparedStatement ps = c.prepareStatement("insert into measurement_floor values (?, ?, ?)")) {
			for (int n = 0; n < rows; n++) {
				// Each commit's rows in key order (KPI, then instant), as Tandem writes a request's rows.
				int group = n / COMMIT_EVERY * COMMIT_EVERY;
				int size = Math.min(COMMIT_EVERY, rows - group);
				int k = (n - group) / (size / KPIS);
				int i = group + (n - group) % (size / KPIS) * KPIS + k;
				ps.setObject(1, kpis[i % KPIS]);
				ps.setObject(2, start.plusSeconds(60L * (i / KPIS)).atOffset(ZoneOffset.UTC));
				ps.setDouble(3, (i % 997) / 10.0);
				ps.addBatch();
				if (n % 1000 == 999) {
					ps.executeBatch();
				}
				if (n % COMMIT_EVERY == COMMIT_EVERY - 1) {
					c.commit();
				}
			}
			ps.executeBatch();
			c.commit();
		}
	}
}
