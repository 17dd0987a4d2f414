package app.tandem.kpi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import app.tandem.ApiClient;
import app.tandem.TandemIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Concurrent re-sends of the same instants: each request succeeds or answers 409, never 500, and no row doubles. */
@TandemIntegrationTest
class ConcurrentIngestionIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void concurrentResendsNeverFailWithAServerErrorAndNeverDuplicate() throws Exception {
		ApiClient api = ApiClient.admin(port);
		String key = "race-" + System.nanoTime();
		api.post("/api/v1/kpis", KpiIntegrationTests.kpi(key, Map.of("aggregation", "SUM")));
		StringBuilder csv = new StringBuilder("at,value\n");
		for (int i = 0; i < 200; i++) {
			csv.append(java.time.Instant.parse("2026-01-01T00:00:00Z").plusSeconds(3600L * i)).append(",1\n");
		}
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<Integer>> answers = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				Callable<Integer> send = () -> api.postRaw("/api/v1/kpis/" + key + "/measurements", csv.toString(),
						"text/csv").status();
				answers.add(pool.submit(send));
			}
			for (Future<Integer> answer : answers) {
				assertThat(answer.get()).isIn(200, 409);
			}
		}
		finally {
			pool.shutdown();
		}
		var year = api.get("/api/v1/kpis/" + key + "/measurements?bucket=QUARTER&from=2026-01-01T00:00:00Z"
				+ "&to=2027-01-01T00:00:00Z").json().get("items");
		assertThat(year.get(0).get("count").asInt()).isEqualTo(200);
		assertThat(year.get(0).get("value").asDouble()).isEqualTo(200);
	}
}
