package app.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.tandem.ApiClient;
import app.tandem.Chrome;
import app.tandem.TandemIntegrationTest;

/**
 * An OKR template in the browser, as an admin uses one: opens the library's OKR templates, narrows them to sales,
 * adopts one into the cycle for a team as a draft, changes a key result's target, publishes it and finds it among
 * the cycle's OKRs. The API only sets the stage (a team and a cycle) and checks the end.
 */
@TandemIntegrationTest
class TemplatesBrowserTests {

	private static final String TITLE = "Build a pipeline we can count on";

	@LocalServerPort
	int port;

	@Test
	void anAdminAdoptsATemplateChangesItAndPublishesIt() {
		ApiClient admin = ApiClient.admin(port);
		String suffix = Long.toString(System.nanoTime(), 36);
		String team = "Sales " + suffix;
		admin.post("/api/v1/teams", Map.of("name", team));
		String cycleName = "Templates " + suffix;
		LocalDate today = LocalDate.now();
		String cycle = admin.post("/api/v1/cycles", Map.of("name", cycleName, "startDate", today.minusDays(3).toString(),
				"endDate", today.plusDays(80).toString())).str("/id");
		try (Chrome chrome = Chrome.open(port)) {
			chrome.signIn("admin", "open-sesame-test-run");
			chrome.go("/library/okrs");
			chrome.find(By.linkText("OKR templates"));
			new Select(chrome.find(By.id("f-function"))).selectByValue("SALES");
			chrome.find(By.xpath("//button[normalize-space()='Show']")).click();
			chrome.waitFor(d -> d.getCurrentUrl().contains("function=SALES"));
			assertThat(chrome.find(By.cssSelector(".template-list")).getText()).contains(TITLE)
				.doesNotContain("Give the business numbers it can act on, sooner");

			// adopt: into the cycle, for the team; without a team it is refused beside the field
			String card = "#t-sales-team-pipeline ";
			chrome.find(By.cssSelector(card + ".opens-form")).sendKeys(org.openqa.selenium.Keys.ENTER);
			chrome.waitFor(d -> d.switchTo().activeElement().getDomAttribute("name") != null
					&& d.switchTo().activeElement().getDomAttribute("name").equals("cycleId"));
			new Select(chrome.find(By.cssSelector(card + "select[name=cycleId]"))).selectByVisibleText(cycleName);
			chrome.find(By.cssSelector(card + "button[type=submit]")).click();
			assertThat(chrome.text(By.cssSelector(card + ".field-error"), t -> !t.isEmpty()))
				.isEqualTo("Choose the team it is for.");
			assertThat(new Select(chrome.find(By.cssSelector(card + "select[name=cycleId]"))).getFirstSelectedOption()
				.getText()).isEqualTo(cycleName);
			new Select(chrome.find(By.cssSelector(card + "select[name=teamId]"))).selectByVisibleText(team);
			chrome.find(By.cssSelector(card + "button[type=submit]")).click();
			assertThat(chrome.text(By.cssSelector("main .notice"), t -> !t.isEmpty()))
				.startsWith("A draft: change it, then publish");
			assertThat(chrome.find(By.cssSelector("#objective-summary h1")).getText()).isEqualTo(TITLE);
			assertThat(chrome.find(By.cssSelector("#objective-summary .draft-badge")).getText()).isEqualTo("Draft");
			assertThat(chrome.driver().findElements(By.cssSelector("article.keyresult"))).hasSize(4);
			chrome.screenshot("template-draft");

			// change: the first key result's target, with the reason a running cycle asks for
			String kr = chrome.driver().findElements(By.cssSelector("article.keyresult")).get(0).getAttribute("id");
			String edit = "#edit-" + kr.substring("kr-".length());
			chrome.find(By.linkText("Change")).click();
			chrome.type(By.cssSelector(edit + " input[name=targetValue]"), "5");
			chrome.type(By.cssSelector(edit + " input[name=reason]"), "Our own pipeline goal");
			chrome.find(By.cssSelector(edit + " button[type=submit]")).click();
			chrome.waitFor(d -> admin.get("/api/v1/key-results/" + kr.substring("kr-".length())).num("/targetValue") == 5);

			// publish, and find it among the cycle's OKRs, no longer a draft
			chrome.go("/okrs/objectives/" + admin.get("/api/v1/key-results/" + kr.substring("kr-".length()))
				.str("/objectiveId"));
			chrome.find(By.xpath("//button[normalize-space()='Publish']")).click();
			assertThat(chrome.text(By.cssSelector("main .notice"), t -> t.startsWith("Published"))).startsWith("Published");
			assertThat(chrome.driver().findElements(By.cssSelector("#objective-summary .draft-badge"))).isEmpty();
			chrome.go("/okrs?cycleId=" + cycle);
			assertThat(chrome.find(By.cssSelector("main")).getText()).contains(TITLE);
			assertThat(chrome.driver().findElements(By.cssSelector("main .draft-badge"))).isEmpty();
			chrome.screenshot("template-published");
		}
		var objectives = admin.get("/api/v1/objectives?cycleId=" + cycle).json().get("items");
		assertThat(objectives.size()).isEqualTo(1);
		assertThat(objectives.get(0).get("draft").asBoolean()).isFalse();
		assertThat(objectives.get(0).get("keyResults").get(0).get("targetValue").asDouble()).isEqualTo(5);
	}
}
