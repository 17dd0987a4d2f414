package app.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.tandem.ApiClient;
import app.tandem.Chrome;
import app.tandem.TandemIntegrationTest;

/**
 * A team member in a real browser: opens the KPI board, sees each card's sparkline drawn, clicks a card and finds
 * the KPI's chart drawn with its values, then reaches a red KPI's page from the keyboard.
 */
@TandemIntegrationTest
class KpiBrowserTests {

	private static final String PASSWORD = "kpi-browser-password-1";

	@LocalServerPort
	int port;

	private ApiClient admin;

	private String team;

	@Test
	void aMemberOpensTheBoardClicksACardAndSeesTheKpisChart() {
		admin = ApiClient.admin(port);
		String suffix = Long.toString(System.nanoTime(), 36);
		team = admin.post("/api/v1/teams", Map.of("key", "kb-" + suffix, "name", "Growth " + suffix)).str("/id");
		String user = "lia-" + suffix;
		String lia = admin.post("/api/v1/users", Map.of("username", user, "name", "Lia", "password", PASSWORD))
			.str("/id");
		admin.put("/api/v1/teams/" + team + "/members/" + lia, Map.of("role", "MEMBER"));
		LocalDate today = LocalDate.now();
		String cycle = admin.post("/api/v1/cycles", Map.of("name", "Board " + suffix, "startDate",
				today.minusDays(40).toString(), "endDate", today.plusDays(50).toString())).str("/id");
		String visitors = "visitors-" + suffix;
		String name = "Website visitors " + suffix;
		admin.post("/api/v1/kpis", kpi(visitors, name, Map.of("definition", "Unique visitors of the website per week",
				"reason", "Every lead starts as a visit", "dataSource", "Web analytics, nightly export", "reviewEveryDays",
				30)));
		measure(visitors, 29000, 30500, 30100, 32800, 34000, 33600, 36100, 37900);
		var objective = admin.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Be found " + suffix,
				"level", "TEAM", "teamId", team, "ownerId", lia, "keyResults", List.of(Map.of("title",
						"Reach 45,000 visitors a week", "type", "INCREASE", "startValue", 29000, "targetValue", 45000,
						"ownerId", lia, "kpiId", visitors))));
		assertThat(objective.status()).as(objective.text()).isEqualTo(201);
		String churn = "churn-" + suffix;
		admin.post("/api/v1/kpis", kpi(churn, "Churned customers " + suffix, Map.of("direction", "LOWER_IS_BETTER",
				"target", 5, "warningThreshold", 10, "perspective", "FINANCIAL", "indicator", "LAGGING", "unit",
				"customers", "aggregation", "LAST", "definition", "Customers who cancelled in the week")));
		measure(churn, 7, 6, 9, 8, 12, 15);
		admin.post("/api/v1/kpis", kpi("nps-" + suffix, "Net promoter score " + suffix, Map.of("direction",
				"WITHIN_RANGE", "lowerBound", 40, "upperBound", 60, "warningMargin", 5, "unit", "points", "aggregation",
				"AVG", "frequency", "MONTHLY")));
		measure("nps-" + suffix, 52, 55, 58, 61, 60, 62, 63, 62);

		try (Chrome chrome = Chrome.open(port)) {
			chrome.signIn(user, PASSWORD);
			chrome.go("/kpis?teamId=" + team);
			chrome.find(By.cssSelector("#kpi-" + visitors + " .spark svg"));
			chrome.screenshot("kpi-board");

			chrome.find(By.linkText(name)).click();
			chrome.find(By.cssSelector(".chart svg"));
			assertThat(chrome.text(By.cssSelector("#content h1"), name::equals)).isEqualTo(name);
			assertThat(chrome.driver().findElements(By.cssSelector(".chart svg path")).size()).isPositive();
			assertThat(chrome.find(By.cssSelector(".kpi-links")).getText()).contains("Reach 45,000 visitors a week");
			chrome.screenshot("kpi-detail");

			chrome.find(By.cssSelector("a[aria-current=true]"));
			chrome.find(By.linkText("Day")).click();
			chrome.find(By.cssSelector(".chart svg"));
			assertThat(chrome.text(By.cssSelector("a[aria-current=true]"), "Day"::equals)).isEqualTo("Day");

			chrome.go("/kpis?teamId=" + team);
			chrome.find(By.linkText("Churned customers " + suffix)).sendKeys(Keys.ENTER);
			String recovery = "Bring Churned customers " + suffix;
			assertThat(chrome.text(By.cssSelector(".recovery"), t -> t.contains(recovery))).contains(recovery);
			chrome.find(By.cssSelector(".chart svg"));
			chrome.screenshot("kpi-red");
		}
	}

	private Map<String, Object> kpi(String key, String name, Map<String, Object> extra) {
		Map<String, Object> kpi = new HashMap<>(Map.of("key", key, "name", name, "direction", "HIGHER_IS_BETTER",
				"target", 40000, "warningThreshold", 32000, "frequency", "WEEKLY", "aggregation", "SUM", "perspective",
				"CUSTOMER", "indicator", "LEADING", "unit", "visitors"));
		kpi.put("teamId", team);
		kpi.putAll(extra);
		return kpi;
	}

	private void measure(String key, double... values) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int i = 0; i < values.length; i++) {
			rows.add(Map.of("at", now.minus(7L * (values.length - 1 - i), ChronoUnit.DAYS).minusSeconds(60).toString(),
					"value", values[i]));
		}
		assertThat(admin.post("/api/v1/kpis/" + key + "/measurements", rows).status()).isEqualTo(200);
	}
}
