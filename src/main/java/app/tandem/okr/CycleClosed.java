package app.tandem.okr;

import java.time.Instant;
import java.util.UUID;

import org.jmolecules.event.annotation.DomainEvent;

/** A cycle was closed and every score in it frozen; published in the closing transaction. */
@DomainEvent
public record CycleClosed(UUID cycleId, Instant closedAt) {
}
