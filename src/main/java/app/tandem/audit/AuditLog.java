package app.tandem.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import app.tandem.shared.Ids;
import app.tandem.shared.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads the audit trail, newest first, a page at a time ({@code before}: the last id of the previous page). Who may
 * read what is the caller's to decide: the admin's log in identity, an objective's history in okr.
 */
@Component
public class AuditLog {

	private static final String SELECT = """
			select a.id, a.at, a.actor_id, u.username, a.entity, a.entity_id, a.action, a.changes, a.node, a.request_id
			from audit_event a left join app_user u on u.id = a.actor_id
			""";

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	AuditLog(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** Each part left null matches all; {@code to} is exclusive. */
	public record Query(String entity, String entityId, Instant from, Instant to) {
	}

	public List<AuditEntry> find(Query query, UUID before, int limit) {
		return jdbc.sql(SELECT + """
				where (cast(:entity as varchar(40)) is null or a.entity = :entity)
				  and (cast(:entityId as varchar(100)) is null or a.entity_id = :entityId)
				  and (cast(:from as timestamp with time zone) is null or a.at >= :from)
				  and (cast(:to as timestamp with time zone) is null or a.at < :to)
				  and (cast(:before as uuid) is null or a.id < :before)
				order by a.id desc limit :limit""")
			.param("entity", query.entity())
			.param("entityId", query.entityId())
			.param("from", Sql.ts(query.from()))
			.param("to", Sql.ts(query.to()))
			.param("before", before)
			.param("limit", limit)
			.query(this::entry)
			.list();
	}

	/** The changes of an objective and of its key results. */
	public List<AuditEntry> ofObjective(String objectiveId, List<String> keyResultIds, UUID before, int limit) {
		return jdbc.sql(SELECT + """
				where ((a.entity = 'objective' and a.entity_id = :objective)
				  or (a.entity = 'key_result' and a.entity_id in (:ids)))
				  and (cast(:before as uuid) is null or a.id < :before)
				order by a.id desc limit :limit""")
			.param("objective", objectiveId)
			// an objective without key results: a list that names no key result's id
			.param("ids", keyResultIds.isEmpty() ? List.of(objectiveId) : keyResultIds)
			.param("before", before)
			.param("limit", limit)
			.query(this::entry)
			.list();
	}

	private AuditEntry entry(ResultSet rs, int row) throws SQLException {
		return new AuditEntry(Sql.uuid(rs, 1).toString(), Sql.instant(rs, 2), Ids.str(Sql.uuid(rs, 3)), rs.getString(4),
				rs.getString(5), rs.getString(6), rs.getString(7), json.readTree(rs.getString(8)), rs.getString(9),
				rs.getString(10));
	}
}
