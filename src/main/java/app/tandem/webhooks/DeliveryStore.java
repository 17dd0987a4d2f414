package app.tandem.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.tandem.shared.Ids;
import app.tandem.shared.Sql;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Each event for each webhook, what became of it, and its log. */
@Repository
class DeliveryStore {

	/** One delivery as the log shows it (and as the sender reads it). */
	record Delivery(UUID id, UUID webhookId, String eventId, String eventType, String body, String status, int attempts,
			Instant createdAt, Instant nextAttemptAt, Instant lastAttemptAt, Integer lastStatus, String lastError,
			Instant deliveredAt) {
	}

	private static final RowMapper<Delivery> ROW = (rs, i) -> new Delivery(Sql.uuid(rs, "id"), Sql.uuid(rs, "webhook_id"),
			rs.getString("event_id"), rs.getString("event_type"), rs.getString("body"), rs.getString("status"),
			rs.getInt("attempts"), Sql.instant(rs, "created_at"), Sql.instant(rs, "next_attempt_at"),
			Sql.instant(rs, "last_attempt_at"), Sql.integer(rs, "last_status"), rs.getString("last_error"),
			Sql.instant(rs, "delivered_at"));

	private final JdbcClient jdbc;

	DeliveryStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Once per webhook and event: a reaction run again adds nothing. */
	void enqueue(UUID webhook, String eventId, String type, String body, Instant at) {
		jdbc.sql("""
				insert into webhook_delivery (id, webhook_id, event_id, event_type, body, status, attempts, created_at,
				  next_attempt_at)
				select ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?
				where not exists (select 1 from webhook_delivery where webhook_id = ? and event_id = ?)""")
			.params(Ids.next(), webhook, eventId, type, body, Sql.ts(at), Sql.ts(at), webhook, eventId)
			.update();
	}

	/**
	 * Takes a due delivery for this run, for a minute: only one run gets it (a conditional update); one that died
	 * while sending leaves it to be taken again after that.
	 */
	boolean claim(UUID id, Instant now) {
		return jdbc.sql("""
				update webhook_delivery set status = 'SENDING', next_attempt_at = ?
				where id = ? and status in ('PENDING', 'SENDING') and next_attempt_at <= ?""")
			.params(Sql.ts(now.plusSeconds(60)), id, Sql.ts(now))
			.update() == 1;
	}

	List<Delivery> due(Instant now, int limit) {
		return jdbc.sql("""
				select d.* from webhook_delivery d join webhook w on w.id = d.webhook_id
				where d.status in ('PENDING', 'SENDING') and d.next_attempt_at <= ? and w.disabled_at is null
				order by d.next_attempt_at, d.id fetch first ? rows only""")
			.params(Sql.ts(now), limit)
			.query(ROW)
			.list();
	}

	void delivered(UUID id, int status, Instant at) {
		jdbc.sql("""
				update webhook_delivery set status = 'DELIVERED', attempts = attempts + 1, last_attempt_at = ?,
				  last_status = ?, last_error = null, delivered_at = ? where id = ?""")
			.params(Sql.ts(at), status, Sql.ts(at), id)
			.update();
	}

	/** Tried again at {@code next}, or given up ({@code next} null). */
	void failed(UUID id, Integer status, String error, Instant at, Instant next) {
		String shortened = error == null ? null : error.length() > 1000 ? error.substring(0, 1000) : error;
		jdbc.sql("""
				update webhook_delivery set status = ?, attempts = attempts + 1, last_attempt_at = ?, last_status = ?,
				  last_error = ?, next_attempt_at = coalesce(?, next_attempt_at) where id = ?""")
			.params(next == null ? "FAILED" : "PENDING", Sql.ts(at), status, shortened, Sql.ts(next), id)
			.update();
	}

	/** The webhook's newest deliveries first. */
	List<Delivery> log(UUID webhook, int limit) {
		return jdbc.sql("select * from webhook_delivery where webhook_id = ? order by created_at desc, id desc"
				+ " fetch first ? rows only")
			.params(webhook, limit)
			.query(ROW)
			.list();
	}
}
