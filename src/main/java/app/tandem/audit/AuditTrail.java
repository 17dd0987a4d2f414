package app.tandem.audit;

import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import app.tandem.shared.Ids;
import app.tandem.shared.NodeId;
import app.tandem.shared.NodeProperties;
import app.tandem.shared.Sql;
import org.slf4j.MDC;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Writes who changed what, when, old → new, from which node and request, in the caller's
 * transaction: a change that rolls back leaves no trace, and no change goes unrecorded.
 */
@Component
@EnableConfigurationProperties(NodeProperties.class)
public class AuditTrail {

	/** The MDC key under which the request's id travels (set by the request filter). */
	public static final String REQUEST_ID = "requestId";

	private static final int MAX_CHANGES = 100_000;

	private static final String INSERT = "insert into audit_event (id, at, actor_id, entity, entity_id, action, changes,"
			+ " node, request_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?)";

	private final JdbcTemplate jdbc;

	private final ObjectMapper json;

	private final Clock clock;

	private final String node;

	private final CurrentActor actor;

	AuditTrail(JdbcTemplate jdbc, ObjectMapper json, Clock clock, NodeProperties node, CurrentActor actor) {
		this.actor = actor;
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
		this.node = NodeId.of(node.nodeId());
	}

	/** {@code changes}: field → [old, new] (see {@link #diff}); the actor is whoever acts in this thread. */
	public void record(String entity, Object id, String action, Map<String, Object[]> changes) {
		jdbc.update(INSERT, columns(entity, id, action, changes, Sql.ts(now())));
	}

	/** The same action on many entities ({@code entries}: id → changes), in one batch: an import's rows. */
	public void recordAll(String entity, String action, List<Map.Entry<Object, Map<String, Object[]>>> entries) {
		var at = Sql.ts(now());
		jdbc.batchUpdate(INSERT, entries.stream().map(e -> columns(entity, e.getKey(), action, e.getValue(), at)).toList());
	}

	private Instant now() {
		return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
	}

	private Object[] columns(String entity, Object id, String action, Map<String, Object[]> changes, Object at) {
		String text = json.writeValueAsString(changes);
		if (text.length() > MAX_CHANGES) {
			text = json.writeValueAsString(Map.of("truncated", new Object[] { null, text.length() + " characters" }));
		}
		return new Object[] { Ids.next(), at, actor.id(), entity, String.valueOf(id), action, text, node,
				MDC.get(REQUEST_ID) };
	}

	/**
	 * The fields of two records of one type that differ, as field → [old, new]; with {@code before}
	 * null every field of {@code after} (a creation), with {@code after} null every field of
	 * {@code before} (a deletion). {@code version} is left out: it changes with every write.
	 */
	public static Map<String, Object[]> diff(Record before, Record after) {
		Record shape = before != null ? before : after;
		Map<String, Object[]> changes = new LinkedHashMap<>();
		if (shape == null) {
			return changes;
		}
		for (RecordComponent component : shape.getClass().getRecordComponents()) {
			if (component.getName().equals("version")) {
				continue;
			}
			Object old = before == null ? null : value(component, before);
			Object now = after == null ? null : value(component, after);
			if (!Objects.equals(old, now)) {
				changes.put(component.getName(), new Object[] { old, now });
			}
		}
		return changes;
	}

	/** One field's change, for the actions that are not a whole record's. */
	public static Map<String, Object[]> change(String field, Object old, Object now) {
		Map<String, Object[]> changes = new LinkedHashMap<>();
		changes.put(field, new Object[] { old, now });
		return changes;
	}

	private static Object value(RecordComponent component, Record record) {
		try {
			var accessor = component.getAccessor();
			// Records of a module are often package-private; their accessors are still plain getters.
			accessor.setAccessible(true);
			return accessor.invoke(record);
		}
		catch (ReflectiveOperationException e) {
			throw new IllegalStateException("cannot read " + component.getName(), e);
		}
	}
}
