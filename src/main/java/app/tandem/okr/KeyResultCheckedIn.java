package app.tandem.okr;

import java.time.Instant;
import java.util.UUID;

import org.jmolecules.event.annotation.DomainEvent;

import app.tandem.okr.domain.Status;

/**
 * A check-in was recorded on a key result (by a person, or from the KPI that measures it: then {@code authorId} is
 * null), published in the check-in's transaction, with the key result's status just before and just after it.
 */
@DomainEvent
public record KeyResultCheckedIn(UUID keyResultId, UUID objectiveId, UUID checkInId, UUID authorId, Instant at,
		Status previousStatus, Status status) {
}
