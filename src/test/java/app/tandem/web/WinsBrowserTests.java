package app.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.tandem.ApiClient;
import app.tandem.Chrome;
import app.tandem.TandemIntegrationTest;

/**
 * A win in the browser: the key result's owner checks in at the target on the objective page, sees the win appear on
 * the home page, and a colleague gives kudos on /wins.
 */
@TandemIntegrationTest
class WinsBrowserTests {

	private static final String PASSWORD = "correct horse battery";

	@LocalServerPort
	int port;

	@Test
	void aCheckInThatCompletesAKeyResultShowsAsAWinThatTakesKudos() {
		ApiClient admin = ApiClient.admin(port);
		String suffix = Long.toString(System.nanoTime(), 36);
		String team = admin.post("/api/v1/teams", Map.of("name", "Browser winners " + suffix)).str("/id");
		for (String who : List.of("wanda", "kai")) {
			String id = admin.post("/api/v1/users", Map.of("username", who + "-" + suffix, "name",
					who.substring(0, 1).toUpperCase() + who.substring(1) + " " + suffix, "password", PASSWORD)).str("/id");
			admin.put("/api/v1/teams/" + team + "/members/" + id, Map.of("role", "MEMBER"));
		}
		String wanda = "wanda-" + suffix;
		LocalDate today = LocalDate.now();
		String cycle = admin.post("/api/v1/cycles", Map.of("name", "Browser wins " + suffix, "startDate",
				today.minusDays(20).toString(), "endDate", today.plusDays(70).toString())).str("/id");
		String krTitle = "Onboard 12 clinics " + suffix;
		var objective = admin.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Grow the network " + suffix,
				"level", "TEAM", "teamId", team, "keyResults", List.of(Map.of("title", krTitle, "type", "INCREASE",
						"startValue", 0, "targetValue", 12, "ownerId", userId(admin, wanda)))));
		String objectiveId = objective.str("/id");
		String kr = "kr-" + objective.str("/keyResults/0/id");

		try (Chrome chrome = Chrome.open(port)) {
			chrome.signIn(wanda, PASSWORD);
			chrome.go("/?cycleId=" + cycle);
			assertThat(chrome.find(By.id("home-wins")).getText()).contains("No wins in this cycle yet.");

			// the check-in that reaches the target, on the objective page (htmx)
			chrome.go("/okrs/objectives/" + objectiveId);
			chrome.type(By.cssSelector("#" + kr + " input[name=value]"), "12");
			chrome.find(By.cssSelector("#" + kr + " button[type=submit]")).click();
			chrome.waitFor(d -> d.findElement(By.cssSelector("#" + kr + " .pct")).getText().equals("100%"));

			// home shows the win (looked at again until it is there)
			String home = chrome.waitFor(d -> {
				d.get("http://localhost:" + port + "/?cycleId=" + cycle);
				String text = d.findElement(By.id("home-wins")).getText();
				return text.contains(krTitle) ? text : null;
			});
			assertThat(home).contains("Wanda " + suffix, "no kudos yet");
			chrome.screenshot("wins-home");
		}

		try (Chrome chrome = Chrome.open(port)) {
			chrome.signIn("kai-" + suffix, PASSWORD);
			chrome.go("/?cycleId=" + cycle);
			chrome.find(By.linkText("All wins and kudos")).click();
			String card = "#" + chrome.find(By.cssSelector("article.win")).getAttribute("id");
			assertThat(chrome.find(By.cssSelector(card + " .win-title")).getText()).isEqualTo(krTitle);
			assertThat(chrome.find(By.cssSelector(card + " .win-facts")).getText()).contains("by Wanda " + suffix);

			// an empty note is refused beside the field
			chrome.find(By.cssSelector(card + " button[type=submit]")).click();
			assertThat(chrome.text(By.cssSelector(card + " .field-error"), t -> !t.isEmpty()))
				.isEqualTo("Write a note first.");
			assertThat(chrome.find(By.cssSelector(card + " input[name=note]")).getAttribute("aria-invalid"))
				.isEqualTo("true");

			chrome.type(By.cssSelector(card + " input[name=note]"), "Twelve clinics, what a quarter!");
			chrome.find(By.cssSelector(card + " button[type=submit]")).click();
			assertThat(chrome.text(By.cssSelector(card + " .kudos-count"), "1 kudos"::equals)).isEqualTo("1 kudos");
			assertThat(chrome.find(By.cssSelector(card + " .kudos-list .kudos-line")).getText())
				.isEqualTo("Kai " + suffix + ": Twelve clinics, what a quarter!");
			assertThat(chrome.find(By.cssSelector(card + " .kudos-list .avatar")).getText()).as("the giver's initials")
				.isEqualTo("K" + Character.toUpperCase(suffix.charAt(0)));
			assertThat(chrome.find(By.cssSelector(card + " input[name=note]")).getDomProperty("value")).isEmpty();
			chrome.screenshot("wins-feed");
		}
	}

	private static String userId(ApiClient admin, String username) {
		for (var user : admin.get("/api/v1/users?limit=1000").json().get("items")) {
			if (user.get("username").asString().equals(username)) {
				return user.get("id").asString();
			}
		}
		throw new AssertionError("no user " + username);
	}
}
