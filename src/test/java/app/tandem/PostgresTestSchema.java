package app.tandem;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With the postgres profile, gives each test application context an empty schema of its own on the
 * shared server (no Docker here, so no throwaway containers), and drops it when the JVM ends.
 */
public class PostgresTestSchema implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		ConfigurableEnvironment env = context.getEnvironment();
		if (!env.matchesProfiles("postgres")) {
			return;
		}
		String url = env.getRequiredProperty("tandem.test.postgres.url");
		String user = env.getProperty("spring.datasource.username");
		String password = env.getProperty("spring.datasource.password");
		String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		execute(url, user, password, "create schema " + schema);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> execute(url, user, password,
				"drop schema if exists " + schema + " cascade")));
		String separator = url.contains("?") ? "&" : "?";
		env.getPropertySources().addFirst(new MapPropertySource("postgresTestSchema",
				Map.of("spring.datasource.url", url + separator + "currentSchema=" + schema)));
	}

	private static void execute(String url, String user, String password, String sql) {
		try (Connection connection = DriverManager.getConnection(url, user, password);
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException e) {
			throw new IllegalStateException("PostgreSQL at " + url + " refused: " + sql, e);
		}
	}
}
