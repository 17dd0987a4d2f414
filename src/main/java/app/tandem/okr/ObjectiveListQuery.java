package app.tandem.okr;

import java.util.UUID;

import app.tandem.okr.domain.Level;
import app.tandem.okr.domain.Status;

/**
 * What the OKR list shows of a cycle; each part left null matches all. {@code person}: the objectives they own and
 * those with a key result they own. {@code status}: as evaluated now. {@code archived}: the archived objectives
 * instead of the others.
 */
public record ObjectiveListQuery(UUID cycleId, Level level, UUID teamId, UUID person, Status status,
		boolean archived) {
}
