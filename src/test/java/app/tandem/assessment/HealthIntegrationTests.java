package app.tandem.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
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
 * {@code GET /api/v1/health} on a small team built through the API, its figures computed by hand:
 * <ul>
 * <li>three objectives: "Delight" (two key results, aligned to a company objective), "Ship" (one key result: the
 * coach warns of too few; aligned to a company key result), "Nothing" (no key results: the coach's error; not
 * aligned);</li>
 * <li>check-ins: the first key result today with confidence 8, the second ten days ago with confidence 2, the third
 * never;</li>
 * <li>four KPIs: two measured an hour ago, one five weeks ago (weekly: stale), one never.</li>
 * </ul>
 */
@TandemIntegrationTest
class HealthIntegrationTests {

	@LocalServerPort
	int port;

	ApiClient admin;

	String suffix;

	String team;

	String cycle;

	@BeforeEach
	void smallTeam() {
		admin = ApiClient.admin(port);
		suffix = Long.toString(System.nanoTime(), 36).replaceAll("[0-9]", "x");
		team = admin.post("/api/v1/teams", Map.of("name", "Healthy " + suffix)).str("/id");
		String company = admin.post("/api/v1/teams", Map.of("name", "Company " + suffix)).str("/id");
		LocalDate today = LocalDate.now();
		cycle = admin.post("/api/v1/cycles", Map.of("name", "Health " + suffix, "startDate",
				today.minusDays(30).toString(), "endDate", today.plusDays(60).toString())).str("/id");
		var parent = objective(Map.of("title", "Lead the market " + suffix, "level", "COMPANY", "teamId", company,
				"keyResults", List.of(increase("Market share"), increase("Brand awareness"))));
		var delight = objective(Map.of("title", "Delight new patients " + suffix, "level", "TEAM", "teamId", team,
				"parentId", parent.str("/id"), "keyResults", List.of(increase("Activation"), increase("Referrals"))));
		var ship = objective(Map.of("title", "Ship the mobile app " + suffix, "level", "TEAM", "teamId", team,
				"parentKeyResultId", parent.str("/keyResults/0/id"), "keyResults", List.of(increase("Store rating"))));
		objective(Map.of("title", "Nothing measured yet " + suffix, "level", "TEAM", "teamId", team));
		checkIn(delight.str("/keyResults/0/id"), 8, null);
		checkIn(delight.str("/keyResults/1/id"), 2, Instant.now().minus(10, ChronoUnit.DAYS));
		assertThat(ship.json().at("/keyResults").size()).isEqualTo(1);
		Instant hourAgo = Instant.now().minus(1, ChronoUnit.HOURS);
		kpi("fresh-a", hourAgo);
		kpi("fresh-b", hourAgo);
		kpi("stale", Instant.now().minus(35, ChronoUnit.DAYS));
		kpi("never", null);
	}

	private ApiClient.Response objective(Map<String, Object> fields) {
		var body = new java.util.HashMap<>(fields);
		body.put("cycleId", cycle);
		var created = admin.post("/api/v1/objectives", body);
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		return created;
	}

	private static Map<String, Object> increase(String title) {
		return Map.of("title", title, "type", "INCREASE", "startValue", 40, "targetValue", 60);
	}

	private void checkIn(String keyResult, int confidence, Instant at) {
		var body = new java.util.HashMap<String, Object>(Map.of("value", 45, "confidence", confidence));
		if (at != null) {
			body.put("at", at.toString());
		}
		var answer = admin.post("/api/v1/key-results/" + keyResult + "/check-ins", body);
		assertThat(answer.status()).as(answer.text()).isIn(200, 201);
	}

	private void kpi(String name, Instant measuredAt) {
		String key = name + "-" + suffix;
		var created = admin.post("/api/v1/kpis", Map.of("key", key, "name", "KPI " + key, "direction",
				"HIGHER_IS_BETTER", "frequency", "WEEKLY", "aggregation", "SUM", "teamId", team));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		if (measuredAt != null) {
			var measured = admin.post("/api/v1/kpis/" + key + "/measurements",
					List.of(Map.of("at", measuredAt.toString(), "value", 10)));
			assertThat(measured.status()).as(measured.text()).isEqualTo(200);
		}
	}

	private static JsonNode part(JsonNode health, String kind) {
		for (JsonNode part : health.get("parts")) {
			if (part.get("kind").asString().equals(kind)) {
				return part;
			}
		}
		throw new AssertionError("no part " + kind + " in " + health);
	}

	private static void assertPart(JsonNode health, String kind, int count, int of, int score, int weight,
			String sentence) {
		JsonNode part = part(health, kind);
		assertThat(part.get("count").asInt()).as(kind).isEqualTo(count);
		assertThat(part.get("of").asInt()).as(kind).isEqualTo(of);
		assertThat(part.get("score").asInt()).as(kind).isEqualTo(score);
		assertThat(part.get("weight").asInt()).as(kind).isEqualTo(weight);
		assertThat(part.get("explanation").asString()).as(kind).isEqualTo(sentence);
	}

	@Test
	void theTeamsHealthGivesTheFiguresComputedByHand() {
		var answer = admin.get("/api/v1/health?cycleId=" + cycle + "&teamId=" + team);
		assertThat(answer.status()).as(answer.text()).isEqualTo(200);
		JsonNode health = answer.json();
		assertThat(health.get("cycleId").asString()).isEqualTo(cycle);
		assertThat(health.get("teamId").asString()).isEqualTo(team);

		assertPart(health, "CHECK_INS", 1, 3, 33, 30, "1 of 3 key results have a check-in from the last 7 days.");
		assertPart(health, "COACH", 1, 3, 33, 20,
				"1 of 3 objectives have no coach warning or error (2 warnings and errors in all, 0.67 per objective).");
		assertPart(health, "ALIGNMENT", 2, 3, 67, 20,
				"2 of 3 objectives are aligned to a parent objective or key result (company objectives not counted).");
		assertPart(health, "KPI_FRESHNESS", 2, 4, 50, 15,
				"2 of 4 KPIs have a value that is not stale (1 without any value).");
		assertPart(health, "CONFIDENCE", 1, 2, 50, 15,
				"1 of 2 key results with a confidence are above 3 (1 at 3 or below, 1 at 7 or above).");
		// (30 × 33.3 + 20 × 33.3 + 20 × 66.7 + 15 × 50 + 15 × 50) / 100 = (1000 + 666.7 + 1333.3 + 750 + 750) / 100 = 45
		assertThat(health.get("overall").asInt()).isEqualTo(45);
	}

	@Test
	void aTeamWithNothingYetHasNoScoreButSaysWhy() {
		String empty = admin.post("/api/v1/teams", Map.of("name", "Empty " + suffix)).str("/id");
		JsonNode health = admin.get("/api/v1/health?cycleId=" + cycle + "&teamId=" + empty).json();

		assertThat(health.get("overall").isNull()).isTrue();
		assertThat(part(health, "CHECK_INS").get("score").isNull()).isTrue();
		assertThat(part(health, "CHECK_INS").get("explanation").asString()).isEqualTo("No key results to check in yet.");
		assertThat(part(health, "KPI_FRESHNESS").get("explanation").asString()).isEqualTo("No KPIs yet.");
	}

	@Test
	void anUnknownCycleOrTeamIsNotFound() {
		var unknownTeam = admin.get("/api/v1/health?cycleId=" + cycle + "&teamId=" + java.util.UUID.randomUUID());
		assertThat(unknownTeam.status()).isEqualTo(404);
		assertThat(unknownTeam.isProblem()).isTrue();
		assertThat(admin.get("/api/v1/health?cycleId=nonsense").status()).isEqualTo(404);
		assertThat(admin.get("/api/v1/health?cycleId=" + java.util.UUID.randomUUID()).status()).isEqualTo(404);
		assertThat(ApiClient.anonymous(port).get("/api/v1/health").status()).isEqualTo(401);
	}
}
