package app.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.tandem.ApiClient;
import app.tandem.Chrome;
import app.tandem.TandemIntegrationTest;

/**
 * The weekly check-in screen in a real browser, keyboard only: a member opens it from Home, and checks in five key
 * results over two objectives and one KPI with a value and Enter each (the focus moves on by itself), with one typo
 * told beside its field, and no page reload.
 */
@TandemIntegrationTest
class WeeklyCheckInBrowserTests {

	private static final String PASSWORD = "weekly-browser-password-1";

	@LocalServerPort
	int port;

	@Test
	void fiveKeyResultsAndAKpiAreCheckedInWithTheKeyboardAloneInPlace() {
		ApiClient admin = ApiClient.admin(port);
		String suffix = Long.toString(System.nanoTime(), 36);
		String team = admin.post("/api/v1/teams", Map.of("key", "wk-" + suffix, "name", "Week team " + suffix))
			.str("/id");
		String user = "kim-" + suffix;
		String kim = admin.post("/api/v1/users", Map.of("username", user, "name", "Kim " + suffix, "password", PASSWORD))
			.str("/id");
		admin.put("/api/v1/teams/" + team + "/members/" + kim, Map.of("role", "MEMBER"));
		LocalDate today = LocalDate.now();
		String cycle = admin.post("/api/v1/cycles", Map.of("name", "Week " + suffix, "startDate",
				today.minusDays(20).toString(), "endDate", today.plusDays(70).toString())).str("/id");
		List<String> krs = new ArrayList<>();
		for (int o = 0; o < 2; o++) {
			List<Map<String, Object>> rows = new ArrayList<>();
			for (int k = 0; k < (o == 0 ? 3 : 2); k++) {
				rows.add(Map.of("title", "Result " + o + "." + k, "type", "INCREASE", "startValue", 0, "targetValue", 100,
						"unit", "%", "ownerId", kim));
			}
			var objective = admin.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Week objective " + o
					+ " " + suffix, "level", "TEAM", "teamId", team, "keyResults", rows));
			assertThat(objective.status()).as(objective.text()).isEqualTo(201);
			objective.json().get("keyResults").forEach(kr -> krs.add(kr.get("id").asString()));
		}
		String kpi = "week-" + suffix;
		assertThat(admin.post("/api/v1/kpis", Map.of("key", kpi, "name", "Week visits " + suffix, "direction",
				"HIGHER_IS_BETTER", "target", 100, "frequency", "WEEKLY", "aggregation", "LAST", "teamId", team,
				"ownerId", kim)).status()).isEqualTo(201);

		try (Chrome chrome = Chrome.open(port)) {
			chrome.signIn(user, PASSWORD);
			chrome.find(By.linkText("Check in on all of them")).click();
			chrome.find(By.cssSelector(".checkin-item"));
			JavascriptExecutor js = (JavascriptExecutor) chrome.driver();
			js.executeScript("window.stillTheSamePage = true");
			chrome.screenshot("check-ins");
			int interactions = 0;

			// a typo first: told beside the field, the focus kept there
			assertThat(focusedId(chrome)).isEqualTo("ci-" + krs.get(0) + "-value");
			active(chrome).sendKeys("1O");
			active(chrome).sendKeys(Keys.ENTER);
			assertThat(chrome.text(By.cssSelector("#ci-kr-" + krs.get(0) + " .field-error"), t -> !t.isEmpty()))
				.isEqualTo("Enter a number, such as 42 or 12.5.");
			chrome.waitFor(d -> ("ci-" + krs.get(0) + "-value").equals(focusedId(chrome)));
			active(chrome).sendKeys(Keys.chord(Keys.CONTROL, "a"), "10");

			for (int i = 0; i < krs.size(); i++) {
				if (i > 0) {
					String field = "ci-" + krs.get(i) + "-value";
					chrome.waitFor(d -> field.equals(focusedId(chrome)));
					active(chrome).sendKeys(Integer.toString(10 * (i + 1)));
					interactions++;
				}
				else {
					interactions++;
				}
				active(chrome).sendKeys(Keys.ENTER);
				interactions++;
			}
			chrome.waitFor(d -> focusedId(chrome) != null && focusedId(chrome).endsWith("-value")
					&& focusedId(chrome).startsWith("ci-kpi-"));
			active(chrome).sendKeys("42");
			active(chrome).sendKeys(Keys.ENTER);
			chrome.waitFor(d -> "checkins-done".equals(focusedId(chrome)));
			assertThat(chrome.find(By.id("checkins-done")).getText()).isEqualTo("All done for this week. Thank you.");
			assertThat(interactions).as("five key results, a value and Enter each").isLessThanOrEqualTo(15);
			assertThat(js.executeScript("return window.stillTheSamePage")).as("no page reload").isEqualTo(true);
			assertThat(chrome.driver().findElements(By.cssSelector(".checkin-item.done"))).hasSize(6);
			chrome.screenshot("check-ins-done");
		}
		for (int i = 0; i < krs.size(); i++) {
			assertThat(admin.get("/api/v1/key-results/" + krs.get(i)).json().get("current").asDouble())
				.isEqualTo(10.0 * (i + 1));
		}
		assertThat(admin.get("/api/v1/kpis/" + kpi).json().get("latestValue").asDouble()).isEqualTo(42);
		assertThat(ApiClient.basic(port, user, PASSWORD).get("/api/v1/inbox").json().get("checkInsDue")).isEmpty();
	}

	private static WebElement active(Chrome chrome) {
		return chrome.driver().switchTo().activeElement();
	}

	private static String focusedId(Chrome chrome) {
		return (String) ((JavascriptExecutor) chrome.driver()).executeScript(
				"return document.activeElement ? document.activeElement.id : null");
	}
}
