package app.tandem.config;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import app.tandem.ApiClient;
import app.tandem.TandemIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many writes at once whose reactions run after their commits (wins, key results moved by a KPI) never run out of
 * connections: each holds its own while its reactions take more, so the pool must outnumber what the request
 * threads can hold. With the old sizes (10 connections, 200 threads) 16 check-ins at once stalled for Hikari's 30 s
 * and answered 500.
 */
@TandemIntegrationTest
class ConcurrentReactionsIntegrationTests {

	private static final int CHECK_INS = 48;

	private static final int INGESTIONS = 16;

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void sixtyFourWritesAtOnceWithTheirReactionsAllAnswerInTime() throws Exception {
		ApiClient admin = ApiClient.admin(port);
		LocalDate today = LocalDate.now();
		String suffix = Long.toString(System.nanoTime(), 36);
		String cycle = admin.post("/api/v1/cycles", Map.of("name", "Rush " + suffix, "startDate",
				today.minusDays(10).toString(), "endDate", today.plusDays(80).toString())).str("/id");
		String kpi = "rush-" + suffix;
		assertThat(admin.post("/api/v1/kpis", Map.of("key", kpi, "name", "Rush", "direction", "HIGHER_IS_BETTER",
				"target", 100, "frequency", "DAILY", "aggregation", "LAST")).status()).isEqualTo(201);
		List<String> keyResults = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			var objective = admin.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Rush " + i,
					"level", "COMPANY", "keyResults", List.of(
							Map.of("title", "Done at once " + i, "type", "INCREASE", "startValue", 0, "targetValue", 1),
							Map.of("title", "Measured " + i, "type", "INCREASE", "startValue", 0, "targetValue",
									100, "kpiId", kpi))));
			assertThat(objective.status()).as(objective.text()).isEqualTo(201);
			keyResults.add(objective.str("/keyResults/0/id"));
		}

		CyclicBarrier together = new CyclicBarrier(CHECK_INS + INGESTIONS);
		ExecutorService clients = Executors.newFixedThreadPool(CHECK_INS + INGESTIONS);
		List<Future<Integer>> answers = new ArrayList<>();
		Instant began = Instant.now();
		try {
			for (int i = 0; i < CHECK_INS; i++) {
				String kr = keyResults.get(i % keyResults.size());
				answers.add(clients.submit(() -> {
					together.await(30, TimeUnit.SECONDS);
					return admin.post("/api/v1/key-results/" + kr + "/check-ins", Map.of("value", 1)).status();
				}));
			}
			for (int i = 0; i < INGESTIONS; i++) {
				String at = began.minus(Duration.ofMinutes(i + 1)).toString();
				int value = i;
				answers.add(clients.submit(() -> {
					together.await(30, TimeUnit.SECONDS);
					return admin.post("/api/v1/kpis/" + kpi + "/measurements", List.of(Map.of("at", at, "value", value)))
						.status();
				}));
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> answer : answers) {
				statuses.add(answer.get(60, TimeUnit.SECONDS));
			}
			assertThat(statuses.subList(0, CHECK_INS)).containsOnly(201);
			assertThat(statuses.subList(CHECK_INS, statuses.size())).containsOnly(200);
		}
		finally {
			clients.shutdownNow();
		}
		assertThat(Duration.between(began, Instant.now())).as("no request waited for a connection")
			.isLessThan(Duration.ofSeconds(25));
		var wins = admin.get("/api/v1/wins?cycleId=" + cycle + "&limit=100").json().get("items");
		assertThat(wins).as("each key result done, once").hasSize(keyResults.size());
		assertThat(jdbc.queryForObject("""
				select count(*) from event_publication where completion_date is null and publication_date >= ?""",
				Integer.class, java.sql.Timestamp.from(began))).isZero();
	}
}
