package app.tandem.kpi;

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

/** Series per bucket, status at the boundaries, formulas per period, and the KPI tree, through the API. */
@TandemIntegrationTest
@Import(MutableClock.Config.class)
class KpiSeriesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Test
	void seriesAggregatesEachBucketWithTheKpisAggregation() {
		ApiClient api = ApiClient.admin(port);
		clock.set("2026-11-25T12:00:00Z");
		for (String aggregation : List.of("SUM", "AVG", "MIN", "MAX", "LAST")) {
			String key = "agg-" + aggregation.toLowerCase() + "-" + System.nanoTime();
			api.post("/api/v1/kpis", KpiIntegrationTests.kpi(key, Map.of("aggregation", aggregation)));
			// Week of Monday 2026-11-09: 10, 30, 20 (the last one sent first); week of 2026-11-16: none; 2026-11-23: 5.
			api.post("/api/v1/kpis/" + key + "/measurements", List.of(Map.of("at", "2026-11-13T09:00:00Z", "value", 20),
					Map.of("at", "2026-11-09T09:00:00Z", "value", 10), Map.of("at", "2026-11-11T09:00:00Z", "value", 30),
					Map.of("at", "2026-11-23T00:00:00Z", "value", 5)));
			var series = api.get("/api/v1/kpis/" + key
					+ "/measurements?bucket=WEEK&from=2026-11-09T00:00:00Z&to=2026-11-30T00:00:00Z").json();
			JsonNode items = series.get("items");
			assertThat(items).hasSize(3);
			assertThat(items.get(0).get("start").asString()).isEqualTo("2026-11-09T00:00:00Z");
			assertThat(items.get(0).get("count").asInt()).isEqualTo(3);
			double expected = switch (aggregation) {
				case "SUM" -> 60;
				case "AVG" -> 20;
				case "MIN" -> 10;
				case "MAX" -> 30;
				default -> 20;
			};
			assertThat(items.get(0).get("value").asDouble()).as(aggregation).isEqualTo(expected);
			assertThat(items.get(1).get("value").isNull()).as("a gap").isTrue();
			assertThat(items.get(2).get("value").asDouble()).isEqualTo(5);
		}
	}

	@Test
	void statusAtTheBoundariesOfEachDirection() {
		ApiClient api = ApiClient.admin(port);
		clock.set("2026-11-25T12:00:00Z");
		assertThat(statusOf(api, Map.of("direction", "HIGHER_IS_BETTER", "target", 90, "warningThreshold", 80), 90))
			.isEqualTo("GREEN");
		assertThat(statusOf(api, Map.of("direction", "HIGHER_IS_BETTER", "target", 90, "warningThreshold", 80), 80))
			.isEqualTo("AMBER");
		assertThat(statusOf(api, Map.of("direction", "HIGHER_IS_BETTER", "target", 90, "warningThreshold", 80), 79.9))
			.isEqualTo("RED");
		assertThat(statusOf(api, Map.of("direction", "LOWER_IS_BETTER", "target", 2, "warningThreshold", 4), 2))
			.isEqualTo("GREEN");
		assertThat(statusOf(api, Map.of("direction", "LOWER_IS_BETTER", "target", 2, "warningThreshold", 4), 4))
			.isEqualTo("AMBER");
		assertThat(statusOf(api, Map.of("direction", "LOWER_IS_BETTER", "target", 2, "warningThreshold", 4), 4.1))
			.isEqualTo("RED");
		Map<String, Object> range = Map.of("direction", "WITHIN_RANGE", "lowerBound", 70, "upperBound", 80,
				"warningMargin", 5, "target", 75);
		assertThat(statusOf(api, range, 80)).isEqualTo("GREEN");
		assertThat(statusOf(api, range, 65)).isEqualTo("AMBER");
		assertThat(statusOf(api, range, 85.5)).isEqualTo("RED");
	}

	@Test
	void formulaGivesEachMonthsValueAndAGapWhereTheDivisorIsZero() {
		ApiClient api = ApiClient.admin(port);
		clock.set("2026-11-25T12:00:00Z");
		String suffix = "-" + System.nanoTime();
		api.post("/api/v1/kpis", KpiIntegrationTests.kpi("leads" + suffix, Map.of("frequency", "MONTHLY")));
		api.post("/api/v1/kpis", KpiIntegrationTests.kpi("customers" + suffix, Map.of("frequency", "MONTHLY")));
		var rate = api.post("/api/v1/kpis", KpiIntegrationTests.kpi("rate" + suffix, Map.of("frequency", "MONTHLY",
				"aggregation", "LAST", "target", 15, "warningThreshold", 10,
				"formula", "{customers" + suffix + "} / {leads" + suffix + "} * 100")));
		assertThat(rate.status()).as(rate.text()).isEqualTo(201);
		api.postRaw("/api/v1/measurements", "kpi,at,value\n" + "leads" + suffix + ",2026-09-10,300\n" + "leads" + suffix
				+ ",2026-09-20,100\n" + "customers" + suffix + ",2026-09-15,60\n" + "leads" + suffix + ",2026-10-05,0\n"
				+ "customers" + suffix + ",2026-10-06,10\n" + "leads" + suffix + ",2026-11-03,500\n" + "customers" + suffix
				+ ",2026-11-04,50\n", "text/csv");
		var items = api.get("/api/v1/kpis/rate" + suffix
				+ "/measurements?bucket=MONTH&from=2026-09-01T00:00:00Z&to=2026-12-01T00:00:00Z").json().get("items");
		assertThat(items.get(0).get("value").asDouble()).isCloseTo(15.0, within(1e-9));
		assertThat(items.get(1).get("value").isNull()).as("leads were 0 in October").isTrue();
		assertThat(items.get(2).get("value").asDouble()).isCloseTo(10.0, within(1e-9));

		var kpi = api.get("/api/v1/kpis/rate" + suffix).json();
		assertThat(kpi.get("latestValue").asDouble()).isCloseTo(10.0, within(1e-9));
		assertThat(kpi.get("status").asString()).isEqualTo("AMBER");
		assertThat(kpi.get("inputs").toString()).contains("customers" + suffix, "leads" + suffix);
		assertThat(api.get("/api/v1/kpis/leads" + suffix).json().get("usedBy").toString()).contains("rate" + suffix);
		assertThat(api.post("/api/v1/kpis/rate" + suffix + "/measurements",
				List.of(Map.of("at", "2026-11-01T00:00:00Z", "value", 1))).status()).isEqualTo(400);
	}

	@Test
	void formulaCycleIsRefused() {
		ApiClient api = ApiClient.admin(port);
		String a = "a-" + System.nanoTime();
		String b = "b-" + System.nanoTime();
		api.post("/api/v1/kpis", KpiIntegrationTests.kpi(a, Map.of()));
		assertThat(api.post("/api/v1/kpis", KpiIntegrationTests.kpi(b, Map.of("formula", "{" + a + "} * 2"))).status())
			.isEqualTo(201);
		var cycle = api.patch("/api/v1/kpis/" + a, Map.of("formula", "{" + b + "} + 1"));
		assertThat(cycle.status()).isEqualTo(400);
		assertThat(cycle.text()).contains("cycle", a, b);
		assertThat(api.get("/api/v1/kpis/" + a).json().get("formula").isNull()).isTrue();
	}

	@Test
	void staleWhenTheNewestValueIsOlderThanTwoPeriods() {
		ApiClient api = ApiClient.admin(port);
		String key = "daily-" + System.nanoTime();
		api.post("/api/v1/kpis", KpiIntegrationTests.kpi(key, Map.of("frequency", "DAILY")));
		api.post("/api/v1/kpis/" + key + "/measurements", List.of(Map.of("at", "2026-11-20T10:00:00Z", "value", 1)));
		clock.set("2026-11-22T09:00:00Z");
		assertThat(api.get("/api/v1/kpis/" + key).json().get("stale").asBoolean()).isFalse();
		clock.set("2026-11-25T12:00:00Z");
		assertThat(api.get("/api/v1/kpis/" + key).json().get("stale").asBoolean()).isTrue();
	}

	private String statusOf(ApiClient api, Map<String, Object> thresholds, double value) {
		String key = "status-" + System.nanoTime();
		Map<String, Object> definition = new java.util.HashMap<>(KpiIntegrationTests.kpi(key, Map.of()));
		definition.remove("target");
		definition.remove("warningThreshold");
		definition.putAll(thresholds);
		var created = api.post("/api/v1/kpis", definition);
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		api.post("/api/v1/kpis/" + key + "/measurements", List.of(Map.of("at", "2026-11-24T10:00:00Z", "value", value)));
		return api.get("/api/v1/kpis/" + key).str("/status");
	}
}
