package app.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.tandem.ApiClient;
import app.tandem.Chrome;
import app.tandem.TandemIntegrationTest;

/**
 * A team member in a real browser: signs in, finds their objective in the OKR list, checks in on a key result with
 * a typo first (told beside the field, what they typed kept), then properly, and sees the key result's and the
 * objective's progress move without the page reloading.
 */
@TandemIntegrationTest
class CheckInBrowserTests {

	private static final String PASSWORD = "browser-test-password-1";

	@LocalServerPort
	int port;

	@Test
	void aMemberChecksInAndSeesProgressMoveInPlace() {
		ApiClient admin = ApiClient.admin(port);
		String suffix = Long.toString(System.nanoTime(), 36);
		String team = admin.post("/api/v1/teams", Map.of("key", "br-" + suffix, "name", "Care team " + suffix))
			.str("/id");
		String user = "bea-" + suffix;
		String bea = admin.post("/api/v1/users", Map.of("username", user, "name", "Bea", "password", PASSWORD))
			.str("/id");
		admin.put("/api/v1/teams/" + team + "/members/" + bea, Map.of("role", "MEMBER"));
		LocalDate today = LocalDate.now();
		String cycle = admin.post("/api/v1/cycles", Map.of("name", "Browser " + suffix, "startDate",
				today.minusDays(20).toString(), "endDate", today.plusDays(70).toString())).str("/id");
		String title = "Shorten waiting times " + suffix;
		var objective = admin.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", title, "level", "TEAM",
				"teamId", team, "ownerId", bea, "keyResults",
				List.of(Map.of("title", "Cut waiting from 20 to 10 days", "type", "DECREASE", "startValue", 20,
						"targetValue", 10, "ownerId", bea, "unit", "days"),
						Map.of("title", "Answer 95 % of calls the same day", "type", "THRESHOLD", "minValue", 95,
								"maxValue", 100, "ownerId", bea))));
		assertThat(objective.status()).as(objective.text()).isEqualTo(201);
		String kr = objective.str("/keyResults/0/id");

		try (Chrome chrome = Chrome.open(port)) {
			chrome.signIn(user, PASSWORD);
			chrome.go("/okrs?cycleId=" + cycle);
			chrome.find(By.linkText(title)).click();
			chrome.find(By.id("kr-" + kr));
			((JavascriptExecutor) chrome.driver()).executeScript("window.stillTheSamePage = true");
			assertThat(text(chrome, "#kr-" + kr + " .pct")).isEqualTo("0%");
			assertThat(text(chrome, "#objective-summary .pct")).isEqualTo("0%");

			chrome.type(By.id("value-" + kr), "fifteen");
			chrome.find(By.cssSelector("#kr-" + kr + " button[type=submit]")).click();
			WebElement error = chrome.find(By.cssSelector("#kr-" + kr + " .field-error"));
			assertThat(error.getText()).isEqualTo("Enter a number, such as 42 or 12.5.");
			assertThat(chrome.find(By.id("value-" + kr)).getDomProperty("value")).isEqualTo("fifteen");

			chrome.type(By.id("value-" + kr), "15");
			chrome.type(By.id("note-" + kr), "Second clinic opened");
			chrome.find(By.cssSelector("#kr-" + kr + " button[type=submit]")).click();
			chrome.waitFor(d -> d.findElement(By.cssSelector("#kr-" + kr + " .pct")).getText().equals("50%"));
			assertThat(text(chrome, "#kr-" + kr + " .current")).isEqualTo("15");
			assertThat(text(chrome, "#kr-" + kr + " [role=status]")).isEqualTo("Check-in saved.");
			// the objective: half of one key result, none of the other (a threshold without check-ins)
			assertThat(text(chrome, "#objective-summary .pct")).isEqualTo("25%");
			assertThat(((JavascriptExecutor) chrome.driver()).executeScript("return window.stillTheSamePage"))
				.as("no page reload").isEqualTo(true);
			chrome.screenshot("objective");
			chrome.go("/?cycleId=" + cycle);
			chrome.find(By.cssSelector("#content h1"));
			chrome.screenshot("home");
			chrome.go("/okrs?cycleId=" + cycle);
			chrome.find(By.cssSelector("#content h1"));
			chrome.screenshot("okrs");
		}
		assertThat(admin.get("/api/v1/key-results/" + kr).json().get("current").asDouble()).isEqualTo(15);
	}

	private static String text(Chrome chrome, String css) {
		return chrome.find(By.cssSelector(css)).getText();
	}
}
