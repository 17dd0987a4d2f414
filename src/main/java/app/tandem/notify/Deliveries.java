package app.tandem.notify;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.tandem.notify.domain.Channel;
import app.tandem.shared.Ids;
import app.tandem.shared.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Notifications waiting to go out on a channel beyond the app, and what became of each. */
@Repository
class Deliveries {

	/** A delivery due, with what its message needs: the notification, the address, the tries so far. */
	record Due(UUID id, UUID notificationId, Channel channel, int attempts, Instant firstDueAt, UUID recipientId,
			String email) {
	}

	private final JdbcClient jdbc;

	Deliveries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void enqueue(UUID notification, Channel channel, Instant at) {
		jdbc.sql("""
				insert into notification_delivery (id, notification_id, channel, status, attempts, next_attempt_at)
				values (?, ?, ?, 'PENDING', 0, ?)""")
			.params(Ids.next(), notification, channel.name(), Sql.ts(at))
			.update();
	}

	/**
	 * Takes a due delivery for this run, for two minutes: only one node's run gets it (a conditional update), and one
	 * that died while sending leaves it to be taken again after that.
	 */
	boolean claim(UUID id, Instant now) {
		return jdbc.sql("""
				update notification_delivery set status = 'SENDING', next_attempt_at = ?
				where id = ? and status in ('PENDING', 'SENDING') and next_attempt_at <= ?""")
			.params(Sql.ts(now.plusSeconds(120)), id, Sql.ts(now))
			.update() == 1;
	}

	/** The oldest due first (pending, or taken by a run that did not finish), at most {@code limit}. */
	List<Due> due(Instant now, int limit) {
		return jdbc.sql("""
				select d.id, d.notification_id, d.channel, d.attempts, n.created_at, n.recipient_id, u.email
				from notification_delivery d
				join notification n on n.id = d.notification_id
				join app_user u on u.id = n.recipient_id
				where d.status in ('PENDING', 'SENDING') and d.next_attempt_at <= ?
				order by d.next_attempt_at, d.id fetch first ? rows only""")
			.params(Sql.ts(now), limit)
			.query((rs, i) -> new Due(Sql.uuid(rs, 1), Sql.uuid(rs, 2), Channel.valueOf(rs.getString(3)), rs.getInt(4),
					Sql.instant(rs, 5), Sql.uuid(rs, 6), rs.getString(7)))
			.list();
	}

	void sent(UUID id, Instant at) {
		jdbc.sql("update notification_delivery set status = 'SENT', attempts = attempts + 1, sent_at = ?, last_error = null"
				+ " where id = ?").params(Sql.ts(at), id).update();
	}

	/** Tried again at {@code next}, or given up when next is null. */
	void failed(UUID id, String error, Instant next) {
		String shortened = error == null ? "" : error.length() > 1000 ? error.substring(0, 1000) : error;
		if (next == null) {
			jdbc.sql("update notification_delivery set status = 'FAILED', attempts = attempts + 1, last_error = ? where id = ?")
				.params(shortened, id).update();
		}
		else {
			jdbc.sql("update notification_delivery set status = 'PENDING', attempts = attempts + 1, last_error = ?,"
					+ " next_attempt_at = ? where id = ?")
				.params(shortened, Sql.ts(next), id).update();
		}
	}

	/** A person's address is gone or they chose otherwise meanwhile: nothing to send. */
	void dropped(UUID id, String why) {
		jdbc.sql("update notification_delivery set status = 'DROPPED', last_error = ? where id = ?").params(why, id).update();
	}
}
