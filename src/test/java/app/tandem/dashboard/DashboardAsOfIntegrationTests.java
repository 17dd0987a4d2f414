package app.tandem.dashboard;

import java.util.List;
import java.util.Map;

import app.tandem.ApiClient;
import app.tandem.MutableClock;
import app.tandem.TandemIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The dashboard as it stood at a past instant: the objectives of then, their check-ins, KPI statuses. */
@TandemIntegrationTest
@Import(MutableClock.Config.class)
class DashboardAsOfIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Test
	void dashboardAsOfShowsTheCycleAndKpisAsTheyStoodThen() {
		ApiClient api = ApiClient.admin(port);
		String suffix = Long.toString(System.nanoTime(), 36);
		clock.set("2026-10-01T08:00:00Z");
		String cycle = api.post("/api/v1/cycles", Map.of("name", "As of " + suffix, "startDate", "2026-10-01",
				"endDate", "2026-12-31")).str("/id");
		String kr = api.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Grow", "level", "COMPANY",
				"keyResults", List.of(Map.of("title", "Customers", "type", "INCREASE", "startValue", 0, "targetValue",
						100))))
			.str("/keyResults/0/id");
		clock.set("2026-10-05T08:00:00Z");
		assertThat(api.post("/api/v1/key-results/" + kr + "/check-ins", Map.of("value", 40)).status()).isEqualTo(201);
		clock.set("2026-10-10T08:00:00Z");
		assertThat(api.post("/api/v1/key-results/" + kr + "/check-ins", Map.of("value", 80)).status()).isEqualTo(201);
		String kpi = "as-of-" + suffix;
		assertThat(api.post("/api/v1/kpis", Map.of("key", kpi, "name", "As of", "direction", "HIGHER_IS_BETTER",
				"target", 100, "warningThreshold", 80, "frequency", "WEEKLY", "aggregation", "LAST")).status())
			.isEqualTo(201);
		assertThat(api.post("/api/v1/kpis/" + kpi + "/measurements",
				List.of(Map.of("at", "2026-10-09T12:00:00Z", "value", 10))).status()).isEqualTo(200);
		clock.set("2026-10-20T08:00:00Z");

		String path = "/api/v1/dashboard?cycleId=" + cycle;
		assertThat(api.get(path).num("/progress")).isCloseTo(0.8, within(1e-9));
		var earlyAnswer = api.get(path + "&asOf=2026-10-07T00:00:00Z");
		assertThat(earlyAnswer.status()).as(earlyAnswer.text()).isEqualTo(200);
		JsonNode early = earlyAnswer.json();
		assertThat(early.get("progress").asDouble()).as("only the first check-in").isCloseTo(0.4, within(1e-9));
		assertThat(early.get("objectives").asInt()).isEqualTo(1);
		assertThat(status(early, kpi)).as("the KPI did not exist yet").isNull();
		JsonNode later = api.get(path + "&asOf=2026-10-12T00:00:00Z").json();
		assertThat(later.get("progress").asDouble()).isCloseTo(0.8, within(1e-9));
		assertThat(status(later, kpi)).isEqualTo("RED");
		JsonNode before = api.get(path + "&asOf=2026-09-15T00:00:00Z").json();
		assertThat(before.get("objectives").asInt()).as("before the objective was made").isZero();

		var malformed = api.get(path + "&asOf=last-week");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.isProblem()).isTrue();
	}

	private static String status(JsonNode dashboard, String key) {
		for (JsonNode kpi : dashboard.at("/kpis/kpis")) {
			if (kpi.get("key").asString().equals(key)) {
				return kpi.get("status").asString();
			}
		}
		return null;
	}
}
