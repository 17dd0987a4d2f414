package app.tandem.config;

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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A check-in whose answer was lost (the node died, the connection dropped) and that the client sends again with the
 * same {@code Idempotency-Key} is stored once and answered as the first time.
 */
@TandemIntegrationTest
class IdempotencyKeyIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IdempotencyStore store;

	@Test
	void aCheckInSentTwiceWithOneKeyIsStoredOnceAndAnsweredTheSameBothTimes() {
		ApiClient api = ApiClient.admin(port);
		String kr = keyResult(api);
		ApiClient retrying = api.header("Idempotency-Key", "check-in-" + System.nanoTime());
		var first = retrying.post("/api/v1/key-results/" + kr + "/check-ins", Map.of("value", 4, "note", "lost answer"));
		var again = retrying.post("/api/v1/key-results/" + kr + "/check-ins", Map.of("value", 4, "note", "lost answer"));
		assertThat(first.status()).as(first.text()).isEqualTo(201);
		assertThat(again.status()).isEqualTo(201);
		assertThat(again.text()).isEqualTo(first.text());
		assertThat(again.contentType()).isEqualTo(first.contentType());
		assertThat(checkIns(api, kr)).isEqualTo(1);

		var other = api.header("Idempotency-Key", "another-" + System.nanoTime())
			.post("/api/v1/key-results/" + kr + "/check-ins", Map.of("value", 4, "note", "lost answer"));
		assertThat(other.status()).as("another key is another check-in").isEqualTo(201);
		assertThat(checkIns(api, kr)).isEqualTo(2);
	}

	@Test
	void twoConcurrentCheckInsWithOneKeyStoreOne() throws Exception {
		ApiClient api = ApiClient.admin(port);
		for (int round = 0; round < 5; round++) {
			String kr = keyResult(api);
			ApiClient retrying = api.header("Idempotency-Key", "\"" + java.util.UUID.randomUUID() + "\"");
			CyclicBarrier together = new CyclicBarrier(2);
			ExecutorService pool = Executors.newFixedThreadPool(2);
			List<Future<ApiClient.Response>> answers = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				answers.add(pool.submit(() -> {
					together.await();
					return retrying.post("/api/v1/key-results/" + kr + "/check-ins", Map.of("value", 7, "confidence", 6));
				}));
			}
			List<String> bodies = new ArrayList<>();
			for (Future<ApiClient.Response> answer : answers) {
				assertThat(answer.get().status()).as(answer.get().text()).isEqualTo(201);
				bodies.add(answer.get().text());
			}
			pool.shutdown();
			assertThat(bodies.get(1)).isEqualTo(bodies.get(0));
			assertThat(checkIns(api, kr)).as("round %d", round).isEqualTo(1);
		}
	}

	@Test
	void theSameKeyWithAnotherBodyIsRefusedWith422AndStoresNothing() {
		ApiClient api = ApiClient.admin(port);
		String kr = keyResult(api);
		ApiClient retrying = api.header("Idempotency-Key", "reused-" + System.nanoTime());
		assertThat(retrying.post("/api/v1/key-results/" + kr + "/check-ins", Map.of("value", 3)).status()).isEqualTo(201);
		var reused = retrying.post("/api/v1/key-results/" + kr + "/check-ins", Map.of("value", 5));
		assertThat(reused.status()).isEqualTo(422);
		assertThat(reused.isProblem()).isTrue();
		assertThat(reused.text()).contains("Idempotency-Key");
		assertThat(checkIns(api, kr)).isEqualTo(1);
	}

	@Test
	void aRefusedRequestIsNotRememberedSoItsCorrectedRetryIsStored() {
		ApiClient api = ApiClient.admin(port);
		String kr = keyResult(api);
		ApiClient retrying = api.header("Idempotency-Key", "corrected-" + System.nanoTime());
		var refused = retrying.post("/api/v1/key-results/" + kr + "/check-ins", Map.of("value", 3, "confidence", 11));
		assertThat(refused.status()).isEqualTo(400);
		var corrected = retrying.post("/api/v1/key-results/" + kr + "/check-ins", Map.of("value", 3, "confidence", 9));
		assertThat(corrected.status()).as(corrected.text()).isEqualTo(201);
		assertThat(checkIns(api, kr)).isEqualTo(1);
	}

	@Test
	void aKeyIsTheCallersOwnAndIsForgottenAfterADay() {
		ApiClient admin = ApiClient.admin(port);
		String kr = keyResult(admin);
		String key = "day-" + System.nanoTime();
		assertThat(admin.header("Idempotency-Key", key).post("/api/v1/key-results/" + kr + "/check-ins",
				Map.of("value", 1)).status()).isEqualTo(201);
		String username = "idem" + System.nanoTime();
		admin.post("/api/v1/users", Map.of("username", username, "name", "Idem Potent", "password",
				"Correct-horse-battery-9", "admin", true));
		ApiClient other = ApiClient.basic(port, username, "Correct-horse-battery-9").header("Idempotency-Key", key);
		assertThat(other.post("/api/v1/key-results/" + kr + "/check-ins", Map.of("value", 1)).status())
			.as("another caller's key is not this one's").isEqualTo(201);
		assertThat(checkIns(admin, kr)).isEqualTo(2);

		jdbc.sql("update idempotency_key set created_at = created_at - interval '25' hour where idempotency_key = ?")
			.param(key)
			.update();
		assertThat(admin.header("Idempotency-Key", key).post("/api/v1/key-results/" + kr + "/check-ins",
				Map.of("value", 1)).status()).isEqualTo(201);
		assertThat(checkIns(admin, kr)).as("a day later the key is new again").isEqualTo(3);

		jdbc.sql("update idempotency_key set created_at = created_at - interval '25' hour where idempotency_key = ?")
			.param(key)
			.update();
		store.forgetOlderThan(java.time.Instant.now().minus(IdempotencyStore.KEPT)); // what forgetExpired runs
		assertThat(jdbc.sql("select count(*) from idempotency_key where idempotency_key = ?").param(key)
			.query(Integer.class)
			.single()).as("the housekeeping forgets keys older than a day").isZero();
	}

	@Test
	void aMalformedKeyIsRefused() {
		ApiClient api = ApiClient.admin(port);
		String kr = keyResult(api);
		var refused = api.header("Idempotency-Key", "x".repeat(300)).post("/api/v1/key-results/" + kr + "/check-ins",
				Map.of("value", 1));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.str("/errors/0/field")).isEqualTo("Idempotency-Key");
		assertThat(checkIns(api, kr)).isZero();
	}

	@Test
	void anObjectiveSentTwiceWithOneKeyIsCreatedOnce() {
		ApiClient api = ApiClient.admin(port);
		String cycle = cycle(api);
		ApiClient retrying = api.header("Idempotency-Key", "objective-" + System.nanoTime());
		Map<String, Object> objective = Map.of("cycleId", cycle, "title", "Created once", "level", "COMPANY");
		var first = retrying.post("/api/v1/objectives", objective);
		var again = retrying.post("/api/v1/objectives", objective);
		assertThat(first.status()).as(first.text()).isEqualTo(201);
		assertThat(again.text()).isEqualTo(first.text());
		assertThat(api.get("/api/v1/objectives?cycleId=" + cycle).json().get("items")).hasSize(1);
	}

	private static String cycle(ApiClient api) {
		return api.post("/api/v1/cycles", Map.of("name", "Idem-" + System.nanoTime(), "startDate", "2026-01-01",
				"endDate", "2026-12-31")).str("/id");
	}

	private static String keyResult(ApiClient api) {
		var objective = api.post("/api/v1/objectives", Map.of("cycleId", cycle(api), "title", "Retry safely", "level",
				"COMPANY", "keyResults", List.of(Map.of("title", "Answers", "type", "INCREASE", "startValue", 0,
						"targetValue", 10))));
		assertThat(objective.status()).as(objective.text()).isEqualTo(201);
		return objective.str("/keyResults/0/id");
	}

	private int checkIns(ApiClient api, String kr) {
		return jdbc.sql("select count(*) from check_in where key_result_id = cast(? as uuid)").param(kr)
			.query(Integer.class)
			.single();
	}
}
