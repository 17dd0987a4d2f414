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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** A key result linked to a KPI moves when measurements arrive. */
@TandemIntegrationTest
@Import(MutableClock.Config.class)
class KpiMeasuresKeyResultIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	/** SPEC: for AVG, MIN, MAX and LAST the key result reads the KPI's latest period value, as the KPI shows it. */
	@Test
	void keyResultMeasuredByAnAveragedKpiReadsItsLatestPeriodValueAtEachIngestion() {
		ApiClient api = ApiClient.admin(port);
		clock.set("2026-10-01T08:00:00Z");
		String key = "csat-" + System.nanoTime();
		api.post("/api/v1/kpis", KpiIntegrationTests.kpi(key, Map.of("aggregation", "AVG", "target", 90,
				"warningThreshold", 80, "unit", "%")));
		String cycle = api.post("/api/v1/cycles", Map.of("name", "Linked-" + System.nanoTime(), "startDate", "2026-10-01",
				"endDate", "2026-12-31")).str("/id");
		var objective = api.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Happier customers",
				"level", "TEAM", "keyResults", List.of(Map.of("title", "CSAT from 78 to 90", "type", "INCREASE",
						"startValue", 78, "targetValue", 90, "kpiId", key))));
		assertThat(objective.status()).as(objective.text()).isEqualTo(201);
		String kr = objective.str("/keyResults/0/id");

		clock.set("2026-10-13T08:00:00Z");
		api.post("/api/v1/kpis/" + key + "/measurements", List.of(Map.of("at", "2026-09-28T10:00:00Z", "value", 50),
				Map.of("at", "2026-10-05T10:00:00Z", "value", 80), Map.of("at", "2026-10-12T10:00:00Z", "value", 84)));
		var linked = api.get("/api/v1/key-results/" + kr).json();
		assertThat(linked.get("current").asDouble()).as("the week of 12 October, not the cycle's mean 82").isEqualTo(84);
		assertThat(linked.get("progress").asDouble()).isCloseTo(0.5, within(1e-9));

		clock.set("2026-10-20T08:00:00Z");
		api.post("/api/v1/kpis/" + key + "/measurements", List.of(Map.of("at", "2026-10-19T10:00:00Z", "value", 86),
				Map.of("at", "2026-10-20T07:00:00Z", "value", 90)));
		linked = api.get("/api/v1/key-results/" + kr).json();
		assertThat(linked.get("current").asDouble()).isEqualTo(88);
		assertThat(linked.get("current").asDouble()).isEqualTo(api.get("/api/v1/kpis/" + key).num("/latestValue"));
		var checkIns = api.get("/api/v1/key-results/" + kr + "/check-ins").json().get("items");
		assertThat(checkIns).hasSize(2);
		assertThat(checkIns.get(0).get("source").asString()).isEqualTo("KPI");
		assertThat(api.get("/api/v1/objectives/" + objective.str("/id")).num("/progress"))
			.isCloseTo((88.0 - 78) / 12, within(1e-9));
	}

	@Test
	void keyResultMeasuredByAMinMaxOrLastKpiReadsTheKpisLatestValue() {
		ApiClient api = ApiClient.admin(port);
		clock.set("2026-10-21T08:00:00Z");
		String cycle = api.post("/api/v1/cycles", Map.of("name", "Families-" + System.nanoTime(), "startDate",
				"2026-10-01", "endDate", "2026-12-31")).str("/id");
		Map<String, Double> expected = Map.of("MIN", 83.0, "MAX", 87.0, "LAST", 83.0);
		for (var aggregation : expected.entrySet()) {
			String key = aggregation.getKey().toLowerCase(java.util.Locale.ROOT) + "-" + System.nanoTime();
			api.post("/api/v1/kpis", KpiIntegrationTests.kpi(key, Map.of("aggregation", aggregation.getKey(),
					"target", 90, "warningThreshold", 80)));
			String kr = api.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Steadier " + key, "level",
					"TEAM", "keyResults", List.of(Map.of("title", "From 78 to 90", "type", "INCREASE", "startValue", 78,
							"targetValue", 90, "kpiId", key)))).str("/keyResults/0/id");
			api.post("/api/v1/kpis/" + key + "/measurements", List.of(Map.of("at", "2026-10-05T10:00:00Z", "value", 70),
					Map.of("at", "2026-10-19T10:00:00Z", "value", 87), Map.of("at", "2026-10-20T10:00:00Z", "value", 83)));
			assertThat(api.get("/api/v1/kpis/" + key).num("/latestValue")).isEqualTo(aggregation.getValue());
			assertThat(api.get("/api/v1/key-results/" + kr).num("/current")).as(aggregation.getKey())
				.isEqualTo(aggregation.getValue());
		}
	}

	/** SPEC: for SUM the key result reads the total over [cycle start, now]: "revenue this quarter". */
	@Test
	void keyResultMeasuredByASummedKpiReadsItsTotalOverTheCycle() {
		ApiClient api = ApiClient.admin(port);
		clock.set("2026-10-01T08:00:00Z");
		String key = "revenue-" + System.nanoTime();
		api.post("/api/v1/kpis", KpiIntegrationTests.kpi(key, Map.of("aggregation", "SUM", "target", 100,
				"warningThreshold", 80, "unit", "k€")));
		String cycle = api.post("/api/v1/cycles", Map.of("name", "Summed-" + System.nanoTime(), "startDate", "2026-10-01",
				"endDate", "2026-12-31")).str("/id");
		String kr = api.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Grow the business", "level",
				"TEAM", "keyResults", List.of(Map.of("title", "Revenue this quarter to 1,000 k€", "type", "INCREASE",
						"startValue", 0, "targetValue", 1000, "kpiId", key)))).str("/keyResults/0/id");

		clock.set("2026-10-13T08:00:00Z");
		// The September value lies before the cycle and does not count.
		api.post("/api/v1/kpis/" + key + "/measurements", List.of(Map.of("at", "2026-09-28T10:00:00Z", "value", 50),
				Map.of("at", "2026-10-05T10:00:00Z", "value", 80), Map.of("at", "2026-10-12T10:00:00Z", "value", 84)));
		assertThat(api.get("/api/v1/key-results/" + kr).num("/current")).isEqualTo(164);
		assertThat(api.get("/api/v1/kpis/" + key).num("/latestValue")).as("the week's total").isEqualTo(84);

		clock.set("2026-10-20T08:00:00Z");
		api.post("/api/v1/kpis/" + key + "/measurements", List.of(Map.of("at", "2026-10-19T10:00:00Z", "value", 86)));
		assertThat(api.get("/api/v1/key-results/" + kr).num("/current")).isEqualTo(250);
		assertThat(api.get("/api/v1/key-results/" + kr).num("/progress")).isCloseTo(0.25, within(1e-9));
	}

	@Test
	void keyResultLinkedToAKpiWithValuesTakesItsValueAtOnce() {
		ApiClient api = ApiClient.admin(port);
		clock.set("2026-10-10T08:00:00Z");
		String key = "nps-" + System.nanoTime();
		api.post("/api/v1/kpis", KpiIntegrationTests.kpi(key, Map.of("aggregation", "LAST", "target", 50,
				"warningThreshold", 30)));
		api.post("/api/v1/kpis/" + key + "/measurements", List.of(Map.of("at", "2026-10-02T10:00:00Z", "value", 31),
				Map.of("at", "2026-10-09T10:00:00Z", "value", 35)));
		String cycle = api.post("/api/v1/cycles", Map.of("name", "Now-" + System.nanoTime(), "startDate", "2026-10-01",
				"endDate", "2026-12-31")).str("/id");

		var created = api.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Loyal customers", "level",
				"TEAM", "keyResults", List.of(Map.of("title", "NPS from 30 to 50", "type", "INCREASE", "startValue", 30,
						"targetValue", 50, "kpiId", key))));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		var kr = api.get("/api/v1/key-results/" + created.str("/keyResults/0/id")).json();
		assertThat(kr.get("current").asDouble()).as("created linked").isEqualTo(35);
		assertThat(kr.get("progress").asDouble()).isCloseTo(0.25, within(1e-9));

		// Linked later by an edit: the same at once; unlinked key results stay as they were.
		var plain = api.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Promoters", "level", "TEAM",
				"keyResults", List.of(Map.of("title", "NPS to 50", "type", "INCREASE", "startValue", 30,
						"targetValue", 50))));
		String plainKr = plain.str("/keyResults/0/id");
		assertThat(api.get("/api/v1/key-results/" + plainKr + "/check-ins").json().get("items")).isEmpty();
		assertThat(api.patch("/api/v1/key-results/" + plainKr, Map.of("kpiId", key)).status()).isEqualTo(200);
		var edited = api.get("/api/v1/key-results/" + plainKr).json();
		assertThat(edited.get("current").asDouble()).as("linked by an edit").isEqualTo(35);
		assertThat(api.get("/api/v1/key-results/" + plainKr + "/check-ins").json().get("items").get(0).get("source")
			.asString()).isEqualTo("KPI");
	}
}
