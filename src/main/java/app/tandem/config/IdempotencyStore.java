package app.tandem.config;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import app.tandem.shared.ClusterSchedule;
import app.tandem.shared.Sql;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The answers remembered for {@link IdempotencyKeys}, one row per caller, method, path and key (V25). */
@Component
class IdempotencyStore {

	/** How long a key is remembered: a client retries within minutes; the IETF draft suggests a day. */
	static final Duration KEPT = Duration.ofHours(24);

	/** The longest answer remembered (the column's size); creating POSTs answer a few kilobytes. */
	static final int MAX_BODY = 1_000_000;

	private final JdbcClient jdbc;

	private final Clock clock;

	IdempotencyStore(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	record Scope(UUID caller, String method, String path, String key) {
	}

	record Answer(String fingerprint, int status, String contentType, String location, String etag, String body,
			Instant createdAt) {

		boolean expired(Instant now) {
			return createdAt.plus(KEPT).isBefore(now);
		}
	}

	/**
	 * Claims the key in the caller's transaction: a concurrent request with the same key (on any node) waits at this
	 * insert until that transaction ends, then finds the key taken ({@code DuplicateKeyException}), or free again.
	 */
	void claim(Scope scope, String fingerprint) {
		jdbc.sql("""
				insert into idempotency_key (caller_id, method, path, idempotency_key, fingerprint, status, created_at)
				values (?, ?, ?, ?, ?, 0, ?)""")
			.params(scope.caller(), scope.method(), scope.path(), scope.key(), fingerprint, Sql.ts(Instant.now(clock)))
			.update();
	}

	/** The answer to remember, in the claiming transaction. */
	void complete(Scope scope, int status, String contentType, String location, String etag, String body) {
		jdbc.sql("""
				update idempotency_key set status = ?, content_type = ?, location = ?, etag = ?, body = ?
				where caller_id = ? and method = ? and path = ? and idempotency_key = ?""")
			.params(status, contentType, location, etag, body, scope.caller(), scope.method(), scope.path(), scope.key())
			.update();
	}

	Optional<Answer> find(Scope scope) {
		return jdbc.sql("""
				select fingerprint, status, content_type, location, etag, body, created_at from idempotency_key
				where caller_id = ? and method = ? and path = ? and idempotency_key = ?""")
			.params(scope.caller(), scope.method(), scope.path(), scope.key())
			.query((rs, i) -> new Answer(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), Sql.instant(rs, 7)))
			.optional();
	}

	/** Forgets a key whose day has passed, so that it can be used afresh. */
	void forget(Scope scope, Instant createdAt) {
		jdbc.sql("""
				delete from idempotency_key
				where caller_id = ? and method = ? and path = ? and idempotency_key = ? and created_at = ?""")
			.params(scope.caller(), scope.method(), scope.path(), scope.key(), Sql.ts(createdAt))
			.update();
	}

	boolean expired(Answer answer) {
		return answer.expired(Instant.now(clock));
	}

	@Scheduled(cron = ClusterSchedule.EVERY_TEN_MINUTES, zone = "UTC")
	@SchedulerLock(name = "forget-old-idempotency-keys", lockAtLeastFor = ClusterSchedule.HALF_OF_TEN_MINUTES,
			lockAtMostFor = ClusterSchedule.HALF_OF_TEN_MINUTES)
	void forgetExpired() {
		forgetOlderThan(Instant.now(clock).minus(KEPT));
	}

	int forgetOlderThan(Instant before) {
		return jdbc.sql("delete from idempotency_key where created_at < ?").param(Sql.ts(before)).update();
	}
}
