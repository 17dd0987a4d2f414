package app.tandem.kpi;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import app.tandem.ApiClient;
import app.tandem.MutableClock;
import app.tandem.SecondInstance;
import app.tandem.TandemIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14 A4, KPI side: the largest numbers a KPI accepts (±1e15 as values, targets, thresholds and bounds), and a
 * formula that multiplies them far beyond, leave every stored number finite, so a backup restores into a fresh
 * instance and exports the same document again.
 */
@TandemIntegrationTest
@Import(MutableClock.Config.class)
class KpiBackupRoundTripIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	Environment environment;

	@Test
	void theLargestAcceptedKpiNumbersRoundTripThroughABackup() {
		ApiClient api = ApiClient.admin(port);
		clock.set("2026-11-20T08:00:00Z");
		String cycle = api.post("/api/v1/cycles", Map.of("name", "Huge-" + System.nanoTime(), "startDate", "2026-10-01",
				"endDate", "2026-12-31")).str("/id");
		long n = System.nanoTime();
		String sum = "sum-" + n;
		String range = "range-" + n;
		String power = "power-" + n;
		assertThat(api.post("/api/v1/kpis", KpiIntegrationTests.kpi(sum, Map.of("target", 1e15, "warningThreshold",
				-1e15, "aggregation", "SUM"))).status()).isEqualTo(201);
		assertThat(api.post("/api/v1/kpis", KpiIntegrationTests.kpi(range, Map.of("direction", "WITHIN_RANGE",
				"lowerBound", -1e15, "upperBound", 1e15, "warningMargin", 1e15, "aggregation", "AVG", "frequency",
				"DAILY"))).status()).isEqualTo(201);
		// {sum} to the 20th power times 1e8: up to 1e308, where the trend's sums would overflow
		String formula = String.join(" * ", java.util.Collections.nCopies(20, "{" + sum + "}")) + " * 100000000";
		var created = api.post("/api/v1/kpis", KpiIntegrationTests.kpi(power, Map.of("formula", formula, "target", 1e15,
				"warningThreshold", 1e14)));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		var objective = api.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Huge numbers", "level", "TEAM", "keyResults",
				List.of(Map.of("title", "Sum", "type", "INCREASE", "startValue", -1e15, "targetValue", 1e15, "kpiId", sum),
						Map.of("title", "Range", "type", "INCREASE", "startValue", -1e15, "targetValue", 1e15, "kpiId",
								range),
						Map.of("title", "Power", "type", "INCREASE", "startValue", -1e15, "targetValue", 1e15, "kpiId",
								power))));

		List<Map<String, Object>> rows = new ArrayList<>();
		Instant first = Instant.parse("2026-06-01T10:00:00Z");
		for (int week = 0; week < 24; week++) {
			Instant at = first.plus(7L * week, ChronoUnit.DAYS);
			// the formula: 1e308 for 19 weeks, then 1.2e307
			rows.add(Map.of("kpi", sum, "at", at.toString(), "value", week < 19 ? 1e15 : -9e14));
			for (int i = 0; i < 3; i++) {
				rows.add(Map.of("kpi", range, "at", at.plusSeconds(i).toString(), "value", (week + i) % 2 == 0 ? 1e15
						: -1e15));
			}
		}
		// this week: 3e15, and the formula (3e15)^20 beyond any double: no value
		for (int i = 0; i < 3; i++) {
			rows.add(Map.of("kpi", sum, "at", "2026-11-20T07:00:0" + i + "Z", "value", 1e15));
		}
		var ingested = api.post("/api/v1/measurements", rows);
		assertThat(ingested.status()).as(ingested.text()).isEqualTo(200);

		assertThat(api.get("/api/v1/kpis/" + power).num("/latestValue")).isGreaterThan(1e306);
		assertThat(api.get("/api/v1/kpis/" + power).json().get("trend").isNull()).as("no line to infinity").isTrue();
		assertThat(api.get("/api/v1/key-results/" + objective.str("/keyResults/0/id")).num("/current"))
			.as("the total over the cycle").isEqualTo(1e15 - 5 * 9e14 + 3e15);
		assertThat(api.get("/api/v1/key-results/" + objective.str("/keyResults/2/id") + "/check-ins").json()
			.get("items")).as("a key result holds no number beyond 1e15").isEmpty();

		String exported = api.get("/api/v1/export").text();
		assertFinite(ApiClient.JSON.readTree(exported), "");
		boolean otherIsPostgres = !environment.matchesProfiles("postgres") && SecondInstance.postgresReachable();
		try (SecondInstance other = SecondInstance.start(otherIsPostgres)) {
			// Basic: the restore replaces the target's tokens, and a token made again after it would be one row more
			ApiClient target = ApiClient.adminBasic(other.port());
			var restored = target.postRaw("/api/v1/import", exported, "application/json");
			assertThat(restored.status()).as(restored.text()).isEqualTo(200);
			assertThat(target.get("/api/v1/export").text()).as("export from " + other.database).isEqualTo(exported);
		}
	}

	/** Every number in the backup is finite: no "Infinity" or "NaN" written as text either. */
	private static void assertFinite(JsonNode node, String path) {
		if (node.isNumber()) {
			assertThat(Double.isFinite(node.asDouble())).as(path).isTrue();
		}
		else if (node.isString()) {
			assertThat(node.asString()).as(path).isNotIn("Infinity", "-Infinity", "NaN");
		}
		else if (node.isObject()) {
			node.properties().forEach(e -> assertFinite(e.getValue(), path + "/" + e.getKey()));
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				assertFinite(node.get(i), path + "/" + i);
			}
		}
	}
}
