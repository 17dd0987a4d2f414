package app.tandem.okr;

import java.time.Instant;
import java.util.UUID;

/** A cycle was closed and every score in it frozen; published in the closing transaction. */
public record CycleClosed(UUID cycleId, Instant closedAt) {
}
