package app.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.tandem.ApiClient;
import app.tandem.Chrome;
import app.tandem.TandemIntegrationTest;

/**
 * A team lead opens Health, sees the health score's parts, answers the readiness assessment (one statement
 * forgotten first: the message beside it, the other answers kept), and sees the scores per practice with next steps
 * and today's point in the history.
 */
@TandemIntegrationTest
class AssessmentBrowserTests {

	private static final String PASSWORD = "correct horse battery";

	@LocalServerPort
	int port;

	@Test
	void aTeamLeadAnswersTheAssessmentAndSeesScoresNextStepsAndHistory() {
		ApiClient admin = ApiClient.admin(port);
		String suffix = Long.toString(System.nanoTime(), 36);
		String team = admin.post("/api/v1/teams", Map.of("name", "Ready " + suffix)).str("/id");
		String lead = "lead-" + suffix;
		String id = admin.post("/api/v1/users", Map.of("username", lead, "name", "Lea Lead", "password", PASSWORD))
			.str("/id");
		admin.put("/api/v1/teams/" + team + "/members/" + id, Map.of("role", "LEAD"));
		admin.post("/api/v1/cycles", Map.of("name", "Ready " + suffix, "startDate", LocalDate.now().minusDays(1).toString(),
				"endDate", LocalDate.now().plusDays(80).toString()));
		List<String> keys = new ArrayList<>();
		admin.get("/api/v1/assessment/questions").json().get("questions").forEach(q -> keys.add(q.get("key").asString()));

		try (Chrome chrome = Chrome.open(port)) {
			chrome.signIn(lead, PASSWORD);
			chrome.find(By.linkText("Health")).click();
			assertThat(chrome.find(By.cssSelector("main h1")).getText()).startsWith("Health");
			chrome.choose("h-team", "Ready " + suffix);
			chrome.find(By.xpath("//button[normalize-space()='Show']")).click();
			assertThat(chrome.text(By.cssSelector("#part-CHECK_INS"), t -> t.contains("No key results")))
				.contains("No key results to check in yet.");

			// every statement "Sometimes" but the first, "Always"; the cadence question forgotten
			for (String key : keys) {
				if (!key.equals("fixed-cadence")) {
					answer(chrome, key, key.equals("leaders-set-objectives") ? 4 : 2);
				}
			}
			chrome.find(By.xpath("//button[normalize-space()='Save answers']")).click();
			assertThat(chrome.text(By.id("e-fixed-cadence"), t -> !t.isEmpty()))
				.isEqualTo("Choose one of the answers from 0 to 4.");
			assertThat(chrome.find(By.id("q-fixed-cadence")).getAttribute("aria-describedby")).isEqualTo("e-fixed-cadence");
			assertThat(chrome.find(radio("leaders-set-objectives", 4)).isSelected()).isTrue();
			assertThat(chrome.find(radio("weekly-check-ins", 2)).isSelected()).isTrue();
			chrome.screenshot("assessment-incomplete");

			answer(chrome, "fixed-cadence", 1);
			chrome.find(By.xpath("//button[normalize-space()='Save answers']")).click();
			assertThat(chrome.text(By.cssSelector("main .notice"), t -> !t.isEmpty())).startsWith("Your answers are saved");
			// executive support (4 + 2) / 2 = 3 of 4 = 75: strong; a regular cycle 1 of 4 = 25: weak, with next steps
			String executive = chrome.find(By.id("practice-executive-support")).getText();
			assertThat(executive).contains("75 / 100", "Strong").doesNotContain("Next steps");
			String cycle = chrome.find(By.id("practice-regular-cycle")).getText();
			assertThat(cycle).contains("25 / 100", "Weak", "Next steps", "Fix a cadence");
			// the history: a chart with today's point among those of the whole organisation
			chrome.find(By.cssSelector(".chart.assessment-history canvas, .chart.assessment-history svg"));
			String today = LocalDate.now(ZoneOffset.UTC).toString();
			assertThat(chrome.find(By.cssSelector(".chart.assessment-history")).getAttribute("aria-label")).contains(today);
			chrome.screenshot("assessment-answered");
		}
	}

	private static By radio(String key, int value) {
		return By.cssSelector("input[name='answer." + key + "'][value='" + value + "']");
	}

	private static void answer(Chrome chrome, String key, int value) {
		chrome.find(radio(key, value)).click();
	}
}
