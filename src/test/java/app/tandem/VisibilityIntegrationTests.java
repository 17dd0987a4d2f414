package app.tandem;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A PRIVATE objective is seen only by its owner, leads of its team and the teams above, and admins;
 * for anyone else it does not exist (404), in every read that could show it. Company → product →
 * mobile, and sales beside product; the private objective is mobile's, owned by Molly.
 */
@TandemIntegrationTest
class VisibilityIntegrationTests {

	private static final String PASSWORD = "correct horse battery";

	@LocalServerPort
	int port;

	ApiClient admin;

	String suffix;

	String cycle;

	String publicObjective;

	String privateObjective;

	String privateKr;

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
		cycle = admin.post("/api/v1/cycles", Map.of("name", "Sight " + suffix, "startDate", today.minusDays(10).toString(),
				"endDate", today.plusDays(80).toString())).str("/id");
		var open = admin.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Open roadmap " + suffix, "level",
				"TEAM", "teamId", mobile, "keyResults", List.of(Map.of("title", "Publish it", "type", "MILESTONE"))));
		publicObjective = open.str("/id");
		var hidden = admin.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Secret acquisition " + suffix,
				"level", "INDIVIDUAL", "teamId", mobile, "ownerId", users.get("molly"), "visibility", "PRIVATE",
				"parentId", publicObjective, "keyResults", List.of(Map.of("title", "Sign the term sheet", "type",
						"MILESTONE", "ownerId", users.get("mark")))));
		assertThat(hidden.status()).as(hidden.text()).isEqualTo(201);
		privateObjective = hidden.str("/id");
		privateKr = hidden.str("/keyResults/0/id");
		admin.post("/api/v1/objectives/" + privateObjective + "/comments", Map.of("body", "Keep it quiet"));
	}

	private void person(String name, String team, String role) {
		String id = admin.post("/api/v1/users", Map.of("username", name + "-" + suffix, "name", name, "password", PASSWORD))
			.str("/id");
		admin.put("/api/v1/teams/" + team + "/members/" + id, Map.of("role", role));
		users.put(name, id);
	}

	private ApiClient as(String name) {
		return ApiClient.user(port, name + "-" + suffix, PASSWORD);
	}

	@Test
	void theOwnerLeadsAboveAndAdminsSeeIt() {
		for (ApiClient reader : List.of(admin, as("molly"), as("paula"))) {
			assertThat(reader.get("/api/v1/objectives/" + privateObjective).status()).isEqualTo(200);
			assertThat(reader.get("/api/v1/objectives?cycleId=" + cycle).text()).contains("Secret acquisition");
			assertThat(reader.get("/api/v1/objectives/" + publicObjective + "/alignment").text()).contains(privateObjective);
			assertThat(reader.get("/api/v1/key-results/" + privateKr + "/check-ins").status()).isEqualTo(200);
			assertThat(reader.get("/api/v1/cycles/" + cycle + "/okrs.yaml").text()).contains("Secret acquisition");
		}
	}

	@Test
	void forEveryoneElseItDoesNotExist() {
		String asOf = java.time.Instant.now().plusSeconds(5).toString();
		for (String name : List.of("mark", "sam")) {
			ApiClient reader = as(name);
			assertThat(reader.get("/api/v1/objectives/" + privateObjective).status()).as(name).isEqualTo(404);
			assertThat(reader.get("/api/v1/objectives/" + privateObjective + "?asOf=" + asOf).status()).isEqualTo(404);
			assertThat(reader.get("/api/v1/objectives?cycleId=" + cycle).text()).contains("Open roadmap")
				.doesNotContain("Secret acquisition");
			assertThat(reader.get("/api/v1/objectives?cycleId=" + cycle + "&asOf=" + asOf).text())
				.doesNotContain("Secret acquisition");
			assertThat(reader.get("/api/v1/objectives/" + publicObjective + "/alignment").text())
				.doesNotContain(privateObjective);
			assertThat(reader.get("/api/v1/objectives/" + privateObjective + "/alignment").status()).isEqualTo(404);
			assertThat(reader.get("/api/v1/key-results/" + privateKr).status()).isEqualTo(404);
			assertThat(reader.get("/api/v1/key-results/" + privateKr + "/check-ins").status()).isEqualTo(404);
			assertThat(reader.get("/api/v1/objectives/" + privateObjective + "/comments").status()).isEqualTo(404);
			assertThat(reader.get("/api/v1/objectives/" + privateObjective + "/history").status()).isEqualTo(404);
			assertThat(reader.get("/api/v1/objectives/" + publicObjective + "/history").status()).isEqualTo(200);
			assertThat(reader.post("/api/v1/objectives/" + privateObjective + "/comments", Map.of("body", "?")).status())
				.isEqualTo(404);
			assertThat(reader.get("/api/v1/dashboard?cycleId=" + cycle).text()).doesNotContain("Secret acquisition");
			assertThat(reader.get("/api/v1/cycles/" + cycle + "/okrs.yaml").text()).contains("Open roadmap")
				.doesNotContain("Secret acquisition");
			assertThat(reader.patch("/api/v1/objectives/" + privateObjective, Map.of("title", "x")).status())
				.as("changing it: 404, not 403").isEqualTo(404);
			assertThat(reader.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Piggyback", "level",
					"INDIVIDUAL", "parentId", privateObjective)).status()).as("aligning to it").isEqualTo(400);
		}
		// Mark owns the private objective's key result, but not the objective: his inbox does not show it.
		assertThat(as("mark").get("/api/v1/inbox").text()).doesNotContain(privateKr);
		assertThat(as("mark").post("/api/v1/key-results/" + privateKr + "/check-ins", Map.of("achieved", true)).status())
			.isEqualTo(404);
	}

	@Test
	void dashboardCountsOnlyWhatTheReaderSees() {
		int all = admin.get("/api/v1/dashboard?cycleId=" + cycle).json().at("/objectives").asInt();
		assertThat(all).isEqualTo(2);
		assertThat(as("molly").get("/api/v1/dashboard?cycleId=" + cycle).json().at("/objectives").asInt()).isEqualTo(2);
		assertThat(as("sam").get("/api/v1/dashboard?cycleId=" + cycle).json().at("/objectives").asInt()).isEqualTo(1);
	}
}
