package app.tandem.kpi;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import app.tandem.ApiClient;
import app.tandem.TandemIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** KPI definitions and ingestion through the HTTP API. */
@TandemIntegrationTest
class KpiIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void kpiIsCreatedReadByKeyAndUpdatedWithItsVersion() {
		ApiClient api = ApiClient.admin(port);
		String key = "visitors-" + System.nanoTime();
		var created = api.post("/api/v1/kpis", kpi(key, Map.of()));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		assertThat(api.get("/api/v1/kpis/" + key).str("/id")).isEqualTo(created.str("/id"));
		assertThat(api.get("/api/v1/kpis/" + created.str("/id")).str("/key")).isEqualTo(key);

		var updated = api.patch("/api/v1/kpis/" + key, Map.of("target", 45000), created.etag());
		assertThat(updated.status()).as(updated.text()).isEqualTo(200);
		assertThat(updated.num("/target")).isEqualTo(45000);
		assertThat(api.patch("/api/v1/kpis/" + key, Map.of("target", 1), created.etag()).status()).isEqualTo(412);
		assertThat(api.post("/api/v1/kpis", kpi(key, Map.of())).status()).as("duplicate key").isEqualTo(409);
	}

	@Test
	void invalidDefinitionNamesEachField() {
		var refused = ApiClient.admin(port).post("/api/v1/kpis", Map.of("key", "Not A Slug", "direction", "SIDEWAYS",
				"frequency", "HOURLY", "aggregation", "MEDIAN"));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.text()).contains("\"key\"", "\"name\"", "\"direction\"", "\"frequency\"", "\"aggregation\"");
	}

	@Test
	void formulaOverUnknownKpiIsRefused() {
		var refused = ApiClient.admin(port).post("/api/v1/kpis",
				kpi("rate-" + System.nanoTime(), Map.of("formula", "{nobody} / {nothing} * 100")));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.str("/errors/0/field")).isEqualTo("formula");
	}

	@Test
	void jsonAndCsvBatchesAreStoredAndResendingReplacesInsteadOfDuplicating() {
		ApiClient api = ApiClient.admin(port);
		String key = "csat-" + System.nanoTime();
		api.post("/api/v1/kpis", kpi(key, Map.of()));
		var json = api.post("/api/v1/kpis/" + key + "/measurements", List.of(
				Map.of("at", "2026-11-02T10:00:00Z", "value", 81.5), Map.of("at", "2026-11-09T10:00:00Z", "value", 84)));
		assertThat(json.status()).as(json.text()).isEqualTo(200);
		assertThat(json.json().get("accepted").asInt()).isEqualTo(2);
		assertThat(json.json().get("replaced").asInt()).isZero();

		String csv = "kpi,at,value\n" + key + ",2026-11-09T10:00:00Z,85\n" + key + ",2026-11-16,88\n";
		var again = api.postRaw("/api/v1/measurements", csv, "text/csv");
		assertThat(again.status()).as(again.text()).isEqualTo(200);
		assertThat(again.json().get("accepted").asInt()).isEqualTo(2);
		assertThat(again.json().get("replaced").asInt()).isEqualTo(1);
	}

	@Test
	void oneBadRowAmongTenThousandStoresNothingAndNamesItsLine() {
		ApiClient api = ApiClient.admin(port);
		String key = "uptime-" + System.nanoTime();
		api.post("/api/v1/kpis", kpi(key, Map.of()));
		StringBuilder csv = new StringBuilder("at,value\n");
		for (int i = 0; i < 10_000; i++) {
			csv.append(java.time.Instant.parse("2025-01-01T00:00:00Z").plusSeconds(3600L * i)).append(',')
				.append(i == 7_000 ? "lots" : "99.5").append('\n');
		}
		var refused = api.postRaw("/api/v1/kpis/" + key + "/measurements", csv.toString(), "text/csv");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.isProblem()).isTrue();
		assertThat(refused.json().at("/errors/0/line").asInt()).isEqualTo(7_002);
		assertThat(refused.str("/errors/0/field")).isEqualTo("value");

		var fixed = api.postRaw("/api/v1/kpis/" + key + "/measurements", csv.toString().replace("lots", "98"), "text/csv");
		assertThat(fixed.json().get("accepted").asInt()).as("nothing was stored by the refused batch").isEqualTo(10_000);
		assertThat(fixed.json().get("replaced").asInt()).isZero();
	}

	@Test
	void eachKindOfBadRowGetsItsOwnMessage() {
		ApiClient api = ApiClient.admin(port);
		String key = "leads-" + System.nanoTime();
		api.post("/api/v1/kpis", kpi(key, Map.of()));
		String body = "[{\"kpi\":\"" + key + "\",\"at\":\"yesterday\",\"value\":1},"
				+ "{\"kpi\":\"no-such-kpi\",\"at\":\"2026-11-01T00:00:00Z\",\"value\":1},"
				+ "{\"kpi\":\"" + key + "\",\"at\":\"2026-11-01T00:00:00Z\",\"value\":1e400},"
				+ "{\"kpi\":\"" + key + "\",\"at\":\"2026-11-02T00:00:00Z\",\"value\":1},"
				+ "{\"kpi\":\"" + key + "\",\"at\":\"2026-11-02T00:00:00Z\",\"value\":2}]";
		var refused = api.postRaw("/api/v1/measurements", body, "application/json");
		assertThat(refused.status()).isEqualTo(400);
		List<String> problems = new java.util.ArrayList<>();
		refused.json().get("errors").forEach(e -> problems.add(e.get("line").asInt() + " " + e.get("field").asString()));
		assertThat(problems).containsExactly("1 at", "2 kpi", "3 value", "5 at");
	}

	@Test
	void targetsThresholdsAndBoundsBeyond1e15AreRefusedNamingTheField() {
		ApiClient api = ApiClient.admin(port);
		var refused = api.post("/api/v1/kpis", kpi("huge-" + System.nanoTime(), Map.of("target", 1e16,
				"warningThreshold", -1.0000001e15)));
		assertThat(refused.status()).isEqualTo(400);
		List<String> fields = new java.util.ArrayList<>();
		refused.json().get("errors").forEach(e -> fields.add(e.get("field").asString() + " " + e.get("message").asString()));
		assertThat(fields).containsExactly("target must lie between -1e15 and 1e15",
				"warningThreshold must lie between -1e15 and 1e15");

		String range = "range-" + System.nanoTime();
		var created = api.post("/api/v1/kpis", kpi(range, Map.of("direction", "WITHIN_RANGE", "lowerBound", -1e15,
				"upperBound", 1e15, "warningMargin", 1e15)));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		var patched = api.patch("/api/v1/kpis/" + range, Map.of("upperBound", 2e15, "warningMargin", 1e300),
				created.etag());
		assertThat(patched.status()).isEqualTo(400);
		assertThat(patched.text()).contains("\"upperBound\"", "\"warningMargin\"");
		assertThat(api.get("/api/v1/kpis/" + range).num("/upperBound")).as("nothing changed").isEqualTo(1e15);
	}

	@Test
	void measurementsBeyond1e15AreRefusedRowByRow() {
		ApiClient api = ApiClient.admin(port);
		String key = "big-" + System.nanoTime();
		api.post("/api/v1/kpis", kpi(key, Map.of()));
		var refused = api.postRaw("/api/v1/kpis/" + key + "/measurements",
				"at,value\n2026-09-01,1e15\n2026-09-02,-1e15\n2026-09-03,1.0000001e15\n2026-09-04,-1e200\n2026-09-05,1e400\n",
				"text/csv");
		assertThat(refused.status()).isEqualTo(400);
		List<String> problems = new java.util.ArrayList<>();
		refused.json().get("errors").forEach(e -> problems.add(e.get("line").asInt() + " " + e.get("field").asString()
				+ " " + e.get("message").asString()));
		assertThat(problems).containsExactly("4 value must lie between -1e15 and 1e15",
				"5 value must lie between -1e15 and 1e15", "6 value must lie between -1e15 and 1e15");
		var json = api.postRaw("/api/v1/kpis/" + key + "/measurements",
				"[{\"at\":\"2026-09-01\",\"value\":1e15},{\"at\":\"2026-09-02\",\"value\":1e16}]", "application/json");
		assertThat(json.str("/errors/0/message")).isEqualTo("must lie between -1e15 and 1e15");
		assertThat(json.json().at("/errors/0/line").asInt()).isEqualTo(2);
	}

	static Map<String, Object> kpi(String key, Map<String, Object> extra) {
		Map<String, Object> kpi = new HashMap<>(Map.of("key", key, "name", "KPI " + key, "direction", "HIGHER_IS_BETTER",
				"target", 40000, "warningThreshold", 32000, "frequency", "WEEKLY", "aggregation", "SUM",
				"perspective", "CUSTOMER", "indicator", "LEADING", "unit", "visitors"));
		kpi.putAll(extra);
		return kpi;
	}
}
