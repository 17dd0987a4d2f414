package app.tandem.kpi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import app.tandem.ApiClient;
import app.tandem.MutableClock;
import app.tandem.PageSession;
import app.tandem.TandemIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ingestion refuses what it cannot store truthfully, row by row and all or nothing, in words about the input
 * (issue 14 A5, C13, C16, C17).
 */
@TandemIntegrationTest
@Import(MutableClock.Config.class)
class MeasurementInputIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	ApiClient api;

	String key;

	@BeforeEach
	void aKpi() {
		api = ApiClient.admin(port);
		clock.set("2026-11-20T08:00:00Z");
		key = "tickets-" + System.nanoTime();
		assertThat(api.post("/api/v1/kpis", KpiIntegrationTests.kpi(key, Map.of())).status()).isEqualTo(201);
	}

	@Test
	void measurementsFarInTheFutureOrBefore1900AreRefusedRowByRowAndNothingIsStored() {
		List<String> instants = List.of("2026-11-20T08:04:59Z", "2026-11-20T08:05:01Z", "+99999-01-01T00:00:00Z",
				"-999999999-01-01T00:00:00Z", "1899-12-31T23:59:59Z", "1900-01-01");
		List<Map<String, Object>> json = new ArrayList<>();
		StringBuilder csv = new StringBuilder("at,value\n");
		for (String at : instants) {
			json.add(Map.of("at", at, "value", 1));
			csv.append(at).append(",1\n");
		}
		for (var refused : List.of(api.post("/api/v1/kpis/" + key + "/measurements", json),
				api.postRaw("/api/v1/kpis/" + key + "/measurements", csv.toString(), "text/csv"))) {
			assertThat(refused.status()).as(refused.text()).isEqualTo(400);
			assertThat(refused.str("/detail")).isEqualTo("4 of 6 rows are invalid; nothing was stored");
			List<String> errors = new ArrayList<>();
			refused.json().get("errors").forEach(e -> errors.add(e.get("field").asString() + " " + e.get("message")
				.asString()));
			assertThat(errors).hasSize(4);
			assertThat(errors.get(0)).isEqualTo("at lies in the future (more than 5 minutes after 2026-11-20T08:00:00Z):"
					+ " 2026-11-20T08:05:01Z");
			assertThat(errors.get(1)).startsWith("at lies in the future").endsWith("+99999-01-01T00:00:00Z");
			assertThat(errors.get(2)).isEqualTo("at lies before 1900-01-01: -999999999-01-01T00:00:00Z");
			assertThat(errors.get(3)).isEqualTo("at lies before 1900-01-01: 1899-12-31T23:59:59Z");
		}
		assertNothingStored();

		var accepted = api.post("/api/v1/measurements", List.of(Map.of("kpi", key, "at", "2026-11-20T08:04:59Z",
				"value", 7), Map.of("kpi", key, "at", "1900-01-01", "value", 3)));
		assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);
		assertThat(api.get("/api/v1/kpis/" + key).str("/latestAt")).isEqualTo("2026-11-20T08:04:59Z");
	}

	@Test
	void aCsvRowWithMoreValuesThanTheHeaderHasColumnsIsAnErrorOfThatLine() {
		String csv = "at,value\n2026-12-01T09:00:00Z,3.5\n2026-11-02T09:00:00Z,4,2\n";
		var refused = api.postRaw("/api/v1/kpis/" + key + "/measurements", csv, "text/csv");
		assertThat(refused.status()).as(refused.text()).isEqualTo(400);
		assertThat(refused.json().get("errors")).hasSize(2);
		assertThat(refused.json().at("/errors/0/field").asString()).isEqualTo("at");
		assertThat(refused.json().at("/errors/1/line").asInt()).isEqualTo(3);
		assertThat(refused.json().at("/errors/1/field").asString()).isEqualTo("row");
		assertThat(refused.json().at("/errors/1/message").asString())
			.isEqualTo("has 3 values where the header has 2 columns (a decimal comma? write 4.2, or quote the value)");

		var many = api.postRaw("/api/v1/measurements", "kpi,at,value\n" + key + ",2026-11-02T09:00:00Z,4,2\n", "text/csv");
		assertThat(many.status()).isEqualTo(400);
		assertThat(many.json().at("/errors/0/line").asInt()).isEqualTo(2);
		assertThat(many.json().at("/errors/0/field").asString()).isEqualTo("row");
		assertNothingStored();

		var quoted = api.postRaw("/api/v1/kpis/" + key + "/measurements", "at,value\n2026-11-02T09:00:00Z,\"4,2\"\n",
				"text/csv");
		assertThat(quoted.json().at("/errors/0/message").asString()).isEqualTo("is not a number: 4,2");
	}

	@Test
	void anUnclosedQuoteAndOtherBrokenCsvAreToldByLineWithoutClassNames() {
		var unclosed = api.postRaw("/api/v1/kpis/" + key + "/measurements",
				"at,value\n2026-11-01T09:00:00Z,1\n\"2026-11-02T09:00:00Z,4\n2026-11-03T09:00:00Z,5\n", "text/csv");
		assertThat(unclosed.status()).isEqualTo(400);
		assertThat(unclosed.isProblem()).isTrue();
		assertThat(unclosed.str("/errors/0/field")).isEqualTo("line 3");
		assertThat(unclosed.str("/errors/0/message"))
			.isEqualTo("a quoted value that starts on line 3 is never closed: a \" is missing");

		Map<String, String> broken = Map.of("at,value\n\"2026-11-02T09:00:00Z\"x,4\n", "line 2: a closing \"",
				"at,at,value\n2026-11-02T09:00:00Z,1,4\n", "the header names the column at more than once",
				"at,,value\n2026-11-02T09:00:00Z,,4\n", "the header has a column without a name",
				"value\n4\n", "the header must name the columns at,value");
		broken.forEach((csv, message) -> {
			var refused = api.postRaw("/api/v1/kpis/" + key + "/measurements", csv, "text/csv");
			assertThat(refused.status()).as(csv).isEqualTo(400);
			assertThat(refused.str("/errors/0/message")).as(csv).startsWith(message);
			assertNoClassNames(refused);
		});
	}

	@Test
	void jsonBodiesThatCannotBeReadAreToldWithoutClassNames() {
		String deep = "[".repeat(1200) + "]".repeat(1200);
		List<String> bodies = List.of(deep, "[{\"at\":\"2026-11-01\",\"value\":" + "[".repeat(1200) + "]".repeat(1200)
				+ "}]", "[{\"at\":\"2026-11-01\",\"value\":1" + "0".repeat(2000) + "}]", "[{\"at\":", "[NaN]",
				"[{\"at\":\"2026-11-01\",\"value\":1} // a comment\n]", "\uFEFF[]", "[{\"at\" \"x\"}]", "{\"at\":1}");
		for (String body : bodies) {
			var refused = api.postRaw("/api/v1/kpis/" + key + "/measurements", body, "application/json");
			assertThat(refused.status()).as(body).isIn(200, 400);
			assertNoClassNames(refused);
		}
	}

	@Test
	void aRefusalCountsRowsNotProblemsAndQuotesOnlyTheStartOfAnOversizedValue() {
		var empty = api.postRaw("/api/v1/measurements", "[{}]", "application/json");
		assertThat(empty.str("/detail")).isEqualTo("1 of 1 row is invalid; nothing was stored");
		assertThat(empty.json().get("errors")).hasSize(3);
		var notAnObject = api.postRaw("/api/v1/measurements", "[7, {\"kpi\":\"" + key
				+ "\",\"at\":\"2026-11-01\",\"value\":1}]", "application/json");
		assertThat(notAnObject.str("/detail")).isEqualTo("1 of 2 rows is invalid; nothing was stored");
		assertThat(notAnObject.str("/errors/0/field")).isEqualTo("row");
		assertThat(notAnObject.str("/errors/0/message")).isEqualTo("is not an object {kpi, at, value}");

		String huge = "9".repeat(20) + "x".repeat(900_000);
		for (String body : List.of("[{\"at\":\"2026-11-01\",\"value\":\"" + huge + "\"}]",
				"[{\"at\":\"" + huge + "\",\"value\":1}]")) {
			var refused = api.postRaw("/api/v1/kpis/" + key + "/measurements", body, "application/json");
			assertThat(refused.status()).isEqualTo(400);
			assertThat(refused.text().length()).as("1 MB in, not 1 MB out").isLessThan(1_000);
			assertThat(refused.str("/errors/0/message")).endsWith(": " + "9".repeat(20) + "x".repeat(20) + "…");
		}
		var unknown = api.postRaw("/api/v1/measurements", "[{\"kpi\":\"" + huge + "\",\"at\":\"2026-11-01\",\"value\":1}]",
				"application/json");
		assertThat(unknown.text().length()).isLessThan(1_000);
		assertThat(unknown.str("/errors/0/message")).endsWith("x…");
	}

	@Test
	void theUploadPageCountsRowsNotProblems() {
		PageSession admin = PageSession.signedIn(port, "admin", "open-sesame-test-run");
		admin.get("/kpis/" + key);
		var preview = admin.htmxPost("/kpis/" + key + "/values/preview", Map.of("csv",
				"at,value\n,\n2026-11-19T09:00:00Z,4,2\n2026-11-19T10:00:00Z,5\n"));
		assertThat(preview.statusCode()).isEqualTo(422);
		assertThat(preview.body()).contains("2 rows need fixing; nothing was stored.", "Line 2, time: is required",
				"Line 2, value: is required", "Line 3, row: has 3 values where the header has 2 columns");
		var stored = admin.htmxPost("/kpis/" + key + "/values", Map.of("csv", "at,value\n,\n"));
		assertThat(stored.body()).contains("1 row needs fixing; nothing was stored.");
		assertNothingStored();
	}

	private void assertNothingStored() {
		var latest = api.get("/api/v1/kpis/" + key).json().get("latestAt");
		assertThat(latest == null || latest.isNull()).as("nothing stored").isTrue();
	}

	private static void assertNoClassNames(ApiClient.Response refused) {
		assertThat(refused.text()).as(refused.text()).doesNotContain("Exception", "org.apache", "java.", "tools.jackson",
				"StreamReadConstraints", "`");
	}
}
