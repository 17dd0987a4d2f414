package app.tandem.audit;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

/**
 * One recorded change as the API answers it: who ({@code actorId}, {@code actor}: the username) did what to which
 * entity, when, with field → [old, new] as {@code changes}, on which node and in which request.
 */
public record AuditEntry(String id, Instant at, String actorId, String actor, String entity, String entityId,
		String action, JsonNode changes, String node, String requestId) {
}
