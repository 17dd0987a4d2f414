package app.tandem.okr.persistence;

import java.time.LocalDate;
import java.util.UUID;

import app.tandem.okr.domain.Level;
import app.tandem.okr.domain.ObjectiveType;

/**
 * An objective as a dashboard reads it: its stored progress and score (null until first
 * computed), the end of its window and whether a THRESHOLD key result keeps it from DONE early.
 */
public record RollupRow(UUID id, UUID cycleId, String title, Level level, UUID teamId, UUID ownerId,
		ObjectiveType type, Double finalScore, Double progress, Double score, LocalDate windowEnd,
		Boolean hasThreshold, Integer keyResults) {

	public boolean computed() {
		return progress != null && score != null && windowEnd != null && hasThreshold != null && keyResults != null;
	}
}
