package app.tandem.okr;

import java.time.Instant;
import java.util.UUID;

import org.jmolecules.event.annotation.DomainEvent;

/**
 * Someone was made owner of an objective or a key result by somebody else (created so, or changed), published in
 * that change's transaction: the new owner is told. Restores and carried-over copies publish none.
 */
@DomainEvent
public record OwnerAssigned(Subject subject, UUID subjectId, UUID objectiveId, UUID ownerId, UUID byId, Instant at) {

	public enum Subject {
		OBJECTIVE, KEY_RESULT
	}
}
