package app.tandem.corpus;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Failures of the corpus that are known and being fixed, keyed by the item of an issue that fixes them (or
 * NEW-n: found by the corpus, in no item yet). A finding that one of these matches is reported but does not
 * fail the test. Empty since issue 14's fixes (NEW-4 to NEW-12): the corpus is strict. An entry that matches
 * nothing any more fails the test, so that it is removed and the list only shrinks.
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

	/** Empty: the corpus is strict. A new finding that cannot be fixed at once goes here, with its cause. */
	static final List<Known> LIST = List.of();

	private KnownDefects() {
	}
}
