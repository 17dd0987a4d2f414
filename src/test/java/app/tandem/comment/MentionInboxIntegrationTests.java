package app.tandem.comment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import app.tandem.ApiClient;
import app.tandem.PageSession;
import app.tandem.TandemIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mention reaches the mentioned person's inbox (API and Home) with a link to the comment, only where they may see
 * what it is on; in the conversation the mention links to that person's OKRs.
 */
@TandemIntegrationTest
class MentionInboxIntegrationTests {

	private static final String PASSWORD = "mention-inbox-password-1";

	@LocalServerPort
	int port;

	@Test
	void aMentionPutsTheCommentInTheMentionedPersonsInboxWhereTheyMaySeeIt() {
		ApiClient admin = ApiClient.admin(port);
		String suffix = Long.toString(System.nanoTime(), 36);
		String team = admin.post("/api/v1/teams", Map.of("name", "Mentions " + suffix)).str("/id");
		String ann = person(admin, "ann-" + suffix, "Ann " + suffix, team, "MEMBER");
		person(admin, "bob-" + suffix, "Bob " + suffix, team, "LEAD");
		String cycle = admin.post("/api/v1/cycles", Map.of("name", "Mentions " + suffix, "startDate",
				LocalDate.now().toString(), "endDate", LocalDate.now().plusDays(60).toString())).str("/id");
		var open = admin.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Open talk " + suffix, "level",
				"TEAM", "teamId", team, "keyResults", List.of(Map.of("title", "Agree " + suffix, "type", "MILESTONE"))));
		String secret = admin.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Secret " + suffix, "level",
				"COMPANY", "visibility", "PRIVATE")).str("/id");
		String kpi = "mentions-" + suffix;
		admin.post("/api/v1/kpis", Map.of("key", kpi, "name", "Talk time " + suffix, "direction", "LOWER_IS_BETTER",
				"target", 5, "frequency", "WEEKLY", "aggregation", "AVG"));
		ApiClient bob = ApiClient.basic(port, "bob-" + suffix, PASSWORD);
		ApiClient annApi = ApiClient.basic(port, "ann-" + suffix, PASSWORD);

		String onObjective = bob.post("/api/v1/objectives/" + open.str("/id") + "/comments",
				Map.of("body", "@ann-" + suffix + " can you check?")).str("/id");
		String onKeyResult = bob.post("/api/v1/key-results/" + open.str("/keyResults/0/id") + "/comments",
				Map.of("body", "And this, @ann-" + suffix + ".")).str("/id");
		String onKpi = bob.post("/api/v1/kpis/" + kpi + "/comments", Map.of("body", "@ann-" + suffix + " why so high?"))
			.str("/id");
		String onSecret = admin.post("/api/v1/objectives/" + secret + "/comments",
				Map.of("body", "Not for @ann-" + suffix)).str("/id");
		annApi.post("/api/v1/objectives/" + open.str("/id") + "/comments", Map.of("body", "Noted, @ann-" + suffix));

		var inbox = annApi.get("/api/v1/inbox");
		assertThat(inbox.status()).as(inbox.text()).isEqualTo(200);
		List<String> ids = new ArrayList<>();
		inbox.json().get("mentions").forEach(m -> ids.add(m.get("commentId").asString()));
		assertThat(ids).as("newest first; not a private objective she may not see, not her own mention of herself")
			.containsExactly(onKpi, onKeyResult, onObjective)
			.doesNotContain(onSecret);
		JsonNode first = inbox.json().at("/mentions/2");
		assertThat(first.get("subjectType").asString()).isEqualTo("OBJECTIVE");
		assertThat(first.get("subjectId").asString()).isEqualTo(open.str("/id"));
		assertThat(first.get("subjectTitle").asString()).isEqualTo("Open talk " + suffix);
		assertThat(first.at("/by/username").asString()).isEqualTo("bob-" + suffix);
		assertThat(first.get("at").asString()).isNotBlank();
		assertThat(first.get("path").asString()).isEqualTo("/okrs/objectives/" + open.str("/id") + "#comment-" + onObjective);
		assertThat(inbox.json().at("/mentions/0/path").asString()).isEqualTo("/kpis/" + kpi + "#comment-" + onKpi);
		assertThat(inbox.json().at("/mentions/1/path").asString()).isEqualTo("/okrs/objectives/" + open.str("/id")
				+ "#kr-" + open.str("/keyResults/0/id"));
		assertThat(bob.get("/api/v1/inbox").json().get("mentions")).as("bob was mentioned by nobody").isEmpty();

		PageSession page = PageSession.signedIn(port, "ann-" + suffix, PASSWORD);
		assertThat(page.get("/").body()).contains("Bob " + suffix + " mentioned you on Talk time " + suffix,
				"href=\"/okrs/objectives/" + open.str("/id") + "#comment-" + onObjective + "\"");
		String thread = page.get("/comments/objectives/" + open.str("/id")).body();
		assertThat(thread).contains("<a class=\"mention\" href=\"/okrs?ownerId=" + ann + "\">@ann-" + suffix + "</a> can you check?",
				"id=\"comment-" + onObjective + "\"");
		assertThat(page.get("/okrs?cycleId=" + cycle + "&ownerId=" + ann).body()).doesNotContain("Open talk " + suffix);
	}

	private static String person(ApiClient admin, String username, String name, String team, String role) {
		String id = admin.post("/api/v1/users", Map.of("username", username, "name", name, "password", PASSWORD))
			.str("/id");
		admin.put("/api/v1/teams/" + team + "/members/" + id, Map.of("role", role));
		return id;
	}
}
