package app.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.tandem.ApiClient;
import app.tandem.PageSession;
import app.tandem.TandemIntegrationTest;

/**
 * Issue 16 item 5: the KPI board shows 24 cards per perspective with "Show more", Home a team's 12 most urgent KPIs
 * and the scorecard 10 per perspective, each with the way to the rest; a key result's "Measured by KPI" offers the
 * first 30 and a search. Read in the database a part at a time, so an organisation's thousand KPIs do not make
 * every page read a thousand.
 */
@TandemIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KpiListsIntegrationTests {

	private static final String PASSWORD = "kpi-lists-password-1";

	private static final Pattern CARD = Pattern.compile("<a class=\"kpi-card-link\" href=\"/kpis/([a-z0-9-]+)\">");

	private static final Pattern MORE = Pattern.compile("hx-get=\"([^\"]+)\"[^>]*>([^<]*)</button>");

	@LocalServerPort
	int port;

	private ApiClient admin;

	private String suffix;

	private String team;

	private String linId;

	/** The team's 30 customer KPIs by key, in the board's order (by name). */
	private final List<String> customer = new ArrayList<>();

	@BeforeAll
	void organisation() {
		admin = ApiClient.admin(port);
		suffix = Long.toString(System.nanoTime(), 36);
		team = admin.post("/api/v1/teams", Map.of("key", "kl-" + suffix, "name", "Lists team " + suffix)).str("/id");
		linId = admin.post("/api/v1/users", Map.of("username", "lin-" + suffix, "name", "Lin " + suffix,
				"password", PASSWORD)).str("/id");
		admin.put("/api/v1/teams/" + team + "/members/" + linId, Map.of("role", "LEAD"));
		// created in reverse: the board orders by name
		for (int i = 30; i >= 1; i--) {
			String key = kpi("c%02d".formatted(i), "Customer %02d".formatted(i), "CUSTOMER");
			customer.add(0, key);
		}
		kpi("f01", "Finance 01", "FINANCIAL");
		// two values each: red (below the warning threshold of 80) and green (at the target of 100)
		values("c02", 50, 60);
		values("c01", 120, 110);
	}

	private String kpi(String key, String name, String perspective) {
		Map<String, Object> body = new HashMap<>(Map.of("key", key + "-" + suffix, "name", name + " " + suffix,
				"direction", "HIGHER_IS_BETTER", "target", 100, "warningThreshold", 80, "frequency", "DAILY",
				"aggregation", "LAST", "perspective", perspective, "teamId", team));
		return admin.post("/api/v1/kpis", body).str("/key");
	}

	/** A value a day ago and one a minute ago: two days' values at any hour (none in the future). */
	private void values(String key, double yesterday, double today) {
		java.time.Instant now = java.time.Instant.now();
		var sent = admin.post("/api/v1/kpis/" + key + "-" + suffix + "/measurements",
				List.of(Map.of("at", now.minus(java.time.Duration.ofDays(1)).toString(), "value", yesterday),
						Map.of("at", now.minusSeconds(60).toString(), "value", today)));
		assertThat(sent.status()).as(sent.text()).isEqualTo(200);
	}

	@Test
	void theBoardShowsTwentyFourCardsOfAPerspectiveAndShowMoreBringsTheRest() {
		PageSession lin = PageSession.signedIn(port, "lin-" + suffix, PASSWORD);
		String board = lin.get("/kpis?teamId=" + team).body();
		List<String> first = cards(board);
		assertThat(first).as("the financial perspective, then the customer one's first part")
			.containsExactlyElementsOf(concat(List.of("f01-" + suffix), customer.subList(0, 24)));
		Matcher more = MORE.matcher(board);
		assertThat(more.find()).as("a Show more button in the customer perspective").isTrue();
		assertThat(more.group(2)).isEqualTo("Show 6 more (of 6 left)");
		String moreUrl = more.group(1).replace("&amp;", "&");
		assertThat(board.indexOf("hx-get=")).as("after the customer perspective's 24th card, not the financial one")
			.isGreaterThan(board.indexOf("id=\"kpi-" + customer.get(23) + "\""));
		assertThat(more.find()).as("one button: the financial perspective shows all it has").isFalse();
		assertThat(board).as("a sparkline for a KPI with two values").contains("id=\"kpi-c01-" + suffix + "\"")
			.containsPattern("id=\"kpi-c01-" + suffix + "\"(?s).{0,2000}data-chart=");

		String rest = lin.get(moreUrl).body();
		assertThat(cards(rest)).containsExactlyElementsOf(customer.subList(24, 30));
		assertThat(rest).doesNotContain("hx-get=").doesNotContain("<h2");

		assertThat(cards(lin.get("/kpis?teamId=" + team + "&perspective=FINANCIAL").body()))
			.containsExactly("f01-" + suffix);
		assertThat(cards(lin.get("/kpis?teamId=" + team + "&indicator=LEADING").body())).isEmpty();
	}

	@Test
	void homeShowsATeamsTwelveMostUrgentKpisAndTheWayToAllOfThem() {
		PageSession lin = PageSession.signedIn(port, "lin-" + suffix, PASSWORD);
		String home = lin.get("/").body();
		List<String> shown = new ArrayList<>();
		Matcher link = Pattern.compile("<a class=\"card kpi card-link\" href=\"/kpis/([a-z0-9-]+)\">").matcher(home);
		while (link.find()) {
			shown.add(link.group(1));
		}
		assertThat(shown).hasSize(12);
		assertThat(shown.subList(0, 2)).as("red first, then green, then those without data")
			.containsExactly("c02-" + suffix, "c01-" + suffix);
		assertThat(home).contains("href=\"/kpis?teamId=" + team + "\">All 31 of them on the KPI board</a>");
	}

	@Test
	void homeShowsTwentyOfMyObjectivesAndLinksTheListForTheRest() {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		String cycle = admin.post("/api/v1/cycles", Map.of("name", "Home " + suffix, "startDate",
				today.minusDays(10).toString(), "endDate", today.plusDays(80).toString())).str("/id");
		for (int i = 1; i <= 23; i++) {
			var made = admin.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Mine %02d %s".formatted(i, suffix),
					"level", "INDIVIDUAL", "teamId", team, "ownerId", linId, "keyResults", List.of(Map.of("title", "Count",
							"type", "INCREASE", "startValue", 0, "targetValue", 10))));
			assertThat(made.status()).as(made.text()).isEqualTo(201);
		}
		String home = PageSession.signedIn(port, "lin-" + suffix, PASSWORD).get("/?cycleId=" + cycle).body();
		assertThat(home.split("class=\"objective\"", -1).length - 1).isEqualTo(20);
		assertThat(home).contains("href=\"/okrs?cycleId=" + cycle + "&amp;ownerId=" + linId
				+ "\">All of mine in the OKR list</a>");
	}

	@Test
	void theScorecardListsTenKpisOfAPerspectiveRedFirstAndLinksTheBoard() {
		String page = PageSession.signedIn(port, "admin", "open-sesame-test-run").get("/scorecard").body();
		String customerQuadrant = page.substring(page.indexOf("id=\"perspective-CUSTOMER\""),
				page.indexOf("id=\"perspective-INTERNAL_PROCESS\""));
		assertThat(customerQuadrant.split("id=\"sc-kpi-", -1).length - 1).isEqualTo(10);
		assertThat(customerQuadrant).contains("href=\"/kpis?perspective=CUSTOMER\">All ");
	}

	@Test
	void aKeyResultsKpiChoiceOffersThirtyAndFindsTheRestBySearch() {
		PageSession lin = PageSession.signedIn(port, "lin-" + suffix, PASSWORD);
		String options = lin.get("/kpi-choices").body();
		assertThat(options.split("<option", -1).length - 1).as("no KPI, then at most 30").isLessThanOrEqualTo(31);
		assertThat(options).contains("<option value=\"\">No KPI: checked in by hand</option>");
		String found = lin.get("/kpi-choices?q=customer+17+" + suffix).body();
		assertThat(found).contains(">Customer 17 " + suffix + " (c17-" + suffix + ")</option>");
		assertThat(found.split("<option", -1).length - 1).isEqualTo(2);
		String byKey = lin.get("/kpi-choices?q=f01-" + suffix).body();
		assertThat(byKey).contains("(f01-" + suffix + ")</option>");
		String kept = lin.get("/kpi-choices?q=nothing-has-this-" + suffix + "&selected="
				+ admin.get("/api/v1/kpis/c01-" + suffix).str("/id")).body();
		assertThat(kept).as("the one chosen stays offered").contains("selected=\"selected\">Customer 01 " + suffix);
	}

	private static List<String> cards(String page) {
		List<String> keys = new ArrayList<>();
		Matcher card = CARD.matcher(page);
		while (card.find()) {
			keys.add(card.group(1));
		}
		return keys;
	}

	private static List<String> concat(List<String> a, List<String> b) {
		List<String> all = new ArrayList<>(a);
		all.addAll(b);
		return all;
	}
}
