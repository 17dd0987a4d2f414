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

/** The KPI → OKR loop: a status change is an event, and a red KPI proposes a recovery objective. */
@TandemIntegrationTest
@Import(MutableClock.Config.class)
class KpiRecoveryIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Test
	void kpiTurningRedIsRecordedAndItsRecoveryObjectiveCanBePostedAsIs() {
		ApiClient api = ApiClient.admin(port);
		clock.set("2026-11-01T08:00:00Z");
		api.post("/api/v1/cycles", Map.of("name", "Recovery-" + System.nanoTime(), "startDate", "2026-10-01",
				"endDate", "2026-12-31"));
		String key = "nps-" + System.nanoTime();
		api.post("/api/v1/kpis", KpiIntegrationTests.kpi(key, Map.of("name", "Net promoter score", "aggregation", "LAST",
				"target", 90, "warningThreshold", 80, "unit", "points")));
		assertThat(api.get("/api/v1/kpis/" + key + "/recovery-okr").status()).as("no data yet").isEqualTo(409);

		api.post("/api/v1/kpis/" + key + "/measurements", List.of(Map.of("at", "2026-10-27T10:00:00Z", "value", 85)));
		clock.set("2026-11-05T08:00:00Z");
		api.post("/api/v1/kpis/" + key + "/measurements", List.of(Map.of("at", "2026-11-03T10:00:00Z", "value", 70)));

		var events = api.get("/api/v1/kpis/" + key + "/events").json().get("items");
		assertThat(events).hasSize(2);
		assertThat(events.get(0).get("from").asString()).isEqualTo("AMBER");
		assertThat(events.get(0).get("to").asString()).isEqualTo("RED");
		assertThat(events.get(0).get("value").asDouble()).isEqualTo(70);
		assertThat(events.get(1).get("from").asString()).isEqualTo("NO_DATA");

		var dashboard = api.get("/api/v1/dashboard").json().get("kpis");
		List<String> order = new java.util.ArrayList<>();
		dashboard.get("kpis").forEach(k -> order.add(k.get("status").asString()));
		assertThat(order).isSortedAccordingTo(java.util.Comparator
			.comparingInt(s -> List.of("RED", "AMBER", "NO_DATA", "GREEN").indexOf(s)));
		assertThat(dashboard.get("kpis").toString()).contains(key);
		assertThat(dashboard.at("/perspectives/CUSTOMER/RED").asInt()).isPositive();

		var draft = api.get("/api/v1/kpis/" + key + "/recovery-okr");
		assertThat(draft.status()).as(draft.text()).isEqualTo(200);
		assertThat(draft.str("/title")).isEqualTo("Bring Net promoter score back on target");
		assertThat(draft.str("/keyResults/0/type")).isEqualTo("INCREASE");
		assertThat(draft.num("/keyResults/0/startValue")).isEqualTo(70);
		assertThat(draft.num("/keyResults/0/targetValue")).isEqualTo(90);

		var created = api.postRaw("/api/v1/objectives", draft.text(), "application/json");
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		assertThat(created.str("/keyResults/0/kpiId")).isEqualTo(api.get("/api/v1/kpis/" + key).str("/id"));
	}
}
