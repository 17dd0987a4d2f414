package app.tandem.corpus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import app.tandem.corpus.ApiDocs.Operation;
import app.tandem.corpus.ApiDocs.Parameter;
import app.tandem.corpus.ApiDocs.Schema;
import app.tandem.corpus.Probe.Caller;
import app.tandem.corpus.Probe.Expect;

import static app.tandem.corpus.Nominal.JSON;
import static app.tandem.corpus.Nominal.MEASUREMENTS;
import static app.tandem.corpus.Nominal.object;
import static app.tandem.corpus.Nominal.path;
import static app.tandem.corpus.Nominal.with;
import static app.tandem.corpus.Probe.Expect.ANY;
import static app.tandem.corpus.Probe.Expect.REFUSED;
import static app.tandem.corpus.Probe.Expect.SIGNED_OUT;

/**
 * The malformed-request corpus: every operation of api-docs, each from its valid request ({@link Nominal})
 * changed in one place: the caller, a path id, a query value, the raw body, the content type, one field,
 * the {@code If-Match} header; the ingestion endpoints with CSV, JSON and YAML, KPIs with formulas.
 * Deterministic for a seed: the same probes in the same order on every database.
 */
final class Corpus {

	/** What only admins may do (docs/ACCESS.md): a member is refused. */
	private static final Set<String> ADMINS_ONLY = Set.of("POST /api/v1/users", "PATCH /api/v1/users/{id}",
			"DELETE /api/v1/users/{id}/totp", "POST /api/v1/teams", "PATCH /api/v1/teams/{id}", "DELETE /api/v1/teams/{id}",
			"PUT /api/v1/teams/{id}/members/{userId}", "DELETE /api/v1/teams/{id}/members/{userId}", "POST /api/v1/cycles",
			"PATCH /api/v1/cycles/{id}", "POST /api/v1/cycles/{id}/close", "POST /api/v1/okrs.yaml", "GET /api/v1/export",
			"POST /api/v1/import", "GET /api/v1/audit");

	private static final String[][] MALFORMED_AUTHORIZATION = { { "Bearer", "no token" },
			{ "Bearer ${big:5000}", "token of 5,000 characters" }, { "Basic !!!", "Basic not base64" },
			{ "Basic bm9jb2xvbg==", "Basic without a colon" }, { "Digest username=\"admin\"", "Digest" },
			{ "Bearer tdm_x, Bearer tdm_y", "two tokens" } };

	private final Random random;

	private final Nominal nominal;

	private final List<Probe> probes = new ArrayList<>();

	private Corpus(long seed, List<String> questions) {
		this.random = new Random(seed);
		this.nominal = new Nominal(questions);
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
			String kpi = Nominal.manyKpis(op) ? "${kpi}" : null;
			MeasurementBodies.csv(kpi, random).forEach(u -> upload(op, u, path(op)));
			MeasurementBodies.json(kpi).forEach(u -> upload(op, u, path(op)));
			contentTypes(op, true);
		}
		else if (key.equals(Nominal.OKR_FILE)) {
			OkrFileBodies.all().forEach(u -> upload(op, u, path(op)));
			contentTypes(op, true);
		}
		else if (key.equals(Nominal.IMPORT)) {
			// A restore needs an empty instance: every one of these is refused, whatever its body.
			RawBodies.of(nominal.fields(op), true, true, random).forEach(raw -> raw(op, raw, ANY));
		}
		else if (op.body() != null) {
			Map<String, String> fields = nominal.fields(op);
			RawBodies.of(fields, op.bodyRequired(), !op.body().required().isEmpty(), random).forEach(r -> raw(op, r, r.expect()));
			contentTypes(op, false);
			fields(op, path(op), fields, op.body(), "");
			if (key.equals("POST /api/v1/key-results/{id}/check-ins")) {
				for (String kr : List.of("krMs", "krThr", "krKpi")) {
					fields(op, op.path().replace("{id}", "${" + kr + "}"), fields, op.body(), kr + ": ");
				}
			}
			if (key.equals("POST /api/v1/kpis")) {
				formulas(op, path(op), fields, "corpus-k${n}");
			}
			if (key.equals("PATCH /api/v1/kpis/{idOrKey}")) {
				// a KPI of its own, so that the formula KPI the others read stays one
				formulas(op, "/api/v1/kpis/${formulaKpi2}", fields, "corpus-ratio2");
				upload(op, new Upload("formula: a loop through another KPI", object(Map.of("formula", "\"{corpus-ratio} + 1\"")),
						JSON, REFUSED), "/api/v1/kpis/${kpiSum}");
			}
		}
		ifMatch(op);
		otherHeaders(op);
	}

	// -- who calls, where, with which parameters ---------------------------------------------------

	private void callers(Operation op) {
		String key = op.key();
		for (Caller caller : List.of(Caller.MEMBER, Caller.READ_TOKEN, Caller.INGEST_TOKEN, Caller.DEACTIVATED,
				Caller.UNKNOWN_TOKEN, Caller.ANONYMOUS)) {
			Expect expect = switch (caller) {
				case READ_TOKEN -> op.writes() ? REFUSED : ANY;
				case INGEST_TOKEN -> MEASUREMENTS.contains(key) ? ANY : REFUSED;
				case MEMBER -> ADMINS_ONLY.contains(key) ? REFUSED : ANY;
				default -> SIGNED_OUT;
			};
			add(op, "caller: " + caller.name().toLowerCase(Locale.ROOT).replace('_', ' '), "", caller, path(op),
					Nominal.headers(op), nominal.body(op), null, null, expect);
		}
		String[] pick = MALFORMED_AUTHORIZATION[random.nextInt(MALFORMED_AUTHORIZATION.length)];
		Map<String, String> headers = new LinkedHashMap<>(Nominal.headers(op));
		headers.put("Authorization", pick[0]);
		add(op, "caller: Authorization " + pick[1], "", Caller.ANONYMOUS, path(op), headers, nominal.body(op), null, null,
				SIGNED_OUT);
	}

	private void paths(Operation op) {
		for (Parameter p : op.in("path")) {
			for (ParameterValues.Value v : ParameterValues.path(p.name(), Nominal.target(op, p.name()), random)) {
				add(op, v.kind(), p.name(), Caller.ADMIN, Nominal.pathWith(op, p.name(), v.raw()), Nominal.headers(op),
						nominal.body(op), null, null, v.expect());
			}
		}
	}

	private void queries(Operation op) {
		for (Parameter p : op.in("query")) {
			for (ParameterValues.Value v : ParameterValues.query(p, random)) {
				add(op, v.kind(), p.name(), Caller.ADMIN, path(op) + "?" + p.name() + "=" + v.raw(), Nominal.headers(op),
						nominal.body(op), null, null, v.expect());
			}
		}
		if (!op.writes()) {
			add(op, "query: unknown parameter", "nope", Caller.ADMIN, path(op) + "?nope=1&nope=2", Map.of(), null, null, null,
					ANY);
		}
	}

	private void ifMatch(Operation op) {
		if (op.in("header").stream().noneMatch(p -> p.name().equals("If-Match"))) {
			return;
		}
		String record = op.path().contains("/members/") ? "/api/v1/teams/${spareTeam}"
				: path(op).replace("/close", "").replace("/publish", "");
		String[][] tags = { { "garbage", "If-Match: garbage", "R" }, { "\"abc\"", "If-Match: quoted text", "R" },
				{ "\"999999\"", "If-Match: stale", "R" }, { "W/\"999999\"", "If-Match: weak and stale", "R" },
				{ "W/garbage", "If-Match: W/ and garbage", "R" }, { "W/", "If-Match: W/ alone", "R" },
				{ "\"", "If-Match: a lone quote", "R" }, { "\"99999999999999999999\"", "If-Match: beyond a long", "R" },
				{ "\"-1\"", "If-Match: negative", "R" }, { "\"1.5\"", "If-Match: decimal", "R" },
				{ "\"" + "9".repeat(6_000) + "\"", "If-Match: 6,000 digits", "R" }, { "\"1\", \"2\"", "If-Match: a list", "A" },
				{ "W/${etag}", "If-Match: weak and current", "A" }, { "${etag}", "If-Match: current", "A" },
				{ "*", "If-Match: *", "A" }, { "", "If-Match: empty", "A" } };
		for (String[] t : tags) {
			Map<String, String> headers = new LinkedHashMap<>(Nominal.headers(op));
			headers.put("If-Match", t[0]);
			add(op, t[1], "", Caller.ADMIN, path(op), headers, nominal.body(op), null, t[0].contains("${etag}") ? record : null,
					t[2].equals("R") ? REFUSED : ANY);
		}
	}

	/** Header parameters other than If-Match and Content-Type (such as an Idempotency-Key): odd values. */
	private void otherHeaders(Operation op) {
		for (Parameter p : op.in("header")) {
			if (Set.of("if-match", "content-type").contains(p.name().toLowerCase(Locale.ROOT))) {
				continue;
			}
			String[][] values = { { "", "header: empty" }, { "${big:5000}", "header: 5,000 characters" },
					{ "a b\tc", "header: spaces and a tab" }, { "corpus-${n}", "header: a fresh value" },
					{ "corpus-same-value", "header: the same value each time" }, { "%00%0A", "header: encoded control characters" } };
			for (String[] v : values) {
				Map<String, String> headers = new LinkedHashMap<>(Nominal.headers(op));
				headers.put(p.name(), v[0]);
				add(op, v[1], p.name(), Caller.ADMIN, path(op), headers, nominal.body(op), null, null, ANY);
			}
		}
	}

	// -- bodies ------------------------------------------------------------------------------------

	private void raw(Operation op, RawBodies.Raw raw, Expect expect) {
		add(op, raw.kind(), "", Caller.ADMIN, path(op), Map.of("Content-Type", JSON), raw.text(), raw.bytes(), null, expect);
	}

	private void upload(Operation op, Upload upload, String path) {
		add(op, upload.kind(), "", Caller.ADMIN, path, Map.of("Content-Type", upload.contentType()), upload.text(), null,
				null, upload.expect());
	}

	/** The valid body under another content type; the ingestion endpoints read CSV, JSON or (the OKR file) any text. */
	private void contentTypes(Operation op, boolean anyText) {
		String[][] types = { { "*/*", "R" }, { "text/plain", "R" }, { null, "R" }, { "application/xml", "R" },
				{ "application/x-www-form-urlencoded", "R" }, { "multipart/form-data; boundary=x", "R" }, { "garbage", "R" },
				{ "text/csv", "R" },
				// Spring reads YAML too when jackson-dataformat-yaml is present (JSON is YAML): not a defect.
				{ "application/yaml", "A" }, { "application/json; charset=utf-16", "A" },
				{ "application/json;charset=ISO-8859-1", "A" }, { "APPLICATION/JSON", "A" },
				{ "application/merge-patch+json", "A" }, { "application/json, text/plain", "A" } };
		for (String[] t : types) {
			boolean refused = t[1].equals("R") && (!anyText || t[0] != null && Set.of("application/xml", "garbage").contains(t[0]));
			Map<String, String> headers = t[0] == null ? Map.of() : Map.of("Content-Type", t[0]);
			add(op, "content type: " + (t[0] == null ? "missing" : t[0]), "", Caller.ADMIN, path(op), headers,
					nominal.body(op), null, null, refused ? REFUSED : ANY);
		}
	}

	/** Each field of the body set to each wrong value of its type, the nested key results' for a third of them. */
	private void fields(Operation op, String path, Map<String, String> fields, Schema schema, String prefix) {
		for (var property : schema.properties().entrySet()) {
			String name = property.getKey();
			for (FieldValues.Bad bad : FieldValues.of(schema.name(), name, property.getValue(),
					schema.required().contains(name))) {
				upload(op, new Upload("field: " + bad.kind(), object(with(fields, name, nominal.answers(bad.json()))), JSON,
						bad.expect()), path, prefix + name);
			}
			ApiDocs.Type type = property.getValue();
			if (type.is("array") && type.items() != null && fields.containsKey(name)) {
				Map<String, String> item = nominal.fields(type.items());
				for (var inner : type.items().properties().entrySet()) {
					for (FieldValues.Bad bad : FieldValues.of(type.items().name(), inner.getKey(), inner.getValue(),
							type.items().required().contains(inner.getKey()))) {
						if (random.nextInt(3) > 0) {
							continue;
						}
						String items = "[" + object(with(item, inner.getKey(), nominal.answers(bad.json()))) + "]";
						upload(op, new Upload("field: " + bad.kind(), object(with(fields, name, items)), JSON, bad.expect()),
								path, prefix + name + "[0]." + inner.getKey());
					}
				}
			}
		}
	}

	private void formulas(Operation op, String path, Map<String, String> fields, String self) {
		for (Upload f : FormulaValues.of(self)) {
			String literal = "\"" + f.text().replace("\\", "\\\\").replace("\"", "\\\"").replace("\\\\u0000", "\\u0000") + "\"";
			upload(op, new Upload(f.kind(), object(with(fields, "formula", literal)), JSON, f.expect()), path, "formula");
		}
	}

	// -- outside api-docs --------------------------------------------------------------------------

	private void outsideApiDocs() {
		Operation get = new Operation("GET", "(outside api-docs)", List.of(), null, false);
		add(get, "outside: Spring's error path", "/error", Caller.ADMIN, "/error", Map.of(), null, null, null, REFUSED);
		add(get, "outside: Spring's error path", "/error", Caller.ANONYMOUS, "/error", Map.of(), null, null, null, REFUSED);
		add(get, "outside: unknown API path", "", Caller.ADMIN, "/api/v1/nope", Map.of(), null, null, null, REFUSED);
		add(get, "outside: not acceptable", "Accept: application/xml", Caller.ADMIN, "/api/v1/me",
				Map.of("Accept", "application/xml"), null, null, null, REFUSED);
		add(get, "outside: double slash", "", Caller.ADMIN, "/api//v1/me", Map.of(), null, null, null, ANY);
		add(get, "outside: encoded dots", "", Caller.ADMIN, "/api/v1/%2e%2e/v1/me", Map.of(), null, null, null, REFUSED);
		add(get, "outside: trailing slash", "", Caller.ADMIN, "/api/v1/objectives/", Map.of(), null, null, null, ANY);
		other("PUT", "/api/v1/me", "outside: method not allowed", Map.of("Content-Type", JSON), "{}", REFUSED);
		other("DELETE", "/api/v1/cycles", "outside: method not allowed", Map.of(), null, REFUSED);
		other("HEAD", "/api/v1/me", "outside: HEAD", Map.of(), null, ANY);
		other("OPTIONS", "/api/v1/me", "outside: OPTIONS", Map.of(), null, ANY);
	}

	// -- adding probes -----------------------------------------------------------------------------

	private void upload(Operation op, Upload upload, String path, String detail) {
		add(op, upload.kind(), detail, Caller.ADMIN, path, Map.of("Content-Type", upload.contentType()), upload.text(), null,
				null, upload.expect());
	}

	private void add(Operation op, String kind, String detail, Caller caller, String path, Map<String, String> headers,
			String body, byte[] raw, String etagFrom, Expect expect) {
		probes.add(new Probe(probes.size() + 1, op.key(), kind, detail, caller, op.method(), path,
				Collections.unmodifiableMap(new LinkedHashMap<>(headers)), body, raw, etagFrom, expect));
	}

	private void other(String method, String path, String kind, Map<String, String> headers, String body, Expect expect) {
		probes.add(new Probe(probes.size() + 1, method + " " + path, kind, method + " " + path, Caller.ADMIN, method, path,
				headers, body, null, null, expect));
	}
}
