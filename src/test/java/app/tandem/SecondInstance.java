package app.tandem;

import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Another, empty Tandem next to the one under test: for restores "into an empty instance", and for
 * moving an organisation from H2 to PostgreSQL and back.
 */
public final class SecondInstance implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	public final String database;

	private SecondInstance(ConfigurableApplicationContext context, String database) {
		this.context = context;
		this.database = database;
	}

	/** On PostgreSQL when {@code postgres} is true (a fresh schema), else on a fresh in-memory H2. */
	public static SecondInstance start(boolean postgres, String... extraArguments) {
		// Command-line arguments: they outrank application.properties (server.port=8080).
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--tandem.admin-password=open-sesame-test-run"));
		args.addAll(List.of(extraArguments));
		SpringApplicationBuilder builder = new SpringApplicationBuilder(TandemApplication.class);
		boolean ownDatabase = args.stream().anyMatch(arg -> arg.startsWith("--spring.datasource.url="));
		if (postgres) {
			builder.profiles("postgres");
			if (!ownDatabase) {
				builder.initializers(new PostgresTestSchema());
			}
		}
		else if (!ownDatabase) {
			args.add("--spring.datasource.url=jdbc:h2:mem:second-" + UUID.randomUUID()
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
		}
		return new SecondInstance(builder.run(args.toArray(String[]::new)), postgres ? "PostgreSQL" : "H2");
	}

	/** The database the suite does not run on, when it can be reached (PostgreSQL is optional for ./mvnw verify). */
	public static boolean postgresReachable() {
		String url = System.getenv().getOrDefault("TANDEM_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
		String user = System.getenv().getOrDefault("TANDEM_TEST_POSTGRES_USER", "postgres");
		try (var connection = DriverManager.getConnection(url, user, System.getenv("TANDEM_TEST_POSTGRES_PASSWORD"))) {
			return true;
		}
		catch (Exception e) {
			return false;
		}
	}

	/**
	 * Stops this instance and starts another on the same database, as a node restarted after it went down:
	 * with these arguments too.
	 */
	public SecondInstance restart(String... extraArguments) {
		String url = context.getEnvironment().getRequiredProperty("spring.datasource.url");
		close();
		List<String> args = new ArrayList<>(List.of(extraArguments));
		args.add("--spring.datasource.url=" + url);
		return start(database.equals("PostgreSQL"), args.toArray(String[]::new));
	}

	/** A bean of this instance. */
	public <T> T bean(Class<T> type) {
		return context.getBean(type);
	}

	public int port() {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	@Override
	public void close() {
		ApiClient.forget(port());
		context.close();
	}
}
