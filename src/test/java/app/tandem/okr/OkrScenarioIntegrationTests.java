package app.tandem.okr;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import app.tandem.ApiClient;
import app.tandem.MutableClock;
import app.tandem.TandemIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The acceptance scenario of the core issue, through the HTTP API: a cycle, a company objective,
 * an aligned team objective with one key result of each type, check-ins over several weeks, and the
 * numbers of SPEC §1 checked against a hand calculation, live and "as of" an earlier instant.
 */
@TandemIntegrationTest
@Import(MutableClock.Config.class)
class OkrScenarioIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Test
	void progressExpectedProgressStatusAndScoreMatchTheHandCalculation() {
		ApiClient api = ApiClient.admin(port);
		clock.set("2026-10-01T08:00:00Z");
		String cycle = api.post("/api/v1/cycles", Map.of("name", "Scenario-Q4", "startDate", "2026-10-01",
				"endDate", "2026-12-31")).str("/id");
		var company = api.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Be the health app people love",
				"level", "COMPANY", "type", "ASPIRATIONAL"));
		assertThat(company.status()).as(company.text()).isEqualTo(201);
		String companyId = company.str("/id");

		var team = api.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Delight our patients",
				"level", "TEAM", "parentId", companyId, "keyResults", List.of(
						Map.of("title", "Ship features", "type", "INCREASE", "startValue", 0, "targetValue", 100,
								"weight", 2, "unit", "points"),
						Map.of("title", "Cut response time", "type", "DECREASE", "startValue", 10, "targetValue", 2),
						Map.of("title", "Keep same-day replies", "type", "THRESHOLD", "minValue", 95, "maxValue", 100),
						Map.of("title", "Launch the portal", "type", "MILESTONE"),
						Map.of("title", "Measure attrition", "type", "BASELINE"))));
		assertThat(team.status()).as(team.text()).isEqualTo(201);
		Map<String, String> kr = new HashMap<>();
		for (JsonNode node : team.json().get("keyResults")) {
			kr.put(node.get("type").asString(), node.get("id").asString());
		}

		checkIn(api, "2026-10-10T09:00:00Z", kr.get("THRESHOLD"), Map.of("value", 97));
		checkIn(api, "2026-10-15T09:00:00Z", kr.get("INCREASE"), Map.of("value", 20, "confidence", 6));
		checkIn(api, "2026-10-20T09:00:00Z", kr.get("THRESHOLD"), Map.of("value", 90));
		checkIn(api, "2026-11-01T09:00:00Z", kr.get("DECREASE"), Map.of("value", 4));
		checkIn(api, "2026-11-10T09:00:00Z", kr.get("THRESHOLD"), Map.of("value", 99));
		checkIn(api, "2026-11-12T09:00:00Z", kr.get("MILESTONE"), Map.of("achieved", true, "note", "live"));
		checkIn(api, "2026-11-20T09:00:00Z", kr.get("INCREASE"), Map.of("value", 50, "confidence", 7));
		checkIn(api, "2026-11-20T10:00:00Z", kr.get("THRESHOLD"), Map.of("value", 96));

		clock.set("2026-11-25T10:00:00Z");
		// 55 of 91 days from 2026-10-01 to the due date 2026-12-31 have passed.
		double e = 55.0 / 91;
		var now = api.get("/api/v1/objectives/" + team.str("/id"));
		Map<String, JsonNode> krs = byType(now.json());
		assertKeyResult(krs.get("INCREASE"), 50, 0.5, e, "AT_RISK");
		assertKeyResult(krs.get("DECREASE"), 4, 0.75, e, "ON_TRACK");
		assertKeyResult(krs.get("THRESHOLD"), 96, 0.75, e, "ON_TRACK");
		assertKeyResult(krs.get("MILESTONE"), null, 1, e, "DONE");
		assertKeyResult(krs.get("BASELINE"), null, 0, e, "OFF_TRACK");
		assertThat(krs.get("INCREASE").get("confidence").asInt()).isEqualTo(7);

		// (2·0.5 + 0.75 + 0.75 + 1 + 0) / 6
		double teamProgress = 3.5 / 6;
		assertThat(now.num("/progress")).isCloseTo(teamProgress, within(1e-9));
		assertThat(now.num("/expectedProgress")).isCloseTo(e, within(1e-9));
		assertThat(now.str("/status")).isEqualTo("ON_TRACK");
		assertThat(now.num("/score")).isCloseTo(teamProgress, within(1e-9));
		assertThat(now.str("/scoreBand")).isEqualTo("YELLOW");

		// No key results of its own: the mean of what is aligned to it; aspirational, so 0.7·e is expected.
		var companyNow = api.get("/api/v1/objectives/" + companyId);
		assertThat(companyNow.num("/progress")).isCloseTo(teamProgress, within(1e-9));
		assertThat(companyNow.num("/expectedProgress")).isCloseTo(0.7 * e, within(1e-9));
		assertThat(companyNow.str("/status")).isEqualTo("ON_TRACK");

		// As of 2026-10-12 only the first THRESHOLD check-in (in range) had happened: 11 of 91 days expected.
		var before = api.get("/api/v1/objectives/" + team.str("/id") + "?asOf=2026-10-12T00:00:00Z");
		assertThat(before.status()).as(before.text()).isEqualTo(200);
		Map<String, JsonNode> earlier = byType(before.json());
		double e12 = 11.0 / 91;
		assertKeyResult(earlier.get("INCREASE"), 0, 0, e12, "AT_RISK");
		assertKeyResult(earlier.get("THRESHOLD"), 97, 1, e12, "ON_TRACK");
		assertKeyResult(earlier.get("MILESTONE"), null, 0, e12, "AT_RISK");
		assertThat(before.num("/progress")).isCloseTo(1.0 / 6, within(1e-9));

		var list = api.get("/api/v1/objectives?cycleId=" + cycle + "&asOf=2026-10-12T00:00:00Z");
		assertThat(list.json().get("items")).hasSize(2);
		assertThat(api.get("/api/v1/objectives?cycleId=" + cycle + "&level=TEAM").json().get("items")).hasSize(1);

		var alignment = api.get("/api/v1/objectives/" + companyId + "/alignment");
		assertThat(alignment.str("/aligned/0/id")).isEqualTo(team.str("/id"));
	}

	@Test
	void manualGradeReplacesProgressAsTheScore() {
		ApiClient api = ApiClient.admin(port);
		clock.set("2026-10-01T08:00:00Z");
		String cycle = api.post("/api/v1/cycles", Map.of("name", "Grade-Q4", "startDate", "2026-10-01",
				"endDate", "2026-12-31")).str("/id");
		var objective = api.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Grow", "level", "TEAM",
				"keyResults", List.of(Map.of("title", "A", "type", "INCREASE", "startValue", 0, "targetValue", 10),
						Map.of("title", "B", "type", "INCREASE", "startValue", 0, "targetValue", 10))));
		String a = objective.str("/keyResults/0/id");
		checkIn(api, "2026-10-05T00:00:00Z", a, Map.of("value", 2));
		var graded = api.patch("/api/v1/key-results/" + a, Map.of("grade", 0.6, "gradeNote", "harder than it looked"));
		assertThat(graded.status()).as(graded.text()).isEqualTo(200);
		assertThat(graded.num("/score")).isEqualTo(0.6);
		assertThat(graded.num("/progress")).isEqualTo(0.2);
		// (0.6 + 0) / 2
		assertThat(api.get("/api/v1/objectives/" + objective.str("/id")).num("/score")).isCloseTo(0.3, within(1e-9));
	}

	private void checkIn(ApiClient api, String at, String keyResultId, Map<String, Object> body) {
		clock.set(at);
		var response = api.post("/api/v1/key-results/" + keyResultId + "/check-ins", body);
		assertThat(response.status()).as(response.text()).isEqualTo(201);
	}

	private static Map<String, JsonNode> byType(JsonNode objective) {
		Map<String, JsonNode> krs = new HashMap<>();
		objective.get("keyResults").forEach(node -> krs.put(node.get("type").asString(), node));
		return krs;
	}

	private static void assertKeyResult(JsonNode kr, Integer current, double progress, double expected, String status) {
		String type = kr.get("type").asString();
		if (current != null) {
			assertThat(kr.get("current").asDouble()).as(type + " current").isEqualTo(current.doubleValue());
		}
		assertThat(kr.get("progress").asDouble()).as(type + " progress").isCloseTo(progress, within(1e-9));
		assertThat(kr.get("expectedProgress").asDouble()).as(type + " expected").isCloseTo(expected, within(1e-9));
		assertThat(kr.get("status").asString()).as(type + " status").isEqualTo(status);
	}
}
