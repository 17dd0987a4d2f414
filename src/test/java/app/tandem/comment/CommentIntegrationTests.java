package app.tandem.comment;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import app.tandem.ApiClient;
import app.tandem.TandemIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Comments on objectives, key results and KPIs through the API, with the people they mention. */
@TandemIntegrationTest
class CommentIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void anyoneWhoReadsMayCommentAndMentionsAreKept() {
		ApiClient admin = ApiClient.admin(port);
		String suffix = Long.toString(System.nanoTime(), 36);
		String team = admin.post("/api/v1/teams", Map.of("name", "Comments " + suffix)).str("/id");
		String viewer = admin.post("/api/v1/users", Map.of("username", "vera-" + suffix, "name", "Vera", "password",
				"correct horse battery")).str("/id");
		admin.put("/api/v1/teams/" + team + "/members/" + viewer, Map.of("role", "VIEWER"));
		admin.post("/api/v1/users", Map.of("username", "max-" + suffix, "name", "Max"));
		String cycle = admin.post("/api/v1/cycles", Map.of("name", "Comments " + suffix, "startDate",
				LocalDate.now().toString(), "endDate", LocalDate.now().plusDays(60).toString())).str("/id");
		var objective = admin.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Talk it through", "level",
				"TEAM", "teamId", team, "keyResults", List.of(Map.of("title", "Agree", "type", "MILESTONE"))));
		String path = "/api/v1/objectives/" + objective.str("/id") + "/comments";

		ApiClient vera = ApiClient.basic(port, "vera-" + suffix, "correct horse battery");
		var first = vera.post(path, Map.of("body", "@max-" + suffix + " can you check? Mail ann@acme.org, not @nobody-"
				+ suffix + "."));
		assertThat(first.status()).as(first.text()).isEqualTo(201);
		assertThat(first.str("/author/username")).isEqualTo("vera-" + suffix);
		assertThat(first.json().get("mentions").toString()).isEqualTo("[\"max-" + suffix + "\"]");
		assertThat(admin.post(path, Map.of("body", "Done.")).status()).isEqualTo(201);

		JsonNode all = admin.get(path).json().get("items");
		assertThat(all).hasSize(2);
		assertThat(all.get(0).get("body").asString()).startsWith("@max-");
		assertThat(all.get(1).get("body").asString()).isEqualTo("Done.");
		var page = admin.get(path + "?limit=1");
		assertThat(page.json().get("items")).hasSize(1);
		var next = admin.get(path + "?limit=1&cursor=" + page.str("/next"));
		assertThat(next.json().at("/items/0/body").asString()).isEqualTo("Done.");

		String kr = objective.str("/keyResults/0/id");
		assertThat(vera.post("/api/v1/key-results/" + kr + "/comments", Map.of("body", "On it")).status()).isEqualTo(201);
		assertThat(admin.get("/api/v1/key-results/" + kr + "/comments").json().get("items")).hasSize(1);
		String kpi = "comments-" + suffix;
		admin.post("/api/v1/kpis", Map.of("key", kpi, "name", "Talk time", "direction", "LOWER_IS_BETTER", "target", 5,
				"frequency", "WEEKLY", "aggregation", "AVG"));
		assertThat(vera.post("/api/v1/kpis/" + kpi + "/comments", Map.of("body", "Why so high?")).status()).isEqualTo(201);
		assertThat(admin.get("/api/v1/kpis/" + kpi + "/comments").json().at("/items/0/subjectType").asString())
			.isEqualTo("KPI");
	}

	@Test
	void badCommentsAreRefusedAndStoreNothing() {
		ApiClient admin = ApiClient.admin(port);
		String kpi = "refused-" + System.nanoTime();
		admin.post("/api/v1/kpis", Map.of("key", kpi, "name", "Quiet", "direction", "HIGHER_IS_BETTER", "target", 5,
				"frequency", "WEEKLY", "aggregation", "SUM"));
		String path = "/api/v1/kpis/" + kpi + "/comments";
		var blank = admin.post(path, Map.of("body", "  "));
		assertThat(blank.status()).isEqualTo(400);
		assertThat(blank.str("/errors/0/field")).isEqualTo("body");
		assertThat(admin.post(path, Map.of("body", "x".repeat(10_001))).status()).isEqualTo(400);
		assertThat(admin.postRaw(path, "{not json", "application/json").status()).isEqualTo(400);
		assertThat(admin.get(path).json().get("items")).isEmpty();
		assertThat(admin.post("/api/v1/objectives/0190f000-0000-7000-8000-000000000000/comments", Map.of("body", "Hi"))
			.status()).isEqualTo(404);
		assertThat(admin.get("/api/v1/key-results/not-an-id/comments").status()).as("no such key result").isEqualTo(404);
		String reader = admin.post("/api/v1/tokens", Map.of("name", "reader", "scopes", List.of("read"))).str("/token");
		assertThat(ApiClient.anonymous(port).bearer(reader).post(path, Map.of("body", "Hi")).status()).isEqualTo(403);
		assertThat(ApiClient.anonymous(port).bearer(reader).get(path).status()).isEqualTo(200);
	}
}
