package app.tandem.webhooks;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import app.tandem.shared.Sql;
import app.tandem.webhooks.domain.WebhookEventType;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The webhook rows. Event types are kept as {@code ,a,b,} so that one is found with a LIKE on both databases. */
@Repository
class WebhookStore {

	record Webhook(UUID id, String url, String secret, Set<WebhookEventType> events, UUID teamId, UUID createdBy,
			Instant createdAt, Instant failingSince, Instant disabledAt, String disabledReason) {
	}

	private static final RowMapper<Webhook> ROW = (rs, i) -> new Webhook(Sql.uuid(rs, "id"), rs.getString("url"),
			rs.getString("secret"), events(rs.getString("events")), Sql.uuid(rs, "team_id"), Sql.uuid(rs, "created_by"),
			Sql.instant(rs, "created_at"), Sql.instant(rs, "failing_since"), Sql.instant(rs, "disabled_at"),
			rs.getString("disabled_reason"));

	private final JdbcClient jdbc;

	WebhookStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Webhook w) {
		jdbc.sql("""
				insert into webhook (id, url, secret, events, team_id, created_by, created_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(w.id(), w.url(), w.secret(), stored(w.events()), w.teamId(), w.createdBy(), Sql.ts(w.createdAt()))
			.update();
	}

	Optional<Webhook> find(UUID id) {
		return jdbc.sql("select * from webhook where id = ?").param(id).query(ROW).optional();
	}

	/** All of them (teams empty and all true), or those of these teams and those this person made. */
	List<Webhook> list(boolean all, Collection<UUID> teams, UUID createdBy) {
		if (all) {
			return jdbc.sql("select * from webhook order by created_at, id").query(ROW).list();
		}
		return jdbc.sql("select * from webhook where created_by = :by"
				+ (teams.isEmpty() ? "" : " or team_id in (:teams)") + " order by created_at, id")
			.param("by", createdBy)
			.param("teams", teams.isEmpty() ? List.of(new UUID(0, 0)) : teams)
			.query(ROW)
			.list();
	}

	/**
	 * The enabled webhooks that hear of this type: those of no team always, a team's only of its own team's events
	 * ({@code teams}: the teams the event is about; none for an event of the whole organisation).
	 */
	List<Webhook> subscribed(WebhookEventType type, Collection<UUID> teams) {
		return jdbc.sql("select * from webhook where disabled_at is null and events like :type"
				+ " and (team_id is null" + (teams.isEmpty() ? "" : " or team_id in (:teams)") + ")")
			.param("type", "%," + type.wire() + ",%")
			.param("teams", teams.isEmpty() ? List.of(new UUID(0, 0)) : teams)
			.query(ROW)
			.list();
	}

	boolean delete(UUID id) {
		return jdbc.sql("delete from webhook where id = ?").param(id).update() == 1;
	}

	void failing(UUID id, Instant since) {
		jdbc.sql("update webhook set failing_since = ? where id = ? and failing_since is null").params(Sql.ts(since), id)
			.update();
	}

	void answering(UUID id) {
		jdbc.sql("update webhook set failing_since = null where id = ? and failing_since is not null").param(id).update();
	}

	/** @return whether this call disabled it (not one before) */
	boolean disable(UUID id, Instant at, String reason) {
		return jdbc.sql("update webhook set disabled_at = ?, disabled_reason = ? where id = ? and disabled_at is null")
			.params(Sql.ts(at), reason, id)
			.update() == 1;
	}

	private static String stored(Set<WebhookEventType> events) {
		return "," + events.stream().map(WebhookEventType::wire).sorted().collect(Collectors.joining(",")) + ",";
	}

	private static Set<WebhookEventType> events(String stored) {
		Set<WebhookEventType> events = EnumSet.noneOf(WebhookEventType.class);
		Arrays.stream(stored.split(",")).forEach(name -> WebhookEventType.ofWire(name).ifPresent(events::add));
		return events;
	}
}
