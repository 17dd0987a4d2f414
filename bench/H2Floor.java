import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/** The raw floor on H2: batched INSERTs of 1,000 into a scratch file database; prints rows/s. */
public class H2Floor {

	public static void main(String[] args) throws Exception {
		int rows = Integer.parseInt(args[0]);
		Path dir = Files.createTempDirectory("h2floor");
		String url = "jdbc:h2:file:" + dir.resolve("floor") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
		try (Connection c = DriverManager.getConnection(url, "sa", "")) {
			try (Statement s = c.createStatement()) {
				s.execute("create table measurement_floor (kpi_id uuid not null, at timestamp with time zone not null,"
						+ " amount double precision not null, primary key (kpi_id, at))");
			}
			c.setAutoCommit(false);
			UUID kpi = UUID.randomUUID();
			Instant start = Instant.parse("2024-01-01T00:00:00Z");
			long began = System.nanoTime();
			try (PreparedStatement ps = c.prepareStatement("insert into measurement_floor values (?, ?, ?)")) {
				for (int i = 0; i < rows; i++) {
					ps.setObject(1, kpi);
					ps.setObject(2, start.plusSeconds(60L * i).atOffset(ZoneOffset.UTC));
					ps.setDouble(3, (i % 997) / 10.0);
					ps.addBatch();
					if (i % 1000 == 999) {
						ps.executeBatch();
					}
				}
				ps.executeBatch();
			}
			c.commit();
			double secs = (System.nanoTime() - began) / 1e9;
			System.out.println("rows/s " + rows / secs);
		}
	}
}
