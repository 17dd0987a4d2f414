package app.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.tandem.ApiClient;
import app.tandem.PageSession;
import app.tandem.TandemIntegrationTest;

/**
 * The balanced scorecard over HTTP: the four perspectives, each with its KPIs and their status, and the objectives
 * of the cycle that its KPIs measure, only those the person may see; in German for a German browser; and sign-in
 * first.
 */
@TandemIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScorecardPageIntegrationTests {

	private static final String PASSWORD = "scorecard-password-1";

	@LocalServerPort
	int port;

	private ApiClient admin;

	private String suffix;

	private String cycle;

	private String churn;

	private String objective;

	@BeforeAll
	void organisation() {
		admin = ApiClient.admin(port);
		suffix = Long.toString(System.nanoTime(), 36);
		String team = admin.post("/api/v1/teams", Map.of("key", "sc-" + suffix, "name", "Scorecard team " + suffix))
			.str("/id");
		String other = admin.post("/api/v1/teams", Map.of("key", "sf-" + suffix, "name", "Far team " + suffix))
			.str("/id");
		String mia = person("mia", team);
		person("ned", other);
		LocalDate today = LocalDate.now();
		cycle = admin.post("/api/v1/cycles", Map.of("name", "Scorecard " + suffix, "startDate",
				today.minusDays(30).toString(), "endDate", today.plusDays(60).toString())).str("/id");
		churn = "sc-churn-" + suffix;
		var created = admin.post("/api/v1/kpis", Map.of("key", churn, "name", "Churned accounts " + suffix, "direction",
				"LOWER_IS_BETTER", "target", 5, "warningThreshold", 10, "frequency", "WEEKLY", "aggregation", "LAST",
				"perspective", "FINANCIAL", "unit", "accounts", "teamId", team));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		String kpiId = created.str("/id");
		measure(churn, 8, 11, 14);
		var linked = admin.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Keep our accounts " + suffix,
				"level", "TEAM", "teamId", team, "ownerId", mia, "keyResults", List.of(Map.of("title",
						"Churn down to 5", "type", "DECREASE", "startValue", 14, "targetValue", 5, "kpiId", kpiId))));
		assertThat(linked.status()).as(linked.text()).isEqualTo(201);
		objective = linked.str("/id");
		var secret = admin.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Quiet buyout " + suffix,
				"level", "TEAM", "teamId", team, "ownerId", mia, "visibility", "PRIVATE", "keyResults",
				List.of(Map.of("title", "Fewer churned accounts", "type", "DECREASE", "startValue", 14, "targetValue", 8,
						"kpiId", kpiId))));
		assertThat(secret.status()).as(secret.text()).isEqualTo(201);
		admin.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Unmeasured work " + suffix, "level",
				"TEAM", "teamId", team, "keyResults", List.of(Map.of("title", "Ship it", "type", "MILESTONE"))));
	}

	private String person(String name, String team) {
		String id = admin.post("/api/v1/users", Map.of("username", name + "-" + suffix, "name", name + " " + suffix,
				"password", PASSWORD)).str("/id");
		admin.put("/api/v1/teams/" + team + "/members/" + id, Map.of("role", "MEMBER"));
		return id;
	}

	/** One value a week, the last in this week. */
	private void measure(String key, double... values) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int i = 0; i < values.length; i++) {
			rows.add(Map.of("at", now.minus(7L * (values.length - 1 - i), ChronoUnit.DAYS).minusSeconds(60).toString(),
					"value", values[i]));
		}
		var answer = admin.post("/api/v1/kpis/" + key + "/measurements", rows);
		assertThat(answer.status()).as(answer.text()).isEqualTo(200);
	}

	private PageSession as(String name) {
		return PageSession.signedIn(port, name + "-" + suffix, PASSWORD);
	}

	/** The quadrant of a perspective, from its opening to the next one's (or the end). */
	private static String quadrant(String page, String perspective) {
		int start = page.indexOf("id=\"perspective-" + perspective + "\"");
		assertThat(start).as(perspective).isNotNegative();
		int end = page.indexOf("<article", start);
		return page.substring(start, end < 0 ? page.length() : end);
	}

	@Test
	void withoutASessionTheScorecardSendsToSignIn() {
		var answer = PageSession.anonymous(port).get("/scorecard");
		assertThat(answer.statusCode()).isEqualTo(302);
		assertThat(answer.headers().firstValue("Location")).get().asString().endsWith("/login");
	}

	@Test
	void theFourPerspectivesShowTheirKpisWithStatusAndTheObjectivesTheyMeasure() {
		var page = as("mia").get("/scorecard?cycleId=" + cycle);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<h1>Balanced scorecard</h1>", ">Financial<", ">Customer<",
				">Internal process<", ">Learning and growth<", "aria-current=\"page\"", "href=\"/scorecard?cycleId=");
		String financial = quadrant(page.body(), "FINANCIAL");
		assertThat(financial).contains("id=\"sc-kpi-" + churn + "\"", "href=\"/kpis/" + churn + "\"",
				"Churned accounts " + suffix, ">14<", ">accounts<", "status-RED", ">Red<",
				"Keep our accounts " + suffix, "href=\"/okrs/objectives/" + objective + "\"", "role=\"img\"")
			.doesNotContain("Unmeasured work");
		// other tests of the shared application add KPIs too: at least this one is counted red
		assertThat(financial).containsPattern("Red: [1-9]");
		assertThat(financial).as("a private objective its owner may see").contains("Quiet buyout " + suffix);
		assertThat(quadrant(page.body(), "CUSTOMER")).doesNotContain(churn, "Keep our accounts");
	}

	@Test
	void aPrivateObjectiveStaysHiddenFromWhoMayNotSeeIt() {
		// private: to its owner (mia), the team's leads and admins; ned is in another team
		var page = as("ned").get("/scorecard?cycleId=" + cycle);
		assertThat(page.statusCode()).isEqualTo(200);
		String financial = quadrant(page.body(), "FINANCIAL");
		assertThat(financial).contains("Churned accounts " + suffix, "Keep our accounts " + suffix)
			.doesNotContain("Quiet buyout");
	}

	@Test
	void theScorecardSpeaksGerman() {
		var page = as("mia").get("/scorecard?cycleId=" + cycle, Map.of("Accept-Language", "de-DE,de;q=0.9"));
		assertThat(page.body()).contains("lang=\"de\"", "<h1>Balanced Scorecard</h1>", ">Finanzen<", ">Kunden<",
				">Interne Prozesse<", ">Lernen und Entwicklung<", ">Objectives<");
		assertThat(page.body()).containsPattern("Rot: [1-9]");
	}
}
