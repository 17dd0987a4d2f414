package app.tandem.okr;

import java.time.Instant;
import java.util.UUID;

import app.tandem.okr.domain.Level;

/**
 * Which objectives a list asks for; each part left null matches all. {@code existingAt}: only objectives created by
 * then (a list as of a past instant).
 */
public record ObjectiveFilter(UUID cycleId, UUID teamId, UUID ownerId, Level level, Instant existingAt) {

	static ObjectiveFilter ofCycle(UUID cycleId, UUID teamId) {
		return new ObjectiveFilter(cycleId, teamId, null, null, null);
	}

	static ObjectiveFilter ofOwner(UUID cycleId, UUID ownerId) {
		return new ObjectiveFilter(cycleId, null, ownerId, null, null);
	}
}
