package app.tandem.okr;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import app.tandem.ApiClient;
import app.tandem.TandemIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14, A4 and A6: the numbers a person enters on key results lie within ±1e15 and weights within (0, 100]
 * (SPEC §1, check-ins); a confidence is a whole number from 0 to 10. Beyond, 400 naming the field, and nothing
 * is stored, on H2 and PostgreSQL alike.
 */
@TandemIntegrationTest
class EnteredNumbersIntegrationTests {

	@LocalServerPort
	int port;

	ApiClient api;

	String cycle;

	String objective;

	String keyResult;

	@BeforeEach
	void keyResult() {
		api = ApiClient.admin(port);
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		cycle = api.post("/api/v1/cycles", Map.of("name", "Numbers-" + System.nanoTime(), "startDate",
				today.minusDays(10).toString(), "endDate", today.plusDays(80).toString())).str("/id");
		var created = api.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Count", "level", "TEAM",
				"keyResults", List.of(Map.of("title", "Visitors", "type", "INCREASE", "startValue", 0,
						"targetValue", 100))));
		objective = created.str("/id");
		keyResult = created.str("/keyResults/0/id");
	}

	@Test
	void aCheckInOf1e200IsRefusedNamingTheValueAndStoresNothing() {
		for (String value : List.of("1e200", "-1e16", "1.0000001e15")) {
			var refused = api.postRaw("/api/v1/key-results/" + keyResult + "/check-ins", "{\"value\": " + value + "}",
					"application/json");
			assertRefused(refused, "value");
			assertThat(refused.text()).contains("1e15");
		}
		assertNoCheckIns();
		assertThat(api.get("/api/v1/key-results/" + keyResult).num("/current")).isZero();

		var largest = api.postRaw("/api/v1/key-results/" + keyResult + "/check-ins", "{\"value\": -1e15}",
				"application/json");
		assertThat(largest.status()).as(largest.text()).isEqualTo(201);
	}

	@Test
	void aFractionalConfidenceIsRefusedRatherThanCut() {
		var refused = api.postRaw("/api/v1/key-results/" + keyResult + "/check-ins",
				"{\"value\": 5, \"confidence\": 5.5}", "application/json");
		assertRefused(refused, "confidence");
		assertThat(refused.str("/errors/0/message")).contains("whole number");
		assertThat(refused.text()).doesNotContain("java", "Integer");
		assertNoCheckIns();

		var whole = api.postRaw("/api/v1/key-results/" + keyResult + "/check-ins",
				"{\"value\": 5, \"confidence\": 5.0}", "application/json");
		assertThat(whole.status()).as(whole.text()).isEqualTo(201);
		assertThat(whole.json().get("confidence").asInt()).isEqualTo(5);
	}

	@Test
	void weightsLieAboveZeroAndAtMostAHundred() {
		var huge = api.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Heavy", "level", "TEAM",
				"keyResults", List.of(Map.of("title", "Anything", "type", "MILESTONE", "weight", 1e308))));
		assertRefused(huge, "keyResults[0].weight");
		assertThat(api.get("/api/v1/objectives?cycleId=" + cycle).json().get("items")).hasSize(1);

		for (double weight : new double[] { 0, -1, 100.5 }) {
			assertRefused(api.post("/api/v1/objectives/" + objective + "/key-results",
					Map.of("title", "Weighed", "type", "MILESTONE", "weight", weight)), "weight");
		}
		assertRefused(api.patch("/api/v1/key-results/" + keyResult, Map.of("weight", 101)), "weight");
		assertThat(api.get("/api/v1/objectives/" + objective).json().get("keyResults")).hasSize(1);
		assertThat(api.get("/api/v1/key-results/" + keyResult).num("/weight")).isEqualTo(1);

		var heaviest = api.patch("/api/v1/key-results/" + keyResult, Map.of("weight", 100));
		assertThat(heaviest.status()).as(heaviest.text()).isEqualTo(200);
	}

	@Test
	void targetsAndRangesLieWithin1e15() {
		assertRefused(api.post("/api/v1/objectives/" + objective + "/key-results", Map.of("title", "Far", "type",
				"INCREASE", "startValue", 0, "targetValue", 1e16)), "targetValue");
		assertRefused(api.post("/api/v1/objectives/" + objective + "/key-results", Map.of("title", "Wide", "type",
				"THRESHOLD", "minValue", -1e300, "maxValue", 1)), "minValue");
		assertRefused(api.patch("/api/v1/key-results/" + keyResult, Map.of("startValue", -2e15)), "startValue");
		assertThat(api.get("/api/v1/objectives/" + objective).json().get("keyResults")).hasSize(1);
		assertThat(api.get("/api/v1/key-results/" + keyResult).num("/startValue")).isZero();
	}

	@Test
	void anOkrFileWithAHeavyOrFarKeyResultIsRefusedWithItsPath() {
		String name = "Heavy-" + System.nanoTime();
		String file = """
				cycles:
				  - {name: %s, start: 2026-01-01, end: 2026-12-31}
				objectives:
				  - key: %s
				    cycle: %s
				    level: COMPANY
				    owner: admin
				    title: Weigh it
				    keyResults:
				      - {title: Heavy, type: MILESTONE, weight: 1000}
				      - {title: Far, type: INCREASE, start: 0, target: 1.0e+200}
				""".formatted(name, name.toLowerCase(), name);
		var refused = api.postRaw("/api/v1/okrs.yaml", file, "application/yaml");
		assertThat(refused.status()).as(refused.text()).isEqualTo(400);
		assertThat(refused.text()).contains("objectives[0].keyResults[0].weight");
		var far = api.postRaw("/api/v1/okrs.yaml", file.replace("weight: 1000", "weight: 2"), "application/yaml");
		assertThat(far.status()).as(far.text()).isEqualTo(400);
		assertThat(far.text()).contains("objectives[0].keyResults[1].target");
		assertThat(api.get("/api/v1/cycles?limit=1000").text()).doesNotContain(name);
	}

	private void assertNoCheckIns() {
		assertThat(api.get("/api/v1/key-results/" + keyResult + "/check-ins").json().get("items")).isEmpty();
	}

	private static void assertRefused(ApiClient.Response response, String field) {
		assertThat(response.status()).as(response.text()).isEqualTo(400);
		assertThat(response.isProblem()).isTrue();
		assertThat(response.json().get("errors").toString()).as(response.text()).contains("\"" + field + "\"");
	}
}
