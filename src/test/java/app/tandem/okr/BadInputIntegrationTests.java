package app.tandem.okr;

import java.util.List;
import java.util.Map;

import app.tandem.ApiClient;
import app.tandem.TandemIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input answers 4xx problem+json, names the field, and changes nothing. */
@TandemIntegrationTest
class BadInputIntegrationTests {

	@LocalServerPort
	int port;

	ApiClient api;

	String cycle;

	String objective;

	String keyResult;

	@BeforeEach
	void setUp() {
		api = ApiClient.admin(port);
		cycle = api.post("/api/v1/cycles", Map.of("name", "Bad-" + System.nanoTime(), "startDate", "2026-01-01",
				"endDate", "2026-12-31")).str("/id");
		var created = api.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Stay sane", "level", "TEAM",
				"keyResults", List.of(Map.of("title", "Sleep", "type", "INCREASE", "startValue", 5, "targetValue", 8))));
		objective = created.str("/id");
		keyResult = created.str("/keyResults/0/id");
	}

	@Test
	void wrongTypeNamesTheField() {
		var response = api.postRaw("/api/v1/key-results/" + keyResult + "/check-ins", "{\"value\": \"lots\"}",
				"application/json");
		assertRefused(response, 400, "value");
		assertUnchanged();
	}

	@Test
	void missingFieldsAreListed() {
		var response = api.post("/api/v1/objectives", Map.of("cycleId", cycle));
		assertRefused(response, 400, "title");
		assertThat(response.text()).contains("level");
		assertUnchanged();
	}

	@Test
	void unknownEnumValueListsTheAllowedOnes() {
		var response = api.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "X", "level", "GALAXY"));
		assertRefused(response, 400, "level");
		assertThat(response.text()).contains("COMPANY", "TEAM", "INDIVIDUAL");
		assertUnchanged();
	}

	@Test
	void unknownKeyResultTypeInsideTheListNamesItsIndex() {
		var response = api.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "X", "level", "TEAM",
				"keyResults", List.of(Map.of("title", "ok", "type", "MILESTONE"), Map.of("title", "bad", "type", "GUESS"))));
		assertRefused(response, 400, "keyResults[1].type");
		assertUnchanged();
	}

	@Test
	void startEqualToTargetIsRefused() {
		var response = api.post("/api/v1/objectives/" + objective + "/key-results",
				Map.of("title", "Flat", "type", "INCREASE", "startValue", 3, "targetValue", 3));
		assertRefused(response, 400, "targetValue");
		assertUnchanged();
	}

	@Test
	void oneBadKeyResultRefusesTheWholeObjective() {
		var response = api.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "All or nothing", "level", "TEAM",
				"keyResults", List.of(Map.of("title", "fine", "type", "MILESTONE"),
						Map.of("title", "flat", "type", "DECREASE", "startValue", 1, "targetValue", 1))));
		assertRefused(response, 400, "keyResults[1].targetValue");
		assertUnchanged();
	}

	@Test
	void cycleDatesOutOfOrderAreRefused() {
		var response = api.post("/api/v1/cycles", Map.of("name", "Backwards", "startDate", "2026-06-30",
				"endDate", "2026-04-01"));
		assertRefused(response, 400, "endDate");
		assertThat(api.get("/api/v1/cycles?limit=1000").text()).doesNotContain("Backwards");
	}

	@Test
	void malformedDateIsRefused() {
		var response = api.post("/api/v1/cycles", Map.of("name", "Bad date", "startDate", "2026-13-45",
				"endDate", "2026-12-31"));
		assertRefused(response, 400, "startDate");
	}

	@Test
	void unknownIdsInThePathAre404() {
		assertRefused(api.get("/api/v1/objectives/00000000-0000-7000-8000-000000000000"), 404, null);
		assertRefused(api.get("/api/v1/key-results/not-an-id"), 404, null);
		assertRefused(api.post("/api/v1/key-results/00000000-0000-7000-8000-000000000000/check-ins",
				Map.of("value", 1)), 404, null);
	}

	@Test
	void unknownIdsInTheBodyNameTheirField() {
		var response = api.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "X", "level", "TEAM",
				"parentId", "00000000-0000-7000-8000-000000000000"));
		assertRefused(response, 400, "parentId");
		assertUnchanged();
	}

	@Test
	void malformedJsonIsRefused() {
		assertRefused(api.postRaw("/api/v1/cycles", "{\"name\": ", "application/json"), 400, null);
	}

	@Test
	void oversizedBodyIsRefusedWith413() {
		String note = "x".repeat(1_200_000);
		var response = api.post("/api/v1/key-results/" + keyResult + "/check-ins", Map.of("value", 6, "note", note));
		assertRefused(response, 413, null);
		assertUnchanged();
	}

	@Test
	void nonFiniteValuesAreRefused() {
		var response = api.postRaw("/api/v1/key-results/" + keyResult + "/check-ins", "{\"value\": 1e400}",
				"application/json");
		assertRefused(response, 400, "value");
		assertUnchanged();
	}

	@Test
	void confidenceOutOfRangeIsRefused() {
		assertRefused(api.post("/api/v1/key-results/" + keyResult + "/check-ins", Map.of("value", 6, "confidence", 11)),
				400, "confidence");
		assertUnchanged();
	}

	@Test
	void checkInInTheFutureIsRefused() {
		assertRefused(api.post("/api/v1/key-results/" + keyResult + "/check-ins",
				Map.of("value", 6, "at", "2099-01-01T00:00:00Z")), 400, "at");
		assertUnchanged();
	}

	@Test
	void targetChangeWithoutReasonIsRefused() {
		assertRefused(api.patch("/api/v1/key-results/" + keyResult, Map.of("targetValue", 9)), 400, "reason");
		assertThat(api.get("/api/v1/key-results/" + keyResult).num("/targetValue")).isEqualTo(8);
	}

	@Test
	void limitOutOfRangeIsRefused() {
		assertRefused(api.get("/api/v1/objectives?limit=0"), 400, "limit");
		assertRefused(api.get("/api/v1/objectives?limit=5000"), 400, "limit");
		assertRefused(api.get("/api/v1/objectives?asOf=yesterday"), 400, "asOf");
	}

	private void assertUnchanged() {
		var current = api.get("/api/v1/objectives?cycleId=" + cycle);
		assertThat(current.json().get("items")).as("objectives of the cycle").hasSize(1);
		assertThat(current.json().at("/items/0/keyResults")).as("key results").hasSize(1);
		assertThat(api.get("/api/v1/key-results/" + keyResult + "/check-ins").json().get("items")).as("check-ins")
			.isEmpty();
	}

	private static void assertRefused(ApiClient.Response response, int status, String field) {
		assertThat(response.status()).as(response.text()).isEqualTo(status);
		assertThat(response.isProblem()).as("problem+json: " + response.contentType()).isTrue();
		assertThat(response.json().get("status").asInt()).isEqualTo(status);
		assertThat(response.json().get("title").asString()).isNotBlank();
		if (field != null) {
			assertThat(response.json().get("errors").toString()).as(response.text()).contains("\"" + field + "\"");
		}
	}
}
