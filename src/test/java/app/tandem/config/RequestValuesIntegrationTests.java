package app.tandem.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import app.tandem.ApiClient;
import app.tandem.TandemIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Values the API read leniently, or quoted whole, until the malformed-request corpus found them (issue 14, NEW-n):
 * each is now a 400 naming the field or parameter, quoting at most 40 characters of the value, storing nothing.
 */
@TandemIntegrationTest
class RequestValuesIntegrationTests {

	@LocalServerPort
	int port;

	ApiClient api;

	String cycle;

	String objective;

	String keyResult;

	@BeforeEach
	void setUp() {
		api = ApiClient.admin(port);
		cycle = api.post("/api/v1/cycles", Map.of("name", "Values-" + System.nanoTime(), "startDate", "2026-01-01",
				"endDate", "2026-12-31")).str("/id");
		var created = api.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Stay sane", "level", "TEAM",
				"keyResults", List.of(Map.of("title", "Sleep", "type", "INCREASE", "startValue", 5, "targetValue", 8))));
		objective = created.str("/id");
		keyResult = created.str("/keyResults/0/id");
	}

	@Test
	void anEnumNameWithAControlCharacterIsRefusedNotTrimmed() {
		var created = api.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Nul", "level", "COMPANY\u0000"));
		var patched = api.patch("/api/v1/objectives/" + objective, Map.of("level", "COMPANY\u0000"));

		assertRefused(created, "level");
		assertRefused(patched, "level");
		assertThat(created.str("/errors/0/message")).contains("U+0000");
		assertThat(api.get("/api/v1/objectives/" + objective).str("/level")).isEqualTo("TEAM");
		assertThat(api.get("/api/v1/objectives?cycleId=" + cycle).json().get("items")).hasSize(1);
	}

	@Test
	void anEnumGivenAsANumberIsRefusedNotTakenByPosition() {
		var created = api.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Zero", "level", 0));
		var patched = api.patch("/api/v1/objectives/" + objective, Map.of("level", 0));

		assertRefused(created, "level");
		assertRefused(patched, "level");
		assertThat(created.str("/errors/0/message")).contains("is not one of", "COMPANY");
		assertThat(api.get("/api/v1/objectives/" + objective).str("/level")).isEqualTo("TEAM");
		assertThat(api.get("/api/v1/objectives?cycleId=" + cycle).json().get("items")).hasSize(1);
	}

	@Test
	void aFractionForAWholeNumberIsRefused() {
		String key = "whole-" + System.nanoTime();
		var refused = api.post("/api/v1/kpis", kpi(key, 5.5));
		var created = api.post("/api/v1/kpis", kpi(key, 5.0));

		assertRefused(refused, "reviewEveryDays");
		assertThat(refused.str("/errors/0/message")).isEqualTo("must be a whole number, not 5.5");
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		assertThat(created.json().get("reviewEveryDays").asInt()).isEqualTo(5);
	}

	@Test
	void aConfidenceKeepsItsOwnWords() {
		var response = api.postRaw("/api/v1/key-results/" + keyResult + "/check-ins",
				"{\"value\": 6, \"confidence\": 5.5}", "application/json");

		assertRefused(response, "confidence");
		assertThat(response.str("/errors/0/message")).isEqualTo("must be a whole number from 0 to 10");
	}

	@Test
	void aListFilterThatIsNoIdIsRefusedNamingTheParameter() {
		for (String query : List.of("/api/v1/objectives?cycleId=not-a-uuid", "/api/v1/objectives?teamId=42",
				"/api/v1/objectives?ownerId=x", "/api/v1/wins?cycleId=not-a-uuid", "/api/v1/wins?teamId=%20")) {
			String parameter = query.substring(query.indexOf('?') + 1, query.indexOf('='));
			var response = api.get(query);

			assertRefused(response, parameter);
			assertThat(response.str("/errors/0/message")).startsWith("is not a valid id");
		}
		var unknown = api.get("/api/v1/objectives?cycleId=00000000-0000-7000-8000-000000000000");
		assertThat(unknown.status()).isEqualTo(200);
		assertThat(unknown.json().get("items")).isEmpty();
	}

	@Test
	void aLongValueIsQuotedShort() {
		String big = "x".repeat(100_000);
		var owner = api.patch("/api/v1/key-results/" + keyResult, Map.of("ownerId", big));
		var cycleOfObjective = api.post("/api/v1/objectives", Map.of("cycleId", big, "title", "Far", "level", "TEAM"));
		var filter = api.get("/api/v1/wins?cycleId=" + "y".repeat(5_000));
		var path = api.get("/api/v1/cycles/" + "9".repeat(3_000));

		for (var response : List.of(owner, cycleOfObjective, filter)) {
			assertThat(response.status()).as(response.text()).isEqualTo(400);
			assertThat(response.text().length()).as(response.text()).isLessThan(1_000);
		}
		// the problem's instance is the request's own path, not a quoted value
		assertThat(path.status()).isEqualTo(404);
		assertThat(owner.str("/errors/0/message")).isEqualTo("no user with id " + "x".repeat(40) + "…");
		assertThat(path.str("/detail")).endsWith("9".repeat(40) + "…");
	}

	private static Map<String, Object> kpi(String key, double reviewEveryDays) {
		Map<String, Object> kpi = new HashMap<>(Map.of("key", key, "name", "KPI " + key, "direction", "HIGHER_IS_BETTER",
				"target", 100, "warningThreshold", 80, "frequency", "WEEKLY", "aggregation", "LAST"));
		kpi.put("reviewEveryDays", reviewEveryDays);
		return kpi;
	}

	private static void assertRefused(ApiClient.Response response, String field) {
		assertThat(response.status()).as(response.text()).isEqualTo(400);
		assertThat(response.isProblem()).as(response.contentType()).isTrue();
		assertThat(response.str("/errors/0/field")).as(response.text()).isEqualTo(field);
	}
}
