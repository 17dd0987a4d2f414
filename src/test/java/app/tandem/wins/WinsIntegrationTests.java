package app.tandem.wins;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import app.tandem.ApiClient;
import app.tandem.TandemIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Wins through the API: recorded once when they happen, shown to those who may see them, and kudos on them. */
@TandemIntegrationTest
class WinsIntegrationTests {

	private static final String PASSWORD = "correct horse battery";

	@LocalServerPort
	int port;

	@Autowired
	IncompleteEventPublications incomplete;

	@Autowired
	JdbcClient jdbc;

	ApiClient admin;

	String suffix;

	String team;

	String ann;

	String cycle;

	@BeforeEach
	void organisation() {
		admin = ApiClient.admin(port);
		suffix = Long.toString(System.nanoTime(), 36);
		team = admin.post("/api/v1/teams", Map.of("name", "Winners " + suffix)).str("/id");
		ann = admin.post("/api/v1/users", Map.of("username", "ann-" + suffix, "name", "Ann Winner", "password",
				PASSWORD)).str("/id");
		admin.put("/api/v1/teams/" + team + "/members/" + ann, Map.of("role", "MEMBER"));
		LocalDate today = LocalDate.now();
		cycle = admin.post("/api/v1/cycles", Map.of("name", "Wins " + suffix, "startDate",
				today.minusDays(10).toString(), "endDate", today.plusDays(80).toString())).str("/id");
	}

	private String objective(String title, String visibility, String owner, double target) {
		return admin.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", title, "level", "TEAM", "teamId", team,
				"visibility", visibility, "ownerId", owner, "keyResults", List.of(Map.of("title", title + " KR", "type",
						"INCREASE", "startValue", 0, "targetValue", target, "ownerId", owner))))
			.str("/keyResults/0/id");
	}

	private ApiClient.Response checkIn(ApiClient who, String kr, double value) {
		return who.post("/api/v1/key-results/" + kr + "/check-ins", Map.of("value", value, "confidence", 8));
	}

	private JsonNode winsOfCycle(ApiClient who) {
		return who.get("/api/v1/wins?cycleId=" + cycle).json().get("items");
	}

	/**
	 * A check-in that leaves its key result short of done is nothing to the wins: no publication is recorded for it
	 * (three statements a check-in saved), only for those that leave it done.
	 */
	@Test
	void onlyCheckInsThatLeaveAKeyResultDoneAreRecordedForTheWins() {
		String kr = objective("Close the books " + suffix, "PUBLIC", ann, 10);
		// made owner by the admin: that publication names the key result before any check-in
		long before = publicationsNaming(kr);
		assertThat(checkIn(admin, kr, 3).status()).isEqualTo(201);
		assertThat(checkIn(admin, kr, 9).status()).isEqualTo(201);
		assertThat(publicationsNaming(kr)).as("short of done").isEqualTo(before);

		assertThat(checkIn(admin, kr, 10).status()).isEqualTo(201);
		// the check-in, for the wins; then the win recorded, for its webhooks
		assertThat(publicationsNaming(kr)).as("done").isEqualTo(before + 2);
		assertThat(winsOfCycle(admin)).hasSize(1);
	}

	private long publicationsNaming(String keyResult) {
		return jdbc.sql("select count(*) from event_publication where serialized_event like ?")
			.param("%" + keyResult + "%")
			.query(Long.class)
			.single();
	}

	@Test
	void aCheckInThatCompletesAKeyResultMakesExactlyOneWinWithItsOwner() {
		String kr = objective("Ship the app " + suffix, "PUBLIC", ann, 10);
		ApiClient annClient = ApiClient.basic(port, "ann-" + suffix, PASSWORD);
		assertThat(checkIn(annClient, kr, 6).status()).isEqualTo(201);
		assertThat(winsOfCycle(admin)).as("not done yet").isEmpty();

		assertThat(checkIn(annClient, kr, 10).status()).isEqualTo(201);
		JsonNode wins = winsOfCycle(admin);
		assertThat(wins).hasSize(1);
		JsonNode win = wins.get(0);
		assertThat(win.get("kind").asString()).isEqualTo("KEY_RESULT_DONE");
		assertThat(win.get("subjectId").asString()).isEqualTo(kr);
		assertThat(win.get("title").asString()).isEqualTo("Ship the app " + suffix + " KR");
		assertThat(win.at("/person/username").asString()).isEqualTo("ann-" + suffix);
		assertThat(win.at("/person/name").asString()).isEqualTo("Ann Winner");
		assertThat(win.get("teamName").asString()).isEqualTo("Winners " + suffix);
		assertThat(win.get("kudosCount").asInt()).isZero();

		assertThat(checkIn(annClient, kr, 11).status()).isEqualTo(201);
		assertThat(checkIn(admin, kr, 4).status()).isEqualTo(201);
		assertThat(checkIn(admin, kr, 10).status()).isEqualTo(201);
		assertThat(winsOfCycle(admin)).as("a key result wins once").hasSize(1);
		assertThat(admin.get("/api/v1/wins?teamId=" + team).json().get("items")).hasSize(1);
		var malformed = admin.get("/api/v1/wins?teamId=not-an-id");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.str("/errors/0/field")).isEqualTo("teamId");
	}

	@Test
	void aKeyResultMeasuredByAKpiWinsWhenAMeasurementCompletesIt() {
		String key = "wins-" + suffix;
		admin.post("/api/v1/kpis", Map.of("key", key, "name", "Signed customers", "direction", "HIGHER_IS_BETTER",
				"target", 20, "frequency", "WEEKLY", "aggregation", "LAST"));
		String kr = admin.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Grow " + suffix, "level",
				"TEAM", "teamId", team, "keyResults", List.of(Map.of("title", "Sign 20 customers", "type", "INCREASE",
						"startValue", 0, "targetValue", 20, "ownerId", ann, "kpiId", key))))
			.str("/keyResults/0/id");
		String at = java.time.Instant.now().minusSeconds(60).toString();
		admin.post("/api/v1/kpis/" + key + "/measurements", List.of(Map.of("at", at, "value", 12)));
		assertThat(winsOfCycle(admin)).isEmpty();

		var ingested = admin.post("/api/v1/kpis/" + key + "/measurements", List.of(Map.of("at", at, "value", 21)));
		assertThat(ingested.status()).as(ingested.text()).isLessThan(300);
		JsonNode wins = winsOfCycle(admin);
		assertThat(wins).hasSize(1);
		assertThat(wins.get(0).get("subjectId").asString()).isEqualTo(kr);
		assertThat(wins.get(0).at("/person/username").asString()).isEqualTo("ann-" + suffix);
	}

	@Test
	void aWinWhoseRecordingDidNotCompleteIsRecordedWhenItsEventIsResubmittedAndOnlyOnce() {
		String kr = objective("Resubmitted " + suffix, "PUBLIC", ann, 3);
		checkIn(admin, kr, 3);
		String win = winsOfCycle(admin).get(0).get("id").asString();
		assertThat(jdbc.sql("""
				select count(*) from event_publication where serialized_event like ? and completion_date is null""")
			.param("%" + kr + "%").query(Integer.class).single()).as("the reaction completed").isZero();
		// as if the node had died before recording it: no win, the publication not completed
		jdbc.sql("delete from win where id = ?").param(java.util.UUID.fromString(win)).update();
		int reopened = jdbc.sql("""
				update event_publication set completion_date = null, status = 'FAILED'
				where serialized_event like ? and listener_id like '%WinRecorder%'""")
			.param("%" + kr + "%").update();
		assertThat(reopened).isEqualTo(1);

		incomplete.resubmitIncompletePublicationsOlderThan(java.time.Duration.ZERO);
		JsonNode wins = winsOfCycle(admin);
		assertThat(wins).hasSize(1);
		assertThat(wins.get(0).get("subjectId").asString()).isEqualTo(kr);
		jdbc.sql("update event_publication set completion_date = null where serialized_event like ?")
			.param("%" + kr + "%").update();
		incomplete.resubmitIncompletePublicationsOlderThan(java.time.Duration.ZERO);
		assertThat(winsOfCycle(admin)).as("handled again, recorded once").hasSize(1);
	}

	@Test
	void closingACycleMakesAWinOfEachObjectiveScoringAtLeastSevenTenths() {
		String strong = objective("Strong " + suffix, "PUBLIC", ann, 10);
		String weak = objective("Weak " + suffix, "PUBLIC", ann, 10);
		checkIn(admin, strong, 7);
		checkIn(admin, weak, 6.9);
		assertThat(winsOfCycle(admin)).isEmpty();

		assertThat(admin.post("/api/v1/cycles/" + cycle + "/close", Map.of()).status()).isEqualTo(200);
		JsonNode wins = winsOfCycle(admin);
		assertThat(wins).hasSize(1);
		assertThat(wins.get(0).get("kind").asString()).isEqualTo("OBJECTIVE_SCORED");
		assertThat(wins.get(0).get("title").asString()).isEqualTo("Strong " + suffix);
		assertThat(wins.get(0).get("score").asDouble()).isEqualTo(0.7, org.assertj.core.data.Offset.offset(1e-9));
	}

	@Test
	void aWinOnAPrivateObjectiveIsShownOnlyToThoseWhoMaySeeIt() {
		String outsider = admin.post("/api/v1/users", Map.of("username", "otto-" + suffix, "name", "Otto", "password",
				PASSWORD)).str("/id");
		String other = admin.post("/api/v1/teams", Map.of("name", "Elsewhere " + suffix)).str("/id");
		admin.put("/api/v1/teams/" + other + "/members/" + outsider, Map.of("role", "MEMBER"));
		String kr = objective("Secret deal " + suffix, "PRIVATE", ann, 1);
		checkIn(ApiClient.basic(port, "ann-" + suffix, PASSWORD), kr, 1);
		ApiClient otto = ApiClient.basic(port, "otto-" + suffix, PASSWORD);

		JsonNode seen = winsOfCycle(ApiClient.basic(port, "ann-" + suffix, PASSWORD));
		assertThat(seen).hasSize(1);
		assertThat(winsOfCycle(admin)).hasSize(1);
		assertThat(winsOfCycle(otto)).isEmpty();
		String win = seen.get(0).get("id").asString();
		assertThat(otto.get("/api/v1/wins/" + win).status()).isEqualTo(404);
		assertThat(otto.post("/api/v1/wins/" + win + "/kudos", Map.of("note", "Nice")).status()).isEqualTo(404);
	}

	@Test
	void kudosNeedANoteOfOneToFiveHundredCharactersAndAreCounted() {
		String kr = objective("Kudos " + suffix, "PUBLIC", ann, 1);
		checkIn(admin, kr, 1);
		String win = winsOfCycle(admin).get(0).get("id").asString();
		String path = "/api/v1/wins/" + win + "/kudos";

		var blank = admin.post(path, Map.of("note", "  "));
		assertThat(blank.status()).isEqualTo(400);
		assertThat(blank.contentType()).startsWith("application/problem+json");
		assertThat(blank.str("/errors/0/field")).isEqualTo("note");
		assertThat(admin.post(path, Map.of()).status()).isEqualTo(400);
		assertThat(admin.post(path, Map.of("note", "x".repeat(501))).status()).isEqualTo(400);
		assertThat(admin.postRaw(path, "{not json", "application/json").status()).isEqualTo(400);
		assertThat(admin.get("/api/v1/wins/" + win).json().get("kudosCount").asInt()).isZero();

		var given = ApiClient.basic(port, "ann-" + suffix, PASSWORD).post(path, Map.of("note", "x".repeat(500)));
		assertThat(given.status()).as(given.text()).isEqualTo(201);
		assertThat(given.json().get("kudosCount").asInt()).isEqualTo(1);
		assertThat(admin.post(path, Map.of("note", " Well done! ")).status()).isEqualTo(201);
		JsonNode shown = winsOfCycle(admin).get(0);
		assertThat(shown.get("kudosCount").asInt()).isEqualTo(2);
		assertThat(shown.at("/kudos/0/author/username").asString()).isEqualTo("ann-" + suffix);
		assertThat(shown.at("/kudos/1/note").asString()).isEqualTo("Well done!");
		assertThat(admin.post("/api/v1/wins/0190f000-0000-7000-8000-000000000000/kudos", Map.of("note", "Hi"))
			.status()).isEqualTo(404);
		assertThat(admin.post("/api/v1/wins/not-an-id/kudos", Map.of("note", "Hi")).status()).isEqualTo(404);
	}

	@Test
	void theFeedIsNewestFirstAndPaged() {
		String first = objective("First " + suffix, "PUBLIC", ann, 1);
		String second = objective("Second " + suffix, "PUBLIC", ann, 1);
		checkIn(admin, first, 1);
		checkIn(admin, second, 1);
		var page = admin.get("/api/v1/wins?cycleId=" + cycle + "&limit=1");
		assertThat(page.json().at("/items/0/subjectId").asString()).isEqualTo(second);
		var next = admin.get("/api/v1/wins?cycleId=" + cycle + "&limit=1&cursor=" + page.str("/next"));
		assertThat(next.json().at("/items/0/subjectId").asString()).isEqualTo(first);
		assertThat(next.json().get("next").isNull()).isTrue();
		assertThat(admin.get("/api/v1/wins?limit=0").status()).isEqualTo(400);
	}
}
