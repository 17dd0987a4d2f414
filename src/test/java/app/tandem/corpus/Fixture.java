package app.tandem.corpus;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.tandem.ApiClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the corpus aims at, built through the API so that every id exists: teams, people with tokens of
 * each kind, cycles, an objective with a key result of each type, KPIs (one a formula, one with values),
 * a check-in, a comment, a win, a draft. Records that a refused request could otherwise delete or close
 * are spares ({@code spare*}), so that a lenient answer does not take the fixture away from later probes.
 */
final class Fixture {

	/** Placeholder name → id (or key). */
	final Map<String, String> ids = new LinkedHashMap<>();

	final Map<Probe.Caller, String> tokens = new EnumMap<>(Probe.Caller.class);

	final List<String> questions = new ArrayList<>();

	private final ApiClient basicAdmin;

	private ApiClient admin;

	private final int port;

	private Fixture(int port) {
		this.port = port;
		this.basicAdmin = ApiClient.adminBasic(port);
	}

	static Fixture build(int port) {
		Fixture f = new Fixture(port);
		f.organisation();
		f.okrs();
		f.kpis();
		f.extras();
		return f;
	}

	private void organisation() {
		tokens.put(Probe.Caller.ADMIN, token(basicAdmin, "read", "write"));
		admin = ApiClient.anonymous(port).bearer(tokens.get(Probe.Caller.ADMIN));
		ids.put("admin", admin.get("/api/v1/me").str("/id"));
		ids.put("company", created(admin.post("/api/v1/teams", Map.of("name", "Corpus company", "key", "corpus-co"))));
		ids.put("team", created(admin.post("/api/v1/teams",
				Map.of("name", "Corpus team", "key", "corpus-team", "parentId", ids.get("company")))));
		ids.put("otherTeam", created(admin.post("/api/v1/teams",
				Map.of("name", "Corpus other team", "key", "corpus-other", "parentId", ids.get("company")))));
		ids.put("spareTeam", created(admin.post("/api/v1/teams",
				Map.of("name", "Corpus spare team", "key", "corpus-spare", "parentId", ids.get("company")))));
		ids.put("lead", person("corpus-lead", "team", "LEAD", true));
		ids.put("member", person("corpus-member", "team", "MEMBER", true));
		ids.put("spareUser", person("corpus-spare", "spareTeam", "MEMBER", false));
		ids.put("deactivated", person("corpus-gone", "team", "MEMBER", true));
		ApiClient lead = ApiClient.basic(port, "corpus-lead", password("corpus-lead"));
		tokens.put(Probe.Caller.MEMBER, token(ApiClient.basic(port, "corpus-member", password("corpus-member")), "read", "write"));
		tokens.put(Probe.Caller.READ_TOKEN, token(lead, "read"));
		tokens.put(Probe.Caller.INGEST_TOKEN, token(lead, "ingest"));
		tokens.put(Probe.Caller.DEACTIVATED,
				token(ApiClient.basic(port, "corpus-gone", password("corpus-gone")), "read", "write"));
		assertThat(admin.patch("/api/v1/users/" + ids.get("deactivated"), Map.of("active", false)).status()).isEqualTo(200);
		tokens.put(Probe.Caller.UNKNOWN_TOKEN, "tdm_corpus0unknown0token0that0was0never0issued0");
		var spare = admin.post("/api/v1/tokens", Map.of("name", "corpus spare", "scopes", List.of("read")));
		ids.put("spareToken", created(spare));
		admin.get("/api/v1/assessment/questions").json().get("questions")
			.forEach(q -> questions.add(q.get("key").asString()));
	}

	private void okrs() {
		LocalDate today = LocalDate.now();
		ids.put("cycle", created(admin.post("/api/v1/cycles", Map.of("name", "Corpus now", "startDate",
				today.minusDays(10).toString(), "endDate", today.plusDays(80).toString()))));
		ids.put("cycle2", created(admin.post("/api/v1/cycles", Map.of("name", "Corpus next", "startDate",
				today.plusDays(81).toString(), "endDate", today.plusDays(170).toString()))));
		ids.put("spareCycle", created(admin.post("/api/v1/cycles",
				Map.of("name", "Corpus spare", "startDate", "2043-01-01", "endDate", "2043-03-31"))));
		var objective = admin.post("/api/v1/objectives", Map.of("cycleId", ids.get("cycle"), "level", "TEAM", "teamId",
				ids.get("team"), "title", "Corpus objective", "ownerId", ids.get("lead"), "keyResults", List.of(
						Map.of("title", "Up", "type", "INCREASE", "startValue", 0, "targetValue", 100, "ownerId", ids.get("member")),
						Map.of("title", "Down", "type", "DECREASE", "startValue", 50, "targetValue", 10),
						Map.of("title", "Keep", "type", "THRESHOLD", "minValue", 1, "maxValue", 9),
						Map.of("title", "Ship", "type", "MILESTONE", "ownerId", ids.get("member")),
						Map.of("title", "Learn", "type", "BASELINE"))));
		ids.put("objective", created(objective));
		String[] krs = { "krInc", "krDec", "krThr", "krMs", "krBase" };
		for (int i = 0; i < krs.length; i++) {
			ids.put(krs[i], objective.str("/keyResults/" + i + "/id"));
		}
		var second = admin.post("/api/v1/objectives", Map.of("cycleId", ids.get("cycle"), "level", "TEAM", "teamId",
				ids.get("team"), "title", "Corpus second objective", "parentId", ids.get("objective"), "keyResults", List.of(
						Map.of("title", "Spare", "type", "INCREASE", "startValue", 0, "targetValue", 10),
						Map.of("title", "Moved", "type", "INCREASE", "startValue", 0, "targetValue", 10))));
		ids.put("objective2", created(second));
		ids.put("spareKr", second.str("/keyResults/0/id"));
		ids.put("moveKr", second.str("/keyResults/1/id"));
		ids.put("private", created(admin.post("/api/v1/objectives", Map.of("cycleId", ids.get("cycle"), "level", "TEAM",
				"teamId", ids.get("team"), "title", "Corpus private", "visibility", "PRIVATE", "ownerId", ids.get("lead"),
				"keyResults", List.of(Map.of("title", "Hidden", "type", "MILESTONE"))))));
		ids.put("individual", created(admin.post("/api/v1/objectives", Map.of("cycleId", ids.get("cycle"), "level",
				"INDIVIDUAL", "ownerId", ids.get("member"), "title", "Corpus own", "keyResults",
				List.of(Map.of("title", "Mine", "type", "MILESTONE"))))));
		ids.put("spareObjective", created(admin.post("/api/v1/objectives", Map.of("cycleId", ids.get("cycle"), "level",
				"TEAM", "teamId", ids.get("team"), "title", "Corpus spare objective"))));
		ids.put("draft", created(admin.post("/api/v1/library/okrs/sales-team-pipeline/adopt",
				Map.of("cycleId", ids.get("cycle"), "teamId", ids.get("team")))));
		checkIn("krInc", Map.of("value", 20, "confidence", 6, "note", "first"));
		checkIn("krDec", Map.of("value", 40, "confidence", 5));
		checkIn("krThr", Map.of("value", 5, "confidence", 7));
		checkIn("krBase", Map.of("value", 3));
		checkIn("krMs", Map.of("achieved", true, "confidence", 10));
		ids.put("comment", created(admin.post("/api/v1/objectives/" + ids.get("objective") + "/comments",
				Map.of("body", "Corpus comment @corpus-member"))));
		for (JsonNode win : admin.get("/api/v1/wins?cycleId=" + ids.get("cycle")).json().get("items")) {
			if (win.get("subjectId").asString().equals(ids.get("krMs"))) {
				ids.put("win", win.get("id").asString());
			}
		}
		assertThat(ids).as("the achieved milestone is a win").containsKey("win");
	}

	private void kpis() {
		kpi("kpi", "corpus-visits", "HIGHER_IS_BETTER", "LAST", Map.of("target", 100, "warningThreshold", 80));
		kpi("kpiSum", "corpus-signups", "HIGHER_IS_BETTER", "SUM", Map.of("target", 50, "warningThreshold", 30));
		kpi("kpiLower", "corpus-wait", "LOWER_IS_BETTER", "AVG", Map.of("target", 2, "warningThreshold", 4));
		kpi("spareKpi", "corpus-spare", "WITHIN_RANGE", "MAX",
				Map.of("lowerBound", 1, "upperBound", 9, "warningMargin", 1));
		kpi("formulaKpi", "corpus-ratio", "HIGHER_IS_BETTER", "LAST",
				Map.of("target", 10, "warningThreshold", 5, "formula", "{corpus-signups} / {corpus-visits} * 100"));
		// The formula probes change this one's formula, so that the one above stays a formula KPI throughout.
		kpi("formulaKpi2", "corpus-ratio2", "HIGHER_IS_BETTER", "LAST",
				Map.of("target", 10, "warningThreshold", 5, "formula", "{corpus-visits} * 2"));
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		for (String kpi : List.of("corpus-visits", "corpus-signups", "corpus-wait")) {
			var values = new ArrayList<Map<String, Object>>();
			for (int day = 6; day >= 1; day--) {
				values.add(Map.of("at", now.minus(day, ChronoUnit.DAYS).toString(), "value", 60 + day * 3));
			}
			var ingested = admin.post("/api/v1/kpis/" + kpi + "/measurements", values);
			assertThat(ingested.status()).as(ingested.text()).isEqualTo(200);
		}
		// A key result measured by a KPI, as the recovery OKR and SPEC's linked key results have.
		var linked = admin.post("/api/v1/objectives/" + ids.get("objective2") + "/key-results", Map.of("title",
				"Visits", "type", "INCREASE", "startValue", 50, "targetValue", 150, "kpiId", ids.get("kpiId")));
		ids.put("krKpi", created(linked));
	}

	private void extras() {
		assertThat(admin.post("/api/v1/kpis/corpus-visits/comments", Map.of("body", "On the KPI")).status()).isEqualTo(201);
	}

	private void kpi(String name, String key, String direction, String aggregation, Map<String, Object> more) {
		Map<String, Object> body = new LinkedHashMap<>(Map.of("key", key, "name", "Corpus " + key, "direction", direction,
				"frequency", "DAILY", "aggregation", aggregation, "unit", "points", "teamId", ids.get("team"), "ownerId",
				ids.get("member")));
		body.putAll(more);
		String id = created(admin.post("/api/v1/kpis", body));
		ids.put(name, key);
		ids.put(name + "Id", id);
	}

	private void checkIn(String kr, Map<String, Object> body) {
		var response = admin.post("/api/v1/key-results/" + ids.get(kr) + "/check-ins", body);
		assertThat(response.status()).as(response.text()).isEqualTo(201);
	}

	/** With a password only where a token is made with it: each hash costs a tenth of a second of CPU. */
	private String person(String username, String team, String role, boolean password) {
		Map<String, Object> body = new LinkedHashMap<>(Map.of("username", username, "name", "Corpus " + role));
		if (password) {
			body.put("password", password(username));
		}
		String id = created(admin.post("/api/v1/users", body));
		var member = admin.put("/api/v1/teams/" + ids.get(team) + "/members/" + id, Map.of("role", role));
		assertThat(member.status()).as(member.text()).isEqualTo(200);
		return id;
	}

	static String password(String username) {
		return "Plum orchard lantern " + username.length() + " river";
	}

	private static String token(ApiClient as, String... scopes) {
		var created = as.post("/api/v1/tokens", Map.of("name", "corpus", "scopes", List.of(scopes)));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		return created.str("/token");
	}

	private static String created(ApiClient.Response response) {
		assertThat(response.status()).as(response.text()).isIn(200, 201);
		return response.str("/id");
	}
}
