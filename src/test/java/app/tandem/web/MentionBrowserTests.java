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
 * A mention in a real browser: one person writes a comment naming another under an objective; the other finds it on
 * Home, follows the link and lands on the comment, highlighted, where the mention links to their OKRs.
 */
@TandemIntegrationTest
class MentionBrowserTests {

	private static final String PASSWORD = "mention-browser-password-1";

	@LocalServerPort
	int port;

	@Test
	void aMentionReachesTheMentionedPersonsHomeAndLeadsToTheComment() {
		ApiClient admin = ApiClient.admin(port);
		String suffix = Long.toString(System.nanoTime(), 36);
		String team = admin.post("/api/v1/teams", Map.of("key", "mb-" + suffix, "name", "Mentions " + suffix)).str("/id");
		for (String name : List.of("ivy", "max")) {
			String id = admin.post("/api/v1/users", Map.of("username", name + "-" + suffix, "name",
					Character.toUpperCase(name.charAt(0)) + name.substring(1) + " " + suffix, "password", PASSWORD)).str("/id");
			admin.put("/api/v1/teams/" + team + "/members/" + id, Map.of("role", "MEMBER"));
		}
		LocalDate today = LocalDate.now();
		String cycle = admin.post("/api/v1/cycles", Map.of("name", "Mentions " + suffix, "startDate",
				today.minusDays(5).toString(), "endDate", today.plusDays(80).toString())).str("/id");
		String title = "Talk it through " + suffix;
		String objective = admin.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", title, "level", "TEAM",
				"teamId", team)).str("/id");

		try (Chrome chrome = Chrome.open(port)) {
			chrome.signIn("ivy-" + suffix, PASSWORD);
			chrome.go("/okrs/objectives/" + objective);
			chrome.type(By.id("comment-body"), "Could you look at the numbers, @max-" + suffix + "?");
			chrome.find(By.cssSelector("#comments button[type=submit]")).click();
			assertThat(chrome.text(By.cssSelector("#comments [role=status]"), "Comment added."::equals))
				.isEqualTo("Comment added.");
			assertThat(chrome.find(By.cssSelector("#comments a.mention")).getText()).isEqualTo("@max-" + suffix);
			chrome.driver().manage().deleteAllCookies();

			chrome.signIn("max-" + suffix, PASSWORD);
			String mention = "Ivy " + suffix + " mentioned you on " + title;
			chrome.find(By.linkText(mention)).click();
			chrome.waitFor(d -> !d.findElements(By.cssSelector(".comment-list li.linked")).isEmpty());
			assertThat(chrome.find(By.cssSelector(".comment-list li.linked .comment-body")).getText())
				.isEqualTo("Could you look at the numbers, @max-" + suffix + "?");
			assertThat(chrome.find(By.cssSelector(".comment-list li.linked a.mention")).getDomAttribute("href"))
				.startsWith("/okrs?ownerId=");
			chrome.screenshot("mention");
		}
	}
}
