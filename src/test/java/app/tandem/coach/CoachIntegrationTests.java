package app.tandem.coach;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import app.tandem.ApiClient;
import app.tandem.TandemIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/v1/coach} over a cycle of its own: findings sorted by severity, each objective's
 * and KPI's own findings in their representations, private objectives left out for those who may
 * not see them, "as of" an earlier instant, and bad input.
 */
@TandemIntegrationTest
class CoachIntegrationTests {

	private static final String PASSWORD = "correct horse battery";

	@LocalServerPort
	int port;

	ApiClient admin;

	String suffix;

	String team;

	String cycle;

	final Map<String, String> ids = new HashMap<>();

	@BeforeEach
	void cycleWithSomethingToSay() {
		admin = ApiClient.admin(port);
		// Letters only: a digit in a title is a finding of its own (OKR-009).
		suffix = Long.toString(System.nanoTime(), 36).chars()
			.mapToObj(c -> String.valueOf((char) (Character.isDigit(c) ? 'q' + (c - '0') % 10 : c)))
			.collect(java.util.stream.Collectors.joining());
		team = admin.post("/api/v1/teams", Map.of("name", "Coached " + suffix)).str("/id");
		LocalDate today = LocalDate.now();
		cycle = admin.post("/api/v1/cycles", Map.of("name", "Coach " + suffix, "startDate",
				today.minusDays(30).toString(), "endDate", today.plusDays(60).toString())).str("/id");
		ids.put("empty", objective("Nothing measured yet", List.of()).str("/id"));
		var grow = objective("Grow sign-ups 2x", List.of(increase("Sign-ups from 100 to 200", 100, 200)));
		ids.put("grow", grow.str("/id"));
		var late = objective("Delight new patients", List.of(increase("Activation from 40 to 55", 40, 55),
				Map.of("title", "Survey patients", "type", "MILESTONE", "dueDate", today.plusDays(90).toString())));
		ids.put("late", late.str("/id"));
		ids.put("lateKr", late.str("/keyResults/1/id"));
	}

	private ApiClient.Response objective(String title, List<Map<String, Object>> keyResults) {
		var created = admin.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", title + " " + suffix, "level",
				"TEAM", "teamId", team, "keyResults", keyResults));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		return created;
	}

	private static Map<String, Object> increase(String title, double start, double target) {
		return Map.of("title", title, "type", "INCREASE", "startValue", start, "targetValue", target);
	}

	private List<JsonNode> findings(ApiClient api, String query) {
		var answer = api.get("/api/v1/coach?" + query);
		assertThat(answer.status()).as(answer.text()).isEqualTo(200);
		List<JsonNode> findings = new ArrayList<>();
		answer.json().get("findings").forEach(findings::add);
		return findings;
	}

	private static List<String> about(List<JsonNode> findings, String subjectId) {
		return findings.stream().filter(f -> f.get("subjectId").asString().equals(subjectId))
			.map(f -> f.get("ruleId").asString()).toList();
	}

	@Test
	void theCoachNamesEachProblemWithItsSubjectMostSevereFirst() {
		var answer = admin.get("/api/v1/coach?cycleId=" + cycle);
		assertThat(answer.str("/cycleId")).isEqualTo(cycle);
		List<JsonNode> findings = findings(admin, "cycleId=" + cycle);

		assertThat(about(findings, ids.get("empty"))).containsExactly("OKR-001", "OKR-008");
		assertThat(about(findings, ids.get("grow"))).containsExactly("OKR-002", "OKR-008", "OKR-009");
		assertThat(about(findings, ids.get("lateKr"))).containsExactly("OKR-005");
		assertThat(about(findings, cycle)).containsExactly("OKR-010");
		assertThat(findings).extracting(f -> f.get("severity").asString())
			.isSortedAccordingTo(java.util.Comparator.comparing(s -> List.of("ERROR", "WARNING", "INFO").indexOf(s)));
		JsonNode first = findings.get(0);
		assertThat(first.get("ruleId").asString()).isEqualTo("OKR-001");
		assertThat(first.get("subjectType").asString()).isEqualTo("OBJECTIVE");
		assertThat(first.get("message").asString()).contains("Nothing measured yet " + suffix, "no key results");
		assertThat(first.get("hint").asString()).contains("Raise day-7 activation from 40% to 55%");
		JsonNode late = findings.stream().filter(f -> f.get("subjectId").asString().equals(ids.get("lateKr")))
			.findFirst().orElseThrow();
		assertThat(late.get("subjectType").asString()).isEqualTo("KEY_RESULT");
		assertThat(late.get("severity").asString()).isEqualTo("WARNING");
	}

	@Test
	void objectivesCarryTheirOwnFindingsInEveryRead() {
		var one = admin.get("/api/v1/objectives/" + ids.get("late")).json();
		assertThat(one.get("findings")).extracting(f -> f.get("ruleId").asString()).containsExactly("OKR-005",
				"OKR-008");
		assertThat(one.at("/findings/0/subjectId").asString()).isEqualTo(ids.get("lateKr"));

		var list = admin.get("/api/v1/objectives?cycleId=" + cycle).json().get("items");
		assertThat(list).hasSize(3);
		for (JsonNode objective : list) {
			assertThat(objective.get("findings").isArray()).isTrue();
		}
		assertThat(list.get(0).get("findings")).extracting(f -> f.get("ruleId").asString()).containsExactly("OKR-001",
				"OKR-008");

		// Aligning it and moving the due date into the cycle: the findings go.
		var fixed = admin.patch("/api/v1/key-results/" + ids.get("lateKr"),
				Map.of("dueDate", LocalDate.now().plusDays(10).toString(), "reason", "Survey sooner"));
		assertThat(fixed.status()).as(fixed.text()).isEqualTo(200);
		var aligned = admin.patch("/api/v1/objectives/" + ids.get("late"), Map.of("parentId", ids.get("grow")));
		assertThat(aligned.json().get("findings")).isEmpty();
	}

	@Test
	void kpisCarryTheirOwnFindings() {
		var kpi = admin.post("/api/v1/kpis", Map.of("key", "coach-" + suffix, "name", "Vague " + suffix, "direction",
				"HIGHER_IS_BETTER", "frequency", "WEEKLY", "aggregation", "AVG", "teamId", team));
		assertThat(kpi.status()).as(kpi.text()).isEqualTo(201);
		assertThat(kpi.json().get("findings")).extracting(f -> f.get("ruleId").asString()).contains("KPI-002",
				"KPI-004");

		var read = admin.get("/api/v1/kpis/coach-" + suffix).json();
		assertThat(read.get("findings")).extracting(f -> f.get("ruleId").asString()).contains("KPI-002", "KPI-004");
		assertThat(read.at("/findings/0/subjectType").asString()).isEqualTo("KPI");

		var listed = admin.get("/api/v1/kpis?limit=1000").json().get("items");
		JsonNode mine = null;
		for (JsonNode k : listed) {
			if (k.get("key").asString().equals("coach-" + suffix)) {
				mine = k;
			}
		}
		assertThat(mine).isNotNull();
		assertThat(mine.get("findings")).extracting(f -> f.get("ruleId").asString()).contains("KPI-002", "KPI-004");

		List<JsonNode> findings = findings(admin, "cycleId=" + cycle);
		assertThat(about(findings, kpi.str("/id"))).containsExactly("KPI-002", "KPI-004");
	}

	@Test
	void aKpiOfATeamWithoutObjectivesInTheCycleIsStandalone() {
		String idle = admin.post("/api/v1/teams", Map.of("name", "Idle " + suffix)).str("/id");
		Map<String, Object> context = Map.of("direction", "HIGHER_IS_BETTER", "frequency", "WEEKLY", "aggregation",
				"AVG", "target", 10, "definition", "Weekly count", "reason", "Shows demand", "dataSource", "CRM");
		var busy = new HashMap<String, Object>(context);
		busy.putAll(Map.of("key", "busy-" + suffix, "name", "Busy " + suffix, "teamId", team));
		var alone = new HashMap<String, Object>(context);
		alone.putAll(Map.of("key", "alone-" + suffix, "name", "Alone " + suffix, "teamId", idle));
		String busyId = admin.post("/api/v1/kpis", busy).str("/id");
		String aloneId = admin.post("/api/v1/kpis", alone).str("/id");

		List<JsonNode> findings = findings(admin, "cycleId=" + cycle);
		assertThat(about(findings, aloneId)).containsExactly("KPI-005");
		assertThat(about(findings, busyId)).as("its team has objectives in the cycle").isEmpty();
	}

	@Test
	void aKeyResultOnAKpiAlreadyOnTargetIsBusinessAsUsualAsOfWhenItGotThere() throws Exception {
		var kpi = admin.post("/api/v1/kpis", Map.of("key", "uptime-" + suffix, "name", "Uptime " + suffix, "direction",
				"HIGHER_IS_BETTER", "frequency", "DAILY", "aggregation", "AVG", "target", 99, "teamId", team,
				"definition", "Share of probes that succeeded", "reason", "Patients", "dataSource", "Probes"));
		String kpiId = kpi.str("/id");
		var objective = objective("Reliable registration", List.of(
				Map.of("title", "Uptime from 97 to 99.5", "type", "INCREASE", "startValue", 97, "targetValue", 99.5,
						"kpiId", kpiId),
				increase("Bugs from 0 to 90% resolved", 0, 90)));
		String kr = objective.str("/keyResults/0/id");
		Thread.sleep(20);
		Instant before = Instant.now();
		Thread.sleep(20);
		var ingested = admin.post("/api/v1/kpis/uptime-" + suffix + "/measurements",
				List.of(Map.of("at", Instant.now().toString(), "value", 99.7)));
		assertThat(ingested.status()).as(ingested.text()).isEqualTo(200);

		List<JsonNode> now = findings(admin, "cycleId=" + cycle);
		assertThat(about(now, kr)).containsExactly("OKR-007");
		JsonNode finding = now.stream().filter(f -> f.get("subjectId").asString().equals(kr)).findFirst().orElseThrow();
		assertThat(finding.get("message").asString()).contains("latest value 99.7 ≥ target 99");
		assertThat(admin.get("/api/v1/objectives/" + objective.str("/id")).json().get("findings"))
			.extracting(f -> f.get("ruleId").asString()).contains("OKR-007");

		// Before the value came in, the KPI stood where the key result started: below its target.
		assertThat(about(findings(admin, "cycleId=" + cycle + "&asOf=" + before), kr)).isEmpty();
		assertThat(admin.get("/api/v1/objectives/" + objective.str("/id") + "?asOf=" + before).json().get("findings"))
			.extracting(f -> f.get("ruleId").asString()).doesNotContain("OKR-007");
	}

	@Test
	void asOfShowsTheCycleAsItWas() throws Exception {
		Thread.sleep(20);
		Instant before = Instant.now();
		Thread.sleep(20);
		String later = objective("Later objective", List.of(increase("a", 0, 1), increase("b", 0, 1))).str("/id");
		var moved = admin.patch("/api/v1/key-results/" + ids.get("lateKr"),
				Map.of("dueDate", LocalDate.now().plusDays(20).toString(), "reason", "Sooner"));
		assertThat(moved.status()).as(moved.text()).isEqualTo(200);

		List<JsonNode> now = findings(admin, "cycleId=" + cycle);
		assertThat(about(now, later)).containsExactly("OKR-008");
		assertThat(about(now, ids.get("lateKr"))).isEmpty();

		List<JsonNode> then = findings(admin, "cycleId=" + cycle + "&asOf=" + before);
		assertThat(about(then, later)).isEmpty();
		assertThat(about(then, ids.get("lateKr"))).containsExactly("OKR-005");
		assertThat(admin.get("/api/v1/coach?cycleId=" + cycle + "&asOf=" + before).str("/asOf"))
			.isEqualTo(before.toString());
		assertThat(admin.get("/api/v1/objectives/" + ids.get("late") + "?asOf=" + before).json().get("findings"))
			.extracting(f -> f.get("ruleId").asString()).containsExactly("OKR-005", "OKR-008");
	}

	@Test
	void privateObjectivesStayHiddenFromThoseWhoMayNotSeeThem() {
		String owner = person("owner", "MEMBER");
		person("peer", "MEMBER");
		var hidden = admin.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Secret 3 acquisitions " + suffix,
				"level", "INDIVIDUAL", "ownerId", owner, "teamId", team, "visibility", "PRIVATE", "keyResults",
				List.of()));
		String id = hidden.str("/id");

		assertThat(about(findings(as("owner"), "cycleId=" + cycle), id)).containsExactly("OKR-001", "OKR-008",
				"OKR-009");
		assertThat(about(findings(admin, "cycleId=" + cycle), id)).containsExactly("OKR-001", "OKR-008", "OKR-009");
		var peer = as("peer").get("/api/v1/coach?cycleId=" + cycle);
		assertThat(peer.status()).isEqualTo(200);
		assertThat(peer.text()).doesNotContain(id).doesNotContain("Secret");
		assertThat(as("peer").get("/api/v1/coach?cycleId=" + cycle + "&teamId=" + team).text()).doesNotContain(id);
	}

	@Test
	void aTeamSeesItsOwnObjectivesAndKpisWithoutTheCycleWideFindings() {
		String other = admin.post("/api/v1/teams", Map.of("name", "Other " + suffix)).str("/id");
		String theirs = admin.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Theirs " + suffix, "level",
				"TEAM", "teamId", other, "keyResults", List.of())).str("/id");

		List<JsonNode> ours = findings(admin, "cycleId=" + cycle + "&teamId=" + team);
		assertThat(about(ours, ids.get("empty"))).contains("OKR-001");
		assertThat(about(ours, theirs)).isEmpty();
		assertThat(about(ours, cycle)).isEmpty();
		assertThat(admin.get("/api/v1/coach?cycleId=" + cycle + "&teamId=" + team).str("/teamId")).isEqualTo(team);
		assertThat(about(findings(admin, "cycleId=" + cycle + "&teamId=" + other), theirs)).contains("OKR-001");
	}

	@Test
	void badInputIsAProblemNeverAnError() {
		for (String query : List.of("cycleId=nonsense", "cycleId=" + java.util.UUID.randomUUID(),
				"cycleId=" + cycle + "&teamId=nonsense", "cycleId=" + cycle + "&teamId=" + java.util.UUID.randomUUID())) {
			var answer = admin.get("/api/v1/coach?" + query);
			assertThat(answer.status()).as(query).isEqualTo(404);
			assertThat(answer.isProblem()).as(query).isTrue();
		}
		var asOf = admin.get("/api/v1/coach?cycleId=" + cycle + "&asOf=yesterday");
		assertThat(asOf.status()).isEqualTo(400);
		assertThat(asOf.isProblem()).isTrue();
		assertThat(ApiClient.anonymous(port).get("/api/v1/coach?cycleId=" + cycle).status()).isEqualTo(401);
	}

	@Test
	void withoutCycleItJudgesTheCurrentOne() {
		var answer = admin.get("/api/v1/coach");
		assertThat(answer.status()).as(answer.text()).isEqualTo(200);
		assertThat(answer.str("/cycleId")).isEqualTo(admin.get("/api/v1/dashboard").str("/cycle/id"));
	}

	private final Map<String, String> users = new HashMap<>();

	private String person(String name, String role) {
		String id = admin.post("/api/v1/users", Map.of("username", name + "-" + suffix, "name", name, "password",
				PASSWORD)).str("/id");
		admin.put("/api/v1/teams/" + team + "/members/" + id, Map.of("role", role));
		users.put(name, id);
		return id;
	}

	private ApiClient as(String name) {
		return ApiClient.basic(port, name + "-" + suffix, PASSWORD);
	}
}
