package app.tandem.interchange;

import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The tables a backup holds, in an order that satisfies their foreign keys, with the columns and
 * kinds read from the database itself so that a new migration's columns are carried without code.
 */
final class BackupTables {

	/** Parents before children. Self-references (parent_id) are written in a second pass. */
	static final List<String> ORDER = List.of("organisation", "app_user", "team", "membership", "api_token", "cycle", "kpi",
			"objective", "key_result", "key_result_change", "check_in", "measurement", "kpi_event", "comment", "comment_mention", "win", "kudos",
			"assessment", "assessment_answer", "notification_setting", "notification_choice", "notification", "webhook");

	/**
	 * The tables a backup leaves out, and why: each belongs to the running instance or is derived from tables it
	 * carries. A new table is in {@link #ORDER} or here (a test reads the schema).
	 */
	static final Map<String, String> LEFT_OUT = Map.ofEntries(
			Map.entry("audit_event", "the instance's own trail; a restore records itself"),
			Map.entry("event_publication", "reactions in flight here: what they made (wins, KPI check-ins) is in the"
					+ " backup, and one not yet run is made good by the key result's next check-in or the KPI's next"
					+ " ingestion"),
			Map.entry("flyway_schema_history", "the schema's own history"),
			Map.entry("idempotency_key", "answers to requests; a restored instance has had none to retry"),
			Map.entry("invitation", "one-time links to this instance's sign-up; an admin makes new ones after a restore"),
			Map.entry("webhook_delivery", "this instance's log of calls it made; a restored instance calls only what"
					+ " happens there"),
			Map.entry("instance_secret", "keys of this instance (unsubscribe links): a restored instance makes its own"),
			Map.entry("notification_delivery", "sends in flight from this instance (e-mail, chat): a restored instance"
					+ " does not send again what this one sent"),
			Map.entry("measurement_day", "derived: tallied again from the measurements after a restore"),
			Map.entry("shedlock", "locks of scheduled jobs"),
			Map.entry("sign_in_failure", "the instance's throttle of sign-ins"),
			Map.entry("spring_session", "sign-ins to this instance"),
			Map.entry("spring_session_attributes", "sign-ins to this instance"),
			Map.entry("totp_key", "the key that encrypts second factors, kept out of backups"));

	/**
	 * Columns a backup leaves out, by table, and why: each says something of this instance only. A restore writes
	 * them as their defaults.
	 */
	static final Map<String, Map<String, String>> LEFT_OUT_COLUMNS = Map.of("objective", Map.of("revision",
			"what this instance's coach judged an objective from; a restore moves every revision on"));

	static final Map<String, String> SELF_REFERENCES = Map.of("team", "parent_id", "objective", "parent_id");

	static final Map<String, String> ORDER_BY = Map.of("membership",
			"cast(team_id as varchar(36)), cast(user_id as varchar(36))", "organisation", "id", "measurement",
			"cast(kpi_id as varchar(36)), at", "comment_mention",
			"cast(comment_id as varchar(36)), cast(user_id as varchar(36))", "assessment_answer",
			"cast(assessment_id as varchar(36)), question_key", "notification_setting", "cast(user_id as varchar(36))",
			"notification_choice", "cast(user_id as varchar(36)), kind");

	enum Kind {
		UUID, TEXT, INTEGER, DECIMAL, BOOLEAN, DATE, INSTANT
	}

	private BackupTables() {
	}

	static String orderBy(String table) {
		return ORDER_BY.getOrDefault(table, "cast(id as varchar(36))");
	}

	/** Column name → kind, sorted by name so that H2 and PostgreSQL write the same document. */
	static Map<String, Kind> columns(JdbcTemplate jdbc, String table) {
		return jdbc.execute((ConnectionCallback<Map<String, Kind>>) connection -> {
			try (var statement = connection.createStatement();
					var rs = statement.executeQuery("select * from " + table + " where 1 = 0")) {
				ResultSetMetaData meta = rs.getMetaData();
				List<String> names = new ArrayList<>();
				Map<String, Kind> kinds = new LinkedHashMap<>();
				Map<String, Kind> unsorted = new LinkedHashMap<>();
				Map<String, String> leftOut = LEFT_OUT_COLUMNS.getOrDefault(table, Map.of());
				for (int i = 1; i <= meta.getColumnCount(); i++) {
					String name = meta.getColumnName(i).toLowerCase(Locale.ROOT);
					if (leftOut.containsKey(name)) {
						continue;
					}
					names.add(name);
					unsorted.put(name, kind(meta.getColumnTypeName(i)));
				}
				names.sort(String::compareTo);
				names.forEach(n -> kinds.put(n, unsorted.get(n)));
				return kinds;
			}
		});
	}

	private static Kind kind(String typeName) {
		String type = typeName.toLowerCase(Locale.ROOT);
		if (type.equals("uuid")) {
			return Kind.UUID;
		}
		if (type.contains("timestamp")) {
			return Kind.INSTANT;
		}
		if (type.equals("date")) {
			return Kind.DATE;
		}
		if (type.startsWith("bool")) {
			return Kind.BOOLEAN;
		}
		if (type.contains("int") || type.equals("serial") || type.equals("bigserial")) {
			return Kind.INTEGER;
		}
		if (type.contains("double") || type.startsWith("float") || type.equals("real") || type.startsWith("numeric")
				|| type.startsWith("decimal")) {
			return Kind.DECIMAL;
		}
		return Kind.TEXT;
	}
}
