package app.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.tandem.ApiClient;
import app.tandem.Chrome;
import app.tandem.TandemIntegrationTest;

/**
 * A team's week set up and run in the browser alone: a lead defines a KPI and an objective whose key result it
 * measures, each key result with its owner; the owner finds it due on Home, checks it in and sends the KPI's value
 * from the check-in screen, then, as the KPI's owner, lowers its target and thresholds and sees its status turn.
 */
@TandemIntegrationTest
class KpiAndOwnersBrowserTests {

	private static final String PASSWORD = "owners-browser-password-1";

	@LocalServerPort
	int port;

	@Test
	void aLeadSetsUpTheWeekAndTheOwnerRunsIt() {
		ApiClient admin = ApiClient.admin(port);
		String suffix = Long.toString(System.nanoTime(), 36);
		String team = admin.post("/api/v1/teams", Map.of("key", "ow-" + suffix, "name", "Owners " + suffix)).str("/id");
		person(admin, "lou-" + suffix, "Lou " + suffix, team, "LEAD");
		person(admin, "kim-" + suffix, "Kim " + suffix, team, "MEMBER");
		person(admin, "pat-" + suffix, "Pat " + suffix, team, "MEMBER");
		LocalDate today = LocalDate.now();
		admin.post("/api/v1/cycles", Map.of("name", "Owners " + suffix, "startDate", today.minusDays(10).toString(),
				"endDate", today.plusDays(80).toString()));
		String key = "nps-" + suffix;
		String title = "Patients recommend us " + suffix;

		try (Chrome chrome = Chrome.open(port)) {
			chrome.signIn("lou-" + suffix, PASSWORD);
			chrome.go("/kpis");
			chrome.find(By.linkText("New KPI")).click();
			chrome.type(By.id("name"), "NPS " + suffix);
			chrome.type(By.id("key"), key);
			chrome.type(By.id("target"), "100");
			chrome.type(By.id("warningThreshold"), "80");
			chrome.choose("teamId", "Owners " + suffix);
			chrome.choose("ownerId", "Kim " + suffix);
			chrome.screenshot("kpi-new");
			chrome.find(By.cssSelector(".kpi-form button[type=submit]")).click();
			assertThat(chrome.text(By.cssSelector("[role=status]"), t -> t.contains("is defined"))).contains("NPS " + suffix);

			chrome.go("/okrs");
			chrome.find(By.linkText("New objective")).click();
			chrome.type(By.id("title"), title);
			new Select(chrome.find(By.id("level"))).selectByValue("TEAM");
			chrome.choose("teamId", "Owners " + suffix);
			chrome.type(By.id("kr-title-0"), "NPS from 40 to 100");
			chrome.type(By.id("kr-startValue-0"), "40");
			chrome.type(By.id("kr-targetValue-0"), "100");
			chrome.choose("kr-owner-0", "Kim " + suffix);
			chrome.choose("kr-kpi-0", "NPS " + suffix + " (" + key + ")");
			chrome.type(By.id("kr-title-1"), "Call back every detractor");
			new Select(chrome.find(By.id("kr-type-1"))).selectByValue("MILESTONE");
			chrome.choose("kr-owner-1", "Pat " + suffix);
			chrome.screenshot("objective-new-owners");
			chrome.find(By.cssSelector("form[action='/okrs/new'] button[type=submit]")).click();
			assertThat(chrome.text(By.cssSelector("#content h1"), t -> t.contains(title))).contains(title);
			assertThat(chrome.find(By.cssSelector(".kr-kpi")).getText()).isEqualTo("NPS " + suffix + " (" + key + ")");
			chrome.driver().manage().deleteAllCookies();

			chrome.signIn("kim-" + suffix, PASSWORD);
			chrome.find(By.partialLinkText("NPS from 40 to 100"));
			assertThat(chrome.driver().findElements(By.partialLinkText("Call back every detractor")))
				.as("Pat's key result is asked of Pat").isEmpty();
			chrome.find(By.linkText("Check in on all of them")).click();
			chrome.find(By.cssSelector(".checkin-item"));
			chrome.driver().switchTo().activeElement().sendKeys("55", Keys.ENTER);
			chrome.text(By.cssSelector(".checkin-item.done"), t -> t.contains("Checked in"));
			chrome.waitFor(d -> d.switchTo().activeElement().getAttribute("id") != null
					&& d.switchTo().activeElement().getAttribute("id").startsWith("ci-kpi-"));
			chrome.driver().switchTo().activeElement().sendKeys("85", Keys.ENTER);
			chrome.waitFor(d -> "checkins-done".equals(d.switchTo().activeElement().getAttribute("id")));

			chrome.go("/kpis/" + key);
			assertThat(chrome.find(By.cssSelector("#kpi-summary .status")).getText()).isEqualTo("Amber");
			chrome.find(By.linkText("Change")).click();
			chrome.type(By.id("target"), "85");
			chrome.type(By.id("warningThreshold"), "70");
			chrome.find(By.cssSelector(".kpi-form button[type=submit]")).click();
			assertThat(chrome.text(By.cssSelector("#kpi-summary .status"), "Green"::equals)).isEqualTo("Green");
			chrome.screenshot("kpi-after-change");
		}
		var kpi = admin.get("/api/v1/kpis/" + key).json();
		assertThat(kpi.get("target").asDouble()).isEqualTo(85);
		assertThat(kpi.get("latestValue").asDouble()).isEqualTo(85);
	}

	private static String person(ApiClient admin, String username, String name, String team, String role) {
		String id = admin.post("/api/v1/users", Map.of("username", username, "name", name, "password", PASSWORD))
			.str("/id");
		admin.put("/api/v1/teams/" + team + "/members/" + id, Map.of("role", role));
		return id;
	}
}
