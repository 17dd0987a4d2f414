package app.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.tandem.ApiClient;
import app.tandem.Chrome;
import app.tandem.TandemIntegrationTest;

/**
 * Lists that grow, in a real browser: the OKR list of a large cycle shows 50 objectives, then "Show more" pressed
 * with the keyboard brings the rest in place (no reload) and focus lands on the first it brought; a team's row on
 * the admin page opens its forms on demand, with the keyboard, and a person is added there.
 */
@TandemIntegrationTest
class ListsBrowserTests {

	@LocalServerPort
	int port;

	@Test
	void showMoreBringsTheNextObjectivesInPlaceAndFocusesTheFirst() {
		ApiClient admin = ApiClient.admin(port);
		String suffix = Long.toString(System.nanoTime(), 36);
		LocalDate today = LocalDate.now();
		String cycle = admin.post("/api/v1/cycles", Map.of("name", "Long list " + suffix, "startDate",
				today.minusDays(5).toString(), "endDate", today.plusDays(80).toString())).str("/id");
		for (int i = 1; i <= 55; i++) {
			admin.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Item %02d %s".formatted(i, suffix),
					"level", "COMPANY", "keyResults", List.of(Map.of("title", "Count", "type", "INCREASE", "startValue", 0,
							"targetValue", 10))));
		}

		try (Chrome chrome = Chrome.open(port)) {
			chrome.signIn("admin", "open-sesame-test-run");
			chrome.go("/okrs?cycleId=" + cycle);
			assertThat(chrome.driver().findElements(By.cssSelector("#okr-list li.objective"))).hasSize(50);
			((JavascriptExecutor) chrome.driver()).executeScript("window.tandemMark = 'same page'");
			var more = chrome.find(By.cssSelector("#okr-list .more button"));
			assertThat(more.getText()).isEqualTo("Show 5 more (of 5 left)");
			more.sendKeys(Keys.ENTER);
			chrome.waitFor(d -> d.findElements(By.cssSelector("#okr-list li.objective")).size() == 55);
			assertThat(chrome.driver().findElements(By.cssSelector("#okr-list .more"))).isEmpty();
			chrome.waitFor(d -> ("Item 51 " + suffix).equals(d.switchTo().activeElement().getText()));
			assertThat(((JavascriptExecutor) chrome.driver()).executeScript("return window.tandemMark")).as("no reload").isEqualTo("same page");
			chrome.screenshot("okr-list-more");

			// aligning one of them: the choice offers the first 30, the search beside it finds the others
			chrome.find(By.linkText("Item 01 " + suffix)).click();
			chrome.find(By.linkText("Change")).click();
			var parent = new org.openqa.selenium.support.ui.Select(chrome.find(By.id("parentId")));
			assertThat(parent.getOptions()).hasSizeLessThanOrEqualTo(31);
			assertThat(parent.getOptions()).noneMatch(o -> o.getText().contains("Item 54 " + suffix));
			// the whole title: "item 54" alone also matches every item when the random suffix holds "54"
			chrome.type(By.id("parentId-find"), "item 54 " + suffix);
			chrome.waitFor(d -> new org.openqa.selenium.support.ui.Select(d.findElement(By.id("parentId"))).getOptions()
				.stream().anyMatch(o -> o.getText().equals("Company: Item 54 " + suffix)));
			new org.openqa.selenium.support.ui.Select(chrome.find(By.id("parentId")))
				.selectByVisibleText("Company: Item 54 " + suffix);
			chrome.screenshot("objective-parent-picker");
			chrome.find(By.xpath("//button[normalize-space()='Save changes']")).click();
			chrome.waitFor(d -> d.getCurrentUrl().matches(".*/okrs/objectives/[0-9a-f-]{36}$"));
			assertThat(chrome.find(By.cssSelector("main")).getText()).contains("Item 54 " + suffix);

			// an owner among many: the choice offers the first 30 by name, the search beside it finds the others
			for (int i = 0; i < 31; i++) {
				admin.post("/api/v1/users", Map.of("username", "aa-" + i + "-" + suffix, "name", "Aa %02d %s".formatted(i, suffix)));
			}
			admin.post("/api/v1/users", Map.of("username", "zz-" + suffix, "name", "Zz Late " + suffix));
			chrome.go("/okrs/new?cycleId=" + cycle);
			assertThat(chrome.find(By.id("ownerId")).getText()).doesNotContain("Zz Late " + suffix);
			chrome.choose("ownerId", "Zz Late " + suffix);
			assertThat(chrome.find(By.cssSelector("#ownerId option:checked")).getText()).isEqualTo("Zz Late " + suffix);
		}
	}

	@Test
	void aTeamsRowOpensItsFormsOnDemandAndAPersonIsAddedThere() {
		ApiClient admin = ApiClient.admin(port);
		String suffix = Long.toString(System.nanoTime(), 36);
		// a name the tree shows among its first hundred rows, whatever the suite created before
		String team = admin.post("/api/v1/teams", Map.of("name", "0 Opened " + suffix)).str("/id");
		admin.post("/api/v1/users", Map.of("username", "nia-" + suffix, "name", "Nia " + suffix, "password",
				"correct horse battery"));

		try (Chrome chrome = Chrome.open(port)) {
			chrome.signIn("admin", "open-sesame-test-run");
			chrome.go("/admin/teams");
			((JavascriptExecutor) chrome.driver()).executeScript("window.tandemMark = 'same page'");
			assertThat(chrome.driver().findElements(By.cssSelector("#team-" + team + " select[name=user]"))).isEmpty();
			chrome.find(By.cssSelector("#team-" + team + " .team-open")).sendKeys(Keys.ENTER);
			chrome.waitFor(d -> !d.findElements(By.cssSelector("#team-" + team + " select[name=user]")).isEmpty());
			chrome.waitFor(d -> d.switchTo().activeElement().findElements(By.xpath("ancestor::tr[@id='team-" + team + "']"))
				.size() == 1);
			chrome.choose("user-" + team, "Nia " + suffix);
			chrome.find(By.cssSelector("#team-" + team + " form.inline-form button[type=submit]")).click();
			assertThat(chrome.text(By.cssSelector("#team-" + team + " ul.members"), t -> t.contains("Nia " + suffix)))
				.contains("Nia " + suffix);
			assertThat(((JavascriptExecutor) chrome.driver()).executeScript("return window.tandemMark")).as("no reload")
				.isEqualTo("same page");
			chrome.screenshot("admin-team-opened");
		}
	}

	@Test
	void theAlignmentOpensLevelByLevelWithTheKeyboardAndReadsOnAPhone() {
		ApiClient admin = ApiClient.admin(port);
		String suffix = Long.toString(System.nanoTime(), 36);
		LocalDate today = LocalDate.now();
		String cycle = admin.post("/api/v1/cycles", Map.of("name", "Aligned " + suffix, "startDate",
				today.minusDays(5).toString(), "endDate", today.plusDays(80).toString())).str("/id");
		String parent = admin.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Win the market " + suffix,
				"level", "COMPANY")).str("/id");
		for (String title : List.of("Ship the app", "Open two offices")) {
			admin.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", title + " " + suffix, "level", "COMPANY",
					"parentId", parent));
		}

		try (Chrome chrome = Chrome.open(port)) {
			chrome.signIn("admin", "open-sesame-test-run");
			chrome.go("/alignment?cycleId=" + cycle);
			chrome.find(By.cssSelector(".chart.alignment svg"));
			var summary = chrome.find(By.cssSelector("ul.tree details.aligned summary"));
			assertThat(summary.getText()).isEqualTo("2 objectives aligned to it");
			summary.sendKeys(Keys.ENTER);
			assertThat(chrome.text(By.cssSelector("ul.tree details.aligned ul"), t -> t.contains("Ship the app")))
				.contains("Open two offices " + suffix, "Ship the app " + suffix);
			chrome.driver().manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
			assertThat(chrome.find(By.cssSelector("ul.tree")).isDisplayed()).isTrue();
			assertThat(chrome.driver().findElement(By.cssSelector(".alignment-map")).isDisplayed())
				.as("no map of overlapping labels on a phone").isFalse();
			byte[] png = ((org.openqa.selenium.TakesScreenshot) chrome.driver()).getScreenshotAs(
					org.openqa.selenium.OutputType.BYTES);
			try {
				java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/screenshots"));
				java.nio.file.Files.write(java.nio.file.Path.of("target/screenshots/alignment-phone.png"), png);
			}
			catch (java.io.IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		}
	}

	@Test
	void theKpiBoardShowsMoreWithTheKeyboardAndAKeyResultFindsItsKpiBySearch() {
		ApiClient admin = ApiClient.admin(port);
		String suffix = Long.toString(System.nanoTime(), 36);
		String team = admin.post("/api/v1/teams", Map.of("name", "Board team " + suffix)).str("/id");
		LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
		for (int i = 1; i <= 40; i++) {
			String key = "bk%02d-%s".formatted(i, suffix);
			admin.post("/api/v1/kpis", Map.of("key", key, "name", "Board %02d %s".formatted(i, suffix), "direction",
					"HIGHER_IS_BETTER", "target", 100, "frequency", "DAILY", "aggregation", "LAST", "perspective",
					"CUSTOMER", "teamId", team));
			admin.post("/api/v1/kpis/" + key + "/measurements", List.of(
					Map.of("at", today.minusDays(2) + "T12:00:00Z", "value", 60 + i),
					Map.of("at", today.minusDays(1) + "T12:00:00Z", "value", 70 + i)));
		}
		String cycle = admin.post("/api/v1/cycles", Map.of("name", "Board cycle " + suffix, "startDate",
				today.minusDays(5).toString(), "endDate", today.plusDays(80).toString())).str("/id");

		try (Chrome chrome = Chrome.open(port)) {
			chrome.signIn("admin", "open-sesame-test-run");
			chrome.go("/kpis?teamId=" + team);
			assertThat(chrome.driver().findElements(By.cssSelector(".kpi-card"))).hasSize(24);
			((JavascriptExecutor) chrome.driver()).executeScript("window.tandemMark = 'same page'");
			var more = chrome.find(By.cssSelector(".kpi-board .more button"));
			assertThat(more.getText()).isEqualTo("Show 16 more (of 16 left)");
			more.sendKeys(Keys.ENTER);
			chrome.waitFor(d -> d.findElements(By.cssSelector(".kpi-card")).size() == 40);
			chrome.waitFor(d -> ("Board 25 " + suffix).equals(d.switchTo().activeElement().getText()));
			// the cards it brought draw their sparklines too
			chrome.waitFor(d -> d.findElements(By.cssSelector("#kpi-bk40-" + suffix + " .spark canvas, #kpi-bk40-"
					+ suffix + " .spark svg")).size() > 0);
			assertThat(((JavascriptExecutor) chrome.driver()).executeScript("return window.tandemMark")).as("no reload")
				.isEqualTo("same page");
			chrome.screenshot("kpi-board-more");

			// a key result measured by the 37th of them: not among the first offered, found by its name
			chrome.go("/okrs/new?cycleId=" + cycle);
			assertThat(chrome.find(By.id("kr-kpi-0")).getText()).doesNotContain("Board 37 " + suffix);
			chrome.choose("kr-kpi-0", "Board 37 " + suffix + " (bk37-" + suffix + ")");
			assertThat(chrome.find(By.cssSelector("#kr-kpi-0 option:checked")).getText())
				.isEqualTo("Board 37 " + suffix + " (bk37-" + suffix + ")");
		}
	}
}
