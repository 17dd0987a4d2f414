package app.tandem.okr;

import java.util.List;
import java.util.Map;

import app.tandem.ApiClient;
import app.tandem.MutableClock;
import app.tandem.TandemIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Concurrent edits, closing a cycle, retrospectives, carry-over, moving key results, history. */
@TandemIntegrationTest
@Import(MutableClock.Config.class)
class OkrLifecycleIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Test
	void staleIfMatchIsRefusedWith412AndStaleVersionWith409() {
		ApiClient api = ApiClient.admin(port);
		clock.set("2026-10-01T08:00:00Z");
		String cycle = cycle(api, "Locks");
		var created = api.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "First title", "level", "TEAM"));
		String id = created.str("/id");
		String etag = created.etag();
		assertThat(etag).isEqualTo("\"0\"");

		var first = api.patch("/api/v1/objectives/" + id, Map.of("title", "Alice's title"), etag);
		assertThat(first.status()).isEqualTo(200);
		var second = api.patch("/api/v1/objectives/" + id, Map.of("title", "Bob's title"), etag);
		assertThat(second.status()).isEqualTo(412);
		assertThat(second.isProblem()).isTrue();
		var stale = api.patch("/api/v1/objectives/" + id, Map.of("title", "Carol's title", "version", 0));
		assertThat(stale.status()).isEqualTo(409);
		assertThat(api.get("/api/v1/objectives/" + id).str("/title")).isEqualTo("Alice's title");
	}

	@Test
	void closedCycleIsReadOnlyButTakesRetrospectives() {
		ApiClient api = ApiClient.admin(port);
		clock.set("2026-01-01T08:00:00Z");
		String cycle = api.post("/api/v1/cycles", Map.of("name", "Closing-" + System.nanoTime(), "startDate", "2026-01-01",
				"endDate", "2026-03-31")).str("/id");
		var objective = api.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Ship", "level", "TEAM",
				"keyResults", List.of(Map.of("title", "Releases", "type", "INCREASE", "startValue", 0, "targetValue", 4))));
		String kr = objective.str("/keyResults/0/id");
		clock.set("2026-02-01T08:00:00Z");
		api.post("/api/v1/key-results/" + kr + "/check-ins", Map.of("value", 3));
		clock.set("2026-04-02T08:00:00Z");
		assertThat(api.post("/api/v1/cycles/" + cycle + "/close", Map.of()).str("/state")).isEqualTo("CLOSED");

		var checkIn = api.post("/api/v1/key-results/" + kr + "/check-ins", Map.of("value", 4));
		assertThat(checkIn.status()).isEqualTo(409);
		assertThat(checkIn.isProblem()).isTrue();
		assertThat(api.patch("/api/v1/objectives/" + objective.str("/id"), Map.of("title", "Renamed")).status())
			.isEqualTo(409);
		assertThat(api.delete("/api/v1/key-results/" + kr).status()).isEqualTo(409);

		var retro = api.patch("/api/v1/objectives/" + objective.str("/id"),
				Map.of("retrospective", "Three of four; the last slipped into April."));
		assertThat(retro.status()).as(retro.text()).isEqualTo(200);
		assertThat(retro.num("/score")).isCloseTo(0.75, within(1e-9));
		assertThat(api.get("/api/v1/key-results/" + kr + "/check-ins").json().get("items")).hasSize(1);
	}

	@Test
	void carryOverStartsUnfinishedKeyResultsFromTheirCurrentValue() {
		ApiClient api = ApiClient.admin(port);
		clock.set("2026-07-01T08:00:00Z");
		String q3 = api.post("/api/v1/cycles", Map.of("name", "Q3-" + System.nanoTime(), "startDate", "2026-07-01",
				"endDate", "2026-09-30")).str("/id");
		String q4 = api.post("/api/v1/cycles", Map.of("name", "Q4-" + System.nanoTime(), "startDate", "2026-10-01",
				"endDate", "2026-12-31")).str("/id");
		var objective = api.post("/api/v1/objectives", Map.of("cycleId", q3, "title", "Grow", "level", "TEAM",
				"keyResults", List.of(Map.of("title", "Users", "type", "INCREASE", "startValue", 100, "targetValue", 200))));
		String kr = objective.str("/keyResults/0/id");
		clock.set("2026-08-01T08:00:00Z");
		api.post("/api/v1/key-results/" + kr + "/check-ins", Map.of("value", 150));

		var carried = api.post("/api/v1/objectives/" + objective.str("/id") + "/carry-over", Map.of("cycleId", q4));
		assertThat(carried.status()).as(carried.text()).isEqualTo(201);
		assertThat(carried.str("/cycleId")).isEqualTo(q4);
		assertThat(carried.str("/carriedFromId")).isEqualTo(objective.str("/id"));
		assertThat(carried.num("/keyResults/0/startValue")).isEqualTo(150);
		assertThat(carried.str("/keyResults/0/dueDate")).isEqualTo("2026-12-31");
		assertThat(carried.str("/keyResults/0/carriedFromId")).isEqualTo(kr);
		assertThat(api.get("/api/v1/key-results/" + kr).json().get("history").toString()).contains("CARRIED_TO");
	}

	@Test
	void movedKeyResultKeepsItsCheckInsAndRecordsWhereItCameFrom() {
		ApiClient api = ApiClient.admin(port);
		clock.set("2026-10-01T08:00:00Z");
		String cycle = cycle(api, "Move");
		var from = api.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "From", "level", "TEAM",
				"keyResults", List.of(Map.of("title", "Portable", "type", "INCREASE", "startValue", 0, "targetValue", 10))));
		var to = api.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "To", "level", "TEAM"));
		String kr = from.str("/keyResults/0/id");
		clock.set("2026-10-10T08:00:00Z");
		api.post("/api/v1/key-results/" + kr + "/check-ins", Map.of("value", 5));

		var moved = api.post("/api/v1/key-results/" + kr + "/move", Map.of("objectiveId", to.str("/id")));
		assertThat(moved.status()).as(moved.text()).isEqualTo(200);
		assertThat(moved.str("/objectiveId")).isEqualTo(to.str("/id"));
		assertThat(moved.num("/progress")).isEqualTo(0.5);
		assertThat(moved.json().get("history").toString()).contains("MOVED", from.str("/id"));
		assertThat(api.get("/api/v1/objectives/" + from.str("/id")).json().get("keyResults")).isEmpty();
		assertThat(api.get("/api/v1/objectives/" + to.str("/id")).num("/progress")).isEqualTo(0.5);
	}

	@Test
	void targetChangeAfterTheStartKeepsOldValueNewValueAndReason() {
		ApiClient api = ApiClient.admin(port);
		clock.set("2026-10-01T08:00:00Z");
		String cycle = cycle(api, "Adjust");
		var objective = api.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Adjust", "level", "TEAM",
				"keyResults", List.of(Map.of("title", "Reviews", "type", "INCREASE", "startValue", 0, "targetValue", 500))));
		String kr = objective.str("/keyResults/0/id");
		clock.set("2026-11-01T08:00:00Z");
		api.post("/api/v1/key-results/" + kr + "/check-ins", Map.of("value", 100));
		clock.set("2026-11-02T08:00:00Z");
		var changed = api.patch("/api/v1/key-results/" + kr, Map.of("targetValue", 200, "reason", "Portal launched late"));
		assertThat(changed.status()).as(changed.text()).isEqualTo(200);
		assertThat(changed.num("/progress")).isEqualTo(0.5);
		assertThat(changed.json().get("history").toString()).contains("targetValue", "500", "200",
				"Portal launched late");
		// As of before the change, the old target (and so the old progress) shows.
		var before = api.get("/api/v1/key-results/" + kr + "?asOf=2026-11-01T12:00:00Z");
		assertThat(before.num("/targetValue")).isEqualTo(500);
		assertThat(before.num("/progress")).isEqualTo(0.2);
	}

	@Test
	void dashboardCountsStatusesAndListsTheObjectivesFurthestBehind() {
		ApiClient api = ApiClient.admin(port);
		clock.set("2026-10-01T08:00:00Z");
		String cycle = cycle(api, "Dash");
		for (int i = 0; i < 12; i++) {
			var o = api.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Objective " + i, "level", "TEAM",
					"keyResults", List.of(Map.of("title", "KR", "type", "INCREASE", "startValue", 0, "targetValue", 100))));
			clock.set("2026-10-02T08:00:00Z");
			api.post("/api/v1/key-results/" + o.str("/keyResults/0/id") + "/check-ins", Map.of("value", i * 5));
		}
		clock.set("2026-11-15T08:00:00Z");
		var dashboard = api.get("/api/v1/dashboard?cycleId=" + cycle);
		assertThat(dashboard.status()).as(dashboard.text()).isEqualTo(200);
		assertThat(dashboard.json().get("objectives").asInt()).isEqualTo(12);
		var statuses = dashboard.json().get("objectiveStatus");
		assertThat(statuses.get("ON_TRACK").asInt() + statuses.get("AT_RISK").asInt()
				+ statuses.get("OFF_TRACK").asInt() + statuses.get("DONE").asInt()).isEqualTo(12);
		var risks = dashboard.json().get("topRisks");
		assertThat(risks).hasSize(10);
		assertThat(risks.get(0).get("title").asString()).isEqualTo("Objective 0");
		assertThat(risks.get(0).get("gap").asDouble()).isGreaterThanOrEqualTo(risks.get(9).get("gap").asDouble());
		assertThat(dashboard.num("/progress")).isCloseTo(5.0 * 66 / 12 / 100, within(1e-9));
	}

	@Test
	void inboxListsOwnKeyResultsQuietForAWeek() {
		ApiClient api = ApiClient.admin(port);
		clock.set("2026-10-01T08:00:00Z");
		String cycle = cycle(api, "Inbox");
		var objective = api.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Owed", "level", "TEAM",
				"keyResults", List.of(Map.of("title", "Quiet one", "type", "INCREASE", "startValue", 0, "targetValue", 1),
						Map.of("title", "Fresh one", "type", "INCREASE", "startValue", 0, "targetValue", 1))));
		clock.set("2026-10-20T08:00:00Z");
		api.post("/api/v1/key-results/" + objective.str("/keyResults/1/id") + "/check-ins", Map.of("value", 0.5));
		clock.set("2026-10-22T08:00:00Z");
		String inbox = api.get("/api/v1/inbox").text();
		assertThat(inbox).contains("Quiet one").doesNotContain("Fresh one");
	}

	private String cycle(ApiClient api, String name) {
		return api.post("/api/v1/cycles", Map.of("name", name + "-" + System.nanoTime(), "startDate", "2026-10-01",
				"endDate", "2026-12-31")).str("/id");
	}
}
