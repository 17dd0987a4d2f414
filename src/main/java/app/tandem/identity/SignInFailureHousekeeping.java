package app.tandem.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import app.tandem.shared.ClusterLock;
import app.tandem.shared.Sql;
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

	private final ClusterLock lock;

	SignInFailureHousekeeping(JdbcClient jdbc, Clock clock, ClusterLock lock) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.lock = lock;
	}

	@Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT10M")
	void run() {
		lock.runOnce("forget-old-sign-in-failures", Duration.ofMinutes(5), Duration.ofMinutes(1), this::forget);
	}

	int forget() {
		return jdbc.sql("delete from sign_in_failure where at < ?").param(Sql.ts(Instant.now(clock).minus(KEPT))).update();
	}
}
