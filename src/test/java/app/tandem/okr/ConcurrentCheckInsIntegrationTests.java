package app.tandem.okr;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import app.tandem.ApiClient;
import app.tandem.TandemIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14, A3: four check-ins sent at once to four key results of one objective. The progress stored on the
 * objective (what the dashboard reads) must equal the mean of its key results' progress after every round, whatever
 * the interleaving: each refresh reads what the others committed.
 */
@TandemIntegrationTest
class ConcurrentCheckInsIntegrationTests {

	private static final int ROUNDS = 30;

	private static final int THREADS = 4;

	@LocalServerPort
	int port;

	@Test
	void fourCheckInsAtOnceLeaveTheStoredProgressEqualToTheKeyResults() throws Exception {
		ApiClient api = ApiClient.admin(port);
		LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
		// A cycle of its own with one objective: the dashboard's progress is then that objective's stored progress.
		String cycle = api.post("/api/v1/cycles", Map.of("name", "Race-" + System.nanoTime(), "startDate",
				today.minusDays(10).toString(), "endDate", today.plusDays(80).toString())).str("/id");
		List<Map<String, Object>> krs = new ArrayList<>();
		for (int i = 0; i < THREADS; i++) {
			krs.add(Map.of("title", "Reach 1000 #" + i, "type", "INCREASE", "startValue", 0, "targetValue", 1000));
		}
		var objective = api.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Race", "level", "TEAM",
				"keyResults", krs));
		assertThat(objective.status()).as(objective.text()).isEqualTo(201);
		String id = objective.str("/id");
		List<String> keyResults = new ArrayList<>();
		objective.json().get("keyResults").forEach(kr -> keyResults.add(kr.get("id").asString()));
		// A token: HTTP Basic pays an adaptive hash per call, which would space the four requests apart.
		String token = api.post("/api/v1/tokens", Map.of("name", "race", "scopes", List.of("read", "write")))
			.str("/token");
		List<ApiClient> clients = new ArrayList<>();
		for (int i = 0; i < THREADS; i++) {
			clients.add(ApiClient.anonymous(port).bearer(token));
		}
		Random random = new Random(14);
		List<String> stale = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		try {
			for (int round = 0; round < ROUNDS; round++) {
				int[] values = new int[THREADS];
				CyclicBarrier start = new CyclicBarrier(THREADS);
				List<Future<ApiClient.Response>> answers = new ArrayList<>();
				for (int i = 0; i < THREADS; i++) {
					values[i] = random.nextInt(1001);
					String path = "/api/v1/key-results/" + keyResults.get(i) + "/check-ins";
					Map<String, Object> body = Map.of("value", values[i]);
					ApiClient client = clients.get(i);
					answers.add(pool.submit(() -> {
						start.await();
						return client.post(path, body);
					}));
				}
				for (Future<ApiClient.Response> answer : answers) {
					ApiClient.Response response = answer.get();
					assertThat(response.status()).as(response.text()).isEqualTo(201);
				}
				double mean = java.util.Arrays.stream(values).average().orElseThrow() / 1000;
				double computed = clients.get(0).get("/api/v1/objectives/" + id).num("/progress");
				double stored = clients.get(0).get("/api/v1/dashboard?cycleId=" + cycle).num("/progress");
				assertThat(computed).as("the objective read, from its key results").isCloseTo(mean,
						org.assertj.core.api.Assertions.within(1e-9));
				if (Math.abs(stored - mean) > 1e-9) {
					stale.add("round " + round + ": key results at " + java.util.Arrays.toString(values) + " of 1000 → "
							+ mean + ", stored " + stored);
				}
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(stale).as("rounds whose stored progress is stale").isEmpty();
	}
}
