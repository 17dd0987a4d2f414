package app.tandem.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.tandem.audit.AuditTrail;
import app.tandem.shared.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What deactivating a person ends besides their sign-in: every API token they have, revoked for good
 * (reactivation does not revive one), and every browser session they hold, on every node (the
 * sessions are rows of Spring Session JDBC, found by principal name). A session a node is still
 * writing back meanwhile is caught by {@link ActiveSessions}, which checks the flag on each request.
 */
@Component
class Deactivation {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AuditTrail audit;

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	Deactivation(JdbcClient jdbc, Clock clock, AuditTrail audit,
			FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.audit = audit;
		this.sessions = sessions;
	}

	/** In the deactivating transaction: its tokens go with it; its sessions once it has committed. */
	void deactivated(UUID userId, String username) {
		Instant now = Instant.now(clock);
		List<UUID> tokens = jdbc.sql("select id from api_token where user_id = ? and revoked_at is null order by id")
			.param(userId)
			.query(UUID.class)
			.list();
		jdbc.sql("update api_token set revoked_at = ? where user_id = ? and revoked_at is null")
			.params(Sql.ts(now), userId)
			.update();
		for (UUID token : tokens) {
			var changes = AuditTrail.change("revokedAt", null, now);
			changes.put("reason", new Object[] { null, "owner deactivated" });
			audit.record("api_token", token, "REVOKED", changes);
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					endSessions(username);
				}
			});
		}
		else {
			endSessions(username);
		}
	}

	private void endSessions(String username) {
		sessions.findByPrincipalName(username).keySet().forEach(sessions::deleteById);
	}
}
