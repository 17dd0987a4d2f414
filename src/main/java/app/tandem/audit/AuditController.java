package app.tandem.audit;

import java.time.Instant;
import java.util.List;

import app.tandem.identity.IdentityApi;
import app.tandem.okr.Objectives;
import app.tandem.shared.Ids;
import app.tandem.shared.InvalidInputException;
import app.tandem.shared.ListPage;
import app.tandem.shared.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** {@code GET /api/v1/audit?entity&id&from&to} for admins, and an objective's history for those who see it; newest first. */
@RestController
class AuditController {

	private final JdbcClient jdbc;

	private final IdentityApi identity;

	private static final String SELECT = """
			select a.id, a.at, a.actor_id, u.username, a.entity, a.entity_id, a.action, a.changes, a.node, a.request_id
			from audit_event a left join app_user u on u.id = a.actor_id
			""";

	private final ObjectMapper json;

	private final Objectives objectives;

	AuditController(JdbcClient jdbc, IdentityApi identity, ObjectMapper json, Objectives objectives) {
		this.objectives = objectives;
		this.jdbc = jdbc;
		this.identity = identity;
		this.json = json;
	}

	record AuditEvent(String id, Instant at, String actorId, String actor, String entity, String entityId,
			String action, JsonNode changes, String node, String requestId) {
	}

	/**
	 * An objective's history: the audit events of the objective and of its key results, newest
	 * first, for anyone who may see the objective (a private one they may not see is a 404).
	 */
	@GetMapping("/api/v1/objectives/{id}/history")
	ListPage<AuditEvent> history(@PathVariable String id, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor) {
		var objective = objectives.get(Ids.parse(id, "objective"), null, identity.caller());
		List<String> ids = new java.util.ArrayList<>(List.of(objective.id()));
		objective.keyResults().forEach(kr -> ids.add(kr.id()));
		int max = ListPage.limit(limit);
		List<AuditEvent> events = jdbc.sql(SELECT + """
				where ((a.entity = 'objective' and a.entity_id = :objective)
				  or (a.entity = 'key_result' and a.entity_id in (:ids)))
				  and (cast(:before as uuid) is null or a.id < :before)
				order by a.id desc limit :limit""")
			.param("objective", objective.id())
			.param("ids", ids)
			.param("before", Ids.tryParse(cursor))
			.param("limit", max + 1)
			.query(this::event)
			.list();
		return ListPage.of(withoutHiddenAlignment(events), max, AuditEvent::id);
	}

	/** What names objectives in an objective's history: its alignment, and where its key results moved from. */
	private static final List<String> OBJECTIVE_REFERENCES = List.of("parentId", "parentKeyResultId", "objectiveId");

	/**
	 * The history as the caller may read it: an objective they may not see (a private parent, a private objective a
	 * key result moved from) is named by no id, as the objective's own reads leave it out.
	 */
	private List<AuditEvent> withoutHiddenAlignment(List<AuditEvent> events) {
		List<String> named = new java.util.ArrayList<>();
		for (AuditEvent event : events) {
			for (String field : OBJECTIVE_REFERENCES) {
				event.changes().path(field).forEach(value -> named.add(value.asString(null)));
			}
		}
		java.util.Set<String> hidden = objectives.hiddenFrom(identity.caller(), named);
		if (!hidden.isEmpty()) {
			for (AuditEvent event : events) {
				for (String field : OBJECTIVE_REFERENCES) {
					if (event.changes().path(field) instanceof tools.jackson.databind.node.ArrayNode values) {
						for (int i = 0; i < values.size(); i++) {
							if (hidden.contains(values.get(i).asString(null))) {
								values.set(i, values.nullNode());
							}
						}
					}
				}
			}
		}
		return events;
	}

	@GetMapping("/api/v1/audit")
	ListPage<AuditEvent> audit(@RequestParam(required = false) String entity, @RequestParam(required = false) String id,
			@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
			@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
		identity.requireAdmin();
		if (from != null && to != null && !from.isBefore(to)) {
			throw InvalidInputException.of("to", "must be after from");
		}
		int max = ListPage.limit(limit);
		List<AuditEvent> events = jdbc.sql(SELECT + """
				where (cast(:entity as varchar(40)) is null or a.entity = :entity)
				  and (cast(:entityId as varchar(100)) is null or a.entity_id = :entityId)
				  and (cast(:from as timestamp with time zone) is null or a.at >= :from)
				  and (cast(:to as timestamp with time zone) is null or a.at < :to)
				  and (cast(:before as uuid) is null or a.id < :before)
				order by a.id desc limit :limit""")
			.param("entity", entity)
			.param("entityId", id)
			.param("from", Sql.ts(from))
			.param("to", Sql.ts(to))
			.param("before", Ids.tryParse(cursor))
			.param("limit", max + 1)
			.query(this::event)
			.list();
		return ListPage.of(events, max, AuditEvent::id);
	}

	private AuditEvent event(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new AuditEvent(Sql.uuid(rs, 1).toString(), Sql.instant(rs, 2), Ids.str(Sql.uuid(rs, 3)), rs.getString(4),
				rs.getString(5), rs.getString(6), rs.getString(7), json.readTree(rs.getString(8)), rs.getString(9),
				rs.getString(10));
	}

}
