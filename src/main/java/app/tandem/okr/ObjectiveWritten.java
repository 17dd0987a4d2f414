package app.tandem.okr;

import java.time.Instant;
import java.util.UUID;

import org.jmolecules.event.annotation.DomainEvent;

/** An objective was created or changed through its API or pages, published in that change's transaction. */
@DomainEvent
public record ObjectiveWritten(UUID objectiveId, Kind kind, UUID cycleId, UUID teamId, String title, UUID byId,
		Instant at) {

	public enum Kind {
		CREATED, UPDATED
	}
}
