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

	@Test
	void linkedKeyResultTakesTheKpisValueOverItsCycleAtEachIngestion() {
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
		// The September value lies before the cycle and does not count.
		api.post("/api/v1/kpis/" + key + "/measurements", List.of(Map.of("at", "2026-09-28T10:00:00Z", "value", 50),
				Map.of("at", "2026-10-05T10:00:00Z", "value", 80), Map.of("at", "2026-10-12T10:00:00Z", "value", 84)));
		var linked = api.get("/api/v1/key-results/" + kr).json();
		assertThat(linked.get("current").asDouble()).isCloseTo(82, within(1e-9));
		assertThat(linked.get("progress").asDouble()).isCloseTo(4.0 / 12, within(1e-9));

		clock.set("2026-10-20T08:00:00Z");
		api.post("/api/v1/kpis/" + key + "/measurements", List.of(Map.of("at", "2026-10-19T10:00:00Z", "value", 86)));
		linked = api.get("/api/v1/key-results/" + kr).json();
		assertThat(linked.get("current").asDouble()).isCloseTo(250.0 / 3, within(1e-9));
		var checkIns = api.get("/api/v1/key-results/" + kr + "/check-ins").json().get("items");
		assertThat(checkIns).hasSize(2);
		assertThat(checkIns.get(0).get("source").asString()).isEqualTo("KPI");
		assertThat(api.get("/api/v1/objectives/" + objective.str("/id")).num("/progress"))
			.isCloseTo((250.0 / 3 - 78) / 12, within(1e-9));
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
