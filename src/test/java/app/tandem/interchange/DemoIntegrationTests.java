package app.tandem.interchange;

import java.util.ArrayList;
import java.util.List;

import app.tandem.ApiClient;
import app.tandem.SecondInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** One demo instance for the class: starting one takes seconds. */
class DemoIntegrationTests {

	static SecondInstance demo;

	@BeforeAll
	static void startTheDemo() {
		demo = SecondInstance.start(false, "--tandem.demo=true");
	}

	@AfterAll
	static void stopTheDemo() {
		demo.close();
	}

	@Test
	void theDemosPeopleAreOfferedOnTheSignInPageAndSignInWithItsPassword() {
		String page = app.tandem.PageSession.anonymous(demo.port()).get("/login").body();
		assertThat(page).contains("Explore the demo as one of its people", "explore-the-demo", "Avery Chen",
				"leads Acme Health", "Marco Rossi", "leads Marketing", "Sam Lee", "member of Marketing", "Board Observer",
				"follows Acme Health", "aria-label=\"Sign in as Dana Ortiz\"");
		assertThat(page.indexOf("Avery Chen")).as("leads first").isLessThan(page.indexOf("Sam Lee"));
		assertThat(page).doesNotContain("Administrator");
		for (String person : List.of("ceo", "mkt", "cs", "social", "board")) {
			assertThat(ApiClient.basic(demo.port(), person, app.tandem.identity.DemoSignIn.PASSWORD).get("/api/v1/me")
				.status()).as(person).isEqualTo(200);
		}
		assertThat(ApiClient.basic(demo.port(), "admin", app.tandem.identity.DemoSignIn.PASSWORD).get("/api/v1/me")
			.status()).as("the admin keeps its own password").isEqualTo(401);
	}

	@Test
	void theDemosNumbersAreWrittenAsWhatTheyCount() {
		ApiClient api = ApiClient.admin(demo.port());
		for (JsonNode kpi : api.get("/api/v1/kpis?limit=100").json().get("items")) {
			String unit = kpi.get("unit").asString();
			double value = kpi.get("latestValue").asDouble();
			if (unit.startsWith("%")) {
				assertThat(value).as(kpi.get("key").asString()).isBetween(0.0, 100.0);
			}
			else if (kpi.get("formula").isNull() && !unit.equals("hours")) {
				assertThat(value % 1).as("%s: %s %s", kpi.get("key").asString(), value, unit).isZero();
			}
		}
		for (JsonNode objective : api.get("/api/v1/objectives?limit=1000").json().get("items")) {
			for (JsonNode kr : objective.get("keyResults")) {
				JsonNode current = kr.get("current");
				String unit = kr.get("unit").isNull() ? "" : kr.get("unit").asString();
				if (current == null || current.isNull() || unit.isEmpty() || unit.equals("hours")) {
					continue;
				}
				if (unit.startsWith("%")) {
					assertThat(current.asDouble()).as(kr.get("title").asString()).isBetween(0.0, 100.0);
				}
				else {
					assertThat(current.asDouble() % 1).as("%s: %s %s", kr.get("title").asString(), current, unit).isZero();
				}
			}
		}
	}

	@Test
	void anInstanceThatIsNotTheDemoOffersNobody() {
		try (SecondInstance plain = SecondInstance.start(false)) {
			ApiClient.admin(plain.port()).post("/api/v1/users", java.util.Map.of("username", "nia", "name", "Nia Plain",
					"password", "a long quiet evening"));
			assertThat(app.tandem.PageSession.anonymous(plain.port()).get("/login").body())
				.doesNotContain("Explore the demo", "Nia Plain");
		}
	}

	@Test
	void theCoachHasSomethingToSayAboutTheDemo() {
		ApiClient api = ApiClient.admin(demo.port());
		var coach = api.get("/api/v1/coach");
		assertThat(coach.status()).as(coach.text()).isEqualTo(200);
		assertThat(coach.str("/cycleId")).isEqualTo(api.get("/api/v1/dashboard").str("/cycle/id"));
		List<String> rules = new ArrayList<>();
		coach.json().get("findings").forEach(f -> rules.add(f.get("ruleId").asString()));
		// The example's objective titles with numbers, its unaligned team objective, the sales KPIs no
		// objective uses, and key results on KPIs that the demo's values put on target already.
		assertThat(rules).contains("OKR-009", "OKR-008", "KPI-005");
		assertThat(rules.stream().distinct().count()).isGreaterThanOrEqualTo(3);
		JsonNode objectives = api.get("/api/v1/objectives?limit=1000").json().get("items");
		boolean titled = false;
		for (JsonNode o : objectives) {
			if (o.get("title").asString().equals("Become the #1 most-downloaded health tracking app")) {
				titled = true;
				assertThat(o.get("findings")).extracting(f -> f.get("ruleId").asString()).contains("OKR-009");
			}
		}
		assertThat(titled).as("the title keeps its #1 (quoted in the file: # starts a YAML comment)").isTrue();
		assertThat(api.get("/api/v1/kpis/leads").json().get("findings")).extracting(f -> f.get("ruleId").asString())
			.containsExactly("KPI-005");
	}

	@Test
	void theDemosDoneKeyResultsShowAsWins() {
		ApiClient api = ApiClient.admin(demo.port());
		List<String> done = new ArrayList<>();
		for (JsonNode objective : api.get("/api/v1/objectives?limit=1000").json().get("items")) {
			for (JsonNode kr : objective.get("keyResults")) {
				if (kr.get("status").asString().equals("DONE")) {
					done.add(kr.get("id").asString());
				}
			}
		}
		List<String> won = new ArrayList<>();
		for (JsonNode win : api.get("/api/v1/wins?limit=1000").json().get("items")) {
			assertThat(win.at("/person/username").isString()).as("who did it").isTrue();
			won.add(win.get("subjectId").asString());
		}
		assertThat(done).as("the demo has key results done").isNotEmpty();
		assertThat(won).containsAll(done);
	}

	@Test
	void demoOrganisationShowsObjectivesWithCheckInHistoryOnFirstStart() {
		{
			ApiClient api = ApiClient.admin(demo.port());
			var cycles = api.get("/api/v1/cycles").json().get("items");
			assertThat(cycles).hasSize(2);
			var dashboard = api.get("/api/v1/dashboard");
			assertThat(dashboard.status()).as(dashboard.text()).isEqualTo(200);
			assertThat(dashboard.json().get("objectives").asInt()).isPositive();
			assertThat(dashboard.num("/progress")).isGreaterThan(0);
			String someKeyResult = api.get("/api/v1/objectives?limit=1").str("/items/0/keyResults/0/id");
			assertThat(api.get("/api/v1/key-results/" + someKeyResult + "/check-ins").json().get("items").size())
				.as("weeks of check-ins").isGreaterThan(1);
			var csat = api.get("/api/v1/kpis/csat").json();
			assertThat(csat.get("status").asString()).as("the KPI that drifts").isEqualTo("RED");
			assertThat(api.get("/api/v1/kpis/csat/events").json().get("items").size()).isPositive();
			assertThat(api.get("/api/v1/kpis/conversion-rate").json().get("latestValue").isNumber())
				.as("a formula over a year of leads and customers").isTrue();
			var weekly = api.get("/api/v1/kpis/website-visitors/measurements?bucket=WEEK").json().get("items");
			assertThat(weekly.size()).isGreaterThanOrEqualTo(52);
			assertThat(api.get("/api/v1/dashboard").json().at("/kpis/kpis/0/status").asString()).isEqualTo("RED");

			List<String> missing = new ArrayList<>();
			for (JsonNode objective : api.get("/api/v1/objectives?limit=1000").json().get("items")) {
				for (JsonNode kr : objective.get("keyResults")) {
					JsonNode forecast = kr.get("forecast");
					if (forecast.get("available").asBoolean() && !forecast.get("onPace").asBoolean()) {
						missing.add(kr.get("title").asString());
					}
				}
			}
			assertThat(missing).as("key results whose check-ins point to a miss").isNotEmpty();
			assertThat(api.get("/api/v1/kpis/csat").json().at("/forecast/available").asBoolean())
				.as("a year of weekly values").isTrue();
		}
	}
	@Test
	void theDemoHasAnsweredTheAssessmentTwiceAndItsTeamsHaveAHealthScore() {
		ApiClient api = ApiClient.admin(demo.port());
		JsonNode history = api.get("/api/v1/assessment").json().get("history");
		assertThat(history).hasSize(2);
		java.time.Instant first = java.time.Instant.parse(history.get(0).get("submittedAt").asString());
		java.time.Instant second = java.time.Instant.parse(history.get(1).get("submittedAt").asString());
		assertThat(java.time.Duration.between(first, second).toDays()).isEqualTo(35);
		assertThat(history.get(1).get("overall").asDouble()).isGreaterThan(history.get(0).get("overall").asDouble());
		var health = api.get("/api/v1/health");
		assertThat(health.status()).as(health.text()).isEqualTo(200);
		assertThat(health.json().get("overall").isNumber()).isTrue();
	}
}
