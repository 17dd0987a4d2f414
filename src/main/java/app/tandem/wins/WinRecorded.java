package app.tandem.wins;

import java.time.Instant;
import java.util.UUID;

import org.jmolecules.event.annotation.DomainEvent;

/** A win was recorded (a key result done, an objective scored well at its cycle's close). */
@DomainEvent
public record WinRecorded(UUID subjectId, String kind, UUID objectiveId, String title, UUID cycleId, UUID teamId,
		UUID personId, Double score, Instant at) {
}
