package app.tandem.corpus;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import app.tandem.corpus.ApiDocs.Operation;
import app.tandem.corpus.ApiDocs.Parameter;
import app.tandem.corpus.ApiDocs.Schema;

/**
 * The valid request of each operation that the corpus changes in one place: the record its path names
 * (a spare where a success would delete or close one), its body as field → JSON literal, its content
 * type. Placeholders ({@code ${cycle}}) stand for the fixture's ids, {@code ${n}} for the probe's number.
 */
final class Nominal {

	static final String JSON = "application/json";

	static final Set<String> MEASUREMENTS = Set.of("POST /api/v1/kpis/{idOrKey}/measurements", "POST /api/v1/measurements");

	static final String OKR_FILE = "POST /api/v1/okrs.yaml";

	static final String IMPORT = "POST /api/v1/import";

	private final List<String> questions;

	Nominal(List<String> questions) {
		this.questions = questions;
	}

	/** The record an operation's path names: spares where a success would remove one. */
	static String target(Operation op, String param) {
		String p = op.path();
		boolean delete = op.method().equals("DELETE");
		boolean read = op.method().equals("GET");
		if (p.contains("/members/")) {
			return param.equals("userId") ? "${spareUser}" : "${spareTeam}";
		}
		if (param.equals("subjects")) {
			return "objectives";
		}
		if (p.startsWith("/api/v1/{subjects}")) {
			return "${objective}";
		}
		if (p.startsWith("/api/v1/wins")) {
			return "${win}";
		}
		if (p.startsWith("/api/v1/library/okrs")) {
			return "sales-team-pipeline";
		}
		if (p.startsWith("/api/v1/library/kpis")) {
			return "uptime";
		}
		if (p.endsWith("/publish")) {
			return "${draft}";
		}
		if (p.startsWith("/api/v1/objectives/")) {
			return delete ? "${spareObjective}" : "${objective}";
		}
		if (p.startsWith("/api/v1/kpis/")) {
			return delete ? "${spareKpi}" : "${kpi}";
		}
		if (p.endsWith("/move")) {
			return "${moveKr}";
		}
		if (p.startsWith("/api/v1/key-results/")) {
			return delete ? "${spareKr}" : "${krInc}";
		}
		if (p.endsWith("/close")) {
			return "${spareCycle}";
		}
		if (p.startsWith("/api/v1/cycles/")) {
			return "${cycle}";
		}
		if (p.startsWith("/api/v1/users/")) {
			return read ? "${member}" : "${spareUser}";
		}
		if (p.startsWith("/api/v1/teams/")) {
			return read ? "${team}" : "${spareTeam}";
		}
		if (p.startsWith("/api/v1/tokens/")) {
			return "${spareToken}";
		}
		if (p.startsWith("/api/v1/notifications/") || p.startsWith("/api/v1/webhooks/")) {
			// one's own notifications and webhooks: none of the fixture's, so one that is not there
			return "01a00000-0000-7000-8000-000000000000";
		}
		// A new endpoint: say here which record of the fixture it is aimed at (as AuthorizationMatrix asks).
		throw new IllegalStateException("no record to aim " + op.key() + " at ({" + param + "}): add it to Nominal.target");
	}

	static String path(Operation op) {
		return pathWith(op, null, null);
	}

	/** The path with one parameter set to this value, the others to their targets. */
	static String pathWith(Operation op, String param, String value) {
		String path = param == null ? op.path() : op.path().replace("{" + param + "}", value);
		for (Parameter p : op.in("path")) {
			path = path.replace("{" + p.name() + "}", target(op, p.name()));
		}
		return path;
	}

	/** The valid body as field → JSON literal (for the operations that take JSON). */
	Map<String, String> fields(Operation op) {
		return op.key().equals(IMPORT) ? new LinkedHashMap<>(Map.of("tables", "{}")) : fields(op.body());
	}

	Map<String, String> fields(Schema schema) {
		Map<String, String> f = new LinkedHashMap<>();
		switch (schema.name()) {
			case "PutMember" -> f.put("role", "\"MEMBER\"");
			case "NewComment" -> f.put("body", "\"Corpus note ${n}\"");
			case "NewKudos" -> f.put("note", "\"Well done ${n}\"");
			case "CreateUser" -> {
				f.put("username", "\"corpus-u${n}\"");
				f.put("name", "\"Corpus ${n}\"");
				// no password: hashing one costs a tenth of a second of CPU (the password probes carry one)
				f.put("email", "\"u${n}@example.org\"");
			}
			case "CreateToken" -> {
				f.put("name", "\"corpus ${n}\"");
				f.put("scopes", "[\"read\"]");
			}
			case "CreateTeam" -> {
				f.put("name", "\"Corpus team ${n}\"");
				f.put("parentId", "\"${company}\"");
				f.put("key", "\"corpus-t${n}\"");
			}
			case "CreateObjective" -> {
				f.put("cycleId", "\"${cycle}\"");
				f.put("title", "\"Corpus objective ${n}\"");
				f.put("level", "\"TEAM\"");
				f.put("teamId", "\"${team}\"");
				f.put("keyResults", "[" + object(fields(schema.properties().get("keyResults").items())) + "]");
			}
			case "CreateKeyResult" -> {
				f.put("title", "\"Corpus KR ${n}\"");
				f.put("type", "\"INCREASE\"");
				f.put("startValue", "0");
				f.put("targetValue", "100");
				f.put("weight", "1");
			}
			case "PublishObjective" -> f.put("visibility", "\"PUBLIC\"");
			case "CarryOver" -> f.put("cycleId", "\"${cycle2}\"");
			case "Code" -> f.put("code", "\"123456\"");
			case "AdoptTemplate" -> {
				f.put("cycleId", "\"${cycle}\"");
				f.put("teamId", "\"${team}\"");
			}
			case "AdoptKpi" -> {
				f.put("teamId", "\"${team}\"");
				f.put("key", "\"corpus-lib-${n}\"");
			}
			case "CreateKpi" -> {
				f.put("key", "\"corpus-k${n}\"");
				f.put("name", "\"Corpus KPI ${n}\"");
				f.put("direction", "\"HIGHER_IS_BETTER\"");
				f.put("target", "100");
				f.put("warningThreshold", "80");
				f.put("frequency", "\"WEEKLY\"");
				f.put("aggregation", "\"LAST\"");
				f.put("unit", "\"points\"");
				f.put("teamId", "\"${team}\"");
			}
			case "MoveKeyResult" -> f.put("objectiveId", "\"${objective}\"");
			case "RecordCheckIn" -> {
				f.put("value", "42");
				f.put("confidence", "7");
				f.put("note", "\"corpus ${n}\"");
			}
			case "CreateCycle" -> {
				f.put("name", "\"Corpus cycle ${n}\"");
				f.put("startDate", "\"2044-01-01\"");
				f.put("endDate", "\"2044-03-31\"");
			}
			case "Submit" -> f.put("answers", answers("${answers:2}"));
			case "UpdateUser" -> f.put("name", "\"Corpus renamed ${n}\"");
			case "UpdateTeam" -> f.put("name", "\"Corpus team renamed ${n}\"");
			case "UpdateObjective" -> f.put("title", "\"Corpus objective renamed ${n}\"");
			case "UpdateKpi" -> f.put("name", "\"Corpus KPI renamed ${n}\"");
			case "UpdateKeyResult" -> f.put("title", "\"Corpus KR renamed ${n}\"");
			case "UpdateCycle" -> f.put("name", "\"Corpus cycle renamed ${n}\"");
			// A new request body: valid-looking values of its types, until it gets a case of its own.
			default -> schema.properties().forEach((name, type) -> f.put(name,
					type.is("number") || type.is("integer") ? "1" : type.is("boolean") ? "false" : "\"corpus ${n}\""));
		}
		return f;
	}

	/** The valid body as sent, or null for an operation without one. */
	String body(Operation op) {
		String key = op.key();
		if (MEASUREMENTS.contains(key)) {
			return MeasurementBodies.valid(manyKpis(op) ? "${kpi}" : null);
		}
		if (key.equals(OKR_FILE)) {
			return OkrFileBodies.valid();
		}
		return op.body() != null || key.equals(IMPORT) ? object(fields(op)) : null;
	}

	static Map<String, String> headers(Operation op) {
		String key = op.key();
		if (MEASUREMENTS.contains(key)) {
			return Map.of("Content-Type", "text/csv");
		}
		if (key.equals(OKR_FILE)) {
			return Map.of("Content-Type", "application/yaml");
		}
		return op.body() != null || key.equals(IMPORT) ? Map.of("Content-Type", JSON) : Map.of();
	}

	static boolean manyKpis(Operation op) {
		return op.key().equals("POST /api/v1/measurements");
	}

	/** {@code ${answers:X}}: every question of the readiness assessment answered X. */
	String answers(String literal) {
		if (!literal.startsWith("${answers:")) {
			return literal;
		}
		String value = literal.substring("${answers:".length(), literal.length() - 1);
		return "{" + questions.stream().map(q -> "\"" + q + "\":" + value).collect(Collectors.joining(",")) + "}";
	}

	static String object(Map<String, String> fields) {
		return fields.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + e.getValue())
			.collect(Collectors.joining(",", "{", "}"));
	}

	static Map<String, String> with(Map<String, String> fields, String name, String literal) {
		Map<String, String> changed = new LinkedHashMap<>(fields);
		changed.put(name, literal);
		return changed;
	}
}
