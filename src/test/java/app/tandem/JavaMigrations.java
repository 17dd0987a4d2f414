package app.tandem;

import java.sql.Connection;

import javax.sql.DataSource;

import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/** Runs a Flyway Java migration again on a database, as on one upgraded from rows written before it. */
public final class JavaMigrations {

	private JavaMigrations() {
	}

	public static void run(JavaMigration migration, DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			migration.migrate(new Context() {
				@Override
				public Configuration getConfiguration() {
					return null;
				}

				@Override
				public Connection getConnection() {
					return connection;
				}
			});
			connection.commit();
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}
}
