package app.tandem.corpus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import app.tandem.corpus.ApiDocs.Operation;
import app.tandem.corpus.ApiDocs.Parameter;
import app.tandem.corpus.ApiDocs.Schema;
import app.tandem.corpus.Probe.Caller;
import app.tandem.corpus.Probe.Expect;

import static app.tandem.corpus.Probe.Expect.ANY;
import static app.tandem.corpus.Probe.Expect.REFUSED;
import static app.tandem.corpus.Probe.Expect.SIGNED_OUT;

/**
 * The malformed-request corpus: every operation of api-docs, each from its valid ("nominal") request
 * changed in one place: the caller, a path id, a query value, the raw body, the content type, one
 * field, the {@code If-Match} header; the ingestion endpoints with CSV, JSON and YAML, KPIs with
 * formulas. Deterministic for a seed: the same list of probes, in the same order, on every database.
 */
final class Corpus {

	static final String JSON = "application/json";

	/** What only admins may do (docs/ACCESS.md): a member is refused. */
	private static final Set<String> ADMINS_ONLY = Set.of("POST /api/v1/users", "PATCH /api/v1/users/{id}",
			"DELETE /api/v1/users/{id}/totp", "POST /api/v1/teams", "PATCH /api/v1/teams/{id}", "DELETE /api/v1/teams/{id}",
			"PUT /api/v1/teams/{id}/members/{userId}", "DELETE /api/v1/teams/{id}/members/{userId}", "POST /api/v1/cycles",
			"PATCH /api/v1/cycles/{id}", "POST /api/v1/cycles/{id}/close", "POST /api/v1/okrs.yaml", "GET /api/v1/export",
			"POST /api/v1/import", "GET /api/v1/audit");

	private static final Set<String> MEASUREMENTS = Set.of("POST /api/v1/kpis/{idOrKey}/measurements",
			"POST /api/v1/measurements");

	private final Random random;

	private final List<String> questions;

	private final List<Probe> probes = new ArrayList<>();

	private Corpus(long seed, List<String> questions) {
		this.random = new Random(seed);
		this.questions = questions;
	}

	static List<Probe> generate(ApiDocs docs, List<String> questions, long seed) {
		Corpus corpus = new Corpus(seed, questions);
		for (Operation op : docs.operations()) {
			corpus.operation(op);
		}
		corpus.outsideApiDocs();
		return List.copyOf(corpus.probes);
	}

	private void operation(Operation op) {
		callers(op);
		paths(op);
		queries(op);
		String key = op.key();
		if (MEASUREMENTS.contains(key)) {
			String kpi = key.startsWith("POST /api/v1/measurements") ? "${kpi}" : null;
			Ingestion.csv(kpi, random).forEach(b -> send(op, b.kind(), "", b.text(), b.contentType(), b.expect()));
			Ingestion.json(kpi).forEach(b -> send(op, b.kind(), "", b.text(), b.contentType(), b.expect()));
			contentTypes(op, true);
		}
		else if (key.equals("POST /api/v1/okrs.yaml")) {
			Ingestion.yaml().forEach(b -> send(op, b.kind(), "", b.text(), b.contentType(), b.expect()));
			contentTypes(op, true);
		}
		else if (key.equals("POST /api/v1/import")) {
			for (RawBodies.Raw raw : RawBodies.of(nominal(op), true, true, random)) {
				body(op, raw.kind(), "", raw, ANY);
			}
		}
		else if (op.body() != null) {
			Map<String, String> nominal = nominal(op);
			for (RawBodies.Raw raw : RawBodies.of(nominal, op.bodyRequired(), !op.body().required().isEmpty(), random)) {
				body(op, raw.kind(), "", raw, raw.expect());
			}
			contentTypes(op, false);
			fields(op, op.path(), nominal, op.body(), "");
			if (key.equals("POST /api/v1/key-results/{id}/check-ins")) {
				for (String kr : List.of("krMs", "krThr", "krKpi")) {
					fields(op, op.path().replace("{id}", "${" + kr + "}"), nominal, op.body(), kr + ": ");
				}
			}
			if (key.equals("POST /api/v1/kpis")) {
				formulas(op, op.path(), nominal, "corpus-k${n}");
			}
			if (key.equals("PATCH /api/v1/kpis/{idOrKey}")) {
				formulas(op, "/api/v1/kpis/${formulaKpi2}", nominal, "corpus-ratio2");
				send(op, "formula: a loop through another KPI", "formula", "/api/v1/kpis/${kpiSum}",
						object(Map.of("formula", "\"{corpus-ratio} + 1\"")), JSON, null, REFUSED);
			}
		}
		ifMatch(op);
	}

	// -- who calls ---------------------------------------------------------------------------------

	private void callers(Operation op) {
		String key = op.key();
		for (Caller caller : List.of(Caller.MEMBER, Caller.READ_TOKEN, Caller.INGEST_TOKEN, Caller.DEACTIVATED,
				Caller.UNKNOWN_TOKEN, Caller.ANONYMOUS)) {
			Expect expect = switch (caller) {
				case ANONYMOUS, UNKNOWN_TOKEN, DEACTIVATED -> SIGNED_OUT;
				case READ_TOKEN -> op.writes() ? REFUSED : ANY;
				case INGEST_TOKEN -> MEASUREMENTS.contains(key) ? ANY : REFUSED;
				case MEMBER -> ADMINS_ONLY.contains(key) ? REFUSED : ANY;
				default -> ANY;
			};
			nominalRequest(op, "caller: " + caller.name().toLowerCase().replace('_', ' '), caller, Map.of(), expect);
		}
		String[][] malformed = { { "Bearer", "no token" }, { "Bearer ${big:5000}", "token of 5,000 characters" },
				{ "Basic !!!", "Basic not base64" }, { "Basic bm9jb2xvbg==", "Basic without a colon" },
				{ "Digest username=\"admin\"", "Digest" }, { "Bearer tdm_x, Bearer tdm_y", "two tokens" },
				{ "bearer ${adminToken}", "scheme in lower case" } };
		String[] pick = malformed[random.nextInt(malformed.length)];
		nominalRequest(op, "caller: Authorization " + pick[1], Caller.ANONYMOUS, Map.of("Authorization", pick[0]),
				pick[1].contains("lower case") ? ANY : SIGNED_OUT);
	}

	private void nominalRequest(Operation op, String kind, Caller caller, Map<String, String> headers, Expect expect) {
		String key = op.key();
		Map<String, String> all = new LinkedHashMap<>(headers);
		String body = null;
		if (MEASUREMENTS.contains(key)) {
			body = Ingestion.csv(key.equals("POST /api/v1/measurements") ? "${kpi}" : null, random).get(0).text();
			all.put("Content-Type", "text/csv");
		}
		else if (key.equals("POST /api/v1/okrs.yaml")) {
			body = Ingestion.base();
			all.put("Content-Type", "application/yaml");
		}
		else if (op.body() != null || key.equals("POST /api/v1/import")) {
			body = object(nominal(op));
			all.put("Content-Type", JSON);
		}
		add(op, kind, "", caller, path(op), all, body, null, null, expect);
	}

	// -- the path ----------------------------------------------------------------------------------

	private void paths(Operation op) {
		for (Parameter p : op.in("path")) {
			String target = target(op, p.name());
			List<String[]> values = new ArrayList<>();
			if (p.name().equals("subjects")) {
				values.add(new String[] { "users", "path: unknown kind of subject", "R" });
				values.add(new String[] { "OBJECTIVES", "path: kind of subject in upper case", "R" });
				values.add(new String[] { "..", "path id: ..", "R" });
				values.add(new String[] { "%00", "path id: encoded NUL", "R" });
			}
			else {
				values.add(new String[] { "not-a-uuid", "path id: not a UUID", "R" });
				values.add(new String[] { new UUID(random.nextLong(), random.nextLong()).toString(), "path id: unknown UUID", "R" });
				values.add(new String[] { "00000000-0000-0000-0000-000000000000", "path id: nil UUID", "R" });
				values.add(new String[] { "9".repeat(3_000), "path id: 3,000 digits", "R" });
				values.add(new String[] { "x".repeat(9_000), "path id: 9,000 characters", "R" });
				values.add(new String[] { "%C3%BC%E2%9C%93%F0%9F%98%80", "path id: unicode", "R" });
				values.add(new String[] { "..", "path id: ..", "R" });
				values.add(new String[] { "%2E%2E", "path id: %2E%2E", "R" });
				values.add(new String[] { "%2F", "path id: encoded slash", "R" });
				values.add(new String[] { "%00", "path id: encoded NUL", "R" });
				values.add(new String[] { "%5C..%5C", "path id: backslashes", "R" });
				values.add(new String[] { "-1", "path id: negative number", "R" });
				values.add(new String[] { "%27%20or%20%271%27%3D%271", "path id: SQL quote", "R" });
				values.add(new String[] { "%7B" + target + "%7D", "path id: in braces", "R" });
				values.add(new String[] { target + "%20", "path id: trailing space", "R" });
				values.add(new String[] { target + ";x=1", "path id: matrix parameter", "A" });
				values.add(new String[] { target.replace("${", "${upper:"), "path id: upper case", "A" });
			}
			for (String[] v : values) {
				String path = pathWith(op, p.name(), v[0]);
				add(op, v[1], p.name(), Caller.ADMIN, path, bodyHeaders(op), nominalBody(op), null, null,
						v[2].equals("R") ? REFUSED : ANY);
			}
		}
	}

	/** The record an operation's path names in its nominal request: spares where a success would remove one. */
	static String target(Operation op, String param) {
		String p = op.path();
		String m = op.method();
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
			return m.equals("DELETE") ? "${spareObjective}" : "${objective}";
		}
		if (p.startsWith("/api/v1/kpis/")) {
			return m.equals("DELETE") ? "${spareKpi}" : "${kpi}";
		}
		if (p.endsWith("/move")) {
			return "${moveKr}";
		}
		if (p.startsWith("/api/v1/key-results/")) {
			return m.equals("DELETE") ? "${spareKr}" : "${krInc}";
		}
		if (p.endsWith("/close")) {
			return "${spareCycle}";
		}
		if (p.startsWith("/api/v1/cycles/")) {
			return "${cycle}";
		}
		if (p.startsWith("/api/v1/users/")) {
			return m.equals("GET") ? "${member}" : "${spareUser}";
		}
		if (p.startsWith("/api/v1/teams/")) {
			return m.equals("GET") ? "${team}" : "${spareTeam}";
		}
		if (p.startsWith("/api/v1/tokens/")) {
			return "${spareToken}";
		}
		throw new IllegalStateException("no record to aim " + op.key() + " at ({" + param + "})");
	}

	static String path(Operation op) {
		String path = op.path();
		for (Parameter p : op.in("path")) {
			path = path.replace("{" + p.name() + "}", target(op, p.name()));
		}
		return path;
	}

	private static String pathWith(Operation op, String param, String value) {
		String path = op.path().replace("{" + param + "}", value);
		for (Parameter p : op.in("path")) {
			path = path.replace("{" + p.name() + "}", target(op, p.name()));
		}
		return path;
	}

	// -- the query ---------------------------------------------------------------------------------

	private void queries(Operation op) {
		for (Parameter p : op.in("query")) {
			String n = p.name();
			List<String[]> values = new ArrayList<>();
			if (p.type().is("integer")) {
				values.addAll(List.of(new String[] { "abc", "query: not a number", "R" },
						new String[] { "1.5", "query: integer 1.5", "R" }, new String[] { "-1", "query: negative", "A" },
						new String[] { "0", "query: zero", "A" }, new String[] { "1001", "query: above the maximum", "A" },
						new String[] { "99999999999999999999", "query: beyond a long", "R" },
						new String[] { "1e3", "query: exponent", "R" }, new String[] { "%00", "query: encoded NUL", "A" },
						new String[] { "1&" + n + "=2", "query: repeated", "A" }));
			}
			else if (n.equals("cursor")) {
				values.addAll(List.of(new String[] { "garbage!!", "query: cursor garbage", "A" },
						new String[] { "%00", "query: encoded NUL", "A" }, new String[] { "A".repeat(10_000), "query: 10,000 characters", "A" },
						new String[] { "eyJ9", "query: cursor garbage", "A" }, new String[] { "%FF%FE", "query: invalid UTF-8", "A" },
						new String[] { "a&cursor=b", "query: repeated", "A" }));
			}
			else if (FieldValues.isReference(n)) {
				values.addAll(List.of(new String[] { "not-a-uuid", "query: id not a UUID", "R" },
						new String[] { new UUID(random.nextLong(), random.nextLong()).toString(), "query: id unknown", "A" },
						new String[] { "%00", "query: encoded NUL", "A" }, new String[] { "", "query: empty", "A" },
						new String[] { "x".repeat(10_000), "query: 10,000 characters", "R" },
						new String[] { "${objective}", "query: id of another kind of record", "A" },
						new String[] { "${cycle}&" + n + "=${cycle2}", "query: repeated", "A" }));
			}
			else if (n.equals("level") || n.equals("bucket")) {
				values.addAll(List.of(new String[] { "SQUAD", "query: unknown enum value", "R" },
						new String[] { "1", "query: unknown enum value", "R" }, new String[] { "team", "query: enum in lower case", "A" },
						new String[] { "", "query: empty", "A" }, new String[] { "%00", "query: encoded NUL", "A" },
						new String[] { "1&" + n + "=2", "query: repeated", "R" }));
			}
			else if (n.equals("asOf") || n.equals("from") || n.equals("to")) {
				values.addAll(List.of(new String[] { "garbage", "query: instant not ISO", "R" },
						new String[] { "2026-13-01T00:00:00Z", "query: instant that does not exist", "R" },
						new String[] { "%2B99999-01-01T00:00:00Z", "query: instant +99999-01-01T00:00:00Z", "A" },
						new String[] { "-999999999-01-01T00:00:00Z", "query: instant -999999999-01-01T00:00:00Z", "A" },
						new String[] { "2026-01-01", "query: date for an instant", "A" },
						new String[] { "%00", "query: encoded NUL", "A" }, new String[] { "1700000000", "query: number for an instant", "A" },
						new String[] { "", "query: empty", "A" },
						new String[] { "${recent1}&" + n + "=${recent2}", "query: repeated", "A" }));
			}
			else {
				values.addAll(List.of(new String[] { "NOPE", "query: unknown value", "A" },
						new String[] { "%00", "query: encoded NUL", "A" }, new String[] { "x".repeat(10_000), "query: 10,000 characters", "A" },
						new String[] { "%C3%BC%E2%9C%93", "query: unicode", "A" }, new String[] { "%27", "query: SQL quote", "A" },
						new String[] { "%25", "query: percent sign", "A" }, new String[] { "a&" + n + "=b", "query: repeated", "A" }));
			}
			for (String[] v : values) {
				add(op, v[1], n, Caller.ADMIN, path(op) + "?" + n + "=" + v[0], bodyHeaders(op), nominalBody(op), null, null,
						v[2].equals("R") ? REFUSED : ANY);
			}
		}
		if (!op.writes()) {
			add(op, "query: unknown parameter", "nope", Caller.ADMIN, path(op) + "?nope=1&nope=2", Map.of(), null, null, null,
					ANY);
		}
	}

	// -- bodies ------------------------------------------------------------------------------------

	private void body(Operation op, String kind, String detail, RawBodies.Raw raw, Expect expect) {
		add(op, kind, detail, Caller.ADMIN, path(op), Map.of("Content-Type", JSON), raw.text(), raw.bytes(), null, expect);
	}

	private void contentTypes(Operation op, boolean anyText) {
		String[][] types = { { "*/*", "R" }, { "text/plain", "R" }, { null, "R" }, { "application/xml", "R" },
				{ "application/x-www-form-urlencoded", "R" }, { "multipart/form-data; boundary=x", "R" }, { "garbage", "R" },
				{ "text/csv", "R" },
				// Spring reads YAML too when jackson-dataformat-yaml is present (JSON is YAML): not a defect.
				{ "application/yaml", "A" }, { "application/json; charset=utf-16", "A" },
				{ "application/json;charset=ISO-8859-1", "A" }, { "APPLICATION/JSON", "A" },
				{ "application/merge-patch+json", "A" }, { "application/json, text/plain", "A" } };
		for (String[] t : types) {
			// The ingestion endpoints read CSV or JSON by the content type, and the OKR file any text type.
			Expect expect = t[1].equals("R") && (!anyText || t[0] != null && Set.of("application/xml", "garbage").contains(t[0]))
					? REFUSED : ANY;
			Map<String, String> headers = t[0] == null ? Map.of() : Map.of("Content-Type", t[0]);
			add(op, "content type: " + (t[0] == null ? "missing" : t[0]), "", Caller.ADMIN, path(op), headers,
					nominalBody(op), null, null, expect);
		}
	}

	private void fields(Operation op, String pathTemplate, Map<String, String> nominal, Schema schema, String prefix) {
		String path = pathTemplate.contains("{") && !pathTemplate.contains("${") ? path(op) : pathTemplate;
		for (var property : schema.properties().entrySet()) {
			String name = property.getKey();
			boolean required = schema.required().contains(name);
			for (FieldValues.Bad bad : FieldValues.of(schema.name(), name, property.getValue(), required)) {
				String literal = answers(bad.json());
				send(op, "field: " + bad.kind(), prefix + name, path,
						object(RawBodies.with(nominal, name, literal)), JSON, null, bad.expect());
			}
			ApiDocs.Type type = property.getValue();
			if (type.is("array") && type.items() != null && nominal.containsKey(name)) {
				Map<String, String> item = nominal(type.items());
				for (var inner : type.items().properties().entrySet()) {
					for (FieldValues.Bad bad : FieldValues.of(type.items().name(), inner.getKey(), inner.getValue(),
							type.items().required().contains(inner.getKey()))) {
						if (random.nextInt(3) > 0) {
							continue; // a third of the nested ones: the same values reach the same checks directly too
						}
						String items = "[" + object(RawBodies.with(item, inner.getKey(), answers(bad.json()))) + "]";
						send(op, "field: " + bad.kind(), prefix + name + "[0]." + inner.getKey(), path,
								object(RawBodies.with(nominal, name, items)), JSON, null, bad.expect());
					}
				}
			}
		}
	}

	private void formulas(Operation op, String path, Map<String, String> nominal, String self) {
		for (Ingestion.Body f : Ingestion.formulas(self)) {
			String literal = "\"" + f.text().replace("\\", "\\\\").replace("\"", "\\\"").replace("\\\\u0000", "\\u0000") + "\"";
			send(op, f.kind(), "formula", path, object(RawBodies.with(nominal, "formula", literal)), JSON, null, f.expect());
		}
	}

	private void ifMatch(Operation op) {
		if (op.in("header").stream().noneMatch(p -> p.name().equals("If-Match"))) {
			return;
		}
		String from = op.path().contains("/members/") ? "/api/v1/teams/${spareTeam}" : path(op).replace("/close", "")
			.replace("/publish", "");
		String[][] tags = { { "garbage", "If-Match: garbage", "R" }, { "\"abc\"", "If-Match: quoted text", "R" },
				{ "\"999999\"", "If-Match: stale", "R" }, { "W/\"999999\"", "If-Match: weak and stale", "R" },
				{ "W/garbage", "If-Match: W/ and garbage", "R" }, { "W/", "If-Match: W/ alone", "R" },
				{ "\"", "If-Match: a lone quote", "R" }, { "\"99999999999999999999\"", "If-Match: beyond a long", "R" },
				{ "\"-1\"", "If-Match: negative", "R" }, { "\"1.5\"", "If-Match: decimal", "R" },
				{ "\"" + "9".repeat(6_000) + "\"", "If-Match: 6,000 digits", "R" }, { "\"1\", \"2\"", "If-Match: a list", "A" },
				{ "W/${etag}", "If-Match: weak and current", "A" }, { "${etag}", "If-Match: current", "A" },
				{ "*", "If-Match: *", "A" }, { "", "If-Match: empty", "A" } };
		for (String[] t : tags) {
			Map<String, String> headers = new LinkedHashMap<>(bodyHeaders(op));
			headers.put("If-Match", t[0]);
			add(op, t[1], "", Caller.ADMIN, path(op), headers, nominalBody(op), null, t[0].contains("${etag}") ? from : null,
					t[2].equals("R") ? REFUSED : ANY);
		}
	}

	// -- outside api-docs --------------------------------------------------------------------------

	private void outsideApiDocs() {
		Operation none = new Operation("GET", "(outside api-docs)", List.of(), null, false);
		add(none, "outside: Spring's error path", "/error", Caller.ADMIN, "/error", Map.of(), null, null, null, REFUSED);
		add(none, "outside: Spring's error path", "/error", Caller.ANONYMOUS, "/error", Map.of(), null, null, null, REFUSED);
		add(none, "outside: unknown API path", "", Caller.ADMIN, "/api/v1/nope", Map.of(), null, null, null, REFUSED);
		addRaw(none, "outside: method not allowed", "PUT /api/v1/me", "PUT", "/api/v1/me", Map.of("Content-Type", JSON), "{}",
				REFUSED);
		addRaw(none, "outside: method not allowed", "DELETE /api/v1/cycles", "DELETE", "/api/v1/cycles", Map.of(), null,
				REFUSED);
		add(none, "outside: not acceptable", "Accept: application/xml", Caller.ADMIN, "/api/v1/me",
				Map.of("Accept", "application/xml"), null, null, null, REFUSED);
		add(none, "outside: double slash", "", Caller.ADMIN, "/api//v1/me", Map.of(), null, null, null, ANY);
		add(none, "outside: encoded dots", "", Caller.ADMIN, "/api/v1/%2e%2e/v1/me", Map.of(), null, null, null, REFUSED);
		add(none, "outside: trailing slash", "", Caller.ADMIN, "/api/v1/objectives/", Map.of(), null, null, null, ANY);
		addRaw(none, "outside: HEAD", "HEAD /api/v1/me", "HEAD", "/api/v1/me", Map.of(), null, ANY);
		addRaw(none, "outside: OPTIONS", "OPTIONS /api/v1/me", "OPTIONS", "/api/v1/me", Map.of(), null, ANY);
	}

	// -- nominal requests --------------------------------------------------------------------------

	private Map<String, String> nominal(Operation op) {
		if (op.key().equals("POST /api/v1/import")) {
			return new LinkedHashMap<>(Map.of("tables", "{}"));
		}
		return nominal(op.body());
	}

	/** A valid body for the schema as field → JSON literal, with the fixture's placeholders. */
	private Map<String, String> nominal(Schema schema) {
		Map<String, String> f = new LinkedHashMap<>();
		switch (schema.name()) {
			case "PutMember" -> f.put("role", "\"MEMBER\"");
			case "NewComment" -> f.put("body", "\"Corpus note ${n}\"");
			case "NewKudos" -> f.put("note", "\"Well done ${n}\"");
			case "CreateUser" -> {
				f.put("username", "\"corpus-u${n}\"");
				f.put("name", "\"Corpus ${n}\"");
				f.put("email", "\"u${n}@example.org\"");
				f.put("password", "\"Plum orchard lantern ${n} river\"");
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
				f.put("keyResults", "[" + object(nominal(schema.properties().get("keyResults").items())) + "]");
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
			default -> schema.properties().forEach((name, type) -> f.put(name,
					type.is("number") || type.is("integer") ? "1" : type.is("boolean") ? "false" : "\"corpus ${n}\""));
		}
		return f;
	}

	private String nominalBody(Operation op) {
		String key = op.key();
		if (MEASUREMENTS.contains(key)) {
			return Ingestion.csv(key.equals("POST /api/v1/measurements") ? "${kpi}" : null, random).get(0).text();
		}
		if (key.equals("POST /api/v1/okrs.yaml")) {
			return Ingestion.base();
		}
		return op.body() != null || key.equals("POST /api/v1/import") ? object(nominal(op)) : null;
	}

	private Map<String, String> bodyHeaders(Operation op) {
		String key = op.key();
		if (MEASUREMENTS.contains(key)) {
			return Map.of("Content-Type", "text/csv");
		}
		if (key.equals("POST /api/v1/okrs.yaml")) {
			return Map.of("Content-Type", "application/yaml");
		}
		return op.body() != null || key.equals("POST /api/v1/import") ? Map.of("Content-Type", JSON) : Map.of();
	}

	/** {@code ${answers:X}}: every question of the assessment answered X. */
	private String answers(String literal) {
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

	// -- adding probes -----------------------------------------------------------------------------

	private void send(Operation op, String kind, String detail, String text, String contentType, Expect expect) {
		send(op, kind, detail, path(op), text, contentType, null, expect);
	}

	private void send(Operation op, String kind, String detail, String path, String text, String contentType,
			String etagFrom, Expect expect) {
		add(op, kind, detail, Caller.ADMIN, path, contentType == null ? Map.of() : Map.of("Content-Type", contentType), text,
				null, etagFrom, expect);
	}

	private void add(Operation op, String kind, String detail, Caller caller, String path, Map<String, String> headers,
			String body, byte[] raw, String etagFrom, Expect expect) {
		probes.add(new Probe(probes.size() + 1, op.key(), kind, detail, caller, op.method(), path,
				Collections.unmodifiableMap(new LinkedHashMap<>(headers)), body, raw, etagFrom, expect));
	}

	private void addRaw(Operation op, String kind, String detail, String method, String path, Map<String, String> headers,
			String body, Expect expect) {
		probes.add(new Probe(probes.size() + 1, method + " " + path, kind, detail, Caller.ADMIN, method, path, headers, body,
				null, null, expect));
	}
}
