package app.tandem.okr;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import app.tandem.ApiClient;
import app.tandem.TandemIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Writes to a cycle that reach every key result in it. New dates change which check-ins count, so the tallies and the
 * stored progress are recomputed; closing takes the cycle's objectives in the order every check-in and ingestion
 * takes them, so a closing and an ingestion into a KPI that measures its key results neither deadlock (a 409 that
 * is no real conflict) nor let a check-in land after the scores froze.
 */
@TandemIntegrationTest
class CycleWritesIntegrationTests {

	private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

	@LocalServerPort
	int port;

	@Test
	void newDatesThatWouldLeaveCheckInsOutsideAreRefusedAndOthersKeepTheStoredProgressTrue() {
		ApiClient api = ApiClient.admin(port);
		String cycle = api.post("/api/v1/cycles", Map.of("name", "Dates-" + System.nanoTime(), "startDate",
				TODAY.minusDays(10).toString(), "endDate", TODAY.plusDays(80).toString())).str("/id");
		var objective = api.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Keep latency in range",
				"level", "TEAM", "keyResults", List.of(Map.of("title", "p95 latency within 100–300 ms", "type",
						"THRESHOLD", "minValue", 100, "maxValue", 300, "unit", "ms"))));
		String kr = objective.str("/keyResults/0/id");
		for (var checkIn : List.of(Map.of("at", TODAY.minusDays(5) + "T09:00:00Z", "value", 900),
				Map.of("at", TODAY.minusDays(2) + "T09:00:00Z", "value", 200))) {
			assertThat(api.post("/api/v1/key-results/" + kr + "/check-ins", checkIn).status()).isEqualTo(201);
		}
		assertThat(api.get("/api/v1/key-results/" + kr).num("/progress")).as("one of two in range").isEqualTo(0.5);
		assertThat(storedProgress(api, cycle)).isEqualTo(0.5);

		var refused = api.patch("/api/v1/cycles/" + cycle, Map.of("startDate", TODAY.minusDays(3).toString()));
		assertThat(refused.status()).as(refused.text()).isEqualTo(409);
		assertThat(refused.str("/detail")).isEqualTo("1 check-in would fall outside the new dates ("
				+ TODAY.minusDays(5) + "); choose dates that keep them");
		assertThat(api.get("/api/v1/cycles/" + cycle).str("/startDate")).isEqualTo(TODAY.minusDays(10).toString());
		assertThat(api.get("/api/v1/key-results/" + kr).num("/progress")).isEqualTo(0.5);

		var wider = api.patch("/api/v1/cycles/" + cycle, Map.of("startDate", TODAY.minusDays(20).toString(), "endDate",
				TODAY.plusDays(5).toString()));
		assertThat(wider.status()).as(wider.text()).isEqualTo(200);
		assertThat(api.get("/api/v1/key-results/" + kr).num("/progress")).isEqualTo(0.5);
		assertThat(storedProgress(api, cycle)).as("what the dashboard reads").isEqualTo(0.5);
	}

	@Test
	void closingWhileItsKpiIngestsNeitherDeadlocksNorTakesACheckInAfterTheScoresFroze() throws Exception {
		ApiClient api = ApiClient.admin(port);
		String token = api.post("/api/v1/tokens", Map.of("name", "close-race", "scopes", List.of("read", "write")))
			.str("/token");
		ExecutorService pool = Executors.newFixedThreadPool(2);
		List<String> refused = new ArrayList<>();
		try {
			for (int round = 0; round < 12; round++) {
				long n = System.nanoTime();
				String key = "close-race-" + n;
				assertThat(api.post("/api/v1/kpis", Map.of("key", key, "name", "Visitors " + n, "direction",
						"HIGHER_IS_BETTER", "target", 40000, "warningThreshold", 32000, "frequency", "WEEKLY",
						"aggregation", "LAST", "perspective", "CUSTOMER", "unit", "visitors"))
					.status()).isEqualTo(201);
				String cycle = api.post("/api/v1/cycles", Map.of("name", "Close-race-" + n, "startDate",
						TODAY.minusDays(10).toString(), "endDate", TODAY.plusDays(80).toString())).str("/id");
				// several objectives, so that ingestion and closing each take more than one lock
				List<String> keyResults = new ArrayList<>();
				for (int o = 0; o < 6; o++) {
					var created = api.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Visitors " + o,
							"level", "TEAM", "keyResults", List.of(Map.of("title", "Reach 40,000 visitors", "type",
									"INCREASE", "startValue", 0, "targetValue", 40000, "kpiId", key))));
					assertThat(created.status()).as(created.text()).isEqualTo(201);
					keyResults.add(created.str("/keyResults/0/id"));
				}
				CyclicBarrier start = new CyclicBarrier(2);
				ApiClient client = ApiClient.anonymous(port).bearer(token);
				Future<ApiClient.Response> ingest = pool.submit(() -> {
					start.await();
					return client.post("/api/v1/kpis/" + key + "/measurements",
							List.of(Map.of("at", TODAY + "T00:00:01Z", "value", 30000)));
				});
				Future<ApiClient.Response> close = pool.submit(() -> {
					start.await();
					return client.post("/api/v1/cycles/" + cycle + "/close", Map.of());
				});
				for (var answer : List.of(ingest.get(), close.get())) {
					if (answer.status() != 200) {
						refused.add("round " + round + ": " + answer.status() + " " + answer.text());
					}
				}
				for (String kr : keyResults) {
					var read = api.get("/api/v1/key-results/" + kr).json();
					assertThat(read.get("score").asDouble()).as("the frozen score is the key result's")
						.isCloseTo(read.get("current").asDouble() / 40000, within(0.01));
				}
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(refused).as("answers other than 200").isEmpty();
	}

	private static double storedProgress(ApiClient api, String cycle) {
		return api.get("/api/v1/dashboard?cycleId=" + cycle).num("/progress");
	}
}
