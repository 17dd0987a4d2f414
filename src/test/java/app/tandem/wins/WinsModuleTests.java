package app.tandem.wins;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import app.tandem.PostgresTestSchema;
import app.tandem.audit.AuditTrail;
import app.tandem.identity.IdentityApi;
import app.tandem.okr.CycleClosed;
import app.tandem.okr.CycleReads;
import app.tandem.okr.KeyResultCheckedIn;
import app.tandem.okr.OkrScores.KeyResultOutcome;
import app.tandem.okr.OkrScores.ObjectiveOutcome;
import app.tandem.okr.OkrScores;
import app.tandem.okr.domain.Status;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

/**
 * The wins module alone, okr's answers stood in for: each event okr publishes becomes its wins once, after the
 * publishing transaction commits, however often it is handled.
 */
@ApplicationModuleTest
@ContextConfiguration(initializers = PostgresTestSchema.class)
class WinsModuleTests {

	@MockitoBean
	OkrScores outcomes;

	@MockitoBean
	CycleReads okr;

	@MockitoBean
	IdentityApi identity;

	@MockitoBean
	AuditTrail audit;

	/** Modulith stamps its publications with the application's clock, which lives outside this module. */
	@TestConfiguration
	static class SystemClock {

		@Bean
		Clock clock() {
			return Clock.systemUTC();
		}
	}

	@Autowired
	JdbcClient jdbc;

	@Test
	void aCheckInThatLeavesAKeyResultDoneIsOneWin(Scenario scenario) {
		UUID objective = UUID.randomUUID();
		UUID kr = UUID.randomUUID();
		Instant at = Instant.parse("2026-11-02T09:00:00Z");
		given(outcomes.of(objective)).willReturn(Optional.of(new ObjectiveOutcome(objective, UUID.randomUUID(),
				"Launch", null, null, 0.5, null, List.of(new KeyResultOutcome(kr, "Ship three releases", null,
						Status.DONE, at)))));
		KeyResultCheckedIn done = new KeyResultCheckedIn(kr, objective, UUID.randomUUID(), null, at, Status.ON_TRACK,
				Status.DONE);

		scenario.publish(done).andWaitForStateChange(() -> winsOf(kr), wins -> wins > 0)
			.andVerify(wins -> assertThat(wins).isOne());
		scenario.publish(done).andWaitForStateChange(() -> winsOf(kr), wins -> wins > 0)
			.andVerify(wins -> assertThat(wins).as("handled again, recorded once").isOne());
	}

	@Test
	void aCheckInThatLeavesAKeyResultShortOfDoneIsNoWin(Scenario scenario) {
		UUID kr = UUID.randomUUID();
		scenario.publish(new KeyResultCheckedIn(kr, UUID.randomUUID(), UUID.randomUUID(), null, Instant.now(),
				Status.AT_RISK, Status.ON_TRACK))
			.andWaitForStateChange(() -> true)
			.andVerify(ignored -> assertThat(winsOf(kr)).isZero());
	}

	@Test
	void aClosedCycleIsAWinForEachObjectiveScoringAtLeastSevenTenths(Scenario scenario) {
		UUID cycle = UUID.randomUUID();
		UUID strong = UUID.randomUUID();
		UUID weak = UUID.randomUUID();
		Instant closedAt = Instant.parse("2026-12-31T18:00:00Z");
		given(outcomes.inCycle(cycle)).willReturn(List.of(
				new ObjectiveOutcome(strong, cycle, "Strong", null, null, 0.7, closedAt, List.of()),
				new ObjectiveOutcome(weak, cycle, "Weak", null, null, 0.69, closedAt, List.of())));

		scenario.publish(new CycleClosed(cycle, closedAt))
			.andWaitForStateChange(() -> winsOf(strong), wins -> wins > 0)
			.andVerify(wins -> {
				assertThat(wins).isOne();
				assertThat(winsOf(weak)).isZero();
			});
	}

	private int winsOf(UUID subject) {
		return jdbc.sql("select count(*) from win where subject_id = ?").param(subject).query(Integer.class).single();
	}
}
