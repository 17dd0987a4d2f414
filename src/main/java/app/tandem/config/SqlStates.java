package app.tandem.config;

import java.sql.SQLException;

/** The SQLSTATE behind a database error (the same classes on H2 and PostgreSQL). */
final class SqlStates {

	private SqlStates() {
	}

	/** The first SQLSTATE in the causes, or null. */
	static String of(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof SQLException sql && sql.getSQLState() != null) {
				return sql.getSQLState();
			}
		}
		return null;
	}

	/** Class 22, "data exception": the value itself cannot be stored (U+0000 in text, a number beyond its column). */
	static boolean isDataException(String state) {
		return state != null && state.startsWith("22");
	}
}
