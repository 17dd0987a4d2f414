package app.tandem.notify;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import app.tandem.notify.domain.NotificationKind;
import app.tandem.shared.Ids;
import app.tandem.shared.Sql;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** The notification rows: written once per dedupe key, read newest first per person. */
@Repository
class NotificationStore {

	/** A stored notification, its words' values as written. */
	record Stored(UUID id, UUID recipientId, NotificationKind kind, String subjectType, String subjectId, UUID actorId,
			Map<String, Object> params, String path, Instant createdAt, Instant readAt) {
	}

	private static final TypeReference<Map<String, Object>> PARAMS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	private final RowMapper<Stored> row;

	NotificationStore(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
		this.row = (rs, i) -> new Stored(Sql.uuid(rs, "id"), Sql.uuid(rs, "recipient_id"),
				NotificationKind.valueOf(rs.getString("kind")), rs.getString("subject_type"), rs.getString("subject_id"),
				Sql.uuid(rs, "actor_id"), json.readValue(rs.getString("params"), PARAMS), rs.getString("path"),
				Sql.instant(rs, "created_at"), Sql.instant(rs, "read_at"));
	}

	/**
	 * Writes it unless its dedupe key is taken; answers its id, or null when it was there already.
	 * {@code read}: written read (the person does not want this kind in the app, only elsewhere).
	 */
	UUID insertOnce(NewNotification n, boolean read) {
		UUID id = Ids.next();
		int written = jdbc.sql("""
				insert into notification (id, recipient_id, kind, subject_type, subject_id, actor_id, params, path,
				  created_at, read_at, dedupe_key)
				select ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?
				where not exists (select 1 from notification where dedupe_key = ?)""")
			.params(id, n.recipientId(), n.kind().name(), n.subjectType(), n.subjectId(), n.actorId(),
					json.writeValueAsString(n.params()), n.path(), Sql.ts(n.at()), read ? Sql.ts(n.at()) : null,
					n.dedupeKey(), n.dedupeKey())
			.update();
		return written == 1 ? id : null;
	}

	/** Newest first, before the notification {@code before} (null: from the newest). */
	List<Stored> of(UUID recipient, boolean unreadOnly, UUID before, int limit) {
		return jdbc.sql("select * from notification where recipient_id = :recipient"
				+ (unreadOnly ? " and read_at is null" : "")
				+ " and (cast(:before as uuid) is null or id < :before) order by id desc fetch first :limit rows only")
			.param("recipient", recipient)
			.param("before", before)
			.param("limit", limit)
			.query(row)
			.list();
	}

	Stored get(UUID id) {
		return jdbc.sql("select * from notification where id = ?").param(id).query(row).optional().orElse(null);
	}

	String pathOf(UUID id, UUID recipient) {
		return jdbc.sql("select path from notification where id = ? and recipient_id = ?").params(id, recipient)
			.query(String.class).optional().orElse(null);
	}

	long unread(UUID recipient) {
		return jdbc.sql("select count(*) from notification where recipient_id = ? and read_at is null")
			.param(recipient)
			.query(Long.class)
			.single();
	}

	/** Marks the person's notification read; false when it is not theirs (or does not exist). */
	boolean markRead(UUID id, UUID recipient, Instant at) {
		int found = jdbc.sql("update notification set read_at = coalesce(read_at, ?) where id = ? and recipient_id = ?")
			.params(Sql.ts(at), id, recipient)
			.update();
		return found == 1;
	}

	int markAllRead(UUID recipient, Instant at) {
		return jdbc.sql("update notification set read_at = ? where recipient_id = ? and read_at is null")
			.params(Sql.ts(at), recipient)
			.update();
	}
}
