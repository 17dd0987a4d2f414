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

/** Key result forecasts through the HTTP API: on every read of a key result, live and as of a past instant. */
@TandemIntegrationTest
@Import(MutableClock.Config.class)
class ForecastIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	@Autowired
	javax.sql.DataSource dataSource;

	@Test
	void aCommittedKeyResultHeadingForAMissIsNotOnPaceAndItsConfidentOwnerDisagrees() {
		ApiClient api = ApiClient.admin(port);
		clock.set("2026-10-01T08:00:00Z");
		var objective = objective(api, "COMMITTED", Map.of("title", "Patients onboarded", "type", "INCREASE",
				"startValue", 0, "targetValue", 100));
		String kr = objective.str("/keyResults/0/id");
		clock.set("2026-11-20T08:00:00Z");
		checkIn(api, kr, 5, 8, "2026-10-05T09:00:00Z");
		checkIn(api, kr, 12, 8, "2026-10-19T09:00:00Z");
		checkIn(api, kr, 18.5, 9, "2026-11-02T09:00:00Z");
		checkIn(api, kr, 24, 9, "2026-11-16T15:30:00Z");

		var read = api.get("/api/v1/key-results/" + kr);
		assertThat(read.status()).as(read.text()).isEqualTo(200);
		JsonNode forecast = read.json().get("forecast");
		assertThat(forecast.get("available").asBoolean()).isTrue();
		assertThat(forecast.get("at").asString()).isEqualTo("2026-12-31T00:00:00Z");
		assertThat(forecast.get("checkIns").asInt()).isEqualTo(4);
		// numpy.polyfit and scipy figures of KeyResultForecastTests.aCommittedKeyResultHeadingForAMissMatchesNumpy
		assertThat(forecast.get("projectedValue").asDouble()).isCloseTo(44.430521869331784, within(44.43 * 1e-9));
		assertThat(forecast.get("low").asDouble()).isCloseTo(41.837567545648724, within(41.84 * 1e-9));
		assertThat(forecast.get("high").asDouble()).isCloseTo(47.023476193014844, within(47.02 * 1e-9));
		assertThat(forecast.get("projectedProgress").asDouble()).isCloseTo(0.44430521869331785, within(1e-9));
		assertThat(forecast.get("onPace").asBoolean()).isFalse();
		assertThat(forecast.get("confidenceDisagrees").asBoolean()).isTrue();
		assertThat(forecast.get("confidenceNote").asString()).contains("confidence is 9 of 10", "miss");

		// the same forecast on the objective and in the cycle's list
		String objectiveId = objective.str("/id");
		assertThat(api.get("/api/v1/objectives/" + objectiveId).json().at("/keyResults/0/forecast")).isEqualTo(forecast);
		var list = api.get("/api/v1/objectives?cycleId=" + objective.str("/cycleId")).json().get("items");
		assertThat(list.get(0).at("/keyResults/0/forecast")).isEqualTo(forecast);
	}

	@Test
	void anAspirationalKeyResultAtThreeQuartersIsOnPace() {
		ApiClient api = ApiClient.admin(port);
		clock.set("2026-10-01T08:00:00Z");
		var objective = objective(api, "ASPIRATIONAL", Map.of("title", "Wait in days", "type", "DECREASE",
				"startValue", 40, "targetValue", 20, "dueDate", "2026-12-15"));
		String kr = objective.str("/keyResults/0/id");
		clock.set("2026-11-01T08:00:00Z");
		checkIn(api, kr, 40, 6, "2026-10-02T08:00:00Z");
		checkIn(api, kr, 38.4, 6, "2026-10-09T08:00:00Z");
		checkIn(api, kr, 37.3, 6, "2026-10-16T08:00:00Z");
		checkIn(api, kr, 35.5, 5, "2026-10-23T08:00:00Z");
		checkIn(api, kr, 34.4, 2, "2026-10-30T08:00:00Z");

		JsonNode forecast = api.get("/api/v1/key-results/" + kr).json().get("forecast");
		// numpy figures of KeyResultForecastTests.anAspirationalDecreaseAtThreeQuartersIsOnPace…
		assertThat(forecast.get("projectedProgress").asDouble()).isCloseTo(0.7449285714285697, within(1e-9));
		assertThat(forecast.get("onPace").asBoolean()).isTrue();
		assertThat(forecast.get("confidenceDisagrees").asBoolean()).as("confidence 2 while on pace").isTrue();
		assertThat(forecast.get("confidenceNote").asString()).contains("success");
	}

	@Test
	void twoCheckInsAreNotEnoughAndTheForecastSaysSo() {
		ApiClient api = ApiClient.admin(port);
		clock.set("2026-10-01T08:00:00Z");
		String kr = objective(api, "COMMITTED", Map.of("title", "Reviews", "type", "INCREASE", "startValue", 0,
				"targetValue", 10)).str("/keyResults/0/id");
		clock.set("2026-10-20T08:00:00Z");
		checkIn(api, kr, 1, 9, "2026-10-05T08:00:00Z");
		checkIn(api, kr, 2, 9, "2026-10-12T08:00:00Z");

		JsonNode forecast = api.get("/api/v1/key-results/" + kr).json().get("forecast");
		assertThat(forecast.get("available").asBoolean()).isFalse();
		assertThat(forecast.get("reason").asString()).isEqualTo("needs at least 3 check-ins in the cycle, has 2");
		assertThat(forecast.has("projectedValue")).as("fields without a value are left out").isFalse();
		assertThat(forecast.get("confidenceDisagrees").asBoolean()).as("no forecast, nothing to disagree with").isFalse();
	}

	@Test
	void checkInsAllAtOneInstantGiveNoForecastAndNoError() {
		ApiClient api = ApiClient.admin(port);
		clock.set("2026-10-01T08:00:00Z");
		String kr = objective(api, "COMMITTED", Map.of("title", "Tickets", "type", "INCREASE", "startValue", 0,
				"targetValue", 10)).str("/keyResults/0/id");
		clock.set("2026-10-20T08:00:00Z");
		for (int value = 1; value <= 3; value++) {
			checkIn(api, kr, value, 5, "2026-10-10T10:00:00Z");
		}

		var read = api.get("/api/v1/key-results/" + kr);
		assertThat(read.status()).as(read.text()).isEqualTo(200);
		assertThat(read.json().at("/forecast/available").asBoolean()).isFalse();
		assertThat(read.json().at("/forecast/reason").asString()).contains("same instant");
	}

	@Test
	void asOfAPastInstantTheForecastUsesTheCheckInsUpToThen() {
		ApiClient api = ApiClient.admin(port);
		clock.set("2026-10-01T08:00:00Z");
		var objective = objective(api, "COMMITTED", Map.of("title", "Signups", "type", "INCREASE", "startValue", 0,
				"targetValue", 30));
		String kr = objective.str("/keyResults/0/id");
		clock.set("2026-10-25T08:00:00Z");
		checkIn(api, kr, 1, 5, "2026-10-02T08:00:00Z");
		checkIn(api, kr, 2, 5, "2026-10-03T08:00:00Z");
		checkIn(api, kr, 3, 5, "2026-10-04T08:00:00Z");
		checkIn(api, kr, 30, 5, "2026-10-20T08:00:00Z");

		JsonNode then = api.get("/api/v1/key-results/" + kr + "?asOf=2026-10-04T12:00:00Z").json().get("forecast");
		JsonNode now = api.get("/api/v1/key-results/" + kr).json().get("forecast");
		assertThat(then.get("checkIns").asInt()).isEqualTo(3);
		// one a day from 1 at 08:00 on 2 October: 89⅔ days later, at the start of 31 December, 90⅔
		assertThat(then.get("projectedValue").asDouble()).isCloseTo(1 + 89 + 2.0 / 3, within(1e-9));
		assertThat(now.get("checkIns").asInt()).isEqualTo(4);
		assertThat(api.get("/api/v1/key-results/" + kr + "?asOf=2026-10-03T12:00:00Z").json().at("/forecast/reason")
			.asString()).isEqualTo("needs at least 3 check-ins in the cycle, has 2");
		assertThat(api.get("/api/v1/objectives/" + objective.str("/id") + "?asOf=2026-10-04T12:00:00Z").json()
			.at("/keyResults/0/forecast")).isEqualTo(then);
	}

	@Test
	void theLineKeptByEachCheckInIsTheLineOfTheCheckInsReadAgain() {
		ApiClient api = ApiClient.admin(port);
		clock.set("2026-10-01T08:00:00Z");
		var objective = objective(api, "COMMITTED", Map.of("title", "Revenue", "type", "INCREASE", "startValue",
				1_000_000, "targetValue", 1_500_000));
		String kr = objective.str("/keyResults/0/id");
		clock.set("2026-11-20T08:00:00Z");
		// back-dated out of order, one outside the cycle's days never counts, one twice at the same instant
		checkIn(api, kr, 1_100_003.5, 7, "2026-10-20T08:00:00Z");
		checkIn(api, kr, 1_050_000, 7, "2026-10-06T12:00:00Z");
		checkIn(api, kr, 1_180_020.25, 8, "2026-11-10T09:30:00Z");
		checkIn(api, kr, 1_130_000, 8, "2026-10-27T17:45:00Z");
		checkIn(api, kr, 1_129_000, 8, "2026-10-27T17:45:00Z");
		checkIn(api, kr, 1_202_100, 8, "2026-11-18T10:00:00Z");

		// live: the line on the key result row, updated in SQL; as of now: the check-ins replayed in Java
		JsonNode live = api.get("/api/v1/key-results/" + kr).json().get("forecast");
		JsonNode replayed = api.get("/api/v1/key-results/" + kr + "?asOf=2026-11-20T08:00:00Z").json().get("forecast");
		assertThat(live.get("checkIns").asInt()).isEqualTo(6);
		for (String field : List.of("projectedValue", "low", "high", "projectedProgress", "lowProgress",
				"highProgress")) {
			double expected = replayed.get(field).asDouble();
			assertThat(live.get(field).asDouble()).as(field).isCloseTo(expected, within(Math.abs(expected) * 1e-12));
		}
		assertThat(live.get("onPace")).isEqualTo(replayed.get("onPace"));
	}

	@Test
	void aMovedKeyResultsLineIsOfItsCheckInsInItsNewCycle() {
		ApiClient api = ApiClient.admin(port);
		clock.set("2026-10-01T08:00:00Z");
		var from = objective(api, "COMMITTED", Map.of("title", "Visits", "type", "INCREASE", "startValue", 0,
				"targetValue", 100));
		String kr = from.str("/keyResults/0/id");
		clock.set("2026-11-20T08:00:00Z");
		checkIn(api, kr, 10, 5, "2026-10-10T08:00:00Z");
		checkIn(api, kr, 20, 5, "2026-10-25T08:00:00Z");
		checkIn(api, kr, 30, 5, "2026-11-05T08:00:00Z");
		checkIn(api, kr, 42, 5, "2026-11-12T08:00:00Z");
		checkIn(api, kr, 50, 5, "2026-11-19T08:00:00Z");
		String november = api.post("/api/v1/cycles", Map.of("name", "November-" + System.nanoTime(), "startDate",
				"2026-11-01", "endDate", "2026-12-31")).str("/id");
		String to = api.post("/api/v1/objectives", Map.of("cycleId", november, "title", "Later", "level", "TEAM"))
			.str("/id");

		var moved = api.post("/api/v1/key-results/" + kr + "/move", Map.of("objectiveId", to));
		assertThat(moved.status()).as(moved.text()).isEqualTo(200);
		JsonNode live = moved.json().get("forecast");
		JsonNode replayed = api.get("/api/v1/key-results/" + kr + "?asOf=2026-11-20T08:00:00Z").json().get("forecast");
		assertThat(live.get("checkIns").asInt()).as("October's check-ins are outside the new cycle").isEqualTo(3);
		assertThat(live.get("projectedValue").asDouble()).isCloseTo(replayed.get("projectedValue").asDouble(),
				within(1e-9));
	}

	@Test
	void aKeyResultWhoseLineWasNeverComputedIsForecastFromItsCheckInsAndGetsItsLineFromTheMigration() {
		ApiClient api = ApiClient.admin(port);
		clock.set("2026-10-01T08:00:00Z");
		String kr = objective(api, "COMMITTED", Map.of("title", "Patients onboarded", "type", "INCREASE",
				"startValue", 0, "targetValue", 100)).str("/keyResults/0/id");
		clock.set("2026-11-20T08:00:00Z");
		checkIn(api, kr, 5, 8, "2026-10-05T09:00:00Z");
		checkIn(api, kr, 12, 8, "2026-10-19T09:00:00Z");
		checkIn(api, kr, 18.5, 9, "2026-11-02T09:00:00Z");
		JsonNode kept = api.get("/api/v1/key-results/" + kr).json().get("forecast");

		// as a row written before lines were kept
		jdbc.update("update key_result set fit_n = null, fit_mean_x = null, fit_sse = null where id = ?",
				java.util.UUID.fromString(kr));
		assertThat(api.get("/api/v1/key-results/" + kr).json().get("forecast")).isEqualTo(kept);

		// as when upgrading from a version that kept no lines
		app.tandem.JavaMigrations.run(new db.migration.common.V29__Measurement_days_and_key_result_lines(), dataSource);
		assertThat(jdbc.queryForObject("select fit_n from key_result where id = ?", Integer.class,
				java.util.UUID.fromString(kr))).isEqualTo(3);
		assertThat(api.get("/api/v1/key-results/" + kr).json().get("forecast")).isEqualTo(kept);
	}

	@Test
	void theCoachListsAConfidentOwnerHeadingForAMissAsOkr011AndAHesitantOneNot() {
		ApiClient api = ApiClient.admin(port);
		clock.set("2026-10-01T08:00:00Z");
		String cycle = api.post("/api/v1/cycles", Map.of("name", "Coach-" + System.nanoTime(), "startDate",
				"2026-10-01", "endDate", "2026-12-31")).str("/id");
		var objective = api.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Onboard patients fast",
				"level", "COMPANY", "type", "COMMITTED", "keyResults", List.of(
						Map.of("title", "Patients onboarded", "type", "INCREASE", "startValue", 0, "targetValue", 100),
						Map.of("title", "Clinics onboarded", "type", "INCREASE", "startValue", 0, "targetValue", 100))));
		assertThat(objective.status()).as(objective.text()).isEqualTo(201);
		String confident = objective.str("/keyResults/0/id");
		String hesitant = objective.str("/keyResults/1/id");
		clock.set("2026-11-20T08:00:00Z");
		// both head for 44 of 100 (the numpy case above); one owner says 9 of 10, the other 6: a near miss
		double[] values = { 5, 12, 18.5, 24 };
		String[] days = { "2026-10-05T09:00:00Z", "2026-10-19T09:00:00Z", "2026-11-02T09:00:00Z",
				"2026-11-16T15:30:00Z" };
		for (int i = 0; i < values.length; i++) {
			checkIn(api, confident, values[i], i < 2 ? 6 : 9, days[i]);
			checkIn(api, hesitant, values[i], 6, days[i]);
		}

		JsonNode findings = api.get("/api/v1/coach?cycleId=" + cycle).json().get("findings");
		List<JsonNode> okr011 = new java.util.ArrayList<>();
		findings.forEach(f -> {
			if (f.get("ruleId").asString().equals("OKR-011")) {
				okr011.add(f);
			}
		});
		assertThat(okr011).singleElement().satisfies(f -> {
			assertThat(f.get("subjectId").asString()).isEqualTo(confident);
			assertThat(f.get("severity").asString()).isEqualTo("INFO");
			assertThat(f.get("message").asString()).contains("Patients onboarded", "confidence is 9 of 10",
					"point to a miss", "0.44");
			assertThat(f.get("hint").asString()).contains("next check-in");
		});
		// the objective carries the same finding, live and as of now
		JsonNode own = api.get("/api/v1/objectives/" + objective.str("/id")).json().get("findings");
		assertThat(own).filteredOn(f -> f.get("ruleId").asString().equals("OKR-011")).singleElement()
			.isEqualTo(okr011.get(0));
		assertThat(api.get("/api/v1/coach?cycleId=" + cycle + "&asOf=2026-11-20T08:00:00Z").json().get("findings"))
			.filteredOn(f -> f.get("ruleId").asString().equals("OKR-011")).singleElement().isEqualTo(okr011.get(0));
		// before the third check-in there was no forecast, and the confidence was 6: nothing to say then
		assertThat(api.get("/api/v1/coach?cycleId=" + cycle + "&asOf=2026-10-20T00:00:00Z").json().get("findings"))
			.noneMatch(f -> f.get("ruleId").asString().equals("OKR-011"));
	}

	@Test
	void milestonesHaveNoForecast() {
		ApiClient api = ApiClient.admin(port);
		clock.set("2026-10-01T08:00:00Z");
		var objective = objective(api, "COMMITTED", Map.of("title", "Portal launched", "type", "MILESTONE"));

		assertThat(objective.json().at("/keyResults/0/forecast/available").asBoolean()).isFalse();
		assertThat(objective.json().at("/keyResults/0/forecast/reason").asString()).contains("MILESTONE");
	}

	@Test
	void aCheckInAtAFinerInstantThanTheDatabaseKeepsIsTakenAtTheInstantStored() {
		ApiClient api = ApiClient.admin(port);
		clock.set("2026-10-01T08:00:00Z");
		String kr = objective(api, "COMMITTED", Map.of("title", "Nanos", "type", "INCREASE", "startValue", 0,
				"targetValue", 10)).str("/keyResults/0/id");
		clock.set("2026-10-20T08:00:00Z");
		var answer = api.post("/api/v1/key-results/" + kr + "/check-ins",
				Map.of("value", 1, "confidence", 5, "at", "2026-10-05T08:00:00.123456789Z"));

		// microseconds, as stored, so that the line drawn now is the line a restore draws from the stored check-ins
		assertThat(answer.str("/at")).isEqualTo("2026-10-05T08:00:00.123456Z");
		assertThat(api.get("/api/v1/key-results/" + kr + "/check-ins").json().at("/items/0/at").asString())
			.isEqualTo("2026-10-05T08:00:00.123456Z");
	}

	private ApiClient.Response objective(ApiClient api, String type, Map<String, Object> keyResult) {
		String cycle = api.post("/api/v1/cycles", Map.of("name", "Forecast-" + System.nanoTime(), "startDate",
				"2026-10-01", "endDate", "2026-12-31")).str("/id");
		var created = api.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Forecast", "level", "TEAM",
				"type", type, "keyResults", List.of(new HashMap<>(keyResult))));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		return created;
	}

	private static void checkIn(ApiClient api, String kr, double value, int confidence, String at) {
		var checkIn = api.post("/api/v1/key-results/" + kr + "/check-ins",
				Map.of("value", value, "confidence", confidence, "at", at));
		assertThat(checkIn.status()).as(checkIn.text()).isEqualTo(201);
	}
}
