package app.tandem.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import app.tandem.ApiClient;
import app.tandem.PageSession;
import app.tandem.TandemIntegrationTest;

/** The KPI tree page and a formula KPI's part of it: every KPI and key result a link, in the drawing and the list. */
@TandemIntegrationTest
class KpiTreePageIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void aFormulaKpiShowsItsInputsAndTheKeyResultsTheyMeasure() {
		ApiClient admin = ApiClient.admin(port);
		String s = Long.toString(System.nanoTime(), 36);
		for (String part : List.of("won", "asked")) {
			admin.post("/api/v1/kpis", Map.of("key", part + "-" + s, "name", "Tree " + part + " " + s, "direction",
					"HIGHER_IS_BETTER", "target", 10, "frequency", "MONTHLY", "aggregation", "SUM", "perspective",
					"CUSTOMER", "indicator", "LEADING"));
		}
		admin.post("/api/v1/kpis", Map.of("key", "rate-" + s, "name", "Tree rate " + s, "direction", "HIGHER_IS_BETTER",
				"target", 20, "frequency", "MONTHLY", "aggregation", "LAST", "perspective", "CUSTOMER", "indicator",
				"LAGGING", "formula", "{won-" + s + "} / {asked-" + s + "} * 100"));
		LocalDate today = LocalDate.now();
		String cycle = admin.post("/api/v1/cycles", Map.of("name", "Tree " + s, "startDate",
				today.minusDays(5).toString(), "endDate", today.plusDays(60).toString())).str("/id");
		String wonId = admin.get("/api/v1/kpis/won-" + s).str("/id");
		var objective = admin.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Tree objective " + s,
				"level", "COMPANY", "keyResults", List.of(Map.of("title", "Win ten deals " + s, "type", "INCREASE",
						"startValue", 0, "targetValue", 10, "kpiId", wonId))));
		assertThat(objective.status()).as(objective.text()).isEqualTo(201);

		PageSession page = PageSession.signedIn(port, "admin", ApiClient.ADMIN_PASSWORD);
		String tree = page.get("/kpis/tree").body();
		assertThat(tree).contains("KPI tree", "Customer", "data-chart=", "/kpis/rate-" + s, "/kpis/won-" + s,
				"Win ten deals " + s, "Lagging");
		// in the list, the inputs sit under the formula, the key result under its KPI
		int rate = tree.indexOf(">Tree rate " + s + "<");
		assertThat(rate).isPositive();
		assertThat(tree.indexOf(">Tree won " + s + "<", rate)).isGreaterThan(rate);
		assertThat(tree.indexOf(">Win ten deals " + s + "<", rate)).isGreaterThan(tree.indexOf(">Tree won " + s + "<", rate));

		String kpi = page.get("/kpis/rate-" + s).body();
		assertThat(kpi).contains("Its part of the KPI tree", "Key result: Win ten deals " + s);
		assertThat(page.get("/kpis/won-" + s).body()).as("a KPI without a formula lists its key results instead")
			.doesNotContain("Its part of the KPI tree");
		assertThat(page.get("/kpis").body()).contains("href=\"/kpis/tree\"");
	}
}
