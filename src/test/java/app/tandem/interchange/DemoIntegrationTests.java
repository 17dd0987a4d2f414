package app.tandem.interchange;

import java.util.ArrayList;
import java.util.List;

import app.tandem.ApiClient;
import app.tandem.SecondInstance;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class DemoIntegrationTests {

	@Test
	void demoOrganisationShowsObjectivesWithCheckInHistoryOnFirstStart() {
		try (SecondInstance demo = SecondInstance.start(false, "--tandem.demo=true")) {
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
}
