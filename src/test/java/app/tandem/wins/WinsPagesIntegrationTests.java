package app.tandem.wins;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import app.tandem.ApiClient;
import app.tandem.PageSession;
import app.tandem.TandemIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The wins on the home page and on /wins, and kudos given there (htmx), over HTTP with a signed-in session. */
@TandemIntegrationTest
class WinsPagesIntegrationTests {

	private static final String PASSWORD = "correct horse battery";

	@LocalServerPort
	int port;

	@Test
	void aWinShowsAtHomeAndOnTheFeedWhereKudosAreGivenInPlace() {
		ApiClient admin = ApiClient.admin(port);
		String suffix = Long.toString(System.nanoTime(), 36);
		String team = admin.post("/api/v1/teams", Map.of("name", "Page winners " + suffix)).str("/id");
		String pia = admin.post("/api/v1/users", Map.of("username", "pia-" + suffix, "name", "Pia Page", "password",
				PASSWORD)).str("/id");
		admin.put("/api/v1/teams/" + team + "/members/" + pia, Map.of("role", "MEMBER"));
		LocalDate today = LocalDate.now();
		String cycle = admin.post("/api/v1/cycles", Map.of("name", "Page wins " + suffix, "startDate",
				today.minusDays(5).toString(), "endDate", today.plusDays(60).toString())).str("/id");
		String kr = admin.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Launch " + suffix, "level",
				"TEAM", "teamId", team, "keyResults", List.of(Map.of("title", "Beta live " + suffix, "type", "MILESTONE",
						"ownerId", pia)))).str("/keyResults/0/id");
		admin.post("/api/v1/key-results/" + kr + "/check-ins", Map.of("achieved", true));
		String win = admin.get("/api/v1/wins?cycleId=" + cycle).str("/items/0/id");

		PageSession session = PageSession.signedIn(port, "pia-" + suffix, PASSWORD);
		var home = session.get("/?cycleId=" + cycle);
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("id=\"home-wins\"", "Beta live " + suffix, "Pia Page", "no kudos yet",
				"href=\"/wins?cycleId=" + cycle + "\"");

		var feed = session.get("/wins?cycleId=" + cycle);
		assertThat(feed.statusCode()).isEqualTo(200);
		assertThat(feed.body()).contains("id=\"win-" + win + "\"", "Key result done", "by Pia Page",
				"Page winners " + suffix, "for=\"kudos-" + win + "\"");

		var empty = session.htmxPost("/wins/" + win + "/kudos", Map.of("note", "   "));
		assertThat(empty.statusCode()).isEqualTo(422);
		assertThat(empty.body()).as("the win's card, not a page").doesNotContain("<html")
			.contains("Write a note first.", "aria-invalid=\"true\"", "aria-describedby=\"kudos-error-" + win + "\"");
		String long501 = "y".repeat(501);
		var tooLong = session.htmxPost("/wins/" + win + "/kudos", Map.of("note", long501));
		assertThat(tooLong.statusCode()).isEqualTo(422);
		assertThat(tooLong.body()).contains("Keep the note to 500 characters.", "value=\"" + long501 + "\"");
		assertThat(admin.get("/api/v1/wins/" + win).json().get("kudosCount").asInt()).isZero();

		var given = session.htmxPost("/wins/" + win + "/kudos", Map.of("note", "Brilliant launch!"));
		assertThat(given.statusCode()).isEqualTo(200);
		assertThat(given.body()).contains("Brilliant launch!", "1 kudos", "Kudos added.", "value=\"\"");
		assertThat(session.get("/?cycleId=" + cycle).body()).contains("1 kudos");

		var plain = session.post("/wins/" + win + "/kudos", Map.of("note", "Again, well done"));
		assertThat(plain.statusCode()).as("a form posted without htmx goes back to the feed").isEqualTo(302);
		assertThat(plain.headers().firstValue("Location").orElse("")).contains("/wins?cycleId=" + cycle);
		assertThat(session.get("/wins?cycleId=" + cycle).body()).contains("2 kudos", "Again, well done");

		var german = session.get("/wins?cycleId=" + cycle, Map.of("Accept-Language", "de"));
		assertThat(german.body()).contains("Erfolge", "Key Result erreicht", "2 Kudos");
	}
}
