package app.tandem.config;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import app.tandem.ApiClient;
import app.tandem.SecondInstance;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reaction to an event that fails (here the database refuses its write, as when a node dies mid-way) leaves the
 * change it reacts to in place and its event publication incomplete; after a restart it runs again and its effect
 * happens once, also when it is run yet again. Both reactions across modules: a win from a check-in (okr → wins),
 * a key result measured by a KPI (kpi → okr).
 */
class DurableEventsIntegrationTests {

	private static final boolean POSTGRES = System.getProperty("spring.profiles.active", "").contains("postgres");

	/** Retry at once: the default waits ten minutes, so as not to run a reaction another node is still running. */
	private static final String RETRY_AT_ONCE = "--tandem.events.retry-after=0s";

	@Test
	void aWinAndAKpiCheckInThatFailedHappenOnceAfterARestart() {
		SecondInstance node = SecondInstance.start(POSTGRES, RETRY_AT_ONCE);
		try {
			ApiClient admin = ApiClient.admin(node.port());
			LocalDate today = LocalDate.now();
			String cycle = admin.post("/api/v1/cycles", Map.of("name", "Durable", "startDate",
					today.minusDays(10).toString(), "endDate", today.plusDays(80).toString())).str("/id");
			assertThat(admin.post("/api/v1/kpis", Map.of("key", "signups", "name", "Sign-ups", "direction",
					"HIGHER_IS_BETTER", "target", 100, "frequency", "WEEKLY", "aggregation", "LAST")).status())
				.isEqualTo(201);
			var objective = admin.post("/api/v1/objectives", Map.of("cycleId", cycle, "title", "Launch", "level",
					"COMPANY", "keyResults", List.of(
							Map.of("title", "Ship three releases", "type", "INCREASE", "startValue", 0, "targetValue", 3),
							Map.of("title", "Reach 100 sign-ups", "type", "INCREASE", "startValue", 0, "targetValue",
									100, "kpiId", "signups"))));
			assertThat(objective.status()).as(objective.text()).isEqualTo(201);
			String shipped = objective.str("/keyResults/0/id");
			String signups = objective.str("/keyResults/1/id");

			JdbcTemplate jdbc = new JdbcTemplate(node.bean(DataSource.class));
			jdbc.execute("alter table win rename to win_away");
			jdbc.execute("alter table check_in add constraint no_kpi_check_in check (ingestion_id is null)");
			var checkIn = admin.post("/api/v1/key-results/" + shipped + "/check-ins", Map.of("value", 3));
			assertThat(checkIn.status()).as("the check-in stands though its win failed").isEqualTo(201);
			var ingested = admin.post("/api/v1/kpis/signups/measurements",
					List.of(Map.of("at", Instant.now().minus(1, ChronoUnit.MINUTES).toString(), "value", 42)));
			assertThat(ingested.status()).as("the values stand though the key result's check-in failed")
				.isEqualTo(200);
			assertThat(incomplete(jdbc)).isEqualTo(2);
			jdbc.execute("alter table win_away rename to win");
			jdbc.execute("alter table check_in drop constraint no_kpi_check_in");
			assertThat(admin.get("/api/v1/key-results/" + signups + "/check-ins").json().get("items")).isEmpty();

			node = node.restart(RETRY_AT_ONCE);
			admin = ApiClient.admin(node.port());
			jdbc = new JdbcTemplate(node.bean(DataSource.class));
			assertThat(incomplete(jdbc)).as("both reactions completed after the restart").isZero();
			assertOnce(admin, cycle, shipped, signups);

			// run again, as when a node died after the reaction but before marking it complete: nothing twice
			jdbc.update("update event_publication set completion_date = null, status = 'FAILED'");
			node = node.restart(RETRY_AT_ONCE);
			admin = ApiClient.admin(node.port());
			assertThat(incomplete(new JdbcTemplate(node.bean(DataSource.class)))).isZero();
			assertOnce(admin, cycle, shipped, signups);
		}
		finally {
			node.close();
		}
	}

	private static void assertOnce(ApiClient admin, String cycle, String shipped, String signups) {
		var wins = admin.get("/api/v1/wins?cycleId=" + cycle).json().get("items");
		assertThat(wins).hasSize(1);
		assertThat(wins.get(0).get("subjectId").asString()).isEqualTo(shipped);
		assertThat(admin.get("/api/v1/key-results/" + signups).json().get("current").asDouble()).isEqualTo(42);
		var checkIns = admin.get("/api/v1/key-results/" + signups + "/check-ins").json().get("items");
		assertThat(checkIns).hasSize(1);
		assertThat(checkIns.get(0).get("source").asString()).isEqualTo("KPI");
	}

	private static int incomplete(JdbcTemplate jdbc) {
		return jdbc.queryForObject("select count(*) from event_publication where completion_date is null",
				Integer.class);
	}
}
