package app.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
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
import tools.jackson.databind.JsonNode;

/**
 * The coach's findings and the forecasts' explanations on pages in the page's language (English, or German with
 * {@code ?lang=de}), while the API answers the same English as ever.
 */
@TandemIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DomainTextsPagesIntegrationTests {

	private static final String PASSWORD = "texts-test-password-1";

	@LocalServerPort
	int port;

	private ApiClient admin;

	private String suffix;

	private String cycle;

	private String objective;

	private String kpi;

	@BeforeAll
	void organisation() {
		admin = ApiClient.admin(port);
		suffix = Long.toString(System.nanoTime(), 36);
		String team = admin.post("/api/v1/teams", Map.of("key", "tx-" + suffix, "name", "Texts team " + suffix))
			.str("/id");
		String tess = admin.post("/api/v1/users", Map.of("username", "tess-" + suffix, "name", "Tess " + suffix,
				"password", PASSWORD)).str("/id");
		admin.put("/api/v1/teams/" + team + "/members/" + tess, Map.of("role", "MEMBER"));
		LocalDate today = LocalDate.now();
		cycle = admin.post("/api/v1/cycles", Map.of("name", "Texts " + suffix, "startDate",
				today.minusDays(30).toString(), "endDate", today.plusDays(60).toString())).str("/id");
		// a team objective aligned to nothing (OKR-008), its owner confident while the check-ins stand still (OKR-011)
		var created = admin.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Win the region " + suffix,
				"level", "TEAM", "teamId", team, "ownerId", tess, "keyResults",
				List.of(Map.of("title", "Open clinics from 2 to 6", "type", "INCREASE", "startValue", 2,
						"targetValue", 6, "ownerId", tess),
						Map.of("title", "Cut waiting from 20 to 10 days", "type", "DECREASE", "startValue", 20,
								"targetValue", 10, "ownerId", tess))));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		objective = created.str("/id");
		String keyResult = created.str("/keyResults/0/id");
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		for (int daysAgo : new int[] { 20, 10, 2 }) {
			var checkIn = admin.post("/api/v1/key-results/" + keyResult + "/check-ins", Map.of("value", 2, "confidence",
					9, "at", now.minus(daysAgo, ChronoUnit.DAYS).toString()));
			assertThat(checkIn.status()).as(checkIn.text()).isEqualTo(201);
		}
		// a KPI without definition, reason or data source (KPI-002) and without values (no forecast yet)
		kpi = "texts-" + suffix;
		Map<String, Object> definition = new HashMap<>(Map.of("key", kpi, "name", "Referrals " + suffix, "direction",
				"HIGHER_IS_BETTER", "target", 40, "warningThreshold", 30, "frequency", "WEEKLY", "aggregation", "SUM",
				"perspective", "CUSTOMER", "indicator", "LEADING"));
		definition.put("teamId", team);
		var kpiCreated = admin.post("/api/v1/kpis", definition);
		assertThat(kpiCreated.status()).as(kpiCreated.text()).isEqualTo(201);
	}

	private PageSession tess() {
		return PageSession.signedIn(port, "tess-" + suffix, PASSWORD);
	}

	@Test
	void theCoachPageSaysItsFindingsInEnglishAndInGerman() {
		String english = tess().allParts("/coach?cycleId=" + cycle);
		assertThat(english).contains("Team objective &quot;Win the region " + suffix + "&quot; is aligned to nothing",
				"Align it to the objective (or key result) it contributes to",
				"Key result &quot;Open clinics from 2 to 6&quot;: confidence is 9 of 10, but the check-ins point to a miss");

		String german = tess().allParts("/coach?cycleId=" + cycle + "&lang=de");
		assertThat(german).contains("lang=\"de\"",
				"Das Team-Objective „Win the region " + suffix + "“ ist an nichts ausgerichtet",
				"Richten Sie es an dem Objective (oder Key Result) aus, zu dem es beiträgt",
				"Key Result „Open clinics from 2 to 6“: Die Zuversicht liegt bei 9 von 10, aber die Check-ins deuten"
						+ " darauf hin, dass das Key Result verfehlt wird (erwarteter Fortschritt 0,00)")
			.doesNotContain("is aligned to nothing", "confidence is 9 of 10");
	}

	@Test
	void anObjectivesPageSaysItsFindingsAndTheConfidenceNoteInGerman() {
		String german = tess().get("/okrs/objectives/" + objective + "?lang=de").body();
		assertThat(german).contains("Das Team-Objective „Win the region " + suffix + "“ ist an nichts ausgerichtet",
				">Die Zuversicht liegt bei 9 von 10, aber die Check-ins deuten darauf hin, dass das Key Result verfehlt"
						+ " wird (erwarteter Fortschritt 0,00)<")
			.doesNotContain("is aligned to nothing", "confidence is 9 of 10");
		assertThat(tess().get("/okrs/objectives/" + objective).body()).contains(
				">confidence is 9 of 10, but the check-ins point to a miss (projected progress 0.00)<");
	}

	@Test
	void aKpisPageSaysItsFindingsAndWhyItHasNoForecastInGerman() {
		String german = tess().get("/kpis/" + kpi + "?lang=de").body();
		assertThat(german).contains("Bei der KPI „Referrals " + suffix + "“ fehlen Definition, Begründung und Datenquelle",
				"Noch keine Prognose: Dafür braucht es mindestens 3 Periodenwerte, bisher gibt es keinen")
			.doesNotContain("lacks a definition", "needs at least");
		assertThat(tess().get("/kpis/" + kpi).body()).contains(
				"KPI &quot;Referrals " + suffix + "&quot; lacks a definition, a reason and a data source",
				"No forecast yet: needs at least 3 period values, has 0");
	}

	@Test
	void theApiAnswersTheSameEnglishWhateverTheLanguage() {
		var answer = admin.header("Accept-Language", "de-DE").get("/api/v1/coach?cycleId=" + cycle);
		assertThat(answer.status()).as(answer.text()).isEqualTo(200);
		JsonNode finding = null;
		for (JsonNode f : answer.json().get("findings")) {
			if (f.get("subjectId").asString().equals(objective) && f.get("ruleId").asString().equals("OKR-008")) {
				finding = f;
			}
		}
		assertThat(finding).isNotNull();
		assertThat(finding.get("message").asString())
			.isEqualTo("Team objective \"Win the region " + suffix + "\" is aligned to nothing");
		assertThat(finding.propertyNames()).containsExactly("ruleId", "severity", "subjectType", "subjectId", "message",
				"hint");
		assertThat(admin.get("/api/v1/kpis/" + kpi).json().at("/forecast/reason").asString())
			.isEqualTo("needs at least 3 period values, has 0");
		assertThat(admin.get("/v3/api-docs").json().at("/components/schemas/Finding/properties").propertyNames())
			.containsExactlyInAnyOrder("ruleId", "severity", "subjectType", "subjectId", "message", "hint");
	}
}
