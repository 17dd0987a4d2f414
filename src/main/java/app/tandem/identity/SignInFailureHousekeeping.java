package app.tandem.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import app.tandem.shared.ClusterSchedule;
import app.tandem.shared.Sql;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets failed sign-ins once they no longer count for any lock ({@link SignInLockOut#REMEMBERED}), on one node of the
 * cluster every ten minutes (not on every failure: an attack should cost the database one insert
 * per attempt, not a delete too). Their audit events stay.
 */
@Component
class SignInFailureHousekeeping {

	static final Duration KEPT = SignInLockOut.REMEMBERED;

	private final JdbcClient jdbc;

	private final Clock clock;

	SignInFailureHousekeeping(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Scheduled(cron = ClusterSchedule.EVERY_TEN_MINUTES, zone = "UTC")
	@SchedulerLock(name = "forget-old-sign-in-failures", lockAtLeastFor = ClusterSchedule.HALF_OF_TEN_MINUTES,
			lockAtMostFor = ClusterSchedule.HALF_OF_TEN_MINUTES)
	void run() {
		forget();
	}

	int forget() {
		return jdbc.sql("delete from sign_in_failure where at < ?").param(Sql.ts(Instant.now(clock).minus(KEPT))).update();
	}
}
