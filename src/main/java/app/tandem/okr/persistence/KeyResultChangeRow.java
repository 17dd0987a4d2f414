package app.tandem.okr.persistence;

import java.time.Instant;
import java.util.UUID;

/** One entry of a key result's history: what changed (or happened), from what to what, and why. */
public record KeyResultChangeRow(UUID id, UUID keyResultId, Instant at, UUID authorId, String kind, String field,
		String oldValue, String newValue, String reason) {
}
