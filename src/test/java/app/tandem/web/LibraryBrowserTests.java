package app.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.tandem.ApiClient;
import app.tandem.Chrome;
import app.tandem.TandemIntegrationTest;

/**
 * An admin in a real browser: opens the library from the navigation, filters it to the people KPIs, adopts the
 * employee turnover rate (a formula) for a team, is told what is wrong with a target that is no number, lands on
 * the new KPI's page, and finds the two inputs it brought on the team's KPI board.
 */
@TandemIntegrationTest
class LibraryBrowserTests {

	@LocalServerPort
	int port;

	@Test
	void anAdminFiltersTheLibraryAndAdoptsAFormulaKpiWithItsInputs() {
		ApiClient admin = ApiClient.admin(port);
		String suffix = Long.toString(System.nanoTime(), 36);
		String team = admin.post("/api/v1/teams", Map.of("key", "libb-" + suffix, "name", "People team " + suffix))
			.str("/id");
		String key = "turnover-" + suffix;

		try (Chrome chrome = Chrome.open(port)) {
			chrome.signIn("admin", "open-sesame-test-run");
			chrome.go("/");
			chrome.find(By.linkText("Library")).click();
			chrome.find(By.cssSelector("#kpi-conversion-rate"));
			new Select(chrome.find(By.id("f-function"))).selectByValue("PEOPLE");
			chrome.find(By.xpath("//button[normalize-space()='Filter']")).click();
			chrome.waitFor(d -> d.findElements(By.id("kpi-conversion-rate")).isEmpty());
			String card = "#kpi-employee-turnover-rate";
			assertThat(chrome.find(By.cssSelector(card + " h3")).getText()).isEqualTo("Employee turnover rate");
			chrome.screenshot("library-people");

			chrome.find(By.cssSelector(card + " summary")).click();
			new Select(chrome.find(By.id("adopt-employee-turnover-rate-team"))).selectByValue(team);
			assertThat(chrome.find(By.id("adopt-employee-turnover-rate-warning")).getAttribute("value")).isEqualTo("5");
			chrome.type(By.id("adopt-employee-turnover-rate-key"), key);
			chrome.type(By.id("adopt-employee-turnover-rate-target"), "lots");
			chrome.find(By.cssSelector(card + " button[type=submit]")).click();
			assertThat(chrome.text(By.id("adopt-employee-turnover-rate-target-error"), t -> !t.isBlank()))
				.isEqualTo("Enter a number, such as 12.5.");
			assertThat(chrome.find(By.id("adopt-employee-turnover-rate-key")).getAttribute("value")).isEqualTo(key);

			chrome.type(By.id("adopt-employee-turnover-rate-target"), "4");
			chrome.type(By.id("adopt-employee-turnover-rate-warning"), "6");
			chrome.find(By.cssSelector(card + " button[type=submit]")).click();
			assertThat(chrome.text(By.cssSelector("#content h1"), "Employee turnover rate"::equals))
				.isEqualTo("Employee turnover rate");
			assertThat(chrome.find(By.cssSelector("p.notice[role=status]")).getText())
				.contains("Adopted Employee turnover rate with 2 inputs");
			assertThat(chrome.driver().getCurrentUrl()).endsWith("/kpis/" + key);
			chrome.screenshot("library-adopted");

			chrome.go("/kpis?teamId=" + team);
			chrome.find(By.cssSelector("#kpi-" + key));
			assertThat(chrome.find(By.cssSelector("#kpi-employees-left .kpi-card-link")).getText())
				.isEqualTo("Employees who left");
			assertThat(chrome.find(By.cssSelector("#kpi-average-headcount .kpi-card-link")).getText())
				.isEqualTo("Average headcount");
		}
	}
}
