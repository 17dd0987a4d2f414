package app.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
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
 * The KPI pages over HTTP as a team member's browser gets them: the board with each KPI's value, status, trend and
 * sparkline, narrowed by its filters; a KPI's page with its chart, context, latest values and, when it is red, the
 * recovery objective Tandem proposes; an unknown KPI is a page saying so; and all of it in German for a German
 * browser.
 */
@TandemIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KpiPagesIntegrationTests {

	private static final String PASSWORD = "kpi-pages-password-1";

	@LocalServerPort
	int port;

	private ApiClient admin;

	private String suffix;

	private String team;

	private String visitors;

	private String churn;

	@BeforeAll
	void organisation() {
		admin = ApiClient.admin(port);
		suffix = Long.toString(System.nanoTime(), 36);
		team = admin.post("/api/v1/teams", Map.of("key", "kp-" + suffix, "name", "Growth team " + suffix)).str("/id");
		String kim = admin.post("/api/v1/users", Map.of("username", "kim-" + suffix, "name", "Kim " + suffix,
				"password", PASSWORD)).str("/id");
		admin.put("/api/v1/teams/" + team + "/members/" + kim, Map.of("role", "MEMBER"));
		String lou = admin.post("/api/v1/users", Map.of("username", "lou-" + suffix, "name", "Lou " + suffix,
				"password", PASSWORD)).str("/id");
		admin.put("/api/v1/teams/" + team + "/members/" + lou, Map.of("role", "LEAD"));
		LocalDate today = LocalDate.now();
		admin.post("/api/v1/cycles", Map.of("name", "Kpi " + suffix, "startDate", today.minusDays(30).toString(),
				"endDate", today.plusDays(60).toString()));
		visitors = "visitors-" + suffix;
		var created = admin.post("/api/v1/kpis", kpi(visitors, "Website visitors " + suffix, Map.of("definition",
				"Unique visitors of the website per week", "reason", "Every lead starts as a visit", "dataSource",
				"Web analytics, nightly export")));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		// six weeks rising from 30,000 to 38,500: amber (below the target of 40,000, above the warning at 32,000)
		measure(visitors, 30000, 31700, 33400, 35100, 36800, 38500);
		churn = "churn-" + suffix;
		admin.post("/api/v1/kpis", kpi(churn, "Churned customers " + suffix, Map.of("direction", "LOWER_IS_BETTER",
				"target", 5, "warningThreshold", 10, "perspective", "FINANCIAL", "indicator", "LAGGING", "unit",
				"customers", "aggregation", "LAST")));
		measure(churn, 8, 11, 14);
		admin.post("/api/v1/kpis", kpi("signups-" + suffix, "Newsletter sign-ups " + suffix, Map.of()));
		var old = admin.post("/api/v1/kpis/signups-" + suffix + "/measurements", List.of(Map.of("at",
				Instant.now().minus(30, ChronoUnit.DAYS).toString(), "value", 41000)));
		assertThat(old.status()).as(old.text()).isEqualTo(200);
	}

	private Map<String, Object> kpi(String key, String name, Map<String, Object> extra) {
		Map<String, Object> kpi = new HashMap<>(Map.of("key", key, "name", name, "direction", "HIGHER_IS_BETTER",
				"target", 40000, "warningThreshold", 32000, "frequency", "WEEKLY", "aggregation", "SUM", "perspective",
				"CUSTOMER", "indicator", "LEADING", "unit", "visitors"));
		kpi.put("teamId", team);
		kpi.putAll(extra);
		return kpi;
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

	private PageSession kim() {
		return PageSession.signedIn(port, "kim-" + suffix, PASSWORD);
	}

	@Test
	void withoutASessionTheKpiPagesSendToSignIn() {
		for (String page : List.of("/kpis", "/kpis/" + visitors)) {
			var answer = PageSession.anonymous(port).get(page);
			assertThat(answer.statusCode()).as(page).isEqualTo(302);
			assertThat(answer.headers().firstValue("Location")).get().asString().endsWith("/login");
		}
	}

	@Test
	void theBoardShowsEachKpiWithItsValueStatusTrendAndSparkline() {
		// the team's: among the suite's many KPIs the whole board shows each perspective's first 24 by name
		var board = kim().get("/kpis?teamId=" + team);
		assertThat(board.statusCode()).isEqualTo(200);
		String card = card(board.body(), visitors);
		assertThat(card).contains("Website visitors " + suffix, "href=\"/kpis/" + visitors + "\"", ">38,500<",
				">visitors<", "status-AMBER", ">Amber<", "trend-GOOD", "Rising, good", "data-chart=", "Growth team "
						+ suffix, "Leading", "Weekly")
			.doesNotContain("Stale");
		assertThat(card(board.body(), "signups-" + suffix)).as("a weekly KPI without a value for a month")
			.contains(">41,000<", "status-GREEN", "class=\"stale\"", ">Stale<");
		assertThat(card(board.body(), churn)).contains(">14<", "status-RED", ">Red<", "trend-BAD", "Rising, bad");
		assertThat(board.body()).contains("aria-current=\"page\"", "<label for=\"f-team\">Team</label>",
				"<label for=\"f-perspective\">Perspective</label>", "<label for=\"f-indicator\">Kind</label>");
	}

	@Test
	void theBoardsFiltersNarrowItByTeamPerspectiveAndKind() {
		PageSession kim = kim();
		assertThat(kim.get("/kpis?perspective=FINANCIAL&teamId=" + team).body()).contains("id=\"kpi-" + churn + "\"")
			.doesNotContain("id=\"kpi-" + visitors + "\"");
		assertThat(kim.get("/kpis?indicator=LEADING&teamId=" + team).body()).contains("id=\"kpi-" + visitors + "\"")
			.doesNotContain("id=\"kpi-" + churn + "\"");
		var selected = kim.get("/kpis?indicator=LAGGING").body();
		assertThat(selected).contains("value=\"LAGGING\" selected=\"selected\"").doesNotContain("id=\"kpi-" + visitors
				+ "\"");
		String elsewhere = admin.post("/api/v1/teams", Map.of("key", "kq-" + suffix, "name", "Quiet team " + suffix))
			.str("/id");
		assertThat(kim.get("/kpis?teamId=" + elsewhere).body()).doesNotContain("id=\"kpi-" + visitors + "\"",
				"id=\"kpi-" + churn + "\"");
	}

	@Test
	void theKpiPageShowsItsChartContextAndLatestValues() {
		var page = kim().get("/kpis/" + visitors);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<h1 class=\"grow\">Website visitors " + suffix + "</h1>", "status-AMBER",
				"Target", "40,000 visitors", "Warning threshold", "32,000 visitors", "Unique visitors of the website per week",
				"Every lead starts as a visit", "Web analytics, nightly export", "class=\"chart\"", "data-chart=",
				"markArea", "markLine", "Latest values", "<td class=\"num\">38,500</td>", "<td class=\"num\">35,100</td>")
			.doesNotContain("Propose a recovery OKR");
		assertThat(page.body()).as("the buckets, the KPI's own shown").contains("href=\"/kpis/" + visitors
				+ "?bucket=DAY\"", "href=\"/kpis/" + visitors + "?bucket=MONTH\"", "aria-current=\"true\">Week</a>");
		var monthly = kim().get("/kpis/" + visitors + "?bucket=MONTH");
		assertThat(monthly.statusCode()).isEqualTo(200);
		assertThat(monthly.body()).contains("aria-current=\"true\">Month</a>");
	}

	@Test
	void peopleTalkUnderAKpi() {
		String id = admin.get("/api/v1/kpis/" + visitors).str("/id");
		assertThat(kim().get("/kpis/" + visitors).body()).contains("hx-get=\"/comments/kpis/" + id + "\"");
		PageSession kim = kim();
		kim.get("/kpis/" + visitors);
		var added = kim.htmxPost("/comments/kpis/" + visitors, Map.of("body", "The dip is the holiday week"));
		assertThat(added.statusCode()).isEqualTo(200);
		assertThat(added.body()).contains("Comments (1)", "The dip is the holiday week");
		assertThat(kim.get("/comments/kpis/" + id).body()).contains("The dip is the holiday week");
	}

	@Test
	void aRedKpiShowsTheRecoveryObjectiveTandemProposesToEveryoneAndTheButtonToWhoMayCreateIt() {
		var page = kim().get("/kpis/" + churn);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("Propose a recovery OKR", "Bring Churned customers " + suffix
				+ " back on target", "Churned customers " + suffix + " from 14 to 5", "Decrease",
				"A lead of the team (or an admin) can create it").doesNotContain("Create this objective");
		assertThat(PageSession.signedIn(port, "lou-" + suffix, PASSWORD).get("/kpis/" + churn).body())
			.contains("Create this objective", "action=\"/kpis/" + churn + "/recovery-okr\"");
		var german = kim();
		german.get("/?lang=de");
		assertThat(german.get("/kpis/" + churn).body()).as("the proposal in the page's words").contains(
				"Churned customers " + suffix + " wieder ins Ziel bringen", "Churned customers " + suffix + " von 14 auf 5",
				"steht auf Rot bei 14").doesNotContain("back on target", "auf RED");
	}

	@Test
	void aLeadCreatesTheRecoveryObjectiveWithOneClickAndIsSentToIt() {
		PageSession lou = PageSession.signedIn(port, "lou-" + suffix, PASSWORD);
		lou.get("/kpis/" + churn);
		var created = lou.htmxPost("/kpis/" + churn + "/recovery-okr", Map.of());
		assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
		String location = created.headers().firstValue("Location").orElseThrow();
		assertThat(location).contains("/okrs/objectives/");
		var objective = admin.get("/api/v1/objectives/" + location.substring(location.lastIndexOf('/') + 1)).json();
		assertThat(objective.get("title").asString()).isEqualTo("Bring Churned customers " + suffix + " back on target");
		assertThat(objective.get("teamId").asString()).isEqualTo(team);
		String kpiId = admin.get("/api/v1/kpis/" + churn).str("/id");
		assertThat(objective.get("keyResults").get(0).get("kpiId").asString()).isEqualTo(kpiId);
		assertThat(lou.get("/kpis/" + churn).body()).as("the KPI's page lists the key result it measures now")
			.contains("Churned customers " + suffix + " from 14 to 5</a>");
		assertThat(kim().postWithoutToken("/kpis/" + churn + "/recovery-okr", Map.of()).statusCode()).isEqualTo(403);
	}

	@Test
	void anUnknownKpiIsAPageSayingSo() {
		var page = kim().get("/kpis/no-such-kpi-" + suffix);
		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.body()).contains("Nothing here", "<html");
	}

	@Test
	void theKpiPagesSpeakGerman() {
		PageSession kim = kim();
		Map<String, String> german = Map.of("Accept-Language", "de-DE,de;q=0.9");
		assertThat(kim.get("/kpis", german).body()).contains("lang=\"de\"", "Perspektive", "Frühindikator", "Kunden",
				"Wöchentlich", "Steigend, gut", "Filtern");
		assertThat(kim.get("/kpis/" + visitors, german).body()).contains("Warnschwelle", "Letzte Werte", "Datenquelle",
				"Was sie misst", "Messwerte", "Alle KPIs");
	}

	/** The card of one KPI on the board. */
	private static String card(String board, String key) {
		int start = board.indexOf("id=\"kpi-" + key + "\"");
		assertThat(start).as("card of " + key).isPositive();
		return board.substring(start, board.indexOf("</li>", start));
	}

	@Test
	void anUploadIsPreviewedRowByRowAndStoredOnlyWhenEveryRowIsValid() {
		String key = "uploads-" + suffix;
		admin.post("/api/v1/kpis", kpi(key, "Uploaded visitors " + suffix, Map.of()));
		PageSession lou = PageSession.signedIn(port, "lou-" + suffix, PASSWORD);
		assertThat(lou.get("/kpis/" + key).body()).contains("Add values", "hx-post=\"/kpis/" + key + "/values/preview\"",
				"<label for=\"upload-file\">CSV file</label>");
		String day = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(1, ChronoUnit.DAYS).toString();
		String later = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(1, ChronoUnit.DAYS).plusSeconds(3600).toString();

		var bad = lou.htmxPost("/kpis/" + key + "/values/preview", Map.of("csv", "at,value\n" + day + ",120\n" + later
				+ ",many\n"));
		assertThat(bad.statusCode()).isEqualTo(422);
		assertThat(bad.body()).contains("1 row needs fixing; nothing was stored.", "Line 3, value: is not a number: many")
			.doesNotContain("Store ");
		var good = lou.htmxPost("/kpis/" + key + "/values/preview", Map.of("csv", "at,value\n" + day + ",120\n" + later
				+ ",130\n"));
		assertThat(good.statusCode()).isEqualTo(200);
		assertThat(good.body()).contains("Store 2 values", ">130<", "One of 2 values that day");
		assertThat(admin.get("/api/v1/kpis/" + key).json().get("latestValue").isNull()).as("a preview stores nothing")
			.isTrue();

		var stored = lou.post("/kpis/" + key + "/values", Map.of("csv", "at,value\n" + day + ",120\n" + later
				+ ",130\n"));
		assertThat(stored.statusCode()).isEqualTo(302);
		assertThat(stored.headers().firstValue("Location")).get().asString().endsWith("/kpis/" + key + "?stored=2");
		assertThat(lou.get("/kpis/" + key + "?stored=2").body()).contains("2 values stored.");
		assertThat(admin.get("/api/v1/kpis/" + key).json().get("latestValue").asDouble()).isEqualTo(250);

		// what each row would do to what is stored now, before anything more is
		String third = Instant.parse(day).plusSeconds(7200).toString();
		String date = Instant.parse(day).minus(1, ChronoUnit.DAYS).toString().substring(0, 10);
		var effects = lou.htmxPost("/kpis/" + key + "/values/preview", Map.of("csv", "at,value\n" + day + ",120\n"
				+ later + ",125\n" + third + ",5\n" + date + ",1\n"));
		assertThat(effects.statusCode()).isEqualTo(200);
		assertThat(effects.body()).contains("Already stored: changes nothing", "Replaces 130 stored at that instant",
				"One of 3 values that day", "the day&#39;s value (the sum of its values): 250",
				"a day without a time: read as 00:00 UTC");
		assertThat(admin.get("/api/v1/kpis/" + key).json().get("latestValue").asDouble()).isEqualTo(250);
	}

	@Test
	void aMemberWhoMayNotFeedTheKpiIsToldAndNothingIsStored() {
		String key = "guarded-" + suffix;
		admin.post("/api/v1/kpis", kpi(key, "Guarded visitors " + suffix, Map.of()));
		PageSession kim = kim();
		kim.get("/kpis/" + key);
		var refused = kim.post("/kpis/" + key + "/values", Map.of("csv", "at,value\n"
				+ Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS) + ",5\n"));
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(refused.body()).contains("Only an admin, a lead of its team or its owner may add values");
		assertThat(admin.get("/api/v1/kpis/" + key).json().get("latestValue").isNull()).isTrue();
	}
}
