package app.tandem.okr;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import app.tandem.ApiClient;
import app.tandem.MutableClock;
import app.tandem.PageSession;
import app.tandem.TandemIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Issue 14, A1: a check-in changes only what it carries (SPEC §1, check-ins). A note on a done milestone leaves it
 * done; a confidence check-in keeps the value; only {@code achieved: false} un-achieves; a back-dated check-in
 * becomes current only if no later one carries a value; and the paths that recompute from the check-ins ("as of",
 * a range change, a move) say what the check-ins said as they came.
 */
@TandemIntegrationTest
@Import(MutableClock.Config.class)
class CheckInsCarryOnlyWhatTheySayIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	ApiClient api;

	String cycle;

	@BeforeEach
	void cycle() {
		api = ApiClient.admin(port);
		clock.set("2026-10-01T08:00:00Z");
		cycle = api.post("/api/v1/cycles", Map.of("name", "Carry-" + System.nanoTime(), "startDate", "2026-10-01",
				"endDate", "2026-12-31")).str("/id");
	}

	private JsonNode objective(String title, List<Map<String, Object>> keyResults) {
		var created = api.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", title, "level", "TEAM",
				"keyResults", keyResults));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		return created.json();
	}

	private ApiClient.Response checkIn(String keyResult, Map<String, Object> body) {
		var answer = api.post("/api/v1/key-results/" + keyResult + "/check-ins", body);
		assertThat(answer.status()).as(answer.text()).isEqualTo(201);
		return answer;
	}

	private JsonNode keyResult(String id) {
		return api.get("/api/v1/key-results/" + id).json();
	}

	/** The progress stored on the objective, as the dashboard reads it (the cycle's only objective). */
	private double storedProgress() {
		return api.get("/api/v1/dashboard?cycleId=" + cycle).num("/progress");
	}

	@Test
	void aNoteOnADoneMilestoneLeavesItDoneAndItsObjectiveWhereItWas() {
		JsonNode objective = objective("Launch", List.of(Map.of("title", "Ship the app", "type", "MILESTONE"),
				Map.of("title", "Sign-ups", "type", "INCREASE", "startValue", 0, "targetValue", 100)));
		String milestone = objective.at("/keyResults/0/id").asString();
		String signUps = objective.at("/keyResults/1/id").asString();
		clock.set("2026-11-02T08:00:00Z");
		checkIn(milestone, Map.of("achieved", true));
		checkIn(signUps, Map.of("value", 50));
		double before = api.get("/api/v1/objectives/" + objective.get("id").asString()).num("/progress");
		assertThat(before).isCloseTo(0.75, within(1e-9));

		clock.set("2026-11-03T08:00:00Z");
		var note = checkIn(milestone, Map.of("note", "Launch party on Friday"));

		assertThat(note.json().get("achieved").isNull()).as("the check-in carries no state").isTrue();
		assertThat(note.json().get("value").isNull()).isTrue();
		assertThat(note.str("/note")).isEqualTo("Launch party on Friday");
		JsonNode kr = keyResult(milestone);
		assertThat(kr.get("achieved").asBoolean()).isTrue();
		assertThat(kr.get("progress").asDouble()).isEqualTo(1.0);
		assertThat(kr.get("status").asString()).isEqualTo("DONE");
		assertThat(api.get("/api/v1/objectives/" + objective.get("id").asString()).num("/progress"))
			.isCloseTo(before, within(1e-9));
		assertThat(storedProgress()).isCloseTo(before, within(1e-9));

		clock.set("2026-11-04T08:00:00Z");
		checkIn(milestone, Map.of("achieved", false, "note", "Pulled from the store"));
		assertThat(keyResult(milestone).get("achieved").asBoolean()).as("only an explicit false un-achieves").isFalse();
		assertThat(storedProgress()).isCloseTo(0.25, within(1e-9));
	}

	@Test
	void aConfidenceCheckInKeepsTheValueAndALaterValueKeepsTheConfidence() {
		String kr = objective("Grow", List.of(Map.of("title", "Sign-ups", "type", "INCREASE", "startValue", 0,
				"targetValue", 100))).at("/keyResults/0/id").asString();
		clock.set("2026-11-02T08:00:00Z");
		checkIn(kr, Map.of("value", 60, "confidence", 8));
		clock.set("2026-11-03T08:00:00Z");
		var confidence = checkIn(kr, Map.of("confidence", 3, "note", "The campaign slipped"));
		assertThat(confidence.json().get("value").isNull()).isTrue();
		assertThat(confidence.json().get("confidence").asInt()).isEqualTo(3);

		JsonNode after = keyResult(kr);
		assertThat(after.get("current").asDouble()).isEqualTo(60);
		assertThat(after.get("progress").asDouble()).isCloseTo(0.6, within(1e-9));
		assertThat(after.get("confidence").asInt()).isEqualTo(3);
		assertThat(after.get("lastCheckInAt").asString()).isEqualTo("2026-11-03T08:00:00Z");

		clock.set("2026-11-04T08:00:00Z");
		checkIn(kr, Map.of("value", 65));
		assertThat(keyResult(kr).get("confidence").asInt()).as("a value without a confidence keeps it").isEqualTo(3);
		assertThat(keyResult(kr).get("current").asDouble()).isEqualTo(65);
		assertThat(storedProgress()).isCloseTo(0.65, within(1e-9));
	}

	@Test
	void aBackDatedCheckInBecomesCurrentOnlyWhenNoLaterOneCarriesAValueAndEveryRecomputationAgrees() {
		JsonNode objective = objective("Grow", List.of(Map.of("title", "Sign-ups", "type", "INCREASE",
				"startValue", 0, "targetValue", 100)));
		String kr = objective.at("/keyResults/0/id").asString();
		clock.set("2026-11-25T08:00:00Z");
		checkIn(kr, Map.of("value", 10, "at", "2026-11-10T08:00:00Z"));
		checkIn(kr, Map.of("value", 30, "at", "2026-11-20T08:00:00Z"));
		checkIn(kr, Map.of("note", "Holidays ahead", "confidence", 6, "at", "2026-11-24T08:00:00Z"));
		checkIn(kr, Map.of("value", 15, "confidence", 9, "at", "2026-11-15T08:00:00Z"));
		assertThat(keyResult(kr).get("current").asDouble()).as("older than the latest value").isEqualTo(30);
		assertThat(keyResult(kr).get("confidence").asInt()).as("older than the latest confidence").isEqualTo(6);

		checkIn(kr, Map.of("value", 22, "at", "2026-11-22T08:00:00Z"));
		JsonNode live = keyResult(kr);
		assertThat(live.get("current").asDouble()).as("later than every other value, before the note").isEqualTo(22);
		assertThat(live.get("lastCheckInAt").asString()).isEqualTo("2026-11-24T08:00:00Z");
		assertThat(storedProgress()).isCloseTo(0.22, within(1e-9));

		// "as of" replays the check-ins in order of time: the same answers
		JsonNode replayed = api.get("/api/v1/key-results/" + kr + "?asOf=2026-11-25T08:00:00Z").json();
		assertThat(replayed.get("current").asDouble()).isEqualTo(22);
		assertThat(replayed.get("confidence").asInt()).isEqualTo(6);
		JsonNode before = api.get("/api/v1/key-results/" + kr + "?asOf=2026-11-21T08:00:00Z").json();
		assertThat(before.get("current").asDouble()).isEqualTo(30);
		assertThat(before.get("confidence").asInt()).isEqualTo(9);

		// a move recomputes the latest fields from the check-ins: the same answers again
		String other = objective("Other", List.of(Map.of("title", "Anything", "type", "MILESTONE"))).get("id")
			.asString();
		var moved = api.post("/api/v1/key-results/" + kr + "/move", Map.of("objectiveId", other));
		assertThat(moved.status()).as(moved.text()).isEqualTo(200);
		assertThat(moved.num("/current")).isEqualTo(22);
		assertThat(moved.json().get("confidence").asInt()).isEqualTo(6);
		assertThat(moved.str("/lastCheckInAt")).isEqualTo("2026-11-24T08:00:00Z");
	}

	@Test
	void aThresholdCountsOnlyCheckInsWithAValueAndARangeChangeRecountsThemSo() {
		String kr = objective("Hold", List.of(Map.of("title", "Uptime", "type", "THRESHOLD", "minValue", 40,
				"maxValue", 80))).at("/keyResults/0/id").asString();
		clock.set("2026-11-02T08:00:00Z");
		checkIn(kr, Map.of("value", 50));
		checkIn(kr, Map.of("value", 90));
		clock.set("2026-11-03T08:00:00Z");
		checkIn(kr, Map.of("note", "Quiet week", "confidence", 7));
		assertThat(keyResult(kr).get("progress").asDouble()).as("one of two values in range; the note is no value")
			.isCloseTo(0.5, within(1e-9));
		assertThat(keyResult(kr).get("current").asDouble()).isEqualTo(90);
		assertThat(storedProgress()).isCloseTo(0.5, within(1e-9));

		clock.set("2026-11-04T08:00:00Z");
		var changed = api.patch("/api/v1/key-results/" + kr, Map.of("maxValue", 95));
		assertThat(changed.status()).as(changed.text()).isEqualTo(200);
		assertThat(changed.num("/progress")).as("recounted: both values in range, the note still none").isEqualTo(1.0);
		assertThat(changed.num("/current")).isEqualTo(90);
		assertThat(storedProgress()).isCloseTo(1.0, within(1e-9));
		assertThat(api.get("/api/v1/key-results/" + kr + "?asOf=2026-11-03T09:00:00Z").num("/progress"))
			.as("as of: the range of then, the values of then").isCloseTo(0.5, within(1e-9));
	}

	@Test
	void aCheckInThatCarriesNothingIsRefusedNamingWhatIsMissing() {
		JsonNode objective = objective("Empty", List.of(Map.of("title", "Ship", "type", "MILESTONE"),
				Map.of("title", "Sign-ups", "type", "INCREASE", "startValue", 0, "targetValue", 100)));
		clock.set("2026-11-02T08:00:00Z");
		for (String[] kr : new String[][] { { objective.at("/keyResults/0/id").asString(), "achieved" },
				{ objective.at("/keyResults/1/id").asString(), "value" } }) {
			var refused = api.post("/api/v1/key-results/" + kr[0] + "/check-ins", Map.of("note", "  "));
			assertThat(refused.status()).as(refused.text()).isEqualTo(400);
			assertThat(refused.str("/errors/0/field")).isEqualTo(kr[1]);
			assertThat(api.get("/api/v1/key-results/" + kr[0] + "/check-ins").json().get("items")).isEmpty();
		}
	}

	@Test
	void theCheckInFormShowsADoneMilestoneAchievedAndSavesANoteWithoutUndoingIt() {
		JsonNode objective = objective("Form", List.of(Map.of("title", "Ship the app", "type", "MILESTONE"),
				Map.of("title", "Sign-ups", "type", "INCREASE", "startValue", 0, "targetValue", 100)));
		String milestone = objective.at("/keyResults/0/id").asString();
		String signUps = objective.at("/keyResults/1/id").asString();
		clock.set("2026-11-02T08:00:00Z");
		checkIn(milestone, Map.of("achieved", true));
		checkIn(signUps, Map.of("value", 40));
		PageSession admin = PageSession.signedIn(port, "admin", "open-sesame-test-run");

		String page = admin.get("/okrs/objectives/" + objective.get("id").asString()).body();
		assertThat(achievedBox(page, milestone)).as("the box shows the milestone done").contains("checked");

		// the box as the page showed it, and a note: the milestone stays done
		var saved = admin.htmxPost("/okrs/key-results/" + milestone + "/check-ins",
				Map.of("achieved", "on", "confidence", "8", "note", "Launch party on Friday"));
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
		assertThat(achievedBox(saved.body(), milestone)).contains("checked");
		assertThat(keyResult(milestone).get("achieved").asBoolean()).isTrue();

		// a numeric key result's value left empty: a note and a confidence, the value kept
		Map<String, String> noteOnly = new HashMap<>(Map.of("value", "", "confidence", "4", "note", "Slow week"));
		var kept = admin.htmxPost("/okrs/key-results/" + signUps + "/check-ins", noteOnly);
		assertThat(kept.statusCode()).as(kept.body()).isEqualTo(200);
		assertThat(kept.body()).contains("Slow week", ">40<");
		JsonNode after = keyResult(signUps);
		assertThat(after.get("current").asDouble()).isEqualTo(40);
		assertThat(after.get("confidence").asInt()).isEqualTo(4);
		assertThat(api.get("/api/v1/objectives/" + objective.get("id").asString()).num("/progress"))
			.isCloseTo(0.7, within(1e-9));
	}

	/** The milestone's "Achieved" box in a page or fragment. */
	private static String achievedBox(String html, String keyResult) {
		int card = html.indexOf("id=\"kr-" + keyResult + "\"");
		assertThat(card).as("the key result's card").isNotNegative();
		int box = html.indexOf("name=\"achieved\"", card);
		assertThat(box).as("its Achieved box").isNotNegative();
		return html.substring(html.lastIndexOf("<input", box), html.indexOf(">", box) + 1);
	}
}
