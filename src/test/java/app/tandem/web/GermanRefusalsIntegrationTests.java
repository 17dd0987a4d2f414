package app.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.tandem.ApiClient;
import app.tandem.PageSession;
import app.tandem.TandemIntegrationTest;

/** A form refused on a German page says why in German, the form's own refusals and the domain's alike. */
@TandemIntegrationTest
class GermanRefusalsIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void refusalsBesideTheFieldsAreGermanOnAGermanPage() {
		PageSession admin = PageSession.signedIn(port, "admin", ApiClient.ADMIN_PASSWORD);
		admin.get("/cycles?lang=de");
		var cycle = admin.post("/cycles", Map.of("name", "", "startDate", "2026-13-01", "endDate", "2026-12-31"));
		assertThat(cycle.statusCode()).isEqualTo(422);
		assertThat(cycle.body()).contains("Benennen Sie den Zyklus, etwa 2027-Q1.",
				"Geben Sie ein Datum als JJJJ-MM-TT ein.").doesNotContain("Name the cycle");

		String cycleId = ApiClient.admin(port).post("/api/v1/cycles", Map.of("name", "Deutsch " + System.nanoTime(),
				"startDate", "2026-10-01", "endDate", "2026-12-31")).str("/id");
		admin.get("/okrs/new?cycleId=" + cycleId);
		var objective = admin.post("/okrs/new", Map.of("cycleId", cycleId, "title", "", "level", "COMPANY", "type",
				"COMMITTED", "visibility", "PUBLIC", "keyResults[0].title", "Mehr Kunden", "keyResults[0].type", "DECREASE",
				"keyResults[0].startValue", "10", "keyResults[0].targetValue", "12"));
		assertThat(objective.statusCode()).isEqualTo(422);
		assertThat(objective.body()).contains("Sagen Sie, was Sie erreichen wollen.");

		String kpi = "german-" + Long.toString(System.nanoTime(), 36);
		ApiClient.admin(port).post("/api/v1/kpis", Map.of("key", kpi, "name", "Deutsch", "direction", "HIGHER_IS_BETTER",
				"target", 10, "frequency", "DAILY", "aggregation", "LAST"));
		admin.get("/kpis/" + kpi);
		String day = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.DAYS).minusSeconds(86400).toString();
		var rows = admin.htmxPost("/kpis/" + kpi + "/values/preview", Map.of("csv", "at,value\n" + day + ",viele\n,3\n"));
		assertThat(rows.statusCode()).isEqualTo(422);
		assertThat(rows.body()).contains("Zeile 2, Wert: ist keine Zahl: viele", "Zeile 3, Zeitpunkt: ist nötig");
		admin.get("/?lang=en");
	}
}
