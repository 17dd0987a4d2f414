package app.tandem.okr;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import app.tandem.ApiClient;
import app.tandem.PageSession;
import app.tandem.TandemIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14, B10: public objectives aligned below a private one (to it, and to its key result) answer no parent to
 * people who may not see it, in every read: one, a list, "as of", the history, the alignment tree, the pages, and
 * what a write answers. Those who may see the parent still read it. Company → product → mobile, and sales beside
 * product; the private objective is mobile's, owned by Molly.
 */
@TandemIntegrationTest
class PrivateParentIntegrationTests {

	private static final String PASSWORD = "correct horse battery";

	@LocalServerPort
	int port;

	ApiClient admin;

	String suffix;

	String cycle;

	String secret;

	String secretKr;

	String belowSecret;

	String belowSecretKr;

	String salesChild;

	Map<String, String> users = new HashMap<>();

	@BeforeEach
	void organisation() {
		admin = ApiClient.admin(port);
		suffix = Long.toString(System.nanoTime(), 36);
		String company = admin.post("/api/v1/teams", Map.of("name", "Company " + suffix)).str("/id");
		String product = admin.post("/api/v1/teams", Map.of("name", "Product " + suffix, "parentId", company)).str("/id");
		String mobile = admin.post("/api/v1/teams", Map.of("name", "Mobile " + suffix, "parentId", product)).str("/id");
		String sales = admin.post("/api/v1/teams", Map.of("name", "Sales " + suffix, "parentId", company)).str("/id");
		person("molly", mobile, "MEMBER");
		person("mark", mobile, "MEMBER");
		person("paula", product, "LEAD");
		person("sam", sales, "LEAD");
		LocalDate today = LocalDate.now();
		cycle = admin.post("/api/v1/cycles", Map.of("name", "Below " + suffix, "startDate",
				today.minusDays(10).toString(), "endDate", today.plusDays(80).toString())).str("/id");
		var hidden = admin.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Secret acquisition " + suffix,
				"level", "INDIVIDUAL", "teamId", mobile, "ownerId", users.get("molly"), "visibility", "PRIVATE",
				"keyResults", List.of(Map.of("title", "Sign the term sheet", "type", "MILESTONE"))));
		secret = hidden.str("/id");
		secretKr = hidden.str("/keyResults/0/id");
		belowSecret = child(Map.of("title", "Open roadmap " + suffix, "level", "TEAM", "teamId", mobile, "parentId",
				secret));
		belowSecretKr = child(Map.of("title", "Prepare the data room " + suffix, "level", "TEAM", "teamId", mobile,
				"parentKeyResultId", secretKr));
		salesChild = child(Map.of("title", "Sell the bundle " + suffix, "level", "TEAM", "teamId", sales, "parentId",
				secret));
	}

	private String child(Map<String, Object> fields) {
		Map<String, Object> body = new HashMap<>(fields);
		body.put("cycleId", cycle);
		body.put("keyResults", List.of(Map.of("title", "Do it", "type", "INCREASE", "startValue", 0, "targetValue", 10)));
		var created = admin.post("/api/v1/objectives", body);
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		return created.str("/id");
	}

	private void person(String name, String team, String role) {
		String id = admin.post("/api/v1/users", Map.of("username", name + "-" + suffix, "name", name, "password",
				PASSWORD)).str("/id");
		admin.put("/api/v1/teams/" + team + "/members/" + id, Map.of("role", role));
		users.put(name, id);
	}

	private ApiClient as(String name) {
		return ApiClient.basic(port, name + "-" + suffix, PASSWORD);
	}

	@Test
	void forThoseWhoMayNotSeeTheParentEveryReadAnswersNoParent() {
		String asOf = Instant.now().plusSeconds(5).toString();
		for (String name : List.of("mark", "sam")) {
			ApiClient reader = as(name);
			for (String child : List.of(belowSecret, belowSecretKr, salesChild)) {
				assertNoParent(reader.get("/api/v1/objectives/" + child).json(), name);
				assertNoParent(reader.get("/api/v1/objectives/" + child + "?asOf=" + asOf).json(), name + " as of");
				assertThat(reader.get("/api/v1/objectives/" + child + "/alignment").text()).doesNotContain(secret,
						secretKr);
				var history = reader.get("/api/v1/objectives/" + child + "/history");
				assertThat(history.status()).isEqualTo(200);
				assertThat(history.text()).as(name + " history").doesNotContain(secret, secretKr);
			}
			for (String list : List.of("/api/v1/objectives?cycleId=" + cycle,
					"/api/v1/objectives?cycleId=" + cycle + "&asOf=" + asOf,
					"/api/v1/objectives?cycleId=" + cycle + "&level=TEAM")) {
				var items = reader.get(list).json().get("items");
				assertThat(items).as(list).hasSize(3);
				items.forEach(item -> assertNoParent(item, name + " " + list));
			}
			assertThat(reader.get("/api/v1/cycles/" + cycle + "/okrs.yaml").text()).doesNotContain("Secret acquisition");
			PageSession page = PageSession.signedIn(port, name + "-" + suffix, PASSWORD);
			for (String path : List.of("/okrs/objectives/" + belowSecret, "/okrs?cycleId=" + cycle,
					"/alignment?cycleId=" + cycle, "/okrs/objectives/" + salesChild + "/edit")) {
				var shown = page.get(path);
				assertThat(shown.body()).as(name + " " + path).doesNotContain(secret, secretKr, "Secret acquisition");
			}
		}
	}

	@Test
	void thoseWhoMaySeeTheParentReadItAsBefore() {
		for (ApiClient reader : List.of(admin, as("molly"), as("paula"))) {
			assertThat(reader.get("/api/v1/objectives/" + belowSecret).str("/parentId")).isEqualTo(secret);
			JsonNode viaKr = reader.get("/api/v1/objectives/" + belowSecretKr).json();
			assertThat(viaKr.get("parentId").asString()).isEqualTo(secret);
			assertThat(viaKr.get("parentKeyResultId").asString()).isEqualTo(secretKr);
			assertThat(reader.get("/api/v1/objectives?cycleId=" + cycle).text()).contains(secret);
			assertThat(reader.get("/api/v1/objectives/" + belowSecret + "/history").text()).contains(secret);
		}
	}

	@Test
	void aWriteByALeadWhoMayNotSeeTheParentAnswersNoParentAndKeepsTheAlignment() {
		var renamed = as("sam").patch("/api/v1/objectives/" + salesChild, Map.of("title", "Sell the bigger bundle"));
		assertThat(renamed.status()).as(renamed.text()).isEqualTo(200);
		assertNoParent(renamed.json(), "sam's write");
		assertThat(admin.get("/api/v1/objectives/" + salesChild).str("/parentId")).as("still aligned").isEqualTo(secret);
		var added = as("sam").post("/api/v1/objectives/" + salesChild + "/key-results",
				Map.of("title", "Another", "type", "MILESTONE"));
		assertThat(added.status()).as(added.text()).isEqualTo(201);
		assertThat(as("sam").get("/api/v1/objectives/" + salesChild + "/history").text()).doesNotContain(secret);
	}

	@Test
	void aKeyResultMovedOutOfAPrivateObjectiveDoesNotNameItInItsHistory() {
		String kr = admin.post("/api/v1/objectives/" + secret + "/key-results",
				Map.of("title", "Share the roadmap " + suffix, "type", "MILESTONE")).str("/id");
		var moved = admin.post("/api/v1/key-results/" + kr + "/move", Map.of("objectiveId", belowSecret));
		assertThat(moved.status()).as(moved.text()).isEqualTo(200);
		for (String name : List.of("mark", "sam")) {
			var read = as(name).get("/api/v1/key-results/" + kr);
			assertThat(read.status()).isEqualTo(200);
			assertThat(read.text()).as(name).doesNotContain(secret);
			JsonNode move = null;
			for (JsonNode change : read.json().get("history")) {
				move = "objectiveId".equals(change.get("field").asString()) ? change : move;
			}
			assertThat(move).as(name + ": the move is in the history").isNotNull();
			assertThat(move.get("oldValue").isNull()).as(name).isTrue();
			assertThat(move.get("newValue").asString()).isEqualTo(belowSecret);
			assertThat(PageSession.signedIn(port, name + "-" + suffix, PASSWORD).get("/okrs/objectives/" + belowSecret)
				.body()).doesNotContain(secret, "Secret acquisition");
		}
		assertThat(as("molly").get("/api/v1/key-results/" + kr).text()).as("its owner sees where it came from")
			.contains(secret);
	}

	private void assertNoParent(JsonNode objective, String reader) {
		assertThat(objective.get("id")).as(reader + ": " + objective).isNotNull();
		assertThat(objective.get("parentId").isNull()).as(reader + ": " + objective.get("title")).isTrue();
		assertThat(objective.get("parentKeyResultId").isNull()).as(reader + ": " + objective.get("title")).isTrue();
		assertThat(objective.toString()).doesNotContain(secret, secretKr);
	}
}
