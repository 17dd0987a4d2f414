package app.tandem.interchange;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import app.tandem.ApiClient;
import app.tandem.SecondInstance;
import app.tandem.TandemIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The check-ins of an OKR file are written in one go per key result (issue 14, item 15: the largest allowed file
 * imports in seconds). What they leave must be what the same check-ins sent one by one through the API leave, a
 * check-in that carries only a note or a confidence imports (as the API takes it) and survives a round trip, and a
 * check-in the API would refuse is refused under its place in the file, with nothing stored.
 */
@TandemIntegrationTest
class OkrFileCheckInsIntegrationTests {

	private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

	@LocalServerPort
	int port;

	/** In the file's order: the fourth is back-dated, two carry only words, one only a confidence. */
	private static final List<Map<String, Object>> VISITS = List.of(
			Map.of("at", day(-20), "value", 10, "confidence", 5, "note", "First week"),
			Map.of("at", day(-15), "note", "Still waiting for the campaign"),
			Map.of("at", day(-10), "confidence", 7),
			Map.of("at", day(-12), "value", 30),
			Map.of("at", day(-5), "note", "Campaign live"));

	private static final List<Map<String, Object>> LAUNCH = List.of(
			Map.of("at", day(-14), "achieved", true, "note", "Shipped"),
			Map.of("at", day(-3), "note", "Polishing"));

	@Test
	void fileCheckInsLeaveWhatTheSameCheckInsThroughTheApiLeave() {
		ApiClient api = ApiClient.admin(port);
		String cycleName = "File check-ins " + System.nanoTime();
		var imported = api.postRaw("/api/v1/okrs.yaml", file(cycleName, "", VISITS, LAUNCH), "application/yaml");
		assertThat(imported.status()).as(imported.text()).isEqualTo(201);
		assertThat(imported.json().get("checkIns").asInt()).isEqualTo(7);
		String cycle = cycleId(api, cycleName);
		JsonNode fromFile = api.get("/api/v1/objectives?cycleId=" + cycle).json().get("items").get(0);

		var byApi = api.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Same by hand", "level",
				"INDIVIDUAL", "keyResults", List.of(
						Map.of("title", "Visitors", "type", "INCREASE", "startValue", 0, "targetValue", 100),
						Map.of("title", "Launch", "type", "MILESTONE"))));
		assertThat(byApi.status()).as(byApi.text()).isEqualTo(201);
		checkIn(api, byApi.str("/keyResults/0/id"), VISITS);
		checkIn(api, byApi.str("/keyResults/1/id"), LAUNCH);
		JsonNode byHand = api.get("/api/v1/objectives/" + byApi.str("/id")).json();

		for (int i = 0; i < 2; i++) {
			JsonNode file = api.get("/api/v1/key-results/" + fromFile.get("keyResults").get(i).get("id").asString()).json();
			JsonNode hand = byHand.get("keyResults").get(i);
			for (String field : List.of("current", "achieved", "confidence", "lastCheckInAt", "progress",
					"expectedProgress", "status", "score", "forecast")) {
				assertThat(file.get(field)).as(hand.get("title") + " " + field).isEqualTo(hand.get(field));
			}
		}
		JsonNode visitors = byHand.get("keyResults").get(0);
		assertThat(visitors.get("current").asDouble()).isEqualTo(30);
		assertThat(visitors.get("confidence").asInt()).isEqualTo(7);
		assertThat(byHand.get("keyResults").get(1).get("achieved").asBoolean()).isTrue();
		assertThat(api.get("/api/v1/objectives/" + fromFile.get("id").asString()).num("/progress"))
			.isEqualTo(byHand.get("progress").asDouble());
	}

	@Test
	void checkInsOfOnlyWordsExportAndImportIntoAnEmptyInstanceUnchanged() {
		// two instances of their own: the export carries the whole organisation, and the suite's holds much else
		try (SecondInstance source = SecondInstance.start(false); SecondInstance target = SecondInstance.start(false)) {
			ApiClient api = ApiClient.admin(source.port());
			String cycleName = "Words only";
			var imported = api.postRaw("/api/v1/okrs.yaml", file(cycleName, "key: words", VISITS, LAUNCH),
					"application/yaml");
			assertThat(imported.status()).as(imported.text()).isEqualTo(201);
			String exported = api.get("/api/v1/cycles/" + cycleId(api, cycleName) + "/okrs.yaml").text();
			assertThat(exported).contains("note: Still waiting for the campaign", "note: Polishing");

			ApiClient empty = ApiClient.admin(target.port());
			var again = empty.postRaw("/api/v1/okrs.yaml", exported, "application/yaml");
			assertThat(again.status()).as(again.text()).isEqualTo(201);
			assertThat(again.json().get("checkIns").asInt()).isEqualTo(7);
			assertThat(empty.get("/api/v1/cycles/" + cycleId(empty, cycleName) + "/okrs.yaml").text()).isEqualTo(exported);
		}
	}

	@Test
	void aCheckInTheApiWouldRefuseIsRefusedUnderItsPlaceInTheFileAndNothingIsStored() {
		ApiClient api = ApiClient.admin(port);
		String cycleName = "Refused check-in " + System.nanoTime();
		List<Map<String, Object>> visits = new ArrayList<>(VISITS);
		visits.set(3, Map.of("at", TODAY.plusDays(2) + "T09:00:00Z", "value", 30));
		var refused = api.postRaw("/api/v1/okrs.yaml", file(cycleName, "", visits, LAUNCH), "application/yaml");
		assertThat(refused.status()).as(refused.text()).isEqualTo(400);
		assertThat(refused.str("/errors/0/field")).isEqualTo("objectives[0].keyResults[0].checkIns[3].at");
		assertThat(refused.str("/errors/0/message")).isEqualTo("must not be in the future");
		assertThat(findCycle(api, cycleName)).as("nothing of the file is stored").isNull();

		var empty = api.postRaw("/api/v1/okrs.yaml",
				file(cycleName, "", List.of(Map.of("at", day(-2))), LAUNCH), "application/yaml");
		assertThat(empty.status()).as(empty.text()).isEqualTo(400);
		assertThat(empty.str("/errors/0/field")).isEqualTo("objectives[0].keyResults[0].checkIns[0].value");
		assertThat(empty.str("/errors/0/message")).contains("unless the check-in carries a confidence or a note");
	}

	private static void checkIn(ApiClient api, String keyResult, List<Map<String, Object>> checkIns) {
		for (var checkIn : checkIns) {
			var answer = api.post("/api/v1/key-results/" + keyResult + "/check-ins", checkIn);
			assertThat(answer.status()).as(answer.text()).isEqualTo(201);
		}
	}

	private static String file(String cycle, String objectiveKey, List<Map<String, Object>> visits,
			List<Map<String, Object>> launch) {
		return "cycles:\n  - {name: " + cycle + ", start: " + TODAY.minusDays(30) + ", end: " + TODAY.plusDays(60)
				+ "}\nobjectives:\n  - cycle: " + cycle + "\n" + (objectiveKey.isEmpty() ? "" : "    " + objectiveKey + "\n")
				+ "    level: INDIVIDUAL\n    owner: admin\n    title: Be found\n    keyResults:\n"
				+ "      - {title: Visitors, type: INCREASE, start: 0, target: 100, checkIns: " + flow(visits) + "}\n"
				+ "      - {title: Launch, type: MILESTONE, checkIns: " + flow(launch) + "}\n";
	}

	private static String flow(List<Map<String, Object>> checkIns) {
		List<String> items = new ArrayList<>();
		for (var checkIn : checkIns) {
			List<String> fields = new ArrayList<>();
			checkIn.forEach((field, value) -> fields.add(field + ": " + value));
			items.add("{" + String.join(", ", fields) + "}");
		}
		return "[" + String.join(", ", items) + "]";
	}

	private static String day(int offset) {
		return TODAY.plusDays(offset) + "T09:00:00Z";
	}

	/** The cycle's id, or null: through every page of cycles (the suite's instance holds many). */
	private static String findCycle(ApiClient api, String name) {
		String cursor = "";
		do {
			JsonNode page = api.get("/api/v1/cycles?limit=1000" + cursor).json();
			for (JsonNode cycle : page.get("items")) {
				if (cycle.get("name").asString().equals(name)) {
					return cycle.get("id").asString();
				}
			}
			cursor = page.get("next").isNull() ? null : "&cursor=" + page.get("next").asString();
		}
		while (cursor != null);
		return null;
	}

	private static String cycleId(ApiClient api, String name) {
		String id = findCycle(api, name);
		assertThat(id).as("cycle " + name).isNotNull();
		return id;
	}
}
