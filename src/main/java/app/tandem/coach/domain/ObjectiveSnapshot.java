package app.tandem.coach.domain;

import java.time.LocalDate;
import java.util.List;

import app.tandem.okr.domain.Level;
import app.tandem.okr.domain.ObjectiveType;

/**
 * An objective as written, with its key results and its cycle's dates.
 *
 * @param parentId the objective it is aligned to (directly or through one of its key results), or null
 * @param cycleStart its cycle's first day, or null where the cycle is not known (a file naming a cycle
 * the server has)
 * @param cycleEnd its cycle's last day (inclusive), or null
 */
public record ObjectiveSnapshot(String id, String cycleId, String title, Level level, ObjectiveType type,
		String teamId, String parentId, LocalDate cycleStart, LocalDate cycleEnd, List<KeyResultSnapshot> keyResults) {

	public ObjectiveSnapshot {
		keyResults = List.copyOf(keyResults);
	}
}
