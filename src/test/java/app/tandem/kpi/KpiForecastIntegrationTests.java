package app.tandem.kpi;

import java.util.ArrayList;
import java.util.HashMap;
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

/** KPI forecasts through the HTTP API: stored with each ingestion and definition change, days counted from now. */
@TandemIntegrationTest
@Import(MutableClock.Config.class)
class KpiForecastIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	/** Weekly values, one each Monday from 5 October 2026: the figures of KpiForecastTests. */
	private static final double[] SLIDING = { 92, 91, 89.5, 88, 86.2, 85 };

	@Test
	void aKpiHeadingDownTowardsItsWarningThresholdShowsTheDaysUntilItCrossesIt() {
		ApiClient api = ApiClient.admin(port);
		clock.set("2026-11-12T12:00:00Z");
		String key = "nps-" + System.nanoTime();
		create(api, key, Map.of());
		ingest(api, key, SLIDING);

		JsonNode kpi = api.get("/api/v1/kpis/" + key).json();
		assertThat(kpi.get("status").asString()).isEqualTo("AMBER");
		JsonNode forecast = kpi.get("forecast");
		assertThat(forecast.get("available").asBoolean()).isTrue();
		assertThat(forecast.get("periods").asInt()).isEqualTo(6);
		assertThat(forecast.get("at").asString()).isEqualTo("2026-11-16T00:00:00Z");
		// numpy.polyfit figures of KpiForecastTests.aKpiSlidingTowardsItsWarningThresholdMatchesNumpy
		assertThat(forecast.get("projectedValue").asDouble()).isCloseTo(83.52666666666664, within(83.5 * 1e-9));
		assertThat(forecast.get("low").asDouble()).isCloseTo(83.06207171403567, within(83.1 * 1e-9));
		assertThat(forecast.get("high").asDouble()).isCloseTo(83.99126161929762, within(84.0 * 1e-9));
		assertThat(forecast.get("warningAt").asString()).startsWith("2026-12-02T23:24:09.9");
		// from 2026-11-12T12:00Z to 2026-12-02T23:24Z: 20 days and a half, so 21
		assertThat(forecast.get("daysUntilWarning").asInt()).isEqualTo(21);
		assertThat(forecast.has("daysUntilTarget")).as("falling: not heading for the target").isFalse();

		clock.set("2026-11-22T12:00:00Z");
		assertThat(api.get("/api/v1/kpis/" + key).json().at("/forecast/daysUntilWarning").asInt())
			.as("counted from now").isEqualTo(11);
		var list = api.get("/api/v1/kpis?limit=1000").json().get("items");
		for (JsonNode item : list) {
			if (item.get("key").asString().equals(key)) {
				assertThat(item.get("forecast").get("daysUntilWarning").asInt()).isEqualTo(11);
			}
		}
	}

	@Test
	void aNewWarningThresholdMovesTheCrossingAtOnce() {
		ApiClient api = ApiClient.admin(port);
		clock.set("2026-11-12T12:00:00Z");
		String key = "nps-" + System.nanoTime();
		create(api, key, Map.of());
		ingest(api, key, SLIDING);
		String before = api.get("/api/v1/kpis/" + key).json().at("/forecast/warningAt").asString();

		var lowered = api.patch("/api/v1/kpis/" + key, Map.of("warningThreshold", 70));
		assertThat(lowered.status()).as(lowered.text()).isEqualTo(200);
		assertThat(lowered.json().at("/forecast/warningAt").asString()).isNotEqualTo(before);
		assertThat(lowered.json().at("/forecast/daysUntilWarning").asInt()).as("70 lies further down the line")
			.isGreaterThan(21);
	}

	@Test
	void aFormulaKpiIsForecastOverItsComputedSeries() {
		ApiClient api = ApiClient.admin(port);
		clock.set("2026-11-12T12:00:00Z");
		String key = "nps-" + System.nanoTime();
		create(api, key, Map.of());
		String doubled = "doubled-" + System.nanoTime();
		create(api, doubled, Map.of("formula", "{" + key + "} * 2", "target", 180, "warningThreshold", 160));
		ingest(api, key, SLIDING);

		JsonNode forecast = api.get("/api/v1/kpis/" + doubled).json().get("forecast");
		assertThat(forecast.get("projectedValue").asDouble()).isCloseTo(2 * 83.52666666666664, within(1e-9));
		assertThat(forecast.get("warningAt").asString()).startsWith("2026-12-02T23:24:09.9");
	}

	@Test
	void aKpiWithTwoValuesHasNoForecastAndSaysWhy() {
		ApiClient api = ApiClient.admin(port);
		clock.set("2026-11-12T12:00:00Z");
		String key = "nps-" + System.nanoTime();
		create(api, key, Map.of());
		assertThat(api.get("/api/v1/kpis/" + key).json().at("/forecast/reason").asString())
			.isEqualTo("needs at least 3 period values, has 0");
		ingest(api, key, new double[] { 92, 91 });

		JsonNode forecast = api.get("/api/v1/kpis/" + key).json().get("forecast");
		assertThat(forecast.get("available").asBoolean()).isFalse();
		assertThat(forecast.get("reason").asString()).isEqualTo("needs at least 3 period values, has 2");
		assertThat(forecast.has("daysUntilWarning")).isFalse();
	}

	private static void create(ApiClient api, String key, Map<String, Object> extra) {
		Map<String, Object> kpi = new HashMap<>(Map.of("target", 90, "warningThreshold", 80, "aggregation", "AVG"));
		kpi.putAll(extra);
		var created = api.post("/api/v1/kpis", KpiIntegrationTests.kpi(key, kpi));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
	}

	private static void ingest(ApiClient api, String key, double[] weekly) {
		List<Map<String, Object>> rows = new ArrayList<>();
		for (int week = 0; week < weekly.length; week++) {
			rows.add(Map.of("at", java.time.Instant.parse("2026-10-05T10:00:00Z").plusSeconds(7L * 86_400 * week)
				.toString(), "value", weekly[week]));
		}
		var ingested = api.post("/api/v1/kpis/" + key + "/measurements", rows);
		assertThat(ingested.status()).as(ingested.text()).isEqualTo(200);
	}
}
