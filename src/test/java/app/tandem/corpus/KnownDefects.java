package app.tandem.corpus;

import java.util.List;
import java.util.regex.Pattern;

/**
 * TEMPORARY. Failures of the corpus that are known and being fixed, keyed by the item of issue 14 that
 * fixes them (or NEW-n: found by the corpus, in no item yet). A finding that one of these matches is
 * reported but does not fail the test. Empty this list as the fixes are merged: with it empty the
 * corpus is strict. An entry that matches nothing any more is reported, so that it can be removed.
 */
final class KnownDefects {

	/**
	 * @param item the item ("11"), or "NEW-n"
	 * @param check the check that fails
	 * @param kind a pattern the probe's kind must match (whole)
	 * @param operation a pattern its operation must match (whole), or null for any
	 * @param database "h2" or "postgres" where only one database shows it, or null
	 * @param note the cause, where the item does not say it
	 */
	record Known(String item, Check check, String kind, String operation, String database, String note) {

		Known(String item, Check check, String kind, String operation, String database) {
			this(item, check, kind, operation, database, "");
		}

		boolean matches(Runner.Finding f, String db) {
			return f.check() == check && Pattern.compile(kind).matcher(f.probe().kind()).matches()
					&& (operation == null || Pattern.compile(operation).matcher(f.probe().operation()).matches())
					&& (database == null || database.equals(db));
		}

		String describe() {
			return "item " + item + ": " + check + " on \"" + kind + "\"" + (operation == null ? "" : " of " + operation)
					+ (database == null ? "" : " (" + database + ")");
		}
	}

	private static final String MEASUREMENTS = "POST /api/v1/(kpis/\\{idOrKey}/)?measurements";

	private static final String NUL = "(field: |YAML: |CSV: |formula: )?NUL character|query: encoded NUL";

	private static final String FAR_INSTANTS = "(CSV|JSON rows): instant (\\+99999.*|-999999999.*)";

	private static final String TOMCAT_400 = "path id: (9,000 characters|encoded NUL|encoded slash|backslashes)"
			+ "|query: 10,000 characters";

	private static final String OUTSIDE_CONTROLLERS = "path id: (\\.\\.|%2E%2E|matrix parameter)|path: .*subject.*"
			+ "|outside: (unknown API path|method not allowed|double slash|encoded dots|trailing slash)";

	static final List<Known> LIST = List.of(
			// A. numbers
			new Known("4", Check.ACCEPTED_INVALID, "(field|CSV|JSON rows): number (1e200|-1e308|1e15\\+1)", null, null),
			new Known("5", Check.ACCEPTED_INVALID, "(CSV|JSON rows): instant (\\+99999.*|-999999999.*|in 2099)", MEASUREMENTS,
					null),
			new Known("5", Check.RETRY_CONFLICT, FAR_INSTANTS, MEASUREMENTS, "postgres"),
			new Known("5", Check.DATABASES_DIFFER, FAR_INSTANTS, MEASUREMENTS, null),
			new Known("6", Check.ACCEPTED_INVALID, "field: (confidence 5\\.5|weight 1e308|weight above 100)", null, null),
			// B. access
			new Known("9", Check.ACCEPTED_INVALID, "field: password: .*", null, null),
			// C. bad input
			new Known("11", Check.SERVER_ERROR, "content type: \\*/\\*", null, null),
			new Known("12", Check.ACCEPTED_INVALID, "(field: |CSV: |formula: )?(NUL character|control characters)", null, null),
			new Known("12", Check.RETRY_CONFLICT, NUL, null, "postgres"),
			new Known("12", Check.DATABASES_DIFFER, NUL, null, null),
			new Known("12", Check.BACKUP_ROUND_TRIP, "backup: a fresh PostgreSQL instance refuses it", null, "h2",
					"H2 stored the NULs: \"invalid byte sequence for encoding UTF8: 0x00\""),
			new Known("13", Check.INTERNALS, "query: repeated|CSV: unclosed quote|YAML: -?\\.(nan|inf).*|YAML: two documents",
					null, null),
			new Known("14", Check.SERVER_ERROR, "outside: Spring's error path", null, null),
			new Known("15", Check.RETRY_CONFLICT, "YAML: scalar of .*", null, null),
			new Known("16", Check.ACCEPTED_INVALID, "CSV: (extra column|trailing comma)", MEASUREMENTS, null),
			new Known("17", Check.OVERSIZED_ANSWER, "CSV: value of 1 MB", MEASUREMENTS, null),
			// Found by the corpus, in no item of issue 14.
			new Known("NEW-1", Check.SERVER_ERROR, "query: invalid UTF-8", null, null,
					"Tomcat's InvalidParameterException (a %FF in a query value) reaches ProblemAnswers.unexpected"),
			new Known("NEW-2", Check.SERVER_ERROR, "query: instant -999999999-01-01T00:00:00Z",
					"GET /api/v1/kpis/\\{idOrKey}/measurements", null, "DateTimeException: EpochDay out of range"),
			new Known("NEW-3", Check.SERVER_ERROR, "content type: application/x-www-form-urlencoded", "POST /api/v1/okrs.yaml",
					null, "the firewall's RequestRejectedException for a parameter name with a line break, thrown in the handler"),
			new Known("NEW-4", Check.NOT_PROBLEM, TOMCAT_400, null, null, "Tomcat's own HTML error page"),
			new Known("NEW-5", Check.NOT_PROBLEM, OUTSIDE_CONTROLLERS, null, null,
					"Spring Boot's /error JSON {timestamp, status, error, path} for errors outside the controllers"),
			new Known("NEW-6", Check.ACCEPTED_INVALID, "query: id not a UUID", "GET /api/v1/(objectives|wins)", null,
					"a malformed cycleId/teamId/ownerId filter answers an empty list, not 400"),
			new Known("NEW-7", Check.ACCEPTED_INVALID, "field: integer 5\\.5", null, null,
					"Jackson's float-to-int coercion, the cause of item 6's confidence 5.5, also for reviewEveryDays"),
			new Known("NEW-8", Check.RETRY_CONFLICT, "field: text of (100,001 characters|1 MB)|body: 1 MB string in a field",
					"(POST|PATCH) /api/v1/kpis.*", null,
					"a KPI's texts (name, definition, …) reach the database unbounded: its length error is the catch-all 409"),
			new Known("NEW-9", Check.OVERSIZED_ANSWER, "field: text of 100,000 characters|body: 1 MB string in a field", null,
					null, "item 17's echo outside ingestion: \"no user with id xxxx…\", \"is not a valid number: xxxx…\""),
			new Known("NEW-10", Check.SERVER_ERROR, "field: instant -999999999-01-01T00:00:00Z", "PATCH /api/v1/kpis.*",
					"postgres", "lastReviewedAt beyond PostgreSQL's timestamp range"),
			new Known("NEW-10", Check.DATABASES_DIFFER, "field: instant -999999999-01-01T00:00:00Z", "PATCH /api/v1/kpis.*",
					null),
			new Known("NEW-11", Check.BACKUP_ROUND_TRIP, "backup: a fresh PostgreSQL instance refuses it", null, "postgres",
					"a KPI's lastReviewedAt and a cycle's dates at -999999999-01-01 are stored (as -infinity on PostgreSQL);"
							+ " restoring them answers 500 (DateTimeException in Backup.value)"));

	private KnownDefects() {
	}
}
