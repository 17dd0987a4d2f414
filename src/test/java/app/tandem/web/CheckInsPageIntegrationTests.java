package app.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.tandem.ApiClient;
import app.tandem.PageSession;
import app.tandem.TandemIntegrationTest;

/**
 * {@code /check-ins} over HTTP: a member's own week, a lead's switch to their teams' week with each item's owner,
 * check-ins and KPI values answered as the item alone (done), refusals as the item with the message (422), and a
 * red KPI reviewed from there. In this order: the first reads the week the others then check in.
 */
@TandemIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CheckInsPageIntegrationTests {

	private static final String PASSWORD = "check-ins-page-password-1";

	@LocalServerPort
	int port;

	private ApiClient admin;

	private String suffix;

	private String memberKr;

	private String leadKr;

	private String kpi;

	@BeforeAll
	void organisation() {
		admin = ApiClient.admin(port);
		suffix = Long.toString(System.nanoTime(), 36);
		String team = admin.post("/api/v1/teams", Map.of("key", "cp-" + suffix, "name", "Page team " + suffix))
			.str("/id");
		String mia = person("mia", team, "MEMBER");
		String leo = person("leo", team, "LEAD");
		LocalDate today = LocalDate.now();
		String cycle = admin.post("/api/v1/cycles", Map.of("name", "Page " + suffix, "startDate",
				today.minusDays(20).toString(), "endDate", today.plusDays(70).toString())).str("/id");
		var objective = admin.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Page objective " + suffix,
				"level", "TEAM", "teamId", team, "ownerId", leo, "keyResults",
				List.of(Map.of("title", "Mia's number " + suffix, "type", "INCREASE", "startValue", 0, "targetValue", 10,
						"ownerId", mia), Map.of("title", "Leo's number " + suffix, "type", "INCREASE", "startValue", 0,
								"targetValue", 10))));
		assertThat(objective.status()).as(objective.text()).isEqualTo(201);
		memberKr = objective.str("/keyResults/0/id");
		leadKr = objective.str("/keyResults/1/id");
		kpi = "cp-" + suffix;
		admin.post("/api/v1/kpis", Map.of("key", kpi, "name", "Page KPI " + suffix, "direction", "HIGHER_IS_BETTER",
				"target", 100, "frequency", "WEEKLY", "aggregation", "LAST", "teamId", team, "ownerId", mia));
		admin.post("/api/v1/kpis/" + kpi + "/measurements", List.of(Map.of("at", java.time.Instant.now().toString(),
				"value", 20)));
	}

	private String person(String name, String team, String role) {
		String id = admin.post("/api/v1/users", Map.of("username", name + "-" + suffix, "name", name + " " + suffix,
				"password", PASSWORD)).str("/id");
		admin.put("/api/v1/teams/" + team + "/members/" + id, Map.of("role", role));
		return id;
	}

	private PageSession as(String name) {
		return PageSession.signedIn(port, name + "-" + suffix, PASSWORD);
	}

	@Test
	@Order(1)
	void aMemberSeesTheirOwnKeyResultsAndKpisAndALeadSwitchesToTheTeams() {
		String mine = as("mia").get("/check-ins").body();
		assertThat(mine).containsPattern("<h2 class=\"checkin-objective\"><a href=\"/okrs/objectives/[^\"]+\">Page objective "
				+ suffix + "</a></h2>");
		assertThat(mine).contains("My check-ins this week", "Mia&#39;s number " + suffix, "Page KPI " + suffix,
				"review due since", "Mark reviewed").doesNotContain("Leo&#39;s number").doesNotContain("My teams&#39;");
		assertThat(as("mia").get("/check-ins?scope=team").body()).as("not a lead: her own")
			.contains("My check-ins this week").doesNotContain("Leo&#39;s number");

		String leads = as("leo").get("/check-ins").body();
		assertThat(leads).contains("Leo&#39;s number " + suffix, "My teams&#39;").doesNotContain("Mia&#39;s number");
		String team = as("leo").get("/check-ins?scope=team").body();
		assertThat(team).contains("My teams&#39; check-ins this week", "Mia&#39;s number " + suffix,
				"Leo&#39;s number " + suffix, "Page KPI " + suffix)
			.containsPattern("(?s)Mia&#39;s number " + suffix + ".{0,1500}Owner</span> <strong>mia " + suffix);
	}

	@Test
	@Order(2)
	void aCheckInAnswersTheItemDoneAndARefusalAnswersItsFormWithTheMessage() {
		PageSession mia = as("mia");
		mia.get("/check-ins");
		var refused = mia.htmxPost("/check-ins/key-results/" + memberKr, Map.of("value", "lots", "confidence", ""));
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("data-refused=\"true\"", "Enter a number, such as 42 or 12.5.",
				"value=\"lots\"").doesNotContain("<html");
		assertThat(admin.get("/api/v1/key-results/" + memberKr + "/check-ins").json().get("items")).as("nothing stored")
			.isEmpty();

		var saved = mia.htmxPost("/check-ins/key-results/" + memberKr, Map.of("value", "2,5", "confidence", "8",
				"note", "Slow start"));
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
		assertThat(saved.body()).contains("checkin-item done", "Checked in.", "<strong>2.5</strong>", "8/10");
		var kr = admin.get("/api/v1/key-results/" + memberKr).json();
		assertThat(kr.get("current").asDouble()).isEqualTo(2.5);
		assertThat(kr.get("confidence").asInt()).isEqualTo(8);
		PageSession leo = as("leo");
		leo.get("/check-ins");
		assertThat(leo.htmxPost("/check-ins/key-results/" + memberKr, Map.of("value", "3")).statusCode())
			.as("the lead may check in on the team's key result").isEqualTo(200);
	}

	@Test
	@Order(3)
	void aKpiGetsItsValueAndItsReviewFromTheScreen() {
		PageSession mia = as("mia");
		mia.get("/check-ins");
		var refused = mia.htmxPost("/check-ins/kpis/" + kpi + "/value", Map.of("value", ""));
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("Enter the value.");
		var reviewed = mia.htmxPost("/check-ins/kpis/" + kpi + "/review", Map.of());
		assertThat(reviewed.statusCode()).isEqualTo(200);
		assertThat(reviewed.body()).contains("Marked reviewed.");
		assertThat(admin.get("/api/v1/kpis/" + kpi).json().get("lastReviewedAt").isNull()).isFalse();
		var valued = mia.htmxPost("/check-ins/kpis/" + kpi + "/value", Map.of("value", "120"));
		assertThat(valued.statusCode()).isEqualTo(200);
		assertThat(valued.body()).contains("Value saved.", "120").doesNotContain("It needs a review now");
		assertThat(admin.get("/api/v1/kpis/" + kpi).json().get("latestValue").asDouble()).isEqualTo(120);
		PageSession leo = as("leo");
		leo.get("/check-ins");
		var red = leo.htmxPost("/check-ins/kpis/" + kpi + "/value", Map.of("value", "5"));
		assertThat(red.statusCode()).as("a lead of its team may feed it").isEqualTo(200);
		assertThat(red.body()).as("it turned red: a review is offered at once").contains("It needs a review now",
				"hx-post=\"/check-ins/kpis/" + kpi + "/review\"");
		assertThat(admin.get("/api/v1/kpis/" + kpi).json().get("latestValue").asDouble()).isEqualTo(5);
	}
}
