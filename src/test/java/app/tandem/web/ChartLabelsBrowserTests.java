package app.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.tandem.ApiClient;
import app.tandem.Chrome;
import app.tandem.TandemIntegrationTest;

/**
 * A key result's chart read as a person reads it, in German: the axes' labels are numbers without a float's
 * artefact, written with a decimal comma, months by their German names, and no label drawn over another.
 */
@TandemIntegrationTest
class ChartLabelsBrowserTests {

	@LocalServerPort
	int port;

	@Test
	void theAxesOfAKeyResultsChartReadCleanlyInGerman() {
		ApiClient admin = ApiClient.admin(port);
		String s = Long.toString(System.nanoTime(), 36);
		LocalDate today = LocalDate.now();
		String cycle = admin.post("/api/v1/cycles", Map.of("name", "Axes " + s, "startDate",
				today.minusDays(60).toString(), "endDate", today.plusDays(30).toString())).str("/id");
		var objective = admin.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Axes " + s, "level",
				"COMPANY", "keyResults", List.of(Map.of("title", "Conversion " + s, "type", "INCREASE", "startValue", 0.1,
						"targetValue", 1.3, "unit", "%"))));
		String kr = objective.str("/keyResults/0/id");
		double[] values = { 0.1 + 0.2, 0.7000000000000001, 17.400000000000002 / 20 };
		for (int i = 0; i < values.length; i++) {
			admin.post("/api/v1/key-results/" + kr + "/check-ins", Map.of("value", values[i], "at",
					today.minusDays(40 - 15L * i).atTime(10, 0).toInstant(java.time.ZoneOffset.UTC).toString()));
		}

		try (Chrome chrome = Chrome.open(port)) {
			chrome.signIn("admin", "open-sesame-test-run");
			chrome.go("/okrs/objectives/" + objective.str("/id") + "?lang=de");
			chrome.waitFor(d -> !d.findElements(By.cssSelector("#kr-" + kr + " .chart svg text")).isEmpty());
			@SuppressWarnings("unchecked")
			List<Map<String, Object>> labels = (List<Map<String, Object>>) ((JavascriptExecutor) chrome.driver())
				.executeScript("""
						return [...document.querySelectorAll(arguments[0] + ' .chart svg text')]
						  .filter(t => t.getBBox().width > 0)
						  .map(t => { const b = t.getBoundingClientRect();
						    return {text: t.textContent, x: b.left, y: b.top, w: b.width, h: b.height}; });""",
						"#kr-" + kr);
			List<String> texts = labels.stream().map(l -> (String) l.get("text")).toList();
			assertThat(texts).as("labels drawn").isNotEmpty();
			assertThat(texts).noneMatch(t -> t.matches(".*\\d[.,]\\d{3,}.*")).as("no float artefacts: %s", texts);
			assertThat(texts).anyMatch(t -> t.matches("\\d+,\\d+")).as("a decimal comma: %s", texts);
			assertThat(texts).noneMatch(t -> t.matches("\\d+\\.\\d+")).as("no decimal point: %s", texts);
			assertThat(String.join(" ", texts)).as("German month names: %s", texts)
				.containsAnyOf("Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez.");
			chrome.screenshot("chart-labels-de");
			for (int i = 0; i < labels.size(); i++) {
				for (int j = i + 1; j < labels.size(); j++) {
					assertThat(overlap(labels.get(i), labels.get(j))).as("%s over %s", labels.get(i), labels.get(j))
						.isFalse();
				}
			}
			chrome.go("/?lang=en");
		}
	}

	private static boolean overlap(Map<String, Object> a, Map<String, Object> b) {
		double ax = num(a, "x"), ay = num(a, "y"), aw = num(a, "w"), ah = num(a, "h");
		double bx = num(b, "x"), by = num(b, "y"), bw = num(b, "w"), bh = num(b, "h");
		return ax < bx + bw - 1 && bx < ax + aw - 1 && ay < by + bh - 1 && by < ay + ah - 1;
	}

	private static double num(Map<String, Object> m, String key) {
		return ((Number) m.get(key)).doubleValue();
	}
}
