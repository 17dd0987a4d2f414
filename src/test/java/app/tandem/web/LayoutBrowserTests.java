package app.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.tandem.ApiClient;
import app.tandem.Chrome;

/**
 * Every page as a person sees it on a phone (in German, whose words are longest) and on a wide screen: it fits the
 * window without sideways scrolling, its text has WCAG AA contrast, every field and button has a name, and the
 * browser refused nothing under the Content-Security-Policy (src/test/resources/page-audit.js measures all four in
 * the browser).
 */
@AdminPagesContext
class LayoutBrowserTests {

	@LocalServerPort
	int port;

	@Test
	void everyPageFitsAPhoneAndAWideScreenReadablyWithNamedControls() throws IOException {
		ApiClient admin = ApiClient.admin(port);
		String suffix = Long.toString(System.nanoTime(), 36);
		String team = admin.post("/api/v1/teams", Map.of("key", "layout-" + suffix, "name", "Patient experience and "
				+ "digital front door " + suffix)).str("/id");
		LocalDate today = LocalDate.now();
		String cycle = admin.post("/api/v1/cycles", Map.of("name", "Layout " + suffix, "startDate",
				today.minusDays(40).toString(), "endDate", today.plusDays(50).toString())).str("/id");
		var objective = admin.post("/api/v1/objectives", Map.of("cycleId", cycle, "title",
				"Make every first appointment an experience patients recommend to their friends " + suffix, "level", "TEAM",
				"teamId", team, "keyResults", List.of(Map.of("title", "Raise the share of five-star reviews from 40 to 55",
						"type", "INCREASE", "startValue", 40, "targetValue", 55, "unit", "%"),
						Map.of("title", "Keep waiting time between 5 and 15 minutes", "type", "THRESHOLD", "minValue", 5,
								"maxValue", 15))));
		String objectiveId = objective.str("/id");
		String keyResult = objective.str("/keyResults/0/id");
		for (double value : new double[] { 42, 44, 47 }) {
			admin.post("/api/v1/key-results/" + keyResult + "/check-ins", Map.of("value", value, "confidence", 7,
					"note", "Reviews after the new reminder e-mail"));
		}
		admin.post("/api/v1/objectives/" + objectiveId + "/comments", Map.of("body", "Nice trend, keep it going"));
		String milestone = admin.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Open the patient portal "
				+ suffix, "level", "TEAM", "teamId", team, "keyResults", List.of(Map.of("title",
						"Launch online booking for every clinic in the region", "type", "MILESTONE")))).str("/keyResults/0/id");
		admin.post("/api/v1/key-results/" + milestone + "/check-ins", Map.of("achieved", true));
		String win = admin.get("/api/v1/wins?cycleId=" + cycle).str("/items/0/id");
		admin.post("/api/v1/wins/" + win + "/kudos", Map.of("note", "Huge thanks to everyone who made this happen"));
		String kpi = "layout-visits-" + suffix;
		admin.post("/api/v1/kpis", Map.ofEntries(Map.entry("key", kpi), Map.entry("name", "Website visitors " + suffix),
				Map.entry("direction", "HIGHER_IS_BETTER"), Map.entry("target", 40000), Map.entry("warningThreshold", 32000),
				Map.entry("frequency", "WEEKLY"), Map.entry("aggregation", "SUM"), Map.entry("perspective", "CUSTOMER"),
				Map.entry("indicator", "LEADING"), Map.entry("unit", "visitors"), Map.entry("teamId", team)));
		List<Map<String, Object>> values = new ArrayList<>();
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		for (int week = 0; week < 12; week++) {
			values.add(Map.of("at", now.minus(7L * week, ChronoUnit.DAYS).minusSeconds(60).toString(), "value",
					30000 + 700 * (12 - week)));
		}
		admin.post("/api/v1/kpis/" + kpi + "/measurements", values);
		// the health page with an assessment answered: its practices, next steps and chart
		Map<String, Object> answers = new java.util.HashMap<>();
		admin.get("/api/v1/assessment/questions").json().get("questions")
			.forEach(q -> answers.put(q.get("key").asString(), 1));
		admin.post("/api/v1/assessment", Map.of("answers", answers));

		String draft = admin.post("/api/v1/library/okrs/operations-team-delivery/adopt",
				Map.of("cycleId", cycle, "teamId", team)).str("/id");
		List<String> pages = List.of("/", "/okrs?cycleId=" + cycle, "/okrs/objectives/" + objectiveId,
				"/okrs/objectives/" + objectiveId + "/edit", "/okrs/new?cycleId=" + cycle, "/alignment?cycleId=" + cycle,
				"/kpis", "/kpis/" + kpi, "/scorecard?cycleId=" + cycle, "/coach?cycleId=" + cycle, "/cycles",
				"/cycles/" + cycle + "/review", "/search?q=" + suffix, "/tokens", "/admin/users", "/admin/teams",
				"/admin/audit", "/library/kpis", "/library/okrs", "/okrs/objectives/" + draft,
				"/health?cycleId=" + cycle + "&teamId=" + team, "/wins?cycleId=" + cycle, "/check-ins", "/kpis/new", "/kpis/tree",
				"/kpis/" + kpi + "/edit");
		String audit = script();
		List<String> problems = new ArrayList<>();
		try (Chrome chrome = Chrome.open(port)) {
			recordPolicyViolations(chrome);
			chrome.go("/login?lang=de");
			problems.addAll(audit(chrome, audit, "/login (de, phone)", 390));
			chrome.signIn("admin", "open-sesame-test-run");
			for (var screen : List.of(Map.entry("de", 390), Map.entry("en", 1280))) {
				chrome.go("/?lang=" + screen.getKey());
				for (String page : pages) {
					chrome.go(page);
					// the comments come a moment after the page, as a person sees them
					chrome.waitFor(d -> d.findElements(org.openqa.selenium.By.cssSelector("#comments [hx-get]")).isEmpty());
					problems.addAll(audit(chrome, audit, page + " (" + screen.getKey() + ", " + screen.getValue() + " px)",
							screen.getValue()));
				}
			}
			// the API's documentation runs under the Content-Security-Policy too
			chrome.go("/swagger-ui.html");
			chrome.find(org.openqa.selenium.By.cssSelector(".swagger-ui .opblock"));
			policyViolations(chrome).forEach(v -> problems.add("/swagger-ui.html: " + v));
		}
		assertThat(problems).isEmpty();
	}

	/** The sections sit on one line beside the brand, the cycle, the search and the person: German at 1366 px too. */
	@Test
	void theNavigationFitsOneLineOnAWideScreenInEitherLanguage() {
		ApiClient admin = ApiClient.admin(port);
		LocalDate today = LocalDate.now();
		admin.post("/api/v1/cycles", Map.of("name", "2099-Q4 wide " + Long.toString(System.nanoTime(), 36), "startDate",
				today.minusDays(5).toString(), "endDate", today.plusDays(50).toString()));
		try (Chrome chrome = Chrome.open(port)) {
			chrome.signIn("admin", "open-sesame-test-run");
			for (var screen : List.of(Map.entry("de", 1366), Map.entry("en", 1280))) {
				chrome.driver().manage().window().setSize(new Dimension(screen.getValue(), 900));
				chrome.go("/?lang=" + screen.getKey());
				@SuppressWarnings("unchecked")
				List<Number> tops = (List<Number>) ((JavascriptExecutor) chrome.driver()).executeScript("""
						return [...document.querySelectorAll('.topbar .brand, .mainnav a, .cycle-switch, .search, .usermenu')]
						  .map(e => Math.round(e.getBoundingClientRect().top + e.getBoundingClientRect().height / 2));""");
				Object widths = ((JavascriptExecutor) chrome.driver()).executeScript("""
						return innerWidth + ': ' + [...document.querySelectorAll('.topbar .brand, .mainnav a, .cycle-switch, .search, .usermenu')]
						  .map(e => e.className + '=' + Math.round(e.getBoundingClientRect().width)).join(', ');""");
				assertThat(tops).as("the middles of the top bar's parts, %s at %d px (%s)", screen.getKey(), screen.getValue(), widths)
					.allSatisfy(top -> assertThat(top.intValue()).isCloseTo(tops.get(0).intValue(), org.assertj.core.api.Assertions.within(6)));
			}
		}
	}

	/**
	 * Every page from its first byte reports what the Content-Security-Policy refused (an inline style or script, a
	 * source not allowed) to window.tandemPolicyViolations, which page-audit.js returns.
	 */
	private static void recordPolicyViolations(Chrome chrome) {
		((org.openqa.selenium.chromium.ChromiumDriver) chrome.driver()).executeCdpCommand(
				"Page.addScriptToEvaluateOnNewDocument", Map.of("source", """
						window.tandemPolicyViolations = [];
						document.addEventListener('securitypolicyviolation', function (e) {
						  window.tandemPolicyViolations.push(e.effectiveDirective + ' refused ' + (e.blockedURI || 'inline')
						    + ' at ' + (e.sourceFile || '') + ':' + e.lineNumber + ' ' + (e.sample || ''));
						});
						"""));
	}

	@SuppressWarnings("unchecked")
	private static List<String> policyViolations(Chrome chrome) {
		return (List<String>) ((JavascriptExecutor) chrome.driver())
			.executeScript("return window.tandemPolicyViolations || [];");
	}

	@SuppressWarnings("unchecked")
	private static List<String> audit(Chrome chrome, String script, String page, int width) {
		chrome.driver().manage().window().setSize(new Dimension(width, 900));
		Map<String, Object> found = (Map<String, Object>) ((JavascriptExecutor) chrome.driver()).executeScript(script);
		List<String> problems = new ArrayList<>();
		if (((Number) found.get("overflow")).intValue() > 0) {
			problems.add(page + ": wider than the window by " + found.get("overflow") + " px");
		}
		((List<String>) found.get("lowContrast")).forEach(text -> problems.add(page + ": low contrast " + text));
		((List<String>) found.get("unnamed")).forEach(control -> problems.add(page + ": no name for " + control));
		((List<String>) found.get("policyViolations")).forEach(v -> problems.add(page + ": Content-Security-Policy " + v));
		return problems;
	}

	private static String script() throws IOException {
		try (InputStream in = LayoutBrowserTests.class.getResourceAsStream("/page-audit.js")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}
}
